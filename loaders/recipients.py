"""The 'Nơi nhận' list and each entry's purpose."""

from __future__ import annotations

from .model import Recipient


def find_recipients(text: str, start: int, end: int) -> list[Recipient]:
    """Recipients listed in ``text[start:end]`` (empty when there is no 'Nơi nhận')."""
    return []

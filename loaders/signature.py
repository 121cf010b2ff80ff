"""The signature block (T/M BAN CHẤP HÀNH / BÍ THƯ / name)."""

from __future__ import annotations

from .model import Signature


def find_signature(text: str, start: int, end: int) -> Signature | None:
    """The signature in ``text[start:end]``, or None when the part has none."""
    return None

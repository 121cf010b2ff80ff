"""Responsibilities, recurrences and deadlines (phân công, định kỳ, thời hạn)."""

from __future__ import annotations

from .model import Deadline, Recurrence, Responsibility, Warning


def find_duties(
    text: str, start: int, end: int, issued: str | None = None
) -> tuple[list[Responsibility], list[Recurrence], list[Deadline], list[Warning]]:
    """Duties in ``text[start:end]``; ``issued`` (ISO date) resolves relative deadlines."""
    return [], [], [], []

"""Reading order of a page laid out in two columns, for PDF text layers and OCR alike.

A party document sets its header (issuer block and symbol on the left, party motto and
place and date on the right) and its foot (recipients on the left, signature on the right)
side by side. A PDF or a scan gives such lines across both columns. Each line is cut into
segments where words stand far apart; while segments sit wholly in one half of the page,
the left half's text is given before the right half's, as the typed text has it. A line
that runs across the middle (body text, a centred title) ends such a stretch.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """Words of one line that stand together, with where they start and end across."""

    left: float
    right: float
    text: str


def reading_order(lines: list[list[Segment]], width: float) -> list[str]:
    """Lines of text in reading order; ``lines`` hold their segments left to right."""
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for segments in lines:
        sides = [_side(segment, width) for segment in segments]
        if "across" in sides or not segments:
            out += [*left, *right, " ".join(s.text for s in segments)]
            left, right = [], []
            continue
        left += [s.text for s, side in zip(segments, sides, strict=True) if side == "left"]
        right += [s.text for s, side in zip(segments, sides, strict=True) if side == "right"]
    return out + left + right


def _side(segment: Segment, width: float) -> str:
    middle, slack = width / 2, width / 50
    if segment.right <= middle + slack:
        return "left"
    if segment.left >= middle - slack:
        return "right"
    return "across"

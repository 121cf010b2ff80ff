"""OCR of scanned PDF pages: ``pdftoppm`` renders a page, ``tesseract -l vie`` reads its
words with their boxes, and the words are put back in reading order.

Tesseract reads a party document's header (issuer block on the left, party motto and date
on the right) as lines running across both columns; ``layout.reading_order`` puts the
left column before the right.
"""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from .layout import Segment, reading_order

OCR_DPI = 300
OCR_TIMEOUT_S = 300  # per page
COLUMN_GAP = 4  # a gap wider than this many word heights splits a line into columns


@dataclass(frozen=True)
class Word:
    """A word as Tesseract found it: which line it is on, its box and its text."""

    line: tuple[int, int, int]  # block, paragraph, line
    left: int
    right: int
    height: int
    text: str


def ocr_pages(data: bytes, pages: list[int]) -> list[str]:
    """The text of the given (0-based) pages of a PDF, read by OCR."""
    _check_tools()
    with tempfile.TemporaryDirectory(prefix="vankien-ocr-") as tmp:
        pdf = Path(tmp, "in.pdf")
        pdf.write_bytes(data)
        return [_ocr_page(pdf, i + 1) for i in pages]


def _ocr_page(pdf: Path, number: int) -> str:
    prefix = pdf.with_name(f"page-{number}")
    _run(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-singlefile",
          "-f", str(number), "-l", str(number), str(pdf), str(prefix)])
    return page_text(_run(["tesseract", f"{prefix}.png", "stdout", "-l", "vie", "tsv"]))


def page_text(tsv: str) -> str:
    """A page's text from Tesseract's TSV output, side-by-side columns one after another."""
    words, width = _words(tsv)
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return "\n".join(reading_order([_segments(line) for line in lines.values()], width))


def _words(tsv: str) -> tuple[list[Word], int]:
    words, width = [], 0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or not all(c.lstrip("-").isdigit() for c in cols[:10]):
            continue
        level, _page, block, par, line, _word, left, _top, w, h = map(int, cols[:10])
        if level == 1:
            width = w
        elif level == 5 and cols[11].strip():
            words.append(Word((block, par, line), left, left + w, h, cols[11].strip()))
    return words, width


def _segments(line: list[Word]) -> list[Segment]:
    """A line cut where the gap between two words is far wider than the words are tall."""
    line = sorted(line, key=lambda w: w.left)
    gap = COLUMN_GAP * statistics.median(w.height for w in line)
    groups = [[line[0]]]
    for prev, word in itertools.pairwise(line):
        if word.left - prev.right > gap:
            groups.append([])
        groups[-1].append(word)
    return [Segment(g[0].left, g[-1].right, " ".join(w.text for w in g)) for g in groups]


def _check_tools() -> None:
    if not shutil.which("pdftoppm"):
        raise ReadError(None, "OCR needs pdftoppm: install poppler-utils")
    if not shutil.which("tesseract"):
        raise ReadError(None, "OCR needs tesseract: install tesseract-ocr tesseract-ocr-vie")
    if "vie" not in _run(["tesseract", "--list-langs"]).split():
        raise ReadError(None, "OCR needs Tesseract's Vietnamese model: install tesseract-ocr-vie")


def _run(command: list[str]) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, capture_output=True, timeout=OCR_TIMEOUT_S, env=env,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReadError(None, f"OCR failed: {command[0]}: {exc}") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ReadError(None, f"OCR failed: {command[0]}: {detail[-1] if detail else 'error'}")
    return done.stdout.decode("utf-8", errors="replace")

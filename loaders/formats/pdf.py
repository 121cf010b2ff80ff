"""PDF → text: the text layer read with pypdf, or a scan read by Tesseract OCR.

A text layer is read in pypdf's layout mode, so that side-by-side columns can be told
apart (``layout.reading_order``); lines set in a bold font are marked ``**…**`` and the
lines a paragraph was wrapped into are joined. Pages whose text layer is (nearly) empty
are scans. With ``ocr=True`` they are rendered by
``pdftoppm`` (Debian poppler-utils) and read by ``tesseract -l vie`` (tesseract-ocr,
tesseract-ocr-vie); without it a PDF that is all scans is refused with a message saying
how to turn OCR on, and one that is partly scanned gets a warning naming the pages.
"""

from __future__ import annotations

import io
import re

from pypdf import PageObject, PdfReader

from ..errors import ReadError
from .layout import Segment, reading_order
from .ocr import ocr_pages
from .text import Decoded

MIN_PAGE_CHARS = 20  # fewer visible characters than this on a page: a scan
_SEGMENT = re.compile(r"\S+(?: {1,4}\S+)*")  # five spaces or more part two columns
_BOLD = re.compile(r"bold|black|heavy", re.I)  # in a font's /BaseFont name
_ITEM = re.compile(r"[-+•*#]|\d+[.)]\s|[IVXLC]+[.-]\s|[a-zđ][)]\s")  # item or heading starts
NEEDS_OCR = "no text layer: scanned PDF needs OCR; rerun with --ocr (needs tesseract-ocr-vie)"


def read_pdf(data: bytes, *, ocr: bool = False) -> Decoded:
    """The text of a PDF, a page after another; raise :class:`ReadError` (no path)."""
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(None, "broken .pdf (cut short: no %%EOF end marker)")
    pages = _text_layer(data)
    scans = [i for i, text in enumerate(pages) if len("".join(text.split())) < MIN_PAGE_CHARS]
    warnings: tuple[str, ...] = ()
    if scans and ocr:
        for i, text in zip(scans, ocr_pages(data, scans), strict=True):
            pages[i] = text
        warnings = (f"OCR (tesseract, vie) read page(s) {_numbers(scans)}; check the text",)
    elif scans and len(scans) == len(pages):
        raise ReadError(None, NEEDS_OCR)
    elif scans:
        warnings = (f"page(s) {_numbers(scans)} have no text layer and were skipped; "
                    "rerun with --ocr to read them",)
    text = "\n".join(unwrap(page.strip("\n")) for page in pages)
    return Decoded(text, None, warnings)


def unwrap(page: str) -> str:
    """Join the lines a paragraph was wrapped into, as the typed text has them.

    A line is continued by the next when it is nearly as long as the page's longest line,
    both are bold or neither is, neither is in capitals, the next is no list item, and
    either the next starts in lower case or the line does not end a sentence.
    """
    lines = [_bold_split(line) for line in page.split("\n")]
    if len(lines) < 5:
        return page
    full = 0.75 * max(len(text) for text, _ in lines)
    out = lines[:1]
    for text, bold in lines[1:]:
        prev, prev_bold = out[-1]
        if bold == prev_bold and len(prev) >= full and _continues(prev, text.lstrip()):
            out[-1] = (f"{prev.rstrip()} {text.lstrip()}", bold)
        else:
            out.append((text, bold))
    return "\n".join(f"**{text}**" if bold else text for text, bold in out)


def _bold_split(line: str) -> tuple[str, bool]:
    bold = len(line) > 4 and line.startswith("**") and line.endswith("**")
    return (line[2:-2], True) if bold else (line, False)


def _continues(prev: str, line: str) -> bool:
    if not line or _ITEM.match(line) or line.isupper() or prev.isupper():
        return False  # a list item, or a line in capitals (a heading, a signature)
    return line[0].islower() or not prev.rstrip().endswith((".", ":", ";", "!", "?"))


def _text_layer(data: bytes) -> list[str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(None, "encrypted PDF: it needs a password")
        return [_page_text(page) for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise ReadError(None, f"broken .pdf ({type(exc).__name__})") from exc


def _page_text(page: PageObject) -> str:
    """A page's text layer in reading order, bold lines marked; a scan gives (almost) ''."""
    chunks: list[tuple[str, bool]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: object) -> None:
        chunks.append((text, bool(_BOLD.search(str((font or {}).get("/BaseFont", ""))))))

    plain = page.extract_text(visitor_text=visit) or ""
    if len("".join(plain.split())) < MIN_PAGE_CHARS:
        return plain
    try:
        laid = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
    except Exception:  # layout mode fails on some fonts where plain mode copes
        return "\n".join(_mark_bold(plain.split("\n"), chunks))
    rows = laid.split("\n")
    width = max(len(row) for row in rows)
    lines = reading_order([_segments(row) for row in rows], width)
    return "\n".join(_mark_bold(lines, chunks))


def _segments(row: str) -> list[Segment]:
    """A layout-mode row cut where a wide run of spaces stands between words."""
    return [Segment(m.start(), m.end(), " ".join(m[0].split())) for m in _SEGMENT.finditer(row)]


def _mark_bold(lines: list[str], chunks: list[tuple[str, bool]]) -> list[str]:
    """Lines set wholly in a bold font as ``**…**``, as the .docx reader gives headings."""
    stream = "".join(c for chunk, _ in chunks for c in chunk if not c.isspace())
    flags = [bold for chunk, bold in chunks for c in chunk if not c.isspace()]
    out = []
    for line in lines:
        key = "".join(line.split())
        at = stream.find(key) if key else -1
        bold = at >= 0 and all(flags[at:at + len(key)])
        out.append(f"**{line}**" if bold else line)
    return out


def _numbers(pages: list[int]) -> str:
    return ", ".join(str(i + 1) for i in pages)

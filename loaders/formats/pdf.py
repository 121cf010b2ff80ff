"""PDF → text: the text layer read with pypdf, or a scan read by Tesseract OCR.

Pages whose text layer is (nearly) empty are scans. With ``ocr=True`` they are rendered by
``pdftoppm`` (Debian poppler-utils) and read by ``tesseract -l vie`` (tesseract-ocr,
tesseract-ocr-vie); without it a PDF that is all scans is refused with a message saying
how to turn OCR on, and one that is partly scanned gets a warning naming the pages.
"""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from ..errors import ReadError
from .ocr import ocr_pages
from .text import Decoded

MIN_PAGE_CHARS = 20  # fewer visible characters than this on a page: a scan
_SPACES = re.compile(r"[ \t]{2,}")  # justified lines come out with gaps as runs of spaces
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
    text = "\n".join(_SPACES.sub(" ", page).strip("\n") for page in pages)
    return Decoded(text, None, warnings)


def _text_layer(data: bytes) -> list[str]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(None, "encrypted PDF: it needs a password")
        return [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise ReadError(None, f"broken .pdf ({type(exc).__name__})") from exc


def _numbers(pages: list[int]) -> str:
    return ", ".join(str(i + 1) for i in pages)

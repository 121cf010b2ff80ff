"""PDF → text: the text layer read with pypdf, or a scan read by Tesseract OCR.

Pages whose text layer is (nearly) empty are scans. With ``ocr=True`` they are rendered by
``pdftoppm`` (Debian poppler-utils) and read by ``tesseract -l vie`` (tesseract-ocr,
tesseract-ocr-vie); without it a PDF that is all scans is refused with a message saying
how to turn OCR on, and one that is partly scanned gets a warning naming the pages.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

from ..errors import ReadError
from .text import Decoded

MIN_PAGE_CHARS = 20  # fewer visible characters than this on a page: a scan
OCR_DPI = 300
OCR_TIMEOUT_S = 300  # per page
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


def ocr_pages(data: bytes, pages: list[int]) -> list[str]:
    """OCR the given (0-based) pages of a PDF with pdftoppm and tesseract."""
    _check_ocr_tools()
    with tempfile.TemporaryDirectory(prefix="vankien-ocr-") as tmp:
        pdf = Path(tmp, "in.pdf")
        pdf.write_bytes(data)
        return [_ocr_page(pdf, i + 1) for i in pages]


def _ocr_page(pdf: Path, number: int) -> str:
    prefix = pdf.with_name(f"page-{number}")
    _run(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-singlefile",
          "-f", str(number), "-l", str(number), str(pdf), str(prefix)])
    return _run(["tesseract", f"{prefix}.png", "stdout", "-l", "vie"])


def _check_ocr_tools() -> None:
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

"""Stage 1: a file on disk → :class:`Source` (decoded text plus provenance).

The format is told by the file's bytes (``formats.sniff``), not by its name; a name that
says otherwise gets a warning. Text files may be in any encoding Vietnamese offices used
(``formats.text``), and text typed in TCVN3 or VNI fonts inside a Unicode file is
converted (``formats.legacy``). Every failure is a :class:`ReadError` with a short reason.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from .errors import ReadError
from .formats import mismatch, sniff
from .formats.html import read_html
from .formats.legacy import repair_mojibake
from .formats.text import NAMES, Decoded, decode_text
from .model import Source

MB = 10**6
MAX_TEXT_BYTES = 20 * MB  # a directive is tens of kB; bigger text is a dump, not a document
MAX_PACKED_BYTES = 200 * MB  # .docx and .pdf, which may hold scanned page images
LEGACY = frozenset(["cp1258", "tcvn3", "vni"])  # already converted by the text decoder


def read_source(path: str | Path, *, ocr: bool = False) -> Source:
    """Read ``path`` as text; raise :class:`ReadError` naming the reason when it cannot be.

    ``ocr`` lets scanned PDF pages be read with Tesseract (``tesseract-ocr-vie``).
    """
    path = Path(path)
    try:
        return _read(path, ocr)
    except ReadError as exc:
        raise ReadError(str(path), exc.reason) from exc


def _read(path: Path, ocr: bool) -> Source:
    data = _bytes(path)
    suffix = path.suffix.lower()
    kind = sniff(data, suffix)
    limit = MAX_PACKED_BYTES if kind in ("docx", "pdf") else MAX_TEXT_BYTES
    if len(data) > limit:
        raise ReadError(None, f"file too large ({_mb(len(data))} > {_mb(limit)} limit)")
    decoded = _decode(kind, data, ocr)
    if not decoded.text.strip():
        raise ReadError(None, "empty file" if kind == "text" else f"no text in this {kind} file")
    fmt = kind if kind != "text" else ("md" if suffix in (".md", ".markdown") else "txt")
    warnings = (mismatch(kind, suffix), *decoded.warnings)
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt, decoded.text,
                  decoded.encoding, tuple(w for w in warnings if w))


def _bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PACKED_BYTES:
            raise ReadError(None, f"file too large ({_mb(size)} > {_mb(MAX_PACKED_BYTES)} limit)")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(None, exc.strerror or type(exc).__name__) from exc
    if not data.strip():
        raise ReadError(None, "empty file")
    return data


def _decode(kind: str, data: bytes, ocr: bool) -> Decoded:
    if kind == "text":
        decoded = decode_text(data)
    elif kind == "html":
        decoded = read_html(data)
    elif kind == "pdf":
        from .formats.pdf import read_pdf  # pypdf loads only when a PDF comes

        decoded = read_pdf(data, ocr=ocr)
    else:
        from .formats.docx import read_docx  # python-docx likewise

        decoded = Decoded(read_docx(data), None)
    text, font = (decoded.text, None) if decoded.encoding in LEGACY \
        else repair_mojibake(decoded.text)
    warnings = decoded.warnings + ((f"text typed in {NAMES[font]} fonts, converted to "
                                    "Unicode",) if font else ())
    if kind != "text":
        text = unicodedata.normalize("NFC", text)
    return Decoded(text, decoded.encoding, warnings)


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB"

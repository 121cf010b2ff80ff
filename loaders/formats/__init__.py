"""The formats vankien reads, told apart by their bytes rather than by their names."""

from __future__ import annotations

import re

from ..errors import ReadError
from .text import utf16_codec

LABELS = {"docx": "a Word .docx file", "pdf": "a PDF", "html": "a web page", "text": "plain text"}
BY_SUFFIX = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}
NOT_SUPPORTED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word .doc format (OLE2); save it as .docx"),
    (b"{\\rtf", "RTF file; save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "PNG image; only scanned PDFs are read by OCR"),
    (b"\xff\xd8\xff", "JPEG image; only scanned PDFs are read by OCR"),
    (b"II*\x00", "TIFF image; only scanned PDFs are read by OCR"),
    (b"MM\x00*", "TIFF image; only scanned PDFs are read by OCR"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive; unpack it first"),
    (b"Rar!", "RAR archive; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive; unpack it first"),
)
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
    re.I | re.S,
)


def sniff(head: bytes, suffix: str) -> str:
    """``docx``, ``pdf``, ``html`` or ``text`` for a file starting with ``head``.

    ``head`` is the file's bytes (a zip is told by the names of its parts, which may lie
    anywhere); ``suffix`` (``.docx`` …) only breaks ties.
    Raise :class:`ReadError` (no path) for a format vankien does not read.
    """
    for magic, reason in NOT_SUPPORTED:
        if head.startswith(magic):
            raise ReadError(None, reason)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(head, suffix)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    utf16 = utf16_codec(head)
    bare = head[:2048].decode(utf16, errors="ignore").encode() if utf16 else head
    bare = bare.removeprefix(b"\xef\xbb\xbf").removeprefix("\ufeff".encode())
    if _HTML_START.match(bare) or (BY_SUFFIX.get(suffix) == "html" and b"<" in bare[:1024]):
        return "html"
    return "text"


def _zip_kind(head: bytes, suffix: str) -> str:
    if b"word/" in head or suffix == ".docx":
        return "docx"
    if b"opendocument.text" in head:
        raise ReadError(None, "OpenDocument .odt file; save it as .docx")
    raise ReadError(None, "zip archive, not a Word .docx file")


def mismatch(kind: str, suffix: str) -> str | None:
    """A warning when a file's name says one format and its bytes another."""
    named = BY_SUFFIX.get(suffix, "text")
    if kind == named:
        return None
    return f"named {suffix or '(no extension)'} but is {LABELS[kind]}; read as such"

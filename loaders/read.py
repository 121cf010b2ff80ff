"""Stage 1: a file on disk → :class:`Source` (decoded text plus provenance)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ReadError
from .model import Source

MAX_BYTES = 64 * 1024 * 1024


def read_source(path: str | Path) -> Source:
    """Read ``path`` as text; raise :class:`ReadError` naming the reason when it cannot be."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from exc
    if not data.strip():
        raise ReadError(str(path), "empty file")
    if len(data) > MAX_BYTES:
        raise ReadError(str(path), f"file is larger than {MAX_BYTES // 2**20} MiB")
    text, encoding = _decode(str(path), data)
    fmt = path.suffix.lower().lstrip(".") or "txt"
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt, text, encoding)


def _decode(path: str, data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ReadError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"not UTF-8 text (byte {exc.start})") from exc

"""Plain text in any encoding Vietnamese offices used: bytes → Unicode text.

UTF-8 (with or without BOM) and UTF-16 are recognised by their bytes. Anything else is
tried as Windows-1258, TCVN3 (ABC) and VNI, and the encoding whose decoding gives the
most well-formed Vietnamese syllables wins; UTF-8 with a few damaged bytes competes too.
Legacy decodings are returned in NFC; UTF-8 and UTF-16 text is returned as it is, so
that spans point at the file's own characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ReadError
from .legacy import decode_cp1258, decode_tcvn3, decode_vni, vietnamese_score

NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16-le": "UTF-16 (little-endian)",
    "utf-16-be": "UTF-16 (big-endian)",
    "cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI",
}
SAMPLE_BYTES = 16 * 1024  # some 3,000 words: plenty to tell the encodings apart


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec that did it, and what a reader should know."""

    text: str
    encoding: str | None
    warnings: tuple[str, ...] = ()


def decode_text(data: bytes) -> Decoded:
    """Decode ``data`` as text; raise :class:`ReadError` (no path) when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    utf16 = utf16_codec(data)
    if utf16:
        return _decoded(_utf16(data, utf16), utf16)
    if looks_binary(data):
        raise ReadError(None, "binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:SAMPLE_BYTES]
    scores = {name: vietnamese_score(decoder(sample)) for name, decoder in _DECODERS.items()}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] <= 0:
        raise ReadError(None, "unknown text encoding (not UTF-8, UTF-16, Windows-1258, "
                              "TCVN3 or VNI)")
    return _decoded(_DECODERS[best](data), best)


def _decoded(text: str, encoding: str) -> Decoded:
    if encoding == "utf-8-damaged":
        bad = text.count("\ufffd")
        return Decoded(text, "utf-8", (f"text is UTF-8 with {bad} invalid byte sequence(s), "
                                        "each replaced by \ufffd",))
    return Decoded(text, encoding, (f"text encoding {NAMES[encoding]}, converted to Unicode",))


def utf16_codec(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``data`` is UTF-16 (by its BOM, or by its zero bytes)."""
    if data[:2] == b"\xff\xfe":
        return "utf-16-le"
    if data[:2] == b"\xfe\xff":
        return "utf-16-be"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > pairs // 4 and even == 0:
        return "utf-16-le"
    if even > pairs // 4 and odd == 0:
        return "utf-16-be"
    return None


def _utf16(data: bytes, codec: str) -> str:
    bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
    body = data[2:] if data.startswith(bom) else data
    text = body.decode(codec, errors="replace")
    head = text[:4096]
    latin = sum(1 for c in head if c in "\t\n\r" or (c.isprintable() and c < "\u2e80"))
    if latin < 0.9 * len(head):  # Vietnamese is written in Latin letters, not in CJK
        raise ReadError(None, "binary file, not text")
    return text


def looks_binary(data: bytes) -> bool:
    """True when the head of ``data`` has NUL bytes or many control characters."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1a\x1b")
    return controls > max(2, len(head) // 100)


_DECODERS = {
    "utf-8-damaged": lambda data: data.decode("utf-8", errors="replace"),
    "cp1258": decode_cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
}

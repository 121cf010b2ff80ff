"""Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) and how to tell them apart.

The TCVN3 and VNI code charts are data (``data/legacy_encodings.json``). Which decoding
is right is judged by the words it gives: a Vietnamese word is one syllable of known
shape with at most one tone (``is_syllable``). The same test finds text that was typed
in TCVN3 or VNI fonts (.VnTime, VNI-Times) and stored as if it were Latin-1, as old Word
files, PDFs and web pages hold it (``repair_mojibake``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib.resources import files

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_EDGE_PUNCT = "\"'()[]{}<>.,;:!?…–—“”‘’«»*_#/\\-|"
# Letters only Vietnamese Unicode text has (ă đ ĩ ũ ơ ư and the toned vowels of U+1EA0…).
_UNICODE_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                                 "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


@cache
def _tables() -> dict[str, dict]:
    path = files("vankien.loaders").joinpath("data/legacy_encodings.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _tcvn3_table() -> dict[int, str]:
    table = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0x100)}
    table |= {int(code, 16): char for code, char in _tables()["tcvn3"].items()}
    return table


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 (ABC) → NFC Unicode; words typed in capitals keep their capitals."""
    text = data.decode("latin-1").translate(_tcvn3_table())
    return _caps_words(unicodedata.normalize("NFC", text))


def _caps_words(text: str) -> str:
    """TCVN3 has no capital toned vowels, so a capitals font shows ``KÕT`` as ``KẾT``.

    A line with no small ASCII letter, half of whose words (symbols and numbers aside)
    hold two capitals, was typed in capitals: ``§¶NG Bé TØNH`` is ``ĐẢNG BỘ TỈNH``, while
    ``Sè 418-CV/§U`` stays ``Số 418-CV/ĐU``. Elsewhere a word with two capitals, no small
    ASCII letter and a small Vietnamese one (``KÕT``) is upper-cased.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        if re.search("[a-z]", line) is None:
            words = [w for w in line.split() if not re.search(r"[/\d]", w)]
            capitals = sum(map(_two_capitals, words))
            if capitals and 2 * capitals >= len(words):
                lines[i] = line.upper()
        else:
            lines[i] = _WORD.sub(lambda m: m[0].upper() if _typed_in_capitals(m[0]) else m[0],
                                 line)
    return "\n".join(lines)


_WORD = re.compile(r"\w+")


def _two_capitals(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _typed_in_capitals(word: str) -> bool:
    return (_two_capitals(word) and re.search("[a-z]", word) is None
            and any(c.islower() for c in word))


@cache
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {bytes.fromhex(code).decode("latin-1"): char
             for code, char in _tables()["vni"].items()}
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)) + "|[\x80-\xff]"), table


def decode_vni(data: bytes) -> str:
    """VNI for Windows → NFC Unicode."""
    pattern, table = _vni_pattern()

    def one(m: re.Match[str]) -> str:
        return table.get(m[0]) or m[0].encode("latin-1").decode("cp1252", errors="replace")

    return unicodedata.normalize("NFC", pattern.sub(one, data.decode("latin-1")))


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 (tones as combining marks) → NFC Unicode."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


@cache
def _syllable() -> re.Pattern[str]:
    parts = _tables()["syllable"]

    def alt(words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    return re.compile(f"(?:{alt(parts['onsets'])})(?:{alt(parts['nuclei'])})"
                      f"(?:{alt(parts['codas'])})")


def is_syllable(word: str) -> bool:
    """True when ``word`` is shaped like one Vietnamese syllable (at most one tone)."""
    bare = unicodedata.normalize("NFD", word.lower())
    if sum(bare.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in bare if c not in _TONES))
    return _syllable().fullmatch(bare) is not None


def vietnamese_score(text: str) -> int:
    """Words with non-ASCII letters that are good syllables, less those that are not."""
    score = 0
    for token in text.split():
        word = token.strip(_EDGE_PUNCT)
        if word.isascii():
            continue
        score += 1 if is_syllable(word) else -1
    return score


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Text typed in TCVN3 or VNI fonts but stored as Windows-1252 characters, converted.

    Lines with no Unicode Vietnamese letter are tried as TCVN3 and as VNI bytes; when one
    gives clearly more Vietnamese words than the text as it is, those lines are converted
    and its name is returned with the text.
    """
    lines = text.split("\n")
    suspects = [i for i, line in enumerate(lines)
                if not line.isascii() and not _UNICODE_VIETNAMESE.search(line) and _cp1252(line)]
    if not suspects:
        return text, None
    sample = "\n".join(lines[i] for i in suspects)
    data = _cp1252(sample) or b""
    scores = {name: vietnamese_score(decode(data)) for name, decode in _FONT_DECODERS.items()}
    best = max(scores, key=lambda name: scores[name])
    if scores[best] <= max(0, vietnamese_score(sample)):
        return text, None
    for i in suspects:
        lines[i] = _FONT_DECODERS[best](_cp1252(lines[i]) or b"")
    return "\n".join(lines), best


def _cp1252(text: str) -> bytes | None:
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return None


_FONT_DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}

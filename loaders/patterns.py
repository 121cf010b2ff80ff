"""Regexes shared by the finders, built from the kinds table, and date reading.

All of them run on cleaned text (see :mod:`clean`): NFC, one tone placement, no markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from .kinds import codes_pattern, names_pattern

# Dates: 22/10/2018, 22-10-2018, 22.10.2018, 22 tháng 10 năm 2018 (any spacing, line breaks).
DATE = (r"(?:(?P<d1>\d{1,2})\s*[/.\-–]\s*(?P<m1>\d{1,2})\s*[/.\-–]\s*(?P<y1>\d{4}|\d{2})(?!\d)"
        r"|(?P<d2>\d{1,2})\s+(?i:tháng)\s+(?P<m2>\d{1,2})\s+(?i:năm)\s+(?P<y2>\d{4}))")
DATE_RE = re.compile(DATE)

# The issuer part of a party symbol: TW, ĐUK, BTCTW-BTGTW (joint documents).
SUFFIX = r"[A-ZĐƯ][A-ZĐƯ0-9]{0,11}(?:-[A-ZĐƯ][A-ZĐƯ0-9]{0,11})*"
# A party symbol: 35-NQ/TW, 596 -CV/ĐU, 57\-NQ/TW (escape removed by clean), 14 - KH/TU.
PARTY_SYMBOL = (r"(?P<num>\d{1,5})\s{0,2}[-–]\s{0,2}(?P<code>(?i:"
                + codes_pattern() + r"))\s{0,2}/\s{0,2}(?P<suffix>" + SUFFIX + r")(?![\w\-])")
# A state symbol: 71/NQ-CP, 136/2025/NĐ-CP, 06/QĐ-TTg, 72/2025/QH15, and a letter's
# 6400/BGDĐT-GDĐH (issuer and department, no kind: taken only after "Công văn số").
_PART = r"[A-ZĐ][A-Za-zĐđ0-9]*"
STATE_SYMBOL = (r"(?P<snum>\d{1,5}(?:\.\d{1,2})?)/(?:(?P<syear>(?:19|20)\d{2})/)?"
                r"(?:(?P<scode>" + codes_pattern("all") + r")-(?P<sissuer>" + _PART + r"(?:-"
                + _PART + r"){0,2})|(?<=\d/)(?P<law>[A-ZĐ]{2,10}\d{1,2})"
                r"|(?P<letter>" + _PART + r"(?:-" + _PART + r"){1,2}))(?![\w\-])")
# How every symbol opens (its number, then a dash and a letter, or a slash and a capital), a
# cheap scan to try the full patterns at: it starts with a digit and no flag. Fewer digits
# than it reads are never worth trying (a digit follows them), so it gives none back.
SYMBOL_OPENING = re.compile(r"\d\d{0,4}+(?:\s{0,2}[-–]\s{0,2}[^\W\d_]"
                            r"|(?:\.\d{1,2})?/(?:\d{4}/)?[A-ZĐ])")
# Vietnamese lower-case letters (a range like à-ỹ would also hold capitals such as Đ and Ạ).
LOWER = "a-zàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
# A symbol glued to what precedes it (a1234-…, /12-…) is part of something else.
GLUED = re.compile(r"[\w/.\-]")
KIND_NAMES = names_pattern("party")
STATE_NAMES = names_pattern("state")


def iso_date(m: re.Match[str]) -> str | None:
    """The ISO date a :data:`DATE` match spells, or None when it is not a real date."""
    day, month, year = (m["d1"], m["m1"], m["y1"]) if m["d1"] else (m["d2"], m["m2"], m["y2"])
    y = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


def squash(text: str) -> str:
    """Collapse runs of white space and trim (``str.split`` splits where ``\\s`` matches)."""
    return " ".join(text.split())


def finditer_where(pattern: re.Pattern[str], opening: re.Pattern[str], text: str,
                   start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, tried only where ``opening`` matches.

    ``opening`` must match wherever ``pattern`` does (a prefix of it, without its look-behind)
    and scan fast (start with a literal or a character class), so most text is skipped in C.
    ``pattern`` must not match the empty string.
    """
    end = len(text) if end is None else end
    search, match = opening.search, pattern.match
    pos = start
    while t := search(text, pos, end):
        if m := match(text, t.start(), end):
            yield m
            pos = m.end()
        else:
            pos = t.start() + 1


def caseless(words: list[str]) -> str:
    """A regex for what ``(?i:w1|w2 …)`` (any spacing) matches and a little more, spelled
    with classes (``[NnKkK…](?:[Gg][Hh]…|…)``) and no flag: one class first, so it scans
    fast. A case-blind pattern opening with these words is tried only where this matches."""
    spaced = [" ".join(w.split()) for w in words]
    firsts = "".join(dict.fromkeys(c for w in spaced for c in _matched_by(w[0])))
    rests = ("".join(r"\s+" if c == " " else f"[{_matched_by(c)}]" for c in w[1:])
             for w in spaced)
    return f"[{firsts}](?:" + "|".join(rests) + ")"


@cache
def _matched_by(char: str) -> str:
    """Every character ``(?i)char`` matches (İ and ı for i, the Kelvin sign for k), escaped
    for a class; none outside the Basic Multilingual Plane lower-cases to a Latin letter."""
    found = dict.fromkeys(re.findall("(?i)" + re.escape(char), _bmp()))
    return "".join(re.escape(c) for c in found)


@cache
def _bmp() -> str:
    return "".join(map(chr, [*range(0xD800), *range(0xE000, 0x10000)]))

"""Named normalization steps that keep offsets (làm sạch văn bản).

:func:`clean_text` turns the text as read into the text the finders search: Unicode NFC,
one tone placement (``uỷ`` → ``ủy``, ``hoá`` → ``hóa``), no markdown emphasis, headings,
escapes, links or HTML tags, no odd spaces; table cells become lines. Every character of
the result maps back to the source, so spans found in clean text point into the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .model import Span

_TONES = "\u0300\u0301\u0309\u0303\u0323"


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from positions in a cleaned text to positions in its input."""

    starts: tuple[int, ...]  # clean start of each segment
    origs: tuple[tuple[int, int, bool], ...]  # (orig start, orig end, copied verbatim)

    def start_of(self, i: int) -> int:
        """The input position of clean character ``i``."""
        k = max(bisect_right(self.starts, i) - 1, 0)
        o_start, o_end, copied = self.origs[k]
        return min(o_start + (i - self.starts[k]), o_end) if copied else o_start

    def end_of(self, j: int) -> int:
        """The input position just after clean character ``j - 1``."""
        if j <= 0:
            return self.origs[0][0] if self.origs else 0
        k = max(bisect_right(self.starts, j - 1) - 1, 0)
        o_start, o_end, copied = self.origs[k]
        return min(o_start + (j - self.starts[k]), o_end) if copied else o_end


@dataclass(frozen=True)
class CleanText:
    """Cleaned text and the maps that lead back to the source text."""

    text: str
    maps: tuple[OffsetMap, ...] = ()
    source_length: int = 0

    def span(self, start: int, end: int) -> Span:
        """The source span of clean ``text[start:end]``."""
        a, b = start, end
        for m in reversed(self.maps):
            a, b = m.start_of(a), m.end_of(b)
        return (a, max(a, b))


Step = tuple[str, Callable[[re.Match[str]], str]]


def _fold_char(c: str) -> str:
    base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
    return {"đ": "d", "Đ": "D"}.get(c, base)


# Latin letters with diacritics (and combining marks) → their ASCII base letter.
_FOLD = {cp: _fold_char(chr(cp)) for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]}
_FOLD.update({cp: "" for cp in range(0x300, 0x370)})


def fold(text: str) -> str:
    """ASCII-fold Vietnamese (đ → d, no diacritics) and lowercase, for keys and comparisons."""
    return text.translate(_FOLD).lower()


def _toned_pairs(firsts: str = "oOuU") -> str:
    """Pattern of an 'oa', 'oe', 'uy' whose tone sits on the second vowel, the first vowel
    one of ``firsts``."""
    parts = []
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
            toned = "".join(unicodedata.normalize("NFC", s + t) for t in _TONES)
            parts += [f"{f}[{toned}]"] if f in firsts else []
    return "(?:" + "|".join(parts) + ")"


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group()
    base, *marks = unicodedata.normalize("NFD", second)
    tone = next(c for c in marks if c in _TONES)
    rest = "".join(c for c in marks if c != tone)
    new_first = unicodedata.normalize("NFC", first + tone)
    return new_first + unicodedata.normalize("NFC", base + rest)


_STEPS: dict[str, Step] = {
    "escape": (r"\\(?P<esc>[\\`*_{}\[\]()#+\-.!|<>~\"'])",
               lambda m: "" if m["esc"] in "*_" else m["esc"]),
    "link": (r"!?\[(?P<label>[^\]\n]{0,300})\]\([^)\n]{0,500}\)", lambda m: m["label"]),
    "emphasis": (r"\*+|~~|__+", lambda m: ""),
    "heading": (r"(?:#{1,6}|>+)[ \t]*", lambda m: "" if _at_line_start(m) else m.group()),
    "line-break-tag": (r"(?i:<br\s*/?>)", lambda m: "\n"),
    "tag": (r"(?i:</?(?:b|i|u|em|strong|span|p|div|sup|sub|font|a)\b[^>\n]{0,300}>)",
            lambda m: ""),
    "entity": (r"&nbsp;", lambda m: " "),
    "odd-space": (r"[\u00a0\u2007\u2009\u202f\u3000]", lambda m: " "),
    "invisible": (r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", lambda m: ""),
    "table-cell": (r"\|", lambda m: "\n"),
}
# The first characters of the steps above: the combined pattern is tried only there.
_TRIGGER = "\\[!*~_#><&|\u00a0\u2007\u2009\u202f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
_COMBINED = re.compile("|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(_STEPS.values())))
_HANDLERS = {f"s{i}": fn for i, (_, fn) in enumerate(_STEPS.values())}
_COMBINING = re.compile(r".[\u0300-\u036f]+", re.DOTALL)
_TONE = re.compile(r"(?<![qQ])" + _toned_pairs() + r"(?!\w)")  # at the end of a word
# The pairs alone, one pattern for each first vowel: led by a literal, each scans fast.
_TONE_TRIGGER = tuple(re.compile(_toned_pairs(first)) for first in "oOuU")


def clean_text(text: str) -> CleanText:
    """Apply the named steps to ``text`` and keep the maps back to it."""
    maps: list[OffsetMap] = []
    length = len(text)
    if not is_nfc(text):
        text, m = _rewrite(text, _COMBINING, lambda m: unicodedata.normalize("NFC", m.group()))
        maps.append(m)
    text, m = _rewrite(text, _COMBINED, _dispatch, _TRIGGER)
    maps.append(m)
    text, m = _rewrite(text, _TONE, _move_tone, _TONE_TRIGGER)
    maps.append(m)
    return CleanText(text, tuple(maps), length)


@lru_cache(maxsize=4)  # the cleaner and the finders of one document ask it of the same text
def is_nfc(text: str) -> bool:
    """Whether ``text`` is in Unicode NFC already."""
    return unicodedata.is_normalized("NFC", text)


def _at_line_start(m: re.Match[str]) -> bool:
    before = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    return not before.strip(" \t")


Trigger = str | tuple[re.Pattern[str], ...]


def _matches(text: str, pattern: re.Pattern[str],
             trigger: Trigger | None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern``; with ``trigger``, tried only where it starts."""
    if trigger is None:
        yield from pattern.finditer(text)
        return
    end = 0
    match = pattern.match
    for at in _starts(text, trigger):
        if at >= end and (m := match(text, at)):
            end = m.end()
            yield m


def _starts(text: str, trigger: Trigger) -> list[int]:
    """Where one of the characters ``trigger`` stands, each found by ``str.find``, or a match
    of one of the patterns ``trigger`` starts, in order: far faster than a character class
    scan, which tests each character against the class."""
    if isinstance(trigger, str):
        return sorted(i for c in trigger if c in text for i in places(text, c))
    return sorted(m.start() for p in trigger for m in p.finditer(text))


def places(text: str, word: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where ``word`` starts in ``text[start:end]``, overlaps included, by ``str.find``
    (which scans far faster than a pattern)."""
    i = text.find(word, start, end)
    while i >= 0:
        yield i
        i = text.find(word, i + 1, end)


def _dispatch(m: re.Match[str]) -> str:
    return _HANDLERS[m.lastgroup](m)  # each step is one outer group, the last to close


def _rewrite(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str],
             trigger: Trigger | None = None) -> tuple[str, OffsetMap]:
    """Replace every match of ``pattern`` and record where each piece came from.

    A replacement as long as what it replaces (``|`` → a line break) stays inside the
    verbatim piece around it: each of its characters maps to the one it replaces.
    """
    out: list[str] = []
    starts: list[int] = []
    origs: list[tuple[int, int, bool]] = []
    pos = run = at = 0  # copied up to ``pos``; the verbatim piece began at ``run``, clean ``at``
    for m in _matches(text, pattern, trigger):
        new = repl(m)
        a, b = m.span()
        out.append(text[pos:a])
        if len(new) == b - a:
            out.append(new)
            pos = b
            continue
        if a > run:
            starts.append(at)
            origs.append((run, a, True))
            at += a - run
        if new:
            starts.append(at)
            origs.append((a, b, False))
            out.append(new)
            at += len(new)
        pos = run = b
    starts.append(at)
    origs.append((run, len(text), True))
    out.append(text[pos:])
    return "".join(out), OffsetMap(tuple(starts), tuple(origs))

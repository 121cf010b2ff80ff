"""The plain view the finders read (văn bản thuần): same offsets as the source.

:func:`view` blanks markdown marks and odd spaces, breaks lines at ``<br>`` and moves old
tone placements ('uỷ' → 'ủy'), one character for one, so a match on the view is a span of
the source; :func:`written` reads the words at a span as the source spells them.
:func:`on_composed` lets a finder take decomposed text. :func:`table` is the word table
``data/duties.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import is_dataclass, replace
from functools import cache, lru_cache, wraps
from importlib import resources
from typing import Any, TypeVar

from .clean import is_nfc, places

F = TypeVar("F", bound=Callable[..., Any])
_BLANKS = "*#`|_\u00a0\u2007\u202f\u200b\ufeff\t"  # each to one space
_OLD_TONE = re.compile(  # a toned 'a', 'e' after 'o', or 'y' after 'u' (not 'qu')
    r"(?i)(?<=[oòóỏõọ])[àáảãạèéẻẽẹ](?![^\W\d_])|(?<=[uùúủũụ])(?<![qQ].)[ỳýỷỹỵ](?![^\W\d_])"
)
_OLD_TONE_LOW = (  # _OLD_TONE on lower-cased text, after an 'o' or 'u' with no tone (only
    # these move): a pattern for each, led by the letter (so it scans fast), 'qu' tested after it
    re.compile(r"o[àáảãạèéẻẽẹ](?![^\W\d_])"),
    re.compile(r"u(?<!qu)[ỳýỷỹỵ](?![^\W\d_])"),
)
_LINE_BREAK = re.compile(r"(?i)<br\s*/?>")
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_ODD_CASE = "ıſ"  # (?i) matches them with 'i' and 's'; lower() keeps them

@cache
def table() -> dict[str, Any]:
    """The word table ``data/duties.json``."""
    raw = resources.files(__package__).joinpath("data/duties.json").read_text("utf-8")
    return json.loads(raw)


class View(str):
    """The plain view of a text (see :func:`view`); ``typed`` keeps its tone placement,
    ``low`` is the view as :func:`lowered` gives it."""

    typed: str
    low: str | None


@lru_cache(maxsize=4)  # the finders of one document all read the same view
def view(text: str) -> View:
    """``text`` with markdown marks and odd spaces blanked and tones as in 'ủy', same length.

    Words are matched on the view; what is reported comes from ``typed`` (see
    :func:`written`), so a name keeps the source's 'Huyện uỷ' or 'Hoà'.
    """
    typed = text
    for blank in _BLANKS:  # str.replace finds each far faster than a pattern of them all
        typed = typed.replace(blank, " ")
    typed = typed.replace("\\-", " -").replace("\\.", " .")
    if "<" in typed:  # an HTML line break (in a markdown table's cell) breaks the line
        typed = _LINE_BREAK.sub(lambda m: "\n".ljust(len(m[0])), typed)
    moves = _tone_moves(typed)  # which lowers ``typed``
    plain = View(_with_moves(typed, moves))
    plain.typed, plain.low = typed, _lowered_with_moves(typed, moves, plain)
    return plain


def on_composed(find: F) -> F:
    """Run a finder ``find(text, start, end, …)`` on NFC text when ``text`` is decomposed
    (tones typed as combining marks), and map the spans it returns back onto ``text``."""

    @wraps(find)
    def run(text: str, start: int, end: int, *args: Any) -> Any:
        if is_composed(text):
            return find(text, start, end, *args)
        composed, where = _compose(text)
        found = find(composed, bisect_left(where, start), bisect_left(where, end), *args)
        return _remap(found, where)

    return run  # type: ignore[return-value]


@lru_cache(maxsize=4)  # the finders of one document ask it of the same text; a cache
# of its own, as resolving bodies asks is_nfc of many short names, which evict the text
def is_composed(text: str) -> bool:
    """Whether ``text`` is in NFC (see :func:`.clean.is_nfc`)."""
    return is_nfc(text)


def _compose(text: str) -> tuple[str, list[int]]:
    """NFC ``text`` and, for each of its characters (and its end), the offset in ``text``."""
    chars, where = [], []
    for m in re.finditer(r".[\u0300-\u036f]*", text, re.DOTALL):
        for char in unicodedata.normalize("NFC", m[0]):
            chars.append(char)
            where.append(m.start())
    return "".join(chars), [*where, len(text)]


def _remap(found: Any, where: list[int]) -> Any:
    if isinstance(found, list | tuple):
        return type(found)(_remap(x, where) for x in found)
    if is_dataclass(found) and getattr(found, "span", None):
        a, b = found.span
        return replace(found, span=(where[a], where[b]))
    return found


def finditer_at(
    pattern: re.Pattern[str], openings: tuple[str, ...], plain: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(plain, start, end)``, tried only where one of ``openings`` stands.

    ``pattern`` is case-blind and opens with ``\\b`` or ``(?<!\\w)`` and then one of the
    lower-case words ``openings``: each place they stand is found once per text in
    :func:`lowered`, and ``pattern`` is matched there only, past what its last match
    covers, as ``finditer`` does. A word that stands inside another follows a letter or
    digit, where ``pattern`` cannot start, so trying it there finds nothing more.
    """
    starts = _opening_starts(plain, openings)
    if starts is None:
        yield from pattern.finditer(plain, start, end)
        return
    covered, i = start, bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        m = pattern.match(plain, starts[i], end) if starts[i] >= covered else None
        if m:
            yield m
            covered = m.end()
        i += 1


def same_matches(
    starts: list[int], ends: list[int], plain: str, start: int, end: int
) -> slice | None:
    """Which of the matches a :func:`finditer_at` scan of the whole text found (their
    ``starts`` and ``ends``, in order) a scan of ``[start, end)`` alone finds; None when it
    may find others.

    They are the same when no match crosses an edge (the scan of the part starts as the
    whole one reaches ``start``) and white space stands at ``end`` or just before it: the
    patterns' look-aheads test one character, which white space passes or fails as the end
    of the text does, and a match never ends with white space.
    """
    i, j = bisect_left(starts, start), bisect_left(starts, end)
    if (i and ends[i - 1] > start) or (j and ends[j - 1] > end):
        return None
    if end < len(plain) and not (plain[end].isspace() or plain[end - 1].isspace()):
        return None
    return slice(i, j)


def may_open(openings: tuple[str, ...], plain: str, start: int, end: int) -> bool:
    """Whether :func:`finditer_at` with ``openings`` may find anything in ``[start, end)``:
    False only when none of ``openings`` stands there."""
    starts = _opening_starts(plain, openings)
    if starts is None:
        return True
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


@lru_cache(maxsize=16)
def _opening_starts(plain: str, openings: tuple[str, ...]) -> list[int] | None:
    """Every place one of ``openings`` stands in :func:`lowered`, in order; None without it.
    Each is found by ``str.find``, which scans far faster than a pattern of them all."""
    low = lowered(plain)
    return None if low is None else sorted({i for word in openings for i in places(low, word)})


def lowered(plain: str) -> str | None:
    """``plain`` lower-cased char for char, or None where (?i) would not match it so; a
    view's is kept with it.

    A case-blind pattern can then be looked for fast: its literal opening words, in
    lower case, found in ``lowered(plain)`` at the same offsets.
    """
    return plain.low if isinstance(plain, View) else _lowered(plain)


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    low = text.lower()
    odd = len(low) != len(text) or any(c in text for c in _ODD_CASE)
    return None if odd else low


def typed(plain: str) -> str:
    """The text as typed behind a :class:`View` (markdown blanked), else ``plain`` itself."""
    return getattr(plain, "typed", plain)


def written(plain: str, a: int, b: int) -> str:
    """The words of ``[a, b)`` as the source spells them, spaces squashed."""
    return squash(typed(plain)[a:b])


def _tone_moves(text: str) -> list[tuple[int, str, str]]:
    """Where a tone moves from the second vowel of 'oà', 'oè', 'uỷ' to the first:
    ``(i, first, second)`` for each pair ``text[i - 1:i + 1]`` whose tone moves, and the
    two letters it becomes."""
    low = lowered(text)  # these letters match case-blind just where their lower case is equal
    if low is None:
        found = [m.start() for m in _OLD_TONE.finditer(text)]
    else:
        found = sorted(m.start() + 1 for pattern in _OLD_TONE_LOW for m in pattern.finditer(low))
    moves = []  # a moved pair never touches the next: 'o'/'u' never follow 'a'/'e'/'y'
    for i in found:
        base, tone = _split_tone(text[i])
        prev_base, prev_tone = _split_tone(text[i - 1])
        if tone and not prev_tone:
            moves.append((i, unicodedata.normalize("NFC", prev_base + tone), base))
    return moves


def _with_moves(text: str, moves: list[tuple[int, str, str]]) -> str:
    """``text`` with the pairs of :func:`_tone_moves` put in."""
    out, pos = [], 0
    for i, first, second in moves:
        out += [text[pos:i - 1], first, second]
        pos = i + 1
    return "".join([*out, text[pos:]]) if out else text


def _lowered_with_moves(text: str, moves: list[tuple[int, str, str]], moved: str) -> str | None:
    """``lowered(moved)``, where ``moved`` is ``text`` with ``moves`` put in: the lowered
    ``text`` with the moves lowered put in, when ``text`` has one. Lower-casing maps each
    character alone there, and a moved letter stays a cased letter (as 'Σ' needs)."""
    low = lowered(text)
    if not moves:
        return low
    if low is None:
        return _lowered(moved)
    return _with_moves(low, [(i, first.lower(), second.lower()) for i, first, second in moves])


def _split_tone(char: str) -> tuple[str, str]:
    parts = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in parts if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return (base, tone) if len(base) == 1 else (char, "")


def lines(plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``plain[start:end]``, without its line break."""
    pos = start
    while pos < end:
        stop = plain.find("\n", pos, end)
        stop = end if stop < 0 else stop
        yield pos, stop
        pos = stop + 1

def strip_span(plain: str, start: int, end: int, chars: str = " \r\n") -> tuple[int, int]:
    """Narrow ``[start, end)`` past leading and trailing ``chars``."""
    while start < end and plain[start] in chars:
        start += 1
    while end > start and plain[end - 1] in chars:
        end -= 1
    return start, end


def squash(s: str) -> str:
    """Whitespace runs to one space, NFC, stripped."""
    return unicodedata.normalize("NFC", " ".join(s.split()))

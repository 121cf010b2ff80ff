"""The signature block (thể thức đề ký): authority, on whose behalf, position, name.

Party documents sign as ``T/M BAN THƯỜNG VỤ`` / ``BÍ THƯ`` / name (Hướng dẫn 36-HD/VPTW);
K/T, T/L, T/UQ and the state forms TM., KT. work alike. A PDF's text layer may interleave
the signer column with the 'Nơi nhận' column line by line, so the block is read chunk by
chunk, skipping recipient entries, stamps and OCR debris ('*m*', '(ký)').
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain

from .model import Signature, Span
from .plain import lines, lowered, on_composed, places, squash, table, typed, view, written
from .recipients import AUTHORITY, BULLET, authority_at, columns, cut_debris, is_debris, is_name

Chunk = tuple[int, int, int]  # line number, start, end
_HEAD = re.compile(r"(?i)^nơi\s+nhận\b")
_AUTHORITY_MARKS = re.compile(r"[\s./]")
_HEAD_WORDS = re.compile(r"nơi[^\S\n]+nhận")  # on the lower-cased text: lines that may hold it
# the first letter of each authority before an upper-case word: one letter consumed, so each
# start is found (the letter leads the search; the look-behind reads the authority there)
_AUTHORITY_START = re.compile(rf"[TK](?<=(?={AUTHORITY})[TK])")
_REACH = 14  # lines after the authority where the name may still stand
_NEAR = 6  # lines after the position where any bare name is the signer's


@on_composed
def find_signature(text: str, start: int, end: int) -> Signature | None:
    """The signature in ``text[start:end]``, or None when the part has none."""
    plain = view(text)
    spans = list(lines(plain, start, end))
    found = _authority_chunk(plain, spans) or _position_chunk(plain, spans)
    if found is None:
        return _bare_name(plain, spans)
    window = list(_chunks(plain, spans, range(found[0], found[0] + _REACH + 2)))
    return _read_block(plain, window, window.index(found))


def _chunks(plain: str, spans: list[Span], numbers: Iterable[int]) -> Iterator[Chunk]:
    """``(line number, start, end)`` of each column chunk of the numbered lines."""
    for n in numbers:
        if 0 <= n < len(spans):
            for c0, c1 in columns(plain, *spans[n]):
                yield n, c0, c1


def _marked(plain: str, spans: list[Span], pattern: re.Pattern[str], low: bool,
            leads: str = "") -> list[int]:
    """Numbers of the lines where ``pattern`` matches (on the lower-cased text if ``low``):
    the only lines that can hold what it stands for. All lines if the text cannot be
    lower-cased char for char.

    A ``pattern`` that matches one character, one of ``leads``, is tried only where
    ``str.find`` finds them, which scans far faster than the pattern: it finds the same.
    """
    text = lowered(plain) if low else plain
    if text is None or not spans:
        return list(range(len(spans)))
    starts, lo, hi = [a for a, _ in spans], spans[0][0], spans[-1][1]
    if not leads:
        return sorted({bisect_right(starts, m.start()) - 1 for m in pattern.finditer(text, lo, hi)})
    at = (i for c in leads for i in places(text, c, lo, hi) if pattern.match(text, i, hi))
    return sorted({bisect_right(starts, i) - 1 for i in at})


def _authority_chunk(plain: str, spans: list[Span]) -> Chunk | None:
    """The outermost authority of the last signature block (T/M above K/T)."""
    marked = _marked(plain, spans, _AUTHORITY_START, low=False, leads="TK")
    hits = [c for c in _chunks(plain, spans, marked) if authority_at(plain[c[1]:c[2]].strip())]
    if not hits:
        return None
    while len(hits) > 1 and hits[-1][0] - hits[-2][0] <= 3:
        hits.pop()
    return hits[-1]


def _position_chunk(plain: str, spans: list[Span]) -> Chunk | None:
    """A block with no authority: the last chunk that is exactly a position."""
    for n in reversed(_marked(plain, spans, _position_words(), low=False)):
        for chunk in reversed(list(_chunks(plain, spans, [n]))):
            text = squash(plain[chunk[1]:chunk[2]])
            if text.isupper() and text.lower() in _positions():
                return chunk
    return None


def _read_block(plain: str, chunks: list[Chunk], at: int) -> Signature:
    """Authority, body and position from the chunk at ``at`` on, then the name below."""
    line0, a0, _ = chunks[at]
    first = squash(plain[chunks[at][1]:chunks[at][2]])
    m = authority_at(first)
    authority = _authority(m[1]) if m else None
    body = first[m.end():] if m else ""
    position = None if m else first
    stop, last = chunks[at][2], line0
    i = at + 1
    while i < len(chunks) and chunks[i][0] - line0 <= _REACH:
        line, a, b = chunks[i]
        chunk = squash(cut_debris(plain[a:b]))
        if _skip(chunk) or (not _upper(chunk) and not _name_start(chunk)):
            i += 1
            continue
        if _upper(chunk) and authority_at(chunk) is None and position is None:
            if body.endswith(",") or (body and not _is_position(chunk)):
                body = f"{body} {chunk}"
            else:
                position = chunk
            last = line
        elif not _upper(chunk):
            name, b = _full_name(plain, chunks, i)
            if is_name(name) and (line - last <= _NEAR or _personal(name)):
                return _signature(authority, body.rstrip(","), position, name, (a0, b))
        stop = b
        i += 1
    return _signature(authority, body, position, None, (a0, stop))


def _signature(
    authority: str | None, body: str, position: str | None, name: str | None, span: tuple[int, int]
) -> Signature:
    body, position = _split_position(body, position)
    return Signature(
        name=name,
        authority=authority,
        on_behalf_of=sentence_case(body) if body else None,
        position=sentence_case(position) if position else None,
        span=span,
    )


def _split_position(body: str, position: str | None) -> tuple[str, str | None]:
    """'BAN CHẤP HÀNH BÍ THƯ' on one line → ('BAN CHẤP HÀNH', 'BÍ THƯ')."""
    if position or not body:
        return body, position
    low = body.lower()
    for pos in sorted(_positions(), key=len, reverse=True):
        head = low[: -len(pos)].strip()
        if low.endswith(" " + pos) and len(head.split()) >= 2:
            return body[: len(head)].strip(), body[len(head):].strip()
    return body, None


def _bare_name(plain: str, spans: list[Span]) -> Signature | None:
    """No authority or position: a name standing alone after the 'Nơi nhận' list."""
    after = None
    for n in reversed(_marked(plain, spans, _HEAD_WORDS, low=True)):
        chunks = list(_chunks(plain, spans, [n]))
        heads = [i for i, (_, a, b) in enumerate(chunks) if _HEAD.match(squash(plain[a:b]))]
        if heads:
            after = chain(chunks[heads[-1] + 1:], _chunks(plain, spans, range(n + 1, len(spans))))
            break
    for _, a, b in after or ():
        chunk = written(plain, a, b)
        if is_name(chunk) and _personal(chunk) and not BULLET.match(plain[a:b]):
            return Signature(name=chunk, span=(a, b))
    return None


def _full_name(plain: str, chunks: list[Chunk], i: int) -> tuple[str, int]:
    """The name at chunk ``i``, joined with the next line when the name was broken."""
    source = typed(plain)
    name, end = squash(cut_debris(source[chunks[i][1]:chunks[i][2]])), chunks[i][2]
    if i + 1 < len(chunks) and chunks[i + 1][0] == chunks[i][0] + 1:
        more = squash(cut_debris(source[chunks[i + 1][1]:chunks[i + 1][2]]))
        if is_name(f"{name} {more}") and len(f"{name} {more}".split()) <= 5 and (
            len(name.split()) == 1 or len(more.split()) == 1
        ):
            return f"{name} {more}", chunks[i + 1][2]
    return name, end


def _name_start(chunk: str) -> bool:
    return is_name(chunk) or (chunk.isalpha() and chunk[:1].isupper() and chunk[1:].islower())


def _personal(name: str) -> bool:
    """The name opens with a Vietnamese family name (họ): not a stray title-case line."""
    return name.split()[0] in _surnames()


@cache
def _surnames() -> frozenset[str]:
    return frozenset(table()["surnames"])


def _skip(chunk: str) -> bool:
    return not chunk or is_debris(chunk) or bool(BULLET.match(chunk)) or bool(_HEAD.match(chunk))


def _upper(chunk: str) -> bool:
    letters = [c for c in chunk if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _authority(raw: str) -> str:
    key = _AUTHORITY_MARKS.sub("", raw).lower()
    return table()["authorities"].get(key, raw)


def _is_position(chunk: str) -> bool:
    low = chunk.lower()
    return low in _positions() or any(low.startswith(p + " ") for p in _positions())


@cache
def _positions() -> frozenset[str]:
    return frozenset(table()["positions"])


@cache
def _position_words() -> re.Pattern[str]:
    """The positions in upper case, words apart by spaces within a line: where a chunk that
    is exactly a position can stand (no other upper-case letter lower-cases to theirs)."""
    ordered = sorted(table()["positions"], key=len, reverse=True)
    return re.compile("|".join(r"[^\S\n]+".join(map(re.escape, p.upper().split()))
                               for p in ordered))


def sentence_case(upper: str) -> str:
    """'BAN THƯỜNG VỤ TỈNH ỦY' → 'Ban Thường vụ Tỉnh ủy', as a careful reader writes it."""
    low = squash(upper).lower()
    for phrase, pattern, cased in _case_words():
        if phrase in low:  # most phrases are not there: a substring test is cheaper than sub
            low = pattern.sub(cased, low)
    return low[:1].upper() + low[1:]


@cache
def _case_words() -> list[tuple[str, re.Pattern[str], str]]:
    """Each phrase of ``case_words``, longest first, its whole-word pattern and its casing."""
    ordered = sorted(table()["case_words"].items(), key=lambda kv: -len(kv[0]))
    return [(p, re.compile(rf"(?<!\w){re.escape(p)}(?!\w)"), c) for p, c in ordered]

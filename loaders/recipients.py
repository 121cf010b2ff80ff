"""The 'Nơi nhận' list (nơi nhận) and each entry's purpose: báo cáo, thực hiện, lưu.

Also what tells the signer's column from the list's, which :mod:`.signature` shares: a
PDF's text layer may put both on one line or interleave them line by line.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from .model import Recipient
from .plain import lines, lowered, on_composed, squash, strip_span, table, view, written

BULLET = re.compile(r"^\s*(?:[-–—•+]|\\-)\s*")
_ITEM_GAP = re.compile(r"\s{3,}")
AUTHORITY = (  # T/M, K/T, T/L, T/UQ and the forms TM., KT., T.M, TM before an upper-case word
    r"(T\s*[/.]\s*UQ|T\s*[/.]\s*M|K\s*[/.]\s*T|T\s*[/.]\s*L|TUQ|TM|KT|TL)\.?"
    r"(?=\s+[A-ZĐ\u00c0-\u1ef8])"
)
_AUTHORITY = re.compile(AUTHORITY + r"\s+")
_MID_AUTHORITY = re.compile(rf"\s+(?={AUTHORITY})")
_TAIL = re.compile(r"[,;.)]\s+([^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+){1,5})\s*$")
_MAY_CUT = re.compile("|".join([_ITEM_GAP.pattern, _MID_AUTHORITY.pattern, _TAIL.pattern]))


def authority_at(s: str, pos: int = 0) -> re.Match[str] | None:
    """'T/M BAN …', 'KT. CHỦ TỊCH' at ``pos``: an authority before an upper-case word."""
    m = _AUTHORITY.match(s, pos)
    word = s[m.end():].split(maxsplit=1)[0] if m and s[m.end():].strip() else ""
    return m if len(word) > 1 and word.isupper() else None


def columns(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stripped chunks of one line: a PDF's signer column is cut from 'Nơi nhận'.

    Layout text keeps the columns apart by wide gaps; plain text joins them with one
    space, so a chunk is also cut before an authority ('… T/M BAN THƯỜNG VỤ') and before
    a position or a name that ends a recipient line ('…(để b/c), BÍ THƯ').
    """
    if not _MAY_CUT.search(plain, start, end):  # no gap, authority or name tail: one chunk
        a, b = strip_span(plain, start, end)
        return [(a, b)] if a < b else []
    chunks, pos = [], start
    for gap in _ITEM_GAP.finditer(plain, start, end):
        chunks.append((pos, gap.start()))
        pos = gap.end()
    chunks.append((pos, end))
    out = []
    for a, b in chunks:
        out += _cut_signer_tail(plain, *strip_span(plain, a, b))
    return [c for c in out if c[0] < c[1]]


def _cut_signer_tail(plain: str, a: int, b: int) -> list[tuple[int, int]]:
    for m in _MID_AUTHORITY.finditer(plain, a, b):
        if m.start() > a and authority_at(plain[:b], m.end()):
            return [strip_span(plain, a, m.start()), (m.end(), b)]
    m = _TAIL.search(plain, a, b)
    if m and m.start() > a and not authority_at(plain[a:b]):
        tail = squash(m[1])
        position = tail.isupper() and tail.lower() in table()["positions"]
        if position or (is_name(tail) and len(tail.split()) >= 3):
            return [strip_span(plain, a, m.start() + 1), (m.start(1), b)]
    return [(a, b)]


# --- the list itself -------------------------------------------------------------------

_HEAD = re.compile(r"(?im)^[\s>]*nơi\s+nhận\s*:")
_BRACE = re.compile(r"[}\]]")
_INLINE = re.compile(r"[,;]\s+([-–•]\s+)")
_PAREN = re.compile(r"\(([^()]*)\)\s*$")


@on_composed
def find_recipients(text: str, start: int, end: int) -> list[Recipient]:
    """Recipients listed in ``text[start:end]`` (empty when there is no 'Nơi nhận')."""
    plain = view(text)
    head_end = _last_head_end(plain, start, end)
    if head_end is None:
        return []
    items = _items(plain, head_end, end)
    return _with_group_purposes(plain, items)


def _last_head_end(plain: str, start: int, end: int) -> int | None:
    """End of the last 'Nơi nhận:' that ``_HEAD.finditer(plain, start, end)`` finds.

    Each holds 'nơi', found by ``str.find`` on the lower-cased view (char for char, so
    where the case-blind pattern has it), and the pattern is matched from the first line
    start before it past white space and '>' only: a scan of the whole text is slower.
    """
    low = lowered(plain)
    if low is None:
        return max((m.end() for m in _HEAD.finditer(plain, start, end)), default=None)
    pos, found = start, None
    k = low.find("nơi", start, end)
    while k >= 0:
        line = _line_start(plain, pos, k)
        m = _HEAD.match(plain, line, end) if line is not None else None
        if m:
            pos = found = m.end()
        k = low.find("nơi", max(k + 1, pos), end)
    return found


def _line_start(plain: str, pos: int, k: int) -> int | None:
    """The first line start in ``[pos, k]`` with only white space and '>' from it to
    ``k``; None when there is none."""
    a = k
    while a > pos and (plain[a - 1].isspace() or plain[a - 1] == ">"):
        a -= 1
    if a == 0 or plain[a - 1] == "\n":
        return a
    newline = plain.find("\n", a, k)
    return newline + 1 if newline >= 0 else None


def _items(plain: str, start: int, end: int) -> list[list[int]]:
    """``[start, end]`` of each entry: bullet lines, or plain lines after a closed entry."""
    items: list[list[int]] = []
    closed, archived, bulleted, gap = True, False, False, False
    for a, b in lines(plain, start, end):
        gap = gap or not plain[a:b].strip()
        for c0, c1 in (part for col in columns(plain, a, b) for part in _inline(plain, *col)):
            chunk = plain[c0:c1]
            bullet = BULLET.match(chunk)
            if not bullet and (is_signer_chunk(chunk) or is_debris(chunk)):
                continue
            if archived and (bullet or closed or not chunk[:1].islower()):
                return items  # 'Lưu …' is the last entry
            if bullet or not items or closed:
                if not bullet and items and (plain[items[-1][1] - 1] == "." or (bulleted and gap)):
                    return items  # a full stop or a blank line ended the list: other text
                items.append([c0 + (bullet.end() if bullet else 0), c1])
                bulleted, gap = bulleted or bool(bullet), False
            else:
                items[-1][1] = c1
            tail = chunk.rstrip(" ")
            closed = tail.endswith((",", ";", ".", ")")) or bool(_BRACE.search(chunk))
            archived = _is_archive(plain[items[-1][0]:items[-1][1]])
    return items


def _inline(plain: str, a: int, b: int) -> list[tuple[int, int]]:
    """Entries run together on one line ('- A (b/c), - B, - Lưu VP.'), as from a table cell."""
    cuts = [a] + [m.start(1) for m in _INLINE.finditer(plain, a, b)] + [b]
    return [strip_span(plain, x, y) for x, y in pairwise(cuts)]


def _is_archive(entry: str) -> bool:
    return entry.strip(" -").lower().startswith(tuple(table()["archive"]))


def is_signer_chunk(chunk: str) -> bool:
    """True for a line of the signature column: authority, upper-case title, a bare name."""
    s = chunk.strip(" *#")
    if not s or authority_at(s):
        return bool(s)
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return is_name(s)


def is_name(s: str) -> bool:
    """A bare personal name: 2–6 capitalised words, nothing else."""
    words = s.split()
    return 2 <= len(words) <= 6 and all(
        w[0].isupper() and w[1:].islower() and w.isalpha() for w in words if len(w) > 1
    ) and all(w.isalpha() for w in words)


def is_debris(chunk: str) -> bool:
    """OCR leftovers around a signature: '(ký)', '*m*', a lone stroke."""
    s = chunk.replace("*", " ").strip().lower()
    return not s.strip(".\\ ") or s in _debris()


@cache
def _debris() -> frozenset[str]:
    return frozenset(w.replace("*", "").strip() for w in table()["signature_debris"])


def _with_group_purposes(plain: str, items: list[list[int]]) -> list[Recipient]:
    """Entries with purposes; a purpose written once after '}' covers its bracketed group."""
    parsed = [_entry(plain, a, b) for a, b in items]
    group: list[int] = []
    for i in range(len(parsed) + 1):
        if i < len(parsed) and parsed[i][2]:
            group.append(i)
            continue
        shared = next((parsed[j][1] for j in group if parsed[j][1]), None)
        for j in group:
            parsed[j] = (parsed[j][0], shared, True, parsed[j][3])
        group = []
    return [Recipient(n, p, s) for n, p, _, s in parsed if n]


def _entry(plain: str, a: int, b: int) -> tuple[str, str | None, bool, tuple[int, int]]:
    """One entry: its name, purpose, whether it sits in a '}' group, and its span."""
    a, b = strip_span(plain, a, a + len(cut_debris(plain[a:b])), " \r\n,;.")
    raw = written(plain, a, b)
    brace = _BRACE.search(raw)
    purpose_text = ""
    if brace:
        raw, purpose_text = raw[: brace.start()], raw[brace.end():]
    raw = raw.rstrip(" ,;./")
    paren = _PAREN.search(raw)
    if paren and (purpose_of(paren[1]) or paren[1].strip().lower().startswith("để ")):
        raw, purpose_text = raw[: paren.start()].rstrip(" ,;"), paren[1]
    name = raw.strip(" ,;.-")
    purpose = purpose_of(purpose_text) if purpose_text.strip(" ,;.()") else None
    if _is_archive(name):
        purpose = "lưu"
    return name, purpose, bool(brace), (a, b)


def cut_debris(s: str) -> str:
    """``s`` without OCR debris at its end ('. *m*', '(ký)')."""
    while True:
        s = s.rstrip(" *\r\n")
        low = s.lower()
        junk = next((j for j in _debris() if low.endswith(" " + j) or low == j), None)
        if not junk:
            return s
        s = s[: -len(junk)]


def purpose_of(phrase: str) -> str | None:
    """'để báo cáo', 'b/c', '(để biết, t/h)' … → 'báo cáo' | 'thực hiện' (the first named)."""
    key = squash(phrase.strip(" ,;.()")).lower()
    found = [(m.start(), purpose) for purpose, pattern in _purpose_patterns().items()
             for m in [pattern.search(key)] if m]
    return min(found)[1] if found else None


@cache
def _purpose_patterns() -> dict[str, re.Pattern[str]]:
    return {
        purpose: re.compile(rf"(?<![\w/])(?:{'|'.join(map(re.escape, words))})(?![\w/])")
        for purpose, words in table()["purposes"].items() if purpose != "lưu"
    }

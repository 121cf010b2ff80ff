"""The header of a party document (thể thức): the elements Quy định 66-QĐ/TW lays out.

Issuer block (the higher body over the issuing one; the motto is not an issuer), number and
symbol, place and date, kind and the issuer named in the title, subject (trích yếu),
addressees (Kính gửi) and incoming stamps (VĂN BẢN ĐẾN) put on by a receiving office.
Works on cleaned text; positions are clean offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .clean import fold
from .kinds import (
    canonical_code,
    canonical_name,
    code_for_name,
    is_central,
    kinds,
    titles_only,
    trie_pattern,
)
from .organizations import block_head_pattern, is_bare_part, place_start_pattern, title_case
from .patterns import DATE, KIND_NAMES, LOWER, SUFFIX, codes_pattern, iso_date, squash

_MOTTO = re.compile(r"dang cong san|cong hoa xa|hoi chu nghia|chu nghia viet nam|doc lap|"
                    r"tu do - hanh phuc|^hanh phuc$|^cong( hoa)?$")
_PARTY_MOTTO = re.compile(r"ĐẢNG CỘNG SẢN VIỆT NAM\W*?(?=[ \t]+\S)")
_SYMBOL_LINE = re.compile(
    r"^S[ốô]\s*:?\s*(?P<num>[^\s/\-–]{0,8}(?:/\d)?)\s*[-–]\s*(?P<code>(?i:"
    + codes_pattern() + r"))\s*/\s*(?P<suffix>" + SUFFIX + r")\b"
    r"|^S[ốô]\s*:?\s*(?P<snum>\d{1,5})\s*/\s*(?:(?P<syear>\d{4})/)?(?P<scode>[A-ZĐ]{1,6})"
    r"\s*-\s*(?P<sissuer>[A-ZĐ][\wĐđ\-]{0,15})")
# A party symbol whose kind code is none of ours: Số 16-XX/TU
_UNKNOWN_KIND = re.compile(r"^S[ốô]\s*:?\s*\d{1,5}\s*[-–]\s*(?P<code>[A-ZĐ][A-Za-zĐ]{0,5})"
                           r"\s*/\s*(?:" + SUFFIX + r")\b")
# A kind title: NGHỊ QUYẾT, KẾT LUẬN CỦA BỘ CHÍNH TRỊ, NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ TÁM … VỀ …
_TITLE = re.compile(r"^(?P<kind>" + KIND_NAMES + "|" + trie_pattern(titles_only())
                    + r")(?:\s+(?:CỦA|CUA|Của)\s+(?P<issuer>.+?)"
                    r"|\s+(?P<session>HỘI NGHỊ\s.+?))?(?:\s+(?P<about>VỀ\s+.+))?$", re.IGNORECASE)
_SESSION = re.compile(r"^HỘI NGHỊ\s")  # the plenum that adopted it, on the line under the kind
_MOTTO_TEXT = re.compile(r"\s*(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)\s*")
_RULE = re.compile(r"^[-_=.…*~]{3,}$")  # a rule drawn under the title
_OF_LINE = re.compile(r"^(?:CỦA|CUA|Của)\s+(?P<issuer>.+?)(?:\s+(?P<about>VỀ\s+.+))?$")
_PLACE_DATE = re.compile(
    r"(?m:^)[ \t]*(?P<place>(?:T[Pp]\.?\s*)?"  # TP. Hồ Chí Minh, Bà Rịa - Vũng Tàu
    r"(?:(?:[A-ZĐ][" + LOWER + r"]*|phố|xã|trấn)(?:[ \t]*-[ \t]*|\s+)){0,5}?"
    r"[A-ZĐ][" + LOWER + r"]*)"
    r"\s*,\s*(?i:ngày)"
    r"(?:\s*" + DATE + r"|\s*(?:[.…_ ]*|\d{1,2})\s*(?i:tháng)\s*[.…_ \d]*\s*(?i:năm)\s*\d{4})")
_NOT_PLACES = frozenset({"so", "ngay", "thang"})  # Số, Ngày, Tháng before ', ngày'
_ADDRESSEE = re.compile(r"^K[íi]nh\s+g[ửu]i\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_STAMP = re.compile(r"^(?:VĂN BẢN |CÔNG VĂN )?ĐẾN\b", re.IGNORECASE)
_STAMP_NUMBER = re.compile(r"S[ốô]\s*(?:đến)?\s*[:.]?\s*(?P<n>\d{1,6})")
_STAMP_DATE = re.compile(r"Ngày\s*(?:đến)?\s*[:.]?\s*" + DATE)


HEAD_CHARS = 20_000  # how far into a part its header may start (web pages put text first)


@dataclass(slots=True)
class Line:
    """One line of the header zone (clean offsets), stripped."""

    start: int
    end: int
    text: str


@dataclass
class Header:
    """What the header states; None for what it does not."""

    code: str | None = None
    type_name: str | None = None
    number: str | None = None
    symbol: str | None = None
    suffix: str | None = None
    symbol_span: tuple[int, int] | None = None
    symbol_damaged: bool = False
    unknown_kind: tuple[str, tuple[int, int]] | None = None  # a code none of ours, its span
    system: str = "party"
    title_code: str | None = None
    kind_conflict: bool = False
    date: str | None = None
    date_span: tuple[int, int] | None = None
    date_invalid: bool = False
    place: str | None = None
    block: list[str] = field(default_factory=list)  # issuer block, higher body first
    title_issuer: str | None = None
    subject: str | None = None
    addressees: list[str] = field(default_factory=list)
    stamps: list[tuple[str | None, str | None, str | None, tuple[int, int]]] = field(
        default_factory=list)  # (by, number, date, span)
    start: int | None = None  # where the header zone begins, None when there is no header
    end: int = 0


def lines(text: str, start: int, end: int) -> list[Line]:
    """The lines of ``text[start:end]`` with their offsets, stripped of spaces.

    The text is split once (the splitter, the header and the end of a document each ask for
    part of it); only the first and last lines of a range are cut anew.
    """
    if start > end:
        return []
    whole, starts = _split(text)
    i, j = bisect_right(starts, start) - 1, bisect_right(starts, end) - 1
    if i == j:
        return [_line(text[start:end], start)]
    first = whole[i] if start == starts[i] else _line(text[start:starts[i + 1] - 1], start)
    return [first, *whole[i + 1:j], _line(text[starts[j]:end], starts[j])]


@lru_cache(maxsize=4)
def _split(text: str) -> tuple[list[Line], list[int]]:
    """Every line of ``text`` and where each begins (before its spaces)."""
    out, starts = [], []
    pos = 0
    for raw in text.split("\n"):
        out.append(_line(raw, pos))
        starts.append(pos)
        pos += len(raw) + 1
    return out, starts


def _line(raw: str, pos: int) -> Line:
    stripped = raw.strip()  # its first character is the first that is not a space
    at = pos + (raw.index(stripped[0]) if stripped else len(raw))
    return Line(at, at + len(stripped), stripped)


def is_upper(text: str) -> bool:
    """True for a line written in capitals (at least three letters, none lower case)."""
    return len(text) >= 3 and text.isupper() and sum(c.isalpha() for c in text[:8]) >= 2


def is_motto(text: str) -> bool:
    """The party's or the state's motto, which heads a document but issues nothing."""
    return len(text) < 60 and _motto_words(text)


@lru_cache(maxsize=1024)  # short lines (mottos, marks, signers) come back document after document
def _motto_words(text: str) -> bool:
    return bool(_MOTTO.search(fold(text)))


def title_kind(text: str) -> re.Match[str] | None:
    """A kind title line (``KẾT LUẬN``, ``NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ``), capitals only."""
    return _TITLE.match(text) if is_upper(text) and len(text) < 160 else None


def of_line(text: str) -> re.Match[str] | None:
    """A capitals ``CỦA …`` line naming the issuer under a kind title."""
    return _OF_LINE.match(text) if is_upper(text) else None


def symbol_line(text: str) -> re.Match[str] | None:
    """A ``Số …`` line with a symbol, however damaged its number."""
    return _SYMBOL_LINE.match(text)


def find_header(text: str, start: int, end: int) -> Header:
    """Read the header elements found in ``text[start:end]``."""
    head = Header(end=start)
    zone = _zone(lines(text, start, min(end, start + HEAD_CHARS)))
    if not zone:
        return head
    stamp_lines = _stamps(zone, head)
    title_at = None
    for i, line in enumerate(zone):
        if i in stamp_lines or not line.text:
            continue
        if head.symbol_span is None and (m := _symbol_at(zone, i)):
            _read_symbol(head, *m)
        elif head.symbol_span is None and (m := _UNKNOWN_KIND.match(line.text)):
            head.unknown_kind = m["code"], (line.start + m.start(), line.start + m.end())
        elif title_at is None and (m := title_kind(line.text)):
            title_at = i
            _read_title(head, m, zone, i)
        elif not head.addressees and (m := _ADDRESSEE.match(line.text)):
            head.addressees = _addressees(m["rest"], zone[i + 1:])
    _read_date(head, text, zone[0].start, zone[-1].end)
    head.block = _block(zone, stamp_lines, title_at)
    head.subject = head.subject or _vv_subject(zone)
    head.start, head.end = zone[0].start, zone[-1].end
    if head.code is None:
        head.code = head.title_code
    elif head.title_code and head.system == "party" and not (
            head.code.startswith(head.title_code) or head.title_code.startswith(head.code)):
        head.kind_conflict = True  # the title says one kind, the symbol's code another
    return head


def _symbol_at(zone: list[Line], i: int) -> tuple[re.Match[str], int] | None:
    """The symbol of a ``Số …`` line, or of ``Số:`` with the symbol on the next line."""
    line = zone[i]
    if m := symbol_line(line.text):
        return m, line.start
    if re.fullmatch(r"S[ốô]\s*:?", line.text):
        nxt = next((ln for ln in zone[i + 1:i + 4] if ln.text), None)
        if nxt and (m := symbol_line("Số " + nxt.text)):
            return m, nxt.start - 3
    return None


def _zone(all_lines: list[Line]) -> list[Line]:
    """The header's lines: around the richest cluster of header elements near the top, from
    a few lines above it (the issuer block) to the first long paragraph after it."""
    anchors = {i: kind for i, ln in enumerate(all_lines[:400])
               if ln.text and (kind := _anchor(ln.text))}  # a blank line is no anchor
    if not anchors:
        return []
    best = max(anchors, key=lambda i: (_cluster_score(all_lines, anchors, i), -i))
    first = best
    while first > 0 and best - first < 12 and len(all_lines[first - 1].text) <= 200:
        first -= 1
    out = all_lines[first:best]
    for ln in all_lines[best:]:
        if len(ln.text) > 200 and not _ADDRESSEE.match(ln.text):
            break
        out.append(ln)
    return out


def _cluster_score(all_lines: list[Line], anchors: dict[int, str], i: int) -> int:
    """How many kinds of header element follow line ``i`` before a long paragraph."""
    kinds_seen = set()
    for j in range(i, min(len(all_lines), i + 25)):
        if len(all_lines[j].text) > 200:
            break
        if j in anchors:
            kinds_seen.add(anchors[j])
    return len(kinds_seen)


def _anchor(text: str) -> str | None:
    """Which header element ``text`` is: motto, symbol or kind title."""
    if symbol_line(text):
        return "symbol"
    if title_kind(text):
        return "title"
    return "motto" if is_motto(text) else None


def _is_anchor(text: str) -> bool:
    return _anchor(text) is not None


def _read_symbol(head: Header, m: re.Match[str], offset: int) -> None:
    head.symbol_span = (offset + m.start(), offset + m.end())
    if m["code"]:
        head.code, head.suffix = canonical_code(m["code"]), m["suffix"]
        number = m["num"]
        if number.isdigit():
            head.number, head.symbol = number, f"{number}-{head.code}/{head.suffix}"
        else:
            head.symbol_damaged = bool(number)
    else:
        party = is_central(m["sissuer"])  # 01/HD-BTGDVTW: a central party body, state-style
        head.system, head.number = "party" if party else "state", m["snum"]
        head.code = canonical_code(m["scode"], head.system) or m["scode"]
        year = f"{m['syear']}/" if m["syear"] else ""
        head.symbol, head.suffix = f"{m['snum']}/{year}{m['scode']}-{m['sissuer']}", m["sissuer"]
    if head.code and head.type_name is None:
        kind = kinds(head.system).get(head.code)
        head.type_name = kind.name if kind else None


def _read_title(head: Header, m: re.Match[str], zone: list[Line], i: int) -> None:
    rest = [ln for ln in zone[i + 1:] if ln.text]
    if rest and not m["issuer"] and is_upper(rest[0].text) and (
            joined := title_kind(f"{zone[i].text} {rest[0].text}")) and joined["issuer"]:
        m, rest = joined, rest[1:]  # THÔNG BÁO / KẾT LUẬN CỦA BAN BÍ THƯ: one title, two lines
    head.type_name = canonical_name(squash(m["kind"]))
    head.title_code = code_for_name(head.type_name)
    issuer = m["issuer"]
    about = m["about"]
    if not issuer and rest and (of := of_line(rest[0].text)):
        issuer, about, rest = of["issuer"], of["about"], rest[1:]
    if rest and is_upper(rest[0].text) and _SESSION.match(rest[0].text):
        rest = rest[1:]
    head.title_issuer = squash(issuer) if issuer else None
    head.subject = _strip_about(about) if about else _subject(
        zone, rest[0] if rest else None)


def _subject(zone: list[Line], first: Line | None) -> str | None:
    """The title lines after the kind (``về …``), joined, up to a blank line."""
    if first is None or len(first.text) > 200 or not _starts_subject(first.text):
        return None
    at = zone.index(first)
    parts = []
    for ln in zone[at:at + 8]:
        if not ln.text or len(ln.text) > 200 or (parts and _ADDRESSEE.match(ln.text)):
            break
        if _RULE.match(ln.text) or (parts and ln.text.startswith("(")):
            break  # a rule under the title, or "(Ban hành kèm theo …)"
        parts.append(ln.text)
    return _strip_about(" ".join(parts))


def _starts_subject(text: str) -> bool:
    return text[:1].islower() or is_upper(text) or bool(re.match(r"(?i)(về|v/v)\b", text))


def _strip_about(text: str) -> str:
    return re.sub(r"^(?i:v/v|về)\s*:?\s*", "", squash(text)).strip(" .") or None


def _vv_subject(zone: list[Line]) -> str | None:
    for i, ln in enumerate(zone):
        if re.match(r"(?i)v/v\b", ln.text):
            parts = [ln.text]
            for nxt in zone[i + 1:i + 6]:
                if not nxt.text or _ADDRESSEE.match(nxt.text) or _is_anchor(nxt.text):
                    break
                if _PLACE_DATE.search(nxt.text):
                    break
                parts.append(nxt.text)
            return _strip_about(" ".join(parts))
    return None


def _read_date(head: Header, text: str, start: int, end: int) -> None:
    """Place and date of issue: the first ``Place, ngày …`` that starts a line, or that
    follows the symbol or the party's motto on its line (two columns read as one)."""
    chunks = [(start, text[start:end])]
    afters = [m.end() for m in _PARTY_MOTTO.finditer(text, start, end)]  # a column beside it
    for a in ([head.symbol_span[1]] if head.symbol_span else []) + afters:
        rest = text[a:end].split("\n", 1)[0]
        stripped = rest.lstrip(" \t,;")
        chunks.insert(0, (a + len(rest) - len(stripped), stripped))
    for offset, chunk in chunks:
        for m in _PLACE_DATE.finditer(chunk):
            words = fold(m["place"]).split()
            if words[0] in _NOT_PLACES or words[:2] == ["can", "cu"]:  # not Sơn La, Sóc Trăng
                continue
            head.place = squash(m["place"])
            head.date_span = (offset + m.start("place"), offset + m.end())
            if m["d1"] or m["d2"]:
                head.date = iso_date(m)
                head.date_invalid = head.date is None
            return


def _addressees(rest: str, following: list[Line]) -> list[str]:
    items = [rest] if rest else []
    for ln in following:
        if not ln.text or (not ln.text.startswith(("-", "+", "•")) and items):
            break
        items.append(ln.text)
    parts = [p for item in items for p in re.split(r"(?:^|\s)[-+•]\s+", item)]
    return [p.strip(" ,;.") for p in parts if p.strip(" ,;.")]


def _stamps(zone: list[Line], head: Header) -> set[int]:
    """Find incoming stamps; return the indexes of the zone lines they use."""
    used: set[int] = set()
    for i, ln in enumerate(zone):
        if not _STAMP.match(ln.text) or len(ln.text) > 60:
            continue
        by_lines = _stamp_owner(zone, i)
        after = [j for j in range(i + 1, min(len(zone), i + 8)) if zone[j].text][:4]
        number = date = None
        for j in [i, *after]:
            n, d = _STAMP_NUMBER.search(zone[j].text), re.search(_STAMP_DATE, zone[j].text)
            number = number or (n["n"] if n and not _PLACE_DATE.search(zone[j].text) else None)
            date = date or (iso_date(d) if d else None)
            if n or d or re.match(r"(?i)(chuyển|lưu|huyện|ưu hồ sơ)", zone[j].text):
                used.add(j)
        by = title_case(" ".join(zone[k].text for k in by_lines)) if by_lines else None
        used |= {i, *by_lines}
        end = zone[max(used)].end
        head.stamps.append((by, number, date, (zone[by_lines[0] if by_lines else i].start, end)))
    return used


def _stamp_owner(zone: list[Line], i: int) -> list[int]:
    """The capitals lines just above a stamp's ``ĐẾN``: the receiving body."""
    owner: list[int] = []
    for j in range(i - 1, max(-1, i - 5), -1):
        text = zone[j].text
        if not text:
            continue
        if not is_upper(text) or is_motto(text) or title_kind(text) or symbol_line(text):
            break
        owner.insert(0, j)
        if len(owner) == 2:
            break
    return owner


def _not_a_name(line: str) -> bool:
    """A capitals line with a symbol, a date or other figures: only a body's own line may
    hold a number, as a word of its name ('BAN CHỈ ĐẠO 35', 'ĐẢNG ỦY QUÂN KHU 7')."""
    if "/" in line:
        return True
    figures = [w for w in line.split() if any(map(str.isdigit, w))]
    return bool(figures) and not (block_head_pattern().match(line)
                                  and all(map(str.isdigit, figures)))


def _block(zone: list[Line], skip: set[int], title_at: int | None) -> list[str]:
    """The issuer block: the bodies named in capitals above the title, higher body first.

    A line that does not start a body's name (``DÂN``, ``TỈNH HÀ NAM``), or that follows a
    bare department (``VĂN PHÒNG`` / ``CHÍNH PHỦ``), continues the one above it; the motto,
    stamps, numbers and dates are not bodies.
    """
    names: list[str] = []
    joinable = False
    stop = title_at if title_at is not None else len(zone)
    for i, ln in enumerate(zone[:stop]):
        t = _MOTTO_TEXT.sub(" ", ln.text).strip(" -_*")
        if i in skip or not t or not is_upper(t) or len(t) > 80 or _not_a_name(t):
            joinable = False
            continue
        new = block_head_pattern().match(t) or is_motto(t) or not names
        if names and joinable and is_bare_part(title_case(names[-1])) and not is_motto(t):
            new = False  # VĂN PHÒNG / CHÍNH PHỦ: a department's name broken over two lines
        if new or not (joinable or place_start_pattern().match(t)):
            names.append(t)
        else:
            names[-1] = f"{names[-1]} {t}"
        joinable = True
    return [n for n in names if block_head_pattern().match(n) and not is_motto(n)][-2:]

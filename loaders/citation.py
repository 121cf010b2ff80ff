"""Citations of other documents (trích dẫn) and references by name (Nghị quyết Đại hội XIII).

Every way real text cites: ``Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị khóa XII
về "…"``, with or without ``số``, with ``, ngày``, any date style; nested citations inside a
cited title; short forms (``Nghị quyết 02``) tied to the full symbol met earlier; state
documents (``Nghị định 136/2025/NĐ-CP``). Works on cleaned text; positions are clean offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import CleanText
from .kinds import canonical_code, canonical_name, code_for_name, kinds
from .model import Citation, Warning
from .organizations import canonical_name as canonical_org
from .patterns import (
    DATE,
    KIND_NAMES,
    PARTY_SYMBOL,
    STATE_NAMES,
    STATE_SYMBOL,
    iso_date,
    squash,
)

_SYMBOL = re.compile(PARTY_SYMBOL + "|" + STATE_SYMBOL)
_BEFORE = re.compile(r"(?P<kind>" + KIND_NAMES + "|" + STATE_NAMES + r")(?:\s+liên\s+tịch)?"
                     r"\s*(?:(?:số|Số|SỐ)\s*:?\s*)?$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s*[,(]?\s*(?:(?i:được\s+)?(?i:ban\s+hành|ký)\s+)?(?i:ngày)\s*"
                         + DATE + r"\)?")
_ISSUER_AFTER = re.compile(
    r"\s*,?\s*(?i:của)\s+(?P<issuer>[A-ZĐÂƯ][^\n,;:“”\"()]{1,90}?)"
    r"(?=\s+(?i:về|V/v|đã|đến|và|với|nhằm|trong|tại|theo|thì|là|được|ban hành|ngày)\b"
    r"|\s*[,;:“”\"()\n]|\.(?:\s|$)|$)")
_TITLE_AFTER = re.compile(r"\s*,?\s*(?:(?P<about>(?i:về|v/v))\s*:?\s*)?(?P<q>[“\"])")
_ABOUT_AFTER = re.compile(
    r"\s*,?\s*(?i:về)\s+(?P<title>(?:[^;\n“”\"()]|\n(?!\s*\n)){3,300}?)"
    r"(?=[;“”\"()]|\n\s*\n|\.\s|\.$|,\s+[A-ZĐ]|\s(?:cho thấy|đã|là một|nhằm)\s|$)")
_DATE_BEFORE = re.compile(r"(?i:ngày)\s+" + DATE + r"\s*,\s*(?P<issuer>[A-ZĐ][^,.;\n]{2,120}?)"
                          r"\s+(?i:đã\s+)?(?i:ban\s+hành|ký)\s*$")
_CUES = [  # (relation, words just before the citation)
    ("continues", r"tiếp\s+tục\s+(?:triển\s+khai\s+|tổ\s+chức\s+)?thực\s+hiện"),
    ("replaces", r"thay\s+thế(?:\s+cho)?"),
    ("amends", r"sửa\s+đổi(?:,\s*|\s+và\s+)?(?:bổ\s+sung)?(?:\s+một\s+số\s+điều\s+(?:của)?)?"),
    ("implements", r"triển\s+khai(?:\s+thực\s+hiện)?|cụ\s+thể\s+hóa|thi\s+hành"),
]
_CUE = re.compile(r"(?:" + "|".join(f"(?P<{n}>{p})" for n, p in _CUES) + r")"
                  r"(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc|và\s+[\w\s]{0,20}|các|của))?\s*[,:]?\s*$",
                  re.IGNORECASE)
_SHORT = re.compile(r"(?<!\w)(?P<kind>" + KIND_NAMES + r")\s+(?:(?:số|Số)\s+)?(?P<num>\d{1,4})"
                    r"(?![\d/]|\s*[-–]\s*[A-ZĐ])", re.IGNORECASE)
_NAMED = re.compile(
    r"(?<!\w)(?P<head>(?i:Nghị quyết|Kết luận|Văn kiện|Báo cáo chính trị))\s+(?:của\s+)?"
    r"(?=(?P<body>(?:Đại hội|Hội nghị|Trung ương\s+\d)[^\n;:.“”\"()]{0,120}))")
_NAMED_STOP = re.compile(
    r"\s(?:về|đã|đề ra|và\s+(?!Đại hội|Hội nghị)|là|với|nhằm|trong|tại|theo|để|gắn|cũng|được|"
    r"có|các|thì|nêu|xác định|nhiệm kỳ)\b|,\s+(?!(?:[IVXLC]+\b))")
_ROMAN_LIST = re.compile(r"(?P<lead>.*?\b(?:khóa|lần thứ)\s+)(?P<items>[IVXLC]+(?:\s*,\s*[IVXLC]+)+"
                         r"(?:\s*(?:,|và)\s*[IVXLC]+)?)\b")


@dataclass(frozen=True)
class Mention:
    """One place a document is cited, before merging mentions of the same document."""

    symbol: str
    system: str
    code: str | None
    number: str
    suffix: str | None
    type_name: str | None
    date: str | None
    issuer: str | None
    title: str | None
    relation: str
    span: tuple[int, int]
    title_span: tuple[int, int] | None
    date_invalid: bool = False


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Every citation of a document by its symbol in ``text[start:end]``."""
    out = []
    for m in _SYMBOL.finditer(text, start, end):
        out.append(_mention(text, m, start, end))
    return out


def _mention(text: str, m: re.Match[str], start: int, end: int) -> Mention:
    before = _BEFORE.search(text, max(start, m.start() - 45), m.start())
    kind_start = before.start() if before else m.start()
    kind_name = canonical_name(squash(before["kind"])) if before else None
    if m["num"]:
        system, code, number, suffix = "party", canonical_code(m["code"]), m["num"], m["suffix"]
        symbol = f"{number}-{code}/{suffix}"
    else:
        system, number = "state", m["snum"]
        code = canonical_code(m["scode"], "state") if m["scode"] else "QH"
        suffix = m["sissuer"] or m["law"]
        year = f"{m['syear']}/" if m["syear"] else ""
        kind = f"{m['scode']}-" if m["scode"] else ""
        symbol = f"{number}/{year}{kind}{suffix}"
    type_name = _type_name(kind_name, code, system)
    pos, date, invalid = m.end(), None, False
    if dm := _DATE_AFTER.match(text, pos, end):
        date = iso_date(dm)
        invalid, pos = date is None, dm.end()
    issuer = None
    if im := _ISSUER_AFTER.match(text, pos, end):
        issuer, pos = canonical_org(squash(im["issuer"])), im.end()
        if date is None and (dm := _DATE_AFTER.match(text, pos, end)):
            date, invalid, pos = iso_date(dm), iso_date(dm) is None, dm.end()
    if date is None and (db := _DATE_BEFORE.search(text, max(start, kind_start - 160),
                                                    kind_start)):
        date, issuer = iso_date(db), issuer or canonical_org(squash(db["issuer"]))
    title, title_span = _title(text, pos, end)
    cue = _CUE.search(text, max(start, kind_start - 70), kind_start)
    relation = next((n for n, _ in _CUES if cue and cue[n]), "cites")
    span = (kind_start, title_span[1] + 1 if title_span else pos)
    return Mention(symbol, system, code, number, suffix, type_name, date, issuer, title,
                   relation, span, title_span, invalid)


def _type_name(kind_name: str | None, code: str | None, system: str) -> str | None:
    """The kind's name from the citing words, else from the code when the code says it."""
    if kind_name and (code_for_name(kind_name) in (code, None) or system == "state"):
        return kind_name
    kind = kinds(system).get(code or "")
    return kind.name if kind else None


def _title(text: str, pos: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    if (q := _TITLE_AFTER.match(text, pos, end)) and (q["about"] or q.end() - pos <= 3):
        close = "”" if q["q"] == "“" else '"'
        stop = text.find(close, q.end(), min(end, q.end() + 600))
        if stop > q.end():
            return squash(text[q.end():stop]), (q.end(), stop)
    if a := _ABOUT_AFTER.match(text, pos, end):
        return squash(a["title"]), (a.start("title"), a.end("title"))
    return None, None


def find_short_forms(text: str, start: int, end: int,
                     known: list[Mention]) -> list[tuple[Mention, tuple[int, int]]]:
    """Short forms (``Nghị quyết 02``, ``Nghị quyết số 06``) and the full citation they mean."""
    out = []
    for m in _SHORT.finditer(text, start, end):
        code = code_for_name(squash(m["kind"]))
        for full in known:
            if (full.system == "party" and full.span[0] < m.start() and full.code == code
                    and full.number.lstrip("0") == m["num"].lstrip("0")):
                out.append((full, (m.start(), m.end())))
                break
    return out


def find_named(text: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """Documents referred to by name without a number, one per name in a list.

    ``Nghị quyết Hội nghị Trung ương 4 khóa XI, XII, XIII`` is three references;
    ``Nghị quyết Đại hội … lần thứ XX và Đại hội … lần thứ XIII`` is two.
    """
    out = []
    for m in _NAMED.finditer(text, start, end):
        body = m["body"]
        if stop := _NAMED_STOP.search(body):
            body = body[:stop.start()]
        body = re.sub(r"\s+(?:của|và)$", "", body.rstrip(" ,"))
        span = (m.start(), m.start("body") + len(body))
        for part in re.split(r"\s+và\s+(?=Đại hội|Hội nghị)", squash(body)):
            for name in _expand_roman(part):
                out.append((f"{squash(m['head'])} {name}", span))
    return out


def _expand_roman(part: str) -> list[str]:
    rl = _ROMAN_LIST.match(part)
    if not rl:
        return [part]
    items = re.split(r"\s*(?:,|và)\s*", rl["items"])
    tail = part[rl.end():]
    return [f"{rl['lead']}{item}{tail}" for item in items if item]


def merge_mentions(mentions: list[Mention], shorts: list[tuple[Mention, tuple[int, int]]],
                   ct: CleanText, warnings: list[Warning]) -> list[Citation]:
    """One :class:`Citation` per cited document, its fields taken from all its mentions.

    Mentions of one symbol with different years are different documents (numbers restart
    each term). A mention inside another's quoted title only cites, whatever words precede it.
    """
    titles = [m.title_span for m in mentions if m.title_span]
    groups: dict[tuple[str, int | None], list[Mention]] = {}
    for m in mentions:
        if m.date_invalid:
            warnings.append(Warning("date-invalid", f"{m.symbol}: the date is not a real date",
                                    ct.span(*m.span)))
        year = int(m.date[:4]) if m.date else None
        groups.setdefault((m.symbol, year), []).append(m)
    for symbol, year in list(groups):
        dated = [k for k in groups if k[0] == symbol and k[1] is not None]
        if year is None and len(dated) == 1:
            groups[dated[0]].extend(groups.pop((symbol, None)))
    out = []
    for group in groups.values():
        group.sort(key=lambda m: m.span[0])
        first = group[0]
        relation = next((m.relation for m in group if m.relation != "cites"
                         and not any(a <= m.span[0] < b for a, b in titles)), "cites")
        out.append(Citation(
            symbol=first.symbol, type=first.code, number=first.number,
            date=next((m.date for m in group if m.date), None),
            issuer=next((m.issuer for m in group if m.issuer), None),
            title=next((m.title for m in group if m.title), None),
            relation=relation, span=ct.span(*first.span),
            type_name=next((m.type_name for m in group if m.type_name), None),
            system=first.system,
            short_forms=tuple(dict.fromkeys(
                ct.text[a:b] for full, (a, b) in shorts if full in group))))
    return sorted(out, key=lambda c: c.span[0])

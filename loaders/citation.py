"""Citations of other documents (trích dẫn) and references by name (Nghị quyết Đại hội XIII).

Every way real text cites: ``Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị khóa XII
về "…"``, with or without ``số``, with ``, ngày``, any date style; nested citations inside a
cited title; short forms (``Nghị quyết 02``) tied to the full symbol met earlier; state
documents (``Nghị định 136/2025/NĐ-CP``). Works on cleaned text; positions are clean offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from .clean import CleanText
from .kinds import (
    alternation,
    canonical_code,
    canonical_name,
    code_for_name,
    is_central,
    kinds,
    names_pattern,
    relation_cues,
    relations_pattern,
    trie_pattern,
    words,
)
from .model import Citation, Warning
from .organizations import canonical_name as canonical_org
from .patterns import (
    DATE,
    GLUED,
    KIND_NAMES,
    LOWER,
    PARTY_SYMBOL,
    STATE_SYMBOL,
    SYMBOL_OPENING,
    caseless,
    finditer_where,
    iso_date,
    squash,
)

_SYMBOL = re.compile(PARTY_SYMBOL + "|" + STATE_SYMBOL)
_KIND = re.compile(names_pattern("all", cased=True) + r"(?:\s+liên\s+tịch)?")
_KIND_GAP = re.compile(r"\s*(?:(?:số|Số|SỐ)\s*:?\s*)?")
# Up to the last character before a position that no kind name (letters, spaces) and no
# _KIND_GAP holds: no kind stands across it, and none before it stands right before the symbol.
_PAST_KIND = re.compile(r"(?s:.*)(?:[^\w\s:]|[\d_])")
_KIND_REACH = 300  # how far back to look for such a character before scanning from the start
_DATE_AFTER = re.compile(r"\s*[,(]?\s*(?:(?i:được\s+)?(?i:ban\s+hành|ký)\s+)?(?i:ngày)\s*"
                         + DATE + r"\)?")
# Words that end an issuer's name: the verb or preposition that follows it.
_ISSUER_END = (alternation(words("issuer_ends"))
               + r"|và\s+(?:" + KIND_NAMES + r"|[" + LOWER + r"]\w*)")
_ISSUER_AFTER = re.compile(
    r"\s*,?\s*(?i:của)\s+(?P<issuer>(?:Ban\s+chỉ\s+đạo\s+)?"  # 'chỉ đạo' may end a name
    r"[A-ZĐÂƯ](?:[^\n,;:“”\"()\[]|\n(?!\s*\n)){1,90}?)"
    r"(?=\s+(?:" + _ISSUER_END + r")\b|\s*[,;:“”\"()\[]|\n\s*\n|\.(?:\s|$)|$)")
_TITLE_AFTER = re.compile(r"\s*,?\s*(?:(?P<about>(?i:về|v/v))\s*:?\s*)?(?P<q>[“\"])")
_ABOUT_AFTER = re.compile(
    r"\s*,?\s*(?i:về)\s+(?P<title>(?:[^;\n“”\"()]|\n(?!\s*\n)){3,300}?)"
    r"(?=[;“”\"()]|\n\s*\n|\.\s|\.$|,\s+[A-ZĐ]|\s(?:cho thấy|đã|là một|nhằm)\s|$)")
_DATE_BEFORE = re.compile(r"(?i:ngày)\s+" + DATE + r"\s*,\s*(?P<issuer>[A-ZĐ][^,.;\n]{2,120}?)"
                          r"\s+(?i:đã\s+)?(?i:ký\s+)?(?i:ban\s+hành|ký)\s*$")
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:(?i:ban\s+hành)\s+)?(?i:năm)\s+"
                         r"(?P<year>(?:19|20)\d{2})(?!\d)")
_ISSUER_CUT = re.compile(r"\s+(?:" + _ISSUER_END + r")\b")
_CUE = re.compile(relations_pattern())
_IMPLEMENTING = re.compile(r"(?i:(?:về\s+)?(?:việc\s+)?(?:"
                           + alternation(words("implementing_subjects")) + r"))\b")
_CUE_GAP = re.compile(r"(?:\s+(?:có\s+hiệu\s+quả|nghiêm\s+túc|và\s+[\w\s]{0,20}|các|của))?"
                      r"\s*[,:]?\s*", re.IGNORECASE)

_NAMED_BODY = r"(?:Đại hội|Hội nghị|Trung ương\s+\d)"  # what a name by a congress opens with
_NAMED = re.compile(
    r"(?<!\w)(?P<head>(?i:" + alternation(words("named_heads")) + r"))\s+(?:của\s+)?"
    r"(?=(?P<body>" + _NAMED_BODY
    + r"(?:[^\n;:.“”\"()\[]|\n(?!\s*\n)|\((?i:khóa)\s+[IVXLC]+\)){0,120}))")
_NAMED_OPENING = re.compile(caseless(words("named_heads")) + r"\s+(?:của\s+)?" + _NAMED_BODY)
# A name that points at one congress or plenum: a number, a roman numeral, an ordinal.
_NUMBERED = re.compile(r"\b(?:[IVXLC]+|\d+|thứ\s+\w+)\b")
_ORDINALS = set(words("ordinals"))
_NAMED_STOP = re.compile(r"\s(?:" + alternation(words("named_stops"))
                         + r"|và\s+(?!Đại hội|Hội nghị))\b|,\s+(?!(?:[IVXLC]+\b))")
_ROMAN_LIST = re.compile(r"(?P<lead>.*?\b(?:khóa|lần thứ)\s+)(?P<items>[IVXLC]+(?:\s*,\s*[IVXLC]+)+"
                         r"(?:\s*(?:,|và)\s*[IVXLC]+)?)\b")


_LIST_GAP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)(?:số\s+)?")  # between a list's symbols


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
    year: int | None = None


class _Before:
    """Matches of a pattern in a part, to ask which one ends just before a position: the
    part is scanned only as far as a question needs (often not at all)."""

    def __init__(self, pattern: re.Pattern[str], text: str, start: int, end: int) -> None:
        self.scan = pattern.finditer(text, start, end)
        self.matches: list[re.Match[str]] = []
        self.ends: list[int] = []

    def last(self, text: str, pos: int, gap: re.Pattern[str]) -> re.Match[str] | None:
        """The match that ends before ``pos`` with only ``gap`` between them."""
        while not self.ends or self.ends[-1] <= pos:
            m = next(self.scan, None)
            if m is None:
                break
            self.matches.append(m)
            self.ends.append(m.end())
        i = bisect_right(self.ends, pos) - 1
        if i < 0:
            return None
        m = self.matches[i]
        g = gap.match(text, m.end(), pos)
        return m if g and g.end() == pos else None


def _kind_before(text: str, pos: int, start: int, end: int) -> re.Match[str] | None:
    """The kind named just before ``pos`` (only :data:`_KIND_GAP` between them), as
    ``_KIND.finditer(text, start, end)`` finds it: that scan and one that starts just past
    :data:`_PAST_KIND` find the same kinds from there on, no kind straddling that point."""
    lo = max(start, pos - _KIND_REACH)
    past = _PAST_KIND.match(text, lo, pos)
    last = None
    for m in _KIND.finditer(text, past.end() if past else start, end):
        if m.end() > pos:
            break
        last = m
    g = _KIND_GAP.match(text, last.end(), pos) if last else None
    return last if g and g.end() == pos else None


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Every citation of a document by its symbol in ``text[start:end]``."""
    cues = _Before(_CUE, text, start, end)
    found = (_mention(text, m, start, end, cues)
             for m in finditer_where(_SYMBOL, SYMBOL_OPENING, text, start, end)
             if m.start() == 0 or not GLUED.match(text, m.start() - 1))
    return _share_issuers([m for m in found if m is not None], text)


def _share_issuers(mentions: list[Mention], text: str) -> list[Mention]:
    """The issuer named after a list of symbols is each one's that shares its issuer part:
    in 'các Nghị quyết số 57-NQ/TW, 59-NQ/TW và 66-NQ/TW của Bộ Chính trị' all three are
    the Politburo's; in 'Kế hoạch số 47-KH/TW và Hướng dẫn số 26-HD/BTCTW của Ban Tổ chức
    Trung ương' the first is not."""
    shared = list(mentions)
    for i in range(len(shared) - 2, -1, -1):  # from the end: 66-NQ/TW passes it on to 59-NQ/TW
        m, after = shared[i], shared[i + 1]
        listed = _LIST_GAP.fullmatch(text, m.span[1], after.span[0])
        if (listed and m.issuer is None and after.issuer and m.title is None
                and m.system == after.system and m.suffix == after.suffix):
            shared[i] = replace(m, issuer=after.issuer)
    return shared


def _mention(text: str, m: re.Match[str], start: int, end: int,
             cues: _Before) -> Mention | None:
    before = _kind_before(text, m.start(), start, end)
    if m["letter"] and not before:
        return None  # 6400/BGDĐT-GDĐH names a document only after its kind
    kind_start = before.start() if before else m.start()
    kind_name = canonical_name(squash(before.group())) if before else None
    system, symbol, code, number, suffix = _symbol(m, kind_name)
    date, year, issuer, invalid, pos = _stated_after(text, m.end(), end)
    window = max(start, kind_start - 160)
    if date is None and "gày" in text[window:kind_start] and (
            db := _DATE_BEFORE.search(text, window, kind_start)):
        said = _ISSUER_CUT.split(squash(db["issuer"]), maxsplit=1)[0]
        date, issuer = iso_date(db), issuer or canonical_org(said)
    title, title_span = _title(text, pos, end)
    cue = cues.last(text, kind_start, _CUE_GAP)
    relation = relation_cues()[squash(cue.group()).lower()] if cue else "cites"
    span = (kind_start, title_span[1] + 1 if title_span else pos)
    return Mention(symbol, system, code, number, suffix, _type_name(kind_name, code, system),
                   date, issuer, title, relation, span, title_span, invalid,
                   year or (int(date[:4]) if date else _symbol_year(m)))


def _symbol(m: re.Match[str], kind_name: str | None) -> tuple[str, str, str | None, str, str]:
    """System, symbol as written the standard way, kind code, number and issuer part."""
    if m["num"]:
        code = canonical_code(m["code"])
        return "party", f"{m['num']}-{code}/{m['suffix']}", code, m["num"], m["suffix"]
    code = _state_code(m, kind_name)
    suffix = m["sissuer"] or m["law"] or m["letter"]
    year = f"{m['syear']}/" if m["syear"] else ""
    kind = f"{m['scode']}-" if m["scode"] else ""
    symbol = f"{m['snum']}/{year}{kind}{suffix}"
    if m["scode"] and is_central(suffix):  # 01/HD-BTGDVTW: a central party body, state-style
        return "party", symbol, canonical_code(m["scode"]) or code, m["snum"], suffix
    return "state", symbol, code, m["snum"], suffix


def _symbol_year(m: re.Match[str]) -> int | None:
    return int(m["syear"]) if m["syear"] else None


def _stated_after(text: str, pos: int, end: int):
    """Date (or year only), issuer and where they stop, after a symbol: ``ngày 22/10/2018
    của Bộ Chính trị``, ``năm 2025 của Bộ Chính trị``, ``của Ban Bí thư ngày …``."""
    date = year = issuer = None
    invalid = False
    if dm := _DATE_AFTER.match(text, pos, end):
        date, pos = iso_date(dm), dm.end()
        invalid = date is None
    elif ym := _YEAR_AFTER.match(text, pos, end):
        year, pos = int(ym["year"]), ym.end()
    if im := _ISSUER_AFTER.match(text, pos, end):
        issuer, pos = canonical_org(squash(im["issuer"])), im.end()
        if date is None and (dm := _DATE_AFTER.match(text, pos, end)):
            date, pos = iso_date(dm), dm.end()
            invalid = date is None
    return date, year, issuer, invalid, pos


def _state_code(m: re.Match[str], kind_words: str | None) -> str | None:
    """A state symbol's kind: its code, ``QH`` for a law's, else the citing words'."""
    if m["scode"]:
        return canonical_code(m["scode"], "state") or canonical_code(m["scode"])
    if m["law"]:
        return "QH"
    return code_for_name(squash(kind_words)) if kind_words else None


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
    out: list[tuple[Mention, tuple[int, int]]] = []
    names = frozenset(n for m in known if m.system == "party" and m.code
                      for n in kinds().get(m.code, kinds()["NQ"]).names)
    if not names:
        return out
    for m in _short_pattern(names).finditer(text, start, end):
        code = code_for_name(squash(m["kind"]))
        for full in known:
            if (full.system == "party" and full.span[0] < m.start() and full.code == code
                    and full.number.lstrip("0") == m["num"].lstrip("0")):
                out.append((full, (m.start(), m.end())))
                break
    return out


@lru_cache(maxsize=256)
def _short_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """``Nghị quyết 02``, ``Nghị quyết số 06`` for the kinds a part cites in full."""
    cased = {v for n in names for v in (n, n.lower(), n.upper())}
    return re.compile(r"(?P<kind>" + trie_pattern(cased) + r")\s+(?:(?:số|Số)\s+)?"
                      r"(?P<num>\d{1,4})(?![\d/]|\s*[-–]\s*[A-ZĐ])")


def find_named(text: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """Documents referred to by name without a number, one per name in a list.

    ``Nghị quyết Hội nghị Trung ương 4 khóa XI, XII, XIII`` is three references;
    ``Nghị quyết Đại hội … lần thứ XX và Đại hội … lần thứ XIII`` is two.
    """
    out = []
    for m in finditer_where(_NAMED, _NAMED_OPENING, text, start, end):
        length, names = _names(m["head"], m["body"])
        span = (m.start(), m.start("body") + length)
        out += [(name, span) for name in names]
    return out


@lru_cache(maxsize=1024)  # a document names the same congress again and again
def _names(head: str, body: str) -> tuple[int, tuple[str, ...]]:
    """How much of ``body`` the name takes, and the documents it names."""
    if stop := _NAMED_STOP.search(body):
        body = body[:stop.start()]
    body = _trim_tail(body.rstrip(" ,"))
    names = []
    for part in re.split(r"\s+và\s+(?=Đại hội|Hội nghị)", squash(body)):
        if not _NUMBERED.search(part):
            continue  # "Nghị quyết Đại hội" alone names no one congress
        for name in _expand_roman(part):
            name = re.sub(r"\((khóa\s+[IVXLC]+)\)", r"\1", name, flags=re.IGNORECASE)
            names.append(f"{squash(head)} {name}")
    return len(body), tuple(names)


def _trim_tail(body: str) -> str:
    """Drop trailing lower-case words (``… khóa II chính thức``), keeping ordinals."""
    while (last := list(re.finditer(r"\S+", body))) and last[-1].group()[:1].islower() \
            and last[-1].group() not in _ORDINALS:
        body = body[:last[-1].start()].rstrip()
    return body


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
            warnings.append(Warning("citation-date-invalid",
                                    f"{m.symbol}: the date is not a real date", ct.span(*m.span)))
        groups.setdefault((m.symbol, m.year), []).append(m)
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
            year=next((m.year for m in group if m.year), None),
            issuer=next((m.issuer for m in group if m.issuer), None),
            title=next((m.title for m in group if m.title), None),
            relation=relation, span=ct.span(*first.span),
            type_name=next((m.type_name for m in group if m.type_name), None),
            system=first.system,
            short_forms=tuple(dict.fromkeys(
                ct.text[a:b] for full, (a, b) in shorts if full in group))))
    return sorted(out, key=lambda c: c.span[0])


def implemented_by_subject(citations: list[Citation], subject: str | None) -> list[Citation]:
    """A plan whose subject is ``thực hiện Nghị quyết số 57-NQ/TW`` implements that document."""
    if not subject or not _IMPLEMENTING.match(subject):
        return citations
    named = [c for c in citations if c.symbol in subject]
    if not named:
        return citations
    first = min(named, key=lambda c: subject.index(c.symbol))  # the rest describe it
    return [replace(c, relation="implements") if c is first and c.relation == "cites" else c
            for c in citations]

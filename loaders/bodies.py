"""Names of bodies in running text (tên cơ quan, tổ chức): where one starts and ends.

A name opens with a head word from the table ('Ban …', 'các cấp ủy …', 'UBND …') and runs
to the first verb, modal or stop word; a verb right after a nominalizer ('công tác kiểm
tra', 'Ủy ban Kiểm tra') or in a noun reading ('tổ chức đảng') belongs to the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from .kinds import trie_pattern
from .model import Span
from .plain import View, lowered, strip_span, table, written

WORD = re.compile(r"[^\W_]+(?:/[^\W_]+)?")
_WITH = re.compile(r"(?i)phối\s+hợp(?:\s+\w+){0,2}?\s+(?:với|cùng)\s+")
_SPACES = re.compile(r"\s+")
_TWO_UPPER = re.compile(r"(?<!\S)[^\W\d_]{2,}\s+[^\W\d_]{2,}(?!\S)")
_JOINS = re.compile(r",\s*|;\s*|\s+và\s+")
_ASSIGN_WORD = re.compile(r"(?i)^(?:giao\s+cho|giao|đề\s+nghị|yêu\s+cầu)\s+")
_WITH_BODY = re.compile(r"(?i:phối\s+hợp)\s+(?=[A-ZĐÂĂÊÔƠƯỦ])")  # 'phối hợp Sở Tài chính …'


def actor_end(plain: str, a: int, b: int, extra: tuple[str, ...] = ()) -> int | None:
    """End of a body's name starting at ``a``: the first verb (or ``extra`` word) after it."""
    if not extra and not head_at(plain, a, b):
        return None
    stops = _stops(extra)
    for at in _stop_candidates(plain, a, b, extra):
        if verb_at(plain, at, b, stops):
            end = strip_span(plain, a, at, " ,")[1]
            return end if end > a else None
    return None


def _stop_candidates(plain: str, a: int, b: int, extra: tuple[str, ...]) -> Iterator[int]:
    """The words after ``a`` (up to 240 characters on) where a stop of :func:`actor_end` may
    start: on the lower-cased view of a text, only where one of them does, ignoring what
    follows it; every word where :func:`verb_at` holds is among them (it needs one there)."""
    end = min(b, a + 240)
    low = plain.low if isinstance(plain, View) else None
    if low is None:
        yield from (m.start() for m in WORD.finditer(plain, a, end) if m.start() > a)
        return
    find = _stop_openings(extra).search
    m = find(low, a + 1, b)
    while m and m.start() < end:
        yield m.start()
        m = find(low, m.start() + 1, b)


def verb_at(plain: str, at: int, b: int, stops: tuple[str, ...]) -> bool:
    """A lower-case verb (or stop word) starts at ``at`` and is not part of a noun."""
    if not plain[at].islower() or not starts_with(plain, at, b, stops):
        return False
    if not plain[at - 1].isspace():
        return False
    before = _lower(plain, max(0, at - 24), at).rstrip()
    if _ends_with_nominalizer(before) and not starts_with(plain, at, b, table()["modals"]):
        return False
    low = _lower(plain, at, min(b, at + 40))
    for verb, nouns in _noun_readings().get(low.split(" ", 1)[0], ()):
        if low.startswith(verb + " ") and low[len(verb) + 1:].startswith(nouns):
            return False
    window = _lower(plain, max(0, at - 20), min(b, at + 30)).replace("\n", " ")
    return not any(p in window and _covers(window, p, at - max(0, at - 20))
                   for p in table()["nominal_phrases"])


def _ends_with_nominalizer(before: str) -> bool:
    """``before`` is, or ends with a space and, a nominalizer ('công tác', 'việc')."""
    words, most = _nominalizers()
    pieces = before.split(" ")  # what follows each space, read back from the end
    return before in words or any(
        " ".join(pieces[-k:]) in words for k in range(1, min(most, len(pieces) - 1) + 1))


@cache
def _nominalizers() -> tuple[frozenset[str], int]:
    """The nominalizers, and the most words one has."""
    words = frozenset(table()["nominalizers"])
    return words, max(len(w.split(" ")) for w in words)


@cache
def _noun_readings() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The noun readings of a verb ('tổ chức' → 'đảng'), keyed by the verb's first word."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for verb, nouns in table()["noun_readings"].items():
        out.setdefault(verb.split(" ", 1)[0], []).append((verb, tuple(nouns)))
    return out


def _covers(window: str, phrase: str, offset: int) -> bool:
    i = window.find(phrase)
    while i >= 0:
        if i < offset < i + len(phrase) or (i == offset and " " in phrase and i > 0):
            return True
        i = window.find(phrase, i + 1)
    return False


def describes(plain: str, at: int, b: int) -> bool:
    """The words after the subject report (đã, chưa, được …) rather than direct."""
    return starts_with(plain, strip_span(plain, at, b, " ,")[0], b, table()["not_duty"])


def split_bodies(plain: str, a: int, b: int) -> list[Span]:
    """'các đảng ủy cơ sở và chi bộ trực thuộc' → two bodies; shared tails stay whole."""
    bounds, pos = [], a
    for m in _JOINS.finditer(plain[a:b]):
        if _strong_at(plain, a + m.end(), b):
            bounds.append((pos, a + m.start()))
            pos = a + m.end()
    bounds.append((pos, b))
    spans = [strip_span(plain, s, e, " ,;.") for s, e in bounds]
    return [(s, e) for s, e in spans if e > s]


@lru_cache(maxsize=4096)  # a document names the same bodies again and again
def is_actor(name: str) -> bool:
    """A body's name, not a bare common noun ('Cơ quan', 'Các đơn vị') nor a verb."""
    words = name.split()
    if not 2 <= len(words) <= 30 or not head_at(name, 0, len(name)):
        return False
    if _TWO_UPPER.search(_upper_words(name)):
        return False  # 'HUYỆN ỦY AN LẠC …' is a letterhead, not a subject
    words = name.lower().split()
    core = " ".join(w for w in words if w not in table()["determiners"])
    bare = words[0] not in table()["determiners"]
    if core in _verb_set() or (bare and core in table()["weak_heads"]):
        return False  # a bare 'Cơ quan' labels a column; 'Các địa phương' are bodies
    firsts = _name_stop_letters()
    return not any(starts_with(name, w.start(), len(name), _name_stops(), fold=False)
                   for w in WORD.finditer(name) if w.start() > 0 and name[w.start()] in firsts)


def _upper_words(name: str) -> str:
    """``name`` with every word that is not all upper case blanked out."""
    return " ".join(w if w.isupper() and w.isalpha() else "·" for w in name.split())


def head_at(plain: str, a: int, b: int) -> bool:
    """A body's name starts at ``a``: 'Ban …', 'các cấp ủy …', 'UBND …' (not 'Ban hành')."""
    text, a, end = _folded(plain, a, min(b, a + 60))
    return (a < end and text.startswith(_head_firsts().get(text[a], ()), a, end)
            and _head().match(text, a, end) is not None)


def _strong_at(plain: str, a: int, b: int) -> bool:
    s = plain[a:min(b, a + 40)]
    if s[:1].isupper() and head_at(plain, a, b):
        return True
    return starts_with(plain, a, b, table()["strong_heads"])


def clean_actor(name: str) -> str:
    name = _ASSIGN_WORD.sub("", name.strip(" ,;:.-"))
    return name[:1].upper() + name[1:]


@cache
def _stops(extra: tuple[str, ...]) -> tuple[str, ...]:
    """Where a body's name ends: a verb, a modal, or one of ``extra``."""
    return verbs() + tuple(table()["modals"]) + extra


@cache
def _stop_openings(extra: tuple[str, ...]) -> re.Pattern[str]:
    """The stops of :func:`_stops` as a bare alternation, to find where one may start."""
    return re.compile(alternation(list(_stops(extra))))


@cache
def _name_stops() -> tuple[str, ...]:
    """Words no body's name holds after its first word."""
    return (*table()["assign"], *table()["modals"], *(w for w in table()["not_duty"] if w != "là"))


@cache
def _name_stop_letters() -> frozenset[str]:
    return frozenset(w[0] for w in _name_stops())


@cache
def _verb_set() -> frozenset[str]:
    return frozenset(verbs())


@cache
def verbs() -> tuple[str, ...]:
    return tuple(sorted(table()["task_verbs"], key=len, reverse=True))


@cache
def _head() -> re.Pattern[str]:
    """A lower-cased text that opens with the first determiner of the table that fits
    ('các', 'những' …) and then the longest head word that fits, as a whole word, where
    no 'not_heads' phrase starts ('ban hành'); neither is given back for a shorter one.
    Any run of white space stands between words."""
    dets = "|".join(_spaced(d) for d in table()["determiners"])
    not_heads = "|".join(_spaced(w) for w in table()["not_heads"])
    heads = trie_pattern(table()["actor_heads"])
    return re.compile(rf"(?:(?:{dets})\s+)?+(?!{not_heads})(?P<head>(?>{heads}))(?![^\W_])")


def _spaced(phrase: str) -> str:
    """``phrase`` as a pattern, any run of white space between its words."""
    return r"\s+".join(map(re.escape, phrase.split()))


@cache
def _head_firsts() -> dict[str, tuple[str, ...]]:
    """The first words of the determiners and head words, by their first letter: :func:`_head`
    matches only where one of them starts, which ``str.startswith`` tells far faster."""
    firsts: dict[str, tuple[str, ...]] = {}
    for phrase in (*table()["determiners"], *table()["actor_heads"]):
        word = phrase.split()[0]
        if word not in firsts.get(word[0], ()):
            firsts[word[0]] = (*firsts.get(word[0], ()), word)
    return firsts


def alternation(phrases: list[str]) -> str:
    """Longest first, any run of spaces or a line break between words."""
    return trie_pattern(phrases)


def _lower(plain: str, a: int, b: int) -> str:
    """``plain[a:b].lower()``: cut from the lower-cased view of a document's text (see
    :func:`lowered`), which most words the finders read come from."""
    low = plain.low if isinstance(plain, View) else None
    return plain[a:b].lower() if low is None else low[a:b]


def _folded(plain: str, a: int, b: int) -> tuple[str, int, int]:
    """``plain[a:b].lower()`` as a text and the span of it to match (patterns with no
    look-behind match there as on the slice): a view's lower-cased text, so no copy is cut."""
    low = plain.low if isinstance(plain, View) else None
    if low is None:
        s = plain[a:b].lower()
        return s, 0, len(s)
    return low, a, b


def flat(s: str) -> str:
    return _SPACES.sub(" ", s)


def starts_with(
    plain: str, at: int, b: int, words: tuple[str, ...] | list[str], fold: bool = True
) -> bool:
    """One of ``words`` (as whole words) starts at ``at``; line breaks count as spaces."""
    text, at, end = _folded(plain, at, min(b, at + 60)) if fold else (plain, at, min(b, at + 60))
    return _words_pattern(words).match(text, at, end) is not None


_BY_IDENTITY: dict[int, tuple[object, re.Pattern[str]]] = {}


def _words_pattern(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """The pattern of ``words``, found by the object first: the tables' lists and the cached
    tuples come back as the same objects, and a long tuple is slow to hash."""
    hit = _BY_IDENTITY.get(id(words))
    if hit is None or hit[0] is not words:  # held in the entry, so its id stays its own
        if len(_BY_IDENTITY) > 64:
            _BY_IDENTITY.clear()
        hit = _BY_IDENTITY[id(words)] = (words, _compiled_words(tuple(words)))
    return hit[1]


@cache
def _compiled_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(list(words))})(?![^\W_])")


def partners(plain: str, a: int, b: int) -> tuple[list[str], int, bool]:
    """Bodies after 'phối hợp (chặt chẽ) với' or 'phối hợp Sở …'; where the task resumes;
    True if nothing does."""
    m = _WITH.search(plain, a, b)
    if m is None:
        m = _WITH_BODY.search(plain, a, b)
        m = m if m and head_at(plain, m.end(), b) else None
    if m is None:
        return [], a, True
    end = actor_end(plain, m.end(), b, tuple(table()["clause_prepositions"]))
    if end is None:
        end = b
    names = [written(plain, *span) for span in split_bodies(plain, m.end(), end)]
    rest = strip_span(plain, end, b)[0]
    closes = rest >= b or starts_with(plain, rest, b, table()["clause_prepositions"])
    return names, rest, closes


def reports_to(plain: str, a: int, b: int) -> str | None:
    """'báo cáo (kết quả …) với X', 'báo cáo X': the body reported to."""
    low = lowered(plain)
    if low is not None and low.find("báo", a, b) < 0:
        return None  # the pattern opens with it, in any case
    for m in _report_pattern().finditer(plain[a:b]):
        start = a + m.end()
        direct = m[0].split()[-1].lower() == "cáo"
        if head_at(plain, start, b) and (not direct or plain[start].isupper()):
            end = _report_end(plain, start, b)
            return written(plain, start, end).rstrip(",.;:/( ") or None
    return None


@cache
def _report_pattern() -> re.Pattern[str]:
    links = "|".join(table()["report_links"])
    return re.compile(rf"(?i)báo\s+cáo\s+(?:(?:[^\s,.;]+\s+){{0,14}}?(?:{links})\s+)?")


def _report_end(plain: str, a: int, b: int) -> int:
    """End of the body reported to; 'Bộ Chính trị, Ban Bí thư' runs on over the comma."""
    stops = table()["report_stops"]
    for m in WORD.finditer(plain, a, b):
        at = m.start()
        listed = plain[at - 2] == "," and plain[at].isupper() and head_at(plain, at, b)
        if at > a and not listed and (plain[at - 2] in ",;(" or starts_with(plain, at, b, stops)):
            return strip_span(plain, a, at)[1]
    return b

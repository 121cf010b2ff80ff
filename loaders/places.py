"""Where a document stands (nơi ban hành): its province and its bloc (Khối).

Reads ``data/places.json``. :func:`find_context` gives the province a text names most and the
bloc its ``Khối`` stands for; relative names (``Tỉnh ủy``, ``Đảng ủy Khối``) are completed
from that context by :mod:`vankien.loaders.organizations`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .kinds import trie_pattern
from .model import OrgRef
from .patterns import finditer_where


@dataclass(frozen=True)
class OrgContext:
    """What a document says about where it stands: its province, its bloc (Khối) and the
    committee it comes from (``Ban Tuyên giáo`` alone is that committee's department)."""

    province: str | None = None
    bloc: str | None = None
    committee: str | None = None


@cache
def _data() -> dict:
    raw = resources.files(__package__).joinpath("data/places.json").read_text("utf-8")
    return json.loads(raw)


def provinces() -> list[str]:
    """The provinces and centrally-run cities, as the table spells them."""
    return _data()["provinces"]


def blocs() -> list[str]:
    """The blocs of party organizations (``các cơ quan Trung ương`` …)."""
    return _data()["blocs"]


def find_context(text: str) -> OrgContext:
    """The province most named in ``text`` and the bloc its ``Khối`` stands for."""
    counts: Counter[str] = Counter()
    names = _province_names()
    for m in finditer_where(_province_pattern(), _province_opening(), text):
        province = names[squash_spaces(m.group())]
        before = text[max(0, m.start() - 12):m.start()]
        if province not in _data()["person_names"] or _city_before().search(before):
            counts[province] += 1
    blocs = [_bloc_names()[" ".join((a or b).split())] for a, b in _bloc_pattern().findall(text)]
    province = counts.most_common(1)[0][0] if counts else None
    return OrgContext(province, Counter(blocs).most_common(1)[0][0] if blocs else None)


@cache
def _province_names() -> dict[str, str]:
    """A province as written in body text or in a capitals header → its name."""
    return {v: p for p in _data()["provinces"] for v in (p, p.upper())}


@cache
def _province_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + trie_pattern(list(_province_names())) + r"(?!\w)")


@cache
def _province_opening() -> re.Pattern[str]:
    """A province's name alone: opening with a capital, it is found fast."""
    return re.compile(trie_pattern(list(_province_names())))


@cache
def _city_before() -> re.Pattern[str]:
    """A city marker just before a match (``Thành phố`` Hồ Chí Minh, not phong cách …)."""
    marks = "|".join(map(re.escape, _data()["city_markers"]))
    return re.compile(r"(?<!\w)(?:" + marks + r")\s*$")


@cache
def _bloc_names() -> dict[str, str]:
    return {v: b for b in _data()["blocs"] for v in (b, b.upper())}


@cache
def _bloc_pattern() -> re.Pattern[str]:
    blocs = sorted(_data()["blocs"], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, b.split())) for b in blocs)
    upper = "|".join(r"\s+".join(map(re.escape, b.upper().split())) for b in blocs)
    return re.compile(r"(?:Khối\s+(" + alts + r")|KHỐI\s+(" + upper + r"))(?!\w)")


def names_place(name: str) -> bool:
    """True when ``name`` says where (``… tỉnh Hà Nam``, ``… Hà Nam``, ``… thành phố``)."""
    return bool(re.search(r"(?i:tỉnh|thành phố)(?!\w)", name) or _province_pattern().search(name))


def squash_spaces(text: str) -> str:
    return " ".join(text.split())


_PLACE_OF = re.compile(r"(?:Tỉnh ủy|Thành ủy|Đảng bộ tỉnh|Đảng bộ thành phố|tỉnh|thành phố)\s+"
                       r"(?P<place>[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*)$")


def with_place_of(context: OrgContext, org: OrgRef | None) -> OrgContext:
    """``context`` with the province a provincial body's name gives (``Tỉnh ủy An Lạc``),
    when the text named none of the provinces the authority file knows."""
    if context.province or org is None or not (m := _PLACE_OF.search(org.name)):
        return context
    return OrgContext(m["place"], context.bloc, context.committee)

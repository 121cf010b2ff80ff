"""Kinds of documents (thể loại) and their symbol codes, read from ``data/kinds.json``.

The patterns the finders use are built from this table, so a new kind is a data change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .clean import fold


@dataclass(frozen=True)
class Kind:
    """A kind of document: its symbol code and the names it stands for."""

    code: str
    names: tuple[str, ...]
    system: str = "party"

    @property
    def name(self) -> str | None:
        """The kind's name when the code alone says it (QĐ does not: Quyết định or Quy định)."""
        return self.names[0] if len(self.names) == 1 else None


@cache
def _table() -> dict:
    return json.loads(resources.files(__package__).joinpath("data/kinds.json").read_text("utf-8"))


@cache
def kinds(system: str = "party") -> dict[str, Kind]:
    """Code → :class:`Kind` for ``system`` ("party" or "state")."""
    return {k["code"]: Kind(k["code"], tuple(k["names"]), system) for k in _table()[system]}


@cache
def _code_by_folded(system: str) -> dict[str, str]:
    return {fold(code): code for code in kinds(system)}


def canonical_code(raw: str, system: str = "party") -> str | None:
    """The table's spelling of a code written with OCR or case slips (``Ctr``, ``QD``)."""
    if raw in kinds(system):
        return raw
    return _code_by_folded(system).get(fold(raw))


@cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for system in ("party", "state"):
        for kind in kinds(system).values():
            for name in kind.names:
                index.setdefault(name.casefold(), kind.code)
    return index


def code_for_name(name: str) -> str | None:
    """The party code of a kind's name (``Quy định`` → ``QĐ``), any case."""
    return _name_index().get(re.sub(r"\s+", " ", name).strip().casefold())


def canonical_name(name: str) -> str:
    """A kind's name as the table writes it (``KẾT LUẬN`` → ``Kết luận``)."""
    key = re.sub(r"\s+", " ", name).strip().casefold()
    for system in ("party", "state"):
        for kind in kinds(system).values():
            for n in kind.names:
                if n.casefold() == key:
                    return n
    return name


@cache
def names_pattern(system: str = "party") -> str:
    """Alternation of every kind name of ``system``, longest first, any spacing."""
    names = {n for k in kinds(system).values() for n in k.names}
    if system == "state":
        names |= {"Luật", "Bộ luật", "Nghị quyết liên tịch"}
    ordered = sorted(names, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in ordered)


@cache
def codes_pattern(system: str = "party") -> str:
    """Alternation of the codes of ``system`` (and their case-folded spellings), longest first."""
    return "|".join(re.escape(c) for c in sorted(kinds(system), key=len, reverse=True))


def is_central(suffix: str) -> bool:
    """True when a symbol's issuer part names a central body (``TW``, ``BTGTW``, ``VPTW`` …)."""
    return suffix.endswith("TW") or suffix in _table()["central_suffixes"]

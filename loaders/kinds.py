"""Kinds of documents (thể loại) and their symbol codes, read from ``data/kinds.json``.

The patterns the finders use are built from this table, so a new kind is a data change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
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


@lru_cache(maxsize=1024)  # a document names the same few kinds again and again
def code_for_name(name: str) -> str | None:
    """The party code of a kind's name (``Quy định`` → ``QĐ``), any case."""
    return _name_index().get(re.sub(r"\s+", " ", name).strip().casefold())


@cache
def titles_only() -> tuple[str, ...]:
    """Kinds the rules name whose symbol code the table does not hold (``Quy hoạch``): a
    header's title gives their name, their code stays unknown."""
    return tuple(_table()["titles_only"])


@lru_cache(maxsize=1024)
def canonical_name(name: str) -> str:
    """A kind's name as the table writes it (``KẾT LUẬN`` → ``Kết luận``)."""
    key = re.sub(r"\s+", " ", name).strip().casefold()
    for system in ("party", "state"):
        for kind in kinds(system).values():
            for n in kind.names:
                if n.casefold() == key:
                    return n
    return next((n for n in titles_only() if n.casefold() == key), name)


@cache
def names_pattern(system: str = "party", cased: bool = False) -> str:
    """Alternation of every kind name of ``system`` ("party", "state" or "all"), longest
    first, any spacing.

    With ``cased``, each name is spelled as written, in lower case and in capitals, so the
    pattern needs no IGNORECASE and scans fast.
    """
    systems = ("party", "state") if system == "all" else (system,)
    names = {n for sys in systems for k in kinds(sys).values() for n in k.names}
    if system != "party":
        names |= {"Luật", "Bộ luật", "Nghị quyết liên tịch", "Văn bản", "Giấy phép"}
    if cased:
        names |= {n.lower() for n in names} | {n.upper() for n in names}
    return trie_pattern(names)


def trie_pattern(words: set[str] | list[str]) -> str:
    """One regex for ``words`` as a prefix tree, longest match first; a space matches any
    run of white space. Far faster to scan than a flat alternation of many names."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in " ".join(word.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def codes_pattern(system: str = "party") -> str:
    """Alternation of the codes of ``system`` ("party", "state" or "all"), longest first."""
    codes = {*kinds("party"), *kinds("state")} if system == "all" else set(kinds(system))
    return "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))


def is_central(suffix: str) -> bool:
    """True when a symbol's issuer part names a central body (``TW``, ``BTGTW``, ``VPTW`` …)."""
    return suffix.endswith("TW") or suffix in _table()["central_suffixes"]


@cache
def relation_cues() -> dict[str, str]:
    """Cue words (lower case, single-spaced) → the relation they give a citation."""
    return {" ".join(cue.split()): rel for rel, cues in _table()["relations"].items()
            for cue in cues}


@cache
def relations_pattern() -> str:
    """The cue words of every relation, as written and with a capital first letter."""
    cues = set(relation_cues())
    return trie_pattern(cues | {c[0].upper() + c[1:] for c in cues})


def words(name: str) -> list[str]:
    """A word list of the table: ``issuer_ends``, ``named_heads``, ``named_stops``, ``ordinals``."""
    return list(_table()["words"][name])


def alternation(items: list[str]) -> str:
    """A regex alternation of ``items``, longest first, any spacing between words."""
    return trie_pattern(items)

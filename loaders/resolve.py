"""Identity: IRIs of documents, organizations and state documents (định danh).

A document's IRI comes from who issued it, its kind, number and year, so that the same
document cited from many files is one node, and the document itself, ingested later, is
that same node. Numbers restart with each term, so the year is part of the IRI; symbols of
local bodies are unique only within their issuer, so the issuer is part of it too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from .clean import fold
from .kinds import is_central
from .model import Citation, Document, Warning

_NON_WORD = re.compile(r"[^a-z0-9]+")
_PARTY_FORM = re.compile(r"^\d[\d.]*-")
APPENDIX = "previous"  # Document.appendix_of before IRIs: the part before this one
Committee = Callable[[str | None, str, object], "str | None"]
R = TypeVar("R")


def amend(record: R, **changes: object) -> R:
    """``dataclasses.replace`` for the records of :mod:`.model`, five times faster: their
    fields are copied, not passed through ``__init__`` again (none has a ``__post_init__``)."""
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__, **changes)
    return new


def slug(text: str) -> str:
    """Lowercase ASCII words joined with '-' (``Tỉnh ủy Hà Nam`` → ``tinh-uy-ha-nam``)."""
    return _NON_WORD.sub("-", fold(text)).strip("-")


def document_iri(base: str, issuer_key: str, type_code: str, number: str,
                 year: int | str | None) -> str:
    """``{base}doc/{issuer}/{type}/{number}/{year}``; no year segment when it is unknown."""
    num = number.lstrip("0") or "0"
    iri = f"{base}doc/{issuer_key}/{slug(type_code)}/{slug(num)}"
    return f"{iri}/{year}" if year else iri


def source_iri(base: str, sha256: str, index: int) -> str:
    """IRI of a document without a number: the source it was read from and its position."""
    return f"{base}doc/source/{sha256[:16]}/{index}"


def state_iri(base: str, symbol: str) -> str:
    """IRI of a state document (``136/2025/NĐ-CP`` → ``{base}state/136-2025-nd-cp``)."""
    return f"{base}state/{slug(symbol)}"


def org_iri(base: str, key: str) -> str:
    """IRI of an organization from its slug."""
    return f"{base}org/{key}"


def issuer_key(suffix: str, issuer_slug: str | None, central: bool) -> str:
    """The issuer segment of a document IRI.

    Central suffixes stand for themselves (``tw``, ``btgtw``); a local suffix (``đu``,
    ``tu``) is unique only within its body, so it becomes that body's slug, or
    ``unknown-{suffix}`` when the body cannot be told.
    """
    if central:
        return slug(suffix)
    return issuer_slug or f"unknown-{slug(suffix)}"


def symbol_suffix(symbol: str) -> tuple[str, bool]:
    """The issuer part of a symbol and whether it is a party one: ``35-NQ/TW`` → (TW, True);
    ``71/NQ-CP`` → (CP, False); a party body writing state-style, ``01/HD-BTGDVTW`` →
    (BTGDVTW, True)."""
    last = symbol.rsplit("/", 1)[-1]
    if _PARTY_FORM.match(symbol):
        return last, True
    suffix = last.split("-", 1)[-1]
    return suffix, is_central(suffix)


def year_of(date: str | None) -> int | None:
    """The year of an ISO date."""
    return int(date[:4]) if date and date[:4].isdigit() else None


def assign_ids(docs: list[Document], contexts: list, sha256: str, base: str,
               warnings: list[Warning], committee: Committee) -> None:
    """Fill ``Document.id`` and ``Citation.target``; link cover letters and appendices by IRI.

    ``committee(name, context)`` gives the slug of the body a local symbol belongs to (see
    :func:`vankien.loaders.organizations.committee_slug`); callers may pass their own.
    """
    years = _known_years(docs)
    for i, (doc, ctx) in enumerate(zip(docs, contexts, strict=True)):
        doc.id = _doc_id(doc, ctx, sha256, i, base, committee)
        by_number = not doc.id.startswith((f"{base}doc/source/", f"{base}state/"))
        if by_number and year_of(doc.date) is None:
            warnings.append(Warning("citation-year-unknown", f"{doc.symbol}: the document states "
                                    "no date, so its IRI has no year", doc.span))
    for doc, ctx in zip(docs, contexts, strict=True):
        own = symbol_suffix(doc.symbol)[0] if doc.symbol else None
        doc.citations = [_target(c, doc, own, ctx, years, base, committee, warnings)
                         for c in doc.citations]
    for doc in docs:  # a lone cover letter forwards the document its subject names
        if doc.forwards and not doc.forwards.startswith(base):
            doc.forwards = next((c.target for c in doc.citations if c.relation == "forwards"),
                                doc.forwards)
    for prev, doc in itertools.pairwise(docs):
        if prev.forwards and doc.forwarded_by:
            prev.forwards, doc.forwarded_by = doc.id, prev.id
            prev.citations = [replace(c, target=doc.id) if c.relation == "forwards" else c
                              for c in prev.citations]
        if doc.appendix_of == APPENDIX:
            doc.appendix_of = prev.id if prev.appendix_of is None else prev.appendix_of


def _doc_id(doc: Document, ctx, sha256: str, index: int, base: str,
            committee: Committee) -> str:
    if not doc.symbol or not doc.number or not doc.type:
        return source_iri(base, sha256, index)
    suffix, party = symbol_suffix(doc.symbol)
    if not party:
        return state_iri(base, doc.symbol)
    central = is_central(suffix)
    key = None if central else committee(doc.issuer.name if doc.issuer else None, suffix, ctx)
    return document_iri(base, issuer_key(suffix, key, central), doc.type, doc.number,
                        year_of(doc.date))


def _target(c: Citation, doc: Document, own: str | None, ctx, years: dict[str, set[int]],
            base: str, committee: Committee, warnings: list[Warning]) -> Citation:
    if c.system == "state":
        return amend(c, target=state_iri(base, c.symbol))
    suffix = symbol_suffix(c.symbol)[0]
    central = is_central(suffix)
    key = None
    if not central:
        key = committee(c.issuer, suffix, ctx)
        if key is None and suffix == own and doc.id and "/doc/source/" not in doc.id:
            key = doc.id[len(base):].split("/")[1]  # the document's own committee
    year = c.year or year_of(c.date)
    if year is None and len(years.get(c.symbol, ())) == 1:
        year = next(iter(years[c.symbol]))
    elif year is None:
        warnings.append(Warning("citation-year-unknown", f"{c.symbol} is cited without a year "
                                "and no other mention gives one", c.span))
    return amend(c, target=document_iri(base, issuer_key(suffix, key, central), c.type or "",
                                          c.number or "", year))


def _known_years(docs: list[Document]) -> dict[str, set[int]]:
    """Symbol → the years the source gives it (its own header or a dated citation)."""
    years: dict[str, set[int]] = {}
    for doc in docs:
        if doc.symbol and doc.date:
            years.setdefault(doc.symbol, set()).add(int(doc.date[:4]))
        for c in doc.citations:
            if c.year or c.date:
                years.setdefault(c.symbol, set()).add(c.year or int(c.date[:4]))
    return years


def resolve_yearless(target: str, known: set[str] | frozenset[str]) -> str | None:
    """The one known document a year-less IRI can stand for, or None when there are none or
    several (``…/tw/nq/18`` is ``…/tw/nq/18/2017`` only if no other year is known)."""
    matches = [iri for iri in known if iri.startswith(target + "/")
               and iri[len(target) + 1:].isdigit()]
    return matches[0] if len(matches) == 1 else None

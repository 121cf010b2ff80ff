"""Identity: IRIs of documents, organizations and state documents (định danh).

A document's IRI comes from who issued it, its kind, number and year, so that the same
document cited from many files is one node, and the document itself, ingested later, is
that same node. Numbers restart with each term, so the year is part of the IRI; symbols of
local bodies are unique only within their issuer, so the issuer is part of it too.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """ASCII-fold Vietnamese (đ → d, no diacritics) and lowercase."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


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


def year_of(date: str | None) -> int | None:
    """The year of an ISO date."""
    return int(date[:4]) if date and date[:4].isdigit() else None

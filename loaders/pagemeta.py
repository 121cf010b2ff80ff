"""The metadata table legal-document web pages put above a document (Số hiệu, Loại văn bản …).

Read only to fill what the document's own header does not say; the extractor warns when it
does so. Works on cleaned text, where table cells are lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import DATE, iso_date, squash

_LABELS = {"Số hiệu": "symbol", "Loại văn bản": "kind", "Nơi ban hành": "issuer",
           "Ngày ban hành": "date"}
_FIELD = re.compile(r"(?P<label>" + "|".join(_LABELS) + r")[ \t]*:[ \t]*"
                    r"(?P<value>[^\s:][^\n:]{0,159}|\n\s{0,40}[^\s:][^\n:]{0,159})")
SCAN = 8000  # metadata tables sit at the top of the page


@dataclass(frozen=True)
class PageMeta:
    """What a page's metadata table states about the document, and where it says it."""

    symbol: str | None = None
    kind: str | None = None
    issuer: str | None = None
    date: str | None = None
    span: tuple[int, int] | None = None


def find_page_meta(text: str, start: int, end: int) -> PageMeta:
    """The metadata table in the first lines of ``text[start:end]``, empty when none."""
    found: dict[str, str | None] = {}
    first = last = None
    for m in _FIELD.finditer(text, start, min(end, start + SCAN)):
        key, value = _LABELS[m["label"]], squash(m["value"]).strip(" |*")
        if key in found or not value:
            continue
        if key == "date":
            d = re.search(DATE, value)
            value = iso_date(d) if d else None
        found[key] = value
        first = m.start() if first is None else first
        last = m.end()
    if not found:
        return PageMeta()
    return PageMeta(found.get("symbol"), found.get("kind"), found.get("issuer"),
                    found.get("date"), (first, last) if first is not None else None)

"""From a file to typed documents: read → clean → find → resolve.

>>> from vankien.loaders import extract_file
>>> extraction = extract_file("examples/corpus/01-nghi-quyet.md")  # doctest: +SKIP
>>> extraction.documents[0].symbol  # doctest: +SKIP
"""

from importlib import import_module
from typing import Any

from .errors import ExtractError, QueryError, ReadError, StoreError, VankienError
from .model import Document, Extraction, Source

#: Names loaded on first use, so that ``vankien query`` starts without the readers.
_LAZY = {"DEFAULT_BASE": ".extract", "extract": ".extract", "extract_file": ".extract",
         "read_source": ".read"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_BASE",
    "Document",
    "ExtractError",
    "Extraction",
    "QueryError",
    "ReadError",
    "Source",
    "StoreError",
    "VankienError",
    "extract",
    "extract_file",
    "read_source",
]

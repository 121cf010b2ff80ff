"""From a file to typed documents: read → clean → find → resolve.

>>> from vankien.loaders import extract_file
>>> extraction = extract_file("examples/corpus/01-nghi-quyet.md")  # doctest: +SKIP
>>> extraction.documents[0].symbol  # doctest: +SKIP
"""

from .errors import ExtractError, QueryError, ReadError, StoreError, VankienError
from .extract import DEFAULT_BASE, extract, extract_file
from .model import Document, Extraction, Source
from .read import read_source

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

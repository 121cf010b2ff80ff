"""Helpers for the extraction tests: the shared folder and a one-call extractor over a string."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vankien.loaders.extract import extract
from vankien.loaders.model import Extraction, Source

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
WILD = SHARED / "corpus" / "wild"


def run(text: str, path: str = "sample.md") -> Extraction:
    """Extract from ``text`` as if read from ``path``."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return extract(Source(path, sha, path.rsplit(".", 1)[-1], text))


def citations(text: str) -> dict:
    """Symbol → citation, over every document found in ``text``."""
    return {c.symbol: c for d in run(text).documents for c in d.citations}

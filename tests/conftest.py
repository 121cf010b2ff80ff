"""What several test modules share: the test folder on ``sys.path`` (for ``samples`` and
``test_build``'s composed extraction) and the seed documents as an in-memory store."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parents[1] / "shared" / "seeds"
sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def seed_store() -> ox.Store:
    """The four seed documents, each in its own named graph (skipped without ../shared)."""
    from vankien.graph.ingest import extract_ntriples
    from vankien.loaders import DEFAULT_BASE

    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS} (../shared beside the repo)")
    store = ox.Store()
    for path in sorted(SEEDS.glob("*.txt")):
        sha, ntriples = extract_ntriples(str(path), DEFAULT_BASE)
        store.load(ntriples.encode(), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(f"{DEFAULT_BASE}graph/{sha}"))
    return store

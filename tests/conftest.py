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


@pytest.fixture(scope="session")
def seed_pairs() -> list[tuple[str, dict, dict]]:
    """``(file, gold document, extracted document)`` for each seed document, as JSON."""
    import json

    from vankien.loaders import extract_file

    gold_file = SEEDS.parent / "gold" / "seeds.json"
    if not gold_file.exists():
        pytest.skip(f"the gold answers are not at {gold_file} (../shared beside the repo)")
    pairs = []
    for src in json.loads(gold_file.read_text(encoding="utf-8"))["sources"]:
        docs = extract_file(SEEDS / src["file"]).to_json()["documents"]
        pairs += [(src["file"], g, p) for g, p in zip(src["documents"], docs, strict=True)]
    return pairs


@pytest.fixture(params=["embedded", "oxigraph-serve"])
def empty_backend(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty writable store: the embedded one, then a real ``oxigraph serve`` endpoint."""
    from vankien.graph.serve import oxigraph_server
    from vankien.graph.store import open_store

    if request.param == "embedded":
        with open_store(tmp_path / "store", write=True) as backend:
            yield backend
    else:
        with oxigraph_server() as url, open_store(endpoint=url) as backend:
            yield backend

"""Year-less citations across sources: resolved to the one known dated document, else left alone.

Each source is one fictional provincial plan ``{n}-KH/TU`` citing central documents by IRI
path: ``tw/nq/57/2024`` (dated) or ``tw/nq/57`` (year-less, ``vk:unresolved true``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from vankien.graph.ingest import Outcome, file_sha256, ingest
from vankien.graph.ntriples import to_ntriples
from vankien.graph.query import run_query
from vankien.graph.store import SAME_AS, Backend, open_store

BASE = "https://w3id.org/vankien/"
VK = Namespace("https://w3id.org/vankien/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SAME = f"SELECT ?u ?r WHERE {{ ?u <{SAME_AS}> ?r }}"
SAME_IN_GRAPH = f"SELECT ?u ?r WHERE {{ GRAPH <{BASE}graph/resolved> {{ ?u <{SAME_AS}> ?r }} }}"
FACTS = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def doc(path: str) -> URIRef:
    return URIRef(f"{BASE}doc/{path}")


def source(n: str, cites: list[str], *, is_: str | None = None,
           implements: str | None = None) -> tuple[str, str]:
    """``(sha, N-Triples)`` of the plan ``{n}-KH/TU`` (or the ingested document ``is_``)."""
    ds = Dataset()
    g = ds.graph(URIRef(f"{BASE}graph/{n}"))
    me = describe(g, is_ or f"tu/kh/{n}/2025")
    g.add((me, PROV.wasDerivedFrom, URIRef(f"{BASE}source/{n}")))
    for path in cites:
        target = describe(g, path)
        g.add((me, VK.cites, target))
        if path == implements:
            g.add((me, VK.implements, target))
    return n, to_ntriples(ds)


def describe(g: Graph, path: str) -> URIRef:
    """The document at ``path``, described as the mapper does: one dated by a 4-digit year
    names its IRI without the year, a year-less one is unresolved."""
    node, segments = doc(path), path.split("/")
    g.add((node, RDF.type, VK.Document))
    g.add((node, VK.symbol, Literal(_symbol(path))))
    if len(segments) == 3:
        g.add((node, VK.unresolved, Literal(True)))
    elif len(segments[3]) == 4 and segments[3].isdigit():
        g.add((node, VK.withoutYear, doc("/".join(segments[:3]))))
    return node


def _symbol(path: str) -> str:
    issuer, kind, number = path.split("/")[:3]
    return f"{number}-{kind.upper()}/{issuer.upper()}"


@pytest.fixture
def store(empty_backend: Backend) -> Backend:
    return empty_backend


def fill(store: Backend, sources: dict[str, tuple[str, str]]) -> None:
    """Write the sources as one batch, then resolve (what ``ingest`` does)."""
    for path, (sha, ntriples) in sources.items():
        store.write_source(path, sha, ntriples)
    store.resolve_yearless()


def rows(store: Backend, query: str, params: dict | None = None) -> list[tuple]:
    table = run_query(store, query, params)
    return [tuple(t.value.removeprefix(f"{BASE}doc/") if t is not None else None for t in row)
            for row in table.rows]


A57 = {"/a.txt": source("1", ["tw/nq/57/2024"]), "/b.txt": source("2", ["tw/nq/57"])}
B18 = {"/a.txt": source("1", ["tw/nq/18/2017"]), "/b.txt": source("2", ["tw/nq/18/2022"]),
       "/c.txt": source("3", ["tw/nq/18"])}


@pytest.mark.parametrize(("sources", "removed", "most_cited", "same_as"), [
    pytest.param(A57, [], [("tw/nq/57/2024", "57-NQ/TW", "2")], [("tw/nq/57", "tw/nq/57/2024")],
                 id="dated in one file, year-less in another: one document"),
    pytest.param(B18, [], [("tw/nq/18", "18-NQ/TW", "1"), ("tw/nq/18/2017", "18-NQ/TW", "1"),
                           ("tw/nq/18/2022", "18-NQ/TW", "1")], [],
                 id="two terms' 18-NQ/TW: the year-less one stays unresolved"),
    pytest.param(B18, ["/a.txt"], [("tw/nq/18/2022", "18-NQ/TW", "2")],
                 [("tw/nq/18", "tw/nq/18/2022")], id="removing one year resolves to the other"),
    pytest.param(A57, ["/a.txt"], [("tw/nq/57", "57-NQ/TW", "1")], [],
                 id="removing the dated source un-resolves"),
    pytest.param({"/a.txt": source("1", ["tw/nq/57"]), "/b.txt": source("2", ["tw/nq/57"])}, [],
                 [("tw/nq/57", "57-NQ/TW", "2")], [], id="year-less only: stays unresolved"),
    pytest.param({"/a.txt": source("1", ["tw/nq/5/2016"]), "/b.txt": source("2", ["tw/nq/5"]),
                  "/c.txt": source("3", ["tw/nq/57/2024"])}, [],
                 [("tw/nq/5/2016", "5-NQ/TW", "2"), ("tw/nq/57/2024", "57-NQ/TW", "1")],
                 [("tw/nq/5", "tw/nq/5/2016")], id="5 is not a prefix of 57"),
    pytest.param({"/a.txt": source("1", ["tw/nq/57/2024"]), "/b.txt": source("2", ["tw/nq/57"]),
                  "/c.txt": source("3", ["tw/nq/57/24"])}, [],
                 [("tw/nq/57/2024", "57-NQ/TW", "2"), ("tw/nq/57/24", "57-NQ/TW", "1")],
                 [("tw/nq/57", "tw/nq/57/2024")], id="only a 4-digit year follows the prefix"),
])
def test_most_cited_counts_a_resolved_citation_once(
    store: Backend, sources: dict, removed: list, most_cited: list, same_as: list,
) -> None:
    fill(store, sources)
    for path in removed:
        assert store.remove_source(path)
    assert sorted((r[0], r[1], r[3]) for r in rows(store, "most-cited")) == most_cited
    assert sorted(rows(store, SAME)) == same_as
    assert sorted(rows(store, SAME_IN_GRAPH)) == same_as


def test_removing_every_source_leaves_no_fact(store: Backend) -> None:
    fill(store, A57)
    for path in A57:
        store.remove_source(path)
    assert rows(store, FACTS) == [("0",)]


def test_an_ingested_document_cited_without_year_is_not_missing(store: Backend) -> None:
    fill(store, {"/a.txt": source("1", [], is_="tw/nq/57/2024"),
                 "/b.txt": source("2", ["tw/nq/57"])})
    assert rows(store, "missing") == []
    assert rows(store, "most-cited") == [("tw/nq/57/2024", "57-NQ/TW", None, "1", "true")]


def test_lineage_and_backlinks_follow_the_resolution(store: Backend) -> None:
    fill(store, {"/a.txt": source("1", ["tw/nq/35/2018"], is_="tw/nq/57/2024",
                                  implements="tw/nq/35/2018"),
                 "/b.txt": source("2", ["tw/nq/57"], implements="tw/nq/57")})
    assert sorted(rows(store, "lineage", {"symbol": "57-NQ/TW"})) == [
        ("earlier", "tw/nq/35/2018", "35-NQ/TW", None, None),
        ("later", "tu/kh/2/2025", "2-KH/TU", None, None)]
    assert sorted(rows(store, "lineage", {"symbol": "35-NQ/TW"})) == [
        ("later", "tu/kh/2/2025", "2-KH/TU", None, None),
        ("later", "tw/nq/57/2024", "57-NQ/TW", None, None)]
    assert sorted(rows(store, "lineage", {"symbol": "2-KH/TU"})) == [
        ("earlier", "tw/nq/35/2018", "35-NQ/TW", None, None),
        ("earlier", "tw/nq/57/2024", "57-NQ/TW", None, None)]
    assert [r[:2] for r in rows(store, "backlinks", {"symbol": "57-NQ/TW"})] == [
        ("tu/kh/2/2025", "2-KH/TU")]


def test_ingest_resolves_after_the_batch(tmp_path: Path) -> None:
    files = {tmp_path / "a.txt": source("1", ["tw/nq/57/2024"]),
             tmp_path / "b.txt": source("2", ["tw/nq/57"])}
    for file in files:
        file.write_text(file.name, encoding="utf-8")
    graphs = {str(f): g for f, g in files.items()}
    with open_store(tmp_path / "store", write=True) as backend:
        outcomes = ingest(sorted(files), backend, jobs=1,
                          extractor=lambda path, base: (file_sha256(path), graphs[path][1]))
        assert [o.status for o in outcomes] == ["added", "added"]
        assert rows(backend, SAME) == [("tw/nq/57", "tw/nq/57/2024")]
        assert ingest([tmp_path / "a.txt"], backend, jobs=1) == [
            Outcome(str(tmp_path / "a.txt"), "unchanged")]
        assert rows(backend, SAME) == [("tw/nq/57", "tw/nq/57/2024")]

"""The store: default location, the source registry, locking, parameters bound as terms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from vankien.graph.ntriples import Lines, literal
from vankien.graph.store import (
    RDF_TYPE,
    SEARCH_WORD,
    VK,
    Backend,
    default_store_path,
    in_graph,
    open_store,
    stated,
    store_lock,
    with_values,
)
from vankien.loaders.errors import StoreError

BASE = "https://w3id.org/vankien/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def triples(n: int, tag: str) -> str:
    return "".join(f'<{BASE}doc/{tag}/{i}> <{BASE}p> "{tag} {i}" .\n' for i in range(n))


def count(store: object) -> int:
    return int(store.select(COUNT).rows[0][0].value)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("env", "expected"), [
    ({"VANKIEN_STORE": "/data/vk"}, "/data/vk"),
    ({"XDG_DATA_HOME": "/xdg"}, "/xdg/vankien/store"),
    ({"HOME": "/home/u"}, "/home/u/.local/share/vankien/store"),
])
def test_default_store_path(monkeypatch: pytest.MonkeyPatch, env: dict, expected: str) -> None:
    for name in ("VANKIEN_STORE", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_store_path() == Path(expected)


def test_write_replace_remove(tmp_path: Path) -> None:
    with open_store(tmp_path / "s", write=True) as store:
        store.write_source("/a.txt", "aa", triples(3, "a"))
        store.write_source("/b.txt", "bb", triples(2, "b"))
        assert {p: e.sha256 for p, e in store.sources().items()} == {"/a.txt": "aa", "/b.txt": "bb"}
        store.write_source("/a.txt", "a2", triples(1, "a2"))  # the file changed
        assert store.sources()["/a.txt"].graph == f"{BASE}graph/a2"
        assert not store.select(f"ASK {{ GRAPH <{BASE}graph/aa> {{ ?s ?p ?o }} }}".replace(
            "ASK", "SELECT * WHERE")).rows
        assert store.remove_source("/b.txt") and not store.remove_source("/b.txt")
        assert list(store.sources()) == ["/a.txt"]
        assert count(store) == 1 + 3  # one data triple, three registry triples


def test_a_path_written_again_is_registered_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "s", write=True) as store:
        store.write_sources([("/a.txt", "aa", triples(2, "a"))])
        store.write_sources([("/a.txt", "a1", triples(2, "a1"))])  # changed: replaces it
        assert count(store) == 2 + 3
        assert store.remove_source("/a.txt") and count(store) == 0
        store.write_sources([("/a.txt", "a2", triples(1, "a2"))])
        assert list(store.sources()) == ["/a.txt"] and count(store) == 1 + 3


def test_same_content_at_two_paths_keeps_its_graph_until_both_go(tmp_path: Path) -> None:
    with open_store(tmp_path / "s", write=True) as store:
        store.write_source("/a.txt", "same", triples(2, "x"))
        store.write_source("/copy/a.txt", "same", triples(2, "x"))
        store.remove_source("/a.txt")
        assert len(store.select(f"SELECT * WHERE {{ <{BASE}doc/x/0> ?p ?o }}").rows) == 1
        store.remove_source("/copy/a.txt")
        assert count(store) == 0


@pytest.fixture
def backend(empty_backend: Backend) -> Backend:
    return empty_backend


def test_default_graph_holds_each_fact_once_while_a_source_states_it(backend: Backend) -> None:
    shared = f'<{BASE}doc/x> <{BASE}p> "cited" .\n'
    facts = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    backend.write_source("/a.txt", "aa", shared + triples(2, "a"))
    backend.write_source("/b.txt", "bb", shared + triples(1, "b"))
    assert int(backend.select(facts).rows[0][0].value) == 4
    backend.remove_source("/a.txt")
    assert int(backend.select(facts).rows[0][0].value) == 2
    backend.remove_source("/b.txt")
    assert int(backend.select(facts).rows[0][0].value) == 0


SHARED = f'<{BASE}doc/x> <{BASE}p> "cited" .\n'
OWN = f"<{BASE}fact/0123456789abcdef/"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SOURCE = (f'<{BASE}doc/x> <{BASE}evidence> {OWN}span/0-5> .\n'
          f'{OWN}span/0-5> {TYPE} <http://www.w3.org/ns/oa#TextPositionSelector> .\n'
          f'{OWN}span/0-5> <http://www.w3.org/ns/oa#start> "0" .\n'
          f'{OWN}span/0-5> <http://www.w3.org/ns/oa#exact> "Số 35" .\n'
          f'{OWN}warning/0> {TYPE} <{BASE}ontology#Warning> .\n'
          f'{OWN}warning/0> <{BASE}ontology#code> "no-date" .\n'
          f'{OWN}warning/0> <http://www.w3.org/2000/01/rdf-schema#comment> "no date" .\n')


def test_a_source_graph_marks_its_own_nodes_by_type_and_code_only() -> None:
    assert stated(SOURCE, BASE).splitlines() == [
        f"<{BASE}doc/x> <{BASE}evidence> {OWN}span/0-5> .",
        f"{OWN}span/0-5> {TYPE} <http://www.w3.org/ns/oa#TextPositionSelector> .",
        f"{OWN}warning/0> {TYPE} <{BASE}ontology#Warning> .",
        f'{OWN}warning/0> <{BASE}ontology#code> "no-date" .']


def test_own_nodes_are_exported_with_their_source_and_removed_with_it(backend: Backend) -> None:
    graph = f"{BASE}graph/aa"
    backend.write_sources([("/a.txt", "aa", SOURCE)])
    assert sorted(f"{q.triple} .\n" for q in backend.quads(graph)) == sorted(
        SOURCE.splitlines(keepends=True))
    assert {str(q.graph_name) for q in backend.quads()} >= {f"<{graph}>"}
    backend.write_source("/a.txt", "bb", SHARED)  # the file changed: its old nodes go
    assert not backend.select(f"SELECT * WHERE {{ {OWN}span/0-5> ?p ?o }}").rows
    backend.remove_source("/a.txt")
    assert not backend.select("SELECT * WHERE { ?s ?p ?o }").rows


ALL = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


@pytest.mark.parametrize("rounds", [
    [[("/a.txt", "aa", SHARED + triples(2, "a")), ("/b.txt", "bb", SHARED + triples(1, "b"))]],
    [[("/a.txt", "aa", triples(2, "a")), ("/copy/a.txt", "aa", triples(2, "a"))]],  # one content
    [[("/a.txt", "aa", SHARED + triples(2, "a")), ("/b.txt", "bb", triples(1, "b"))],
     [("/c.txt", "cc", SHARED), ("/a.txt", "a2", triples(1, "a2")), ("/d.txt", "dd", SHARED)]],
    [[("/a.txt", "aa", triples(1, "a"))], [("/b.txt", "aa", triples(1, "a"))]],  # a copy, later
])
@pytest.mark.parametrize("lookups", [0, 1_000], ids=["registry read", "paths looked up"])
def test_a_batch_writes_what_one_source_at_a_time_writes(
    backend: Backend, tmp_path: Path, rounds: list[list[tuple[str, str, str]]], lookups: int,
) -> None:
    with open_store(tmp_path / "one-by-one", write=True) as reference:
        for batch in rounds:
            for path, sha, ntriples in batch:
                reference.write_source(path, sha, ntriples)
        expected = set(reference.select(ALL).rows)
    backend.LOOKUPS = lookups
    for batch in rounds:
        backend.write_sources(batch)
    assert set(backend.select(ALL).rows) == expected


@pytest.mark.parametrize(("asked", "expected"), [
    (["/a.txt"], {"/a.txt": "aa"}),
    (["/a.txt", "/copy/a.txt", "/b.txt"], {"/a.txt": "aa", "/copy/a.txt": "aa", "/b.txt": "bb"}),
    (["/gone.txt", "/b.txt", "/a"], {"/b.txt": "bb"}),  # not registered; not a folder's files
    ([], {}),
])
@pytest.mark.parametrize("lookups", [0, 1_000], ids=["registry read", "paths looked up"])
def test_entries_of_paths_are_those_of_the_registry(
    backend: Backend, asked: list[str], expected: dict[str, str], lookups: int,
) -> None:
    backend.write_sources([("/a.txt", "aa", triples(1, "a")), ("/copy/a.txt", "aa",
                           triples(1, "a")), ("/b.txt", "bb", triples(1, "b"))])
    backend.LOOKUPS = lookups
    entries = backend.entries(asked)
    assert {p: e.sha256 for p, e in entries.items()} == expected
    assert all(e == backend.sources()[p] for p, e in entries.items())
    assert all(e.graph == f"{BASE}graph/{e.sha256}" for e in entries.values())


def findable(*said: tuple[str, str]) -> str:
    """N-Triples in which ``doc/x`` is a document that says ``said`` (predicate, text)."""
    lines = Lines()
    lines.add(f"<{BASE}doc/x>", f"<{RDF_TYPE}>", f"<{VK}Document>")
    for predicate, text in said:
        lines.add(f"<{BASE}doc/x>", f"<{VK}{predicate}>", literal(text))
    return lines.text()


A = findable(("symbol", "35-NQ/TW"), ("subject", "bảo vệ nền tảng"))
B = findable(("symbol", "35-NQ/TW"))
A2 = findable(("symbol", "35-NQ/TW"), ("subject", "đổi mới"))


@pytest.mark.parametrize(("before", "change", "after"), [
    ([("/a", "aa", A), ("/b", "bb", B)], ("remove", "/a"), [("/b", "bb", B)]),
    ([("/a", "aa", A), ("/b", "bb", B)], ("write", "/a", "a2", A2),
     [("/b", "bb", B), ("/a", "a2", A2)]),
    ([("/a", "aa", A), ("/c", "aa", A)], ("remove", "/a"), [("/c", "aa", A)]),  # one content
    ([("/a", "aa", A)], ("remove", "/a"), []),
])
def test_search_words_are_as_if_a_removed_or_replaced_source_had_never_been(
    backend: Backend, tmp_path: Path, before: list, change: tuple, after: list,
) -> None:
    backend.write_sources(before)
    if change[0] == "remove":
        backend.remove_source(change[1])
    else:
        backend.write_source(*change[1:])
    with open_store(tmp_path / "fresh", write=True) as fresh:
        fresh.write_sources(after)
        expected = set(fresh.select(ALL).rows)
    assert set(backend.select(ALL).rows) == expected
    words = {w.value for (w,) in backend.select(
        f"SELECT ?w {{ <{BASE}doc/x> <{SEARCH_WORD}> ?w }}").rows}
    assert ("bao" in words) == any(text == A for *_, text in after)


def test_reader_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `vankien ingest"), open_store(tmp_path / "none"):
        pass


def test_second_writer_stops_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with store_lock(path, exclusive=True, wait=0):
        with (pytest.raises(StoreError, match="another vankien process"),
              store_lock(path, exclusive=True, wait=0.2)):
            pass
        with (pytest.raises(StoreError, match="being written"),
              store_lock(path, exclusive=False, wait=0)):
            pass


def test_readers_share_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with open_store(path, write=True) as store:
        store.write_source("/a.txt", "aa", triples(1, "a"))
    with open_store(path) as one, open_store(path) as two:
        assert count(one) == count(two) == 4


@pytest.mark.parametrize("value", [
    'x" } } ; DROP ALL ; SELECT * { {',
    "35-NQ/TW",
    "tab\there\nnewline \\ backslash",
])
def test_parameters_are_bound_as_terms(tmp_path: Path, value: str) -> None:
    with open_store(tmp_path / "s", write=True) as store:
        store.write_source("/a.txt", "aa", f"<{BASE}d> <{BASE}p> {ox.Literal(value)} .\n")
        rows = store.select(f"SELECT ?d WHERE {{ ?d <{BASE}p> ?v }}", {"v": ox.Literal(value)}).rows
        assert rows == [(ox.NamedNode(f"{BASE}d"),)]
        assert count(store) == 4


@pytest.mark.parametrize("value", ["plain", "ends with a dot .", "a .\nline break", 'quote " .'])
def test_in_graph_puts_each_triple_in_the_graph(value: str) -> None:
    ntriples = f"<{BASE}d> <{BASE}p> {ox.Literal(value)} .\n<{BASE}d> <{BASE}q> <{BASE}e> .\n"
    quads = list(ox.parse(in_graph(ntriples, f"{BASE}g"), format=ox.RdfFormat.N_QUADS))
    triples = [q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)]
    assert [q.triple for q in quads] == triples
    assert {q.graph_name for q in quads} == {ox.NamedNode(f"{BASE}g")}


def test_values_row_opens_the_outer_where() -> None:
    query = with_values("SELECT ?d WHERE { ?d ?p ?v }", {"v": ox.Literal('a"b')})
    assert query == 'SELECT ?d WHERE { VALUES (?v) { ("a\\"b") }  ?d ?p ?v }'

"""Named queries over a small composed archive, on the embedded store and on `oxigraph serve`.

The archive (fictional An Lạc province): 12-NQ/TU implements 35-NQ/TW (cited, not
ingested); 05-KH/TU continues 12-NQ/TU and cites 35-NQ/TW; 07-CV/BTGTU forwards 05-KH/TU.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Dataset, Literal, Namespace, URIRef
from vankien.graph.calendar import duty_events
from vankien.graph.export import stats
from vankien.graph.ntriples import to_ntriples
from vankien.graph.query import bind, load_query, named_queries, paged, probe, run_page, run_query
from vankien.graph.results import render
from vankien.graph.search import search
from vankien.graph.store import Backend, open_store, with_values
from vankien.loaders.errors import QueryError

BASE = "https://w3id.org/vankien/"
VK = Namespace("https://w3id.org/vankien/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
X, P1, P2, P3 = (URIRef(f"{BASE}doc/{k}") for k in ("tw/nq/35/2018", "tu/nq/12/2019",
                                                   "tu/kh/5/2020", "btgtu/cv/7/2021"))
TU, BTG, BTC, BCT = (URIRef(f"{BASE}org/{k}") for k in (
    "tinh-uy-an-lac", "ban-tuyen-giao-tinh-uy", "ban-to-chuc-tinh-uy-an-lac", "bo-chinh-tri"))


def _doc(g: object, d: URIRef, symbol: str, kind: str, date: str | None = None) -> None:
    g.add((d, RDF.type, VK.Document))  # type: ignore[attr-defined]
    g.add((d, VK.symbol, Literal(symbol)))  # type: ignore[attr-defined]
    g.add((d, VK.kindName, Literal(kind)))  # type: ignore[attr-defined]
    if date:
        g.add((d, VK.dateIssued, Literal(date, datatype=XSD.date)))  # type: ignore[attr-defined]


def _org(g: object, o: URIRef, name: str) -> None:
    g.add((o, RDF.type, ORG.Organization))  # type: ignore[attr-defined]
    g.add((o, SKOS.prefLabel, Literal(name, lang="vi")))  # type: ignore[attr-defined]


def _issued(g: object, d: URIRef, o: URIRef, year: int) -> None:
    """``d`` issued by ``o`` in ``year``, with its vk:IssuerYear as the mapper states it."""
    group = URIRef(f"{BASE}issued/{year}/{o.removeprefix(BASE)}")
    g.add((d, VK.issuedBy, o))  # type: ignore[attr-defined]
    g.add((d, VK.issuedInYear, group))  # type: ignore[attr-defined]
    g.add((group, VK.documentsOf, o))  # type: ignore[attr-defined]
    g.add((group, VK.year, Literal(year)))  # type: ignore[attr-defined]


def _source(sha: str, path: str, doc: URIRef, facts: list[tuple]) -> tuple[str, str, str]:
    ds = Dataset()
    g = ds.graph(URIRef(f"{BASE}graph/{sha}"))
    src = URIRef(f"{BASE}source/{sha}")
    g.add((src, RDF.type, VK.Source))
    g.add((src, VK.path, Literal(path)))
    g.add((doc, PROV.wasDerivedFrom, src))
    for fact in facts:
        if callable(fact[0]):
            fact[0](g, *fact[1:])
        else:
            g.add(fact)
    return path, sha, to_ntriples(ds)


def archive() -> list[tuple[str, str, str]]:
    r1, r2 = URIRef(f"{BASE}fact/p1/r1"), URIRef(f"{BASE}fact/p2/r2")
    c1, k2, w1 = URIRef(f"{BASE}fact/p1/c1"), URIRef(f"{BASE}fact/p2/k2"), URIRef(f"{BASE}fact/w1")
    return [
        _source("a1", "/archive/12-nq.txt", P1, [
            (_doc, P1, "12-NQ/TU", "Nghị quyết", "2019-03-01"),
            (_doc, X, "35-NQ/TW", "Nghị quyết", "2018-10-22"),  # cited, never ingested
            (_issued, X, BCT, 2018), (_org, BCT, "Bộ Chính trị"),
            (_org, TU, "Tỉnh ủy An Lạc"), (_issued, P1, TU, 2019),
            (P1, VK.cites, X), (P1, VK.implements, X),
            (P1, VK.responsibility, r1), (r1, RDF.type, VK.Responsibility),
            (r1, VK.actorName, Literal("Ban Tuyên giáo")), (r1, VK.actor, BTG),
            (_org, BTG, "Ban Tuyên giáo Tỉnh ủy"), (r1, VK.role, VK.lead),
            (r1, VK.task, Literal("Tổng hợp, báo cáo kết quả")),
            (r1, VK.frequency, Literal("yearly")),
            (P1, VK.recurrence, c1), (c1, RDF.type, VK.Recurrence),
            (c1, VK.frequency, Literal("yearly")),
            (c1, VK.text, Literal("Hằng năm sơ kết")),
            (w1, RDF.type, VK.Warning), (w1, VK.code, Literal("conflicting-symbol")),
            (w1, RDFS.comment, Literal("two symbols")),
            (w1, VK.inSource, URIRef(f"{BASE}source/a1")),
        ]),
        _source("a2", "/archive/05-kh.txt", P2, [
            (_doc, P2, "05-KH/TU", "Kế hoạch", "2020-01-10"), (_doc, X, "35-NQ/TW", "Nghị quyết"),
            (_doc, P1, "12-NQ/TU", "Nghị quyết"), (_issued, P2, TU, 2020),
            (P2, VK.cites, X), (P2, VK.cites, P1), (P2, VK.continues, P1),
            (P2, VK.responsibility, r2), (r2, RDF.type, VK.Responsibility),
            (r2, VK.actorName, Literal("Ban Tổ chức Tỉnh ủy")),
            (r2, VK.actor, BTC), (_org, BTC, "Ban Tổ chức Tỉnh ủy An Lạc"),
            (r2, VK.task, Literal("Rà soát")),
            (r2, VK.deadline, Literal("2020-06-30", datatype=XSD.date)),
            (P2, VK.hasDeadline, k2), (k2, RDF.type, VK.Deadline),
            (k2, VK.dueDate, Literal("2020-09-30", datatype=XSD.date)),
            (k2, VK.text, Literal("trước 30/9/2020")),
        ]),
        _source("a3", "/archive/07-cv.txt", P3, [
            (_doc, P3, "07-CV/BTGTU", "Công văn", "2021-02-02"), (_doc, P2, "05-KH/TU", "Kế hoạch"),
            (_issued, P3, BTG, 2021), (_org, BTG, "Ban Tuyên giáo Tỉnh ủy"),
            (P3, VK.cites, P2), (P3, VK.forwards, P2),
        ]),
    ]


@pytest.fixture
def store(empty_backend: Backend) -> Backend:
    _fill(empty_backend)
    return empty_backend


def _fill(backend: Backend) -> None:
    for path, sha, ntriples in archive():
        backend.write_source(path, sha, ntriples)


def values(store: Backend, query: str, params: dict | None = None) -> list[tuple]:
    table = run_query(store, query, params)
    return [tuple(t.value if t is not None else None for t in row) for row in table.rows]


EXAMPLE = {"string": "35-NQ/TW", "label": "Tỉnh ủy An Lạc", "integer": "2020"}


def test_every_named_query_has_a_description_and_runs(store: Backend) -> None:
    queries = named_queries()
    assert len(queries) >= 9
    for q in queries.values():
        assert q.description and not q.description.startswith("#")
        run_query(store, q.name, {p.name: EXAMPLE[p.type] for p in q.params})


@pytest.mark.parametrize(("query", "params", "expected"), [
    ("backlinks", {"symbol": "35-NQ/TW"}, [
        (str(P1), "12-NQ/TU", "Nghị quyết", "2019-03-01", "implements", "/archive/12-nq.txt"),
        (str(P2), "05-KH/TU", "Kế hoạch", "2020-01-10", "cites", "/archive/05-kh.txt")]),
    ("backlinks", {"symbol": "35-NQ/TU"}, []),
    ("lineage", {"symbol": "12-NQ/TU"}, [
        ("earlier", str(X), "35-NQ/TW", "Nghị quyết", "2018-10-22"),
        ("later", str(P2), "05-KH/TU", "Kế hoạch", "2020-01-10"),
        ("later", str(P3), "07-CV/BTGTU", "Công văn", "2021-02-02")]),
    ("lineage", {"symbol": "07-CV/BTGTU"}, [
        ("earlier", str(X), "35-NQ/TW", "Nghị quyết", "2018-10-22"),
        ("earlier", str(P1), "12-NQ/TU", "Nghị quyết", "2019-03-01"),
        ("earlier", str(P2), "05-KH/TU", "Kế hoạch", "2020-01-10")]),
    ("responsibilities", {"actor": "Ban Tuyên giáo Tỉnh ủy"}, [  # written 'Ban Tuyên giáo'
        ("lead", "Tổng hợp, báo cáo kết quả", "yearly", None, str(P1), "12-NQ/TU", "2019-03-01",
         "Ban Tuyên giáo")]),
    ("responsibilities", {"actor": "Ban Tổ chức Tỉnh ủy An Lạc"}, [
        (None, "Rà soát", None, "2020-06-30", str(P2), "05-KH/TU", "2020-01-10",
         "Ban Tổ chức Tỉnh ủy")]),
    ("responsibilities", {"actor": "Ban Tổ chức Tỉnh ủy"}, []),  # a name as written, not a body
    ("duties-by-frequency", {}, [("yearly", "2")]),
    ("by-issuer-year", {}, [("Ban Tuyên giáo Tỉnh ủy", "2021", "1"),
                            ("Tỉnh ủy An Lạc", "2019", "1"), ("Tỉnh ủy An Lạc", "2020", "1")]),
    ("documents", {"issuer": "Tỉnh ủy An Lạc", "year": "2020"}, [
        (str(P2), "05-KH/TU", "Kế hoạch", "2020-01-10", "/archive/05-kh.txt")]),
    ("documents", {"issuer": "Ban Tuyên giáo Tỉnh ủy", "year": "2021"}, [
        (str(P3), "07-CV/BTGTU", "Công văn", "2021-02-02", "/archive/07-cv.txt")]),
    ("documents", {"issuer": "Tỉnh ủy An Lạc", "year": "2021"}, []),
    ("documents", {"issuer": "Bộ Chính trị", "year": "2018"}, []),  # only cited
    ("missing", {}, [(str(X), "35-NQ/TW", "Nghị quyết", "2")]),
    ("warnings", {}, [("conflicting-symbol", "1", "1", "two symbols")]),
])
def test_named_query(store: Backend, query: str, params: dict, expected: list) -> None:
    assert values(store, query, params) == expected


def test_by_issuer_year_counts_documents_without_an_issuer(empty_backend: Backend) -> None:
    unsigned, undated = URIRef(f"{BASE}doc/x/nq/1/2022"), URIRef(f"{BASE}doc/x/kh/2")
    for path, sha, ntriples in [*archive()[:1], _source(
            "a9", "/archive/unsigned.txt", unsigned,
            [(_doc, unsigned, "1-NQ/X", "Nghị quyết", "2022-05-05")]), _source(
            "a8", "/archive/undated.txt", undated, [(_doc, undated, "2-KH/X", "Kế hoạch"),
                                                    (undated, VK.issuedBy, TU)])]:
        empty_backend.write_source(path, sha, ntriples)
    assert values(empty_backend, "by-issuer-year") == [
        ("(unknown)", "2022", "1"), ("Tỉnh ủy An Lạc", None, "1"), ("Tỉnh ủy An Lạc", "2019", "1")]


def test_most_cited_counts_each_citing_document_once(store: Backend) -> None:
    rows = values(store, "most-cited")
    assert rows[0] == (str(X), "35-NQ/TW", "Nghị quyết", "2", "false")
    assert sorted(r[1:4] for r in rows[1:]) == [("05-KH/TU", "Kế hoạch", "1"),
                                                ("12-NQ/TU", "Nghị quyết", "1")]


def test_stats(store: Backend) -> None:
    assert [(f.value, int(v.value)) for f, v in stats(store).rows] == [
        ("citations", 4), ("cited, not ingested", 1), ("deadlines", 1), ("documents: Công văn", 1),
        ("documents: Kế hoạch", 1), ("documents: Nghị quyết", 1), ("duties", 3),
        ("organizations", 4), ("sources", 3), ("unresolved citations", 0)]


def test_own_sparql_with_a_bound_parameter(store: Backend) -> None:
    rows = values(store, "SELECT DISTINCT ?d WHERE { ?d vk:symbol ?s }", {"s": "05-KH/TU"})
    assert rows == [(str(P2),)]


@pytest.mark.parametrize(("params", "error"), [
    ({}, "missing parameter 'symbol'"),
    ({"symbol": "1", "year": "2"}, "unknown parameter 'year'"),
])
def test_parameters_are_checked(params: dict, error: str) -> None:
    with pytest.raises(QueryError, match=error):
        bind(load_query("backlinks"), params)


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match="known: backlinks"):
        load_query("backlink")


@pytest.mark.parametrize(("words", "first"), [
    ("nghi quyet 35", "35-NQ/TW"),
    ("NGHỊ QUYẾT 35", "35-NQ/TW"),
    ("ke hoach 05", "05-KH/TU"),
    ("ban tuyen giao", "Ban Tuyên giáo Tỉnh ủy"),
    ("ke hoach 99", "05-KH/TU"),  # no node has every word: most words first
    ("nghi quyet", "35-NQ/TW"),  # equal hits: the most cited first (12-NQ/TU is cited once)
])
def test_search_ranks_the_best_match_first(store: Backend, words: str, first: str) -> None:
    table = search(store, words)
    assert table.rows[0][2].value == first


def test_duty_events(store: Backend) -> None:
    events = [(e.start.isoformat(), e.rrule, e.summary) for e in duty_events(store)]
    assert sorted(events, key=str) == sorted([  # each once; a body by its resolved name
        ("2019-03-01", "FREQ=YEARLY", "Ban Tuyên giáo Tỉnh ủy: Tổng hợp, báo cáo kết quả"),
        ("2019-03-01", "FREQ=YEARLY", "Hằng năm sơ kết"),
        ("2020-06-30", None, "Ban Tổ chức Tỉnh ủy An Lạc: Rà soát"),
        ("2020-09-30", None, "trước 30/9/2020"),
    ], key=str)


@pytest.mark.parametrize(("actor", "summaries"), [
    ("ban to chuc", ["Ban Tổ chức Tỉnh ủy An Lạc: Rà soát"]),
    ("Ban Tổ chức Tỉnh ủy An Lạc", ["Ban Tổ chức Tỉnh ủy An Lạc: Rà soát"]),  # resolved name
    ("Ban Tuyên giáo Tỉnh ủy", ["Ban Tuyên giáo Tỉnh ủy: Tổng hợp, báo cáo kết quả"]),
    ("BAN TUYÊN GIÁO", ["Ban Tuyên giáo Tỉnh ủy: Tổng hợp, báo cáo kết quả"]),  # as written
    ("Ban Dân vận", []),
])
def test_duty_events_of_one_body(store: Backend, actor: str, summaries: list[str]) -> None:
    assert [e.summary for e in duty_events(store, actor)] == summaries


def test_json_output_is_sparql_results_json(store: Backend) -> None:
    import json

    doc = json.loads(render(run_query(store, "missing"), "json"))
    assert doc["head"]["vars"] == ["document", "symbol", "kind", "citedBy"]
    assert doc["results"]["bindings"][0]["citedBy"] == {
        "type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


@pytest.fixture
def closed_store(tmp_path: Path) -> Path:
    with open_store(tmp_path / "store", write=True) as backend:
        _fill(backend)
    return tmp_path / "store"


def _vankien(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("vankien")), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, input=stdin, timeout=120)


@pytest.mark.parametrize("how", ["text", "file", "stdin"])
def test_query_command_reads_text_file_or_stdin(closed_store: Path, tmp_path: Path,
                                                how: str) -> None:
    sparql = "SELECT DISTINCT ?s WHERE { ?d vk:symbol ?s } ORDER BY ?s"
    (tmp_path / "q.rq").write_text(sparql, encoding="utf-8")
    arg = {"text": sparql, "file": str(tmp_path / "q.rq"), "stdin": "-"}[how]
    result = _vankien("query", arg, "--store", closed_store, "-f", "csv",
                      stdin=sparql if how == "stdin" else None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["s", "05-KH/TU", "07-CV/BTGTU", "12-NQ/TU", "35-NQ/TW"]


def test_query_command_markdown_and_list(closed_store: Path) -> None:
    result = _vankien("query", "missing", "--store", closed_store, "-f", "md")
    assert result.stdout.splitlines()[:3] == [
        "| document | symbol | kind | citedBy |", "|---|---|---|---|",
        f"| {BASE}doc/tw/nq/35/2018 | 35-NQ/TW | Nghị quyết | 2 |"]
    listed = _vankien("query", "--list").stdout
    assert "backlinks SYMBOL\n    Documents citing a document" in listed


@pytest.mark.parametrize(("args", "shown", "note"), [
    ([], (0, 4), None),
    (["--limit", "2"], (0, 2), "more rows: --offset 2"),
    (["--limit", "2", "--offset", "2"], (2, 4), None),
    (["--limit", "1", "--offset", "2"], (2, 3), "more rows: --offset 3"),
    (["--limit", "0"], (0, 4), None),
    (["-f", "csv"], (0, 4), None),  # a file format gives every row unless told
    (["--limit", "2", "-f", "csv"], (0, 2), "more rows: --offset 2"),
])
def test_query_command_pages(closed_store: Path, args: list[str], shown: tuple[int, int],
                             note: str | None) -> None:
    sparql = "SELECT DISTINCT ?s WHERE { ?d vk:symbol ?s } ORDER BY ?s"
    result = _vankien("query", sparql, "--store", closed_store, *args)
    symbols = ["05-KH/TU", "07-CV/BTGTU", "12-NQ/TU", "35-NQ/TW"]
    assert [s for s in symbols if s in result.stdout] == symbols[slice(*shown)]
    assert (note in result.stderr) if note else "more rows" not in result.stderr


@pytest.mark.parametrize(("args", "shown", "note"), [
    (["--limit", "1"], "12-NQ/TU", "more rows: --offset 1"),
    (["--limit", "1", "--offset", "1"], "05-KH/TU", None),
])
def test_query_command_pages_a_named_query(closed_store: Path, args: list[str], shown: str,
                                           note: str | None) -> None:
    result = _vankien("query", "backlinks", "35-NQ/TW", "--store", closed_store, "-f", "csv",
                      *args)
    assert [line.split(",")[1] for line in result.stdout.splitlines()[1:]] == [shown]
    assert (note in result.stderr) if note else "more rows" not in result.stderr


PAGED = [("backlinks", {"symbol": "35-NQ/TW"}), ("documents", {"issuer": "Tỉnh ủy An Lạc",
         "year": "2020"}), ("responsibilities", {"actor": "Ban Tuyên giáo Tỉnh ủy"})]


@pytest.mark.parametrize(("query", "params"), PAGED)
def test_pages_of_a_paged_query_make_up_its_rows(store: Backend, query: str,
                                                 params: dict) -> None:
    assert "# page" in load_query(query).text  # computed a page at a time, not cut after
    whole = run_query(store, query, params).rows
    pages = [run_query(store, query, params, limit=1, offset=k).rows for k in range(len(whole))]
    assert [row for page in pages for row in page] == whole
    assert run_query(store, query, params, limit=1, offset=len(whole)).rows == []


@pytest.mark.parametrize(("query", "params"), PAGED)
def test_a_page_says_whether_more_keys_follow(store: Backend, query: str, params: dict) -> None:
    keys = [k for k in range(20) if run_query(store, query, params, limit=1, offset=k).rows]
    assert keys == list(range(len(keys))) and keys
    assert [run_page(store, query, params, 1, k)[1] for k in range(len(keys) + 1)] == \
        [True] * (len(keys) - 1) + [False, False]


@pytest.mark.parametrize(("name", "sub_select_end"), [
    ("backlinks", "}\n     LIMIT 1 OFFSET 7 # page"),
    ("documents", "}\n     LIMIT 1 OFFSET 7 # page"),
    ("responsibilities", "}\n     LIMIT 1 OFFSET 7 # page"),
    ("lineage", None),  # not paged: no mark to put the limit at
])
def test_probe_asks_for_one_key_unordered(name: str, sub_select_end: str | None) -> None:
    text = load_query(name).text
    if sub_select_end is None:
        assert probe(text, 7) == text
        return
    probed = probe(text, 7)
    assert sub_select_end in probed
    assert probed.count("ORDER BY") == text.count("ORDER BY") - 1  # the outer order stays


def test_paged_puts_the_limit_at_the_mark_and_the_values_inside() -> None:
    text = load_query("backlinks").text
    query = with_values(paged(text, 10, 20), bind(load_query("backlinks"),
                                                  {"symbol": "35-NQ/TW"}))
    inner = query[query.index("SELECT ?citing ?target"):query.index("# page")]
    assert 'VALUES (?symbol) { ("35-NQ/TW") }' in inner and inner.rstrip().endswith(
        "LIMIT 10 OFFSET 20")
    assert paged(text, None) == text


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (None, -2)])
def test_a_negative_page_is_refused(store: Backend, limit: int | None, offset: int) -> None:
    with pytest.raises(QueryError, match="0 or more"):
        run_query(store, "backlinks", {"symbol": "35-NQ/TW"}, limit=limit, offset=offset)


def test_duties_command_writes_an_ics_file(closed_store: Path, tmp_path: Path) -> None:
    ics = tmp_path / "duties.ics"
    result = _vankien("duties", "--ics", ics, "--store", closed_store)
    assert result.returncode == 0, result.stderr
    text = ics.read_bytes().decode()
    assert text.count("BEGIN:VEVENT") == 4 and text.count("RRULE:FREQ=YEARLY") == 2


@pytest.mark.parametrize(("fmt", "parse_as"), [
    ("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_export_formats_parse_back(closed_store: Path, fmt: str, parse_as: str) -> None:
    from rdflib import Dataset

    result = _vankien("export", "--format", fmt, "--store", closed_store)
    assert result.returncode == 0, result.stderr
    ds = Dataset()
    ds.parse(data=result.stdout, format=parse_as)
    triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert (P2, VK.continues, P1) in triples

"""Views: which nodes and edges a focus, a lineage and the overview hold; safe, offline HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from vankien.cli.main import app
from vankien.graph.ntriples import to_ntriples
from vankien.graph.store import open_store
from vankien.graph.view import render_view
from vankien.graph.view_html import label
from vankien.loaders import DEFAULT_BASE
from vankien.loaders.errors import QueryError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "view_sample.ttl"
VK = "https://w3id.org/vankien/ontology#"


def sample_ntriples() -> str:
    """The sample archive as ingest writes it (with its accent-free search keys)."""
    dataset = rdflib.Dataset()
    dataset.parse(SAMPLE, format="turtle")
    return to_ntriples(dataset)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    memory = ox.Store()
    memory.load(sample_ntriples().encode(), format=ox.RdfFormat.N_TRIPLES)
    return memory


def names(view) -> set[str]:
    return {label(n, a) for n, a in view.graph.nodes(data=True)}


def links(view) -> set[tuple[str, str, str]]:
    g = view.graph
    return {(label(s, g.nodes[s]), rel, label(o, g.nodes[o])) for s, o, rel in g.edges(data="rel")}


@pytest.mark.parametrize(("focus", "depth", "expected"), [
    ("35-NQ/TW", 1, {"35-NQ/TW", "Bộ Chính trị", "12-HD/BTGTU", "KL (no number)",
                     "Ban Tuyên giáo Tỉnh ủy", "Ban Chấp hành Đảng bộ Khối", "Trần Văn Bình"}),
    ("35 - nq/tw", 0, {"35-NQ/TW", "Bộ Chính trị"}),
    ("Đảng ủy Sở Y tế", 1, {"Đảng ủy Sở Y tế", "596-CV/ĐU",
                           "lead: nắm tình hình, đôn đốc, hướng dẫn, kiểm tra",
                           "Ban Tuyên giáo Tỉnh ủy"}),
    ("chinh tri tu tuong", 0, {"KL (no number)", "Ban Chấp hành Đảng bộ Khối", "Trần Văn Bình"}),
    ("chính trị tư tưởng", 0, {"KL (no number)", "Ban Chấp hành Đảng bộ Khối", "Trần Văn Bình"}),
])
def test_neighbourhood_nodes(store: ox.Store, focus: str, depth: int, expected: set[str]) -> None:
    view = render_view(store, focus, depth=depth)
    assert names(view) == expected
    assert view.node_count == len(expected)


def test_an_rdflib_graph_gives_the_same_view(store: ox.Store) -> None:
    graph = rdflib.Graph()
    graph.parse(SAMPLE, format="turtle")
    assert names(render_view(graph, "35-NQ/TW")) == names(render_view(store, "35-NQ/TW"))


@pytest.mark.parametrize("edge", [
    ("12-HD/BTGTU", "cites", "35-NQ/TW"),
    ("KL (no number)", "cites", "35-NQ/TW"),
    ("12-HD/BTGTU", "issued by", "Ban Tuyên giáo Tỉnh ủy"),
    ("KL (no number)", "signed by", "Trần Văn Bình"),
    ("35-NQ/TW", "issued by", "Bộ Chính trị"),
])
def test_neighbourhood_edges_carry_their_relation(store: ox.Store, edge: tuple) -> None:
    assert edge in links(render_view(store, "35-NQ/TW"))


def test_tooltips_quote_the_citing_words(store: ox.Store) -> None:
    view = render_view(store, "35-NQ/TW")
    words = "“Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị”"
    node = next(n for n in _page_nodes(view) if n["label"] == "35-NQ/TW")
    assert words in node["title"] and "Cited, not in the archive" in node["title"]
    assert f"cites\n{words}" in [e["title"] for e in _page_edges(view)]


def test_responsibility_links_its_actors(store: ox.Store) -> None:
    duty = "lead: nắm tình hình, đôn đốc, hướng dẫn, kiểm tra"
    found = links(render_view(store, "Ban Tuyên giáo Tỉnh ủy", depth=2))
    assert {("Ban Tuyên giáo Tỉnh ủy", "leads", duty), ("Đảng ủy Sở Y tế", "coordinates", duty),
            ("KL (no number)", "assigns", duty)} <= found
    assert ("KL (no number)", "recurs", "yearly") in links(render_view(store, "chinh tri tu tuong"))


def test_links_between_neighbours_are_drawn(store: ox.Store) -> None:
    found = links(render_view(store, "02-NQ/ĐUK"))
    assert ("596-CV/ĐU", "cites", "02-NQ/ĐUK") in found
    assert ("596-CV/ĐU", "forwards", "03-KL/ĐUK") in found


def test_receipt_stamp_is_received_by(store: ox.Store) -> None:
    assert ("596-CV/ĐU", "received by", "Ban Tuyên giáo Tỉnh ủy") in links(
        render_view(store, "596-CV/ĐU"))


def test_typed_citation_hides_the_plain_cites(store: ox.Store) -> None:
    found = links(render_view(store, "03-KL/ĐUK"))
    assert ("03-KL/ĐUK", "continues", "02-NQ/ĐUK") in found
    assert ("03-KL/ĐUK", "cites", "02-NQ/ĐUK") not in found
    assert ("596-CV/ĐU", "forwards", "03-KL/ĐUK") in found


def test_lineage_is_in_date_order(store: ox.Store) -> None:
    view = render_view(store, lineage="02-NQ/ĐUK")
    order = sorted(view.graph.nodes(data=True), key=lambda na: na[1]["column"])
    assert [label(n, a) for n, a in order] == [
        "02-NQ/ĐUK", "KL (no number)", "03-KL/ĐUK", "596-CV/ĐU"]
    assert {rel for _, _, rel in view.graph.edges(data="rel")} == {"continues", "forwards"}


@pytest.mark.parametrize(("only", "expected"), [
    ("organization", {"35-NQ/TW", "Bộ Chính trị"}),
    ("KL", {"35-NQ/TW", "KL (no number)"}),
    ("document,person", {"35-NQ/TW", "12-HD/BTGTU", "KL (no number)", "Trần Văn Bình"}),
    ("CV", {"35-NQ/TW"}),  # a kind of the store, none of it near the focus
])
def test_only_keeps_kinds_linked_to_the_focus(store: ox.Store, only: str, expected: set) -> None:
    assert names(render_view(store, "35-NQ/TW", only=only)) == expected


def test_overview_keeps_the_most_connected_and_says_so(store: ox.Store) -> None:
    whole = render_view(store)
    assert whole.node_count == 11
    view = render_view(store, overview=True, max_nodes=4)
    assert view.node_count == 4
    assert "02-NQ/ĐUK" in names(view)  # the most linked
    degree = dict(nx.Graph(whole.graph.to_undirected()).degree)
    folded = set(degree) - set(view.graph)
    assert min(degree[n] for n in view.graph) >= max(degree[n] for n in folded)
    assert "capped at 4 nodes" in view.html and "7 others are folded" in view.html
    assert any("folded out of this view" in a["title"] for a in _page_nodes(view))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"focus": "99-NQ/XYZ"}, "nothing in the store matches '99-NQ/XYZ'"),
    ({"lineage": "Bộ Chính trị"}, "no document in the store has the symbol 'Bộ Chính trị'"),
    ({"focus": "35-NQ/TW", "only": "letters"}, "unknown kind letters: choose from document"),
])
def test_bad_requests_raise_query_error(store: ox.Store, kwargs: dict, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        render_view(store, **kwargs)


def test_page_is_self_contained(store: ox.Store) -> None:
    html = render_view(store, "35-NQ/TW").html
    assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", html, re.I)
    assert "default-src 'none'" in html
    assert "vis.Network" in html and "cdnjs" not in html and "jsdelivr" not in html


def test_markup_in_a_subject_stays_text(store: ox.Store) -> None:
    view = render_view(store, "12-HD/BTGTU")
    assert "<script>window.__xss" not in view.html and "<img src=x" not in view.html
    assert any("<script>window.__xss=1</script>" in n["title"] for n in _page_nodes(view))


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_no_subject_can_open_or_close_a_tag(subject: str) -> None:
    memory = ox.Store()
    doc, vk = ox.NamedNode(f"{DEFAULT_BASE}doc/x/nq/1/2020"), lambda t: ox.NamedNode(VK + t)
    memory.add(ox.Quad(doc, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                       vk("Document")))
    memory.add(ox.Quad(doc, vk("symbol"), ox.Literal("1-NQ/X")))
    memory.add(ox.Quad(doc, vk("subject"), ox.Literal(subject)))
    html = render_view(memory, "1-NQ/X").html
    assert html.count("<") == BASELINE_TAGS


def _baseline_tags() -> int:
    memory = ox.Store()
    doc = ox.NamedNode(f"{DEFAULT_BASE}doc/x/nq/1/2020")
    memory.add(ox.Quad(doc, ox.NamedNode(VK + "symbol"), ox.Literal("1-NQ/X")))
    return render_view(memory, "1-NQ/X").html.count("<")


BASELINE_TAGS = _baseline_tags()


def _page_nodes(view) -> list[dict]:
    """The node records the page hands to vis-network."""
    return json.loads(re.findall(r"new vis\.DataSet\((\[.*?\])\);", view.html)[0])


def _page_edges(view) -> list[dict]:
    return json.loads(re.findall(r"new vis\.DataSet\((\[.*?\])\);", view.html)[1])


def test_cli_writes_the_page_and_says_what_it_holds(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with open_store(folder, write=True) as backend:
        backend.write_source("sample.ttl", "0" * 64, sample_ntriples())
    out = tmp_path / "v.html"
    result = CliRunner().invoke(app, ["view", "35-NQ/TW", "-o", str(out), "--store", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote 7 nodes and 6 edges to {out}"
    assert "35-NQ/TW" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["99-NQ/XYZ"], ["35-NQ/TW", "--lineage", "02-NQ/ĐUK"]])
def test_cli_bad_request_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    folder = tmp_path / "store"
    with open_store(folder, write=True) as backend:
        backend.write_source("sample.ttl", "0" * 64, sample_ntriples())
    result = CliRunner().invoke(app, ["view", *args, "--store", str(folder),
                                      "-o", str(tmp_path / "v.html")])
    assert result.exit_code == 2
    assert not (tmp_path / "v.html").exists()


@pytest.fixture(scope="module")
def seeds(seed_store: ox.Store) -> ox.Store:
    return seed_store


def test_seeds_35_nq_tw_shows_both_citing_documents_with_their_issuers(seeds: ox.Store) -> None:
    view = render_view(seeds, "35-NQ/TW")
    g = view.graph
    citing = {s for s, _, rel in g.edges(data="rel") if rel == "cites"}
    sources = {Path(g.nodes[s].get("source", "")).name for s in citing}
    assert sources == {"000_580054f1598b6dab.txt", "003_2b7123f5bd908f2a.txt"}
    issuers = {s for s, _, rel in g.edges(data="rel") if rel == "issued by"}
    assert citing <= issuers


def test_seeds_lineage_of_02_nq_duk_has_two_conclusions_in_date_order(seeds: ox.Store) -> None:
    view = render_view(seeds, lineage="02-NQ/ĐUK")
    order = sorted(view.graph.nodes(data=True), key=lambda na: na[1]["column"])
    kinds = [a.get("kind") for _, a in order]
    assert kinds[0] == "NQ" and kinds.count("KL") == 2

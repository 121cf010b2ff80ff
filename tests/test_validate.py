"""SHACL validation: the seeds' graph passes; broken documents fail with plain-words messages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from rdflib import Dataset
from test_build import BASE, CV, KL, SHA, extraction
from typer.testing import CliRunner
from vankien.cli.main import app
from vankien.graph.build import build_graph, source_graph
from vankien.graph.validate import Violation, validate
from vankien.loaders.model import Extraction, Recurrence, Responsibility, Signature

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
runner = CliRunner()


def with_conclusion(**changes: object) -> Extraction:
    """The sample extraction with its Kết luận changed."""
    ex = extraction()
    ex.documents[1] = dataclasses.replace(ex.documents[1], **changes)
    return ex


def test_sample_is_valid() -> None:
    assert validate(build_graph(extraction())) == []


# Each row: a document as an extractor might wrongly give it → words the report must hold.
BROKEN = [
    ("no kind", {"type": None}, "document has no kind"),
    ("month 13", {"date": "2024-13-01"}, "date of issue is not a valid date"),
    ("date as written, not ISO", {"date": "01/3/2024"}, "date of issue is not a valid date"),
    ("symbol with spaces", {"symbol": "09 - KL/ĐUK"},
     "symbol is not of the form NUMBER-KIND/ISSUER"),
    ("symbol without issuer", {"symbol": "09-KL"}, "symbol is not of the form NUMBER-KIND/ISSUER"),
    ("state symbol on a party document", {"symbol": "09/KL-ĐUK"},
     "symbol is not of the form NUMBER-KIND/ISSUER"),
    ("unknown role", {"responsibilities": [Responsibility("Ban Tuyên giáo", "supervise", "x")]},
     "responsibility has no role"),
    ("unknown frequency", {"recurrences": [Recurrence("fortnightly", "hai tuần một lần")]},
     "recurrence needs one frequency"),
    ("unknown authority", {"signer": Signature("Nguyễn Văn A", "T/X")},
     "signing authority is not one of T/M, K/T, T/L, T/UQ"),
    ("responsibility deadline not a date", {"responsibilities": [
        Responsibility("Ban Tuyên giáo", "lead", "x", deadline="30/6")]},
     "deadline is not a valid date"),
]


@pytest.mark.parametrize(("case", "changes", "expected"), BROKEN, ids=[r[0] for r in BROKEN])
def test_broken_document_is_reported(case: str, changes: dict, expected: str) -> None:
    lines = [str(v) for v in validate(build_graph(with_conclusion(**changes)))]
    assert any(expected in line for line in lines), (case, lines)


# Each row: a SPARQL update that breaks a valid graph → words the report must hold.
PREFIX = ("PREFIX vk: <https://w3id.org/vankien/ontology#> "
          "PREFIX prov: <http://www.w3.org/ns/prov#> ")
BROKEN_GRAPH = [
    ("ingested document without source", f"DELETE WHERE {{ <{CV}> prov:wasDerivedFrom ?s }}",
     "document has no source"),
    ("cited document whose mentions lost their source",
     "DELETE WHERE { ?m vk:inSource ?s }", "document has no source"),
    ("citation of something that is no document",
     f"INSERT DATA {{ <{KL}> vk:cites <{BASE}org/x> }}", "cited node is not a document"),
    ("responsibility without actor", "DELETE WHERE { ?r vk:actor ?a }",
     "responsibility has no actor"),
    ("document with two kinds", f"INSERT DATA {{ <{KL}> vk:kind <{BASE}kind/nq> }}",
     "document has more than one kind"),
    ("source with a short hash", 'DELETE WHERE { ?s vk:sha256 ?h } ; '
     'INSERT { ?s vk:sha256 "abc" } WHERE { ?s a vk:Source }', "source needs a SHA-256"),
]


@pytest.mark.parametrize(("case", "update", "expected"), BROKEN_GRAPH,
                         ids=[r[0] for r in BROKEN_GRAPH])
def test_broken_graph_is_reported(case: str, update: str, expected: str) -> None:
    dataset = build_graph(extraction())
    dataset.graph(source_graph(BASE, SHA)).update(PREFIX + update)
    lines = [str(v) for v in validate(dataset)]
    assert any(expected in line for line in lines), (case, lines)


def test_report_names_the_document_and_the_value() -> None:
    found = validate(build_graph(with_conclusion(type=None, date="2024-13-01")))
    assert [str(v) for v in found] == [
        f"Kết luận 09-KL/ĐUK <{KL}>: date of issue is not a valid date (xsd:date, YYYY-MM-DD): "
        "'2024-13-01'",
        f"Kết luận 09-KL/ĐUK <{KL}>: document has no kind (vk:kind)",
    ]
    assert all(isinstance(v, Violation) for v in found)


def test_cli_exit_status_and_lines(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.trig", tmp_path / "bad.trig"
    build_graph(extraction()).serialize(good, format="trig")
    build_graph(with_conclusion(type=None, date="2024-13-01")).serialize(bad, format="trig")
    ok = runner.invoke(app, ["validate", "--file", str(good)])
    assert ok.exit_code == 0 and "no violations" in ok.output
    failed = runner.invoke(app, ["validate", "--file", str(bad)])
    assert failed.exit_code == 1
    assert "document has no kind" in failed.output
    assert "date of issue is not a valid date" in failed.output


def test_unreadable_file_is_bad_input(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--file", str(broken)])
    assert result.exit_code == 2 and "broken.ttl" in result.output


@pytest.fixture(scope="module")
def seeds() -> Dataset:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    from vankien.loaders import extract_file

    dataset = Dataset()
    for path in sorted(SEEDS.glob("*.txt")):
        for quad in build_graph(extract_file(path)).quads((None, None, None, None)):
            dataset.add(quad)
    return dataset


def test_seeds_have_no_violation(seeds: Dataset) -> None:
    assert [str(v) for v in validate(seeds)] == []


SEED_QUERIES = [
    ("Kết luận that continue 02-NQ/ĐUK (one has no number)", """SELECT ?s ?d WHERE {
        ?d vk:continues ?n . ?n vk:symbol "02-NQ/ĐUK" . ?d a vk:Conclusion ; vk:kind ?k .
        OPTIONAL { ?d vk:symbol ?s } }""", {None, "03-KL/ĐUK"}),
    ("what 596-CV/ĐU forwards", """SELECT ?s ?t WHERE {
        ?d vk:symbol "596-CV/ĐU" ; vk:forwards ?t . ?t vk:symbol ?s }""", {"03-KL/ĐUK"}),
]


@pytest.mark.parametrize(("question", "query", "expected"), SEED_QUERIES,
                         ids=[r[0] for r in SEED_QUERIES])
def test_seed_questions(seeds: Dataset, question: str, query: str, expected: set) -> None:
    union = Dataset(default_union=True)
    for quad in seeds.quads((None, None, None, None)):
        union.add(quad)
    rows = union.query("PREFIX vk: <https://w3id.org/vankien/ontology#> " + query)
    assert {str(r[0]) if r[0] is not None else None for r in rows} == expected, question


def test_validate_reads_the_store(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    store = tmp_path / "store"
    ingest = runner.invoke(app, ["ingest", str(SEEDS), "--store", str(store), "--jobs", "1"])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["validate", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "no violations" in result.output

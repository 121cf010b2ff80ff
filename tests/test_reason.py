"""HermiT over the ontology and data: consistency, inferred classes, contradictions found."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from test_build import extraction
from typer.testing import CliRunner
from vankien.cli.main import app
from vankien.graph.build import build_graph
from vankien.ontology import VK
from vankien.ontology.reason import java_available, reason

pytestmark = pytest.mark.skipif(not java_available(),
                                reason="HermiT needs Java (java not found on PATH)")
DOC = "https://w3id.org/vankien/doc/"
KIND = "https://w3id.org/vankien/kind/"
runner = CliRunner()


def test_ontology_alone_is_consistent() -> None:
    result = reason()
    assert result.consistent and result.unsatisfiable == []


def test_sample_graph_is_consistent() -> None:
    assert reason(build_graph(extraction())).consistent


def test_kind_class_is_inferred_from_kind() -> None:
    graph = Graph()
    for doc, code in (("tw/nq/35/2018", "nq"), ("tw/kl/10/2022", "kl"), ("du/cv/596/2019", "cv")):
        graph.add((URIRef(DOC + doc), RDF.type, VK.Document))
        graph.add((URIRef(DOC + doc), VK.kind, URIRef(KIND + code)))
    inferred = {(s, o) for s, p, o in reason(graph).inferred if p == str(RDF.type)}
    assert inferred == {(DOC + "tw/nq/35/2018", str(VK.Resolution)),
                        (DOC + "tw/kl/10/2022", str(VK.Conclusion)),
                        (DOC + "du/cv/596/2019", str(VK.OfficialLetter))}


D, R = URIRef(DOC + "tw/nq/35/2018"), URIRef("https://w3id.org/vankien/fact/x/d0/r0")
# Each row: statements that contradict the ontology.
CONTRADICTIONS = [
    ("a document of two kinds", [(D, RDF.type, VK.Document), (D, VK.kind, URIRef(KIND + "nq")),
                                 (D, VK.kind, URIRef(KIND + "kl"))]),
    ("a party document that is a state document",
     [(D, RDF.type, VK.Document), (D, RDF.type, VK.StateDocument)]),
    ("a responsibility with two roles", [(R, RDF.type, VK.Responsibility),
                                         (R, VK.role, VK.lead), (R, VK.role, VK.execute)]),
    ("a document that is a source", [(D, RDF.type, VK.Document), (D, RDF.type, VK.Source),
                                     (D, VK.sha256, Literal("0" * 64))]),
]


@pytest.mark.parametrize(("case", "triples"), CONTRADICTIONS, ids=[c for c, _ in CONTRADICTIONS])
def test_contradiction_is_found(case: str, triples: list) -> None:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    assert not reason(graph).consistent, case


def test_reason_command(tmp_path: Path) -> None:
    data = tmp_path / "sample.trig"
    build_graph(extraction()).serialize(data, format="trig")
    result = runner.invoke(app, ["reason", "--file", str(data)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("consistent;")


def test_seeds_are_consistent() -> None:
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed documents not found at {seeds}")
    from vankien.loaders import extract_file

    data = Graph()
    for path in sorted(seeds.glob("*.txt")):
        for s, p, o, _ in build_graph(extract_file(path)).quads((None, None, None, None)):
            data.add((s, p, o))
    assert reason(data).consistent

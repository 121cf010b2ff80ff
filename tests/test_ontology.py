"""The ontology as published: it parses everywhere, every term is labelled and defined."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import owlready2
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner
from vankien.cli.main import app
from vankien.ontology import KIND_SCHEME, VK, VK_IRI, kind_terms, load_ontology, shapes_path
from vankien.ontology.docs import render_html

ROOT = Path(__file__).resolve().parents[1]
TTL, OWL_FILE = ROOT / "ontology" / "vankien.ttl", ROOT / "ontology" / "vankien.owl"
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTO = load_ontology()
TERMS = sorted(t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                              OWL.NamedIndividual)
               for t in ONTO.subjects(RDF.type, kind)
               if isinstance(t, URIRef) and str(t).startswith((VK_IRI, KIND_SCHEME)))
# The names other modules write SPARQL against (the vocabulary contract): never renamed.
CONTRACT = [
    "Document", "StateDocument", "kind", "symbol", "number", "dateIssued", "place", "subject",
    "title", "kindName", "issuedBy", "cites", "continues", "forwards", "implements", "replaces",
    "amends", "unresolved", "namedReference", "Signature", "signature", "signer", "authority",
    "onBehalfOf", "position", "Recipient", "recipient", "purpose", "Receipt", "receipt",
    "receivedBy", "receiptNumber", "dateReceived", "Responsibility", "responsibility", "actor",
    "actorName", "role", "lead", "coordinate", "advise", "execute", "Role", "partner", "task",
    "frequency", "deadline", "reportsTo", "Recurrence", "recurrence", "text", "Deadline",
    "hasDeadline", "dueDate", "Source", "sha256", "path", "evidence", "inSource", "Warning",
    "code"
]
runner = CliRunner()


@pytest.mark.parametrize("name", CONTRACT)
def test_contract_term_is_defined(name: str) -> None:
    assert getattr(VK, name) == URIRef(VK_IRI + name)


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.split("#")[-1].split("/")[-1])
def test_term_has_labels_and_definition(term: URIRef) -> None:
    langs = {o.language for o in ONTO.objects(term, RDFS.label) if isinstance(o, Literal)}
    assert {"en", "vi"} <= langs
    assert any(o.language == "en" for o in ONTO.objects(term, SKOS.definition))


def test_every_kind_of_the_loaders_table_has_a_concept_and_class() -> None:
    table = json.loads((ROOT / "loaders" / "data" / "kinds.json").read_text(encoding="utf-8"))
    codes = {k["code"] for k in table["party"]}
    assert codes <= set(kind_terms())
    assert kind_terms()["NQ"].cls == VK.Resolution
    assert kind_terms()["KL"].cls == VK.Conclusion


def test_exported_rdfxml_is_the_turtle() -> None:
    """ontology/vankien.owl is generated: `vankien ontology ontology --no-html`."""
    assert isomorphic(Graph().parse(TTL), Graph().parse(OWL_FILE, format="xml"))


@pytest.mark.parametrize(("path", "syntax"), [(TTL, "turtle"), (OWL_FILE, "rdfxml"),
                                              (Path(shapes_path()), "turtle")])
def test_rapper_parses(path: Path, syntax: str) -> None:
    if not shutil.which("rapper"):
        pytest.skip("rapper not installed (Debian package raptor2-utils)")
    done = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(Graph().parse(path, format='xml' if syntax == 'rdfxml' else None))} " \
           "triples" in done.stderr


def test_owlready2_loads_it() -> None:
    world = owlready2.World()
    onto = world.get_ontology(OWL_FILE.as_uri()).load()
    names = {c.name for c in onto.classes()}
    assert {"Document", "Resolution", "Responsibility", "Mention"} <= names
    assert world[VK_IRI + "cites"] is not None


def test_every_shape_constraint_speaks_plain_words() -> None:
    shapes = Graph().parse(shapes_path())
    property_shapes = set(shapes.objects(None, SH.property))
    node_constraints = {s for p in (SH["or"], SH["class"]) for s in shapes.subjects(p, None)
                        if (s, RDF.type, SH.NodeShape) in shapes}
    assert property_shapes and node_constraints
    assert [s for s in property_shapes | node_constraints if not shapes.value(s, SH.message)] == []


def test_html_page_lists_every_term_and_escapes_data() -> None:
    page = render_html(ONTO)
    for term in TERMS:
        if str(term).startswith(VK_IRI):
            assert f'id="{term.split("#")[1]}"' in page
    hostile = load_ontology()
    hostile.set((VK.Document, SKOS.definition, Literal("<script>alert(1)</script>", lang="en")))
    page = render_html(hostile)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_ontology_command_writes_the_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ontology", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} == {"vankien.ttl", "vankien.owl", "index.html"}
    assert "Thể loại văn bản" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_named_queries_use_only_defined_terms() -> None:
    queries = sorted((ROOT / "graph" / "queries").glob("*.rq"))
    if not queries:
        pytest.skip("no named queries in graph/queries")
    used = {m for q in queries for m in re.findall(r"\bvk:(\w+)", q.read_text(encoding="utf-8"))}
    assert [t for t in sorted(used) if not hasattr(VK, t)] == []

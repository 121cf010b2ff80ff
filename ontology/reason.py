"""Run the HermiT reasoner (bundled with owlready2, needs Java) over the ontology and data.

It answers two questions: is the ontology, with the data, consistent; and which facts follow
from it that the graph does not state (a document's kind class from its ``vk:kind`` …).
The reasoner sees the data's nodes, types and links, not its literal values: values are what
the SHACL shapes check (``vankien validate``), and HermiT slows down by orders of magnitude
with them (20 files: over 5 minutes with literals, 18 s without).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import owlready2
from rdflib import OWL, Dataset, Graph, Literal
from vankien.loaders.errors import VankienError

from . import load_ontology

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Reasoning:
    """What the reasoner found: consistency, classes that cannot have members, new facts."""

    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    inferred: list[Triple] = field(default_factory=list)


def java_available() -> bool:
    """Whether the Java runtime HermiT needs can be found."""
    return shutil.which(owlready2.JAVA_EXE) is not None


def reason(data: Graph | Dataset | None = None) -> Reasoning:
    """Classify the ontology merged with the links of ``data`` (all named graphs) with HermiT."""
    if not java_available():
        raise VankienError(None, f"the reasoner needs Java ('{owlready2.JAVA_EXE}' not found); "
                                 "install a Java runtime, e.g. apt-get install default-jre")
    graph = load_ontology()
    if data is not None:
        for s, p, o, *_ in _triples(data):
            if not isinstance(o, Literal):
                graph.add((s, p, o))
    world = owlready2.World()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
    before = _world_triples(world)
    try:
        with onto:
            # xsd:date is not in the OWL 2 datatype map: HermiT reasons around date values
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0,
                                           ignore_unsupported_datatypes=True)
    except owlready2.OwlReadyInconsistentOntologyError:
        return Reasoning(consistent=False)
    except owlready2.OwlReadyJavaError as exc:
        raise VankienError(None, f"the reasoner failed: {exc}") from None
    unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
    inferred = sorted(t for t in _world_triples(world) - before if t[2] != str(OWL.Thing))
    return Reasoning(consistent=not unsatisfiable, unsatisfiable=unsatisfiable,
                     inferred=inferred)


def _triples(data: Graph | Dataset):  # type: ignore[no-untyped-def]
    return data.quads((None, None, None, None)) if isinstance(data, Dataset) else data


def _world_triples(world: owlready2.World) -> set[Triple]:
    """Every IRI-to-IRI statement the world holds, as strings (literals are never inferred)."""
    unabbreviate = world._unabbreviate
    found = set()
    for s, p, o in world.get_triples():
        if s > 0 and isinstance(o, int) and o > 0:
            found.add((unabbreviate(s), unabbreviate(p), unabbreviate(o)))
    return found

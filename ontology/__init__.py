"""The vocabulary: the Turtle ontology, its SHACL shapes and the ``VK`` namespace object.

>>> from vankien.ontology import VK
>>> VK.cites
rdflib.term.URIRef('https://w3id.org/vankien/ontology#cites')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from rdflib import OWL, SKOS, Graph, Literal, URIRef

from .namespace import VK, VK_IRI, ontology_path

KIND_SCHEME = "https://w3id.org/vankien/kind/"


def shapes_path() -> str:
    """Path of the SHACL shapes the data must satisfy, ``shapes.ttl``."""
    return str(resources.files(__package__).joinpath("shapes.ttl"))


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def load_ontology() -> Graph:
    """The ontology as an rdflib graph (a fresh copy the caller may change)."""
    graph = Graph()
    for prefix, ns in _ontology().namespaces():
        graph.bind(prefix, ns)
    for triple in _ontology():
        graph.add(triple)
    return graph


@dataclass(frozen=True)
class KindTerm:
    """A kind of document as the ontology defines it: its OWL class and its labels."""

    code: str
    cls: URIRef
    labels: tuple[Literal, ...]


@cache
def kind_terms() -> dict[str, KindTerm]:
    """Symbol code → :class:`KindTerm` (``"NQ"`` → ``vk:Resolution``, "Nghị quyết"@vi …)."""
    graph = _ontology()
    terms = {}
    for cls, restriction in graph.subject_objects(OWL.equivalentClass):
        if graph.value(restriction, OWL.onProperty) != VK.kind:
            continue
        concept = graph.value(restriction, OWL.hasValue)
        code = str(graph.value(concept, SKOS.notation))
        labels = tuple(sorted(graph.objects(concept, SKOS.prefLabel)))
        terms[code] = KindTerm(code, cls, labels)  # type: ignore[arg-type]
    return terms


__all__ = [
    "KIND_SCHEME", "VK", "VK_IRI", "KindTerm", "kind_terms", "load_ontology", "ontology_path",
    "shapes_path",
]

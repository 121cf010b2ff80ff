"""The one namespace object code uses for the vankien vocabulary.

``VK`` is closed over the terms that ``vankien.ttl`` defines, so a misspelt or unknown
term (``VK.Documnet``) fails at once instead of minting an IRI nobody defined.
"""

from __future__ import annotations

from importlib import resources

from rdflib import OWL, RDF, Graph, URIRef
from rdflib.namespace import ClosedNamespace

VK_IRI = "https://w3id.org/vankien/ontology#"
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual)


def ontology_path() -> str:
    """Path of the Turtle source of the ontology, ``vankien.ttl``."""
    return str(resources.files(__package__).joinpath("vankien.ttl"))


def defined_terms(graph: Graph) -> list[str]:
    """Local names of the ``vk:`` terms ``graph`` declares as classes, properties or individuals."""
    names = {
        str(s)[len(VK_IRI):]
        for kind in DECLARATIONS
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(VK_IRI)
    }
    return sorted(names)


def _load_vk() -> ClosedNamespace:
    graph = Graph().parse(ontology_path(), format="turtle")
    return ClosedNamespace(VK_IRI, defined_terms(graph))


VK = _load_vk()

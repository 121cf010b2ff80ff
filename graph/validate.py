"""Check a graph against the SHACL shapes of the ontology and say what is wrong in plain words.

>>> for v in validate(build_graph(extraction)): print(v)  # doctest: +SKIP
Kết luận 03-KL/ĐUK <…/doc/…>: date of issue is not a valid date (…): '2019-13-45'
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from pyshacl import validate as shacl_validate
from rdflib import PROV, RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node
from vankien.loaders.errors import VankienError
from vankien.ontology import VK, shapes_path

if TYPE_CHECKING:
    from .store import Backend

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, what is wrong, the property and value involved."""

    focus: str
    label: str | None
    message: str
    path: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        who = f"{self.label} <{self.focus}>" if self.label else f"<{self.focus}>"
        value = f": {self.value!r}" if self.value is not None else ""
        return f"{who}: {self.message}{value}"


def validate(graph: Graph | Dataset) -> list[Violation]:
    """Every violation of ``shapes.ttl`` in ``graph`` (all named graphs of a dataset, merged)."""
    data = _union(graph)
    shapes = Graph().parse(shapes_path(), format="turtle")
    _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none",
                                  allow_warnings=True, advanced=True)
    found = {_violation(report, result, data) for result in report.subjects(RDF.type,
                                                                           SH.ValidationResult)}
    return sorted(found, key=lambda v: (v.focus, v.message, v.value or ""))


def _union(graph: Graph | Dataset) -> Graph:
    """One graph with every triple of ``graph``, whatever named graph it sits in."""
    if not isinstance(graph, Dataset):
        return graph
    merged = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _violation(report: Graph, result: Node, data: Graph) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    message = report.value(result, SH.resultMessage)
    return Violation(
        focus=str(focus),
        label=_label(data, focus),
        message=str(message),
        path=str(path) if isinstance(path, URIRef) else None,
        value=str(value) if isinstance(value, Literal) else None,
    )


def _label(data: Graph, node: Node | None) -> str | None:
    """How a reader knows the node: its label or symbol, else the file it came from."""
    for prop in (RDFS.label, VK.symbol):
        value = data.value(node, prop)
        if value is not None:
            return str(value)
    owners = [node, *data.subjects(None, node)]  # a fact's source is its document's
    source = next((s for n in owners for p in (PROV.wasDerivedFrom, VK.inSource)
                   if (s := data.value(n, p)) is not None), None)
    path = data.value(source, VK.path) if source is not None else None
    return f"in {path}" if path is not None else None


FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld",
           ".rdf": "xml", ".owl": "xml", ".xml": "xml"}


def load_data(path: str | Path) -> Dataset:
    """Read an RDF file (TriG, N-Quads, Turtle, N-Triples, JSON-LD, RDF/XML) into a dataset."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise VankienError(str(path), f"unknown RDF format; use one of {', '.join(FORMATS)}")
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except (OSError, ValueError, SyntaxError) as exc:
        raise VankienError(str(path), f"cannot read RDF: {exc}") from None
    return dataset


def store_data(backend: Backend) -> Dataset:
    """Every named graph of a store, as an rdflib dataset."""
    from .export import export

    buffer = BytesIO()
    export(backend, "nq", buffer)
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue(), format="nquads")
    return dataset

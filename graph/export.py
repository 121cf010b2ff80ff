"""Getting the graph out: the whole store or one source as a file, and its figures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from vankien.loaders.errors import StoreError

from .ingest import walk

if TYPE_CHECKING:
    from .store import Backend, Table

FORMATS = {"ttl": "TURTLE", "trig": "TRIG", "nq": "N_QUADS", "jsonld": "JSON_LD"}
PREFIXES = {
    "vk": "https://w3id.org/vankien/ontology#", "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#", "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def export(store: Backend, fmt: str, output: BinaryIO, source: str | Path | None = None) -> None:
    """Write the store (or the graph of one ingested ``source`` file) to ``output``.

    Turtle has no named graphs: it gets the triples of every graph merged.
    """
    import pyoxigraph as ox

    if fmt not in FORMATS:
        raise StoreError(None, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    graph = source_graph(store, source) if source else None
    quads = store.quads(graph)
    items = (q.triple for q in quads) if fmt == "ttl" else quads
    prefixes = PREFIXES | {"": store.base} if fmt in ("ttl", "trig") else None
    ox.serialize(items, output, getattr(ox.RdfFormat, FORMATS[fmt]), prefixes=prefixes)


def source_graph(store: Backend, source: str | Path) -> str:
    """The named graph of an ingested file."""
    path = next(walk([source]))
    entry = store.entries([path]).get(path)
    if not entry:
        raise StoreError(str(source), "not in the store (see `vankien stats`)")
    return entry.graph


STATS = """PREFIX vk: <https://w3id.org/vankien/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?figure ?value WHERE {
  { SELECT (CONCAT("documents: ", ?k) AS ?figure) (COUNT(DISTINCT ?d) AS ?value) WHERE {
      ?d prov:wasDerivedFrom ?s . OPTIONAL { ?d vk:kindName ?kn }
      BIND(COALESCE(?kn, "(kind unknown)") AS ?k)
    } GROUP BY ?k }
  UNION { SELECT ("cited, not ingested" AS ?figure) (COUNT(DISTINCT ?t) AS ?value) WHERE {
      ?c vk:cites ?t . FILTER NOT EXISTS { ?t prov:wasDerivedFrom ?x } } }
  UNION { SELECT ("organizations" AS ?figure) (COUNT(DISTINCT ?o) AS ?value) WHERE {
      ?o a org:Organization } }
  UNION { SELECT ("citations" AS ?figure) (COUNT(*) AS ?value) WHERE {
      SELECT DISTINCT ?c ?t WHERE { ?c vk:cites ?t } } }
  UNION { SELECT ("unresolved citations" AS ?figure) (COUNT(*) AS ?value) WHERE {
      SELECT DISTINCT ?c ?t WHERE { ?c vk:cites ?t . ?t vk:unresolved true } } }
  UNION { SELECT ("duties" AS ?figure) (COUNT(*) AS ?value) WHERE {
      { ?r a vk:Responsibility } UNION { ?r a vk:Recurrence } } }
  UNION { SELECT ("deadlines" AS ?figure) (COUNT(DISTINCT ?r) AS ?value) WHERE {
      ?r vk:dueDate ?due } }
  UNION { SELECT ("sources" AS ?figure) (COUNT(*) AS ?value) WHERE {
      GRAPH <%s> { ?s vk:path ?path } } }  # the registry: a path per ingested file
}
ORDER BY ?figure"""


def stats(store: Backend) -> Table:
    """Documents by kind, cited-only documents, organizations, citations, duties, deadlines.

    Each figure is one index scan or join; none reads every triple of the store.
    """
    return store.select(STATS % store.registry)

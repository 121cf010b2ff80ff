"""From the store to a networkx graph: the SPARQL half of ``vankien view``.

Every view is a :class:`networkx.MultiDiGraph` whose nodes are IRIs carrying the attributes
read from the store (``category``, ``kind``, ``symbol``, ``label``, ``date`` …) and whose
edges carry a ``rel`` name from :data:`RELATIONS`. Nothing here knows about HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx
from vankien.loaders.errors import QueryError

from .ntriples import fold

Row = dict[str, str]
Select = Callable[[str], list[Row]]

PREFIXES = """PREFIX vk: <https://w3id.org/vankien/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""

# Relation shown on an edge → graph pattern linking ?s to ?o (typed citations before "cites").
RELATIONS: dict[str, str] = {
    "continues": "?s vk:continues ?o",
    "forwards": "?s vk:forwards ?o",
    "implements": "?s vk:implements ?o",
    "replaces": "?s vk:replaces ?o",
    "amends": "?s vk:amends ?o",
    "cites": "?s vk:cites ?o",
    "issued by": "?s vk:issuedBy ?o",
    "signed by": "?s vk:signature/vk:signer ?o",
    "received by": "?s vk:receipt/vk:receivedBy ?o",
    "assigns": "?s vk:responsibility ?o",
    "leads": "?o vk:actor ?s ; vk:role vk:lead",
    "coordinates": "{ ?o vk:actor ?s ; vk:role vk:coordinate } UNION { ?o vk:partner ?s }",
    "advises": "?o vk:actor ?s ; vk:role vk:advise",
    "executes": "?o vk:actor ?s ; vk:role vk:execute",
    "recurs": "?s vk:recurrence ?o",
    "due by": "?s vk:hasDeadline ?o",
}
TYPED_CITATIONS = ("continues", "forwards", "implements", "replaces", "amends")
LINEAGE = TYPED_CITATIONS
ROLES = ("leads", "coordinates", "advises", "executes")
DOCUMENT_LEVEL = (*TYPED_CITATIONS, "cites", "issued by")
BATCH = 1500
FOUND_TYPES = "VALUES ?t { vk:Document vk:StateDocument org:Organization foaf:Person }"

NODE_QUERY = """SELECT ?n (SAMPLE(?c) AS ?category) (SAMPLE(?k) AS ?kind) (SAMPLE(?kn) AS ?kindName)
  (SAMPLE(?sy) AS ?symbol) (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?date) (SAMPLE(?su) AS ?subject)
  (SAMPLE(?ti) AS ?title) (SAMPLE(?ta) AS ?task) (SAMPLE(?fr) AS ?frequency)
  (SAMPLE(?x) AS ?evidence) (SAMPLE(?src) AS ?source) (SAMPLE(?ro) AS ?role)
  (SAMPLE(?pl) AS ?place) (SAMPLE(?up) AS ?partOf) (SAMPLE(?rt) AS ?reportsTo)
WHERE { VALUES ?n { %s }
  OPTIONAL { ?n a ?cls . VALUES (?cls ?c) { (vk:Document "document") (vk:StateDocument "state")
    (org:Organization "organization") (foaf:Person "person") (vk:Responsibility "responsibility")
    (vk:Recurrence "duty") (vk:Deadline "duty") } }
  OPTIONAL { ?n vk:kind ?kc . OPTIONAL { ?kc skos:notation ?k }
             OPTIONAL { ?kc skos:prefLabel ?kl } }
  OPTIONAL { ?n vk:kindName ?kn0 }
  BIND(COALESCE(?kn0, ?kl) AS ?kn)
  OPTIONAL { ?n vk:symbol ?sy } OPTIONAL { ?n skos:prefLabel|rdfs:label ?l }
  OPTIONAL { ?n vk:dateIssued|vk:dueDate|vk:deadline ?d } OPTIONAL { ?n vk:place ?pl }
  OPTIONAL { ?n org:subOrganizationOf/skos:prefLabel ?up } OPTIONAL { ?n vk:reportsTo ?rt }
  OPTIONAL { ?n vk:subject ?su }
  OPTIONAL { ?n vk:title ?ti } OPTIONAL { ?n vk:task ?ta } OPTIONAL { ?n vk:frequency ?fr }
  OPTIONAL { ?n vk:role ?ro } OPTIONAL { ?n vk:evidence/oa:exact ?nx }
  OPTIONAL { FILTER(!BOUND(?nx)) ?m vk:mentionOf|vk:signer|vk:receivedBy ?n ;
             vk:evidence/oa:exact ?mx }
  BIND(COALESCE(?nx, ?mx) AS ?x)
  OPTIONAL { ?n prov:wasDerivedFrom ?sv . OPTIONAL { ?sv vk:path ?sp }
             BIND(COALESCE(?sp, STR(?sv)) AS ?src) }
} GROUP BY ?n"""

CITATION_QUERY = """SELECT ?s ?o (SAMPLE(?x) AS ?evidence)
WHERE { VALUES ?s { %s } ?s vk:mention ?m . ?m vk:mentionOf ?o ; vk:evidence/oa:exact ?x }
GROUP BY ?s ?o"""

WEIGHT_QUERY = """SELECT ?n (COUNT(DISTINCT ?d) AS ?weight)
WHERE { VALUES ?n { %s } ?d vk:cites|vk:issuedBy ?n } GROUP BY ?n"""


def as_select(store: Any) -> Select:
    """A function running a SELECT over ``store``.

    ``store`` is a vankien store (:mod:`vankien.graph.store`), a pyoxigraph Store (queried
    over the union of its graphs), an rdflib graph (a Dataset needs ``default_union=True``),
    or a function from SPARQL to rows of plain strings.
    """
    if hasattr(store, "select"):
        return lambda q: _table_rows(store.select(q))
    if callable(store) and not hasattr(store, "query"):
        return store
    import pyoxigraph

    if isinstance(store, pyoxigraph.Store):
        return lambda q: _oxigraph_rows(store.query(q, use_default_graph_as_union=True))
    if hasattr(store, "query"):
        return lambda q: _rdflib_rows(store.query(q))
    raise TypeError(f"cannot run SPARQL over {type(store).__name__}")


def _table_rows(table: Any) -> list[Row]:
    names = table.variables
    return [{n: t.value for n, t in zip(names, row, strict=True) if t is not None}
            for row in table.rows]


def _oxigraph_rows(solutions: Any) -> list[Row]:
    names = [v.value for v in solutions.variables]
    return [{n: t.value for n, t in zip(names, s, strict=True) if t is not None}
            for s in solutions]


def _rdflib_rows(result: Any) -> list[Row]:
    return [{k: str(v) for k, v in row.asdict().items()} for row in result]


def run(select: Select, body: str) -> list[Row]:
    """Run one query body with the view's prefixes, as a :class:`QueryError` on failure."""
    try:
        return select(PREFIXES + body)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(None, f"view query failed: {exc}") from exc


def literal(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r") + '"'


def _iris(nodes: Iterable[str]) -> str:
    return " ".join(f"<{n}>" for n in nodes)


def _batches(nodes: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(nodes))
    for i in range(0, len(items), BATCH):
        yield items[i : i + BATCH]


def edges(select: Select, rels: Iterable[str], bound: str = "", nodes: Iterable[str] = (),
          limit: int | None = None) -> list:
    """``(s, rel, o)`` for the relations ``rels``; ``bound`` ("s" or "o") must be in ``nodes``.

    ``limit`` caps the rows of each query (a hub may have thousands of links).
    """
    union = " UNION ".join(f'{{ {RELATIONS[r]} BIND("{r}" AS ?rel) }}' for r in rels)
    query = "SELECT DISTINCT ?s ?rel ?o WHERE { %s { %s } FILTER(isIRI(?o) && isIRI(?s)) }"
    query += f" LIMIT {limit}" if limit else ""
    if not bound:
        rows = run(select, query % ("", union))
    else:
        rows = []
        for batch in _batches(nodes):
            rows += run(select, query % (f"VALUES ?{bound} {{ {_iris(batch)} }}", union))
    return _drop_plain_duplicates((r["s"], r["rel"], r["o"]) for r in rows)


def _drop_plain_duplicates(triples: Iterable[tuple[str, str, str]]) -> list:
    """Every typed citation is also a ``vk:cites``: keep only the typed edge."""
    triples = list(triples)
    typed = {(s, o) for s, rel, o in triples if rel in TYPED_CITATIONS}
    return [(s, r, o) for s, r, o in triples if r != "cites" or (s, o) not in typed]


def find_symbol(select: Select, symbol: str) -> list[str]:
    """Documents whose symbol is ``symbol``, ignoring case and spaces (``35 - nq/tw``)."""
    compact = "".join(symbol.split())
    exact = " ".join(literal(s) for s in {compact, compact.upper()})
    query = f"SELECT DISTINCT ?n WHERE {{ VALUES ?s {{ {exact} }} ?n vk:symbol ?s }}"
    scan = ("SELECT DISTINCT ?n WHERE { ?n vk:symbol ?s . "
            f"FILTER(LCASE(STR(?s)) = {literal(compact.lower())}) }}")
    return sorted(r["n"] for r in run(select, query)) or sorted(r["n"] for r in run(select, scan))


def find_focus(select: Select, focus: str, limit: int = 50) -> list[str]:
    """Nodes matching ``focus``: a document symbol, a body's or person's name, or subject words.

    Words are matched on the accent-free search keys ingest adds (``vk:searchKey``), else on
    the subject, title and names as written.
    """
    name = literal(" ".join(focus.split()).lower())
    by_name = ("SELECT DISTINCT ?n WHERE { ?n skos:prefLabel|rdfs:label ?l ; a ?t . "
               "VALUES ?t { org:Organization foaf:Person } "
               f"FILTER(LCASE(STR(?l)) = {name}) }}")
    words = " && ".join(f"CONTAINS(?k, {literal(' ' + w)})" for w in fold(focus).split())
    by_words = (f"SELECT DISTINCT ?n WHERE {{ ?n vk:searchKey ?k ; a ?t . {FOUND_TYPES} "
                f"FILTER({words or 'false'}) }} ORDER BY ?n LIMIT {limit}")
    plain = " && ".join(f"CONTAINS(LCASE(STR(?x)), {literal(w.lower())})" for w in focus.split())
    by_text = ("SELECT DISTINCT ?n WHERE { ?n vk:subject|vk:title|skos:prefLabel|rdfs:label ?x ; "
               f"a ?t . {FOUND_TYPES} FILTER({plain or 'false'}) }} ORDER BY ?n LIMIT {limit}")
    found = find_symbol(select, focus)
    for query in (by_name, by_words, by_text):
        if found:
            break
        found = sorted(r["n"] for r in run(select, query))
    if not found:
        raise QueryError(None, f"nothing in the store matches {focus!r}: give a document symbol "
                         "(35-NQ/TW), the name of a body or person, or words of a subject")
    return found[:limit]


def kind_codes(select: Select) -> set[str]:
    """The notations of the document kinds the store knows (NQ, KL, CV …)."""
    query = "SELECT DISTINCT ?k WHERE { ?c skos:notation ?k . ?d vk:kind ?c }"
    return {r["k"] for r in run(select, query)}


def describe(select: Select, graph: nx.MultiDiGraph) -> None:
    """Add the store's attributes and citation counts to the nodes of ``graph``, and the
    words of each citation to its edges."""
    for batch in _batches(graph.nodes):
        for row in run(select, NODE_QUERY % _iris(batch)):
            graph.nodes[row.pop("n")].update(row)
        for row in run(select, WEIGHT_QUERY % _iris(batch)):
            graph.nodes[row["n"]]["weight"] = int(row["weight"])
        for row in run(select, CITATION_QUERY % _iris(batch)):
            for attrs in graph.get_edge_data(row["s"], row["o"], default={}).values():
                attrs["evidence"] = row["evidence"]


def add_edges(graph: nx.MultiDiGraph, triples: Iterable[tuple[str, str, str]]) -> None:
    """Add each ``(s, rel, o)`` once; a document citing itself is a misreading, left out."""
    for s, rel, o in triples:
        if s != o and not graph.has_edge(s, o, key=rel):
            graph.add_edge(s, o, key=rel, rel=rel)

"""Search documents and bodies by symbol, subject or name, ignoring accents and case.

Ingest gives every document, body and person a folded ``vk:searchKey`` (`` nghi quyet 35 nq
tw …``); a search counts how many of the query's words start a word of that key and ranks
by that count, then by the shorter (more specific) key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vankien.loaders.errors import QueryError

from .ingest import search_key

if TYPE_CHECKING:
    from .store import Backend, Table

QUERY = """PREFIX vk: <https://w3id.org/vankien/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?item (SAMPLE(?k) AS ?kind) (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?subject)
  (COUNT(DISTINCT ?w) AS ?hits) (MIN(STRLEN(?key)) AS ?length)
WHERE {
  VALUES ?w { %s }
  ?item vk:searchKey ?key .
  FILTER(CONTAINS(?key, ?w))
  VALUES (?class ?k0) { (vk:Document "document") (vk:StateDocument "state document")
                        (org:Organization "organization") (foaf:Person "person") }
  ?item a ?class .
  OPTIONAL { ?item vk:kindName ?kn }
  BIND(COALESCE(?kn, ?k0) AS ?k)
  OPTIONAL { ?item vk:symbol|skos:prefLabel|rdfs:label ?l }
  OPTIONAL { ?item vk:subject|vk:title ?t }
}
GROUP BY ?item
ORDER BY DESC(?hits) ?length ?label
LIMIT %d"""


def search(store: Backend, words: str, *, limit: int = 20) -> Table:
    """Documents, bodies and persons matching ``words``, best first."""
    import pyoxigraph as ox

    from .store import Table

    keys = sorted(set(search_key(words).split()))
    if not keys:
        raise QueryError(None, "search needs at least one word or number")
    values = " ".join(str(ox.Literal(f" {k}")) for k in keys)
    table = store.select(QUERY % (values, limit))
    keep = [i for i, v in enumerate(table.variables) if v != "length"]
    return Table([table.variables[i] for i in keep],
                 [tuple(row[i] for i in keep) for row in table.rows])

"""Search documents and bodies by symbol, subject or name, ignoring accents and case.

Ingest gives every document, body and person its folded words (``vk:searchWord "nghi"``,
``"quyet"``, ``"35"`` …) and all of them in one ``vk:searchKey``. A search finds the nodes
holding every word of the query (index lookups), when none holds them all the nodes
holding most of them; among equals, the documents cited most first ('nghi quyet 35' puts
the central 35-NQ/TW before twenty provinces' 35-NQ/TU), then the more specific (shorter key).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vankien.loaders.errors import QueryError

from .ntriples import search_key

if TYPE_CHECKING:
    from .store import Backend, Table

QUERY = """PREFIX vk: <https://w3id.org/vankien/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?item (SAMPLE(?k) AS ?kind) (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?subject) ?hits ?cited
  ?length
WHERE {
  {
    SELECT ?item ?hits ?length (COUNT(?citing) AS ?cited) WHERE {
      {
        SELECT ?item (%s AS ?hits) (MIN(STRLEN(?key)) AS ?length)
        WHERE { %s ?item vk:searchKey ?key . }
        GROUP BY ?item
      }
      OPTIONAL { ?citing vk:cites ?item }
    }
    GROUP BY ?item ?hits ?length
    ORDER BY DESC(?hits) DESC(?cited) ?length
    LIMIT %d
  }
  OPTIONAL {
    VALUES (?class ?k0) { (vk:Document "document") (vk:StateDocument "state document")
                          (org:Organization "organization") (foaf:Person "person") }
    ?item a ?class .
  }
  OPTIONAL { ?item vk:kindName ?kn }
  BIND(COALESCE(?kn, ?k0) AS ?k)
  OPTIONAL { ?item vk:symbol|skos:prefLabel|rdfs:label ?l }
  OPTIONAL { ?item vk:subject|vk:title ?t }
}
GROUP BY ?item ?hits ?cited ?length
ORDER BY DESC(?hits) DESC(?cited) ?length ?label"""


def search(store: Backend, words: str, *, limit: int = 20) -> Table:
    """Documents, bodies and persons matching ``words``, best first."""
    import pyoxigraph as ox

    keys = sorted(set(search_key(words).split()), key=lambda w: (not w.isdigit(), -len(w)))
    if not keys:
        raise QueryError(None, "search needs at least one word or number")
    terms = [str(ox.Literal(k)) for k in keys]
    every = " ".join(f"?item vk:searchWord {t} ." for t in terms)
    table = store.select(QUERY % (len(keys), every, limit))
    if not table.rows and len(keys) > 1:
        some = f"VALUES ?w {{ {' '.join(terms)} }} ?item vk:searchWord ?w ."
        table = store.select(QUERY % ("COUNT(DISTINCT ?w)", some, limit))
    return _without_length(table)


def _without_length(table: Table) -> Table:
    from .store import Table

    keep = [i for i, v in enumerate(table.variables) if v != "length"]
    return Table([table.variables[i] for i in keep],
                 [tuple(row[i] for i in keep) for row in table.rows])

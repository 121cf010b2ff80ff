"""A store behind any SPARQL 1.1 server: Protocol for queries and updates, Graph Store
Protocol for reading one source's graph. Plain ``urllib``, no client library.

``URL`` is the server's base: ``{URL}/query``, ``{URL}/update`` and ``{URL}/store`` (the
``oxigraph serve`` layout); a URL ending in ``/query`` or ``/sparql`` is taken as the query
service of that base.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vankien.loaders.errors import StoreError

from .store import MARKS, Backend, Bindings, Table, with_values

if TYPE_CHECKING:
    import pyoxigraph as ox

TIMEOUT = 300


class Endpoint(Backend):
    """A remote SPARQL 1.1 server."""

    def __init__(self, url: str, base: str) -> None:
        root = re.sub(r"/(query|sparql)/?$", "", url.rstrip("/"))
        self.url, self.base = root, base

    def select(self, query: str, bindings: Bindings | None = None) -> Table:
        from pyoxigraph import QueryResultsFormat, QuerySolutions, parse_query_results

        body = urllib.parse.urlencode({"query": with_values(query, bindings or {})})
        data = self._send("query", body.encode(),
                          "application/x-www-form-urlencoded", "application/sparql-results+json")
        result = parse_query_results(data, format=QueryResultsFormat.JSON)
        if not isinstance(result, QuerySolutions):
            raise StoreError(self.url, "only SELECT queries give a table")
        names = [v.value for v in result.variables]
        return Table(names, [tuple(sol[n] for n in names) for sol in result])

    def update(self, sparql: str) -> None:
        self._send("update", sparql.encode(), "application/sparql-update")

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """One graph through the Graph Store Protocol, else every named graph by a query;
        then their own nodes' triples by a query."""
        from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

        if graph:
            query = urllib.parse.urlencode({"graph": graph})
            data = self._send(f"store?{query}", b"", "text/plain", "application/n-triples", "GET")
            yield from (Quad(t.subject, t.predicate, t.object, NamedNode(graph))
                        for t in parse(data, format=RdfFormat.N_TRIPLES))
        else:
            yield from (Quad(*row) for row in self.select(
                "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows)
        values = f"VALUES ?g {{ <{graph}> }}" if graph else ""
        yield from (Quad(*row) for row in self.select(
            f"SELECT ?s ?p ?o ?g WHERE {{ {{ SELECT DISTINCT ?s ?g WHERE {{ {values} GRAPH ?g "
            f"{{ ?s a ?type }} FILTER(STRSTARTS(STR(?s), {Literal(self.own_prefix)})) }} }} "
            f"?s ?p ?o FILTER(?p NOT IN ({', '.join(f'<{m}>' for m in MARKS)})) }}").rows)

    def _send(self, path: str, body: bytes, ctype: str, accept: str = "*/*",
              method: str = "POST") -> bytes:
        request = urllib.request.Request(
            f"{self.url}/{path}", data=body if method != "GET" else None, method=method,
            headers={"Content-Type": ctype, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode(errors="replace").strip().splitlines()[:1]
            raise StoreError(self.url, f"HTTP {exc.code}: {' '.join(detail)}") from exc
        except OSError as exc:
            raise StoreError(self.url, f"cannot reach the SPARQL server: {exc}") from exc

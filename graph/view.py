"""Interactive HTML views of the graph: networkx (from SPARQL) → pyvis → one offline page.

>>> view = render_view(store, "35-NQ/TW", depth=1)  # doctest: +SKIP
>>> view.node_count, view.write("v.html")  # doctest: +SKIP

Three views: the neighbourhood of a focus (a symbol, a body, subject words) to ``depth``;
the ``lineage`` of a resolution in date order; the ``overview`` of the whole archive, cut to
the ``max_nodes`` most connected documents and bodies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from vankien.loaders.errors import QueryError

from . import view_data as data
from .view_html import CATEGORIES, page

MAX_NODES = 500
Built = tuple[nx.MultiDiGraph, str, tuple[str, ...]]  # a view's graph, title and notes


@dataclass(frozen=True)
class View:
    """A rendered page and what it holds."""

    html: str = field(repr=False)
    title: str
    node_count: int
    edge_count: int
    notes: tuple[str, ...] = ()
    graph: nx.MultiDiGraph = field(repr=False, default_factory=nx.MultiDiGraph)

    def write(self, path: str | Path) -> Path:
        """Write the page to ``path`` (UTF-8) and return the path."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path


def render_view(
    store: Any,
    focus: str | None = None,
    *,
    depth: int = 1,
    only: str | list[str] | None = None,
    lineage: str | None = None,
    overview: bool = False,
    max_nodes: int = MAX_NODES,
) -> View:
    """Render a view of ``store`` (a vankien Store, a pyoxigraph Store, rdflib graph or callable).

    With no ``focus`` and no ``lineage`` the view is the overview. ``only`` keeps the listed
    categories (document, state, organization, person, responsibility, duty) or document kinds
    (NQ, KL …).
    """
    select = data.as_select(store)
    if depth < 0 or max_nodes < 1:
        raise QueryError(None, "depth must be 0 or more and max_nodes 1 or more")
    if lineage:
        graph, title, notes = lineage_graph(select, lineage, max_nodes)
    elif focus and not overview:
        graph, title, notes = neighbourhood(select, focus, depth, max_nodes)
    else:
        graph, title, notes = overview_graph(select, max_nodes)
    if only:
        graph = keep_only(graph, only, data.kind_codes(select))
    html = page(graph, title=title, notes=notes, layout="lineage" if lineage else "force")
    return View(html, title, graph.number_of_nodes(), graph.number_of_edges(), notes, graph)


def neighbourhood(select: data.Select, focus: str, depth: int, max_nodes: int) -> Built:
    """The nodes within ``depth`` hops of the focus, each document with its issuer and signer."""
    roots = data.find_focus(select, focus)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(roots, root=True)
    frontier, capped = set(roots), False
    for _ in range(depth):
        found = data.edges(select, data.RELATIONS, "s", frontier, limit=4 * max_nodes)
        found += data.edges(select, data.RELATIONS, "o", frontier, limit=4 * max_nodes)
        before = set(graph)
        capped |= _add_capped(graph, found, max_nodes) or len(found) >= 4 * max_nodes
        frontier = set(graph) - before
        if not frontier:
            break
    _add_context(select, graph, max_nodes)
    data.describe(select, graph)
    notes = [f"Neighbourhood of {focus!r} to depth {depth}."]
    if capped:
        notes.append(f"Capped at {max_nodes} nodes: more neighbours exist in the store.")
    return graph, focus, tuple(notes)


def _add_context(select: data.Select, graph: nx.MultiDiGraph, max_nodes: int) -> None:
    """Links among the nodes found; documents come with who issued and signed them,
    responsibilities with their actors."""
    nodes = list(graph)
    data.add_edges(graph, [e for e in data.edges(select, data.RELATIONS, "s", nodes)
                           if e[2] in graph])
    _add_capped(graph, data.edges(select, ("issued by", "signed by"), "s", nodes), max_nodes)
    _add_capped(graph, data.edges(select, data.ROLES, "o", nodes), max_nodes)


def _add_capped(graph: nx.MultiDiGraph, triples: list, max_nodes: int) -> bool:
    """Add edges whose new ends still fit under ``max_nodes``; True when some did not."""
    capped = False
    for s, rel, o in triples:
        new = {n for n in (s, o) if n not in graph}
        if graph.number_of_nodes() + len(new) > max_nodes:
            capped = True
            continue
        data.add_edges(graph, [(s, rel, o)])
    return capped


def lineage_graph(select: data.Select, symbol: str, max_nodes: int) -> Built:
    """The family of a resolution: documents linked by continues, implements, forwards …"""
    roots = data.find_symbol(select, symbol)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(roots, root=True)
    frontier = set(roots)
    while frontier and graph.number_of_nodes() < max_nodes:
        before = set(graph)
        found = data.edges(select, data.LINEAGE, "s", frontier)
        found += data.edges(select, data.LINEAGE, "o", frontier)
        _add_capped(graph, found, max_nodes)
        frontier = set(graph) - before
    data.describe(select, graph)
    graph.remove_nodes_from([n for n, c in graph.nodes(data="category") if c != "document"])
    if graph.number_of_nodes() == 0:
        raise QueryError(None, f"no document in the store has the symbol {symbol!r}")
    place_in_time(graph)
    notes = (f"Lineage of {symbol}: documents left to right by date, rows by kind.",)
    return graph, f"Lineage of {symbol}", notes


def place_in_time(graph: nx.MultiDiGraph) -> None:
    """Give each document a ``column`` in date order; an undated one goes after what it cites."""
    def when(node: str) -> tuple[str, int]:
        date = graph.nodes[node].get("date")
        if date:
            return date[:10], 0
        cited = [graph.nodes[o].get("date") or "" for o in graph.successors(node)]
        return max(cited, default="")[:10], 1

    for column, node in enumerate(sorted(graph, key=lambda n: (*when(n), n))):
        graph.nodes[node]["column"] = column


def overview_graph(select: data.Select, max_nodes: int) -> Built:
    """The ``max_nodes`` documents and bodies of highest degree centrality; the rest folded."""
    triples = data.edges(select, data.DOCUMENT_LEVEL)
    simple = nx.Graph((s, o) for s, _, o in triples if s != o)
    totals = _totals(select)
    centrality = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {}
    kept = sorted(simple, key=lambda n: (-centrality.get(n, 0), n))[:max_nodes]
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(kept)
    data.add_edges(graph, [(s, r, o) for s, r, o in triples if s in graph and o in graph])
    for node in kept:
        graph.nodes[node]["folded"] = sum(1 for m in simple[node] if m not in graph)
    data.describe(select, graph)
    shown = {c: sum(1 for _, k in graph.nodes(data="category") if k == c) for c in totals}
    notes = [f"Overview of {totals['document']:,} documents and {totals['organization']:,} bodies."]
    if len(kept) < simple.number_of_nodes():
        notes.append(f"Showing the {shown['document']:,} documents and {shown['organization']:,} "
                     f"bodies with the most links (degree centrality), capped at {max_nodes:,} "
                     f"nodes; {simple.number_of_nodes() - len(kept):,} others are folded "
                     "(each node's tooltip counts its hidden neighbours).")
    return graph, "Overview of the archive", tuple(notes)


def _totals(select: data.Select) -> dict[str, int]:
    query = """SELECT (COUNT(DISTINCT ?d) AS ?document) (COUNT(DISTINCT ?o) AS ?organization)
    WHERE { { ?d a vk:Document } UNION { ?o a org:Organization } }"""
    row = data.run(select, query)[0]
    return {k: int(row.get(k, 0)) for k in ("document", "organization")}


def keep_only(graph: nx.MultiDiGraph, only: str | list[str],
              kinds: set[str]) -> nx.MultiDiGraph:
    """The roots and the nodes of the listed categories or document ``kinds``."""
    wanted = {w.strip() for w in (only.split(",") if isinstance(only, str) else only) if w.strip()}
    kinds = {k.upper() for k in kinds} | {k.upper() for _, k in graph.nodes(data="kind") if k}
    unknown = sorted(w for w in wanted if w not in CATEGORIES and w.upper() not in kinds)
    if unknown:
        raise QueryError(None, f"unknown kind {', '.join(unknown)}: choose from "
                         f"{', '.join(CATEGORIES)} or a document kind of the store "
                         f"({', '.join(sorted(kinds))})")
    upper = {w.upper() for w in wanted}

    def keep(node: str, attrs: dict) -> bool:
        return (attrs.get("root") or attrs.get("category") in wanted
                or (attrs.get("kind") or "").upper() in upper)

    kept = graph.subgraph([n for n, a in graph.nodes(data=True) if keep(n, a)]).copy()
    roots = [n for n, r in kept.nodes(data="root") if r]
    if roots:  # drop what the filter cut off from the focus
        linked = set().union(*(nx.node_connected_component(kept.to_undirected(), r) for r in roots))
        kept.remove_nodes_from(set(kept) - linked)
    return kept

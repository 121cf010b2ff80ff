"""From a view's networkx graph to one self-contained HTML page, through pyvis.

The page carries vis-network's JavaScript and its own CSS inline (no network needed). Text read from
documents reaches the page only as JSON inside a script (``tojson`` escapes ``<``, ``>``, ``&``
and ``'``), as autoescaped HTML, or through vis-network, which draws labels on a canvas and sets
tooltips with ``innerText``: a subject holding markup shows as text and never runs.
"""

from __future__ import annotations

import math
import secrets
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

TEMPLATES = Path(__file__).parent / "templates"
VIS = "lib/vis-9.1.2"

# Category → (vis shape, colour, legend symbol).
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "document": ("dot", "#546e7a", "●"),
    "organization": ("square", "#2e7d32", "■"),
    "person": ("triangle", "#ad1457", "▲"),
    "responsibility": ("diamond", "#f9a825", "◆"),
    "duty": ("triangleDown", "#8d6e63", "▼"),
    "state": ("dot", "#90a4ae", "●"),  # a law, decree or decision of the State, cited
}
KIND_COLOURS = {
    "NQ": "#c62828", "KL": "#ef6c00", "CT": "#6a1b9a", "QĐ": "#4e342e", "CV": "#1565c0",
    "KH": "#00838f", "BC": "#558b2f", "TB": "#ad8b00", "HD": "#3949ab", "QC": "#00695c",
}
EDGE_COLOURS = {
    "continues": "#b71c1c", "forwards": "#0d47a1", "implements": "#e65100", "replaces": "#4a148c",
    "amends": "#4a148c", "cites": "#9e9e9e", "issued by": "#2e7d32", "signed by": "#ad1457",
    "received by": "#6d4c41", "assigns": "#f9a825", "leads": "#f57f17", "coordinates": "#fbc02d",
    "advises": "#fbc02d", "executes": "#fbc02d", "recurs": "#8d6e63", "due by": "#8d6e63",
}
EDGE_LABEL_LIMIT = 400  # above this many edges, relation names show on hover only
LABEL_CHARS = 32


def page(graph: nx.MultiDiGraph, *, title: str, notes: tuple[str, ...], layout: str) -> str:
    """The HTML page of ``graph``: ``layout`` is "force" (physics that stops) or "lineage"."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%")
    lanes = sorted({_kind(a) for _, a in graph.nodes(data=True)})
    for node, attrs in graph.nodes(data=True):
        net.add_node(node, **{**node_style(node, attrs), **_position(attrs, lanes, layout)})
    labelled = graph.number_of_edges() <= EDGE_LABEL_LIMIT
    for s, o, attrs in graph.edges(data=True):  # Network.add_edge scans every node per edge
        net.edges.append(Edge(s, o, directed=True, **edge_style(attrs, labelled)).options)
    net.options = options(graph.number_of_nodes(), layout)
    nodes, edges, _, _, _, opts = net.get_network_data()
    notes = notes if labelled else (*notes, "Hover an edge to see its relation.")
    return _template().render(
        title=title, notes=notes, nodes=nodes, edges=edges, options=opts, legend=legend(graph),
        js=_asset("vis-network.min.js"),
        nonce=secrets.token_urlsafe(16),
    )


def look(attrs: dict[str, Any]) -> tuple[str, str, str]:
    """A node's category, vis shape and colour (documents coloured by kind)."""
    category = attrs.get("category") or "document"
    shape, colour, _ = CATEGORIES.get(category, CATEGORIES["document"])
    if category == "document":
        colour = KIND_COLOURS.get(attrs.get("kind") or "", colour)
    return category, shape, colour


def node_style(node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The vis attributes of one node: label, tooltip, shape, colour, size."""
    category, shape, colour = look(attrs)
    style: dict[str, Any] = {
        "label": short(label(node, attrs)), "title": tooltip(node, attrs), "shape": shape,
        "color": colour, "size": 12 + min(40, 5 * math.sqrt(attrs.get("weight", 0))),
        "category": category, "kind": attrs.get("kind") or "",
    }
    if category == "document" and not attrs.get("source"):
        style["shapeProperties"] = {"borderDashes": [4, 4]}
        style["color"] = {"background": "#ffffff", "border": colour}
        style["borderWidth"] = 2
    if attrs.get("root"):
        style["borderWidth"] = 4
    return style


def label(node: str, attrs: dict[str, Any]) -> str:
    """What a node is called on the canvas: a symbol, a short name, a role and task."""
    category = attrs.get("category")
    if category == "responsibility":
        role = (attrs.get("role") or "").rsplit("#", 1)[-1]
        return f"{role}: {attrs.get('task') or ''}".strip(": ")
    if category == "duty":
        return attrs.get("frequency") or attrs.get("date") or "deadline"
    if attrs.get("symbol"):
        return attrs["symbol"]
    if category == "document":
        return f"{attrs.get('kind') or 'document'} (no number)"
    return attrs.get("label") or node.rstrip("/").rsplit("/", 1)[-1]


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tooltip(node: str, attrs: dict[str, Any]) -> str:
    """Plain-text metadata of a node and the words of the source it came from."""
    head = " ".join(filter(None, (attrs.get("kindName"), attrs.get("symbol"))))
    lines = [head or label(node, attrs)]
    for key, name in (("date", "Date"), ("place", "Place"), ("partOf", "Part of"),
                      ("subject", "Subject"), ("title", "Title"), ("task", "Task"),
                      ("frequency", "Frequency"), ("reportsTo", "Reports to")):
        if attrs.get(key):
            lines.append(f"{name}: {attrs[key]}")
    if attrs.get("category", "document") == "document":
        lines.append(f"Source: {attrs['source']}" if attrs.get("source")
                     else "Cited, not in the archive")
    if attrs.get("weight"):
        role = "Issuer of" if attrs.get("category") == "organization" else "Cited by"
        lines.append(f"{role} {attrs['weight']} documents")
    if attrs.get("folded"):
        lines.append(f"{attrs['folded']} linked nodes folded out of this view")
    if attrs.get("evidence"):
        lines.append(f"“{short(attrs['evidence'], 400)}”")
    lines.append(node)
    return "\n".join(lines)


def edge_style(attrs: dict[str, Any], labelled: bool) -> dict[str, Any]:
    """The vis attributes of one edge; its tooltip quotes the citation's words."""
    rel = attrs["rel"]
    title = f"{rel}\n“{short(attrs['evidence'], 400)}”" if attrs.get("evidence") else rel
    style: dict[str, Any] = {"title": title, "color": EDGE_COLOURS.get(rel, "#9e9e9e"), "rel": rel}
    if labelled:
        style["label"] = rel
    return style


def options(count: int, layout: str) -> dict[str, Any]:
    """vis-network options: physics that settles then stops, or fixed lineage columns."""
    small = count <= 300
    opts: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 150},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle"},
                  "smooth": {"type": "continuous"} if small else False},
        "nodes": {"font": {"size": 14}},
        "layout": {"improvedLayout": count <= 100, "randomSeed": 7},
    }
    if layout == "lineage":
        opts["physics"] = {"enabled": False}
        opts["edges"]["smooth"] = {"type": "curvedCW", "roundness": 0.2}
        return opts
    opts["physics"] = {
        "enabled": True,
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000, "springLength": 150, "avoidOverlap": 0.1},
        "stabilization": {"enabled": True, "iterations": max(60, min(600, 60000 // max(count, 1))),
                          "updateInterval": 25, "fit": True},
    }
    return opts


def _kind(attrs: dict[str, Any]) -> str:
    return attrs.get("kind") or attrs.get("category") or ""


def _position(attrs: dict[str, Any], lanes: list[str], layout: str) -> dict[str, Any]:
    """Lineage: x from the date column, y from the kind's row."""
    if layout != "lineage":
        return {}
    dated = f"{short(label('', attrs))}\n{attrs.get('date') or '(undated)'}"
    return {"x": 240 * attrs.get("column", 0), "y": 160 * lanes.index(_kind(attrs)),
            "physics": False, "label": dated}


def legend(graph: nx.MultiDiGraph) -> list[dict[str, str]]:
    """One entry per document kind and category present, plus dashed = cited only."""
    entries: dict[str, dict[str, str]] = {}
    for _, attrs in graph.nodes(data=True):
        category, _, colour = look(attrs)
        name = _legend_name(category, attrs)
        entries.setdefault(name, {"name": name, "colour": colour,
                                  "symbol": CATEGORIES[category][2]})
    items = sorted(entries.values(), key=lambda e: e["name"])
    if any(not a.get("source") and a.get("category", "document") == "document"
           for _, a in graph.nodes(data=True)):
        items.append({"name": "cited, not in the archive", "colour": "#999999", "symbol": "◌"})
    return items


def _legend_name(category: str, attrs: dict[str, Any]) -> str:
    if category == "document" and attrs.get("kind"):
        return f"{attrs.get('kindName') or 'document'} ({attrs['kind']})"
    return "state document" if category == "state" else category


@cache
def _asset(name: str) -> str:
    """vis-network's script shipped inside pyvis, to inline in the page."""
    import pyvis

    text = (Path(pyvis.__file__).parent / VIS / name).read_text(encoding="utf-8")
    if "</script" in text.lower():
        raise RuntimeError(f"{name} cannot be inlined safely")
    return text


@cache
def _template() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("view.html")

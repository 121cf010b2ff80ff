"""A readable HTML page of the ontology, and its export as Turtle and RDF/XML.

The page lists every class, property and individual with its labels (English, Vietnamese),
definition and links to the terms it refines or matches; then the kinds of documents.
Every value is HTML-escaped: the page is built from data, never from markup in it.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from . import KIND_SCHEME, VK, VK_IRI, load_ontology, ontology_path

SECTIONS = [
    ("Classes", "Lớp", OWL.Class),
    ("Object properties", "Thuộc tính quan hệ", OWL.ObjectProperty),
    ("Datatype properties", "Thuộc tính dữ liệu", OWL.DatatypeProperty),
    ("Individuals", "Cá thể", OWL.NamedIndividual),
]
LINKS = [
    ("subclass of", RDFS.subClassOf), ("equivalent to", OWL.equivalentClass),
    ("subproperty of", RDFS.subPropertyOf), ("inverse of", OWL.inverseOf),
    ("domain", RDFS.domain), ("range", RDFS.range), ("type", RDF.type),
    ("close match", SKOS.closeMatch),
]
DECLARED = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
ALIGNING = [("subclass of", RDFS.subClassOf), ("subproperty of", RDFS.subPropertyOf),
            ("equivalent to", OWL.equivalentClass), ("close match", SKOS.closeMatch)]
STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
code{font-size:90%}section.term{border-top:1px solid #ccc;padding:.5rem 0}
dt{font-weight:600;float:left;width:9rem;clear:left}dd{margin-left:10rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}"""


def write_owl(path: str | Path) -> None:
    """Write the ontology as RDF/XML (what owlready2 and Protégé load)."""
    load_ontology().serialize(Path(path), format="xml", encoding="utf-8")


def export(directory: str | Path, *, html: bool = True) -> list[Path]:
    """Write ``vankien.ttl``, ``vankien.owl`` and (with ``html``) ``index.html`` into a folder."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    ttl, owl = out / "vankien.ttl", out / "vankien.owl"
    if ttl.resolve() != Path(ontology_path()).resolve():
        shutil.copyfile(ontology_path(), ttl)
    write_owl(owl)
    written = [ttl, owl]
    if html:
        page = out / "index.html"
        page.write_text(render_html(load_ontology()), encoding="utf-8")
        written.append(page)
    return written


def render_html(graph: Graph) -> str:
    """The ontology as one self-contained HTML page."""
    onto = next(graph.subjects(RDF.type, OWL.Ontology))
    title = _text(graph, onto, RDFS.label, "en") or "vankien ontology"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p><code>{escape(str(onto))}</code> — namespace <code>{escape(VK_IRI)}</code>, "
        f"version {escape(str(graph.value(onto, OWL.versionInfo) or ''))}</p>",
        f"<p>{escape(_text(graph, onto, DCTERMS.description, 'en') or '')}</p>",
        f"<p>{escape(_text(graph, onto, RDFS.comment, 'en') or '')}</p>",
        "<nav><ul>" + "".join(f'<li><a href="#{escape(slug)}">{escape(name)}</a></li>'
                              for name, slug in _toc()) + "</ul></nav>",
    ]
    for name, vi, kind in SECTIONS:
        terms = sorted((t for t in graph.subjects(RDF.type, kind)
                        if isinstance(t, URIRef) and str(t).startswith(VK_IRI)),
                       key=lambda t: (_is_kind_class(graph, t), str(t)))
        parts.append(f'<h2 id="{_slug(name)}">{escape(name)} <small lang="vi">'
                     f"({escape(vi)})</small></h2>")
        parts.extend(_term(graph, t) for t in terms)
    parts.append(_kinds(graph))
    parts.append(_alignment(graph))
    parts.append("</body></html>")
    return "\n".join(parts)


def _toc() -> list[tuple[str, str]]:
    return [(name, _slug(name)) for name, _, _ in SECTIONS] + [
        ("Kinds of documents", "kinds"), ("Alignment with other vocabularies", "alignment")]


def _term(graph: Graph, term: URIRef) -> str:
    name = str(term)[len(VK_IRI):]
    rows = [("IRI", f"<code>{escape(str(term))}</code>")]
    for label, lang in (("label (en)", "en"), ("nhãn (vi)", "vi")):
        text = escape(_text(graph, term, RDFS.label, lang) or "")
        rows.append((label, f'<span lang="{lang}">{text}</span>'))
    rows.append(("definition", escape(_text(graph, term, SKOS.definition, "en") or "")))
    comment = _text(graph, term, RDFS.comment, "en")
    if comment:
        rows.append(("note", escape(comment)))
    for label, prop in LINKS:
        values = [_ref(graph, o) for o in graph.objects(term, prop) if o not in DECLARED]
        if values:
            rows.append((label, ", ".join(sorted(values))))
    body = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<section class="term" id="{escape(name)}"><h3>vk:{escape(name)}</h3>'
            f"<dl>{body}</dl></section>")


def _kinds(graph: Graph) -> str:
    scheme = URIRef(KIND_SCHEME)
    rows = []
    for concept in sorted(graph.subjects(SKOS.inScheme, scheme)):
        cls = next((c for c, r in graph.subject_objects(OWL.equivalentClass)
                    if graph.value(r, OWL.hasValue) == concept), None)
        cells = [str(graph.value(concept, SKOS.notation)),
                 _text(graph, concept, SKOS.prefLabel, "vi") or "",
                 _text(graph, concept, SKOS.prefLabel, "en") or ""]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells)
                    + f"<td>{_ref(graph, cls) if cls else ''}</td>"
                    + f"<td>{escape(_text(graph, concept, SKOS.definition, 'en') or '')}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("Code", "Tên", "Name", "Class", "Definition"))
    return (f'<h2 id="kinds">Kinds of documents <small lang="vi">(Thể loại văn bản)</small></h2>'
            f"<p>SKOS concept scheme <code>{escape(KIND_SCHEME)}</code>; a document with "
            "<code>vk:kind</code> of a concept belongs to its class.</p>"
            f"<table><tr>{head}</tr>{''.join(rows)}</table>")


def _alignment(graph: Graph) -> str:
    rows = [f"<tr><td>{_ref(graph, s)}</td><td>{escape(name)}</td><td>{_ref(graph, o)}</td></tr>"
            for name, prop in ALIGNING
            for s, o in sorted(graph.subject_objects(prop))
            if isinstance(s, URIRef) and str(s).startswith(VK_IRI)
            and isinstance(o, URIRef) and not str(o).startswith(VK_IRI)]
    return ('<h2 id="alignment">Alignment with other vocabularies <small lang="vi">'
            "(Đối chiếu)</small></h2><p>A subclass or subproperty entails the other term; "
            "a close match does not.</p><table><tr><th>Term</th><th>is</th><th>of</th></tr>"
            f"{''.join(rows)}</table>")


def _is_kind_class(graph: Graph, term: URIRef) -> bool:
    return any(graph.value(r, OWL.onProperty) == VK.kind
               for r in graph.objects(term, OWL.equivalentClass))


def _ref(graph: Graph, node: object) -> str:
    """A term as a link (ours: to its section) or a description of an anonymous class."""
    if isinstance(node, URIRef):
        if str(node).startswith(VK_IRI):
            name = str(node)[len(VK_IRI):]
            return f'<a href="#{escape(name)}"><code>vk:{escape(name)}</code></a>'
        curie = graph.namespace_manager.normalizeUri(node)
        return f'<a href="{escape(str(node))}"><code>{escape(curie)}</code></a>'
    members = graph.value(node, OWL.unionOf)
    if members is not None:
        return " or ".join(_ref(graph, m) for m in graph.items(members))
    prop, value = graph.value(node, OWL.onProperty), graph.value(node, OWL.hasValue)
    if prop is not None and value is not None:
        return f"{_ref(graph, prop)} = {_ref(graph, value)}"
    items = graph.value(node, OWL.oneOf)
    if items is not None:
        return "one of " + ", ".join(_ref(graph, m) for m in graph.items(items))
    return "(anonymous class)"


def _text(graph: Graph, node: object, prop: URIRef, lang: str) -> str | None:
    values = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
    chosen = [o for o in values if o.language == lang] or values
    return str(chosen[0]) if chosen else None


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")

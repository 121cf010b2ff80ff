"""SELECT results written out: CSV and TSV and JSON as SPARQL 1.1 defines them, Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from vankien.loaders.errors import QueryError

from .query import PREFIXES
from .store import Table

FORMATS = ("table", "csv", "tsv", "json", "md")
_XSD_STRING = PREFIXES["xsd"] + "string"


def render(table: Table, fmt: str) -> str:
    """``table`` in ``fmt``: csv, tsv, json (SPARQL 1.1 results JSON) or md."""
    writers = {"csv": to_csv, "tsv": to_tsv, "json": to_json, "md": to_markdown}
    if fmt not in writers:
        raise QueryError(None, f"unknown format {fmt!r}; use one of {', '.join(writers)}")
    return writers[fmt](table)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.variables)
    writer.writerows([["" if t is None else t.value for t in row] for row in table.rows])
    return out.getvalue()


def to_tsv(table: Table) -> str:
    head = "\t".join(f"?{v}" for v in table.variables)
    rows = ("\t".join("" if t is None else str(t) for t in row) for row in table.rows)
    return "\n".join([head, *rows]) + "\n"


def to_json(table: Table) -> str:
    bindings = [{v: _json_term(t) for v, t in zip(table.variables, row, strict=True)
                 if t is not None} for row in table.rows]
    doc = {"head": {"vars": table.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def to_markdown(table: Table) -> str:
    def cell(t: Any) -> str:
        return display(t).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(table.variables) + " |",
             "|" + "---|" * len(table.variables)]
    lines += ["| " + " | ".join(cell(t) for t in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def display(term: Any) -> str:
    """A term as a reader wants it: IRIs shortened by the usual prefixes, literals bare."""
    if term is None:
        return ""
    value = term.value
    if type(term).__name__ == "NamedNode":
        for prefix, ns in PREFIXES.items():
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns):]}"
    return value

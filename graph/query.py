"""SPARQL over the store: named queries kept as ``queries/*.rq``, and the user's own.

A named query file starts with a ``# description`` line, then one ``# param NAME: what``
line per parameter (``# param NAME (integer): …`` for a typed one; ``label`` is a name as
organizations are labelled, in Vietnamese). Parameter values are bound as RDF terms in a
``VALUES`` row, never pasted into the query text.

A query whose rows are many (every document citing 21-KL/TW) pages: a sub-SELECT orders
the rows' keys and ends with a ``# page`` mark, where :func:`paged` puts ``LIMIT`` and
``OFFSET``; the look-ups around it (symbols, kinds, paths) then run for one page only.
Parameters are bound inside that sub-SELECT.

Ordering is what costs there: the first page of a document cited 15,000 times looks up and
sorts 15,000 dates. So ingest keeps such keys in groups of one period each (the citations of
a document in a month, the duties of a body in a year), and a named query with a period form
(``queries/periods/NAME.rq``) reads a page by period when it has more than
:data:`PERIODS_ABOVE` keys (``NAME.keys.rq``, which stops counting there): Python lists the
groups in page order (``NAME.groups.rq``), counts the keys of the first ones
(``NAME.counts.rq``) until the page is covered, and the period form orders the periods the
page falls in alone. All rows come from the query itself, in one pass. The two orders agree
unless sources disagree on a document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vankien.loaders.errors import QueryError

from .store import PAGE_MARK, Table

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .store import Backend, Bindings

QUERIES = Path(__file__).with_name("queries")
PREFIXES = {
    "vk": "https://w3id.org/vankien/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
PERIODS = QUERIES / "periods"
PERIODS_ABOVE = 1000  # keys: below, one pass orders them in well under 50 ms
TYPES = {"string", "label", "iri", "integer", "date"}
_NAME = re.compile(r"[\w-]+")  # a named query, not SPARQL text
_ORDER_AT_MARK = re.compile(r"\bORDER\s+BY\b[^\n]*?(?=#[ \t]*page[ \t]*$)",
                            re.IGNORECASE | re.MULTILINE)
_PARAM = re.compile(r"#\s*param\s+(\w+)\s*(?:\((\w+)\))?\s*:\s*(.*)")


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: its variable, RDF type and meaning."""

    name: str
    type: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query kept as a ``.rq`` file."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str


def parse_named(name: str, text: str) -> NamedQuery:
    """Read the header comments of a ``.rq`` file."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#"):
        raise QueryError(name, "a named query starts with a '# description' line")
    params = []
    for line in lines[1:]:
        m = _PARAM.match(line)
        if not m:
            break
        kind = m[2] or "string"
        if kind not in TYPES:
            known = ", ".join(sorted(TYPES))
            raise QueryError(name, f"parameter type {kind!r}: use one of {known}")
        params.append(Param(m[1], kind, m[3].strip()))
    return NamedQuery(name, lines[0].lstrip("# ").strip(), tuple(params), text)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query, by name (the file name without ``.rq``)."""
    return {p.stem: parse_named(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(QUERIES.glob("*.rq"))}


def load_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(None, f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name]


def bind(query: NamedQuery, values: dict[str, str]) -> dict[str, ox.Term]:
    """The parameter values as RDF terms of each parameter's type; all must be given."""
    unknown = set(values) - {p.name for p in query.params}
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(query.name, f"unknown parameter {sorted(unknown)[0]!r}; known: {known}")
    missing = [p.name for p in query.params if p.name not in values]
    if missing:
        raise QueryError(query.name, f"missing parameter {missing[0]!r} "
                         f"({next(p.description for p in query.params if p.name == missing[0])})")
    return {p.name: term(values[p.name], p.type) for p in query.params}


def term(value: str, kind: str) -> ox.Term:
    """``value`` as an RDF term of ``kind`` (string, label, iri, integer, date).

    A ``label`` is tagged ``@vi`` as the labels of organizations are, so that it matches one
    by index lookup (a test on ``STR(?label)`` reads every label).
    """
    import pyoxigraph as ox

    xsd = PREFIXES["xsd"]
    if kind == "iri":
        if not re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*", value, re.IGNORECASE):
            raise QueryError(None, f"not an IRI: {value!r}")
        return ox.NamedNode(value)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(None, f"not an integer: {value!r}")
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(xsd + "integer"))  # canonical
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            raise QueryError(None, f"not a date (YYYY-MM-DD): {value!r}")
        return ox.Literal(value, datatype=ox.NamedNode(xsd + "date"))
    if kind == "label":
        return ox.Literal(value, language="vi")
    return ox.Literal(value)


def with_prefixes(text: str) -> str:
    """``text`` with the usual prefixes declared when it uses them without declaring them."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+(\w*):", text, re.IGNORECASE)}
    lines = [f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()
             if k not in declared and re.search(rf"\b{k}:", text)]
    return "\n".join([*lines, text])


def run_query(
    store: Backend, query: str, params: dict[str, str] | None = None,
    *, limit: int | None = None, offset: int = 0,
) -> Table:
    """Run a named query (by name) or SPARQL text, with ``params`` bound as terms.

    In SPARQL text a value ``<…>`` binds an IRI, anything else a string literal. ``limit``
    rows (None: all) after the first ``offset``: a query with a ``# page`` mark computes
    just those, any other is cut after it ran. A paged query counts the keys its sub-SELECT
    orders (a citing document, a duty), each of which may give more than one row.
    """
    return _run(store, query, *_text_and_bindings(query, params or {}), limit, offset)[0]


def run_page(
    store: Backend, query: str, params: dict[str, str] | None, limit: int, offset: int = 0,
) -> tuple[Table, bool]:
    """:func:`run_query`'s page of ``limit`` rows (keys, for a paged query) after ``offset``,
    and whether more follow (for a paged query, the period counts tell, or a :func:`probe`)."""
    text, bindings = _text_and_bindings(query, params or {})
    if not PAGE_MARK.search(text):
        table = _run(store, query, text, bindings, limit + 1, offset)[0]
        return Table(table.variables, table.rows[:limit]), len(table.rows) > limit
    table, keys = _run(store, query, text, bindings, limit, offset)
    if keys is not None:
        return table, keys > offset + limit
    return table, bool(store.select(probe(text, offset + limit), bindings).rows)


def _run(store: Backend, query: str, text: str, bindings: Bindings, limit: int | None,
         offset: int) -> tuple[Table, int | None]:
    """The rows of :func:`run_query` (``query`` read as ``text`` with ``bindings``), and,
    when it read them by period, the keys it counted: more than ``offset + limit``, or all."""
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError(None, "limit and offset count rows: give 0 or more")
    if not PAGE_MARK.search(text):
        table = store.select(text, bindings)
        end = None if limit is None else offset + limit
        return Table(table.variables, table.rows[offset:end]), None
    name = query.strip() if _NAME.fullmatch(query.strip()) else None
    periods = None
    if name and limit is not None and (PERIODS / f"{name}.rq").is_file():
        periods = period_counts(store, name, bindings, offset + limit)
    if not periods:
        return store.select(paged(text, limit, offset), bindings), None
    groups, skip = pick_periods(periods, limit, offset)
    form = (PERIODS / f"{name}.rq").read_text(encoding="utf-8")
    return (store.select(paged(form, limit, skip), {**bindings, "group": groups}),
            sum(n for _, _, n in periods))


def period_counts(store: Backend, name: str, bindings: Bindings,
                  upto: int) -> list[tuple[str, ox.Term, int]]:
    """``(period, group, keys)`` of a named query with a period form, in page order, counted
    until they hold more than ``upto`` keys (or all are counted); none when the query has no
    more than :data:`PERIODS_ABOVE` keys or its keys no groups (a store written before them)."""
    def period_query(kind: str) -> str:
        return (PERIODS / f"{name}.{kind}.rq").read_text(encoding="utf-8")

    keys = paged(period_query("keys"), PERIODS_ABOVE + 1)  # counting stops past the threshold
    if int(store.select(keys, bindings).rows[0][0].value) <= PERIODS_ABOVE:
        return []
    groups = [(period.value, group) for group, period
              in store.select(period_query("groups"), bindings).rows]
    counts = period_query("counts")
    counted: list[tuple[str, ox.Term, int]] = []
    batch, total = 4, 0  # a month of a document cited 50,000 times holds about 500 keys
    while len(counted) < len(groups) and total <= upto:
        end = len(counted) + batch
        while 0 < end < len(groups) and groups[end][0] == groups[end - 1][0]:
            end += 1  # a period's groups are counted together: its keys are ordered across them
        chunk = groups[len(counted):end]
        found = dict(store.select(counts, {"group": [group for _, group in chunk]}).rows)
        counted += [(period, group, int(found[group].value) if group in found else 0)
                    for period, group in chunk]
        total, batch = sum(n for *_, n in counted), batch * 4
    return counted if total else []


def pick_periods(periods: list[tuple[str, ox.Term, int]], limit: int,
                 offset: int) -> tuple[list[ox.Term], int]:
    """The groups of the periods that keys ``offset`` to ``offset + limit`` fall in, and how
    many keys of those periods come before ``offset`` (a page of none: the period at
    ``offset``; past the end: the last period, skipped whole). Every group of a period is
    taken: a period's keys are ordered across its groups."""
    totals: dict[str, int] = {}
    for period, _, n in periods:
        totals[period] = totals.get(period, 0) + n
    start, skip, taken = 0, None, set()
    for period, n in totals.items():
        if start + n > offset and start < offset + max(limit, 1):
            skip = offset - start if skip is None else skip
            taken.add(period)
        start += n
    if skip is None:
        last = periods[-1][0]
        taken, skip = {last}, offset - (start - totals[last])
    return [group for period, group, _ in periods if period in taken], skip


def _text_and_bindings(query: str, params: dict[str, str]) -> tuple[str, dict[str, ox.Term]]:
    """The SPARQL text of a named query or of ``query`` itself, and its bound parameters."""
    if _NAME.fullmatch(query.strip()):
        named = load_query(query.strip())
        return named.text, bind(named, params)
    return with_prefixes(query), {
        k: term(v[1:-1], "iri") if v.startswith("<") and v.endswith(">") else term(v, "string")
        for k, v in params.items()}


def probe(text: str, skip: int) -> str:
    """Paged ``text`` asking for one key after the first ``skip``, in no order (the keys are
    the same in any): whether more follow, without sorting them all."""
    return paged(_ORDER_AT_MARK.sub("", text, count=1), 1, skip)


def paged(text: str, limit: int | None, offset: int = 0) -> str:
    """``text`` with ``LIMIT limit OFFSET offset`` put where its ``# page`` mark stands."""
    cut = (f" LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
    return PAGE_MARK.sub(lambda m: f"{cut} {m[0]}", text, count=1) if cut else text

"""Where the graph lives: an on-disk Oxigraph store, or any SPARQL 1.1 server.

Both backends hold one named graph per source (``{base}graph/{sha256}``) and a registry
graph ``{base}graph/registry`` that says which file (``vk:path``) each source came from, so
"unchanged → skip", "changed → replace" and ``remove`` work the same on both.

Queries read the default graph, which holds every source's triples once: the set union of
the sources' statements, kept up to date on every write and removal. (A union *view* repeats
a fact once per source that states it, and a cited document is stated by every source that
cites it: joins through popular documents would grow with the square of their citations.)

A source's own nodes (``{base}fact/{sha256[:16]}/…``: its spans, duties, mentions,
warnings) are stated by no other source, so their triples need no second copy: the source's
graph holds only what each one is, its ``rdf:type`` (and a warning's ``vk:code``), which
marks it as the source's (see :func:`stated`); removal deletes the rest from the default
graph, and :meth:`Backend.quads` puts it back. A source's graph holds a third fewer quads
that way, and the store a quarter fewer index entries to write, sort and compact (three a
default-graph triple, six a named quad).

Search words (``vk:searchWord``, see :mod:`.ntriples`) are the words of the texts a source
states of a node, so they stand in the default graph only: a removal gives the nodes the
source named the words of the texts that other sources state of them. That keeps a fifth
of the index entries out of the store (a cited document's words were stated again by every
source that cites it).

A year-less citation (``{base}doc/tw/nq/57``, ``vk:unresolved true``) stands for the one
known dated document with that prefix (``…/57/2024``) when there is exactly one: the derived
graph ``{base}graph/resolved`` states ``?u owl:sameAs ?r`` for each, and so does the default
graph, where queries read it. Every dated document names its prefix (``vk:withoutYear``),
so that is an index look-up per year-less citation, not a pass over every document. It is
recomputed after every ingest batch (:meth:`Backend.resolve_yearless`) and every removal;
with two known years (numbers restart each party term) the citation stays unresolved.

A source is registered only after its graph is written, and unregistered before it is
dropped: a run killed at any point leaves a store that opens, answers, and converges on
re-run.

pyoxigraph is imported lazily: ``vankien query`` must start fast.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vankien.loaders.errors import StoreError

if TYPE_CHECKING:
    import pyoxigraph as ox

VK = "https://w3id.org/vankien/ontology#"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FACTS = "fact/"  # after the base, where the IRIs of a source's own nodes start (see stated)
MARKS = (RDF_TYPE, f"{VK}code")  # what a source's graph says of its own nodes (see stated)
SEARCH_WORD = f"{VK}searchWord"  # in no source's graph (see stated)
LOCK_SUFFIX = ".lock"
Bindings = dict[str, "ox.Term | list[ox.Term]"]  # a variable's term, or each of a list
PAGE_MARK = re.compile(r"#[ \t]*page[ \t]*$", re.MULTILINE)  # see vankien.graph.query.paged


def default_store_path() -> Path:
    """``$VANKIEN_STORE``, else ``$XDG_DATA_HOME/vankien/store`` (``~/.local/share/…``)."""
    if os.environ.get("VANKIEN_STORE"):
        return Path(os.environ["VANKIEN_STORE"]).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data) / "vankien" / "store"


@dataclass(frozen=True)
class Table:
    """SELECT results: variable names and rows of pyoxigraph terms (``None`` = unbound)."""

    variables: list[str]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Entry:
    """One registered source: the file, its sha256 and its named graph."""

    path: str
    sha256: str
    graph: str


class Backend:
    """What ingest, queries and export need from a store; the registry logic is shared."""

    base: str
    folder: Path | None = None  # where an embedded store lives on disk
    compacts_on_close = False  # whether close() rewrites the store (see ``Embedded``)
    LOOKUPS = 1_000  # paths looked up one by one (each ~0.4 ms) before the registry is read

    def own_paths(self) -> set[str]:
        """The store's folder and lock file, which ingest must not take for documents."""
        if self.folder is None:
            return set()
        folder = self.folder.resolve()
        return {str(folder), str(folder.with_name(folder.name + LOCK_SUFFIX))}

    def select(self, query: str, bindings: Bindings | None = None) -> Table:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of ``graph``, else of every named graph, as their sources state them:
        with the triples of their own nodes (see :func:`stated`)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store (no-op for an endpoint)."""

    @property
    def own_prefix(self) -> str:
        """Where the IRIs of a source's own nodes start (``{base}fact/``, see :func:`stated`)."""
        return f"{self.base}{FACTS}"

    @property
    def registry(self) -> str:
        return f"{self.base}graph/registry"

    def sources(self) -> dict[str, Entry]:
        """Every registered file path and its entry (one read of the whole registry: about
        2 s for 100,000 sources, where looking up one path takes a fraction of a millisecond)."""
        table = self.select(f"SELECT ?s ?path WHERE {{ GRAPH <{self.registry}> "
                            f"{{ ?s <{VK}path> ?path }} }}")
        return {path.value: self._entry_of(path.value, s.value) for s, path in table.rows}

    def entries(self, paths: Collection[str]) -> dict[str, Entry]:
        """The entries of those of ``paths`` that are registered: looked up one by one for
        up to ``LOOKUPS`` paths, else picked from :meth:`sources`."""
        from pyoxigraph import Literal

        if len(paths) > self.LOOKUPS:
            known = self.sources()
            return {p: known[p] for p in paths if p in known}
        query = f"SELECT ?s WHERE {{ GRAPH <{self.registry}> {{ ?s <{VK}path> ?path }} }}"
        found = {p: self.select(query, {"path": Literal(p)}).rows for p in paths}
        return {p: self._entry_of(p, rows[0][0].value) for p, rows in found.items() if rows}

    def _entry_of(self, path: str, subject: str) -> Entry:
        """The entry of ``path`` from its registry node ``{base}source/{sha256}`` (see
        :meth:`_entry`): the sha256 and the graph's name follow from it."""
        sha = subject.rsplit("/", 1)[1]
        return Entry(path, sha, self.graph_of(sha))

    def graph_of(self, sha256: str) -> str:
        """The named graph of the source with content ``sha256``."""
        return f"{self.base}graph/{sha256}"

    def write_source(self, path: str, sha256: str, ntriples: str) -> None:
        """Make ``ntriples`` the graph of the source at ``path``, replacing what it held."""
        graph = self.graph_of(sha256)
        ops = self._unregister(path, drop_also=graph)
        ops.append(f"INSERT DATA {{ {ntriples} "
                   f"GRAPH <{graph}> {{ {stated(ntriples, self.base)} }} "
                   f"GRAPH <{self.registry}> {{ {self._entry(path, sha256)} }} }}")
        self.update(" ;\n".join(ops))  # one transaction

    def write_sources(self, sources: Iterable[tuple[str, str, str]]) -> None:
        """Write several ``(path, sha256, ntriples)`` sources, each as :meth:`write_source`."""
        for path, sha256, ntriples in sources:
            self.write_source(path, sha256, ntriples)

    def remove_source(self, path: str) -> bool:
        """Take the source at ``path`` out of the store, and re-resolve the year-less
        citations, in one transaction; False when it was not there."""
        if not self.entries([path]):
            return False
        self.update(" ;\n".join(self._unregister(path) + self._resolution()))
        return True

    @property
    def resolved(self) -> str:
        return f"{self.base}graph/resolved"

    def resolve_yearless(self) -> None:
        """Recompute ``{base}graph/resolved`` and its ``owl:sameAs`` in the default graph."""
        self.update(" ;\n".join(self._resolution()))

    def _resolution(self) -> list[str]:
        """Update operations that replace the resolved graph: each unresolved ``?u`` that
        exactly one document names as its IRI without the year (``vk:withoutYear``)."""
        g, same = f"<{self.resolved}>", f"<{SAME_AS}>"
        return [
            f"DELETE {{ ?u {same} ?r }} WHERE {{ GRAPH {g} {{ ?u {same} ?r }} FILTER NOT EXISTS "
            f"{{ GRAPH ?other {{ ?u {same} ?r }} FILTER(?other != {g}) }} }}",
            f"DROP SILENT GRAPH {g}",
            f"INSERT {{ ?u {same} ?r . GRAPH {g} {{ ?u {same} ?r }} }} WHERE {{ "
            f"SELECT ?u (SAMPLE(?d) AS ?r) WHERE {{ ?u <{VK}unresolved> true . "
            f"?d <{VK}withoutYear> ?u }} GROUP BY ?u HAVING (COUNT(DISTINCT ?d) = 1) }}",
        ]

    def _entry(self, path: str, sha256: str) -> str:
        from pyoxigraph import Literal

        s = f"<{self.base}source/{sha256}>"
        return (f"{s} <{VK}path> {Literal(path)} .\n{s} <{VK}sha256> {Literal(sha256)} .\n"
                f"{s} <{VK}graph> <{self.graph_of(sha256)}> .\n")

    def _unregister(self, path: str, drop_also: str | None = None) -> list[str]:
        """Update operations that forget ``path`` and drop the graphs no other path shares,
        with their facts in the default graph that no other source states."""
        from pyoxigraph import Literal, NamedNode

        reg, lit = self.registry, Literal(path)
        rows = self.select(
            f"SELECT ?s ?g (EXISTS {{ GRAPH <{reg}> {{ ?s <{VK}path> ?other "
            f"FILTER(?other != ?path) }} }} AS ?shared) WHERE {{ GRAPH <{reg}> "
            f"{{ ?s <{VK}path> ?path ; <{VK}graph> ?g }} }}", {"path": lit}).rows
        shared = {g.value for _, g, sh in rows if sh.value == "true"}
        ops = [f"DELETE DATA {{ GRAPH <{reg}> {{ {s} <{VK}path> {lit} }} }}" for s, _, _ in rows]
        ops += [f"DELETE WHERE {{ GRAPH <{reg}> {{ {s} ?p ?o }} }}"
                for s, g, _ in rows if g.value not in shared]
        graphs = {g.value for _, g, _ in rows} | ({drop_also} if drop_also else set())
        own = Literal(self.own_prefix)
        for g in map(NamedNode, sorted(graphs - shared)):
            ops.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s a ?type }} "
                       f"FILTER(STRSTARTS(STR(?s), {own})) ?s ?p ?o }}")  # its own nodes
            ops.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} FILTER NOT "
                       f"EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }}")
            ops.append(f"DROP SILENT GRAPH {g}")
        return ops + self._search_words_without(sorted(graphs - shared))

    def _search_words_without(self, graphs: list[str]) -> list[str]:
        """Update operations that give the nodes ``graphs`` named the search words of the
        texts that other sources state of them (see :func:`stated`): a node's words are
        those of each of its texts, whichever source states it."""
        from pyoxigraph import NamedNode

        from .ntriples import SEARCHABLE, SEARCHED, search_key, word_lines

        if not graphs:
            return []
        dropped = [str(NamedNode(g)) for g in graphs]
        searched, others = f"VALUES ?p {{ {' '.join(SEARCHED)} }}", ", ".join(dropped)
        nodes = [str(n) for (n,) in self.select(
            f"SELECT DISTINCT ?n WHERE {{ VALUES ?g {{ {' '.join(dropped)} }} {searched} "
            f"GRAPH ?g {{ ?n ?p ?o }} }}").rows]
        if not nodes:
            return []

        def texts_left(n: str) -> str:  # a group a node: a VALUES ?n of many rows would be
            # joined after a scan of every ?n ?p ?o; each EXISTS stops at the first source
            return (f"{{ BIND({n} AS ?n) {searched} {n} ?p ?o FILTER EXISTS {{ GRAPH ?g "
                    f"{{ {n} ?p ?o }} FILTER(?g NOT IN ({others})) }} FILTER EXISTS {{ GRAPH ?h "
                    f"{{ {n} a ?t }} FILTER(?t IN ({', '.join(SEARCHABLE)}) "
                    f"&& ?h NOT IN ({others})) }} }}")

        texts = self.select(
            f"SELECT DISTINCT ?n ?o WHERE {{ {' UNION '.join(map(texts_left, nodes))} }}").rows
        words = {line for n, o in texts for line in word_lines(str(n), search_key(o.value))}
        return [f"DELETE WHERE {{ {n} <{SEARCH_WORD}> ?w }}" for n in nodes] + [
            f"INSERT DATA {{ {''.join(words)} }}"]


class Embedded(Backend):
    """An on-disk pyoxigraph store."""

    FLUSH_EVERY = 100_000  # triples: a flush keeps the write buffers (memory) bounded
    OPTIMIZE_AFTER = 1_000_000  # triples written: then compact on close (reads 1.5-2x faster)
    BULK_QUADS = 500_000  # per bulk load: under Oxigraph's 1M-quad loader batch, so one ingest
    LOADERS = 2  # bulk loads at once, each in a thread of its own (one a core here)

    def __init__(self, store: ox.Store, base: str, path: Path | None = None) -> None:
        self._store, self.base, self.folder = store, base, path
        self._unflushed = self._written = 0
        self._shas: dict[str, str] | None = None  # registered path → sha256, read once
        self._lookups = 0  # sources asked of the store before that copy is read
        self._contents: Counter[str] = Counter()  # sha256 → how many paths hold it

    def update(self, sparql: str) -> None:
        self._store.update(sparql)

    def select(self, query: str, bindings: Bindings | None = None) -> Table:
        from pyoxigraph import QuerySolutions

        try:
            result = self._store.query(with_values(query, bindings or {}))
        except SyntaxError as exc:
            raise StoreError(None, f"bad SPARQL: {exc}") from exc
        if not isinstance(result, QuerySolutions):
            raise StoreError(None, "only SELECT queries give a table")
        names = [v.value for v in result.variables]
        return Table(names, [tuple(sol) for sol in result])  # a solution lists its values in order

    def write_source(self, path: str, sha256: str, ntriples: str) -> None:
        """As :meth:`Backend.write_source`; a first write is one load (faster than an update)."""
        from pyoxigraph import RdfFormat

        lines = ntriples.count("\n")
        self._unflushed, self._written = self._unflushed + lines, self._written + lines
        if self._unflushed > self.FLUSH_EVERY:
            self._store.flush()
            self._unflushed = 0
        if not self._is_new(path, sha256):
            super().write_source(path, sha256, ntriples)
        else:
            self._store.load(self._quads(path, sha256, ntriples), format=RdfFormat.N_QUADS)
        self._note(path, sha256)

    def remove_source(self, path: str) -> bool:
        removed = super().remove_source(path)
        self._note(path, None)
        return removed

    def write_sources(self, sources: Iterable[tuple[str, str, str]]) -> None:
        """As :meth:`Backend.write_sources`; the sources first seen are bulk-loaded together.

        Oxigraph's bulk loader turns each batch of up to a million quads into sorted tables
        and adds them to the store in one atomic step (RocksDB's ingestion of external
        files), after parsing the whole batch: a load of fewer quads is all or nothing, like
        a transaction, and two to three times faster than one. A source's graph and its
        registry entry are always in one load; the new sources are split between
        ``LOADERS`` loads that run at once (each on a core). The batch is parsed leniently
        (IRIs and language tags are not checked again): give text that a strict parser read
        before, as :func:`vankien.graph.ingest.extract_ntriples` does.
        """
        batch: list[str] = []
        size = 0  # quads in the batch

        def flush() -> None:
            nonlocal size
            self._bulk_load(batch)
            batch.clear()
            size = 0

        for path, sha256, ntriples in sources:
            if not self._is_new(path, sha256):
                flush()  # in order: a replacement may touch what the batch holds
                self.write_source(path, sha256, ntriples)
                continue
            lines = ntriples.count("\n")
            if size + 2 * lines > self.BULK_QUADS:
                flush()
            batch.append(self._quads(path, sha256, ntriples))
            self._note(path, sha256)
            size += 2 * lines + 3
            self._written += lines
        flush()

    def _bulk_load(self, sources: list[str]) -> None:
        """Load the N-Quads of ``sources`` in up to ``LOADERS`` bulk loads at once."""
        from concurrent.futures import ThreadPoolExecutor

        from pyoxigraph import RdfFormat

        def load(part: str) -> None:
            self._store.bulk_load(part, format=RdfFormat.N_QUADS, lenient=True)

        parts = [p for p in ("".join(sources[i::self.LOADERS]) for i in range(self.LOADERS)) if p]
        with ThreadPoolExecutor(self.LOADERS) as pool:  # pyoxigraph lets go of the GIL
            list(pool.map(load, parts))

    def _is_new(self, path: str, sha256: str) -> bool:
        """Neither the path is registered nor the graph of this content is in the store
        (a graph is there while a registered path holds its content): asked of the store
        for the first ``LOOKUPS`` sources, then of a copy of the registry."""
        if self._shas is None and self._lookups < self.LOOKUPS:
            from pyoxigraph import Literal

            self._lookups += 1
            return not self.select(
                f"SELECT ?s WHERE {{ GRAPH <{self.registry}> {{ {{ ?s <{VK}path> ?path }} "
                f"UNION {{ ?s <{VK}sha256> ?sha }} }} }} LIMIT 1",
                {"path": Literal(path), "sha": Literal(sha256)}).rows
        return path not in self._registered() and not self._contents[sha256]

    def _registered(self) -> dict[str, str]:
        """The registered paths and their sha256: one query, then kept up to date by this
        writer (which holds the store's lock)."""
        if self._shas is None:
            self._shas = {path: entry.sha256 for path, entry in self.sources().items()}
            self._contents.update(self._shas.values())
        return self._shas

    def _note(self, path: str, sha256: str | None) -> None:
        """Record that ``path`` now holds ``sha256`` (None: it was removed) in the copy of
        the registry, if it was read."""
        registered = self._shas
        if registered is None:
            return
        if path in registered:
            self._contents[registered.pop(path)] -= 1
        if sha256:
            registered[path] = sha256
            self._contents[sha256] += 1

    def _quads(self, path: str, sha256: str, ntriples: str) -> str:
        """A new source as N-Quads: its triples in the default graph and in its own graph,
        and its registry entry."""
        return (ntriples + in_graph(stated(ntriples, self.base), self.graph_of(sha256))
                + in_graph(self._entry(path, sha256), self.registry))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """As :meth:`Backend.quads`, a graph at a time: its quads, then its own nodes'."""
        from pyoxigraph import DefaultGraph, NamedNode, Quad

        prefix = self.own_prefix
        for g in [NamedNode(graph)] if graph else self._store.named_graphs():
            own = []
            for quad in self._store.quads_for_pattern(None, None, None, g):
                yield quad
                if quad.predicate.value == RDF_TYPE and quad.subject.value.startswith(prefix):
                    own.append(quad.subject)
            for node in dict.fromkeys(own):
                yield from (Quad(t.subject, t.predicate, t.object, g) for t in
                            self._store.quads_for_pattern(node, None, None, DefaultGraph())
                            if t.predicate.value not in MARKS)

    @property
    def compacts_on_close(self) -> bool:  # type: ignore[override]
        """Whether :meth:`close` will compact the store (minutes for millions of triples)."""
        return bool(self.folder) and self._written > self.OPTIMIZE_AFTER

    def close(self) -> None:
        """Flush a written store: its log becomes sorted tables that open and read fast.

        RocksDB deletes the flushed write-ahead log on the next open: do it now, it is
        most of the store's size on disk.
        """
        import pyoxigraph

        if self.folder:
            self._store.flush()
            if self.compacts_on_close:
                self._store.optimize()
        del self._store
        if self.folder:
            reopened = pyoxigraph.Store(str(self.folder))
            del reopened



def open_embedded(path: Path, *, write: bool, base: str) -> Embedded:
    """Open the store folder; a reader never creates one."""
    import pyoxigraph

    if not write and not (path / "CURRENT").exists():
        raise StoreError(str(path), "no store here yet: run `vankien ingest PATH` first")
    try:
        store = pyoxigraph.Store(str(path)) if write else pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(str(path), f"cannot open the store: {exc}") from exc
    return Embedded(store, base, path if write else None)


@contextmanager
def store_lock(path: Path, *, exclusive: bool, wait: float) -> Iterator[None]:
    """Hold ``{path}.lock``: writers alone, readers together; wait up to ``wait`` seconds."""
    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, exclusive, wait, path)
        if exclusive:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)


def _acquire(fd: int, exclusive: bool, wait: float, path: Path) -> None:
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                what = "being written" if not exclusive else "in use"
                raise StoreError(str(path), f"store is {what} by another vankien process "
                                 f"(pid {holder}); retry later or pass --wait SECONDS") from None
            time.sleep(0.1)


@contextmanager
def open_store(
    path: Path | None = None, endpoint: str | None = None, *,
    write: bool = False, wait: float = 0.0, base: str | None = None,
) -> Iterator[Backend]:
    """The store to use: ``endpoint`` when given, else the on-disk store at ``path``."""
    from vankien.loaders import DEFAULT_BASE

    base = base or DEFAULT_BASE
    if endpoint:
        from .endpoint import Endpoint

        yield Endpoint(endpoint, base)
        return
    path = (path or default_store_path()).expanduser()
    with store_lock(path, exclusive=write, wait=wait):
        store = open_embedded(path, write=write, base=base)
        try:
            yield store
        finally:
            store.close()


def stated(ntriples: str, base: str) -> str:
    """The N-Triples lines a source's graph holds: all but the search words (the words of
    the texts it states) and those of its own nodes (``{base}fact/…``), of which only the
    ``MARKS`` stay: they mark them as its own, and the warnings query counts sources by a
    warning's code without a look-up per warning.
    """
    own, marks = f"<{base}{FACTS}", tuple(f" <{p}> " for p in MARKS)
    derived = f" <{SEARCH_WORD}> "
    kept = []
    for line in ntriples.splitlines(keepends=True):
        predicate = line.find(" ")
        if line.startswith(own):
            if line.startswith(marks, predicate):
                kept.append(line)
        elif not line.startswith(derived, predicate):
            kept.append(line)
    return "".join(kept)


def in_graph(ntriples: str, graph: str) -> str:
    """N-Triples lines, each ending in `` .`` and a line break, as N-Quads lines of ``graph``.

    A line break cannot stand inside an N-Triples term (it is escaped), so each `` .\\n``
    ends a line.
    """
    return ntriples.replace(" .\n", f" <{graph}> .\n")


def with_values(query: str, bindings: Bindings) -> str:
    """``query`` with a ``VALUES`` row of serialized terms opening its outer WHERE group, or
    the WHERE group of the sub-SELECT that holds the ``# page`` mark (a sub-SELECT is
    evaluated on its own: the row must stand inside it). A list of terms binds its variable
    to each in turn (``VALUES ?group { … }``).

    Parameters are bound as RDF terms (pyoxigraph serializes them), never pasted as text.
    """
    if not bindings:
        return query
    mark = PAGE_MARK.search(query)
    wheres = list(re.finditer(r"\bWHERE\s*\{", query[:mark.start()] if mark else query,
                              re.IGNORECASE))
    if not wheres:
        raise StoreError(None, "cannot bind parameters: the query has no WHERE clause")
    where = wheres[-1] if mark else wheres[0]
    row = {k: v for k, v in bindings.items() if not isinstance(v, list)}
    values = "".join(f" VALUES ?{k} {{ {' '.join(map(str, v))} }}"
                     for k, v in bindings.items() if isinstance(v, list))
    if row:
        names = " ".join(f"?{k}" for k in row)
        values += f" VALUES ({names}) {{ ({' '.join(str(v) for v in row.values())}) }}"
    return query[: where.end()] + values + " " + query[where.end():]

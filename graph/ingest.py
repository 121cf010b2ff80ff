"""Ingest: files → one named graph per source, written into a store.

Files are hashed first; a file whose sha256 the registry already holds for that path is
skipped. The rest are extracted and built in worker processes (each returns N-Triples)
and written from the calling process a batch at a time, in a thread of its own while the
next batch is extracted: new files are loaded together in one atomic step, a changed file
is one replacement of its graph; a file is reported once its batch is written. A file
that cannot be read or extracted is reported and left out; the batch goes on.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from vankien.loaders.errors import VankienError

from .store import Backend

WRITE_EVERY = 100  # files written to the store together (see ``Backend.write_sources``) …
WRITE_WAIT = 2.0  # … or fewer, once this many seconds have passed since the last write

Extracted = tuple[str, str]  # (sha256, N-Triples)
Extractor = Callable[[str, str], Extracted]


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: added, replaced, unchanged or failed (with the reason)."""

    path: str
    status: str
    reason: str = ""


def ingest(
    paths: Iterable[str | Path], store: Backend, *, jobs: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    extractor: Extractor | None = None, ocr: bool = False,
) -> list[Outcome]:
    """Ingest every file under ``paths``; ``on_outcome`` hears about each file as it ends.

    ``ocr`` runs Tesseract on PDFs without a text layer (see ``read_source``).
    """
    report = on_outcome or (lambda outcome: None)
    extract = extractor or (extract_ntriples_ocr if ocr else extract_ntriples)
    found = list(walk(paths, skip=store.own_paths()))
    known = store.entries(found)
    outcomes: list[Outcome] = []

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        report(outcome)

    todo = []
    for path in found:
        entry = known.get(path)
        try:
            sha = file_sha256(path)
        except OSError as exc:
            done(Outcome(path, "failed", exc.strerror or str(exc)))
            continue
        if entry and entry.sha256 == sha:
            done(Outcome(path, "unchanged"))
        else:
            todo.append(path)
    batch: list[tuple[str, Extracted | str]] = []
    writing: tuple[Future[None], list[tuple[str, Extracted | str]]] | None = None
    started = time.monotonic()

    def settle() -> None:
        """Wait for the batch being written, then report its files."""
        nonlocal writing
        if writing:
            future, written = writing
            future.result()
            for path, result in written:
                done(Outcome(path, "failed", result) if isinstance(result, str)
                     else Outcome(path, "replaced" if path in known else "added"))
            writing = None

    def write() -> None:
        nonlocal writing
        settle()
        written = batch[:]
        batch.clear()
        sources = [(p, *r) for p, r in written if not isinstance(r, str)]
        writing = writer.submit(store.write_sources, sources), written

    with ThreadPoolExecutor(1) as writer:  # a batch is written while the next is extracted
        for item in _run(todo, extract, store.base, jobs or os.cpu_count() or 1):
            batch.append(item)
            if len(batch) >= WRITE_EVERY or time.monotonic() - started > WRITE_WAIT:
                write()
                started = time.monotonic()
        write()
        settle()
    store.resolve_yearless()  # year-less citations across the whole store, once per batch
    return outcomes


def walk(paths: Iterable[str | Path], skip: Collection[str] = ()) -> Iterator[str]:
    """Absolute paths of the files named or lying under the folders named.

    Hidden files and folders are passed over, and so are the paths in ``skip``.
    """
    for given in paths:
        path = Path(given).expanduser().resolve()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and os.path.join(root, d) not in skip)
                yield from (p for f in sorted(files) if not f.startswith(".")
                            and (p := os.path.join(root, f)) not in skip)
        else:
            yield str(path)


def file_sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _run(
    paths: list[str], extract: Extractor, base: str, jobs: int,
) -> Iterator[tuple[str, Extracted | str]]:
    """``(path, result or reason)`` in input order.

    Up to two write batches of files are in flight, so the workers go on extracting while
    the calling process writes a batch.
    """
    if jobs <= 1 or len(paths) <= 1:
        yield from ((p, _guarded(extract, p, base)) for p in paths)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["vankien.loaders", "vankien.graph.build", "rdflib"])
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from _windowed(pool, paths, extract, base, 2 * WRITE_EVERY)


def _windowed(
    pool: Executor, paths: list[str], extract: Extractor, base: str, window: int,
) -> Iterator[tuple[str, Extracted | str]]:
    pending: list[tuple[str, Future[Extracted | str]]] = []
    for path in paths:
        pending.append((path, pool.submit(_guarded, extract, path, base)))
        if len(pending) >= window:
            first, future = pending.pop(0)
            yield first, future.result()
    yield from ((p, f.result()) for p, f in pending)


def _guarded(extract: Extractor, path: str, base: str) -> Extracted | str:
    """The extractor's result, or a one-line reason why the file was left out."""
    try:
        return extract(path, base)
    except VankienError as exc:
        return exc.reason
    except Exception as exc:  # a bug in one file's extraction must not stop the batch
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".strip()


def extract_ntriples(path: str, base: str, ocr: bool = False) -> Extracted:
    """Read, extract and build one file; its graph as N-Triples with search words added.

    A file whose own header is impossible (``loaders.checks``) is refused here.
    """
    import pyoxigraph as ox
    from vankien.graph.build import build_ntriples
    from vankien.loaders import extract_file
    from vankien.loaders.checks import check_fit

    extraction = extract_file(path, base=base, ocr=ocr)
    check_fit(extraction)
    ntriples = build_ntriples(extraction, base=base)
    for _ in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):  # a bad term fails here,
        pass  # in this file's worker, before the store is touched
    return extraction.source.sha256, ntriples


def extract_ntriples_ocr(path: str, base: str) -> Extracted:
    """:func:`extract_ntriples` with OCR for scanned PDFs."""
    return extract_ntriples(path, base, ocr=True)


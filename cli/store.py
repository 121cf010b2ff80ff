"""``vankien ingest``, ``remove``, ``export`` and ``stats``: filling and reading out the store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import BaseOpt, EndpointOpt, StoreOpt, clean_errors
from .query import READ_WAIT, FormatOpt, print_table

app = typer.Typer()

WaitOpt = Annotated[float, typer.Option(
    help="Seconds to wait for another vankien process writing the same store.")]


@app.command("ingest")
@clean_errors
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", help="Extraction processes \\[default: one per core].",
        show_default=False)] = 0,
    wait: WaitOpt = 0.0,
    base: BaseOpt = None,
    ocr: Annotated[bool, typer.Option(
        "--ocr", help="OCR scanned PDFs with Tesseract (needs tesseract-ocr-vie).")] = False,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Add files to the store: new and changed files are extracted, unchanged ones skipped.

    A file that cannot be read, or whose own header is impossible (a date 31/02, a number
    'AB'), is reported on one line and left out; exit status 1 then.
    Example: [bold]vankien ingest archive/ --store ./store[/]
    """
    from vankien.graph.ingest import ingest
    from vankien.graph.store import open_store

    with open_store(store, endpoint, write=True, wait=wait, base=base) as backend:
        with _Progress() as progress:
            outcomes = ingest(paths, backend, jobs=jobs or os.cpu_count() or 1,
                              on_outcome=progress.advance, ocr=ocr)
        if backend.compacts_on_close:
            typer.echo("compacting the store for faster reads (minutes for millions of "
                       "triples)…", err=True)
    counts = {s: sum(o.status == s for o in outcomes)
              for s in ("added", "replaced", "unchanged", "failed")}
    typer.echo(", ".join(f"{n} {s}" for s, n in counts.items()), err=True)
    if counts["failed"]:
        raise typer.Exit(1)


class _Progress:
    """A rich progress line with files/s; failures printed above it, one line each."""

    def __enter__(self) -> _Progress:
        from rich.console import Console
        from rich.progress import MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("ingest"), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[rate]:.1f} files/s"),
            console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("ingest", total=None, rate=0.0)
        self._bar.__enter__()
        return self

    def advance(self, outcome: object) -> None:
        if outcome.status == "failed":  # type: ignore[attr-defined]
            self._bar.console.print(f"skipped {outcome.path}: {outcome.reason}",  # type: ignore[attr-defined]
                                    markup=False, highlight=False, soft_wrap=True)
        self._bar.advance(self._task)
        task = self._bar.tasks[0]
        self._bar.update(self._task, rate=task.completed / max(task.elapsed or 0, 1e-3))

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(*exc)  # type: ignore[arg-type]


@app.command("remove")
@clean_errors
def remove_command(
    sources: Annotated[list[Path], typer.Argument(help="Ingested files to take out.")],
    wait: WaitOpt = 0.0,
    base: BaseOpt = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Take ingested files (or every file under a folder) out of the store, with their facts.

    Example: [bold]vankien remove archive/2019/kh-12.txt[/]
    """
    from vankien.graph.store import open_store
    from vankien.loaders.errors import StoreError

    with open_store(store, endpoint, write=True, wait=wait, base=base) as backend:
        for source in sources:
            path = str(source.expanduser().resolve())
            under = list(backend.entries([path])) or [  # a file, else the files of a folder
                p for p in backend.sources() if p.startswith(path + os.sep)]
            if not under:
                raise StoreError(str(source), "not in the store")
            for p in under:
                backend.remove_source(p)
                typer.echo(f"removed {p}", err=True)


@app.command("export")
@clean_errors
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, trig, nq or jsonld.")] = "trig",
    source: Annotated[Path | None, typer.Option(help="Only the graph of this file.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File \\[default: stdout].",
                                                show_default=False)] = None,
    base: BaseOpt = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Write the store, or one source's graph, as Turtle, TriG, N-Quads or JSON-LD.

    Example: [bold]vankien export --format ttl --source archive/nq-35.txt -o nq-35.ttl[/]
    """
    from vankien.graph.export import export
    from vankien.graph.store import open_store

    with open_store(store, endpoint, wait=READ_WAIT, base=base) as backend:
        if output:
            with output.open("wb") as handle:
                export(backend, fmt, handle, source)
        else:
            export(backend, fmt, sys.stdout.buffer, source)
            sys.stdout.buffer.flush()


@app.command("stats")
@clean_errors
def stats_command(
    fmt: FormatOpt = "table",
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Figures of the store: documents by kind, organizations, citations, duties.

    Example: [bold]vankien stats --format md[/]
    """
    from vankien.graph.export import stats
    from vankien.graph.store import open_store

    with open_store(store, endpoint, wait=READ_WAIT) as backend:
        print_table(stats(backend), fmt)

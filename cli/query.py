"""``vankien query``, ``search``, ``duties`` and ``serve``: asking the store.

Heavy libraries (pyoxigraph, rich tables) are imported inside the commands: a query
process must start fast.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import EndpointOpt, StoreOpt, clean_errors

app = typer.Typer()

READ_WAIT = 10.0  # seconds a reader waits for a running ingest to finish
TABLE_ROWS = 100  # rows a table shows by default: rich takes seconds to lay out thousands
FormatOpt = Annotated[
    str,
    typer.Option("--format", "-f", help="table (for terminals), csv, tsv, json (SPARQL 1.1 "
                 "results JSON) or md."),
]


@app.command("query")
@clean_errors
def query_command(
    query: Annotated[str | None, typer.Argument(
        help="A named query, a file of SPARQL, SPARQL text, or - to read stdin.")] = None,
    values: Annotated[list[str] | None, typer.Argument(
        help="The named query's parameter values, in order.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="A parameter as NAME=VALUE (repeatable).")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    fmt: FormatOpt = "table",
    limit: Annotated[int | None, typer.Option(
        help="At most this many rows (0: all) \\[default: 100 in a table, all in the other "
        "formats]; a paged named query counts its documents or duties.", show_default=False,
        min=0)] = None,
    offset: Annotated[int, typer.Option(help="Rows to skip first (the next page).", min=0)] = 0,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Run a SPARQL SELECT query: a named one, a file, text or stdin.

    The default graph holds every source's facts (each once); GRAPH ?g reaches one source's
    (its own duties, spans and warnings by their rdf:type and a warning's vk:code).
    Example: [bold]vankien query backlinks 35-NQ/TW[/] (see [bold]vankien query --list[/])
    """
    from vankien.graph.query import load_query, named_queries, run_page, run_query
    from vankien.graph.store import open_store
    from vankien.loaders.errors import QueryError

    if list_queries or query is None:
        for q in named_queries().values():
            args = " ".join(f"{p.name.upper()}" for p in q.params)
            typer.echo(f"{q.name} {args}".strip() + f"\n    {q.description}")
        return
    text = _query_text(query)
    params = dict(_pair(p) for p in param or [])
    if values:
        if not re.fullmatch(r"[\w-]+", text.strip()):
            raise QueryError(None, "values go with named queries; use --param NAME=VALUE")
        names = [p.name for p in load_query(text.strip()).params]
        if len(values) > len(names):
            raise QueryError(text, f"takes {len(names)} value(s): {' '.join(names) or 'none'}")
        params.update(zip(names, values, strict=False))
    page = limit if limit is not None else TABLE_ROWS if fmt == "table" else 0
    with open_store(store, endpoint, wait=READ_WAIT) as backend:
        if page:
            table, more = run_page(backend, text, params, page, offset)
        else:
            table, more = run_query(backend, text, params, offset=offset), False
    print_table(table, fmt)
    if more:
        typer.echo(f"more rows: --offset {offset + page}, or --limit 0 for all", err=True)


def _query_text(query: str) -> str:
    if query == "-":
        return sys.stdin.read()
    if len(query) < 4096 and "\n" not in query and Path(query).is_file():
        return Path(query).read_text(encoding="utf-8")
    return query


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise typer.BadParameter(f"{text!r}: write NAME=VALUE", param_hint="--param")
    return name.strip(), value


def print_table(table: object, fmt: str) -> None:
    """Print a result table in ``fmt``: a rich table for terminals, or a file format."""
    from vankien.graph.results import FORMATS, display, render

    if fmt != "table":
        if fmt not in FORMATS:
            raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
        sys.stdout.write(render(table, fmt))  # type: ignore[arg-type]
        return
    from rich.console import Console
    from rich.table import Table

    rows = table.rows  # type: ignore[attr-defined]
    out = Table(*table.variables, caption=f"{len(rows)} row(s)")  # type: ignore[attr-defined]
    for row in rows:
        out.add_row(*(display(t) for t in row))
    Console().print(out)


@app.command("search")
@clean_errors
def search_command(
    words: Annotated[list[str], typer.Argument(help="Words of a symbol, subject or name.")],
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
    fmt: FormatOpt = "table",
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Find documents and bodies by symbol, subject or name (accents and case ignored).

    Example: [bold]vankien search nghi quyet 35[/]
    """
    from vankien.graph.search import search
    from vankien.graph.store import open_store

    with open_store(store, endpoint, wait=READ_WAIT) as backend:
        table = search(backend, " ".join(words), limit=limit)
    print_table(table, fmt)


@app.command("duties")
@clean_errors
def duties_command(
    actor: Annotated[str | None, typer.Option(
        help="Only this body's duties (part of its name, as resolved or as written; "
        "accents and case ignored).")] = None,
    ics: Annotated[Path | None, typer.Option(help="Write an iCalendar file here.")] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Recurring duties and deadlines, as a list or an iCalendar (.ics) file.

    Example: [bold]vankien duties --actor "Ban Tuyên giáo" --ics duties.ics[/]
    """
    from vankien.graph.calendar import duty_events, to_ics
    from vankien.graph.store import open_store

    with open_store(store, endpoint, wait=READ_WAIT) as backend:
        events = duty_events(backend, actor)
    if ics:
        ics.write_text(to_ics(events), encoding="utf-8", newline="")
        typer.echo(f"{len(events)} event(s) written to {ics}", err=True)
        return
    for e in events:
        typer.echo(f"{e.start}  {e.rrule or 'once':<24} {e.summary}")


@app.command("serve")
@clean_errors
def serve_command(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 7878,
    store: StoreOpt = None,
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint on 127.0.0.1 (Ctrl-C stops).

    Example: [bold]vankien serve --port 7878[/], then query http://127.0.0.1:7878/query
    """
    import signal
    import subprocess

    from vankien.graph import serve
    from vankien.graph.store import default_store_path, store_lock

    path = (store or default_store_path()).expanduser()
    command = serve.serve_command(path, port=port)
    with store_lock(path, exclusive=False, wait=READ_WAIT):
        typer.echo(f"SPARQL endpoint (read-only): http://127.0.0.1:{port}/query", err=True)
        child = subprocess.Popen(command)
        signal.signal(signal.SIGTERM, lambda *_: child.terminate())
        try:
            child.wait()
        except KeyboardInterrupt:
            child.terminate()
            child.wait()

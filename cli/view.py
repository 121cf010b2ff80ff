"""``vankien view``: an interactive HTML page of the graph that opens offline."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from .common import EndpointOpt, StoreOpt, clean_errors

app = typer.Typer()

FocusArg = Annotated[str | None, typer.Argument(
    help="A document symbol (35-NQ/TW), a body's name, or words of a subject.",
    show_default=False)]
KINDS = ("document, state (state documents), organization, person, responsibility, duty, "
         "or a document kind (NQ, KL …)")


@app.command("view")
@clean_errors
def view_command(
    focus: FocusArg = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=0,
                                       help="How many links away from the focus.")] = 1,
    only: Annotated[str | None, typer.Option(
        "--only", metavar="KINDS", help=f"Keep these, comma-separated: {KINDS}.")] = None,
    lineage: Annotated[str | None, typer.Option(
        "--lineage", metavar="SYMBOL",
        help="The family of a resolution, left to right by date.")] = None,
    overview: Annotated[bool, typer.Option(
        "--overview", help="The whole archive: its most connected documents and bodies.")] = False,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1,
                                           help="Show at most this many nodes.")] = 500,
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="The HTML file to write.")] = Path("view.html"),
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Draw a neighbourhood, a lineage or the whole archive as one HTML page.

    The page works offline: hover a node for its metadata and source sentence, search by name.

    Example: [bold]vankien view 35-NQ/TW -o v.html[/]
    Example: [bold]vankien view --lineage 02-NQ/ĐUK --open[/]
    """
    if sum(map(bool, (focus, lineage, overview))) > 1:
        raise typer.BadParameter("give a FOCUS, --lineage or --overview, not several")
    from vankien.graph.store import open_store
    from vankien.graph.view import render_view

    with open_store(store, endpoint) as backend:
        view = render_view(backend, focus, depth=depth, only=only, lineage=lineage,
                           overview=overview, max_nodes=max_nodes)
    try:
        path = view.write(output)
    except OSError as exc:
        print(f"vankien: {output}: cannot write the page: {exc.strerror}", file=sys.stderr)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {view.node_count} nodes and {view.edge_count} edges to {path}")
    if open_page:
        webbrowser.open(path.resolve().as_uri())

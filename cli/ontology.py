"""``vankien validate``, ``reason`` and ``ontology``: checking the graph, publishing the vocabulary.

Heavy libraries (pyshacl, owlready2) are imported inside the commands.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import EndpointOpt, StoreOpt, clean_errors

if TYPE_CHECKING:
    from rdflib import Dataset

app = typer.Typer()

FileOpt = Annotated[Path | None, typer.Option(
    "--file", "-f", help="Check this RDF file (TriG, N-Quads, Turtle …) instead of the store.",
    show_default=False)]


@app.command("validate")
@clean_errors
def validate_command(file: FileOpt = None, store: StoreOpt = None,
                     endpoint: EndpointOpt = None) -> None:
    """Check the graph against the SHACL shapes; print each violation on one line.

    Exit status 1 when there is any violation.
    Example: [bold]vankien validate --store ./store[/] or [bold]vankien validate -f graph.trig[/]
    """
    from vankien.graph.validate import validate

    data = _data(file, store, endpoint)
    violations = validate(data)
    for violation in violations:
        typer.echo(str(violation))
    nodes = len({v.focus for v in violations})
    typer.echo(f"{len(violations)} violation(s) in {nodes} node(s)" if violations else
               f"no violations ({len(data)} triples checked)", err=True)
    if violations:
        raise typer.Exit(1)


@app.command("reason")
@clean_errors
def reason_command(
    file: FileOpt = None,
    ontology_only: Annotated[bool, typer.Option(
        "--ontology-only", help="Check the ontology alone, without data.")] = False,
    limit: Annotated[int, typer.Option(help="Inferred facts to print (0: none).")] = 20,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Run the HermiT reasoner (needs Java): is the graph consistent, what follows from it.

    The reasoner sees nodes, types and links; literal values are checked by validate.
    Exit status 1 when the ontology and data are inconsistent.
    Example: [bold]vankien reason --store ./store[/] or [bold]vankien reason --ontology-only[/]
    """
    from vankien.ontology.reason import reason

    data = None if ontology_only else _data(file, store, endpoint)
    result = reason(data)
    if not result.consistent:
        typer.echo("inconsistent: the ontology and the data contradict each other")
        for cls in result.unsatisfiable:
            typer.echo(f"  class without possible members: {cls}")
        raise typer.Exit(1)
    typer.echo(f"consistent; {len(result.inferred)} fact(s) inferred")
    for s, p, o in result.inferred[:limit]:
        typer.echo(f"  <{s}> <{p}> <{o}>")


@app.command("ontology")
@clean_errors
def ontology_command(
    out: Annotated[Path, typer.Argument(help="Folder to write into.")] = Path("docs/ontology"),
    html: Annotated[bool, typer.Option("--html/--no-html", help="Write index.html too.")] = True,
) -> None:
    """Publish the ontology: Turtle, RDF/XML and a readable HTML page.

    Example: [bold]vankien ontology docs/ontology[/] (refresh the packaged RDF/XML with
    [bold]vankien ontology ontology --no-html[/])
    """
    from vankien.ontology.docs import export

    for path in export(out, html=html):
        typer.echo(str(path))


def _data(file: Path | None, store: Path | None, endpoint: str | None) -> Dataset:
    """The data to check: a file when given, else the store."""
    # an ill-typed literal (a date '2024-13-01') is reported by validate, not as a traceback
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    from vankien.graph.validate import load_data, store_data

    if file is not None:
        return load_data(file)
    from vankien.graph.store import open_store

    with open_store(store, endpoint) as backend:
        return store_data(backend)

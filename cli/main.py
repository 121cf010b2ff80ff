"""The ``vankien`` command: each command group lives in its own module."""

from __future__ import annotations

from typing import Annotated

import typer

from . import extract, ontology, query, store, view
from .common import state

app = typer.Typer(
    help="Turn Vietnamese party documents (văn kiện Đảng) into a knowledge graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """vankien: party directives → RDF graph → SPARQL queries and HTML views."""
    state["debug"] = debug


for group in (extract, store, query, view, ontology):
    app.add_typer(group.app)

"""What every command shares: the store and endpoint options, and clean error lines."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from vankien.loaders.errors import VankienError

F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        envvar="VANKIEN_STORE",
        help="Store folder \\[default: $VANKIEN_STORE, else ~/.local/share/vankien/store].",
        show_default=False,
    ),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        envvar="VANKIEN_ENDPOINT",
        help="A SPARQL 1.1 endpoint URL to use instead of the embedded store.",
    ),
]

BaseOpt = Annotated[
    str | None,
    typer.Option(
        help="Base IRI for documents and bodies \\[default: https://w3id.org/vankien/].",
        show_default=False,
    ),
]

state = {"debug": False}


def clean_errors(func: F) -> F:
    """Turn a library error into one line on stderr and exit status 2 (unless --debug)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VankienError as exc:
            if state["debug"]:
                raise
            print(f"vankien: {exc}", file=sys.stderr)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]

"""Commands of the view group (being written)."""

from __future__ import annotations

import typer

app = typer.Typer()

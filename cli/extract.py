"""``vankien extract``: what was found in one file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from vankien.loaders import Document, Extraction

from .common import BaseOpt, clean_errors

app = typer.Typer()


@app.command("extract")
@clean_errors
def extract_command(
    file: Annotated[Path, typer.Argument(help="A .txt, .md, .docx, .pdf or .html file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON contract.")] = False,
    base: BaseOpt = None,
    ocr: Annotated[bool, typer.Option(
        "--ocr", help="Read scanned PDF pages with Tesseract (needs tesseract-ocr-vie).")] = False,
) -> None:
    """Show what was found in one file: documents, citations, duties, signers.

    Example: [bold]vankien extract examples/corpus/01-nghi-quyet-12-NQ-TU.md --json[/]
    """
    from vankien.loaders import DEFAULT_BASE, extract_file

    extraction = extract_file(file, base=base or DEFAULT_BASE, ocr=ocr)
    if as_json:
        typer.echo(json.dumps(extraction.to_json(), ensure_ascii=False, indent=1))
    else:
        print_summary(extraction, Console())


def print_summary(extraction: Extraction, console: Console) -> None:
    """A reader's summary: each document, what it cites, who must do what and when."""
    console.print(f"[bold]{extraction.source.path}[/] ({extraction.source.format}, "
                  f"{len(extraction.documents)} document(s))")
    for doc in extraction.documents:
        _print_document(doc, console)
    for w in extraction.warnings:
        console.print(f"[yellow]warning[/] {w.code}: {w.message}")


def _print_document(doc: Document, console: Console) -> None:
    console.rule(f"{doc.type_name or doc.type or '?'} {doc.symbol or '(no number)'}")
    rows = [
        ("date", doc.date), ("place", doc.place),
        ("issuer", doc.issuer and doc.issuer.name),
        ("under", doc.issuer_parent and doc.issuer_parent.name),
        ("subject", doc.subject), ("forwards", doc.forwards), ("forwarded by", doc.forwarded_by),
        ("signed", _signature(doc)),
    ]
    for label, value in rows:
        if value:
            console.print(f"  [dim]{label:>12}[/] {value}")
    if doc.citations:
        table = Table("cites", "relation", "date", "issuer", title="Citations",
                      title_justify="left")
        for c in doc.citations:
            table.add_row(c.symbol, c.relation, c.date or "", c.issuer or "")
        console.print(table)
    if doc.responsibilities:
        table = Table("who", "role", "task", "when", title="Who must do what",
                      title_justify="left")
        for r in doc.responsibilities:
            when = ", ".join([*r.recurrences, *([r.deadline] if r.deadline else [])])
            table.add_row(r.actor, r.role, _short(r.task), when)
        console.print(table)
    for d in doc.deadlines:
        console.print(f"  [dim]{'deadline':>12}[/] {d.date or '?'}: {_short(d.text)}")
    if doc.recipients:
        names = "; ".join(f"{r.name}" + (f" ({r.purpose})" if r.purpose else "")
                          for r in doc.recipients)
        console.print(f"  [dim]{'sent to':>12}[/] {names}")


def _signature(doc: Document) -> str | None:
    s = doc.signer
    if not s:
        return None
    parts = [s.authority, s.on_behalf_of, s.position, s.name]
    return " ".join(p for p in parts if p) or None


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

"""Word .docx → text: paragraphs and tables in document order.

Each paragraph is a line, then the text boxes anchored in it; a table is read row by row
and cell by cell, each cell's paragraphs as lines, so the two-column header table of a
party document gives the issuer block and symbol, then the party motto and the place and
date, as the typed text does. A paragraph that is a heading (Heading/Title style, or all
of it bold) is kept as structure the Markdown way, ``**KẾT LUẬN**``.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..errors import ReadError

_RUN, _TEXT_BOX = qn("w:r"), qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_TEXT = frozenset([_TEXT_BOX, _FALLBACK, qn("w:del"), qn("w:moveFrom")])
MAX_XML_BYTES = 100 * 10**6  # unpacked word/document.xml; more is a zip bomb, not a directive


def read_docx(data: bytes) -> str:
    """The text of a .docx; raise :class:`ReadError` (no path) when it is broken."""
    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_blocks(document.iter_inner_content()))
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise ReadError(None, f"broken .docx ({type(exc).__name__})") from exc
    return _join(lines)


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise ReadError(None, "broken .docx (not a zip archive, or cut short)") from exc
    except KeyError as exc:
        raise ReadError(None, "broken .docx (no word/document.xml)") from exc
    if info.file_size > MAX_XML_BYTES:
        raise ReadError(None, f"broken .docx (document.xml unpacks to {info.file_size} bytes)")


def _blocks(items: Iterator[Paragraph | Table]) -> Iterator[str]:
    for item in items:
        if isinstance(item, Paragraph):
            yield from _paragraph(item)
        else:
            yield from _table(item)


def _table(table: Table) -> Iterator[str]:
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell shows up once per grid column it spans
                continue
            seen.add(id(cell._tc))
            yield from _blocks(cell.iter_inner_content())
        yield ""


def _paragraph(paragraph: Paragraph) -> Iterator[str]:
    runs = _runs(paragraph)
    text = "".join(run.text for run in runs)
    if not text.strip():
        yield ""
    else:
        heading = _is_heading(paragraph, runs)
        for line in text.split("\n"):
            line = line.rstrip()
            yield f"**{line.strip()}**" if heading and line.strip() else line
    yield from _text_boxes(paragraph)


def _text_boxes(paragraph: Paragraph) -> Iterator[str]:
    """Text boxes anchored in the paragraph (some templates set the header in them).

    Word stores each box twice, as DrawingML and as a VML fallback: the fallback is
    skipped, and so are boxes inside boxes, which their own paragraph reads.
    """
    for box in paragraph._p.iter(_TEXT_BOX):
        outer = itertools.takewhile(lambda e: e is not paragraph._p, box.iterancestors())
        if any(e.tag in (_FALLBACK, _TEXT_BOX) for e in outer):
            continue
        for p in box.iterchildren(qn("w:p")):
            yield from _paragraph(Paragraph(p, paragraph._parent))


def _runs(paragraph: Paragraph) -> list[Run]:
    """Every run of the paragraph's text, also those inside smart tags, content controls,
    fields and tracked insertions (python-docx's ``Paragraph.text`` leaves them out);
    not deleted text, nor text boxes, which ``_text_boxes`` reads."""
    p = paragraph._p
    runs = []
    for r in p.iter(_RUN):
        outer = itertools.takewhile(lambda e: e is not p, r.iterancestors())
        if not any(e.tag in _NOT_TEXT for e in outer):
            runs.append(Run(r, paragraph))
    return runs


def _is_heading(paragraph: Paragraph, runs: list[Run]) -> bool:
    style = paragraph.style
    if style is not None and style.name and style.name.startswith(("Heading", "Title")):
        return True
    runs = [run for run in runs if run.text.strip()]
    return bool(runs) and all(_bold(run.bold, run.style, paragraph.style) for run in runs)


def _bold(direct: bool | None, *styles: BaseStyle | None) -> bool:
    """A run's boldness: set on the run, else inherited from its style chains."""
    if direct is not None:
        return direct
    for style in styles:
        while style is not None:
            bold = getattr(getattr(style, "font", None), "bold", None)
            if bold is not None:
                return bold
            style = style.base_style
    return False


def _join(lines: list[str]) -> str:
    """Lines joined with one blank line at most between blocks."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")

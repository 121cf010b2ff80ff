"""Duties laid out as a table, as a plan's appendix puts them: a row a task, with columns
for the body that leads it (chủ trì) or carries it out (thực hiện), those that coordinate
(phối hợp), and when (thời gian, thời hạn).

Markdown tables only, a row a line that opens with ``|``: the pipes are read on the source,
the words on the plain view, which has the same offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from .clean import fold
from .model import Responsibility, Span
from .plain import lines, view, written
from .timing import frequencies, time_limit

# A column's role, by the folded words of its heading; the first that matches wins.
_HEADINGS = (("lead", "chu tri"), ("coordinate", "phoi hop"), ("execute", "thuc hien"),
             ("time", "thoi gian"), ("time", "thoi han"), ("time", "tien do"),
             ("task", "nhiem vu"), ("task", "noi dung"), ("task", "cong viec"),
             ("task", "giai phap"))
_RULE = re.compile(r"\s*:?-{3,}:?\s*")  # the row under the headings
_SEPARATORS = re.compile(r"\s*(?:[,;]|\bvà\b)\s*")


def table_duties(text: str, start: int, end: int, issued: str | None) -> list[Responsibility]:
    """A responsibility for each body in the lead (else the execute) column of each row of
    the duty tables in ``text[start:end]``; ``issued`` resolves relative deadlines."""
    if text.find("|", start, end) < 0:  # most documents hold no table: no line walk
        return []
    plain = view(text)
    found: list[Responsibility] = []
    for rows in _tables(text, start, end):
        columns = _columns(plain, rows[0])
        if "task" not in columns or not {"lead", "execute"} & columns.keys():
            continue
        for cells in rows[1:]:
            if len(cells) > max(columns.values()):
                found += _row(plain, cells, columns, issued)
    return found


def _tables(text: str, start: int, end: int) -> Iterator[list[list[Span]]]:
    """Each run of table rows, a row a list of cell spans, the rule row left out."""
    rows: list[list[Span]] = []
    for a, b in lines(text, start, end):
        cells = _cells(text, a, b)
        if cells is None:
            if rows:
                yield rows
            rows = []
        elif cells and not all(_RULE.fullmatch(text, x, y) for x, y in cells):
            rows.append(cells)
    if rows:
        yield rows


def _cells(text: str, a: int, b: int) -> list[Span] | None:
    """The cells between the pipes of a table row; None for a line that is not one."""
    line = text[a:b]
    if not line.lstrip().startswith("|"):
        return None
    pipes = [a + i for i, c in enumerate(line) if c == "|" and (i == 0 or line[i - 1] != "\\")]
    return [(x + 1, y) for x, y in pairwise(pipes)]


def _columns(plain: str, headings: list[Span]) -> dict[str, int]:
    """Role → index of the first column whose heading names it."""
    columns: dict[str, int] = {}
    for i, (a, b) in enumerate(headings):
        heading = fold(plain[a:b])
        role = next((r for r, words in _HEADINGS if words in heading), None)
        if role:
            columns.setdefault(role, i)
    return columns


def _row(plain: str, cells: list[Span], columns: dict[str, int],
         issued: str | None) -> list[Responsibility]:
    role = "lead" if "lead" in columns else "execute"
    task = written(plain, *cells[columns["task"]])
    if not task:
        return []
    partners = _names(plain, cells[columns["coordinate"]]) if "coordinate" in columns else ()
    when = cells[columns["time"]] if "time" in columns else None
    recurrences = (frequencies(plain, *when) if when else ()) or frequencies(
        plain, *cells[columns["task"]])
    span = (cells[0][0], cells[-1][1])
    deadline = time_limit(plain, *when, issued) if when else None
    return [Responsibility(actor, role, task, partners, recurrences, deadline, None, span)
            for actor in _names(plain, cells[columns[role]])]


def _names(plain: str, cell: Span) -> tuple[str, ...]:
    """The bodies a cell names: 'Ban Tuyên giáo Tỉnh ủy, Văn phòng Tỉnh ủy' → two."""
    words = written(plain, *cell).strip(" .")
    return tuple(n for n in _SEPARATORS.split(words) if n)

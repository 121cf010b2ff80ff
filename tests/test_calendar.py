"""The duties calendar: RFC 5545 text escaping, line folding, recurrence rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vankien.graph.calendar import Event, escape, fold_line, to_ics

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(("text", "escaped"), [
    ("Báo cáo; tổng kết, sơ kết", "Báo cáo\\; tổng kết\\, sơ kết"),
    ("dòng 1\ndòng 2", "dòng 1\\ndòng 2"),
    ("a\\b", "a\\\\b"),
])
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


@given(st.text(alphabet="aăâđêôơưAĐ ;,:ệỹ€😀", max_size=400))
def test_folded_lines_are_short_and_unfold_to_the_original(text: str) -> None:
    line = "DESCRIPTION:" + text
    pieces = fold_line(line).split("\r\n")
    assert all(len(p.encode()) <= 75 for p in pieces)
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line
    assert all(p.startswith(" ") for p in pieces[1:])


def test_ics_document() -> None:
    events = [
        Event("u1@vankien", date(2019, 3, 1), "Ban Tuyên giáo: báo cáo", "báo cáo, hằng năm",
              "FREQ=YEARLY"),
        Event("u2@vankien", date(2020, 6, 30), "Rà soát", "trước 30/6"),
    ]
    ics = to_ics(events, now=NOW)
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert ics.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    lines = ics.split("\r\n")
    assert "DTSTART;VALUE=DATE:20190301" in lines and "DTEND;VALUE=DATE:20190302" in lines
    assert "RRULE:FREQ=YEARLY" in lines and lines.count("BEGIN:VEVENT") == 2
    assert "DESCRIPTION:báo cáo\\, hằng năm" in lines and "DTSTAMP:20250102T030405Z" in lines
    assert sum(line.startswith("RRULE") for line in lines) == 1

"""Named queries read by period: pages of a period form are slices of its rows, and its rows
are those of the query itself (composed documents, both backends). Backlinks of a much-cited
document go by month, the responsibilities of a busy body by year, newest first."""

from __future__ import annotations

import hashlib
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from vankien.graph import query
from vankien.graph.build import build_ntriples
from vankien.graph.query import bind, load_query, period_counts, pick_periods, run_page, run_query
from vankien.graph.store import Backend, Table
from vankien.loaders.model import Citation, Document, Extraction, Responsibility, Source

# Kế hoạch k of Tỉnh ủy An Lạc, issued on DATES[k]; each implements 35-NQ/TW of 2018, and
# every third also cites "Nghị quyết 35-NQ/TW" without a year (a second node, same symbol).
DATES = ["2024-01-05", None, "2024-01-05", "2024-01-20", "2023-12-31", None, "2024-02-01",
         "2024-01-20", "2024-03-10", "2024-02-29", "2023-12-01", "2024-01-05"]
DATED = Citation(symbol="35-NQ/TW", type="NQ", number="35", date="2018-10-22",
                 relation="implements")
YEARLESS = Citation(symbol="35-NQ/TW", type="NQ", number="35")
PARAMS = {"symbol": "35-NQ/TW"}


def _source(k: int, date: str | None) -> tuple[str, str, str]:
    text = f"Kế hoạch {k}"
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(type="KH", type_name="Kế hoạch", symbol=f"{k + 1}-KH/TU", number=str(k + 1),
                   date=date, citations=[DATED, YEARLESS] if k % 3 == 0 else [DATED])
    extraction = Extraction(Source(f"an-lac/kh-{k}.txt", sha, "txt", text), [doc])
    return f"an-lac/kh-{k}.txt", sha, build_ntriples(extraction)


@pytest.fixture
def store(empty_backend: Backend) -> Backend:
    empty_backend.write_sources(_source(k, date) for k, date in enumerate(DATES))
    return empty_backend


@pytest.fixture
def by_period(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query, "PERIODS_ABOVE", 0)


KEYS = len(DATES) + len(DATES[::3])


def test_the_month_form_gives_the_rows_of_backlinks(store: Backend,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    whole = run_query(store, "backlinks", PARAMS)
    monkeypatch.setattr(query, "PERIODS_ABOVE", 0)
    counts = period_counts(store, "backlinks", bind(load_query("backlinks"), PARAMS), KEYS)
    assert counts and sum(n for *_, n in counts) == KEYS
    assert run_query(store, "backlinks", PARAMS, limit=KEYS) == whole
    assert len(whole.rows) == KEYS  # one row a key: pages below are slices of rows
    dates = [row[whole.variables.index("date")] for row in whole.rows]
    assert [d.value if d else None for d in dates] == sorted(DATES + DATES[::3],
                                                             key=lambda d: d or "")


@pytest.mark.parametrize(("limit", "offset"), [
    (1, 0), (3, 0), (4, 2), (5, 3), (2, KEYS - 1), (4, KEYS), (3, KEYS + 5), (0, 2),
    (KEYS, 0)])
def test_a_page_by_month_is_a_slice_of_the_rows(store: Backend, by_period: None,
                                                limit: int, offset: int) -> None:
    whole = run_query(store, "backlinks", PARAMS).rows  # all rows: in one pass
    assert run_query(store, "backlinks", PARAMS, limit=limit, offset=offset).rows == \
        whole[offset:offset + limit]


@pytest.mark.parametrize(("limit", "offset", "more"), [
    (5, 0, True), (5, KEYS - 5, False), (5, KEYS - 6, True), (1, KEYS, False)])
def test_the_period_counts_say_whether_more_rows_follow(store: Backend, by_period: None,
                                                       limit: int, offset: int,
                                                       more: bool) -> None:
    assert run_page(store, "backlinks", PARAMS, limit, offset)[1] is more


@pytest.mark.parametrize(("upto", "months"), [
    (0, ["", "2023-12", "2024-01"]),  # the first four groups: 2024-01 has two, one a target
    (10, ["", "2023-12", "2024-01"]),
    (11, ["", "2023-12", "2024-01", "2024-02", "2024-03"]),
    (KEYS, ["", "2023-12", "2024-01", "2024-02", "2024-03"])])
def test_period_counts_count_the_earliest_months_that_hold_the_page(
        store: Backend, by_period: None, upto: int, months: list[str]) -> None:
    counts = period_counts(store, "backlinks", bind(load_query("backlinks"), PARAMS), upto)
    assert sorted({month for month, *_ in counts}) == months


# Kế hoạch k of Tỉnh ủy An Lạc, issued on ASSIGNED[k], gives Ban Tuyên giáo two duties. Every
# other plan names the body as resolved (ORG); the rest name it as written, so each of those
# sources has a body of its own with the same label: a year of several groups.
ASSIGNED = ["2023-03-01", None, "2024-06-20", "2022-12-31", "2023-03-01", "2024-01-05", None,
            "2024-06-20", "2023-11-30"]
ORG = "https://w3id.org/vankien/org/ban-tuyen-giao-tinh-uy-an-lac"
ACTOR = {"actor": "Ban Tuyên giáo Tỉnh ủy An Lạc"}
DUTIES = 2 * len(ASSIGNED)


def _plan(k: int, date: str | None) -> tuple[str, str, str]:
    text = f"Kế hoạch phân công {k}"
    sha = hashlib.sha256(text.encode()).hexdigest()
    org_id = ORG if k % 2 == 0 else None
    duties = [Responsibility(ACTOR["actor"], "lead", f"Việc {k}.{j}", actor_id=org_id,
                             recurrences=("hằng năm",) if j else ()) for j in range(2)]
    doc = Document(type="KH", type_name="Kế hoạch", symbol=f"{k + 1}-KH/TU", number=str(k + 1),
                   date=date, responsibilities=duties)
    extraction = Extraction(Source(f"an-lac/pc-{k}.txt", sha, "txt", text), [doc],
                            organizations={ORG: ACTOR["actor"]})
    return f"an-lac/pc-{k}.txt", sha, build_ntriples(extraction)


@pytest.fixture
def duties(empty_backend: Backend) -> Backend:
    empty_backend.write_sources(_plan(k, date) for k, date in enumerate(ASSIGNED))
    return empty_backend


def test_the_year_form_gives_the_rows_of_responsibilities(duties: Backend, by_period: None) -> None:
    whole = run_query(duties, "responsibilities", ACTOR, limit=None)
    counts = period_counts(duties, "responsibilities",
                           bind(load_query("responsibilities"), ACTOR), DUTIES)
    assert [period for period, *_ in counts] == sorted(
        (period for period, *_ in counts), key=lambda p: p or "0", reverse=True)
    assert sum(n for *_, n in counts) == len(whole.rows) == DUTIES  # one row a duty
    assert run_query(duties, "responsibilities", ACTOR, limit=DUTIES) == whole
    dates = [row[whole.variables.index("date")] for row in whole.rows]
    assert [d.value if d else None for d in dates] == sorted(
        [d for d in ASSIGNED for _ in range(2)], key=lambda d: d or "", reverse=True)


@pytest.mark.parametrize(("limit", "offset"), [
    (1, 0), (3, 0), (4, 2), (5, 3), (2, DUTIES - 1), (4, DUTIES), (7, 11), (0, 2)])
def test_a_page_by_year_is_a_slice_of_the_rows(duties: Backend, by_period: None,
                                               limit: int, offset: int) -> None:
    whole = run_query(duties, "responsibilities", ACTOR).rows
    page, more = run_page(duties, "responsibilities", ACTOR, limit, offset)
    assert page.rows == whole[offset:offset + limit]
    assert more is (offset + limit < DUTIES)


class Groups:
    """A store that knows the month groups of one document: ``(month, keys)`` each."""

    def __init__(self, groups: list[tuple[str, int]]) -> None:
        self.groups = {ox.NamedNode(f"urn:g{i}"): group for i, group in enumerate(groups)}

    def select(self, text: str, bindings: dict[str, Any]) -> Table:
        if "group" in bindings:  # the counts query
            return Table(["group", "keys"], [(g, ox.Literal(str(self.groups[g][1])))
                                             for g in bindings["group"] if self.groups[g][1]])
        if "COUNT" in text:  # the keys query
            return Table(["keys"], [(ox.Literal(str(sum(n for _, n in self.groups.values()))),)])
        return Table(["group", "month"], sorted(  # in page order, as the groups query gives them
            ((g, ox.Literal(m)) for g, (m, _) in self.groups.items()), key=lambda r: r[1].value))


@given(st.lists(st.tuples(st.sampled_from(["", "2024-01", "2024-02", "2024-03", "2025-07"]),
                          st.integers(0, 9)), max_size=12),
       st.integers(0, 40), st.integers(0, 40))
def test_period_counts_are_whole_months_enough_or_all(groups: list[tuple[str, int]], upto: int,
                                                      above: int) -> None:
    """The earliest months, every group of each, more than ``upto`` keys or all of them; none
    when the query has no more than ``PERIODS_ABOVE`` keys."""
    store = Groups(groups)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(query, "PERIODS_ABOVE", above)
        counts = period_counts(store, "backlinks", {}, upto)  # type: ignore[arg-type]
    total = sum(n for _, n in groups)
    if total <= above:
        assert counts == []
        return
    taken = {month for month, *_ in counts}
    assert [month for month, *_ in counts] == sorted(m for m, _ in groups if m in taken)
    assert all(m > max(taken) for m, _ in groups if m not in taken)
    assert all(n == store.groups[g][1] for _, g, n in counts)
    assert sum(n for *_, n in counts) > upto or len(counts) == len(groups)


# (month, group, keys) as the counts query gives them, by month.
MONTHS = [("", "u", 2), ("2024-01", "a", 3), ("2024-01", "b", 1), ("2024-02", "c", 4)]


@pytest.mark.parametrize(("limit", "offset", "groups", "skip"), [
    (1, 0, ["u"], 0),
    (2, 1, ["u", "a", "b"], 1),
    (3, 2, ["a", "b"], 0),
    (1, 6, ["c"], 0),
    (0, 3, ["a", "b"], 1),  # nothing asked: one month, past the offset
    (5, 20, ["c"], 14),  # past the end: the last month, skipped whole
])
def test_pick_periods(limit: int, offset: int, groups: list[str], skip: int) -> None:
    assert pick_periods(MONTHS, limit, offset) == (groups, skip)  # type: ignore[arg-type]


@given(st.lists(st.integers(1, 5), min_size=1, max_size=8), st.integers(0, 30),
       st.integers(0, 30))
def test_picked_months_hold_the_page(sizes: list[int], offset: int, limit: int) -> None:
    """The keys of the picked months, after ``skip``, start with the asked page."""
    months = [(f"2024-{m:02}", f"g{m}", n) for m, n in enumerate(sizes, 1)]
    keys = [(month, i) for month, _, n in months for i in range(n)]
    groups, skip = pick_periods(months, limit, offset)  # type: ignore[arg-type]
    held = [key for key in keys if f"g{int(key[0][5:])}" in groups]
    assert held[skip:][:limit] == keys[offset:offset + limit]


@pytest.mark.parametrize(("sources", "name", "params", "groups"), [
    (lambda: [_source(k, date) for k, date in enumerate(DATES)], "backlinks", PARAMS,
     "/citations/"),
    (lambda: [_plan(k, date) for k, date in enumerate(ASSIGNED)], "responsibilities", ACTOR,
     "/duties/")])
def test_a_store_without_groups_pages_in_one_pass(empty_backend: Backend, by_period: None,
                                                  sources: Any, name: str,
                                                  params: dict[str, str], groups: str) -> None:
    """A store written before the groups: the keys are many, the periods none."""
    empty_backend.write_sources(
        (path, sha, "".join(line for line in nt.splitlines(True) if groups not in line))
        for path, sha, nt in sources())
    whole = run_query(empty_backend, name, params).rows
    assert len(whole) > 5
    assert period_counts(empty_backend, name, bind(load_query(name), params), 5) == []
    assert run_query(empty_backend, name, params, limit=3, offset=2).rows == whole[2:5]

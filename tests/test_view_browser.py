"""Views in a real browser: Debian's chromium, headless, offline, driven by Playwright."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from typer.testing import CliRunner
from vankien.cli.main import app
from vankien.graph.ntriples import to_ntriples
from vankien.graph.store import open_store
from vankien.graph.view import View, render_view

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "view_sample.ttl"
SCREENSHOT = ROOT / "docs" / "view-seeds.png"

if not CHROMIUM.exists():
    pytest.skip(f"no browser at {CHROMIUM}: apt-get install chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def store() -> ox.Store:
    dataset = rdflib.Dataset()
    dataset.parse(SAMPLE, format="turtle")
    memory = ox.Store()
    memory.load(to_ntriples(dataset).encode(), format=ox.RdfFormat.N_TRIPLES)
    return memory


class Visit:
    """A page opened from disk with the network off, and what it asked for and reported."""

    def __init__(self, browser: object, page: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else 0)
        self.page.goto(page.resolve().as_uri())
        self.settle()

    def settle(self, timeout: float = 60.0) -> None:
        """Wait until physics has stopped (polled from here: the page's CSP forbids eval)."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate("!!(window.vankienView && window.vankienView.stabilized)"):
            assert time.monotonic() < deadline, "physics did not settle"
            time.sleep(0.05)

    def positions(self, after: float = 0.0) -> dict:
        time.sleep(after)
        return self.page.evaluate("window.vankienView.network.getPositions()")

    def counts(self) -> list[int]:
        return self.page.evaluate("[window.vankienView.nodeCount, window.vankienView.edgeCount]")


@pytest.fixture
def visit(browser: object, tmp_path: Path) -> Iterator:
    opened: list[Visit] = []

    def open_view(view: View) -> Visit:
        opened.append(Visit(browser, view.write(tmp_path / f"view{len(opened)}.html")))
        return opened[-1]

    yield open_view
    for v in opened:
        v.context.close()


@pytest.mark.parametrize("kwargs", [
    {"focus": "35-NQ/TW"}, {"focus": "Ban Tuyên giáo Tỉnh ủy", "depth": 2},
    {"lineage": "02-NQ/ĐUK"}, {"overview": True}, {"overview": True, "max_nodes": 4},
    {"focus": "35-NQ/TW", "depth": 0, "only": "KL"},
])
def test_page_loads_offline_without_errors(store: ox.Store, visit, kwargs: dict) -> None:
    view = render_view(store, **kwargs)
    opened = visit(view)
    assert opened.errors == []
    assert all(url.startswith(("file://", "data:")) for url in opened.requests), opened.requests
    assert opened.counts() == [view.node_count, view.edge_count]
    assert opened.positions() == opened.positions(after=0.3), "nodes still move after settling"


def test_page_holds_what_the_cli_reported(browser: object, tmp_path: Path) -> None:
    folder, out = tmp_path / "store", tmp_path / "v.html"
    dataset = rdflib.Dataset()
    dataset.parse(SAMPLE, format="turtle")
    with open_store(folder, write=True) as backend:
        backend.write_source("sample.ttl", "0" * 64, to_ntriples(dataset))
    result = CliRunner().invoke(app, ["view", "Ban Tuyên giáo Tỉnh ủy", "--depth", "2",
                                      "--store", str(folder), "-o", str(out)])
    reported = re.fullmatch(r"wrote (\d+) nodes and (\d+) edges to .*", result.output.strip())
    assert result.exit_code == 0 and reported, result.output
    opened = Visit(browser, out)
    try:
        assert opened.counts() == [int(reported[1]), int(reported[2])]
    finally:
        opened.context.close()


def test_empty_archive_gives_an_empty_page(visit) -> None:
    opened = visit(render_view(ox.Store()))
    assert opened.errors == [] and opened.counts() == [0, 0]
    assert "Overview of 0 documents and 0 bodies." in opened.page.inner_text("#notes")


def test_markup_in_a_subject_shows_as_text_and_never_runs(store: ox.Store, visit) -> None:
    opened = visit(render_view(store, "12-HD/BTGTU"))
    page = opened.page
    node = page.evaluate("""() => {
        const v = window.vankienView;
        const id = v.nodes.getIds().find(i => v.nodes.get(i).label === "12-HD/BTGTU");
        const box = document.getElementById("network").getBoundingClientRect();
        const at = v.network.canvasToDOM(v.network.getPositions([id])[id]);
        return {x: box.left + at.x, y: box.top + at.y};
    }""")
    page.mouse.move(node["x"], node["y"])
    page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)
    tooltip = page.inner_text(".vis-tooltip")
    assert "<script>window.__xss=1</script>" in tooltip
    assert '<img src=x onerror="window.__xss=1">' in tooltip
    tags = page.evaluate("[...document.querySelectorAll('.vis-tooltip *')].map(e => e.tagName)")
    assert set(tags) <= {"BR"}  # innerText turns line breaks into <br>, and makes nothing else
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert opened.errors == []


def test_search_box_selects_the_node(store: ox.Store, visit) -> None:
    page = visit(render_view(store, "35-NQ/TW")).page
    page.fill("#search", "btgtu")
    page.click("#search-form button")
    assert page.inner_text("#found") == "1 found"
    selected = page.evaluate("window.vankienView.network.getSelectedNodes()")
    assert [page.evaluate(f"window.vankienView.nodes.get({s!r}).label") for s in selected] == [
        "12-HD/BTGTU"]


def test_seeds_view_screenshot(visit, tmp_path: Path, seed_store: ox.Store) -> None:
    """A real view of the seeds; VANKIEN_SCREENSHOT=1 writes it to docs/ for the README."""
    view = render_view(seed_store, "02-NQ/ĐUK")
    opened = visit(view)
    assert opened.errors == [] and opened.counts() == [view.node_count, view.edge_count]
    target = SCREENSHOT if os.environ.get("VANKIEN_SCREENSHOT") else tmp_path / "seeds.png"
    opened.page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

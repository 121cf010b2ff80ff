"""Time to build views of 100, 1,000 and 5,000 nodes, and the size of their HTML.

    .venv/bin/python benchmarks/view.py              # build time and HTML size
    .venv/bin/python benchmarks/view.py --browser    # also load and settle in headless chromium
    .venv/bin/python benchmarks/view.py --archive 100000 --sizes 500   # overview of a big archive

The archive is synthetic (generated here in the vocabulary): documents of a few kinds issued by
bodies, each citing up to four earlier ones, preferring the most cited, as real archives do.
Each view is the overview capped at N nodes of an archive of 2·N documents.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from vankien.graph.view import render_view

BASE = "https://w3id.org/vankien/"
VK = "https://w3id.org/vankien/ontology#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
KINDS = ["NQ", "KL", "CT", "QĐ", "CV", "KH", "BC", "HD"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def vk(term: str) -> ox.NamedNode:
    return ox.NamedNode(VK + term)


def archive(documents: int, seed: int = 1) -> ox.Store:
    """A synthetic archive of ``documents`` documents and documents/25 bodies."""
    rng = random.Random(seed)
    store, quads = ox.Store(), []
    orgs = [ox.NamedNode(f"{BASE}org/body-{i}") for i in range(max(2, documents // 25))]
    for i, org in enumerate(orgs):
        quads += [ox.Quad(org, TYPE, ox.NamedNode("http://www.w3.org/ns/org#Organization")),
                  ox.Quad(org, LABEL, ox.Literal(f"Ban {i}", language="vi"))]
    for kind in KINDS:
        concept = ox.NamedNode(f"{BASE}kind/{kind.lower()}")
        quads.append(ox.Quad(concept, NOTATION, ox.Literal(kind)))
    docs: list[ox.NamedNode] = []
    for i in range(documents):
        kind = rng.choice(KINDS)
        doc = ox.NamedNode(f"{BASE}doc/body/{kind.lower()}/{i}/2020")
        quads += [ox.Quad(doc, TYPE, vk("Document")),
                  ox.Quad(doc, vk("kind"), ox.NamedNode(f"{BASE}kind/{kind.lower()}")),
                  ox.Quad(doc, DERIVED, ox.NamedNode(f"{BASE}source/{i}")),
                  ox.Quad(doc, vk("symbol"), ox.Literal(f"{i}-{kind}/TU")),
                  ox.Quad(doc, vk("subject"), ox.Literal(f"về việc số {i}")),
                  ox.Quad(doc, vk("issuedBy"), orgs[int(rng.paretovariate(1.2)) % len(orgs)])]
        for target in {docs[int(len(docs) * rng.random() ** 3)] for _ in range(rng.randint(0, 4))
                       if docs}:
            quads.append(ox.Quad(doc, vk("cites"), target))
            if rng.random() < 0.1:
                quads.append(ox.Quad(doc, vk("continues"), target))
        docs.append(doc)
    store.extend(quads)
    return store


def settle_in_browser(html_path: Path) -> float:
    """Seconds from navigation until the page's physics has stopped."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        page.goto(html_path.as_uri())
        while not page.evaluate("!!(window.vankienView && window.vankienView.stabilized)"):
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--archive", type=int, help="documents in the archive (default 2·N)")
    parser.add_argument("--browser", action="store_true", help="time the page in chromium")
    args = parser.parse_args(argv)
    print(f"{'nodes':>7} {'edges':>7} {'archive':>8} {'build s':>8} {'HTML KB':>8}"
          + (f" {'browser s':>9}" if args.browser else ""))
    for size in args.sizes:
        documents = args.archive or 2 * size
        store = archive(documents)
        start = time.perf_counter()
        view = render_view(store, overview=True, max_nodes=size)
        built = time.perf_counter() - start
        line = (f"{view.node_count:>7} {view.edge_count:>7} {documents:>8} {built:>8.2f} "
                f"{len(view.html.encode()) / 1024:>8.0f}")
        if args.browser:
            with tempfile.TemporaryDirectory() as folder:
                line += f" {settle_in_browser(view.write(Path(folder) / 'v.html')):>9.2f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

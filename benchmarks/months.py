"""First page of backlinks in one pass against by month, for the most cited symbols.

    .venv/bin/python benchmarks/months.py STORE        # e.g. a store ingest.py --keep left
    .venv/bin/python benchmarks/months.py STORE --top 40

Prints, per symbol: its citations, the p50 of counting the months its first page of 100
needs (the count that also chooses the way), and of that page in one pass (backlinks.rq)
and by month (the month form, its counts included), in the same minute: the figures behind
``PERIODS_ABOVE``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from vankien.graph import query
from vankien.graph.query import bind, load_query, paged, period_counts, run_query
from vankien.graph.store import open_store

MOST_CITED = """PREFIX vk: <https://w3id.org/vankien/ontology#>
SELECT ?symbol (COUNT(*) AS ?n) WHERE { ?t vk:symbol ?symbol . ?c vk:cites ?t }
GROUP BY ?symbol ORDER BY DESC(?n) LIMIT %d"""


def p50(call: Callable[[], object], runs: int = 7) -> float:
    """Median ms of ``runs`` calls after one warm-up."""
    call()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--top", type=int, default=20, help="How many symbols, most cited first.")
    args = parser.parse_args()
    text = load_query("backlinks").text
    print("| symbol | citations | count ms | one pass ms | by month ms |")
    print("|---|---:|---:|---:|---:|")
    with open_store(args.store) as backend:
        for symbol, n in backend.select(MOST_CITED % args.top).rows:
            params = {"symbol": symbol.value}
            bound = bind(load_query("backlinks"), params)
            query.PERIODS_ABOVE = 0
            count = p50(lambda b=bound: period_counts(backend, "backlinks", b, 100))
            one_pass = p50(lambda b=bound: backend.select(paged(text, 100), b))
            months = p50(lambda p=params: run_query(backend, "backlinks", p, limit=100))
            print(f"| {symbol.value} | {int(n.value):,} | {count:.1f} | {one_pass:.1f} | "
                  f"{months:.1f} |", flush=True)


if __name__ == "__main__":
    main()

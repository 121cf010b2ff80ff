"""SIGKILL in the middle of `vankien ingest` leaves a store that opens, answers queries, and
completes on re-run with the same triples as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from vankien.graph.query import run_query
from vankien.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
VANKIEN = str(Path(sys.executable).with_name("vankien"))
COPIES = 40
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def archive(folder: Path) -> Path:
    """``COPIES`` variants of each example document (a distinct last line, so a distinct sha256)."""
    folder.mkdir()
    for n in range(COPIES):
        for doc in sorted(CORPUS.glob("0*.md")):
            text = doc.read_text(encoding="utf-8") + f"\n<!-- copy {n} -->\n"
            (folder / f"{n:03d}-{doc.name}").write_text(text, encoding="utf-8")
    return folder


def ingest(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([VANKIEN, "ingest", str(folder), "--store", str(store), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def snapshot(store: Path) -> tuple[int, dict[str, str]]:
    with open_store(store) as backend:
        count = int(backend.select(COUNT).rows[0][0].value)
        run_query(backend, "most-cited")
        return count, {p: e.sha256 for p, e in backend.sources().items()}


def test_sigkill_mid_ingest_then_rerun_completes(tmp_path: Path) -> None:
    folder = archive(tmp_path / "in")
    started = time.monotonic()
    whole = ingest(folder, tmp_path / "whole")
    assert whole.wait(600) == 0, whole.stderr.read() if whole.stderr else ""
    duration = time.monotonic() - started
    expected = snapshot(tmp_path / "whole")

    killed = ingest(folder, tmp_path / "killed")
    time.sleep(duration * 0.5)
    assert killed.poll() is None, "ingest ended before the kill: make the archive larger"
    os.killpg(killed.pid, signal.SIGKILL)  # the command, its fork server and its workers
    killed.wait(30)

    count, sources = snapshot(tmp_path / "killed")  # opens and answers
    assert count < expected[0] and len(sources) < len(expected[1])
    assert all(expected[1][p] == sha for p, sha in sources.items())

    rerun = ingest(folder, tmp_path / "killed")
    assert rerun.wait(600) == 0
    assert snapshot(tmp_path / "killed") == expected

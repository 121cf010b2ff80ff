"""Past one machine: the CLI against a real `oxigraph serve`, and `vankien serve` read-only."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper
from vankien.graph.serve import free_port, oxigraph_server
from vankien.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def vankien(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("vankien")), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("README*"))
    return folder


def test_cli_against_oxigraph_serve_matches_the_embedded_store(
    corpus: Path, tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    assert vankien("ingest", corpus, "--store", store).returncode == 0
    with oxigraph_server() as url:
        first = vankien("ingest", corpus, "--endpoint", url)
        assert first.returncode == 0 and "5 added" in first.stderr, first.stderr
        again = vankien("ingest", corpus, "--endpoint", url)
        assert "5 unchanged" in again.stderr
        for args in (["query", "most-cited"], ["query", "missing"], ["stats"],
                     ["search", "ke", "hoach"]):
            remote = vankien(*args, "--endpoint", url, "--format", "json")
            local = vankien(*args, "--store", store, "--format", "json")
            assert remote.returncode == 0, remote.stderr
            assert _rows(remote.stdout) == _rows(local.stdout), args
        one = sorted(corpus.glob("*.md"))[0]
        assert vankien("remove", one, "--endpoint", url).returncode == 0
        with open_store(endpoint=url) as backend:
            assert str(one) not in backend.sources() and len(backend.sources()) == 4


def test_export_from_the_endpoint_round_trips(corpus: Path, tmp_path: Path) -> None:
    one, local = sorted(corpus.glob("*.md"))[0], tmp_path / "store"
    assert vankien("ingest", corpus, "--store", local).returncode == 0
    with oxigraph_server() as url:
        assert vankien("ingest", corpus, "--endpoint", url).returncode == 0
        with open_store(endpoint=url) as backend:
            count = int(backend.select(COUNT).rows[0][0].value)
        exports = [[vankien("export", "-f", "nq", *given, *where).stdout
                    for where in (["--endpoint", url], ["--store", local])]
                   for given in ([], ["--source", one])]
    for remote, embedded in exports:
        assert sorted(remote.splitlines()) == sorted(embedded.splitlines()) != []
    assert len(exports[0][0].splitlines()) > count  # with the sources' own nodes' triples


def _rows(text: str) -> list:
    return sorted(json.dumps(b, sort_keys=True) for b in json.loads(text)["results"]["bindings"])


def test_vankien_serve_answers_sparqlwrapper(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert vankien("ingest", corpus, "--store", store).returncode == 0
    citing = ("PREFIX vk: <https://w3id.org/vankien/ontology#> "
              "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d vk:cites ?t }")
    with open_store(store) as backend:
        expected = int(backend.select(citing).rows[0][0].value)
    port = free_port()
    command = [str(Path(sys.executable).with_name("vankien")), "serve", "--store", str(store),
               "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE)
    try:
        sparql = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
        sparql.setReturnFormat(JSON)
        sparql.setQuery(citing)
        result = _retry(sparql.queryAndConvert)
        assert int(result["results"]["bindings"][0]["n"]["value"]) == expected > 0
        sparql.setQuery("PREFIX vk: <https://w3id.org/vankien/ontology#> "
                        "INSERT DATA { <urn:a> vk:p <urn:b> }")
        sparql.setMethod("POST")
        sparql.setRequestMethod("postdirectly")
        with pytest.raises(Exception):  # noqa: B017 — read-only: any refusal will do
            sparql.query()
    finally:
        server.terminate()
        server.wait(10)


def _retry(call: object, seconds: float = 15.0) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return call()  # type: ignore[operator]
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)

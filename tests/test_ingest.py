"""`vankien ingest`: skip unchanged files, replace changed ones, report bad ones and go on."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from vankien.graph.ingest import Outcome, ingest, walk
from vankien.graph.ntriples import search_key
from vankien.graph.store import open_store, store_lock

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "examples" / "corpus"
VANKIEN = [sys.executable, "-m", "vankien.cli.main"]
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def vankien(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("vankien")), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def triples(store: Path) -> int:
    with open_store(store) as backend:
        return int(backend.select(TRIPLES).rows[0][0].value)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("README*"))
    return folder


def test_ingest_twice_leaves_the_same_store(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    with open_store(store, write=True) as backend:
        first = ingest([folder], backend, jobs=2)
        count = int(backend.select(TRIPLES).rows[0][0].value)
        second = ingest([folder], backend, jobs=2)
        assert int(backend.select(TRIPLES).rows[0][0].value) == count
    assert {o.status for o in first} == {"added"} and len(first) == 5
    assert {o.status for o in second} == {"unchanged"}


def test_parallel_and_serial_ingest_agree(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    counts = []
    for jobs in (1, 2):
        with open_store(tmp_path / f"store{jobs}", write=True) as backend:
            ingest([folder], backend, jobs=jobs)
        counts.append(triples(tmp_path / f"store{jobs}"))
    assert counts[0] == counts[1] > 0


def test_changed_file_replaces_its_facts(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    file = sorted(folder.glob("*.md"))[0]
    with open_store(store, write=True) as backend:
        ingest([file], backend, jobs=1)
        old = backend.sources()[str(file)]
        file.write_text(file.read_text(encoding="utf-8") + "\nNơi nhận:\n- Lưu Văn phòng.\n",
                        encoding="utf-8")
        outcomes = ingest([file], backend, jobs=1)
        new = backend.sources()[str(file)]
        graphs = {g.value for (g,) in backend.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
    assert outcomes == [Outcome(str(file), "replaced")]
    assert old.graph not in graphs and new.graph in graphs and new.sha256 != old.sha256


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    (folder / "empty.txt").write_text("")
    (folder / "image.bin").write_bytes(b"\x89PNG\x00\x00\x01" * 100)
    result = vankien("ingest", folder, "--store", store, "--jobs", "2")
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert sorted(lines)[0].startswith(f"skipped {folder / 'empty.txt'}: ")
    assert sorted(lines)[1].startswith(f"skipped {folder / 'image.bin'}: ")
    assert len(lines) == 2 and "5 added" in result.stderr
    with open_store(store) as backend:
        assert set(backend.sources()) == {str(p) for p in folder.glob("*.md")}


def test_second_ingest_stops_with_a_clear_message(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with store_lock(store, exclusive=True, wait=0):
        result = vankien("ingest", CORPUS, "--store", store)
    assert result.returncode == 2
    assert "another vankien process" in result.stderr and len(result.stderr.splitlines()) == 1


def test_remove_takes_one_source_out(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    assert vankien("ingest", folder, "--store", store).returncode == 0
    one = sorted(folder.glob("*.md"))[1]
    result = vankien("remove", one, "--store", store)
    assert result.returncode == 0, result.stderr
    with open_store(store) as backend:
        assert str(one) not in backend.sources() and len(backend.sources()) == 4
    again = vankien("remove", one, "--store", store)
    assert again.returncode == 2 and "not in the store" in again.stderr


def test_walk_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert list(walk([tmp_path])) == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize(("text", "key"), [
    ("Nghị quyết 35-NQ/TW", " nghi quyet 35 nq tw"),
    ("ĐẢNG BỘ TỈNH Đắk Lắk", " dang bo tinh dak lak"),
    ("Ban Tuyên giáo, Ban Tuyên giáo", " ban tuyen giao"),
])
def test_search_key(text: str, key: str) -> None:
    assert search_key(text) == key


def test_seeds_twice_same_triples_and_backlinks_of_35_nq_tw(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    store = tmp_path / "store"
    assert vankien("ingest", SEEDS, "--store", store).returncode == 0
    count = triples(store)
    again = vankien("ingest", SEEDS, "--store", store)
    assert again.returncode == 0 and "4 unchanged" in again.stderr
    assert triples(store) == count
    result = vankien("query", "backlinks", "35-NQ/TW", "--store", store, "--format", "csv")
    sources = sorted(Path(line.split(",")[-1]).name[:4] for line in result.stdout.splitlines()[1:])
    assert sources == ["000_", "003_"], result.stdout


IMPOSSIBLE = [  # (file name, what replaces the sound header line, reason printed)
    ("date.md", ("ngày 14 tháng 3 năm 2019", "ngày 31 tháng 02 năm 2019"), "not a real date"),
    ("number.md", ("Số 12-NQ/TU", "Số AB-NQ/TU"), "number cannot be read"),
    ("kind.md", ("Số 12-NQ/TU", "Số 12-XQ/TU"), "not a kind of party document"),
]
BROKEN = [  # (file name, bytes, reason printed)
    ("empty.md", b"", "empty"),
    ("garbage.txt", bytes(range(256)) * 64, "binary"),
    ("cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "broken .pdf"),
]


def test_bad_input_is_refused_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    from samples import blocks_from_markdown, write_docx

    folder = tmp_path / "in"
    folder.mkdir()
    sound = (CORPUS / "01-nghi-quyet-12-NQ-TU.md").read_text(encoding="utf-8")
    bad = {name: reason for name, _, reason in IMPOSSIBLE + BROKEN}
    for name, (old, new), _ in IMPOSSIBLE:
        assert old in sound
        (folder / name).write_text(sound.replace(old, new), encoding="utf-8")
    for name, data, _ in BROKEN:
        (folder / name).write_bytes(data)
    docx = write_docx(blocks_from_markdown(sound), tmp_path / "whole.docx").read_bytes()
    (folder / "cut.docx").write_bytes(docx[: len(docx) // 2])
    bad["cut.docx"] = "docx"
    (folder / "sound.md").write_text(sound, encoding="utf-8")
    store = folder / "store"  # a store inside the folder ingested: never read as documents
    first = vankien("ingest", folder, "--store", store)
    again = vankien("ingest", folder, "--store", store)
    assert first.returncode == again.returncode == 1
    for name, reason in bad.items():
        (line,) = [x for x in first.stderr.splitlines() if f"{name}:" in x]
        assert reason in line and "Traceback" not in first.stderr
    assert f"1 added, 0 replaced, 0 unchanged, {len(bad)} failed" in first.stderr
    assert f"0 added, 0 replaced, 1 unchanged, {len(bad)} failed" in again.stderr
    with open_store(store) as backend:
        assert set(backend.sources()) == {str(folder / "sound.md")}


@pytest.mark.parametrize(("threshold", "compacts"), [(0, True), (10**9, False)])
def test_ingest_says_when_the_store_compacts_on_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threshold: int, compacts: bool,
) -> None:
    from typer.testing import CliRunner
    from vankien.cli.main import app
    from vankien.graph.store import Embedded

    monkeypatch.setattr(Embedded, "OPTIMIZE_AFTER", threshold)
    result = CliRunner().invoke(app, ["ingest", str(corpus(tmp_path)), "--store",
                                      str(tmp_path / "store"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert ("compacting the store" in result.output) is compacts
    assert triples(tmp_path / "store") > 0  # and it opens and answers afterwards

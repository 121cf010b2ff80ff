"""Ingest and query speed on generated archives of N documents.

    .venv/bin/python benchmarks/ingest.py                 # N = 1,000, 10,000 and 100,000
    .venv/bin/python benchmarks/ingest.py 1000 10000      # chosen sizes
    .venv/bin/python benchmarks/ingest.py 1000 --keep /tmp/bench   # keep archives and stores
    .venv/bin/python benchmarks/ingest.py 1000 --keep /tmp/bench --reuse   # their queries again

Documents are composed from templates in the real layout of provincial party documents
(header, symbol, place and date, subject, body citing central documents with a skewed
popularity, duties with frequencies and deadlines, recipients, signature), twenty provinces,
each with its own chains of plans implementing and conclusions continuing its resolutions.
Prints, per N: ingest documents/s, store size, peak memory of the ingest (all its processes),
p50/p95 latency of every named query and of a search, and the wall time of a cold
``vankien query`` process. Beside each query's every row stands the p50 of the same SPARQL
text (parameters bound) on the raw pyoxigraph store, opened read-only: what vankien's own
layers cost is the difference.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyoxigraph as ox
from vankien.graph.query import bind, load_query, named_queries, run_query
from vankien.graph.search import search
from vankien.graph.store import PAGE_MARK, Backend, Table, open_store, with_values

VANKIEN = str(Path(sys.executable).with_name("vankien"))
RUNS = 15
PAGE = 100  # rows of a paged query's first page, as `vankien query` shows in a terminal

# Real central documents (symbol, date, issuer, subject); cited with Zipf-like popularity.
CENTRAL = [
    ("35-NQ/TW", "22/10/2018", "Bộ Chính trị", "tăng cường bảo vệ nền tảng tư tưởng của Đảng"),
    ("04-NQ/TW", "30/10/2016", "Ban Chấp hành Trung ương", "tăng cường xây dựng, chỉnh đốn Đảng"),
    ("05-CT/TW", "15/5/2016", "Bộ Chính trị",
     "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("21-KL/TW", "25/10/2021", "Ban Chấp hành Trung ương",
     "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
    ("01-KL/TW", "18/5/2021", "Bộ Chính trị", "tiếp tục thực hiện Chỉ thị số 05-CT/TW"),
    ("18-NQ/TW", "25/10/2017", "Ban Chấp hành Trung ương",
     "tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị"),
    ("26-NQ/TW", "19/5/2018", "Ban Chấp hành Trung ương",
     "tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược"),
    ("12-NQ/TW", "16/01/2012", "Ban Chấp hành Trung ương",
     "một số vấn đề cấp bách về xây dựng Đảng hiện nay"),
    ("33-NQ/TW", "09/6/2014", "Ban Chấp hành Trung ương",
     "xây dựng và phát triển văn hóa, con người Việt Nam"),
    ("36-NQ/TW", "22/10/2018", "Ban Chấp hành Trung ương",
     "Chiến lược phát triển bền vững kinh tế biển Việt Nam"),
    ("37-NQ/TW", "24/12/2018", "Bộ Chính trị",
     "việc sắp xếp các đơn vị hành chính cấp huyện và cấp xã"),
    ("57-NQ/TW", "22/12/2024", "Bộ Chính trị",
     "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
]
PROVINCES = ["Hà Nam", "Nam Định", "Ninh Bình", "Thái Bình", "Hưng Yên", "Bắc Ninh",
             "Phú Thọ", "Yên Bái", "Lào Cai", "Sơn La", "Thanh Hóa", "Nghệ An", "Quảng Bình",
             "Quảng Trị", "Quảng Nam", "Bình Định", "Phú Yên", "Đắk Lắk", "Lâm Đồng", "Cà Mau"]
KINDS = {"NQ": "NGHỊ QUYẾT", "KH": "KẾ HOẠCH", "CT": "CHỈ THỊ", "KL": "KẾT LUẬN"}
LOCAL_NAME = {"NQ": "Nghị quyết", "CT": "Chỉ thị"}
BODIES = ["Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
          "Văn phòng Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy"]
TASKS = ["hướng dẫn, đôn đốc việc thực hiện", "kiểm tra, giám sát việc thực hiện",
         "tổng hợp tình hình, tham mưu sơ kết", "tuyên truyền, phổ biến nội dung",
         "rà soát, bố trí cán bộ", "theo dõi, đánh giá kết quả"]
WHEN = ["hằng năm báo cáo Ban Thường vụ Tỉnh ủy", "định kỳ 6 tháng báo cáo Thường trực Tỉnh ủy",
        "hằng quý tổng hợp báo cáo", "hằng tháng báo cáo kết quả"]

HEADER = """TỈNH ỦY {province_upper}
*
Số {symbol}
ĐẢNG CỘNG SẢN VIỆT NAM
{province}, ngày {day} tháng {month} năm {year}

{kind_upper}
{subject}

"""
FOOTER = """
Nơi nhận:
- Ban Tuyên giáo Trung ương (để báo cáo),
- Các ban đảng, Văn phòng Tỉnh ủy (để thực hiện),
- Các huyện ủy, thành ủy trực thuộc (để thực hiện),
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

{signer}
"""
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]


def generate(n: int, folder: Path, seed: int = 7) -> dict[str, str]:
    """Write ``n`` documents under ``folder``; return example parameters for the queries."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(CENTRAL))]
    counters: dict[tuple[str, str, int], int] = {}
    local: dict[str, list[tuple[str, str, str]]] = {p: [] for p in PROVINCES}
    example = resolution = ""
    for i in range(n):
        province = PROVINCES[i % len(PROVINCES)]
        year = 2016 + (i * 9 // max(n, 1))
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        kind = rng.choice(["NQ", "KH", "KH", "CT", "KL"]) if local[province] else "NQ"
        number = counters.get((province, kind, year), 0) + 1
        counters[province, kind, year] = number
        symbol = f"{number:02d}-{kind}/TU"
        body = _body(rng, kind, local[province], weights)
        subject = "về " + rng.choice(CENTRAL)[3]
        text = HEADER.format(province_upper=province.upper(), symbol=symbol, province=province,
                             day=day, month=month, year=year, kind_upper=KINDS[kind],
                             subject=subject) + body + FOOTER.format(signer=rng.choice(SIGNERS))
        path = folder / province.replace(" ", "-") / str(year) / f"{i:06d}-{kind}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if kind in LOCAL_NAME:
            local[province].append((symbol, f"{day:02d}/{month:02d}/{year}", kind))
        if kind == "KH" and not example:
            example = symbol
        if kind == "NQ" and i <= n // 2:
            resolution = symbol
    return {"symbol": CENTRAL[3][0], "actor": f"{BODIES[0]} {PROVINCES[0]}",
            "local": example or "01-NQ/TU", "resolution": resolution,
            "issuer": f"Tỉnh ủy {PROVINCES[0]}", "year": "2020"}


def _body(rng: random.Random, kind: str, earlier: list, weights: list[float]) -> str:
    cited = rng.choices(CENTRAL, weights=weights, k=rng.randint(1, 3))
    lines = []
    if earlier and kind in ("KH", "KL"):
        symbol, date, k = rng.choice(earlier[-10:])
        verb = "Triển khai thực hiện" if kind == "KH" else "Tiếp tục thực hiện"
        lines.append(f"{verb} {LOCAL_NAME[k]} số {symbol} ngày {date} của Ban Thường vụ Tỉnh ủy,")
    for symbol, date, issuer, subject in dict.fromkeys(cited):
        name = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận"}[symbol.split("-")[1][:2]]
        lines.append(f"Thực hiện {name} số {symbol} ngày {date} của {issuer} về {subject},")
    lines.append("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt "
                 "các nội dung sau:\n")
    lines.append("I- TỔ CHỨC THỰC HIỆN\n")
    for k, body in enumerate(rng.sample(BODIES, rng.randint(2, 4)), 1):
        partner = rng.choice([b for b in BODIES if b != body])
        year = rng.randint(2017, 2026)
        lines.append(f"{k}. {body} chủ trì, phối hợp với {partner} {rng.choice(TASKS)}; "
                     f"{rng.choice(WHEN)}, hoàn thành trước ngày 30/6/{year}.")
    return "\n".join(lines) + "\n"


def peak_ingest(folder: Path, store: Path) -> tuple[float, float, float, str]:
    """Run ``vankien ingest``; its wall time, peak memory of all its processes (MiB), the
    seconds spent compacting the store on close (0 when it does not), and its summary."""
    started = time.perf_counter()
    child = subprocess.Popen([VANKIEN, "ingest", str(folder), "--store", str(store)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    said: list[tuple[float, str]] = []  # stderr lines as they come, with the time
    reader = threading.Thread(target=lambda: said.extend(
        (time.perf_counter(), line.strip()) for line in child.stderr or ()))
    reader.start()
    proc, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs))
        except psutil.Error:
            pass
        time.sleep(0.2)
    ended = time.perf_counter()
    reader.join()
    compacting = next((ended - t for t, line in said if line.startswith("compacting")), 0.0)
    summary = said[-1][1] if said else ""
    return ended - started, peak / 2**20, compacting, summary


def latency(call: object) -> tuple[float, float, int]:
    """p50 and p95 in ms over ``RUNS`` runs after one warm-up, and the row count."""
    rows = len(call().rows)  # type: ignore[operator]
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], rows


def cold_query(store: Path, symbol: str) -> float:
    times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([VANKIEN, "query", "backlinks", symbol, "--store", str(store),
                        "--format", "csv"], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench(n: int, root: Path, reuse: bool = False) -> None:
    folder, store = root / f"archive-{n}", root / f"store-{n}"
    saved = root / f"params-{n}.json"
    if reuse and saved.exists() and (store / "CURRENT").exists():  # only the queries again
        params = json.loads(saved.read_text())
        print(f"\n## N = {n:,}: the store kept in {store}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
        params = generate(n, folder)
        saved.write_text(json.dumps(params))
        wall, peak, compacting, summary = peak_ingest(folder, store)
        size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20
        print(f"\n## N = {n:,}: ingest {n / wall:.1f} documents/s ({wall:.1f} s, of which "
              f"{compacting:.1f} s compacting on close; {summary}), store {size:.1f} MiB, "
              f"peak memory {peak:.0f} MiB", flush=True)
    print("| query | rows | p50 ms | p95 ms | raw store p50 ms |\n|---|---:|---:|---:|---:|")
    values = {k: params[k] for k in ("symbol", "actor", "issuer", "year")}
    resolution = params["resolution"]
    with open_store(store) as backend:
        raw = ox.Store.read_only(str(store))
        for q in named_queries().values():
            given = {p.name: values[p.name] for p in q.params}
            if q.name == "lineage":
                given = {"symbol": params["local"]}
            timed(q.name, given, backend, raw)
            if q.name == "backlinks":  # a local resolution: tens to hundreds of citing documents
                timed(q.name, {"symbol": resolution}, backend, raw)
        p50, p95, rows = latency(lambda: search(backend, "nghi quyet 35"))
        print(f"| search nghi quyet 35 | {rows} | {p50:.1f} | {p95:.1f} | |")
    print(f"cold `vankien query backlinks {resolution}` process: "
          f"{cold_query(store, resolution):.2f} s (median of 5)")


def timed(name: str, given: dict[str, str], backend: Backend, raw: ox.Store) -> None:
    """Time every row of the query, and the same text on ``raw``; for a paged one
    (``# page``) its first page too."""
    label = f"{name} {' '.join(given.values())}".strip()
    query = load_query(name)
    text = with_values(query.text, bind(query, given))
    raw_p50, _, _ = latency(lambda: Table([], [tuple(row) for row in raw.query(text)]))
    for limit in (None, PAGE) if PAGE_MARK.search(query.text) else (None,):
        p50, p95, rows = latency(lambda n=limit: run_query(backend, name, given, limit=n))
        page, bare = (f", first {limit}", "") if limit else ("", f"{raw_p50:.1f}")
        print(f"| {label}{page} | {rows} | {p50:.1f} | {p95:.1f} | {bare} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="Folder to keep archives and stores in.")
    parser.add_argument("--reuse", action="store_true",
                        help="Time the queries again on the stores kept in --keep.")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="vankien-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        for n in args.sizes:
            bench(n, root, args.reuse and args.keep is not None)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

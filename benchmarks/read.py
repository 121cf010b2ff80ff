"""Reading speed per format and per text encoding (a benchmark, not a test).

    .venv/bin/python benchmarks/read.py [--repeat 20] [--mb 5] [--ocr]

Writes the composed sample document of ``tests/samples.py`` in every format, times
:func:`vankien.loaders.read.read_source` on each, then times the text decoder on a large
file in each legacy encoding (detection included) and, with ``--ocr``, one scanned page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from vankien.loaders.read import read_source

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from samples import ENCODINGS, SAMPLE, plain_text, write_all, write_scanned_pdf


def _seconds(func: object, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        func()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the big text files")
    parser.add_argument("--ocr", action="store_true", help="also time OCR of a scanned page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'variant':<16} {'bytes':>8} {'ms/file':>9}")
        for name, path in write_all(SAMPLE, folder).items():
            ms = 1000 * _seconds(lambda p=path: read_source(p), args.repeat)
            print(f"{name:<16} {path.stat().st_size:>8} {ms:>9.1f}")
        text = plain_text(SAMPLE)
        big = text * int(args.mb * 10**6 / len(text.encode()))
        print(f"\n{'encoding':<16} {'MB':>8} {'MB/s':>9}")
        for name, encode in ENCODINGS.items():
            path = folder / f"big-{name}.txt"
            path.write_bytes(encode(big))
            seconds = _seconds(lambda p=path: read_source(p), 1)
            size = path.stat().st_size / 10**6
            print(f"{name:<16} {size:>8.1f} {size / seconds:>9.1f}")
        if args.ocr:
            scan = write_scanned_pdf(SAMPLE, folder / "scan.pdf")
            seconds = _seconds(lambda: read_source(scan, ocr=True), 1)
            print(f"\nOCR, one A4 page at 300 dpi: {seconds:.1f} s")


if __name__ == "__main__":
    main()

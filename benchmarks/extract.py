"""Extraction throughput over a generated corpus of party documents (a benchmark, not a test).

    .venv/bin/python benchmarks/extract.py [--docs 10000] [--seed 1] [--stages-only]

Generates documents in the format of Quy định 66-QĐ/TW (header, title, body with citations
of central, local and state documents, duties, signature, Nơi nhận), some as a cover letter
with the document it forwards, then times :func:`vankien.loaders.extract.extract` on one core
and prints MB/s and documents/s per core (CPU time, so other load on the machine does not
count), for the whole extractor and for the clean + split + header + citation stages alone.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from collections.abc import Callable

from vankien.loaders.citation import find_mentions, find_named
from vankien.loaders.clean import clean_text
from vankien.loaders.extract import extract
from vankien.loaders.header import find_header
from vankien.loaders.model import Source
from vankien.loaders.split import split_parts

KINDS = [("NGHỊ QUYẾT", "NQ"), ("KẾT LUẬN", "KL"), ("CHỈ THỊ", "CT"), ("QUY ĐỊNH", "QĐ"),
         ("HƯỚNG DẪN", "HD"), ("KẾ HOẠCH", "KH"), ("THÔNG BÁO", "TB"), ("CHƯƠNG TRÌNH", "CTr")]
ISSUERS = [("TỈNH ỦY HÀ NAM", "BAN THƯỜNG VỤ TỈNH ỦY", "TU", "Hà Nam"),
           ("HUYỆN ỦY GIA LÂM", "BAN THƯỜNG VỤ HUYỆN ỦY", "HU", "Gia Lâm"),
           ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ CHÍNH TRỊ", "TW", "Hà Nội"),
           ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW", "BAN CHẤP HÀNH ĐẢNG BỘ KHỐI", "ĐUK", "Hà Nội")]
CITED = ["Nghị quyết số {n}-NQ/TW ngày {d}/{m}/{y} của Bộ Chính trị về “{t}”",
         "Kết luận số {n}-KL/TW, ngày {d} tháng {m} năm {y} của Ban Bí thư",
         "Kế hoạch số {n}-KH/TU ngày {d}/{m}/{y} của Ban Thường vụ Tỉnh ủy",
         "Nghị định {n}/{y}/NĐ-CP ngày {d}/{m}/{y} của Chính phủ",
         "Chỉ thị {n}-CT/TW về {t}", "Quy định số {n} -QĐ/TW ngày {d}-{m}-{y}"]
TOPICS = ["tăng cường công tác xây dựng Đảng", "đổi mới sáng tạo và chuyển đổi số",
          "nâng cao chất lượng sinh hoạt chi bộ", "bảo vệ nền tảng tư tưởng của Đảng"]
DUTIES = ["Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, kiểm tra "
          "việc thực hiện; định kỳ 6 tháng báo cáo Ban Thường vụ.",
          "Các huyện ủy, thành ủy, đảng ủy trực thuộc xây dựng kế hoạch thực hiện, hoàn thành "
          "trước ngày 30/6/2025.", "Hằng năm, tổ chức sơ kết, rút kinh nghiệm."]


def document(rng: random.Random) -> str:
    """One party document in the standard layout."""
    kind, code = rng.choice(KINDS)
    block, title_issuer, suffix, place = rng.choice(ISSUERS)
    year = rng.randint(2005, 2025)
    head = (f"{block}\n*\nSố {rng.randint(1, 999)}-{code}/{suffix}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
            f"{place}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}\n\n"
            f"{kind}\nCỦA {title_issuer}\nvề {rng.choice(TOPICS)}\n\n")
    body = []
    for _ in range(rng.randint(6, 14)):
        cite = rng.choice(CITED).format(n=rng.randint(1, 300), d=rng.randint(1, 28),
                                        m=rng.randint(1, 12), y=rng.randint(2000, 2025),
                                        t=rng.choice(TOPICS))
        body.append(f"Tiếp tục thực hiện {cite}, các cấp ủy {rng.choice(TOPICS)}, gắn với "
                    f"Nghị quyết Hội nghị Trung ương 4 khóa XII. {rng.choice(DUTIES)}")
    tail = ("\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng (để báo cáo),\n- Các đảng ủy trực "
            "thuộc,\n- Lưu Văn phòng.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n")
    return head + "\n\n".join(body) + tail


def corpus(n: int, seed: int) -> list[Source]:
    """``n`` sources; every tenth is a cover letter followed by the document it forwards."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = document(rng)
        if i % 10 == 0:
            text = document(rng).replace("NGHỊ QUYẾT", "CÔNG VĂN") + "\n\n" + text
        sha = hashlib.sha256(text.encode()).hexdigest()
        out.append(Source(f"gen/{i}.md", sha, "md", text))
    return out


def stages_only(source: Source) -> None:
    """Clean, split, header and citations: the stages this benchmark's owner wrote."""
    ct = clean_text(source.text)
    for part in split_parts(ct.text):
        find_header(ct.text, part.start, part.end)
        find_mentions(ct.text, part.start, part.end)
        find_named(ct.text, part.start, part.end)


def measure(label: str, sources: list[Source], fn: Callable[[Source], object]) -> None:
    size = sum(len(s.text.encode()) for s in sources) / 1e6
    start = time.process_time()  # CPU time of this process: per core, whatever the load
    for source in sources:
        fn(source)
    seconds = time.process_time() - start
    print(f"{label:28} {len(sources):6d} docs {size:7.1f} MB {seconds:7.1f} s CPU "
          f"{size / seconds:6.2f} MB/s {len(sources) / seconds:8.0f} docs/s per core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stages-only", action="store_true",
                        help="time clean + split + header + citations, not the whole extractor")
    args = parser.parse_args()
    sources = corpus(args.docs, args.seed)
    measure("clean+header+citations", sources, stages_only)
    if not args.stages_only:
        measure("extract (all finders)", sources, lambda s: extract(s))


if __name__ == "__main__":
    main()

"""Extraction throughput over a generated corpus of party documents (a benchmark, not a test).

    .venv/bin/python benchmarks/extract.py [--docs 10000] [--seed 1] [--stages-only]

Generates documents in the format of Quy định 66-QĐ/TW (header, title, an opening that
cites what the document carries out, sections of prose and lists with citations of central,
local and state documents here and there, a section that assigns duties, signature, Nơi
nhận), every tenth as a cover letter with the document it forwards. Citations and duties
are about as dense as in the seed documents (the figures are printed). Times
:func:`vankien.loaders.extract.extract` on one core and prints MB/s and documents/s per
core (CPU time, so other load on the machine does not count; with the lowest, median and
highest MB/s of runs of 1,000 documents, as the machine's speed drifts), for the whole
extractor and for the clean + split + header + citation stages alone; and, when
``../shared`` lies beside the checkout, the same over the real texts of its corpus (and the
density of its seeds).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from vankien.loaders.citation import find_mentions, find_named
from vankien.loaders.clean import clean_text
from vankien.loaders.errors import VankienError
from vankien.loaders.extract import extract
from vankien.loaders.header import find_header
from vankien.loaders.model import Source
from vankien.loaders.read import read_source
from vankien.loaders.split import split_parts

CHUNK = 1_000  # documents a run of :func:`measure` times on its own
SHARED = Path(__file__).resolve().parents[2] / "shared"  # beside the checkout, as in CI
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
PROSE = ["Cấp ủy, chính quyền các cấp đã quan tâm lãnh đạo, chỉ đạo, tạo chuyển biến tích cực "
         "trong nhận thức và hành động của cán bộ, đảng viên.",
         "Công tác tuyên truyền, phổ biến được triển khai kịp thời, bằng nhiều hình thức phù hợp "
         "với từng đối tượng.",
         "Tuy nhiên, việc cụ thể hóa ở một số nơi còn chậm, chất lượng chưa đồng đều; công tác "
         "kiểm tra, giám sát có lúc chưa thường xuyên.",
         "Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng và người đứng đầu trong việc "
         "thực hiện các chủ trương của Đảng.",
         "Tập trung rà soát, bổ sung, hoàn thiện các quy chế, quy định bảo đảm đồng bộ, khả thi.",
         "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong giám "
         "sát và phản biện xã hội.",
         "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng.",
         "Gắn việc thực hiện với phong trào thi đua yêu nước, tạo sự đồng thuận trong Nhân dân.",
         "Kết quả đạt được chưa tương xứng với tiềm năng, lợi thế; một số chỉ tiêu đạt thấp.",
         "Nguyên nhân chủ yếu là sự phối hợp giữa các ngành có lúc chưa chặt chẽ, nguồn lực "
         "còn hạn chế."]
DUTIES = ["Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, kiểm tra "
          "việc thực hiện; định kỳ 6 tháng báo cáo Ban Thường vụ.",
          "Các huyện ủy, thành ủy, đảng ủy trực thuộc xây dựng kế hoạch thực hiện, hoàn thành "
          "trước ngày 30/6/2025.", "Hằng năm, tổ chức sơ kết, rút kinh nghiệm.",
          "Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp tình hình, báo cáo Ban Thường vụ."]


def document(rng: random.Random) -> str:
    """One party document in the standard layout."""
    kind, code = rng.choice(KINDS)
    block, title_issuer, suffix, place = rng.choice(ISSUERS)
    year = rng.randint(2005, 2025)
    head = (f"{block}\n*\nSố {rng.randint(1, 999)}-{code}/{suffix}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
            f"{place}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}\n\n"
            f"{kind}\nCỦA {title_issuer}\nvề {rng.choice(TOPICS)}\n\n")
    opening = (f"Thực hiện {_cited(rng)}, gắn với Nghị quyết Hội nghị Trung ương 4 khóa XII, "
               f"{title_issuer.capitalize()} yêu cầu các cấp ủy thực hiện tốt các nội dung sau:")
    sections = [opening, "I. MỤC ĐÍCH, YÊU CẦU", *_items(rng, "- ", 2, 5),
                "II. NHIỆM VỤ, GIẢI PHÁP", *_items(rng, "", 6, 14),
                "III. TỔ CHỨC THỰC HIỆN",
                *(f"{i}. {duty}" for i, duty in enumerate(rng.sample(DUTIES, 3), start=1))]
    tail = ("\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng (để báo cáo),\n- Các đảng ủy trực "
            "thuộc,\n- Lưu Văn phòng.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n")
    return head + "\n\n".join(sections) + tail


def _cited(rng: random.Random) -> str:
    return rng.choice(CITED).format(n=rng.randint(1, 300), d=rng.randint(1, 28),
                                    m=rng.randint(1, 12), y=rng.randint(2000, 2025),
                                    t=rng.choice(TOPICS))


def _items(rng: random.Random, marker: str, least: int, most: int) -> list[str]:
    """Paragraphs of prose; one in four cites a document, one in five holds a duty."""
    items = []
    for _ in range(rng.randint(least, most)):
        words = rng.sample(PROSE, rng.randint(2, 3))
        if rng.random() < 0.25:
            words.insert(1, f"Quán triệt {_cited(rng)}, các cấp ủy {rng.choice(TOPICS)}.")
        if rng.random() < 0.2:
            words.append(rng.choice(DUTIES))
        items.append(marker + " ".join(words))
    return items


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


def real_corpus(folder: Path) -> list[Source]:
    """The texts of ``folder`` that can be read (all of them, in the shared corpus)."""
    sources = []
    for path in sorted(folder.iterdir()):
        try:
            sources.append(read_source(path))
        except VankienError:
            continue
    return sources


def stages_only(source: Source) -> None:
    """Clean, split, header and citations: the stages this benchmark's owner wrote."""
    ct = clean_text(source.text)
    for part in split_parts(ct.text):
        find_header(ct.text, part.start, part.end)
        find_mentions(ct.text, part.start, part.end)
        find_named(ct.text, part.start, part.end)


def measure(label: str, sources: list[Source], fn: Callable[[Source], object]) -> None:
    """Print MB/s and documents/s per core over ``sources``, and the spread of MB/s over
    runs of 1,000 of them: the machine's speed drifts from one minute to the next."""
    rates, size, seconds = [], 0.0, 0.0
    for i in range(0, len(sources), CHUNK):
        chunk = sources[i:i + CHUNK]
        mb = sum(len(s.text.encode()) for s in chunk) / 1e6
        start = time.process_time()  # CPU time of this process: per core, whatever the load
        for source in chunk:
            fn(source)
        spent = time.process_time() - start
        rates.append(mb / spent)
        size, seconds = size + mb, seconds + spent
    spread = (f"  (runs of {CHUNK:,}: {min(rates):.2f}–{max(rates):.2f}, median "
              f"{statistics.median(rates):.2f})" if len(rates) > 1 else "")
    print(f"{label:34} {len(sources):6d} docs {size:7.1f} MB {seconds:7.1f} s CPU "
          f"{size / seconds:6.2f} MB/s {len(sources) / seconds:8.0f} docs/s per core{spread}")


def density(label: str, sources: list[Source]) -> None:
    """Citations and responsibilities found per kilobyte: how dense the corpus is."""
    size = sum(len(s.text.encode()) for s in sources) / 1e3
    docs = [d for s in sources for d in extract(s).documents]
    citations = sum(len(d.citations) for d in docs) / size
    duties = sum(len(d.responsibilities) for d in docs) / size
    print(f"{label:34} {citations:.2f} citations and {duties:.2f} responsibilities per KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stages-only", action="store_true",
                        help="time clean + split + header + citations, not the whole extractor")
    args = parser.parse_args()
    sources = corpus(args.docs, args.seed)
    measure("clean+header+citations", sources, stages_only)
    if args.stages_only:
        return
    measure("extract (all finders)", sources, extract)
    density("generated", sources[:1000])
    if (SHARED / "corpus" / "wild").is_dir():
        real = real_corpus(SHARED / "corpus" / "wild")
        measure("extract, real texts (corpus/wild)", real, extract)
        density("real texts (corpus/wild)", real)
        density("seed party documents", real_corpus(SHARED / "seeds"))


if __name__ == "__main__":
    main()

"""Signature blocks in the forms of Hướng dẫn 36-HD/VPTW, composed for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vankien.loaders.read import read_source
from vankien.loaders.recipients import find_recipients
from vankien.loaders.signature import find_signature, sentence_case

# block → (authority, on_behalf_of, position, name)
BLOCKS = [
    ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\nNguyễn Văn An",
     ("T/M", "Ban Thường vụ", "Bí thư", "Nguyễn Văn An")),
    ("K/T BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n(Đã ký)\nTrần Thị Bình",
     ("K/T", "Ban Thường vụ", "Phó Bí thư Thường trực", "Trần Thị Bình")),
    ("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nLê Văn Cường",
     ("T/L", "Ban Thường vụ", "Chánh Văn phòng", "Lê Văn Cường")),
    ("T/UQ BAN THƯỜNG VỤ\nPHÓ CHÁNH VĂN PHÒNG\nPhạm Minh Đức",
     ("T/UQ", "Ban Thường vụ", "Phó Chánh Văn phòng", "Phạm Minh Đức")),
    ("TM. BAN CHẤP HÀNH\nBÍ THƯ\nHoàng Văn Em", ("T/M", "Ban Chấp hành", "Bí thư", "Hoàng Văn Em")),
    ("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nVõ Thị Hoa",
     ("K/T", "Trưởng ban", "Phó Trưởng ban", "Võ Thị Hoa")),
    ("**T/M BAN CHẤP HÀNH BÍ THƯ**\n\n**Đỗ Văn Giang**",
     ("T/M", "Ban Chấp hành", "Bí thư", "Đỗ Văn Giang")),
    ("T/M BAN THƯỜNG VỤ\n\nBÍ THƯ\n", ("T/M", "Ban Thường vụ", "Bí thư", None)),
    ("**T/M BAN THƯỜNG VỤ**\n**BÍ THƯ**\n*m*\n\nNguyễn Thị Hương",
     ("T/M", "Ban Thường vụ", "Bí thư", "Nguyễn Thị Hương")),
    ("T/M ĐẢNG ĐOÀN\nBÍ THƯ\nBùi Quang Huy", ("T/M", "Đảng đoàn", "Bí thư", "Bùi Quang Huy")),
    ("TM BAN CHẤP HÀNH\nPHÓ BÍ THƯ\nĐinh Văn Lộc",
     ("T/M", "Ban Chấp hành", "Phó Bí thư", "Đinh Văn Lộc")),
    ("T.M BAN THƯỜNG VỤ\nBÍ THƯ\nMai Xuân Trường",
     ("T/M", "Ban Thường vụ", "Bí thư", "Mai Xuân Trường")),
    ("T/M CHI BỘ\nBÍ THƯ\n(ký)\nĐặng Văn Khoa", ("T/M", "Chi bộ", "Bí thư", "Đặng Văn Khoa")),
    ("T/M BAN THƯỜNG VỤ TỈNH UỶ\nBÍ THƯ\nNgô Văn Quý",
     ("T/M", "Ban Thường vụ Tỉnh ủy", "Bí thư", "Ngô Văn Quý")),
    ("T/M ĐẢNG UỶ\nBÍ THƯ\nNguyễn Văn Hoà", ("T/M", "Đảng ủy", "Bí thư", "Nguyễn Văn Hoà")),
    ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n**Lê\nThị Thu Hà**",
     ("T/M", "Ban Thường vụ", "Bí thư", "Lê Thị Thu Hà")),
    ("TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Phú",
     ("T/M", "Ủy ban nhân dân", "Phó Chủ tịch", "Nguyễn Văn Phú")),
    # a PDF text layer: the signer column interleaved with 'Nơi nhận' line by line
    ("Nơi nhận:\nT/M BAN THƯỜNG VỤ\n- Ban Bí thư Trung ương Đảng (để b/c),\nBÍ THƯ\n"
     "- Các đảng ủy trực thuộc,\n- Lưu Văn phòng Tỉnh ủy.\nNguyễn Văn Long",
     ("T/M", "Ban Thường vụ", "Bí thư", "Nguyễn Văn Long")),
    # the same two columns kept on one line, apart by wide gaps
    ("Nơi nhận:                                   T/M BAN THƯỜNG VỤ\n"
     "- Ban Bí thư (để b/c),                          BÍ THƯ\n- Lưu VP.\n\n"
     "                                                Trần Văn Minh",
     ("T/M", "Ban Thường vụ", "Bí thư", "Trần Văn Minh")),
    # plain PDF text joins the two columns with a single space
    ("Nơi nhận: T/M BAN THƯỜNG VỤ\n- Ban Bí thư Trung ương Đảng (để b/c), BÍ THƯ\n"
     "- Các đảng ủy trực thuộc, \n- Lưu Văn phòng Tỉnh ủy. Nguyễn Văn Long",
     ("T/M", "Ban Thường vụ", "Bí thư", "Nguyễn Văn Long")),
    ("T/M BAN BÍ THƯ\n(Đã ký)\n\nLương Văn Cường", ("T/M", "Ban Bí thư", None, "Lương Văn Cường")),
    ("T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n\nTrần Văn Dũng (đã ký)",
     ("T/M", "Bộ Chính trị", "Tổng Bí thư", "Trần Văn Dũng")),
    ("Nơi nhận:\n- Như trên,\n- Lưu VP.\n\n\nHà Văn Nam", (None, None, None, "Hà Văn Nam")),
    ("BÍ THƯ\n\nPhan Văn Sơn", (None, None, "Bí thư", "Phan Văn Sơn")),
    # markdown tables: HTML line breaks inside a cell, and the 'Nơi nhận' cell beside it
    ("| **T/M BAN THƯỜNG VỤ**<br>**BÍ THƯ**<br><br>**Nguyễn Văn An** |",
     ("T/M", "Ban Thường vụ", "Bí thư", "Nguyễn Văn An")),
    ("| **Nơi nhận:**<br/>- Ban Bí thư (b/c),<br/>- Lưu VP. | **K/T BAN THƯỜNG VỤ**<br/>"
     "**PHÓ BÍ THƯ**<br/><br/>**Trần Thị Bình** |\n|---|---|",
     ("K/T", "Ban Thường vụ", "Phó Bí thư", "Trần Thị Bình")),
    # web pages: no name in the block, and title-case boilerplate after it
    ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\n\n\n\n\n\nBài Viết Liên Quan\n\nTin Mới Nhất",
     ("T/M", "Ban Thường vụ", "Bí thư", None)),
]


@pytest.mark.parametrize(("block", "expected"), BLOCKS)
def test_signature(block: str, expected: tuple) -> None:
    text = "Các cấp ủy tổ chức thực hiện Nghị quyết này./.\n\n" + block
    sig = find_signature(text, 0, len(text))
    assert sig is not None
    assert (sig.authority, sig.on_behalf_of, sig.position, sig.name) == expected
    assert text[sig.span[0]:sig.span[1]].strip()


@pytest.mark.parametrize("text", [
    "Nơi nhận:\n- Như trên,\n- Lưu VP.",
    "Các cấp ủy tổ chức thực hiện Nghị quyết này.",
    "",
])
def test_no_signature(text: str) -> None:
    assert find_signature(text, 0, len(text)) is None


def test_only_the_given_range_is_read() -> None:
    letter = "Đề nghị các chi bộ thực hiện.\n\nT/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn Tư\n"
    text = letter + "\nKẾT LUẬN\n\nT/M BAN CHẤP HÀNH\nBÍ THƯ\nTrần Văn Năm\n"
    sig = find_signature(text, 0, len(letter))
    assert (sig.on_behalf_of, sig.name) == ("Đảng ủy", "Nguyễn Văn Tư")


@pytest.mark.parametrize(("upper", "cased"), [
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("PHÓ BÍ THƯ", "Phó Bí thư"),
    ("BỘ CHÍNH TRỊ", "Bộ Chính trị"),
    ("BAN BÍ THƯ", "Ban Bí thư"),
])
def test_sentence_case(upper: str, cased: str) -> None:
    assert sentence_case(upper) == cased


@given(st.text(max_size=300))
def test_never_fails_and_span_in_range(text: str) -> None:
    sig = find_signature(text, 0, len(text))
    assert sig is None or 0 <= sig.span[0] <= sig.span[1] <= len(text)


def test_seed_signers(seed_pairs: list) -> None:
    for file, gold, doc in seed_pairs:
        got = doc["signer"] or {}
        for key in ("name", "authority", "on_behalf_of", "position"):
            assert got.get(key) == gold["signer"][key], (file, key)


def _closing_pdf(tmp_path: Path, rowwise: bool) -> str:
    """The closing table of a party document typeset as a PDF and read back as text."""
    from samples import FONT, Para, Table, write_pdf

    if not FONT.exists():
        pytest.skip(f"no DejaVu fonts in {FONT.parent} (Debian fonts-dejavu-core)")
    recipients = ("Nơi nhận:", "- Ban Bí thư Trung ương Đảng (để b/c),", "- Các huyện ủy,",
                  "- Lưu Văn phòng Tỉnh ủy.")
    signer = ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", " ", "Nguyễn Thị Bích Liên")
    blocks = [Para("Các cấp ủy tổ chức thực hiện Nghị quyết này./."),
              Table((tuple(map(Para, recipients)), tuple(Para(s, bold=True) for s in signer)))]
    path = write_pdf(blocks, tmp_path / "closing.pdf", rowwise=rowwise)
    return read_source(path).text


@pytest.mark.parametrize("rowwise", [False, True])
def test_pdf_columns(tmp_path: Path, rowwise: bool) -> None:
    text = _closing_pdf(tmp_path, rowwise)
    sig = find_signature(text, 0, len(text))
    assert (sig.authority, sig.on_behalf_of, sig.position, sig.name) == (
        "T/M", "Ban Thường vụ", "Phó Bí thư", "Nguyễn Thị Bích Liên")
    assert [(r.name, r.purpose) for r in find_recipients(text, 0, len(text))] == [
        ("Ban Bí thư Trung ương Đảng", "báo cáo"), ("Các huyện ủy", None),
        ("Lưu Văn phòng Tỉnh ủy", "lưu")]

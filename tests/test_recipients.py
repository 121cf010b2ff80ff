"""'Nơi nhận' lists in the forms party documents use, composed for this test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vankien.loaders.recipients import find_recipients, purpose_of

# list → [(name, purpose)]
LISTS = [
    ("Nơi nhận:\n- Ban Bí thư Trung ương Đảng (để báo cáo),\n- Các đảng ủy trực thuộc,\n"
     "- Lưu Văn phòng.",
     [("Ban Bí thư Trung ương Đảng", "báo cáo"), ("Các đảng ủy trực thuộc", None),
      ("Lưu Văn phòng", "lưu")]),
    ("Nơi nhận:\n- Thường trực Tỉnh ủy (b/c),\n- Các huyện ủy (để t/h),\n- Các chi bộ (t/h),\n"
     "- Lưu VPTU.",
     [("Thường trực Tỉnh ủy", "báo cáo"), ("Các huyện ủy", "thực hiện"),
      ("Các chi bộ", "thực hiện"), ("Lưu VPTU", "lưu")]),
    ("*Nơi nhận:*\n- Ban Tổ chức Trung ương *(để b/c)*;\n"
     "- Các đảng bộ trực thuộc *(để thực hiện)*;\n- Lưu: VT, TH.",
     [("Ban Tổ chức Trung ương", "báo cáo"), ("Các đảng bộ trực thuộc", "thực hiện"),
      ("Lưu: VT, TH", "lưu")]),
    ("Nơi nhận:\n- Ban Bí thư Trung ương Đảng, } để báo cáo\n- Ban Tổ chức Trung ương, }\n"
     "- Các huyện ủy,\n- Lưu VP.",
     [("Ban Bí thư Trung ương Đảng", "báo cáo"), ("Ban Tổ chức Trung ương", "báo cáo"),
      ("Các huyện ủy", None), ("Lưu VP", "lưu")]),
    ("Nơi nhận:\n- Thường trực Tỉnh ủy, }\n- Ban Tuyên giáo Tỉnh ủy, } (để báo cáo)\n- Lưu VPTU.",
     [("Thường trực Tỉnh ủy", "báo cáo"), ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
      ("Lưu VPTU", "lưu")]),
    ("Nơi nhận :\n\n- Như trên,\n- Lưu VPĐU.", [("Như trên", None), ("Lưu VPĐU", "lưu")]),
    ("Nơi nhận:\n\\- Như trên,\n\\- Lưu VPĐU.", [("Như trên", None), ("Lưu VPĐU", "lưu")]),
    ("Nơi nhận:\n- Các đ/c Ủy viên Ban Chấp hành\n  Đảng bộ tỉnh,\n- Lưu VP.",
     [("Các đ/c Ủy viên Ban Chấp hành Đảng bộ tỉnh", None), ("Lưu VP", "lưu")]),
    ("Nơi nhận:\n- Các đồng chí Tỉnh ủy viên (để biết),\n- Lưu VP.",
     [("Các đồng chí Tỉnh ủy viên", None), ("Lưu VP", "lưu")]),
    ("#### Nơi nhận:\n\n- Các đảng ủy trực thuộc (để thực hiện),\n- Lưu VP, BTG. *(ký)*\n\n"
     "**Huỳnh Văn Tâm**",
     [("Các đảng ủy trực thuộc", "thực hiện"), ("Lưu VP, BTG", "lưu")]),
    ("Nơi nhận:\n- Như trên,\n- Lưu VP, BTG. *m*", [("Như trên", None), ("Lưu VP, BTG", "lưu")]),
    # a PDF text layer: the signer column interleaved with the list line by line
    ("Nơi nhận:\nT/M BAN THƯỜNG VỤ\n- Ban Bí thư Trung ương Đảng (để b/c),\nBÍ THƯ\n"
     "- Các đảng ủy trực thuộc,\n(Đã ký)\n- Lưu Văn phòng Tỉnh ủy.\nNguyễn Văn Long",
     [("Ban Bí thư Trung ương Đảng", "báo cáo"), ("Các đảng ủy trực thuộc", None),
      ("Lưu Văn phòng Tỉnh ủy", "lưu")]),
    ("Nơi nhận:                                   T/M BAN THƯỜNG VỤ\n"
     "- Ban Bí thư (để b/c),                          BÍ THƯ\n- Lưu VP.\n\n"
     "                                                Trần Văn Minh",
     [("Ban Bí thư", "báo cáo"), ("Lưu VP", "lưu")]),
    ("Nơi nhận: T/M BAN THƯỜNG VỤ\n- Ban Bí thư Trung ương Đảng (để b/c), BÍ THƯ\n"
     "- Các đảng ủy trực thuộc, \n- Lưu Văn phòng Tỉnh ủy. Nguyễn Văn Long",
     [("Ban Bí thư Trung ương Đảng", "báo cáo"), ("Các đảng ủy trực thuộc", None),
      ("Lưu Văn phòng Tỉnh ủy", "lưu")]),
    # the list closes with 'Lưu …': what follows is another document
    ("Nơi nhận:\n- Như trên,\n- Lưu VP.\n\nKẾT LUẬN\nCỦA BAN CHẤP HÀNH\n\n"
     "Những năm qua, các cấp ủy.",
     [("Như trên", None), ("Lưu VP", "lưu")]),
    # no bullets: each line closed by a comma is one entry
    ("Nơi nhận:\nBan Bí thư Trung ương Đảng (để báo cáo),\nCác huyện ủy,\nLưu VP.",
     [("Ban Bí thư Trung ương Đảng", "báo cáo"), ("Các huyện ủy", None), ("Lưu VP", "lưu")]),
    # a table cell flattened to one line
    ("| Nơi nhận: - Ban Bí thư (b/c), - Các huyện ủy, - Lưu VP. | T/M BAN THƯỜNG VỤ |",
     [("Ban Bí thư", "báo cáo"), ("Các huyện ủy", None), ("Lưu VP", "lưu")]),
    ("| **Nơi nhận:**<br>- Ban Bí thư (b/c),<br>- Các huyện ủy,<br>- Lưu VP. | "
     "**T/M BAN THƯỜNG VỤ**<br>**BÍ THƯ** |",
     [("Ban Bí thư", "báo cáo"), ("Các huyện ủy", None), ("Lưu VP", "lưu")]),
    ("Nơi nhận:<BR>- Như trên,<BR />- Lưu VP.", [("Như trên", None), ("Lưu VP", "lưu")]),
    ("Nơi nhận:\n- Phòng KT Hạ tầng;\n- Lưu: VT.",
     [("Phòng KT Hạ tầng", None), ("Lưu: VT", "lưu")]),
    ("Nơi nhận:\n- Các huyện ủy,\n- Các đảng ủy trực thuộc,\n\nTin liên quan\n\nXem thêm",
     [("Các huyện ủy", None), ("Các đảng ủy trực thuộc", None)]),
    ("Nơi nhận:\n\n- Như trên,\n\n- Lưu VP.", [("Như trên", None), ("Lưu VP", "lưu")]),
    ("Nghị quyết này được phổ biến đến chi bộ.", []),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_recipients(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_recipients(text, 0, len(text))
    assert [(r.name, r.purpose) for r in found] == expected
    for r in found:
        assert r.name.split()[0] in text[r.span[0]:r.span[1]]


@pytest.mark.parametrize(("phrase", "purpose"), [
    ("để báo cáo", "báo cáo"), ("b/c", "báo cáo"), ("(để b/c)", "báo cáo"),
    ("để thực hiện", "thực hiện"), ("t/h", "thực hiện"), ("để biết", None), ("", None),
    ("(Báo cáo)", "báo cáo"), ("để biết và thực hiện", "thực hiện"), ("để phối hợp", None),
    ("để báo cáo và chỉ đạo thực hiện", "báo cáo"),
])
def test_purpose_words(phrase: str, purpose: str | None) -> None:
    assert purpose_of(phrase) == purpose


@given(st.text(max_size=200))
def test_never_fails(tail: str) -> None:
    text = "Nơi nhận:\n" + tail
    for r in find_recipients(text, 0, len(text)):
        assert 0 <= r.span[0] <= r.span[1] <= len(text)


def test_seed_recipients(seed_pairs: list) -> None:
    for file, gold, doc in seed_pairs:
        got = [(r["name"], r["purpose"]) for r in doc["recipients"]]
        assert got == [(r["name"], r["purpose"]) for r in gold["recipients"]], file

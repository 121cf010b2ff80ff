"""Identity: one IRI per document however it is cited, and organizations resolved in context."""

from __future__ import annotations

from pathlib import Path

import pytest
from vankien.loaders import extract_file
from vankien.loaders.extract import DEFAULT_BASE as B
from vankien.loaders.organizations import OrgContext, parent_of, resolve_org
from vankien.loaders.resolve import document_iri, org_iri, resolve_yearless, slug, state_iri

from tests._shared_paths import run


@pytest.mark.parametrize(("args", "iri"), [
    (("tw", "NQ", "35", 2018), "doc/tw/nq/35/2018"),
    (("tw", "CT", "05", 2016), "doc/tw/ct/5/2016"),
    (("tw", "QĐ", "08", "2018"), "doc/tw/qd/8/2018"),
    (("btgtw", "HD", "08", 2019), "doc/btgtw/hd/8/2019"),
    (("tinh-uy-ha-nam", "ĐA", "07", 2021), "doc/tinh-uy-ha-nam/da/7/2021"),
    (("unknown-tu", "KH", "14", None), "doc/unknown-tu/kh/14"),
    (("tw", "CTr", "12", 2022), "doc/tw/ctr/12/2022"),
])
def test_document_iri(args: tuple, iri: str) -> None:
    assert document_iri(B, *args) == B + iri


@pytest.mark.parametrize(("text", "expected"), [
    ("Tỉnh ủy Hà Nam", "tinh-uy-ha-nam"),
    ("Đảng ủy Khối các cơ quan Trung ương", "dang-uy-khoi-cac-co-quan-trung-uong"),
    ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
    ("136/2025/NĐ-CP", "136-2025-nd-cp"),
])
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def _targets(text: str) -> dict[str, str | None]:
    return {c.symbol: c.target for d in run(text).documents for c in d.citations}


CITED = "Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tư tưởng."
ISSUED = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 35-NQ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
          "Hà Nội, ngày 22 tháng 10 năm 2018\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề tư tưởng\n\n"
          + "Những năm qua, công tác tư tưởng có nhiều chuyển biến. " * 6)


def test_cited_and_ingested_document_are_one_node() -> None:
    target = _targets(CITED)["35-NQ/TW"]
    assert target == _targets("Theo Nghị quyết 35-NQ/TW, ngày 22-10-2018.")["35-NQ/TW"]
    assert run(ISSUED).documents[0].id == target == B + "doc/tw/nq/35/2018"


def test_numbers_restart_each_term() -> None:
    targets = [c.target for c in run(
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Nghị quyết số 18-NQ/TW ngày 26/01/2022."
    ).documents[0].citations]
    assert targets == [B + "doc/tw/nq/18/2017", B + "doc/tw/nq/18/2022"]


def test_local_symbol_iri_names_its_issuer() -> None:
    cite = "Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy. "
    ha_nam = _targets(cite + "Tỉnh Hà Nam phát triển. Hà Nam.")["14-KH/TU"]
    ninh = _targets(cite + "Tỉnh Quảng Ninh phát triển. Quảng Ninh.")["14-KH/TU"]
    assert ha_nam == B + "doc/tinh-uy-ha-nam/kh/14/2025"
    assert ninh == B + "doc/tinh-uy-quang-ninh/kh/14/2025"
    assert _targets(cite)["14-KH/TU"] == B + "doc/unknown-tu/kh/14/2025"


def test_standing_committee_and_executive_committee_sign_for_one_body() -> None:
    a = _targets("Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017 của Đảng ủy Khối các cơ quan TW")
    b = _targets("Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017 của Ban Chấp hành Đảng bộ Khối "
                 "các cơ quan Trung ương")
    assert a == b == {"06-NQ/ĐUK": B + "doc/dang-uy-khoi-cac-co-quan-trung-uong/nq/6/2017"}


def test_year_unknown_is_flagged_not_guessed() -> None:
    extraction = run("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.")
    assert extraction.documents[0].citations[0].target == B + "doc/tw/ct/5"
    assert [w.code for w in extraction.warnings] == ["citation-year-unknown"]


def test_year_taken_from_another_mention_in_the_same_source() -> None:
    extraction = run("Chỉ thị số 05-CT/TW ngày 15/5/2016. Sau đó, Chỉ thị số 05-CT/TW của Bộ "
                     "Chính trị.")
    assert [c.target for c in extraction.documents[0].citations] == [B + "doc/tw/ct/5/2016"]
    assert "citation-year-unknown" not in [w.code for w in extraction.warnings]


def test_state_document_iri() -> None:
    symbol = "136/2025/NĐ-CP"
    assert _targets(f"Nghị định {symbol}") == {symbol: state_iri(B, symbol)}
    assert state_iri(B, "71/NQ-CP") == B + "state/71-nq-cp"


def test_document_without_number_is_named_by_its_source() -> None:
    extraction = run("NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề công tác tư tưởng\n\nNội dung.")
    doc = extraction.documents[0]
    assert doc.id == f"{B}doc/source/{extraction.source.sha256[:16]}/0"


LETTER = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW\nĐẢNG ỦY THÔNG TẤN XÃ VIỆT NAM\n*\nSố 418 - CV/ĐU\n"
          "Hà Nội, ngày 10 tháng 5 năm 2022\nV/v phổ biến Kết luận số 11-KL/ĐUK\n\n"
          "Kính gửi: - Các đảng ủy cơ sở\n\nNgày 06/5/2022, Ban Chấp hành Đảng bộ Khối ban hành "
          "Kết luận số 10-KL/TW về tiếp tục thực hiện Nghị quyết số 06-NQ/ĐUK. " * 3
          + "\nNơi nhận:\n- Như trên,\n- Lưu VPĐU.\n\n\\*\n\nSố L/1 -KL/ĐUK\n"
          "Hà Nội, ngày 16 tháng 5 năm 2022\n\n## KẾT LUẬN\n### CỦA BAN CHẤP HÀNH ĐẢNG BỘ KHỐI\n"
          "về tiếp tục thực hiện Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017\n\n"
          + "Sau 5 năm thực hiện, Đảng bộ Khối các cơ quan Trung ương có chuyển biến. " * 5)


def test_cover_letter_and_forwarded_document_are_linked() -> None:
    extraction = run(LETTER)
    letter, kl = extraction.documents
    assert (letter.symbol, kl.symbol, kl.date) == ("418-CV/ĐU", "11-KL/ĐUK", "2022-05-16")
    assert letter.forwards == kl.id and kl.forwarded_by == letter.id
    forwarded = next(c for c in letter.citations if c.symbol == "11-KL/ĐUK")
    assert forwarded.relation == "forwards" and forwarded.target == kl.id
    codes = [w.code for w in extraction.warnings]
    assert {"symbol-damaged", "symbol-from-cover-letter", "conflicting-symbol"} <= set(codes)


ORGS = [
    ("Ban Tuyên giáo TW", None, "Ban Tuyên giáo Trung ương", "ban-tuyen-giao-trung-uong"),
    ("BTGTW", None, "Ban Tuyên giáo Trung ương", "ban-tuyen-giao-trung-uong"),
    ("Ban Bí thư Trung ương Đảng", None, "Ban Bí thư", "ban-bi-thu"),
    ("Ban Chấp hành Trung ương Đảng khóa XIII", None, "Ban Chấp hành Trung ương",
     "ban-chap-hanh-trung-uong"),
    ("UBKTTW", None, "Ủy ban Kiểm tra Trung ương", "uy-ban-kiem-tra-trung-uong"),
    ("VPTW", None, "Văn phòng Trung ương Đảng", "van-phong-trung-uong-dang"),
    ("Đảng ủy TTXVN", None, "Đảng ủy Thông tấn xã Việt Nam", "dang-uy-thong-tan-xa-viet-nam"),
    ("MTTQ", None, "Mặt trận Tổ quốc Việt Nam", "mat-tran-to-quoc-viet-nam"),
    ("Tỉnh ủy", OrgContext("Hà Nam"), "Tỉnh ủy Hà Nam", "tinh-uy-ha-nam"),
    ("Ban Thường vụ Tỉnh ủy", OrgContext("Hà Nam"), "Ban Thường vụ Tỉnh ủy Hà Nam",
     "ban-thuong-vu-tinh-uy-ha-nam"),
    ("Đảng ủy Khối", OrgContext(bloc="các cơ quan Trung ương"),
     "Đảng ủy Khối các cơ quan Trung ương", "dang-uy-khoi-cac-co-quan-trung-uong"),
    ("Ban Tuyên giáo", OrgContext(committee="Tỉnh ủy Hà Nam"), "Ban Tuyên giáo Tỉnh ủy Hà Nam",
     "ban-tuyen-giao-tinh-uy-ha-nam"),
    ("BTG", OrgContext(committee="Trung ương"), "Ban Tuyên giáo Trung ương",
     "ban-tuyen-giao-trung-uong"),
    ("Ban Tuyên giáo Đảng ủy Khối", OrgContext(bloc="các cơ quan Trung ương"),
     "Ban Tuyên giáo Đảng ủy Khối các cơ quan Trung ương",
     "ban-tuyen-giao-dang-uy-khoi-cac-co-quan-trung-uong"),
]


@pytest.mark.parametrize(("name", "context", "full", "key"), ORGS)
def test_resolve_org(name: str, context: OrgContext | None, full: str, key: str) -> None:
    org = resolve_org(name, context)
    assert (org.name, org.id) == (full, org_iri(B, key))


@pytest.mark.parametrize("name", ["Các đảng ủy trực thuộc", "các chi bộ", "Cấp ủy các cấp",
                                  "Tỉnh ủy", "Ban chấp hành, ban thường vụ, bí thư cấp uỷ",
                                  "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"])
def test_generic_or_unresolved_actor_gets_no_iri(name: str) -> None:
    assert resolve_org(name).id is None


def test_department_is_part_of_its_committee() -> None:
    ctx = OrgContext(bloc="các cơ quan Trung ương")
    parent = parent_of(resolve_org("Ban Tuyên giáo Đảng ủy Khối", ctx), ctx)
    assert parent and parent.id == org_iri(B, "dang-uy-khoi-cac-co-quan-trung-uong")
    assert parent_of(resolve_org("Bộ Chính trị")).name == "Ban Chấp hành Trung ương"


@pytest.mark.parametrize(("known", "expected"), [
    ({"doc/tw/nq/18/2017"}, "doc/tw/nq/18/2017"),
    ({"doc/tw/nq/18/2017", "doc/tw/nq/18/2022"}, None),
    ({"doc/tw/nq/181/2017"}, None),
    (set(), None),
])
def test_yearless_citation_resolves_only_to_a_single_known_document(
        known: set[str], expected: str | None) -> None:
    got = resolve_yearless(B + "doc/tw/nq/18", {B + k for k in known})
    assert got == (B + expected if expected else None)


def test_party_body_writing_its_symbol_state_style_is_still_a_party_document() -> None:
    targets = _targets("Hướng dẫn số 01/HD-BTGDVTW ngày 05/3/2025 của Ban Tuyên giáo và Dân vận "
                       "Trung ương")
    assert targets == {"01/HD-BTGDVTW": B + "doc/btgdvtw/hd/1/2025"}


def test_year_without_a_date_is_enough_for_identity() -> None:
    extraction = run("Thực hiện Kết luận 150-KL/TW năm 2025 của Bộ Chính trị.")
    assert extraction.documents[0].citations[0].target == B + "doc/tw/kl/150/2025"
    assert "citation-year-unknown" not in [w.code for w in extraction.warnings]


def test_lone_cover_letter_forwards_the_document_its_subject_names() -> None:
    letter = LETTER[:LETTER.index("\\*")].replace("V/v phổ biến Kết luận số 11-KL/ĐUK",
                                                    "V/v sao gửi Kết luận số 11-KL/ĐUK")
    doc = run(letter).documents[0]
    forwarded = next(c for c in doc.citations if c.symbol == "11-KL/ĐUK")
    assert forwarded.relation == "forwards" and doc.forwards == forwarded.target


def test_local_citation_by_the_documents_own_committee() -> None:
    text = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW\nĐẢNG ỦY THÔNG TẤN XÃ VIỆT NAM\n*\nSố 12-NQ/ĐU\n"
            "Hà Nội, ngày 05 tháng 3 năm 2023\n\nNGHỊ QUYẾT\nvề công tác tư tưởng\n\n"
            "Tiếp tục thực hiện Nghị quyết số 05-NQ/ĐU ngày 02/01/2021 của Ban Thường vụ Đảng ủy "
            "và Kế hoạch số 07-KH/ĐU ngày 03/02/2021.")
    targets = _targets(text)
    assert targets == {"05-NQ/ĐU": B + "doc/dang-uy-thong-tan-xa-viet-nam/nq/5/2021",
                       "07-KH/ĐU": B + "doc/dang-uy-thong-tan-xa-viet-nam/kh/7/2021"}


def test_province_of_a_body_the_authority_file_does_not_know_comes_from_the_issuer() -> None:
    text = ("ĐẢNG BỘ TỈNH AN LẠC\nTỈNH ỦY\n*\nSố 07-CT/TU\nAn Lạc, ngày 15 tháng 9 năm 2023\n\n"
            "CHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề chuyển đổi số\n\nThực hiện Hướng dẫn số "
            "05-HD/VPTU ngày 02/3/2022 của Văn phòng Tỉnh ủy về công tác văn thư.")
    doc = run(text).documents[0]
    assert doc.id == B + "doc/tinh-uy-an-lac/ct/7/2023"
    assert doc.citations[0].target == B + "doc/van-phong-tinh-uy-an-lac/hd/5/2022"


def test_document_without_a_date_is_flagged() -> None:
    extraction = run(ISSUED.replace("Hà Nội, ngày 22 tháng 10 năm 2018\n", ""))
    assert extraction.documents[0].id == B + "doc/tw/nq/35"
    assert "citation-year-unknown" in [w.code for w in extraction.warnings]


def test_the_issuers_term_does_not_change_the_body() -> None:
    a = _targets("Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017 của Ban Chấp hành Đảng bộ Khối các cơ "
                 "quan Trung ương khóa XII")
    assert a == {"06-NQ/ĐUK": B + "doc/dang-uy-khoi-cac-co-quan-trung-uong/nq/6/2017"}


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_a_person_named_like_a_city_is_not_the_documents_province() -> None:
    """Regression: 'phong cách Hồ Chí Minh' made the examples' Tỉnh ủy that of Hồ Chí Minh,
    so 12-NQ/TU cited from the Kế hoạch was not the Nghị quyết ingested from file 01."""
    resolution = extract_file(EXAMPLES / "01-nghi-quyet-12-NQ-TU.md").documents[0].id
    plan = extract_file(EXAMPLES / "02-ke-hoach-45-KH-TU.md").documents[0]
    assert resolution == f"{B}doc/tinh-uy-an-lac/nq/12/2019"
    assert resolution in {c.target for c in plan.citations if c.symbol == "12-NQ/TU"}

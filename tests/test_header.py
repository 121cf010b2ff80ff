"""Header forms composed after Quy định 66-QĐ/TW and Hướng dẫn 36-HD/VPTW: one row, one form."""

from __future__ import annotations

import itertools

import pytest

from tests._shared_paths import run

BODY = ("\n\nI. TÌNH HÌNH VÀ NGUYÊN NHÂN\n\n" + "Những năm qua, công tác xây dựng Đảng có nhiều "
        "chuyển biến tích cực, đạt được những kết quả quan trọng trên nhiều mặt. " * 4 + "\n")

CENTRAL_NQ = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
              "Hà Nội, ngày 22 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\n"
              "về đột phá phát triển khoa học, công nghệ,\n"
              "đổi mới sáng tạo và chuyển đổi số quốc gia" + BODY)
CENTRAL_BY_SIGNATURE = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 24-QĐ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                        "Hà Nội, ngày 30 tháng 7 năm 2021\n\nQUY ĐỊNH\nvề thi hành Điều lệ Đảng"
                        + BODY + "\nT/M BAN BÍ THƯ\n\nNguyễn Văn A\n")
LOCAL_NQ = ("TỈNH UỶ HÀ NAM\n*\nSố 15-NQ/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Hà Nam, ngày 05 tháng 3 năm 2021\n\n**NGHỊ QUYẾT**\n**CỦA BAN THƯỜNG VỤ TỈNH ỦY**\n"
            "**về tăng cường công tác tư tưởng**" + BODY)
COVER = ("**ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW\nĐẢNG ỦY THÔNG TẤN XÃ VIỆT NAM**\n\n*\n\nSố 596 -CV/ĐU\n\n"
         "*V/v phổ biến, quán triệt Kết luận\nsố 03-KL/ĐUK*\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
         "Hà Nội, ngày 12/12/2019\n\nKính gửi: - Các đảng ủy cơ sở\n- Các chi bộ trực thuộc\n"
         + BODY)

ROWS: list[tuple[str, str, dict]] = [
    ("central resolution", CENTRAL_NQ, {
        "type": "NQ", "type_name": "Nghị quyết", "symbol": "57-NQ/TW", "number": "57",
        "date": "2024-12-22", "place": "Hà Nội", "issuer": "Bộ Chính trị",
        "issuer_parent": "Ban Chấp hành Trung ương",
        "subject": "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                   "quốc gia"}),
    ("issuer from signature", CENTRAL_BY_SIGNATURE, {
        "type": "QĐ", "type_name": "Quy định", "issuer": "Ban Bí thư",
        "issuer_parent": "Ban Chấp hành Trung ương", "subject": "thi hành Điều lệ Đảng"}),
    ("QĐ named by its title", CENTRAL_BY_SIGNATURE.replace("QUY ĐỊNH", "QUYẾT ĐỊNH"),
     {"type": "QĐ", "type_name": "Quyết định"}),
    ("local, relative title issuer", LOCAL_NQ, {
        "symbol": "15-NQ/TU", "place": "Hà Nam", "date": "2021-03-05",
        "issuer": "Ban Thường vụ Tỉnh ủy Hà Nam", "issuer_parent": "Tỉnh ủy Hà Nam",
        "subject": "tăng cường công tác tư tưởng"}),
    ("cover letter", COVER, {
        "type": "CV", "type_name": "Công văn", "symbol": "596-CV/ĐU", "date": "2019-12-12",
        "issuer": "Đảng ủy Thông tấn xã Việt Nam",
        "issuer_parent": "Đảng ủy Khối các cơ quan Trung ương",
        "subject": "phổ biến, quán triệt Kết luận số 03-KL/ĐUK",
        "addressees": ["Các đảng ủy cơ sở", "Các chi bộ trực thuộc"]}),
    ("blank number", CENTRAL_NQ.replace("Số 57-NQ/TW", "Số      -HD/BTCTU").replace(
        "NGHỊ QUYẾT", "HƯỚNG DẪN"), {"type": "HD", "symbol": None, "number": None}),
    ("number with colon", CENTRAL_NQ.replace("Số 57-NQ/TW", "Số: 57-NQ/TW"),
     {"symbol": "57-NQ/TW"}),
    ("symbol on the next line", CENTRAL_NQ.replace("Số 57-NQ/TW", "Số:\n57-NQ/TW"),
     {"symbol": "57-NQ/TW"}),
    ("spaces around the dash", CENTRAL_NQ.replace("Số 57-NQ/TW", "Số 57 - NQ/TW"),
     {"symbol": "57-NQ/TW"}),
    ("date in slashes", CENTRAL_NQ.replace("ngày 22 tháng 12 năm 2024", "ngày 22/12/2024"),
     {"date": "2024-12-22"}),
    ("place that starts like 'Số'", LOCAL_NQ.replace("HÀ NAM", "SƠN LA").replace(
        "Hà Nam,", "Sơn La,"), {"place": "Sơn La", "date": "2021-03-05"}),
    ("place that starts like 'Số', folded", LOCAL_NQ.replace("HÀ NAM", "SÓC TRĂNG").replace(
        "Hà Nam,", "Sóc Trăng,"), {"place": "Sóc Trăng", "date": "2021-03-05"}),
    ("hyphenated place", LOCAL_NQ.replace("HÀ NAM", "BÀ RỊA - VŨNG TÀU").replace(
        "Hà Nam,", "Bà Rịa - Vũng Tàu,"), {"place": "Bà Rịa - Vũng Tàu", "date": "2021-03-05"}),
    ("city as 'Tp.'", LOCAL_NQ.replace("TỈNH UỶ HÀ NAM", "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH").replace(
        "Hà Nam,", "Tp. Hồ Chí Minh,"), {"place": "Tp. Hồ Chí Minh", "date": "2021-03-05"}),
    ("city as 'TP' without a dot", LOCAL_NQ.replace("Hà Nam,", "TP Hồ Chí Minh,"),
     {"place": "TP Hồ Chí Minh", "date": "2021-03-05"}),
    ("a kind the rules name, no code known", CENTRAL_NQ.replace("Số 57-NQ/TW", "").replace(
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "THÔNG CÁO\nCỦA BỘ CHÍNH TRỊ"), {
        "type": None, "type_name": "Thông cáo", "symbol": None, "issuer": "Bộ Chính trị"}),
    ("local kind the rules name, no code known", LOCAL_NQ.replace("Số 15-NQ/TU", "").replace(
        "**NGHỊ QUYẾT**", "QUY HOẠCH"),
     {"type": None, "type_name": "Quy hoạch", "symbol": None,
      "subject": "tăng cường công tác tư tưởng"}),
    ("place after the motto on its line", CENTRAL_NQ.replace(
        "ĐẢNG CỘNG SẢN VIỆT NAM\n\n", "ĐẢNG CỘNG SẢN VIỆT NAM   "), {
        "place": "Hà Nội", "date": "2024-12-22", "issuer": "Bộ Chính trị"}),
    ("date not real", CENTRAL_NQ.replace("22 tháng 12", "31 tháng 02"),
     {"date": None, "place": "Hà Nội"}),
    ("date left blank", CENTRAL_NQ.replace("ngày 22 tháng 12 năm 2024", "ngày   tháng   năm 2024"),
     {"date": None, "place": "Hà Nội"}),
    ("place over two lines", CENTRAL_NQ.replace("Hà Nội, ngày", "Thành phố Hồ\nChí Minh, ngày"),
     {"place": "Thành phố Hồ Chí Minh", "date": "2024-12-22"}),
    ("two columns on one line", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Nội",
        "TỈNH ỦY QUẢNG NINH    ĐẢNG CỘNG SẢN VIỆT NAM\nSố 57-NQ/TU    Hạ Long").replace(
        "CỦA BỘ CHÍNH TRỊ", "CỦA BAN THƯỜNG VỤ TỈNH ỦY"),
     {"place": "Hạ Long", "symbol": "57-NQ/TU", "issuer": "Ban Thường vụ Tỉnh ủy Quảng Ninh"}),
    ("title and issuer on one line", CENTRAL_NQ.replace("NGHỊ QUYẾT\nCỦA", "NGHỊ QUYẾT CỦA"),
     {"type_name": "Nghị quyết", "issuer": "Bộ Chính trị"}),
    ("title, issuer and subject on one line", CENTRAL_NQ.replace(
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đột phá phát triển khoa học, công nghệ,",
        "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,"),
     {"issuer": "Bộ Chính trị", "subject": "ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,"}),
    ("markdown headings", CENTRAL_NQ.replace("NGHỊ QUYẾT\nCỦA", "## NGHỊ QUYẾT\n\n### CỦA"),
     {"type": "NQ", "issuer": "Bộ Chính trị"}),
    ("OCR 'CUA'", CENTRAL_NQ.replace("CỦA BỘ", "CUA BỘ"), {"issuer": "Bộ Chính trị"}),
    ("conclusion notice", CENTRAL_NQ.replace("NGHỊ QUYẾT", "THÔNG BÁO KẾT LUẬN").replace(
        "57-NQ/TW", "09-TB/TW"), {"type": "TB", "type_name": "Thông báo kết luận"}),
    ("action programme", CENTRAL_NQ.replace("NGHỊ QUYẾT", "CHƯƠNG TRÌNH HÀNH ĐỘNG").replace(
        "57-NQ/TW", "12-CTr/TW"), {"type": "CTr", "symbol": "12-CTr/TW"}),
    ("plan", CENTRAL_NQ.replace("NGHỊ QUYẾT", "KẾ HOẠCH").replace("57-NQ/TW", "30-KH/TW"),
     {"type": "KH", "type_name": "Kế hoạch"}),
    ("directive", CENTRAL_NQ.replace("NGHỊ QUYẾT", "CHỈ THỊ").replace("57-NQ/TW", "45-CT/TW"),
     {"type": "CT", "type_name": "Chỉ thị"}),
    ("regulation", CENTRAL_NQ.replace("NGHỊ QUYẾT", "QUY CHẾ").replace("57-NQ/TW", "01-QC/TW"),
     {"type": "QC", "type_name": "Quy chế"}),
    ("report", CENTRAL_NQ.replace("NGHỊ QUYẾT", "BÁO CÁO").replace("57-NQ/TW", "88-BC/TW"),
     {"type": "BC", "type_name": "Báo cáo"}),
    ("submission", CENTRAL_NQ.replace("NGHỊ QUYẾT", "TỜ TRÌNH").replace("57-NQ/TW", "02-TTr/TW"),
     {"type": "TTr", "type_name": "Tờ trình"}),
    ("scheme", CENTRAL_NQ.replace("NGHỊ QUYẾT", "ĐỀ ÁN").replace("57-NQ/TW", "03-ĐA/TW"),
     {"type": "ĐA", "type_name": "Đề án"}),
    ("circular", CENTRAL_NQ.replace("NGHỊ QUYẾT", "THÔNG TRI").replace("57-NQ/TW", "04-TT/TW"),
     {"type": "TT", "type_name": "Thông tri"}),
    ("central department", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO").replace(
        "57-NQ/TW", "08-HD/BTGTW").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "HƯỚNG DẪN"),
     {"type": "HD", "issuer": "Ban Tuyên giáo Trung ương",
      "issuer_parent": "Ban Chấp hành Trung ương"}),
    ("department name over two lines", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG\nTRUNG ƯƠNG ĐẢNG").replace("57-NQ/TW", "05-HD/VPTW")
     .replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "HƯỚNG DẪN"),
     {"issuer": "Văn phòng Trung ương Đảng", "symbol": "05-HD/VPTW"}),
    ("commune under district", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "HUYỆN ỦY GIA LÂM\nĐẢNG ỦY XÃ ĐA TỐN").replace(
        "57-NQ/TW", "12-NQ/ĐU").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT"),
     {"issuer": "Đảng ủy xã Đa Tốn", "issuer_parent": "Huyện ủy Gia Lâm"}),
    ("provincial committee under its party organization", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG BỘ TỈNH HÀ NAM\nTỈNH ỦY").replace("57-NQ/TW", "05-NQ/TU")
     .replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT"),
     {"issuer": "Tỉnh ủy Hà Nam", "issuer_parent": "Đảng bộ tỉnh Hà Nam"}),
    ("district committee", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG BỘ TỈNH HÀ NAM\nHUYỆN ỦY KIM BẢNG").replace(
        "57-NQ/TW", "20-KH/HU").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "KẾ HOẠCH"),
     {"type": "KH", "issuer": "Huyện ủy Kim Bảng", "symbol": "20-KH/HU"}),
    ("central department under the Secretariat's office", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG").replace(
        "57-NQ/TW", "36-HD/VPTW").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "HƯỚNG DẪN"),
     {"issuer": "Văn phòng Trung ương Đảng", "type_name": "Hướng dẫn"}),
    ("quân ủy", CENTRAL_NQ.replace("BAN CHẤP HÀNH TRUNG ƯƠNG", "QUÂN ỦY TRUNG ƯƠNG").replace(
        "57-NQ/TW", "1657-NQ/QUTW").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT"),
     {"issuer": "Quân ủy Trung ương", "symbol": "1657-NQ/QUTW"}),
    ("steering committee with a number", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN CHỈ ĐẠO 35").replace(
        "57-NQ/TW", "12-KH/BCĐ35").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "KẾ HOẠCH"),
     {"issuer": "Ban Chỉ đạo 35", "issuer_parent": "Ban Chấp hành Trung ương"}),
    ("military region committee", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "QUÂN ỦY TRUNG ƯƠNG\nĐẢNG ỦY QUÂN KHU 7").replace(
        "57-NQ/TW", "45-NQ/ĐU").replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT"),
     {"issuer": "Đảng ủy Quân khu 7", "issuer_parent": "Quân ủy Trung ương"}),
    ("a figure on a line under the block is no body", CENTRAL_NQ.replace(
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "TỈNH ỦY HÀ NAM\nSỐ 35").replace("57-NQ/TW", "05-NQ/TU")
     .replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT"),
     {"issuer": "Tỉnh ủy Hà Nam"}),
    ("abbreviated city", CENTRAL_NQ.replace("Hà Nội, ngày", "TP. Hồ Chí Minh, ngày"),
     {"place": "TP. Hồ Chí Minh", "date": "2024-12-22"}),
    ("regulation issued with a decision", CENTRAL_NQ.replace(
        "số quốc gia", "số quốc gia\n(Ban hành kèm theo Quyết định số 99-QĐ/TW)"),
     {"subject": "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                 "quốc gia"}),
    ("title read before the number (PDF column order)", CENTRAL_NQ.replace(
        "*\nSố 57-NQ/TW\n", "*\n").replace("CỦA BỘ CHÍNH TRỊ\n", "CỦA BỘ CHÍNH TRỊ\nSố 57-NQ/TW\n"),
     {"symbol": "57-NQ/TW", "type": "NQ", "issuer": "Bộ Chính trị"}),
    ("rule under the subject", CENTRAL_NQ.replace("số quốc gia", "số quốc gia\n-----"),
     {"subject": "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                 "quốc gia"}),
    ("page menu with a kind name above the document", "Trang chủ\n\nNGHỊ QUYẾT\n\nCHỈ THỊ\n\n"
     + "Trang tin điện tử đăng tải văn bản của Đảng, cập nhật hằng ngày, phục vụ bạn đọc. " * 4
     + "\n\n" + CENTRAL_NQ,
     {"symbol": "57-NQ/TW", "issuer": "Bộ Chính trị", "date": "2024-12-22", "subject":
      "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"}),
    ("PDF text layer, columns run together",
     "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\n* Hà Nội, ngày 30 tháng 7 năm 2021\n"
     "Số 24-QĐ/TW\nQUY ĐỊNH\nthi hành Điều lệ Đảng" + BODY
     + "Nơi nhận: T/M BAN CHẤP HÀNH TRUNG ƯƠNG\n- Các tỉnh ủy, thành ủy, TỔNG BÍ THƯ\n"
     "- Lưu VPTW.\n",
     {"symbol": "24-QĐ/TW", "type_name": "Quy định", "place": "Hà Nội", "date": "2021-07-30",
      "issuer": "Ban Chấp hành Trung ương", "subject": "thi hành Điều lệ Đảng"}),
    ("plenum resolution", CENTRAL_NQ.replace("CỦA BỘ CHÍNH TRỊ", "HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP "
                                             "HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII"),
     {"issuer": "Ban Chấp hành Trung ương", "subject": "đột phá phát triển khoa học, công nghệ, "
      "đổi mới sáng tạo và chuyển đổi số quốc gia"}),
    ("plenum on the title line", CENTRAL_NQ.replace(
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ TÁM BCH TW KHÓA XIII"),
     {"type_name": "Nghị quyết", "issuer": "Ban Chấp hành Trung ương"}),
    ("title issuer completed from the block", COVER.replace("Số 596 -CV/ĐU", "Số 12-NQ/ĐU").replace(
        "*V/v phổ biến, quán triệt Kết luận\nsố 03-KL/ĐUK*",
        "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY\nvề công tác"),
     {"issuer": "Ban Thường vụ Đảng ủy Thông tấn xã Việt Nam",
      "issuer_parent": "Đảng ủy Thông tấn xã Việt Nam"}),
    ("web page around the document", "# Văn bản mới\n\nTrang chủ > Văn bản > Nghị quyết\n\n"
     "Cập nhật lúc 08:00. Chia sẻ bài viết.\n\n" + CENTRAL_NQ + "\n\nBài viết liên quan\n",
     {"symbol": "57-NQ/TW", "issuer": "Bộ Chính trị", "date": "2024-12-22"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_header_form(name: str, text: str, expected: dict) -> None:
    doc = run(text).documents[0]
    for field, want in expected.items():
        got = getattr(doc, field)
        if field in ("issuer", "issuer_parent"):
            got = got.name if got else None
        assert got == want, field


STAMP = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN\nTỈNH HÀ NAM\n\nVĂN BẢN ĐẾN\n\nSố: 105. Ngày: 10/3/21\n\n"
         "**NGHỊ QUYẾT**\n**CỦA BAN THƯỜNG VỤ TỈNH ỦY**\n**về công tác tư tưởng**" + BODY
         + "con người Hà Nam\n")


def test_incoming_stamp_is_a_receipt_not_the_issuer() -> None:
    extraction = run(STAMP)
    doc = extraction.documents[0]
    assert [(r.by, r.number, r.date) for r in doc.received] == [
        ("Đảng ủy Khối các cơ quan tỉnh Hà Nam", "105", "2021-03-10")]
    assert doc.issuer and doc.issuer.name == "Ban Thường vụ Tỉnh ủy Hà Nam"
    start, end = doc.received[0].span
    assert STAMP[start:end].startswith("ĐẢNG ỦY KHỐI")


def test_stamp_with_separate_number_and_date_lines() -> None:
    text = STAMP.replace("VĂN BẢN ĐẾN\n\nSố: 105. Ngày: 10/3/21",
                         "ĐẾN\n\nSố đến: 822\nNgày đến: 09/07/2022")
    doc = run(text).documents[0]
    assert [(r.number, r.date) for r in doc.received] == [("822", "2022-07-09")]


def test_stamp_on_one_line() -> None:
    text = STAMP.replace("VĂN BẢN ĐẾN\n\nSố: 105. Ngày: 10/3/21", "ĐẾN Số: 77 Ngày: 02/4/2021")
    doc = run(text).documents[0]
    assert [(r.number, r.date) for r in doc.received] == [("77", "2021-04-02")]


def test_invalid_date_is_a_warning() -> None:
    extraction = run(CENTRAL_NQ.replace("22 tháng 12", "31 tháng 02"))
    assert "date-invalid" in [w.code for w in extraction.warnings]


SIGNED = ("\nNơi nhận:\n- Các đảng ủy trực thuộc,\n- Lưu VP.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n"
          "Nguyễn Văn A\n")
SPLITS = [
    ("document and appendix", CENTRAL_NQ + SIGNED + "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n\n1. Việc một.",
     [("NQ", "57-NQ/TW", False), (None, None, True)]),
    ("decision and the regulation issued with it",
     CENTRAL_NQ.replace("NGHỊ QUYẾT", "QUYẾT ĐỊNH").replace("57-NQ/TW", "99-QĐ/TW") + SIGNED
     + "\nQUY ĐỊNH\nvề công tác kiểm tra\n(Ban hành kèm theo Quyết định số 99-QĐ/TW)\n\nĐiều 1.",
     [("QĐ", "99-QĐ/TW", False), ("QĐ", None, True)]),
    ("appendix titled in sentence case", CENTRAL_NQ + SIGNED + "\nPhụ lục 1\nDanh mục nhiệm vụ\n",
     [("NQ", "57-NQ/TW", False), (None, None, True)]),
    ("a page heading after the signature is not a document", CENTRAL_NQ + SIGNED
     + "\nTHÔNG BÁO\nvề việc sử dụng thông tin của bạn đọc\n", [("NQ", "57-NQ/TW", False)]),
    ("cover letter and what it forwards", COVER.replace("03-KL/ĐUK", "03-KL/ĐUK ngày 11/12/2019")
     + SIGNED + "\nKẾT LUẬN\nvề công tác tư tưởng\n" + BODY,
     [("CV", "596-CV/ĐU", False), ("KL", "03-KL/ĐUK", False)]),
]


@pytest.mark.parametrize(("name", "text", "expected"), SPLITS, ids=[s[0] for s in SPLITS])
def test_splitting(name: str, text: str, expected: list) -> None:
    docs = run(text).documents
    got = [(d.type, d.symbol, d.appendix_of is not None) for d in docs]
    assert got == expected
    for before, after in itertools.pairwise(docs):
        assert after.appendix_of in (None, before.id)


PAGE = ("Số hiệu:\n|\n174-CV/BCĐ\n|\nLoại văn bản:\n|\nCông văn\n|\nNơi ban hành:\n|\n"
        "Ban Chỉ đạo Trung ương\n|\nNgày ban hành:\n|\n02/12/2025\n|\n\n**Kính gửi:** Các bộ\n\n"
        + BODY)


def test_page_metadata_fills_a_missing_header_and_says_so() -> None:
    extraction = run(PAGE)
    doc = extraction.documents[0]
    assert (doc.symbol, doc.type, doc.type_name, doc.date) == (
        "174-CV/BCĐ", "CV", "Công văn", "2025-12-02")
    assert doc.issuer and doc.issuer.name == "Ban Chỉ đạo Trung ương"
    assert "header-from-page-metadata" in [w.code for w in extraction.warnings]


def test_title_and_symbol_disagreeing_on_the_kind_is_a_warning() -> None:
    extraction = run(CENTRAL_NQ.replace("57-NQ/TW", "57-KH/TW"))
    doc = extraction.documents[0]
    assert (doc.type, doc.type_name) == ("KH", "Nghị quyết")
    assert "conflicting-kind" in [w.code for w in extraction.warnings]


def test_page_text_after_the_signature_is_not_the_document() -> None:
    tail = ("\n\nThực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế và Thỏa thuận "
            "bảo vệ dữ liệu cá nhân của bạn đọc, xin vui lòng đọc kỹ trước khi tiếp tục.\n")
    text = CENTRAL_NQ + SIGNED + tail
    doc = run(text).documents[0]
    assert [c.symbol for c in doc.citations] == []
    assert doc.span[1] <= text.index("Thực hiện Nghị định")


def test_footnotes_after_the_signature_are_the_document() -> None:
    notes = "\n[1] Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII.\n"
    doc = run(CENTRAL_NQ + SIGNED + notes).documents[0]
    assert [c.symbol for c in doc.citations] == ["21-NQ/TW"]


def test_related_articles_after_the_signature_are_page_text() -> None:
    related = "\nBài viết liên quan\n- Nghị quyết 57-NQ/TW năm 2024 về đột phá phát triển\n"
    doc = run(CENTRAL_NQ + SIGNED + related).documents[0]
    assert doc.citations == []


def test_title_over_two_lines() -> None:
    text = CENTRAL_NQ.replace("NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ", "THÔNG BÁO\nKẾT LUẬN CỦA BAN BÍ THƯ")
    doc = run(text).documents[0]
    assert (doc.type_name, doc.issuer and doc.issuer.name) == ("Thông báo kết luận", "Ban Bí thư")
    assert doc.subject and doc.subject.startswith("đột phá")

"""Citation forms composed from the party's format rules: one row, one way of citing."""

from __future__ import annotations

import pytest

from tests._shared_paths import citations, run

TW = "Bộ Chính trị"
# (text, cited symbol, expected fields of that citation)
ROWS: list[tuple[str, str, dict]] = [
    # kinds and their codes
    ("Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị.", "35-NQ/TW",
     {"type": "NQ", "type_name": "Nghị quyết", "date": "2018-10-22", "issuer": TW}),
    ("theo Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương.", "21-KL/TW",
     {"type": "KL", "type_name": "Kết luận", "date": "2021-10-25",
      "issuer": "Ban Chấp hành Trung ương"}),
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW",
     {"type": "CT", "type_name": "Chỉ thị", "date": "2016-05-15"}),
    ("Quy định số 37-QĐ/TW ngày 25/10/2021 về những điều đảng viên không được làm", "37-QĐ/TW",
     {"type": "QĐ", "type_name": "Quy định", "title": "những điều đảng viên không được làm"}),
    ("Quyết định số 238-QĐ/TW ngày 30/9/2020 của Ban Bí thư", "238-QĐ/TW",
     {"type": "QĐ", "type_name": "Quyết định", "issuer": "Ban Bí thư"}),
    ("theo 205-QĐ/TW.", "205-QĐ/TW", {"type": "QĐ", "type_name": None}),
    ("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng", "36-HD/VPTW",
     {"type": "HD", "type_name": "Hướng dẫn", "issuer": "Văn phòng Trung ương Đảng"}),
    ("Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy", "14-KH/TU",
     {"type": "KH", "date": "2025-07-29", "issuer": "Ban Thường vụ Tỉnh ủy"}),
    ("Thông báo số 09-TB/TW ngày 14 tháng 4 năm 1980 về phân công trong Ban Bí thư", "09-TB/TW",
     {"type": "TB", "type_name": "Thông báo", "date": "1980-04-14"}),
    ("Báo cáo số 125-BC/TU ngày 05/12/2024 của Tỉnh ủy", "125-BC/TU",
     {"type": "BC", "type_name": "Báo cáo", "issuer": "Tỉnh ủy"}),
    ("Chương trình hành động số 12-CTr/TU ngày 10/3/2022", "12-CTr/TU",
     {"type": "CTr", "type_name": "Chương trình hành động", "date": "2022-03-10"}),
    ("Quy chế số 03-QC/TU ngày 02/02/2021", "03-QC/TU", {"type": "QC", "type_name": "Quy chế"}),
    ("Công văn số 596-CV/ĐU ngày 12/12/2019", "596-CV/ĐU",
     {"type": "CV", "type_name": "Công văn", "date": "2019-12-12"}),
    ("Tờ trình số 45-TTr/ĐU ngày 01/6/2023", "45-TTr/ĐU", {"type": "TTr", "type_name": "Tờ trình"}),
    ("Đề án số 07-ĐA/TU ngày 18/8/2021", "07-ĐA/TU", {"type": "ĐA", "type_name": "Đề án"}),
    ("Thông tri số 02-TT/TW ngày 08/01/2019", "02-TT/TW", {"type": "TT", "type_name": "Thông tri"}),
    ("Nghị quyết liên tịch số 01-NQLT/TW-CP", "01-NQLT/TW-CP", {"type": "NQLT"}),
    ("Hướng dẫn số 06-HD/BTCTW-BTGTW, ngày 15/8/2011 của Ban Tổ chức Trung ương",
     "06-HD/BTCTW-BTGTW", {"type": "HD", "date": "2011-08-15"}),
    ("Kế hoạch hành động số 03-KHHĐ/TU", "03-KHHĐ/TU", {"type": "KHHĐ"}),
    # central issuers
    ("Hướng dẫn số 08-HD/BTGTW ngày 01/8/2019 của Ban Tuyên giáo Trung ương", "08-HD/BTGTW",
     {"issuer": "Ban Tuyên giáo Trung ương"}),
    ("Hướng dẫn số 12-HD/BTCTW ngày 04/3/2020 của Ban Tổ chức TW", "12-HD/BTCTW",
     {"issuer": "Ban Tổ chức Trung ương"}),
    ("Quy định số 22-QĐ/UBKTTW ngày 28/7/2021", "22-QĐ/UBKTTW", {"date": "2021-07-28"}),
    ("Công văn số 1234-CV/VPTW ngày 02/11/2023 của Văn phòng Trung ương Đảng", "1234-CV/VPTW",
     {"type": "CV", "issuer": "Văn phòng Trung ương Đảng"}),
    ("Nghị quyết số 1657-NQ/ĐUQSTW ngày 20/12/2022 của Quân ủy Trung ương", "1657-NQ/ĐUQSTW",
     {"issuer": "Quân ủy Trung ương", "date": "2022-12-20"}),
    ("Kế hoạch số 07-KH/BTGDVTW ngày 01/4/2025", "07-KH/BTGDVTW", {"date": "2025-04-01"}),
    ("Chỉ thị số 01-CT/ĐUK ngày 12/7/2021 của Ban Thường vụ Đảng ủy Khối", "01-CT/ĐUK",
     {"issuer": "Ban Thường vụ Đảng ủy Khối", "date": "2021-07-12"}),
    ("Nghị quyết số 02-NQ/ĐUK ngày 10/10/2012 của Ban Chấp hành Đảng bộ Khối", "02-NQ/ĐUK",
     {"issuer": "Ban Chấp hành Đảng bộ Khối"}),
    ("Kết luận số 05-KL/HU ngày 03/3/2023 của Ban Thường vụ Huyện ủy", "05-KL/HU",
     {"issuer": "Ban Thường vụ Huyện ủy"}),
    ("Nghị quyết số 10-NQ/QU ngày 12/5/2022 của Quận ủy", "10-NQ/QU", {"issuer": "Quận ủy"}),
    ("Chỉ thị số 03-CT/TU ngày 20/01/2021 của Ban Thường vụ Thành ủy", "03-CT/TU",
     {"issuer": "Ban Thường vụ Thành ủy"}),
    # with or without "số", comma before the date, issuer with its term
    ("Nghị quyết 35-NQ/TW ngày 22/10/2018", "35-NQ/TW", {"date": "2018-10-22"}),
    ("Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị khóa XII về “tăng cường”",
     "35-NQ/TW", {"date": "2018-10-22", "issuer": "Bộ Chính trị khóa XII",
                  "title": "tăng cường"}),
    ("Nghị quyết số: 35-NQ/TW ngày 22/10/2018", "35-NQ/TW", {"date": "2018-10-22"}),
    ("Nghị quyết Số 35-NQ/TW", "35-NQ/TW", {"type_name": "Nghị quyết", "date": None}),
    ("NGHỊ QUYẾT SỐ 35-NQ/TW NGÀY 22/10/2018", "35-NQ/TW", {"date": "2018-10-22"}),
    # date styles
    ("Chỉ thị số 05-CT/TW ngày 15-5-2016", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW ngày 15.5.2016", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW ngày 15 tháng 05 năm 2016", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW (ngày 15/5/2016)", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW ban hành ngày 15/5/2016", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW ngày\n15/5/2016", "05-CT/TW", {"date": "2016-05-15"}),
    ("Chỉ thị số 05-CT/TW ngày 31/02/2016", "05-CT/TW", {"date": None}),
    ("Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016", "05-CT/TW",
     {"date": "2016-05-15", "issuer": TW}),
    ("Ngày 06/5/2022, Ban Chấp hành Đảng bộ Khối ban hành Kết luận số 10-KL/ĐUK về việc",
     "10-KL/ĐUK", {"date": "2022-05-06", "issuer": "Ban Chấp hành Đảng bộ Khối"}),
    ("Kết luận 150-KL/TW năm 2025 của Bộ Chính trị", "150-KL/TW",
     {"date": None, "year": 2025, "issuer": TW}),
    ("Hướng dẫn 12-HD/BTCTW năm 2018", "12-HD/BTCTW", {"year": 2018, "date": None}),
    # OCR slips and markdown
    ("Nghị quyết số 35 -NQ/TW ngày 22/10/2018", "35-NQ/TW", {"date": "2018-10-22"}),
    ("Nghị quyết số 35 - NQ/TW", "35-NQ/TW", {"type": "NQ"}),
    ("Nghị quyết số 35- NQ / TW", "35-NQ/TW", {"type": "NQ"}),
    ("Nghị quyết số 35–NQ/TW", "35-NQ/TW", {"type": "NQ"}),
    ("Nghị quyết số 57\\-NQ/TW ngày 22/12/2024", "57-NQ/TW", {"date": "2024-12-22"}),
    ("**Nghị quyết số 57-NQ/TW** ngày 22/12/2024", "57-NQ/TW", {"date": "2024-12-22"}),
    ("*Nghị quyết số 57-NQ/TW ngày 22/12/2024*", "57-NQ/TW", {"date": "2024-12-22"}),
    ("| Nghị quyết số 57-NQ/TW | ngày 22/12/2024 |", "57-NQ/TW", {"type": "NQ"}),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ\u00a0Chính\u00a0trị", "57-NQ/TW",
     {"issuer": TW}),
    ("Chương trình số 09-Ctr/TU", "09-CTr/TU", {"type": "CTr"}),
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khoá XII", "18-NQ/TW",
     {"date": "2017-10-25"}),
    # relations
    ("Tiếp tục thực hiện Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017", "06-NQ/ĐUK",
     {"relation": "continues"}),
    ("tiếp tục thực hiện có hiệu quả Chỉ thị số 05-CT/TW", "05-CT/TW", {"relation": "continues"}),
    ("Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024", "57-NQ/TW",
     {"relation": "implements"}),
    ("cụ thể hóa Nghị quyết số 57-NQ/TW", "57-NQ/TW", {"relation": "implements"}),
    ("cụ thể hoá Nghị quyết số 57-NQ/TW", "57-NQ/TW", {"relation": "implements"}),
    ("Quy định này thay thế Quy định số 105-QĐ/TW ngày 19/12/2017", "105-QĐ/TW",
     {"relation": "replaces", "type_name": "Quy định"}),
    ("sửa đổi, bổ sung Quy định số 30-QĐ/TW ngày 26/7/2016", "30-QĐ/TW",
     {"relation": "amends"}),
    ("Căn cứ Điều lệ Đảng; căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021", "24-QĐ/TW",
     {"relation": "cites"}),
    ("Nghị quyết số 35-NQ/TW của Bộ Chính trị", "35-NQ/TW", {"relation": "cites"}),
    ("KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\nNội dung.",
     "57-NQ/TW", {"relation": "implements"}),
    # nested citations
    ("Kết luận số 01-KL/TW của Bộ Chính trị về “Tiếp tục thực hiện Chỉ thị 05-CT/TW về đẩy "
     "mạnh học tập”", "05-CT/TW", {"issuer": None, "relation": "cites"}),
    ("Kết luận số 01-KL/TW của Bộ Chính trị về “Tiếp tục thực hiện Chỉ thị 05-CT/TW về đẩy "
     "mạnh học tập”", "01-KL/TW", {"issuer": TW}),
    ("Kết luận số 10-KL/TW về tiếp tục thực hiện Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017",
     "06-NQ/ĐUK", {"relation": "cites", "date": "2017-01-25"}),
    # state documents
    ("Nghị quyết số 71/NQ-CP ngày 08/8/2025 của Chính phủ", "71/NQ-CP",
     {"system": "state", "type": "NQ", "date": "2025-08-08", "issuer": "Chính phủ"}),
    ("Nghị định 136/2025/NĐ-CP", "136/2025/NĐ-CP",
     {"system": "state", "type": "NĐ", "type_name": "Nghị định"}),
    ("Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ", "06/QĐ-TTg",
     {"system": "state", "type": "QĐ", "issuer": "Thủ tướng Chính phủ"}),
    ("Luật số 72/2025/QH15", "72/2025/QH15", {"system": "state"}),
    ("Thông tư số 01/2011/TT-BNV", "01/2011/TT-BNV", {"system": "state", "type": "TT"}),
    ("Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024", "27/CT-TTg",
     {"system": "state", "date": "2024-08-15"}),
    ("Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025", "76/2025/UBTVQH15", {"system": "state"}),
    ("Kế hoạch số 141/KH-UBND", "141/KH-UBND", {"system": "state", "type": "KH"}),
    ("Nghị quyết số 48/2025/NQ-HĐND", "48/2025/NQ-HĐND", {"system": "state"}),
    ("Công văn số 6400/BGDĐT-GDĐH ngày 10/10/2025 của Bộ Giáo dục và Đào tạo",
     "6400/BGDĐT-GDĐH", {"system": "state", "type": "CV", "date": "2025-10-10"}),
    ("văn bản số 2033/UBND-ĐT ngày 01/7/2025", "2033/UBND-ĐT",
     {"system": "state", "type": None, "date": "2025-07-01"}),
    ("Công văn số 174/CV-BCĐ ngày 02/12/2025", "174/CV-BCĐ", {"system": "state", "type": "CV"}),
    ("Kết luận số 23/KL-LNTPTW", "23/KL-LNTPTW", {"system": "party", "type": "KL"}),
    ("Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025", "66.2/2025/NQ-CP",
     {"system": "state", "date": "2025-08-28"}),
    # where the issuer's name ends (forms met in real pages)
    ("Nghị định số 204/2004/NĐ-CP ngày 14/12/2004 của Chính phủ quy định chế độ tiền lương",
     "204/2004/NĐ-CP", {"issuer": "Chính phủ"}),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và các chủ trương khác", "57-NQ/TW",
     {"issuer": TW}),
    ("Thông tư số 29/2024/TT-BGDĐT ngày 30/12/2024 của Bộ Giáo dục và Đào tạo quy định",
     "29/2024/TT-BGDĐT", {"issuer": "Bộ Giáo dục và Đào tạo"}),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ\nChính trị về đột phá", "57-NQ/TW",
     {"issuer": TW}),
    ("Quyết định số 130/QĐ-TTg ngày 20/01/2025 của Ban Chỉ đạo Trung ương thực hiện", "130/QĐ-TTg",
     {"issuer": "Ban Chỉ đạo Trung ương"}),
    ("Ngày 22/8/2025, Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết số 71-NQ/TW", "71-NQ/TW",
     {"date": "2025-08-22", "issuer": "Tổng Bí thư Tô Lâm"}),
    ("Hướng dẫn số 01/HD-BTGDVTW ngày 05/3/2025", "01/HD-BTGDVTW",
     {"system": "party", "type": "HD", "date": "2025-03-05"}),
    ("Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương Đảng[5] về thi hành",
     "232-QĐ/TW", {"issuer": "Ban Chấp hành Trung ương"}),
    # a list of symbols: the issuer named after it is each one's with the same issuer part
    ("các Nghị quyết số 57-NQ/TW, 59-NQ/TW và 66-NQ/TW của Bộ Chính trị", "57-NQ/TW",
     {"issuer": "Bộ Chính trị"}),
    ("các Nghị quyết số 57-NQ/TW, 59-NQ/TW và 66-NQ/TW của Bộ Chính trị", "59-NQ/TW",
     {"issuer": "Bộ Chính trị"}),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024, Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ "
     "Chính trị", "57-NQ/TW", {"date": "2024-12-22", "issuer": "Bộ Chính trị"}),
    ("Nghị quyết số 57-NQ/TW; số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị", "57-NQ/TW",
     {"date": None, "issuer": "Bộ Chính trị"}),
    ("Kế hoạch số 47-KH/TW và Hướng dẫn số 26-HD/BTCTW của Ban Tổ chức Trung ương", "47-KH/TW",
     {"issuer": None}),  # another issuer part: not the Organization Commission's
    ("Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 và Nghị định số 67/2025/NĐ-CP của Chính phủ",
     "178/2024/NĐ-CP", {"issuer": "Chính phủ"}),
    ("Kết luận số 09-KL/BCĐ ngày 24/11/2024 của Ban chỉ đạo Trung ương thông báo", "09-KL/BCĐ",
     {"issuer": "Ban chỉ đạo Trung ương"}),
    # titles
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
     "công nghệ; đổi mới", "57-NQ/TW", {"title": "đột phá phát triển khoa học, công nghệ"}),
    ("Quy định số 08-QĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương \"Về trách nhiệm nêu "
     "gương\"", "08-QĐ/TW", {"title": "Về trách nhiệm nêu gương"}),
    ("Quy định số 101-QĐ/TW ngày 07/06/2012 của Ban Bí thư Trung ương Đảng “Về trách nhiệm”",
     "101-QĐ/TW", {"issuer": "Ban Bí thư", "title": "Về trách nhiệm"}),
]


@pytest.mark.parametrize(("text", "symbol", "expected"), ROWS)
def test_citation_form(text: str, symbol: str, expected: dict) -> None:
    found = citations(text)
    assert symbol in found, f"{symbol} not found in {sorted(found)}"
    got = found[symbol]
    for field, want in expected.items():
        assert getattr(got, field) == want, field


NOT_CITATIONS = [
    "Kết luận này được phổ biến đến chi bộ.",
    "tại địa chỉ 12/UBND-ĐT của trang tin",
    "Nghị quyết này có hiệu lực từ ngày ký.",
    "Ngày 22/10/2018, Hà Nội.",
    "Điện thoại: 024-3825/1234",
    "tỷ lệ 35-40% đảng viên",
    "Số 7 đường Nguyễn Tri Phương",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_a_citation(text: str) -> None:
    assert citations(text) == {}


SHORT_FORMS = [
    ("Nghị quyết số 06-NQ/ĐUK ngày 25/01/2017. Qua 5 năm triển khai Nghị quyết số 06, ...",
     "06-NQ/ĐUK", "Nghị quyết số 06"),
    ("Nghị quyết số 02-NQ/ĐUK (sau đây gọi tắt là Nghị quyết 02). Việc thực hiện Nghị quyết 02",
     "02-NQ/ĐUK", "Nghị quyết 02"),
    ("Chỉ thị số 05-CT/TW của Bộ Chính trị. Thực hiện Chỉ thị 05 ...", "05-CT/TW", "Chỉ thị 05"),
]


@pytest.mark.parametrize(("text", "symbol", "short"), SHORT_FORMS)
def test_short_form_resolves_to_earlier_symbol(text: str, symbol: str, short: str) -> None:
    found = citations(text)
    assert list(found) == [symbol]
    assert short in found[symbol].short_forms


def test_short_form_without_full_symbol_is_not_a_citation() -> None:
    assert citations("Thực hiện Nghị quyết 02 của Đảng ủy.") == {}


NAMED = [
    ("gắn với thực hiện Nghị quyết Hội nghị Trung ương 4 khóa XI, XII, XIII về xây dựng Đảng",
     ["Nghị quyết Hội nghị Trung ương 4 khóa XI", "Nghị quyết Hội nghị Trung ương 4 khóa XII",
      "Nghị quyết Hội nghị Trung ương 4 khóa XIII"]),
    ("Thực hiện Nghị quyết Đại hội XIII của Đảng, ...", ["Nghị quyết Đại hội XIII của Đảng"]),
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX và Đại hội Đảng toàn quốc lần thứ XIII đã đề ra",
     ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
      "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII"]),
    ("theo tinh thần Nghị quyết Trung ương 8 khóa XIII về Chiến lược bảo vệ Tổ quốc",
     ["Nghị quyết Trung ương 8 khóa XIII"]),
    ("Nghị quyết Hội nghị lần thứ nhất Ban Chấp hành Trung ương Đảng khóa II chính thức",
     ["Nghị quyết Hội nghị lần thứ nhất Ban Chấp hành Trung ương Đảng khóa II"]),
    ("quán triệt Nghị quyết Đại hội Đảng bộ các cấp", []),
    ("thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng",
     ["Nghị quyết Trung ương 4 khóa XII"]),
    ("Nghị quyết Đại hội XIII của Đảng nhiệm kỳ 2021-2026", ["Nghị quyết Đại hội XIII của Đảng"]),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của\nĐảng;",
     ["Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"]),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_references(text: str, expected: list[str]) -> None:
    got = [r.text for d in run(text).documents for r in d.named_references]
    assert got == expected


def test_table_has_at_least_80_rows() -> None:
    rows = len(ROWS) + len(NOT_CITATIONS) + len(SHORT_FORMS) + len(NAMED)
    assert rows >= 80

"""Responsibilities, recurrences and deadlines: composed snippets in the format of party documents.

Each row is a snippet written for this test (not copied from any document) and the
fields a careful reader takes from it.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vankien.loaders.duty import find_duties
from vankien.loaders.plain import view
from vankien.loaders.timing import find_deadlines, find_recurrences


def duties(text: str, issued: str | None = None):
    return find_duties(text, 0, len(text), issued)


# snippet → [(actor, role, partners, recurrences, deadline, reports_to)] in order
RESPONSIBILITIES = [
    ("- Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc "
     "việc thực hiện.",
     [("Ban Tổ chức Tỉnh ủy", "lead", ["Văn phòng Tỉnh ủy"], [], None, None)]),
    ("Giao cho Ủy ban Kiểm tra Huyện ủy là cơ quan chủ trì phối hợp với Ban Tổ chức Huyện ủy "
     "kiểm tra, giám sát việc thực hiện Chỉ thị.",
     [("Ủy ban Kiểm tra Huyện ủy", "lead", ["Ban Tổ chức Huyện ủy"], [], None, None)]),
    ("Văn phòng Thành ủy chủ trì, phối hợp với các ban đảng Thành ủy hướng dẫn, kiểm tra việc "
     "thực hiện Quy định này.",
     [("Văn phòng Thành ủy", "lead", ["các ban đảng Thành ủy"], [], None, None)]),
    ("Ban Dân vận Tỉnh ủy phối hợp với Ban Tuyên giáo Tỉnh ủy trong việc tuyên truyền Nghị quyết.",
     [("Ban Dân vận Tỉnh ủy", "coordinate", ["Ban Tuyên giáo Tỉnh ủy"], [], None, None)]),
    ("Các cấp ủy đảng phối hợp chặt chẽ với chính quyền, Mặt trận Tổ quốc tăng cường công tác "
     "dân vận.",
     [("Các cấp ủy đảng", "coordinate", ["chính quyền", "Mặt trận Tổ quốc"], [], None, None),
      ("Các cấp ủy đảng", "execute", ["chính quyền", "Mặt trận Tổ quốc"], [], None, None)]),
    ("Hằng quý, Ban Chỉ đạo 35 của tỉnh tổ chức giao ban, đánh giá tình hình.",
     [("Ban Chỉ đạo 35 của tỉnh", "execute", [], ["quarterly"], None, None)]),
    ("Nâng cao trách nhiệm của cấp ủy, tổ chức đảng trong bảo vệ nền tảng tư tưởng.", []),
    ("2. Người đứng đầu cấp ủy, cơ quan, đơn vị công khai cam kết nêu gương.",
     [("Người đứng đầu cấp ủy, cơ quan, đơn vị", "execute", [], [], None, None)]),
    ("Ban Tuyên giáo Đảng ủy Khối tham mưu Ban Thường vụ Đảng ủy Khối sơ kết việc thực hiện "
     "Kết luận.",
     [("Ban Tuyên giáo Đảng ủy Khối", "advise", [], [], None, None)]),
    ("Đề nghị các huyện ủy và đảng ủy trực thuộc tổ chức quán triệt Chỉ thị này đến chi bộ.",
     [("Các huyện ủy", "execute", [], [], None, None),
      ("Đảng ủy trực thuộc", "execute", [], [], None, None)]),
    ("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng nghiêm túc thực hiện Chỉ thị này.",
     [("Các cấp ủy, tổ chức đảng", "execute", [], [], None, None)]),
    ("**3. Ban Tổ chức Tỉnh ủy:** chủ trì theo dõi, tổng hợp tình hình, định kỳ 6 tháng báo cáo "
     "Ban Thường vụ Tỉnh ủy.",
     [("Ban Tổ chức Tỉnh ủy", "lead", [], ["semiannual"], None, "Ban Thường vụ Tỉnh ủy")]),
    ("#### 2. Văn phòng Tỉnh ủy:\n\n- Tham mưu Thường trực Tỉnh ủy ban hành quy chế làm việc.\n\n"
     "- Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn lập hồ sơ.",
     [("Văn phòng Tỉnh ủy", "advise", [], [], None, None),
      ("Văn phòng Tỉnh ủy", "lead", ["Ban Tổ chức Tỉnh ủy"], [], None, None)]),
    ("Các chi bộ trực thuộc hằng quý báo cáo kết quả thực hiện với Đảng ủy cơ sở.",
     [("Các chi bộ trực thuộc", "execute", [], ["quarterly"], None, "Đảng ủy cơ sở")]),
    ("Ban Nội chính Tỉnh ủy chủ trì tổng hợp, báo cáo kết quả với Ban Thường vụ Tỉnh ủy trước "
     "ngày 15/12/2024.",
     [("Ban Nội chính Tỉnh ủy", "lead", [], [], "2024-12-15", "Ban Thường vụ Tỉnh ủy")]),
    ("Các đảng ủy trực thuộc hoàn thành việc kiểm điểm trong quý I/2025.",
     [("Các đảng ủy trực thuộc", "execute", [], [], "2025-03-31", None)]),
    ("Đảng ủy các xã, thị trấn xây dựng kế hoạch thực hiện chậm nhất ngày 30/6/2025.",
     [("Đảng ủy các xã, thị trấn", "execute", [], [], "2025-06-30", None)]),
    ("Cấp ủy các cấp mỗi năm kiểm tra ít nhất 20% tổ chức đảng trực thuộc.",
     [("Cấp ủy các cấp", "execute", [], ["yearly"], None, None)]),
    ("Ủy ban Kiểm tra các cấp tham mưu cấp ủy kiểm tra việc thực hiện.",
     [("Ủy ban Kiểm tra các cấp", "advise", [], [], None, None)]),
    ("Người đứng đầu cấp ủy các cấp trực tiếp chỉ đạo công tác này.",
     [("Người đứng đầu cấp ủy các cấp", "execute", [], [], None, None)]),
    ("Ban cán sự đảng UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh bố trí kinh phí thực hiện.",
     [("Ban cán sự đảng UBND tỉnh", "execute", [], [], None, None)]),
    ("Ban Thường vụ Huyện uỷ giao Văn phòng Huyện uỷ theo dõi, đôn đốc việc thực hiện.",
     [("Văn phòng Huyện uỷ", "execute", [], [], None, None)]),  # as written
    ("\\- Giao Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức tuyên truyền.",
     [("Ban Tuyên giáo Tỉnh ủy", "lead", [], [], None, None)]),
    ("Các đảng ủy\u00a0trực thuộc tiếp tục quán triệt,\ntriển khai Nghị quyết.",
     [("Các đảng ủy trực thuộc", "execute", [], [], None, None)]),
    ("Giao Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo thể chế hóa các nội dung của Nghị quyết.",
     [("Đảng đoàn Hội đồng nhân dân tỉnh", "execute", [], [], None, None)]),
    ("Ban Thường vụ Tỉnh ủy sơ kết giữa nhiệm kỳ việc thực hiện Nghị quyết.",
     [("Ban Thường vụ Tỉnh ủy", "execute", [], ["term"], None, None)]),
    ("Đảng ủy Khối báo cáo Ban Bí thư định kỳ hằng năm.",
     [("Đảng ủy Khối", "execute", [], ["yearly"], None, "Ban Bí thư")]),
    ("- Các đảng ủy trực thuộc tiếp tục lãnh đạo thực hiện Kết luận này. Hằng năm, báo cáo kết "
     "quả thực hiện với cấp ủy cấp trên trong báo cáo 6 tháng và tổng kết năm./.",
     [("Các đảng ủy trực thuộc", "execute", [], ["yearly", "semiannual"], None,
       "cấp ủy cấp trên")]),
    # the labelled form of plans (kế hoạch): roles and time under the task they follow
    ("- Tổ chức hội nghị quán triệt Nghị quyết đến cán bộ chủ chốt.\n\n"
     "*Cơ quan chủ trì:* Ban Tuyên giáo Tỉnh ủy.\n\n*Cơ quan phối hợp:* Văn phòng Tỉnh ủy, "
     "Ban Tổ chức Tỉnh ủy.\n\n*Thời gian thực hiện:* Quý II/2025.",
     [("Ban Tuyên giáo Tỉnh ủy", "lead", ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"], [],
       "2025-06-30", None),
      ("Văn phòng Tỉnh ủy", "coordinate", [], [], "2025-06-30", None),
      ("Ban Tổ chức Tỉnh ủy", "coordinate", [], [], "2025-06-30", None)]),
    ("- Sơ kết việc thực hiện Chỉ thị.\n\nĐơn vị thực hiện: Các huyện ủy, Đảng ủy Khối.\n\n"
     "Thời gian thực hiện: Hằng năm.",
     [("Các huyện ủy", "execute", [], ["yearly"], None, None),
      ("Đảng ủy Khối", "execute", [], ["yearly"], None, None)]),
    # a PDF's hard line breaks inside the words that matter
    ("1. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy tham\nmưu tổ chức "
     "hội nghị; định kỳ 6 tháng tổng hợp\nbáo cáo Ban Thường vụ Huyện ủy.",
     [("Ban Tuyên giáo Huyện ủy", "lead", ["Văn phòng Huyện ủy"], ["semiannual"], None,
       "Ban Thường vụ Huyện ủy")]),
    ("Để khắc phục hạn chế, Ban Bí thư yêu cầu các cấp ủy, Mặt trận Tổ quốc tập trung thực "
     "hiện các nhiệm vụ sau:",
     [("Các cấp ủy", "execute", [], [], None, None),
      ("Mặt trận Tổ quốc", "execute", [], [], None, None)]),
    ("1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn thực hiện; "
     "hằng quý báo cáo Thường trực Tỉnh ủy; tham mưu sơ kết Nghị quyết trong quý IV năm 2026.",
     [("Ban Tuyên giáo Tỉnh ủy", "lead", ["Văn phòng Tỉnh ủy"], ["quarterly"], None,
       "Thường trực Tỉnh ủy"),
      ("Ban Tuyên giáo Tỉnh ủy", "advise", [], [], "2026-12-31", None)]),
    ("Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo Sở Nội vụ phối hợp với Công an tỉnh rà soát.",
     [("Ban cán sự đảng Ủy ban nhân dân tỉnh", "execute", [], [], None, None)]),
    ("- Các huyện ủy quán triệt Kết luận, hoàn thành trước ngày 30/6/2024; báo cáo kết quả 6 "
     "tháng (trước ngày 20/6) và hằng năm (trước ngày 20/11) về Ban Thường vụ Tỉnh ủy.",
     [("Các huyện ủy", "execute", [], ["semiannual", "yearly"], "2024-06-30",
       "Ban Thường vụ Tỉnh ủy")]),
    ("Những năm qua, các cấp ủy, tổ chức đảng trong Đảng bộ tỉnh luôn quan tâm lãnh đạo.", []),
    ("Cấp ủy và ủy ban kiểm tra các cấp cần tăng cường công tác kiểm tra, giám sát.",
     [("Cấp ủy và ủy ban kiểm tra các cấp", "execute", [], [], None, None)]),
    ("Trước tình hình trên, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết với các nội dung sau:", []),
    ("- Các huyện ủy ban hành kế hoạch thực hiện Kết luận trước ngày 31/8/2024.",
     [("Các huyện ủy", "execute", [], [], "2024-08-31", None)]),
    ("4. Ban Kinh tế Trung ương theo dõi, định kỳ sơ kết, báo cáo Bộ Chính trị, Ban Bí thư.",
     [("Ban Kinh tế Trung ương", "execute", [], ["periodic"], None, "Bộ Chính trị, Ban Bí thư")]),
    # the items of '… yêu cầu X … sau:' are X's unless they name a body of their own
    ("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tập trung thực hiện các nhiệm vụ "
     "sau:\n\n1. Tăng cường kiểm tra, giám sát hằng năm.\n\n2. Ban Tổ chức Tỉnh ủy theo dõi.\n\n"
     "3. Tổng kết trước ngày 31/12/2026.\n\nNghị quyết này phổ biến đến chi bộ.",
     [("Các cấp ủy, tổ chức đảng", "execute", [], [], None, None),
      ("Các cấp ủy, tổ chức đảng", "execute", [], ["yearly"], None, None),
      ("Ban Tổ chức Tỉnh ủy", "execute", [], [], None, None),
      ("Các cấp ủy, tổ chức đảng", "execute", [], [], "2026-12-31", None)]),
    ("Ngày 12/3/2024, Ban Bí thư ban hành Chỉ thị số 99-CT/TW về công tác dân vận.", []),
    ("HUYỆN ỦY AN LẠC\nSố 45-KH/HU\nKẾ HOẠCH\nthực hiện Chỉ thị số 99-CT/TW của Ban Bí thư", []),
    ("Ban cán sự đảng UBND tỉnh chỉ đạo Sở Nội vụ rà soát.",
     [("Ban cán sự đảng UBND tỉnh", "execute", [], [], None, None)]),
    ("Bộ Chính trị yêu cầu các cấp ủy tiếp tục thực hiện Nghị quyết; tập trung các nội dung "
     "sau:\n\n(1) Đổi mới tư duy về công tác quy hoạch.\n\nCác địa phương khẩn trương rà soát "
     "quy hoạch.\n\n**(2)** Trong năm 2026, hoàn thành việc sửa đổi quy định pháp luật.",
     [("Các cấp ủy", "execute", [], [], None, None),
      ("Các cấp ủy", "execute", [], [], None, None),
      ("Các địa phương", "execute", [], [], None, None),
      ("Các cấp ủy", "execute", [], [], "2026-12-31", None)]),
    # a body alone on its numbered line heads the bullets below it
    ("2. Ban Tuyên giáo Huyện ủy\n- Chủ trì, phối hợp với Văn phòng Huyện ủy hướng dẫn.\n"
     "- Tham mưu Ban Thường vụ Huyện ủy sơ kết hằng năm.\n"
     "3. Đối với các chi, đảng bộ cơ sở:\n- Xây dựng kế hoạch thực hiện.",
     [("Ban Tuyên giáo Huyện ủy", "lead", ["Văn phòng Huyện ủy"], [], None, None),
      ("Ban Tuyên giáo Huyện ủy", "advise", [], ["yearly"], None, None),
      ("Các chi, đảng bộ cơ sở", "execute", [], [], None, None)]),
    ("- Các đảng ủy trực thuộc tổ chức quán triệt Nghị quyết",
     [("Các đảng ủy trực thuộc", "execute", [], [], None, None)]),
    ("4. Sở Xây dựng:\n- Phối hợp Sở Tài chính bố trí kinh phí thực hiện.",
     [("Sở Xây dựng", "coordinate", ["Sở Tài chính"], [], None, None),
      ("Sở Xây dựng", "execute", ["Sở Tài chính"], [], None, None)]),
    # a plan's duty table (markdown): a row a task, columns for lead, coordinate and when
    ("| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
     "|---|---|---|---|---|\n"
     "| 1 | Xây dựng đề án | Ban Tuyên giáo Tỉnh ủy | Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy"
     " | Trước 30/6/2026 |\n"
     "| 2 | Kiểm tra việc thực hiện | Ủy ban Kiểm tra Tỉnh ủy | | Hằng năm |",
     [("Ban Tuyên giáo Tỉnh ủy", "lead", ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"], [],
       "2026-06-30", None),
      ("Ủy ban Kiểm tra Tỉnh ủy", "lead", [], ["yearly"], None, None)]),
    ("| Nội dung công việc | Đơn vị thực hiện | Thời hạn |\n| :--- | :---: | ---: |\n"
     "| Tổ chức hội nghị quán triệt | Các huyện ủy và các đảng ủy trực thuộc | Quý II |",
     [("Các huyện ủy", "execute", [], [], None, None),
      ("các đảng ủy trực thuộc", "execute", [], [], None, None)]),
    # a bare period in the time column is the deadline, as under a 'Thời gian:' label
    ("| Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|\n"
     "| Sơ kết 5 năm | Văn phòng Tỉnh ủy | Quý II/2026 |\n"
     "| Tổng kết | Ban Tổ chức Tỉnh ủy | Tháng 12/2027 |",
     [("Văn phòng Tỉnh ủy", "lead", [], [], "2026-06-30", None),
      ("Ban Tổ chức Tỉnh ủy", "lead", [], [], "2027-12-31", None)]),
    ("| TT | Họ và tên | Chức vụ |\n|---|---|---|\n| 1 | Nguyễn Văn An | Bí thư |", []),
    ("Trường hợp chậm tiến độ, báo cáo cấp có thẩm quyền.", []),
    ("Ban hành quy chế làm việc của Ban Chỉ đạo.", []),
    ("Cơ quan chủ trì", []),
    ("Các cấp ủy đã tập trung lãnh đạo, chỉ đạo thực hiện Nghị quyết.", []),
    ("Các chi bộ chưa quan tâm đúng mức đến công tác phát triển đảng viên.", []),
    ("Đáp ứng yêu cầu nhiệm vụ trong tình hình mới.", []),
    ("Cán bộ, đảng viên được nâng cao nhận thức về công tác bảo vệ nền tảng tư tưởng.", []),
]


@pytest.mark.parametrize(("snippet", "expected"), RESPONSIBILITIES)
def test_responsibility(snippet: str, expected: list[tuple]) -> None:
    found, _, _, _ = duties(snippet)
    got = [(r.actor, r.role, list(r.partners), list(r.recurrences), r.deadline, r.reports_to)
           for r in found]
    assert got == expected
    assert all(r.task and not r.task.startswith(("cần ", ",")) for r in found)


def test_relative_deadline_resolves_against_issue_date() -> None:
    snippet = "Các cấp ủy, tổ chức đảng triển khai thực hiện trong 30 ngày kể từ ngày ký."
    found, _, deadlines, _ = duties(snippet, "2024-03-01")
    assert found[0].deadline == "2024-03-31"
    assert [d.date for d in deadlines] == ["2024-03-31"]


def test_relative_deadline_without_issue_date_stays_relative() -> None:
    snippet = "Các cấp ủy, tổ chức đảng triển khai thực hiện trong 30 ngày kể từ ngày ký."
    found, _, deadlines, _ = duties(snippet)
    assert found[0].deadline is None
    assert [(d.date, d.text) for d in deadlines] == [(None, "trong 30 ngày kể từ ngày ký")]


# snippet → warning codes
WARNINGS = [
    ("Phối hợp với các cơ quan báo chí đẩy mạnh tuyên truyền.", ["task-without-owner"]),
    ("- Chủ trì, phối hợp với các ban đảng hướng dẫn thực hiện.", ["task-without-owner"]),
    ("Các đảng ủy trực thuộc tổ chức quán triệt Nghị quyết.", ["duty-without-time"]),
    ("Các đảng ủy trực thuộc hằng năm báo cáo kết quả thực hiện.", []),
    ("III. TỔ CHỨC THỰC HIỆN\n\n1. Nghị quyết này được phổ biến đến chi bộ.",
     ["task-without-owner"]),
]


@pytest.mark.parametrize(("snippet", "codes"), WARNINGS)
def test_unassigned_work_is_flagged(snippet: str, codes: list[str]) -> None:
    _, _, _, warnings = duties(snippet)
    assert [w.code for w in warnings] == codes


def test_nothing_after_the_signature_but_a_new_title() -> None:
    text = ("- Ban Tổ chức Tỉnh ủy theo dõi việc thực hiện.\n\nNơi nhận:\n- Lưu VP.\n\n"
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n\nTin liên quan\n\n"
            "- Ban Dân vận Tỉnh ủy tổ chức hội nghị tập huấn\n\nPHỤ LỤC\n\n"
            "1. Văn phòng Tỉnh ủy tổng hợp số liệu.")
    found, _, _, _ = duties(text)
    assert [r.actor for r in found] == ["Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy"]


def test_spans_point_at_the_source() -> None:
    snippet = "Mở đầu.\n\n- Giao **Ban Tổ chức Tỉnh ủy** chủ trì kiểm tra.\n"
    (r,), _, _, _ = duties(snippet)
    assert snippet[r.span[0]:r.span[1]].startswith("Giao **Ban Tổ chức")
    assert r.actor == "Ban Tổ chức Tỉnh ủy"


# snippet → frequencies found
RECURRENCES = [
    ("Hằng năm xây dựng kế hoạch kiểm tra.", ["yearly"]),
    ("tổng kết hàng năm", ["yearly"]),
    ("Định kỳ hàng năm tiến hành sơ kết.", ["yearly"]),
    ("báo cáo định kỳ 6 tháng và cuối năm", ["semiannual"]),
    ("sau 6 tháng thực hiện Chỉ thị", []),
    ("giao ban hằng quý", ["quarterly"]),
    ("tổ chức hội nghị báo cáo viên hằng tháng", ["monthly"]),
    ("tiếp công dân định kỳ hoặc đột xuất", ["periodic"]),
    ("kiểm điểm mỗi nhiệm kỳ một lần", ["term"]),
    ("Đại hội đảng bộ nhiệm kỳ 2025-2030", []),
    ("bảo đảm mỗi năm 10% cấp ủy, tổ chức đảng được kiểm tra", ["yearly"]),
    ("thực hiện thường xuyên, liên tục", []),
    ("sơ kết, tổng kết hằng\nnăm", ["yearly"]),
]


@pytest.mark.parametrize(("snippet", "frequencies"), RECURRENCES)
def test_recurrence(snippet: str, frequencies: list[str]) -> None:
    assert [r.frequency for r in find_recurrences(view(snippet), 0, len(snippet))] == frequencies


def test_quantified_target_stays_with_its_recurrence() -> None:
    snippet = "Tăng cường kiểm tra, bảo đảm mỗi năm 10% cấp ủy được kiểm tra, giám sát; tổng kết."
    (r,) = find_recurrences(view(snippet), 0, len(snippet))
    assert "mỗi năm 10% cấp ủy được kiểm tra" in r.text


# snippet, issue date → deadline dates found
DEADLINES = [
    ("hoàn thành trước ngày 30/6/2023", None, ["2023-06-30"]),
    ("báo cáo chậm nhất là ngày 15 tháng 9 năm 2024", None, ["2024-09-15"]),
    ("xong trong quý I/2023", None, ["2023-03-31"]),
    ("trong quý IV năm 2024", None, ["2024-12-31"]),
    ("trước quý III/2023", None, ["2023-06-30"]),
    ("phấn đấu đến năm 2025 hoàn thành", None, ["2025-12-31"]),
    ("Quy hoạch phát triển báo chí đến năm 2030", None, []),
    ("thực hiện Nghị quyết 06-NQ/TW ngày 24/01/2022 về quy hoạch, xây dựng, quản lý và phát "
     "triển bền vững đô thị Việt Nam đến năm 2030", None, []),
    ("phát triển nhà ở quốc gia đến năm 2030, tầm nhìn đến năm 2045", None, []),
    ("hết tháng 9/2024", None, ["2024-09-30"]),
    ("trong vòng 3 tháng kể từ ngày ban hành", "2024-01-31", ["2024-04-30"]),
    ("trong 10 ngày làm việc kể từ ngày ký", "2024-01-02", [None]),
    ("Quyết định 238-QĐ/TW, ngày 30/9/2020 của Ban Bí thư", None, []),
    ("trước ngày 31/2/2024", None, [None]),
    ("trước ngày 15/7", "2024-05-01", ["2024-07-15"]),
    ("báo cáo hằng năm trước ngày 15/11", "2024-05-01", [None]),
    ("gửi báo cáo chậm nhất đến hết ngày 30-6-2025", None, ["2025-06-30"]),
    ("Thời hạn: ngày 15/10/2025", None, ["2025-10-15"]),
]


@pytest.mark.parametrize(("snippet", "issued", "dates"), DEADLINES)
def test_deadline(snippet: str, issued: str | None, dates: list[str | None]) -> None:
    assert [d.date for d in find_deadlines(view(snippet), 0, len(snippet), issued)] == dates


_LETTERS = "aăâeêioôơuưyàảãáạủỷóòoaAUỶ*#\\-\u00a0\n .,:;()/0123456789đĐ"


@given(st.text(alphabet=_LETTERS, max_size=200))
def test_view_keeps_every_offset(text: str) -> None:
    assert len(view(text)) == len(text)


@given(st.text(max_size=300))
def test_duties_never_fail_and_spans_stay_in_range(text: str) -> None:
    found, recurrences, deadlines, warnings = duties(text)
    spans = [x.span for x in (*found, *recurrences, *deadlines, *warnings) if x.span]
    assert all(0 <= a <= b <= len(text) for a, b in spans)


# --- the four seed documents, against their hand-checked answers ------------------------

def _same(a: str | None, b: str | None) -> bool:
    a, b = (" ".join((x or "").split()).casefold() for x in (a, b))
    return bool(a and b) and (a in b or b in a)


def test_seed_responsibilities_and_recurrences(seed_pairs: list) -> None:
    for file, gold, doc in seed_pairs:
        for want in gold["responsibilities"]:
            roles = {r["role"] for r in doc["responsibilities"] if _same(want["actor"], r["actor"])}
            assert want["role"] in roles, (file, want["actor"])
        for want in gold["recurrences"]:
            text = want["text_contains"]
            assert any(r["frequency"] == want["frequency"] and _same(text, r["text"])
                       for r in doc["recurrences"]), (file, text)


def test_decomposed_text_gives_the_same_duties_with_spans_into_it() -> None:
    composed = ("- Giao Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy kiểm tra, "
                "hằng quý báo cáo Ban Thường vụ, hoàn thành trước ngày 30/6/2025.")
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    want, got = duties(composed)[0], duties(decomposed)[0]
    assert [(r.actor, r.role, r.partners, r.recurrences, r.deadline) for r in got] == [
        (r.actor, r.role, r.partners, r.recurrences, r.deadline) for r in want]
    for r in got:
        words = unicodedata.normalize("NFC", decomposed[r.span[0]:r.span[1]])
        assert words.startswith("Giao Ban Tổ chức") and words.rstrip(".").endswith("30/6/2025")

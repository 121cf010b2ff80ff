"""Identity of bodies across files: a name and its document's context → one organization IRI."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset
from vankien.graph.build import build_graph
from vankien.loaders import extract_file
from vankien.loaders.extract import DEFAULT_BASE as B
from vankien.loaders.organizations import resolve_org
from vankien.loaders.places import OrgContext, find_context

from tests._shared_paths import SEEDS, run

KHOI = OrgContext(bloc="các cơ quan Trung ương")
HA_NAM = OrgContext(province="Hà Nam")
KHOI_HA_NAM = OrgContext(province="Hà Nam", bloc="các cơ quan tỉnh")
OF_KHOI = OrgContext(bloc="các cơ quan Trung ương", committee="Đảng bộ Khối các cơ quan Trung ương")
OF_TTX = OrgContext(committee="Đảng ủy Thông tấn xã Việt Nam")
OF_HUYEN = OrgContext(committee="Huyện ủy Đông Phong")
NONE = OrgContext()

# Each row: a body as a document names it, the document's context → the body's IRI (None: no
# one body can be told).
NAMES = [
    ("Bộ Chính trị", NONE, "bo-chinh-tri"),
    ("Bộ Chính trị khóa XII", NONE, "bo-chinh-tri"),  # the term is the document's, not a body
    ("Bộ Chính trị (khóa XII)", HA_NAM, "bo-chinh-tri"),
    ("BCT", NONE, "bo-chinh-tri"),
    ("Ban Bí thư Trung ương Đảng khóa XI", NONE, "ban-bi-thu"),
    ("Trung ương", NONE, "ban-chap-hanh-trung-uong"),
    ("Ban Tuyên giáo TW", NONE, "ban-tuyen-giao-trung-uong"),
    ("Ban Chấp hành Đảng bộ Khối", KHOI, "ban-chap-hanh-dang-bo-khoi-cac-co-quan-trung-uong"),
    ("Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương", NONE,
     "ban-chap-hanh-dang-bo-khoi-cac-co-quan-trung-uong"),
    ("Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương khóa XIII", HA_NAM,
     "ban-chap-hanh-dang-bo-khoi-cac-co-quan-trung-uong"),
    ("Ban Chấp hành", OF_KHOI, "ban-chap-hanh-dang-bo-khoi-cac-co-quan-trung-uong"),
    ("Ban Thường vụ Đảng ủy Khối", KHOI, "ban-thuong-vu-dang-uy-khoi-cac-co-quan-trung-uong"),
    ("Ban Thường vụ Đảng bộ Khối", KHOI, "ban-thuong-vu-dang-uy-khoi-cac-co-quan-trung-uong"),
    ("Ban Thường vụ", OF_KHOI, "ban-thuong-vu-dang-uy-khoi-cac-co-quan-trung-uong"),
    ("Ban Tổ chức", OF_KHOI, "ban-to-chuc-dang-uy-khoi-cac-co-quan-trung-uong"),
    ("Tỉnh ủy", HA_NAM, "tinh-uy-ha-nam"),
    ("Đảng ủy Khối", KHOI_HA_NAM, "dang-uy-khoi-cac-co-quan-tinh-ha-nam"),
    ("Đảng ủy Khối các cơ quan tỉnh Hà Nam", NONE, "dang-uy-khoi-cac-co-quan-tinh-ha-nam"),
    ("Ban Thường vụ Tỉnh ủy", HA_NAM, "ban-thuong-vu-tinh-uy-ha-nam"),
    ("Ban Chấp hành Đảng bộ tỉnh", HA_NAM, "ban-chap-hanh-dang-bo-tinh-ha-nam"),
    ("Ban Chấp hành Tỉnh ủy Hà Nam", NONE, "ban-chap-hanh-dang-bo-tinh-ha-nam"),
    ("Ban cán sự đảng UBND tỉnh", HA_NAM, "ban-can-su-dang-uy-ban-nhan-dan-tinh-ha-nam"),
    ("Đảng ủy", OF_TTX, "dang-uy-thong-tan-xa-viet-nam"),  # T/M ĐẢNG ỦY: its own committee
    ("Ban Thường vụ Huyện ủy", OF_HUYEN, "ban-thuong-vu-huyen-uy-dong-phong"),
    ("Ủy ban Kiểm tra Huyện ủy", OF_HUYEN, "uy-ban-kiem-tra-huyen-uy-dong-phong"),
    ("Công an tỉnh", HA_NAM, "cong-an-tinh-ha-nam"),
    ("Sở Tài chính", HA_NAM, "so-tai-chinh-ha-nam"),
    ("Sở Tài chính tỉnh", HA_NAM, "so-tai-chinh-ha-nam"),
    ("Sở Tài chính tỉnh Hà Nam", NONE, "so-tai-chinh-ha-nam"),
    ("Sở Giáo dục và Đào tạo thành phố Hà Nội", HA_NAM, "so-giao-duc-va-dao-tao-ha-noi"),
    # no one body: relative names without their context, bare parts, kinds of body, lists
    ("Tỉnh ủy", NONE, None),
    ("Ban Chấp hành Đảng bộ Khối", NONE, None),
    ("Ban Tổ chức", NONE, None),
    ("Đảng ủy", NONE, None),
    ("Chi bộ", OF_TTX, None),
    ("Ban Thường vụ Huyện ủy", HA_NAM, None),  # which district?
    ("Công an tỉnh", NONE, None),
    ("Sở Tài chính", NONE, None),
    ("Đảng viên tiêu biểu của tỉnh", HA_NAM, None),
    # words a finder took for a name: a list marker, a symbol, an unclosed bracket
    ("Sở Tài chính a) Chủ trì", HA_NAM, None),
    ("Chính phủ có Công văn 31/CV-BCĐTKNQ18", NONE, None),
    ("Sở Tài chính (cơ quan", HA_NAM, None),
    ("ban cán sự đảng", HA_NAM, None),
    ("đảng đoàn", NONE, None),
    ("Các cấp ủy đảng", HA_NAM, None),
    ("Sở Nội vụ, Sở Tài chính", HA_NAM, None),
]


@pytest.mark.parametrize(("name", "context", "key"), NAMES,
                         ids=[f"{n}|{c.province or c.bloc or c.committee}" for n, c, _ in NAMES])
def test_body_in_context(name: str, context: OrgContext, key: str | None) -> None:
    assert resolve_org(name, context).id == (key and f"{B}org/{key}")


# Each row: a body as written, its context → the name its node is labelled with.
LABELS = [
    ("Bộ Chính trị khóa XII", NONE, "Bộ Chính trị"),
    ("Ban thường vụ Tỉnh ủy Bắc Ninh", NONE, "Ban Thường vụ Tỉnh ủy Bắc Ninh"),
    ("Ban Chấp hành Đảng bộ Khối", KHOI, "Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương"),
    ("Ban Tổ chức", OF_KHOI, "Ban Tổ chức Đảng ủy Khối các cơ quan Trung ương"),
    ("Sở Tài chính tỉnh", HA_NAM, "Sở Tài chính Hà Nam"),
]


@pytest.mark.parametrize(("name", "context", "label"), LABELS)
def test_name_of_a_body(name: str, context: OrgContext, label: str) -> None:
    assert resolve_org(name, context).name == label


# Each row: a text → the province it stands in (the one most named).
PLACES = [
    ("Tỉnh ủy Hà Nam chỉ đạo các huyện ủy; Hà Nam", "Hà Nam"),
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", None),  # a person
    ("Thành ủy Thành phố Hồ Chí Minh; học tập phong cách Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
]


@pytest.mark.parametrize(("text", "province"), PLACES)
def test_province_of_a_text(text: str, province: str | None) -> None:
    assert find_context(text).province == province


# Two letters composed for this test in the form of party documents (not copied from any
# real one): a provincial one citing Bộ Chính trị with its term, one of the Khối citing the
# Khối's resolution by the short name of its committee.
PROVINCE = """TỈNH ỦY HÀ NAM
Số 41-CV/TU
Hà Nam, ngày 02 tháng 4 năm 2024
Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII, Ban Thường vụ Tỉnh ủy
yêu cầu Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Lê Văn Mẫu
"""
KHOI_LETTER = """ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG
Số 88-CV/ĐUK
Hà Nội, ngày 10 tháng 4 năm 2024
Thực hiện Nghị quyết số 02-NQ/ĐUK ngày 20/6/2012 của Ban Chấp hành Đảng bộ Khối và Chỉ thị
số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Đảng ủy Khối đề nghị các đảng ủy
trực thuộc quán triệt.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Thị Mẫu
"""


DEPUTY = """TỈNH ỦY HÀ NAM
BAN TUYÊN GIÁO
Số 15-HD/BTGTU
Hà Nam, ngày 12 tháng 4 năm 2024
HƯỚNG DẪN
tuyên truyền kỷ niệm ngày thành lập Đảng
Các chi bộ, đảng bộ cơ sở tổ chức tuyên truyền.
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn Mẫu
"""
STEERING = """BAN CHẤP HÀNH TRUNG ƯƠNG
BAN CHỈ ĐẠO 35
Số 12-KH/BCĐ35
Hà Nội, ngày 5 tháng 3 năm 2024
KẾ HOẠCH
bảo vệ nền tảng tư tưởng của Đảng năm 2024
Các ban đảng Trung ương tổ chức thực hiện.
T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
Nguyễn Văn Mẫu
"""
# Each row: a letter → the body its signer signs for (T/M a body; K/T a post, no body).
SIGNERS = [
    (PROVINCE, "ban-thuong-vu-tinh-uy-ha-nam"),
    (KHOI_LETTER, "ban-thuong-vu-dang-uy-khoi-cac-co-quan-trung-uong"),
    (DEPUTY, None),
    (STEERING, "ban-chi-dao-35"),  # 'BAN CHỈ ĐẠO' opens the issuer's name: the issuer
]


@pytest.mark.parametrize(("text", "key"), SIGNERS, ids=["T/M", "T/M Khối", "K/T", "T/M short"])
def test_body_a_signer_signs_for(text: str, key: str | None) -> None:
    signer = run(text).documents[0].signer
    assert signer is not None and signer.on_behalf_of_id == (key and f"{B}org/{key}")


def _union(datasets: list[Dataset]) -> Dataset:
    union = Dataset()
    for dataset in datasets:
        for quad in dataset.quads():
            union.add(quad)
    return union


def _bodies(union: Dataset, words: str) -> set[str]:
    """Organization nodes, over all graphs, whose label contains ``words``."""
    query = f"""PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ ?o a org:Organization ; rdfs:label ?l
            FILTER(CONTAINS(LCASE(STR(?l)), "{words}")) }} }}"""
    return {str(row[0]) for row in union.query(query)}


def _issuers(union: Dataset, symbol: str) -> set[str]:
    query = f"""PREFIX vk: <https://w3id.org/vankien/ontology#>
        SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ ?d vk:symbol "{symbol}" ; vk:issuedBy ?o }} }}"""
    return {str(row[0]) for row in union.query(query)}


def test_composed_letters_share_their_bodies() -> None:
    province, khoi = run(PROVINCE, "a.txt"), run(KHOI_LETTER, "b.txt")
    union = _union([build_graph(province), build_graph(khoi)])
    assert _bodies(union, "bộ chính trị") == {f"{B}org/bo-chinh-tri"}
    assert _issuers(union, "02-NQ/ĐUK") == {
        f"{B}org/ban-chap-hanh-dang-bo-khoi-cac-co-quan-trung-uong"}
    duty = province.documents[0].responsibilities[0]
    assert duty.partner_ids == (f"{B}org/van-phong-tinh-uy-ha-nam",)
    cited = province.to_json()["documents"][0]["citations"][0]
    assert cited["issuer"] == "Bộ Chính trị khóa XII"  # the contract keeps the name as written
    assert cited["issuer_id"] == f"{B}org/bo-chinh-tri"


def test_the_seeds_name_each_body_once() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    seeds = sorted(p for p in Path(SEEDS).iterdir() if p.is_file())
    union = _union([build_graph(extract_file(p)) for p in seeds])
    assert len(seeds) == 4
    assert _bodies(union, "bộ chính trị") == {f"{B}org/bo-chinh-tri"}
    assert _issuers(union, "02-NQ/ĐUK") == {
        f"{B}org/ban-chap-hanh-dang-bo-khoi-cac-co-quan-trung-uong"}

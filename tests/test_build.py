"""Mapping an extraction onto the ontology: one named graph per source, deterministic IRIs."""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, BNode, Dataset, URIRef
from rdflib.compare import isomorphic
from vankien.graph.build import build_graph, source_graph
from vankien.graph.validate import validate
from vankien.loaders import extract_file
from vankien.loaders.model import (
    Citation,
    Deadline,
    Document,
    Extraction,
    NamedReference,
    OrgRef,
    Receipt,
    Recipient,
    Recurrence,
    Responsibility,
    Signature,
    Source,
    Warning,
)
from vankien.ontology import VK

BASE = "https://w3id.org/vankien/"
# A cover letter and the Kết luận it forwards, composed for this test in the form of party
# documents (not copied from any real one).
TEXT = """ĐẢNG ỦY KHỐI THỬ NGHIỆM
ĐẢNG ỦY SỞ MẪU
Số 77-CV/ĐU
Hà Nội, ngày 05 tháng 3 năm 2024
V/v sao gửi Kết luận số 09-KL/ĐUK
Kính gửi: Các chi bộ trực thuộc
Đảng ủy Sở sao gửi Kết luận số 09-KL/ĐUK ngày 01/3/2024 của Ban Thường vụ Đảng ủy Khối.
ĐẾN Số: 105 Ngày: 07/3/2024
T/M ĐẢNG ỦY
BÍ THƯ
Trần Văn Mẫu
KẾT LUẬN
về tiếp tục thực hiện Nghị quyết số 04-NQ/ĐUK ngày 10/10/2015 của Ban Chấp hành Đảng bộ Khối
Căn cứ Chỉ thị số 12-CT/TW của Bộ Chính trị và Nghị định số 30/2020/NĐ-CP.
Ban Tuyên giáo Đảng ủy Khối chủ trì, phối hợp với Văn phòng Đảng ủy Khối theo dõi, báo cáo
hằng năm; hoàn thành trước ngày 30/6/2024.
Định kỳ 6 tháng báo cáo kết quả.
Nơi nhận: - Ban Tuyên giáo Trung ương (để báo cáo), - Lưu VP.
"""
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
SOURCE = Source(path="mau/77-cv.txt", sha256=SHA, format="txt", text=TEXT)
CV = f"{BASE}doc/dang-uy-so-mau/cv/77/2024"
KL = f"{BASE}doc/dang-uy-khoi-thu-nghiem/kl/9/2024"
NQ = f"{BASE}doc/dang-uy-khoi-thu-nghiem/nq/4/2015"
ORG = f"{BASE}org/dang-uy-so-mau"
BCH = f"{BASE}org/ban-chap-hanh-dang-bo-khoi-thu-nghiem"
BTG = f"{BASE}org/ban-tuyen-giao-dang-uy-khoi-thu-nghiem"
VP = f"{BASE}org/van-phong-dang-uy-khoi-thu-nghiem"
NAMES = {ORG: "Đảng ủy Sở Mẫu", BCH: "Ban Chấp hành Đảng bộ Khối Thử nghiệm",
         BTG: "Ban Tuyên giáo Đảng ủy Khối Thử nghiệm", VP: "Văn phòng Đảng ủy Khối Thử nghiệm"}


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return (start, start + len(words))


def extraction() -> Extraction:
    cover = Document(
        type="CV", type_name="Công văn", symbol="77-CV/ĐU", number="77", date="2024-03-05",
        place="Hà Nội", issuer=OrgRef("Đảng ủy Sở Mẫu", ORG),
        issuer_parent=OrgRef("Đảng ủy Khối Thử nghiệm", f"{BASE}org/dang-uy-khoi-thu-nghiem"),
        subject="sao gửi Kết luận số 09-KL/ĐUK", addressees=["Các chi bộ trực thuộc"],
        signer=Signature("Trần Văn Mẫu", "T/M", "Đảng ủy", "Bí thư", span("T/M ĐẢNG ỦY"),
                         on_behalf_of_id=ORG),
        citations=[Citation("09-KL/ĐUK", "KL", "09", "2024-03-01", relation="forwards",
                            target=KL, span=span("Kết luận số 09-KL/ĐUK ngày 01/3/2024"))],
        received=[Receipt("Đảng ủy Sở Mẫu", "105", "2024-03-07", span("ĐẾN Số: 105"), ORG)],
        forwards=KL, id=CV, span=span("ĐẢNG ỦY KHỐI"),
    )
    conclusion = Document(
        type="KL", type_name="Kết luận", symbol="09-KL/ĐUK", number="09", date="2024-03-01",
        subject="về tiếp tục thực hiện Nghị quyết số 04-NQ/ĐUK", forwarded_by="77-CV/ĐU", id=KL,
        citations=[
            Citation("04-NQ/ĐUK", "NQ", "04", "2015-10-10", "Ban Chấp hành Đảng bộ Khối",
                     relation="continues", target=NQ, span=span("Nghị quyết số 04-NQ/ĐUK"),
                     issuer_id=BCH),
            Citation("12-CT/TW", "CT", "12", span=span("Chỉ thị số 12-CT/TW")),
            Citation("30/2020/NĐ-CP", "NĐ", "30", system="state",
                     span=span("Nghị định số 30/2020/NĐ-CP")),
        ],
        named_references=[NamedReference("Nghị quyết Đại hội XIII")],
        responsibilities=[Responsibility(
            "Ban Tuyên giáo Đảng ủy Khối", "lead", "theo dõi, báo cáo",
            partners=("Văn phòng Đảng ủy Khối", "các cơ quan liên quan"), recurrences=("yearly",),
            deadline="2024-06-30", reports_to="Ban Thường vụ", span=span("Ban Tuyên giáo"),
            actor_id=BTG, partner_ids=(VP, None),
        )],
        recurrences=[Recurrence("semiannual", "Định kỳ 6 tháng", span("Định kỳ 6 tháng"))],
        deadlines=[Deadline("2024-06-30", "trước ngày 30/6/2024", span("trước ngày 30/6/2024"))],
        recipients=[Recipient("Ban Tuyên giáo Trung ương", "báo cáo",
                              span("Ban Tuyên giáo Trung ương"))],
        span=span("KẾT LUẬN"),
    )
    return Extraction(SOURCE, [cover, conclusion],
                      [Warning("missing-date", "Kết luận has no date of its own", None)], NAMES)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_graph(extraction())


# Each row: what a reader of the graph asks → must hold.
FACTS = [
    ("the cover letter is a document of kind CV",
     f"<{CV}> a vk:Document, vk:OfficialLetter ; vk:kind <{BASE}kind/cv> ."),
    ("the kind is a concept of the scheme with its code",
     f'<{BASE}kind/cv> a skos:Concept ; skos:inScheme <{BASE}kind/> ; skos:notation "CV" .'),
    ("symbol, number, place and date of issue",
     f'<{CV}> vk:symbol "77-CV/ĐU" ; vk:number "77" ; vk:place "Hà Nội" ; '
     f'vk:dateIssued "2024-03-05"^^xsd:date .'),
    ("issuer under its parent", f"<{CV}> vk:issuedBy <{ORG}> . <{ORG}> a org:Organization ; "
     f"org:subOrganizationOf <{BASE}org/dang-uy-khoi-thu-nghiem> ."),
    ("a dated document is one of its issuer's documents of that year",
     f"<{CV}> vk:issuedInYear <{BASE}issued/2024/org/dang-uy-so-mau> . "
     f"<{BASE}issued/2024/org/dang-uy-so-mau> vk:documentsOf <{ORG}> ; vk:year 2024 ."),
    ("ingested documents come from the source",
     f"<{KL}> prov:wasDerivedFrom <{BASE}source/{SHA}> . "
     f'<{BASE}source/{SHA}> a vk:Source ; vk:sha256 "{SHA}" ; vk:path "mau/77-cv.txt" .'),
    ("the cover letter forwards the Kết luận (typed and plain citation)",
     f"<{CV}> vk:forwards <{KL}> ; vk:cites <{KL}> ."),
    ("the Kết luận continues the Nghị quyết", f"<{KL}> vk:continues <{NQ}> ; vk:cites <{NQ}> ."),
    ("a cited-only document is described from the citation",
     f'<{NQ}> a vk:Document, vk:Resolution ; vk:symbol "04-NQ/ĐUK" ; '
     f'vk:dateIssued "2015-10-10"^^xsd:date .'),
    ("a citation without a year is minted without one and marked unresolved",
     f"<{KL}> vk:cites <{BASE}doc/tw/ct/12> . <{BASE}doc/tw/ct/12> vk:unresolved true ."),
    ("a dated document names its IRI without the year, as a year-less citation has it",
     f"<{NQ}> vk:withoutYear <{NQ.removesuffix('/2015')}> . "
     f"<{KL}> vk:withoutYear <{KL.removesuffix('/2024')}> ."),
    ("each citation is counted in the month its source dates the citing document",
     f'<{KL}> vk:citesInMonth ?g . ?g vk:citationsOf <{NQ}> ; vk:month "2024-03" . '
     f'FILTER(?g = <{BASE}citations/2024-03/{NQ.removeprefix(BASE)}>)'),
    ("a forwarding is counted as a citation", f"<{CV}> vk:citesInMonth ?g . "
     f'?g vk:citationsOf <{KL}> ; vk:month "2024-03" .'),
    ("a state document is kept apart",
     f'<{KL}> vk:cites ?s . ?s a vk:StateDocument ; vk:symbol "30/2020/NĐ-CP" .'),
    ("each citation has a mention with its words",
     f'<{KL}> vk:mention ?m . ?m vk:mentionOf <{NQ}> ; vk:relation "continues" ; '
     f"vk:inSource <{BASE}source/{SHA}> ; vk:evidence ?e . ?e a oa:TextPositionSelector ; "
     f'oa:start ?a ; oa:end ?b ; oa:exact "Nghị quyết số 04-NQ/ĐUK" . '
     f'FILTER(STRSTARTS(STR(?e), "{BASE}fact/{SHA[:16]}/span/"))'),
    ("signature with authority and signer",
     f'<{CV}> vk:signature ?s . ?s vk:authority "T/M" ; vk:onBehalfOf "Đảng ủy" ; '
     f'vk:position "Bí thư" ; vk:signer ?p . ?p a foaf:Person ; rdfs:label "Trần Văn Mẫu" .'),
    ("the body a T/M signature signs for", f"<{CV}> vk:signature ?s . ?s vk:signsFor <{ORG}> ."),
    ("responsibility with actor, role, partner, frequency, deadline",
     f"<{KL}> vk:responsibility ?r . ?r vk:actor ?a ; vk:role vk:lead ; vk:partner ?b ; "
     f'vk:frequency "yearly" ; vk:deadline "2024-06-30"^^xsd:date ; vk:reportsTo "Ban Thường vụ" ;'
     f' vk:task "theo dõi, báo cáo" ; vk:actorName "Ban Tuyên giáo Đảng ủy Khối" .'),
    ("a duty is one of its actor's duties in the year its document is dated",
     f"?r vk:actor <{BTG}> ; vk:dutyInYear <{BASE}duties/2024/{BTG.removeprefix(BASE)}> . "
     f"<{BASE}duties/2024/{BTG.removeprefix(BASE)}> vk:dutiesOf <{BTG}> ; vk:year 2024 ."),
    ("a body with an IRI is labelled with the name resolved for it, not as written",
     f'?r vk:actor <{BTG}> ; vk:partner <{VP}> . '
     f'<{BTG}> skos:prefLabel "Ban Tuyên giáo Đảng ủy Khối Thử nghiệm"@vi . '
     f'<{VP}> skos:prefLabel "Văn phòng Đảng ủy Khối Thử nghiệm"@vi .'),
    ("a partner without an IRI (a generic body) is a node of this source only",
     f'?r vk:partner ?c . ?c rdfs:label "các cơ quan liên quan"@vi . '
     f'FILTER(STRSTARTS(STR(?c), "{BASE}fact/{SHA[:16]}/org/"))'),
    ("a cited document's issuer is the body the extractor resolved",
     f"<{NQ}> vk:issuedBy <{BCH}> . "
     f'<{BCH}> skos:prefLabel "Ban Chấp hành Đảng bộ Khối Thử nghiệm"@vi .'),
    ("recurrence and deadline of the document",
     f'<{KL}> vk:recurrence [ vk:frequency "semiannual" ; vk:text "Định kỳ 6 tháng" ] ; '
     f'vk:hasDeadline [ a vk:Deadline ; vk:dueDate "2024-06-30"^^xsd:date ] .'),
    ("recipient with purpose", f'<{KL}> vk:recipient [ rdfs:label "Ban Tuyên giáo Trung ương" ;'
     f' vk:purpose "báo cáo" ] .'),
    ("incoming receipt", f'<{CV}> vk:receipt [ vk:receivedBy <{ORG}> ; vk:receiptNumber "105" ; '
     f'vk:dateReceived "2024-03-07"^^xsd:date ] . <{ORG}> rdfs:label "Đảng ủy Sở Mẫu"@vi .'),
    ("addressee and named reference", f'<{CV}> vk:addressee "Các chi bộ trực thuộc" . '
     f'<{KL}> vk:namedReference "Nghị quyết Đại hội XIII" .'),
    ("warning of the source", f'?w a vk:Warning ; vk:code "missing-date" ; '
     f"vk:inSource <{BASE}source/{SHA}> ."),
]
PREFIXES = """PREFIX vk: <https://w3id.org/vankien/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>  PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>  PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.mark.parametrize(("fact", "pattern"), FACTS, ids=[f for f, _ in FACTS])
def test_graph_states(dataset: Dataset, fact: str, pattern: str) -> None:
    graph = dataset.graph(source_graph(BASE, SHA))
    assert graph.query(f"{PREFIXES} ASK {{ {pattern} }}").askAnswer, fact


# Each row: what must NOT be stated.
ABSENT = [
    ("a cited-only document has no source of its own", f"<{NQ}> prov:wasDerivedFrom ?s ."),
    ("a document whose year is known is resolved", f"<{NQ}> vk:unresolved ?u ."),
    ("a year-less or state document has no year to leave out",
     f"{{ <{BASE}doc/tw/ct/12> vk:withoutYear ?u }} UNION "
     f"{{ ?s a vk:StateDocument ; vk:withoutYear ?u }}"),
    ("a document of the source is not redescribed by a citation", f"<{KL}> vk:unresolved ?u ."),
    ("a cited document is in no year group: the documents query lists ingested ones",
     f"<{NQ}> vk:issuedInYear ?g ."),
    ("a citation is in one month", f"<{KL}> vk:citesInMonth ?g, ?h . "
     f"?g vk:citationsOf ?t . ?h vk:citationsOf ?t . FILTER(?g != ?h)"),
    ("a resolved body has no second label as written",
     f'<{BTG}> skos:prefLabel "Ban Tuyên giáo Đảng ủy Khối"@vi .'),
]


@pytest.mark.parametrize(("fact", "pattern"), ABSENT, ids=[f for f, _ in ABSENT])
def test_graph_does_not_state(dataset: Dataset, fact: str, pattern: str) -> None:
    assert not dataset.query(f"{PREFIXES} ASK {{ GRAPH ?g {{ {pattern} }} }}").askAnswer, fact


def test_one_named_graph_holds_everything(dataset: Dataset) -> None:
    graphs = {g.identifier for g in dataset.graphs() if len(g)}
    assert graphs == {source_graph(BASE, SHA)}
    assert source_graph(BASE, SHA) == URIRef(f"{BASE}graph/{SHA}")


def test_no_blank_nodes(dataset: Dataset) -> None:
    assert not [q for q in dataset.quads() if any(isinstance(t, BNode) for t in q[:3])]


def test_same_extraction_gives_the_same_graph() -> None:
    first, second = build_graph(extraction()), build_graph(extraction())
    g = source_graph(BASE, SHA)
    assert isomorphic(first.graph(g), second.graph(g))
    assert set(first.quads()) == set(second.quads())


def test_base_is_configurable() -> None:
    base = "http://example.org/kb/"
    ex = extraction()
    for doc in ex.documents:  # IRIs the resolver gave under the default base are kept as given
        doc.id = None
        doc.issuer = doc.issuer and OrgRef(doc.issuer.name)
        doc.issuer_parent = doc.issuer_parent and OrgRef(doc.issuer_parent.name)
        doc.citations = [Citation(c.symbol, c.type, c.number, c.date, system=c.system)
                         for c in doc.citations]
        doc.received = [replace(r, by_id=None) for r in doc.received]
        doc.responsibilities = [replace(r, actor_id=None, partner_ids=())
                                for r in doc.responsibilities]
        doc.signer = doc.signer and replace(doc.signer, on_behalf_of_id=None)
    graph = build_graph(ex, base=base).graph(source_graph(base, SHA))
    subjects = {str(s) for s in graph.subjects()}
    assert subjects and all(s.startswith(base) for s in subjects)
    assert URIRef(f"{base}kind/kl") in set(graph.objects(None, VK.kind))


def test_unknown_term_fails() -> None:
    with pytest.raises(AttributeError):
        VK.Documnet  # noqa: B018


def test_state_document_appendix_short_form_and_reader_warning() -> None:
    text = "UBND TỈNH MẪU\nSố: 12/KH-UBND\nKẾ HOẠCH ... theo Nghị quyết số 04-NQ/ĐUK\nPHỤ LỤC"
    source = Source("mau/12-kh.txt", "a" * 64, "txt", text, warnings=("decoded as TCVN3",))
    read = [Warning("read", "decoded as TCVN3")]  # extract copies the reader's warnings
    plan = f"{BASE}state/12-kh-ubnd"
    annex = f"{BASE}doc/source/{'a' * 16}/1"
    ex = Extraction(source, [
        Document(type="KH", type_name="Kế hoạch", symbol="12/KH-UBND", number="12", id=plan,
                 citations=[Citation("04-NQ/ĐUK", "NQ", "04", target=NQ,
                                     short_forms=("Nghị quyết 04",))]),
        Document(type_name="Phụ lục", appendix_of=plan, id=annex),
    ], read)
    graph = build_graph(ex).graph(source_graph(BASE, "a" * 64))
    ask = f"""{PREFIXES} ASK {{
        <{plan}> a vk:StateDocument ; vk:symbol "12/KH-UBND" ; prov:wasDerivedFrom ?s ;
                 vk:mention [ vk:shortForm "Nghị quyết 04" ] .
        <{annex}> a vk:Document ; vk:appendixOf <{plan}> .
        ?w a vk:Warning ; vk:code "read" ; rdfs:comment "decoded as TCVN3" . }}"""
    assert graph.query(ask).askAnswer
    assert (URIRef(plan), RDF.type, VK.Document) not in graph
    assert (URIRef(plan), VK.kind, None) not in graph
    assert validate(graph) == []


def test_reader_warnings_reach_the_extraction_and_the_graph(tmp_path: Path) -> None:
    page = "<html><body><p>KẾ HOẠCH số 12-KH/ĐUK về học tập Nghị quyết</p></body></html>"
    path = tmp_path / "ke-hoach.md"  # a web page saved under the wrong name
    path.write_text(page, encoding="utf-8")
    ex = extract_file(path)
    read = [w for w in ex.to_json()["warnings"] if w["code"] == "read"]
    assert read and "named .md" in read[0]["message"]
    graph = build_graph(ex).graph(source_graph(BASE, ex.source.sha256))
    assert graph.query(f'{PREFIXES} ASK {{ ?w vk:code "read" ; rdfs:comment ?m }}').askAnswer


def test_extract_file_passes_ocr_to_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []
    module = importlib.import_module("vankien.loaders.extract")  # the package names a function so
    monkeypatch.setattr(module, "read_source",
                        lambda path, *, ocr: asked.append(ocr) or SOURCE)
    extract_file("quet.pdf", ocr=True)
    extract_file("quet.pdf")
    assert asked == [True, False]


# Each row: a document the resolver left without an IRI → the IRI build mints for it.
MINTED = [
    (("35-NQ/TW", "NQ", "35", "2018-10-22"), "doc/tw/nq/35/2018"),
    (("05-CT/TW", "CT", "05", None), "doc/tw/ct/5"),
    (("596-CV/ĐU", "CV", "596", "2019-12-12"), "doc/unknown-du/cv/596/2019"),
    (("12/KH-UBND", "KH", "12", None), "state/12-kh-ubnd"),
    ((None, "KL", None, None), f"doc/source/{SHA[:16]}/0"),
]


@pytest.mark.parametrize(("fields", "iri"), MINTED, ids=[i for _, i in MINTED])
def test_minted_iri(fields: tuple, iri: str) -> None:
    symbol, code, number, date = fields
    doc = Document(type=code, symbol=symbol, number=number, date=date)
    graph = build_graph(Extraction(SOURCE, [doc])).graph(source_graph(BASE, SHA))
    assert (URIRef(BASE + iri), None, None) in graph


names = st.text(max_size=12)
dates = st.one_of(st.none(), st.dates().map(str), names)
documents = st.builds(
    Document,
    type=st.one_of(st.none(), st.sampled_from(["NQ", "KL", "QĐ", "CTr", "XX"])),
    symbol=st.one_of(st.none(), names, st.sampled_from(["35-NQ/TW", "12/KH-UBND", "1-KL/ĐU"])),
    number=st.one_of(st.none(), names), date=dates, place=st.one_of(st.none(), names),
    issuer=st.one_of(st.none(), st.builds(OrgRef, names)),
    issuer_parent=st.one_of(st.none(), st.builds(OrgRef, names)),
    signer=st.one_of(st.none(), st.builds(Signature, st.one_of(st.none(), names))),
    citations=st.lists(st.builds(Citation, names, st.one_of(st.none(), names),
                                 st.one_of(st.none(), names), dates,
                                 relation=st.sampled_from(["cites", "amends", "unknown"]),
                                 system=st.sampled_from(["party", "state"])), max_size=3),
    responsibilities=st.lists(st.builds(Responsibility, names, names, names,
                                        partners=st.lists(names, max_size=2).map(tuple)),
                              max_size=2),
    received=st.lists(st.builds(Receipt, st.one_of(st.none(), names), st.none(), dates),
                      max_size=1),
    forwards=st.one_of(st.none(), names), span=st.tuples(st.integers(0, 50), st.integers(0, 50)),
)


@given(st.lists(documents, max_size=3))
@settings(max_examples=60, deadline=None)
def test_any_extraction_builds_deterministically(docs: list[Document]) -> None:
    first = build_graph(Extraction(SOURCE, docs))
    second = build_graph(Extraction(SOURCE, docs))
    quads = set(first.quads((None, None, None, None)))
    assert quads == set(second.quads((None, None, None, None)))
    for s, p, o, g in quads:
        assert g == source_graph(BASE, SHA)
        for term in (s, p, o):
            assert not isinstance(term, BNode)
            assert not isinstance(term, URIRef) or " " not in term

"""The same document as .txt (every encoding), .md, .docx, .html, .pdf and a scanned .pdf
must read as the same text and extract as the same documents.

Documents: the composed ``samples.SAMPLE`` (header and signature set as two-column tables),
every document of ``examples/corpus``, and the four real seeds of ``../shared/seeds`` when
that folder is there (read at test time, never copied into the repository).
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from pypdf import PageObject, PdfWriter
from samples import (
    ENCODINGS,
    FONT,
    FONT_BOLD,
    SAMPLE,
    Block,
    blocks_from_markdown,
    plain_text,
    write_all,
    write_pdf,
    write_scanned_pdf,
)
from vankien.loaders import extract, read_source
from vankien.loaders.errors import ReadError
from vankien.loaders.formats.ocr import page_text
from vankien.loaders.formats.pdf import NEEDS_OCR, unwrap

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"  # read, never copied
DOCS: dict[str, list[Block]] = {
    "sample": SAMPLE,
    **{p.stem: blocks_from_markdown(p.read_text(encoding="utf-8"))
       for p in sorted(CORPUS.glob("[0-9]*.md"))},
    **{f"seed-{p.stem}": blocks_from_markdown(p.read_text(encoding="utf-8"))
       for p in sorted(SEEDS.glob("*.txt"))},
}
VARIANTS = [f"txt-{name}" for name in ENCODINGS] + ["md", "docx", "html", "pdf",
                                                     "docx-tcvn3-font", "html-vni-font"]
FORMATS = {"md": ("md", "utf-8"), "docx": ("docx", None), "html": ("html", "utf-8"),
           "pdf": ("pdf", None), "docx-tcvn3-font": ("docx", None),
           "html-vni-font": ("html", "utf-8")} | {f"txt-{n}": ("txt", n) for n in ENCODINGS}
CASELESS = ("txt-tcvn3", "docx-tcvn3-font")  # TCVN3 has no capital toned vowels
HAS_FONTS = FONT.exists() and FONT_BOLD.exists()
HAS_OCR = bool(shutil.which("tesseract") and shutil.which("pdftoppm")) and "vie" in (
    subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if shutil.which("tesseract") else [])
# Fields every format must agree on; line layout (a PDF's wrapped and joined lines) may
# still move the edges of free-text fields such as a title or a duty's task.
CORE = ("type", "symbol", "number", "date", "place", "issuer", "issuer_parent", "signer",
        "recipients", "received")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("variants")
    return {name: write_all(blocks, root / name) for name, blocks in DOCS.items()}


def _variant(files: dict[str, dict[str, Path]], doc: str, variant: str) -> Path:
    if variant == "pdf" and not HAS_FONTS:
        pytest.skip(f"no DejaVu fonts in {FONT.parent} (Debian fonts-dejavu-core)")
    return files[doc][variant]


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("doc", list(DOCS))
def test_every_format_reads_as_the_typed_text(files: Any, doc: str, variant: str) -> None:
    source = read_source(_variant(files, doc, variant))
    got, expected = _flat(source.text), _flat(plain_text(DOCS[doc]))
    if variant in CASELESS:  # 'Ủy' was typed 'ủy'
        got, expected = got.casefold(), expected.casefold()
    assert got == expected
    assert (source.format, source.encoding) == FORMATS[variant]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("doc", list(DOCS))
def test_every_format_extracts_the_same(files: Any, doc: str, variant: str) -> None:
    reference = _documents(files[doc]["txt-utf-8"])
    got = _documents(_variant(files, doc, variant))
    if variant in CASELESS:
        reference, got = _casefold(reference), _casefold(got)
    if variant in ("pdf", *CASELESS):
        reference, got = _core(reference), _core(got)
    assert got == reference


def test_the_reference_extraction_is_not_empty(files: Any) -> None:
    """Guards the test above against comparing nothing with nothing."""
    (doc,) = _documents(files["sample"]["txt-utf-8"])
    assert (doc["type"], doc["symbol"], doc["date"]) == ("CT", "07-CT/TU", "2023-09-15")
    assert [c["symbol"] for c in doc["citations"]] == ["52-NQ/TW", "10-QĐ/TU", "05-HD/VPTU"]


def _documents(path: Path) -> list[dict[str, Any]]:
    return _comparable(extract(read_source(path)).to_json()["documents"])


def _comparable(value: Any) -> Any:
    """Without spans, nor the IRIs of unnumbered documents, which name the source file."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in ("span", "id")}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _core(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**{k: d[k] for k in CORE},
             "citations": [(c["symbol"], c["date"], c["relation"]) for c in d["citations"]]}
            for d in docs]


def _casefold(value: Any) -> Any:
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, dict):
        return {k: _casefold(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_casefold(v) for v in value]
    return value


def test_docx_header_table_reads_issuer_block_then_motto(files: Any) -> None:
    lines = [line for line in read_source(files["sample"]["docx"]).text.splitlines() if line]
    order = ["**ĐẢNG BỘ TỈNH AN LẠC**", "**TỈNH ỦY**", "*", "Số 07-CT/TU",
             "**ĐẢNG CỘNG SẢN VIỆT NAM**", "An Lạc, ngày 15 tháng 9 năm 2023", "**CHỈ THỊ**"]
    assert lines[:len(order)] == order


@pytest.mark.parametrize("variant", ["docx", "html", "pdf"])
def test_bold_headings_are_kept(files: Any, variant: str) -> None:
    text = read_source(_variant(files, "sample", variant)).text
    assert "**CỦA BAN THƯỜNG VỤ TỈNH ỦY**" in text.splitlines()
    assert "**Số 07-CT/TU**" not in text


def test_html_leaves_out_menus_share_bars_and_footers(files: Any) -> None:
    text = read_source(files["sample"]["html"]).text
    for chrome in ("Trang chủ", "Chia sẻ", "Bản quyền", "Tin liên quan", "var menu", "Văn bản"):
        assert chrome not in text
    assert text.startswith("**ĐẢNG BỘ TỈNH AN LẠC**")


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Số 07-CT/TU</p><div class='social-share'>Chia sẻ</div>", "Số 07-CT/TU"),
    ("<div id='main-menu'>Trang chủ</div><p>A<br>B</p>", "A\nB"),
    ("<p hidden>x</p><p style='display: none'>y</p><p>z</p>", "z"),
    ("<table><tr><td>TỈNH ỦY<br>Số 1-CT/TU</td><td>Hà Nội</td></tr></table>",
     "TỈNH ỦY\nSố 1-CT/TU\nHà Nội"),
    ("<article><header><h1>CHỈ THỊ</h1></header><p>Nội dung</p></article><p>Quảng cáo</p>",
     "**CHỈ THỊ**\nNội dung"),
    ("<header>Cổng thông tin</header><p><b>KẾT LUẬN</b></p><p>về <b>việc</b> này</p>",
     "**KẾT LUẬN**\nvề việc này"),
    ("<pre>dòng 1\n  dòng 2</pre>", "dòng 1\ndòng 2"),
    ("<font>" * 5000 + "Nội dung", "Nội dung"),  # tags never closed
    ("<div id='top'>BÁO ĐIỆN TỬ</div><div class='detail-content'><p>Số 07-CT/TU</p></div>"
     "<div class='box'>Liên hệ</div>", "Số 07-CT/TU"),  # no <article>: named content
    ("<div class='noidung'><p>A</p><div class='related-content'>Tin khác</div></div>", "A"),
    ("<title>Cổng</title><p>A &amp; B &#7879;</p>", "A & B ệ"),
    ("<![OCTYPE html><p>Nội dung</p>", "Nội dung"),  # a damaged declaration: skipped
    ("<![if !IE]><p>A</p><![endif]>", "A"),
])
def test_html_snippets(tmp_path: Path, html: str, expected: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    assert read_source(path).text == expected


@pytest.mark.parametrize(("charset", "encoding"), [
    ("", "vni"), ("utf-8", "vni"),  # no charset, or a wrong one: detected
    ("iso-8859-1", "tcvn3"),  # old sites declared Latin-1 and showed TCVN3 in .VnTime
    ("windows-1258", "cp1258"),
])
def test_html_in_a_legacy_encoding(tmp_path: Path, charset: str, encoding: str) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    page = f"<html><head>{meta}</head><body><p>Nghị quyết của Bộ Chính trị</p></body>"
    path = tmp_path / "page.htm"
    path.write_bytes(ENCODINGS[encoding](page))
    source = read_source(path)
    assert (source.text, source.encoding) == ("Nghị quyết của Bộ Chính trị", encoding)


def test_web_page_saved_as_utf16(tmp_path: Path) -> None:
    path = tmp_path / "trang.txt"
    page = "<!DOCTYPE html><html><body><nav>Trang chủ</nav><p>Số 07-CT/TU</p></body></html>"
    path.write_bytes(page.encode("utf-16"))
    source = read_source(path)
    assert (source.format, source.encoding, source.text) == ("html", "utf-16-le", "Số 07-CT/TU")


@pytest.mark.parametrize(("variant", "renamed", "fmt"), [
    ("pdf", "chi-thi.txt", "pdf"), ("docx", "chi-thi.pdf", "docx"),
    ("txt-utf-8", "chi-thi.docx", "txt"), ("html", "chi-thi.md", "html"),
])
def test_format_is_told_by_content(files: Any, tmp_path: Path, variant: str, renamed: str,
                                   fmt: str) -> None:
    path = tmp_path / renamed
    path.write_bytes(_variant(files, "sample", variant).read_bytes())
    source = read_source(path)
    assert source.format == fmt
    assert f"named {path.suffix}" in source.warnings[0]
    assert _flat(source.text) == _flat(plain_text(SAMPLE))


def test_pdf_drawn_row_by_row_reads_column_by_column(tmp_path: Path) -> None:
    if not HAS_FONTS:
        pytest.skip(f"no DejaVu fonts in {FONT.parent} (Debian fonts-dejavu-core)")
    rows = read_source(write_pdf(SAMPLE, tmp_path / "rows.pdf", rowwise=True)).text
    cells = read_source(write_pdf(SAMPLE, tmp_path / "cells.pdf")).text
    assert rows == cells
    assert _flat(rows) == _flat(plain_text(SAMPLE))


def test_pdf_layout_failure_falls_back_to_plain_text(files: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    plain = PageObject.extract_text

    def layout_fails(self: PageObject, *args: Any, **kwargs: Any) -> str:
        if kwargs.get("extraction_mode") == "layout":
            raise KeyError("/Widths")
        return plain(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", layout_fails)
    text = read_source(_variant(files, "sample", "pdf")).text
    assert "Số 07-CT/TU" in text.splitlines()
    assert "**CHỈ THỊ**" in text.splitlines()


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not HAS_FONTS:
        pytest.skip(f"no DejaVu fonts in {FONT.parent} (Debian fonts-dejavu-core)")
    return write_scanned_pdf(SAMPLE, tmp_path_factory.mktemp("scan") / "scan.pdf")


def test_scanned_pdf_without_ocr_says_how_to_turn_it_on(scan: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_source(scan)
    assert str(caught.value) == f"{scan}: {NEEDS_OCR}"


@pytest.mark.skipif(not HAS_OCR, reason="needs tesseract with the vie model and pdftoppm "
                    "(Debian tesseract-ocr tesseract-ocr-vie poppler-utils)")
def test_scanned_pdf_is_read_by_ocr(scan: Path, tmp_path: Path) -> None:
    source = read_source(scan, ocr=True)
    expected = plain_text(SAMPLE)
    similarity = difflib.SequenceMatcher(None, _flat(source.text), _flat(expected)).ratio()
    assert similarity > 0.97, source.text
    assert source.text.splitlines()[:4] == expected.splitlines()[:4]  # left column first
    assert "OCR" in source.warnings[0]
    (doc,) = extract(source).documents
    assert (doc.type, doc.symbol, doc.date) == ("CT", "07-CT/TU", "2023-09-15")


def test_partly_scanned_pdf_warns_about_the_skipped_pages(files: Any, scan: Path,
                                                          tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.append(str(write_pdf(SAMPLE[:4], tmp_path / "page1.pdf")))
    writer.append(str(scan))
    mixed = tmp_path / "mixed.pdf"
    writer.write(str(mixed))
    source = read_source(mixed)
    assert "page(s) 2 have no text layer" in source.warnings[0]
    assert "Số 07-CT/TU" in source.text


FULL = "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương,"


@pytest.mark.parametrize(("lines", "expected"), [
    ([FULL, "chính sách chủ động tham gia.", "Câu sau.", "x", "y"],
     [f"{FULL} chính sách chủ động tham gia.", "Câu sau.", "x", "y"]),
    ([FULL + ".", "Đoạn mới bắt đầu.", "x", "y", "z"],  # a sentence ends, a capital starts
     [FULL + ".", "Đoạn mới bắt đầu.", "x", "y", "z"]),
    ([FULL, "- Lưu Văn phòng Tỉnh ủy.", "2. Ban Tổ chức", "x", "y"],  # list items stay
     [FULL, "- Lưu Văn phòng Tỉnh ủy.", "2. Ban Tổ chức", "x", "y"]),
    ([f"**{FULL}**", "**khóa XII**", "Nội dung", "x", "y"],  # a wrapped bold title
     [f"**{FULL} khóa XII**", "Nội dung", "x", "y"]),
    ([f"**{FULL}**", "thân bài", "x", "y", "z"],  # bold never runs into plain
     [f"**{FULL}**", "thân bài", "x", "y", "z"]),
    (["Số 07-CT/TU", "An Lạc"], ["Số 07-CT/TU", "An Lạc"]),  # too few lines to judge
    ([FULL + " (ký)", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "x", "y"],  # capitals: a signature
     [FULL + " (ký)", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "x", "y"]),
    ([FULL, "## 2. Nhiệm vụ", "x", "y", "z"], [FULL, "## 2. Nhiệm vụ", "x", "y", "z"]),
])
def test_unwrap_pdf_lines(lines: list[str], expected: list[str]) -> None:
    assert unwrap("\n".join(lines)).split("\n") == expected


def _tsv(*words: tuple[int, int, int, str]) -> str:
    """Tesseract TSV for a 2480 px wide page: (line number, left, width, text) per word."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
            "\tconf\ttext", "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t"]
    rows += [f"5\t1\t1\t1\t{line}\t{i}\t{left}\t{100 * line}\t{width}\t40\t95\t{text}"
             for i, (line, left, width, text) in enumerate(words)]
    return "\n".join(rows)


def test_ocr_gives_left_column_then_right() -> None:
    tsv = _tsv((1, 150, 130, "TỈNH"), (1, 300, 60, "ỦY"), (1, 1300, 130, "ĐẢNG"),
               (1, 1450, 120, "CỘNG"), (2, 250, 60, "Số"), (2, 330, 200, "07-CT/TU"),
               (2, 1300, 300, "An Lạc,"), (3, 150, 2100, "Thực hiện Nghị quyết"),
               (4, 150, 300, "Nơi nhận:"), (4, 1400, 400, "T/M BAN"), (5, 1450, 200, "BÍ THƯ"),
               (6, 150, 300, "- Lưu VT."))
    assert page_text(tsv).split("\n") == [
        "TỈNH ỦY", "Số 07-CT/TU", "ĐẢNG CỘNG", "An Lạc,", "Thực hiện Nghị quyết",
        "Nơi nhận:", "- Lưu VT.", "T/M BAN", "BÍ THƯ"]


def test_docx_merged_and_nested_cells_read_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "BAN CHẤP HÀNH TRUNG ƯƠNG"
    table.cell(1, 0).text = "Số 35-NQ/TW"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Hà Nội, ngày 22 tháng 10 năm 2018"
    document.add_heading("NGHỊ QUYẾT", level=1)
    path = tmp_path / "merged.docx"
    document.save(str(path))
    lines = [line for line in read_source(path).text.splitlines() if line]
    assert lines == ["BAN CHẤP HÀNH TRUNG ƯƠNG", "Số 35-NQ/TW", "Hà Nội, ngày 22 tháng 10 năm 2018",
                     "**NGHỊ QUYẾT**"]


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _text_box(text: str) -> str:
    """A run holding a text box as Word writes it: DrawingML, then a VML fallback copy."""
    body = (f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>')
    return (f'<w:r {nsdecls("w")} xmlns:mc="{MC}" xmlns:wps="{WPS}" '
            f'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><wps:txbx>{body}</wps:txbx></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{body}</v:textbox></v:shape></w:pict>'
            f'</mc:Fallback></mc:AlternateContent></w:r>')


def test_docx_text_boxes_are_read_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    anchor = document.add_paragraph("TỈNH ỦY AN LẠC")
    anchor._p.append(parse_xml(_text_box("ĐẢNG CỘNG SẢN VIỆT NAM")))
    document.add_paragraph("Số 07-CT/TU")
    path = tmp_path / "boxes.docx"
    document.save(str(path))
    assert read_source(path).text.splitlines() == [
        "TỈNH ỦY AN LẠC", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 07-CT/TU"]


def test_docx_runs_in_smart_tags_fields_and_tracked_changes(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(
        f'<w:smartTag {nsdecls("w")} w:element="place"><w:r><w:t>Hà Nội</w:t></w:r>'
        "</w:smartTag>"))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="VP"><w:r><w:t xml:space="preserve">, ngày '
        "</w:t></w:r></w:ins>"))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="VP"><w:r><w:delText>4</w:delText></w:r>'
        "</w:del>"))
    paragraph._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:r><w:t>5 tháng 3 năm 2024</w:t></w:r>'
        "</w:sdtContent></w:sdt>"))
    path = tmp_path / "tags.docx"
    document.save(str(path))
    assert read_source(path).text == "Hà Nội, ngày 5 tháng 3 năm 2024"

"""One party document, written into every format and encoding the readers take.

A document is a list of blocks: a :class:`Para` (one line, maybe bold) or a :class:`Table`
(cells side by side, as the header and signature tables of a party document are laid out).
``plain_text`` is the document as typed text, cell after cell, which is what every reader
must give back. ``SAMPLE`` is composed for these tests (a fictional province); the example
corpus's Markdown documents are turned into blocks by ``blocks_from_markdown``.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, FONT_BOLD = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
TONES = "\u0300\u0301\u0303\u0309\u0323"


@dataclass(frozen=True)
class Para:
    """One line of the document."""

    text: str
    bold: bool = False
    centred: bool = False


@dataclass(frozen=True)
class Table:
    """Cells side by side; each cell holds lines."""

    cells: tuple[tuple[Para, ...], ...]


Block = Para | Table


def _p(*lines: str, bold: bool = False, centred: bool = False) -> tuple[Para, ...]:
    return tuple(Para(line, bold, centred) for line in lines)


SAMPLE: list[Block] = [
    Table((
        (*_p("ĐẢNG BỘ TỈNH AN LẠC", "TỈNH ỦY", bold=True), *_p("*", "Số 07-CT/TU")),
        (*_p("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True), *_p("An Lạc, ngày 15 tháng 9 năm 2023")),
    )),
    *_p("CHỈ THỊ", "CỦA BAN THƯỜNG VỤ TỈNH ỦY", bold=True, centred=True),
    *_p("về đẩy mạnh chuyển đổi số trong các cơ quan đảng", bold=True, centred=True),
    *_p(
        "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, "
        "chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư và Quy định số "
        "10-QĐ/TU ngày 03/3/2021 của Ban Thường vụ Tỉnh ủy, việc ứng dụng công nghệ thông tin ở "
        "nhiều cơ quan đảng đã có tiến bộ; tuy vậy, hồ sơ lưu trữ còn chủ yếu trên giấy, việc "
        "gửi nhận văn bản điện tử chưa đều.",
        "Để khắc phục hạn chế trên, Ban Thường vụ Tỉnh ủy yêu cầu:",
        "1. Văn phòng Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hoàn thành việc số hóa "
        "hồ sơ, tài liệu lưu trữ trước ngày 31/12/2024; hằng quý báo cáo Ban Thường vụ Tỉnh ủy.",
        "2. Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy quán triệt Chỉ thị này đến chi bộ; "
        "định kỳ 6 tháng báo cáo kết quả thực hiện, kèm theo đề xuất sửa đổi Hướng dẫn số "
        "05-HD/VPTU ngày 12/5/2022 của Văn phòng Tỉnh ủy.",
        "Chỉ thị này được phổ biến đến chi bộ.",
    ),
    Table((
        _p("Nơi nhận:", "- Ban Bí thư (để báo cáo),", "- Văn phòng Trung ương Đảng (để báo cáo),",
           "- Các huyện ủy, thành ủy trực thuộc,", "- Lưu Văn phòng Tỉnh ủy."),
        (*_p("T/M BAN THƯỜNG VỤ", "BÍ THƯ", bold=True), *_p("Nguyễn Văn Minh")),
    )),
]


def lines(blocks: list[Block]) -> list[Para]:
    """Every line of the document in reading order, cells one after another."""
    out: list[Para] = []
    for block in blocks:
        out.extend(p for cell in block.cells for p in cell) if isinstance(block, Table) \
            else out.append(block)
    return out


def plain_text(blocks: list[Block]) -> str:
    """The document as typed text: one line per line, no markup."""
    return "\n".join(p.text for p in lines(blocks)) + "\n"


def markdown(blocks: list[Block]) -> str:
    """The document in the Markdown of the corpus: bold lines as ``**…**``."""
    return "\n".join(f"**{p.text}**" if p.bold else p.text for p in lines(blocks)) + "\n"


def blocks_from_markdown(text: str) -> list[Block]:
    """An example-corpus Markdown document as lines, its emphasis markers dropped."""
    out: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip().replace("\\*", "\x00")
        if not line:
            continue
        bold = line.startswith("**") and line.endswith("**") and len(line) > 4
        line = re.sub(r"\*+", "", line).replace("\x00", "*").strip()
        out.append(Para(line, bold))
    return out


# --- encodings ------------------------------------------------------------------------

def _legacy(name: str) -> dict[str, bytes]:
    path = files("vankien.loaders").joinpath("data/legacy_encodings.json")
    table = json.loads(path.read_text(encoding="utf-8"))[name]
    return {char: bytes.fromhex(code) for code, char in table.items()}


def encode_legacy(text: str, name: str) -> bytes:
    """``text`` in TCVN3 or VNI, other signs as in Windows-1252. TCVN3 has no capital toned
    vowels: they are typed small, as the ABC capitals fonts (.VnTimeH) did."""
    table = _legacy(name)
    return b"".join(table.get(c) or table.get(c.lower()) or c.encode("cp1252") for c in text)


def encode_cp1258(text: str) -> bytes:
    """``text`` in Windows-1258: the tone as a combining mark after its vowel."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def typed_in_font(blocks: list[Block], name: str) -> list[Block]:
    """The document as typed with a TCVN3 (.VnTime) or VNI font: Unicode text whose
    characters are the legacy bytes read as Windows-1252, as old Word files hold it."""
    def moji(para: Para) -> Para:
        return replace(para, text=encode_legacy(para.text, name).decode("cp1252"))

    return [moji(b) if isinstance(b, Para) else Table(tuple(tuple(map(moji, c)) for c in b.cells))
            for b in blocks]


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16-le": lambda t: t.encode("utf-16"),  # with BOM, as Windows Notepad saves it
    "utf-16-be": lambda t: t.encode("utf-16-be"),  # no BOM: told by its zero bytes
    "cp1258": encode_cp1258,
    "tcvn3": lambda t: encode_legacy(t, "tcvn3"),
    "vni": lambda t: encode_legacy(t, "vni"),
}


# --- formats --------------------------------------------------------------------------

def write_docx(blocks: list[Block], path: Path) -> Path:
    """A Word file: lines as paragraphs, tables as one-row tables, bold as bold runs."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Para):
            document.add_paragraph().add_run(block.text).bold = block.bold
            continue
        row = document.add_table(rows=1, cols=len(block.cells)).rows[0]
        for cell, paras in zip(row.cells, block.cells, strict=True):
            for i, para in enumerate(paras):
                target = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                target.add_run(para.text).bold = para.bold
    document.save(str(path))
    return path


PAGE_CHROME = """<header class="site-header"><div class="logo">Cổng thông tin điện tử</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › Văn bản chỉ đạo</div>"""
PAGE_FOOTER = """<div class="share-bar">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div>
<aside><h3>Tin liên quan</h3><ul><li>Hội nghị sơ kết</li></ul></aside>
<footer>© Bản quyền thuộc Cổng thông tin điện tử. Ghi rõ nguồn khi phát hành lại.</footer>
<script>var menu = "Trang chủ";</script>"""


def write_html(blocks: list[Block], path: Path) -> Path:
    """A saved web page: site header, menu, breadcrumb and footer around an article."""
    body = []
    for block in blocks:
        if isinstance(block, Para):
            body.append(_html_para(block))
        else:
            cells = "".join(f"<td>{''.join(map(_html_para, c))}</td>" for c in block.cells)
            body.append(f"<table><tr>{cells}</tr></table>")
    page = (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Văn bản</title>'
            f"<style>p {{margin: 0}}</style></head>\n<body>{PAGE_CHROME}\n<article>\n"
            + "\n".join(body) + f"\n</article>\n{PAGE_FOOTER}\n</body></html>\n")
    path.write_text(page, encoding="utf-8")
    return path


def _html_para(para: Para) -> str:
    text = html.escape(para.text)
    return f"<p><strong>{text}</strong></p>" if para.bold else f"<p>{text}</p>"


def write_pdf(blocks: list[Block], path: Path, rowwise: bool = False) -> Path:
    """A PDF with a text layer, typeset with DejaVu Sans as a party document is set: table
    cells side by side and centred, the title centred, the body justified. ``rowwise``
    draws a table line by line across its cells, as some PDF producers write them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.add_page()
    for block in blocks:
        if isinstance(block, Para):
            _pdf_line(pdf, block, 0, align="C" if block.centred else "J")
            continue
        top, bottom, width = pdf.get_y(), pdf.get_y(), pdf.epw / len(block.cells)
        if rowwise:  # one line of each cell after another; the lines must not wrap
            cells = [(k, i, p) for i, cell in enumerate(block.cells) for k, p in enumerate(cell)]
            for k, i, para in sorted(cells, key=lambda c: c[:2]):
                pdf.set_xy(pdf.l_margin + i * width, top + 6 * k)
                _pdf_line(pdf, para, width, new_x="LEFT", align="C")
                bottom = max(bottom, pdf.get_y())
        for i, cell in enumerate(block.cells if not rowwise else ()):
            pdf.set_xy(pdf.l_margin + i * width, top)
            for para in cell:
                _pdf_line(pdf, para, width, new_x="LEFT", align="C")
            bottom = max(bottom, pdf.get_y())
        pdf.set_xy(pdf.l_margin, bottom + 3)
    pdf.output(str(path))
    return path


def _pdf_line(pdf: object, para: Para, width: float, new_x: str = "LMARGIN",
              align: str = "J") -> None:
    pdf.set_font("DejaVu", "B" if para.bold else "", 11)
    pdf.multi_cell(width, 6, para.text, new_x=new_x, new_y="NEXT", align=align)


def write_scanned_pdf(blocks: list[Block], path: Path, dpi: int = 300) -> Path:
    """A PDF holding only a page image of the document, as a scanner makes it: table cells
    side by side and centred, the title centred."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    size = (int(8.27 * dpi), int(11.69 * dpi))
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    regular = ImageFont.truetype(str(FONT), dpi // 7)
    bold = ImageFont.truetype(str(FONT_BOLD), dpi // 7)
    y, margin = dpi // 2, dpi // 2
    for block in blocks:
        cells = block.cells if isinstance(block, Table) else ((block,),)
        width = (size[0] - 2 * margin) // len(cells)
        bottom = y
        for i, cell in enumerate(cells):
            row_y = y
            for para in cell:
                font = bold if para.bold else regular
                for row in _wrap(draw, para.text, font, width - dpi // 10):
                    centred = len(cells) > 1 or para.centred
                    pad = (width - draw.textlength(row, font=font)) // 2 if centred else 0
                    draw.text((margin + i * width + pad, row_y), row, font=font, fill=0)
                    row_y += dpi // 5
            bottom = max(bottom, row_y)
        y = bottom + (dpi // 10 if len(cells) > 1 else 0)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(page, x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    return path


def _wrap(draw: object, text: str, font: object, width: int) -> list[str]:
    rows, row = [], ""
    for word in text.split():
        candidate = f"{row} {word}".strip()
        if row and draw.textlength(candidate, font=font) > width:
            rows.append(row)
            candidate = word
        row = candidate
    return [*rows, row]


def write_all(blocks: list[Block], folder: Path, stem: str = "doc") -> dict[str, Path]:
    """The document in every format and text encoding: variant name → file."""
    folder.mkdir(parents=True, exist_ok=True)
    text = plain_text(blocks)
    out = {}
    for name, encode in ENCODINGS.items():
        out[f"txt-{name}"] = folder / f"{stem}-{name}.txt"
        out[f"txt-{name}"].write_bytes(encode(text))
    out["md"] = folder / f"{stem}.md"
    out["md"].write_text(markdown(blocks), encoding="utf-8")
    out["docx"] = write_docx(blocks, folder / f"{stem}.docx")
    out["html"] = write_html(blocks, folder / f"{stem}.html")
    out["docx-tcvn3-font"] = write_docx(typed_in_font(blocks, "tcvn3"), folder / "vntime.docx")
    out["html-vni-font"] = write_html(typed_in_font(blocks, "vni"), folder / "vni-times.html")
    if FONT.exists() and FONT_BOLD.exists():
        out["pdf"] = write_pdf(blocks, folder / f"{stem}.pdf")
    return out

"""Bad input gets one line naming the file and the reason, never a traceback.

Rows: what is written to the file → the reason ``ReadError`` gives. Then fuzzing: every
reader, given any bytes (random, or a real file cut short or with bytes overwritten),
returns text or raises ``ReadError`` and nothing else.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from samples import (
    FONT,
    SAMPLE,
    plain_text,
    write_docx,
    write_html,
    write_pdf,
    write_scanned_pdf,
)
from typer.testing import CliRunner
from vankien.cli.main import app
from vankien.loaders.errors import ReadError
from vankien.loaders.formats import ocr, sniff
from vankien.loaders.formats.docx import read_docx
from vankien.loaders.formats.html import read_html
from vankien.loaders.formats.ocr import page_text
from vankien.loaders.formats.pdf import read_pdf, unwrap
from vankien.loaders.formats.text import decode_text
from vankien.loaders.read import read_source

HAS_FONTS = FONT.exists()


def _docx(tmp: Path) -> bytes:
    return write_docx(SAMPLE, tmp / "real.docx").read_bytes()


def _pdf(tmp: Path) -> bytes:
    if not HAS_FONTS:
        pytest.skip(f"no DejaVu fonts in {FONT.parent} (Debian fonts-dejavu-core)")
    return write_pdf(SAMPLE, tmp / "real.pdf").read_bytes()


def _zip(**parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name.replace("__", "/"), text)
    return buffer.getvalue()


def _damaged_xml(tmp: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx(tmp))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[:len(data) // 2] if "document.xml" in item.filename
                            else data)
    return buffer.getvalue()


def _encrypted(tmp: Path) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(tmp))))
    writer.encrypt("mật khẩu")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


Maker = Callable[[Path], bytes]
ROWS: list[tuple[str, Maker, str]] = [
    ("empty.txt", lambda _: b"", "empty file"),
    ("blank.md", lambda _: b" \r\n\t\n", "empty file"),
    ("garbage.txt", lambda _: bytes(range(256)) * 8, "binary file, not text"),
    ("utf16-noise.txt", lambda _: b"\xff\xfe" + random.Random(6).randbytes(3000),
     "binary file, not text"),
    ("noise.txt", lambda _: bytes(range(128, 256)) * 40, "unknown text encoding (not UTF-8, "
     "UTF-16, Windows-1258, TCVN3 or VNI)"),
    ("scan.docx", lambda _: b"\x89PNG\r\n\x1a\n" + bytes(100),
     "PNG image; only scanned PDFs are read by OCR"),
    ("old.docx", lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "old Word .doc format (OLE2); save it as .docx"),
    ("cut.docx", lambda tmp: _docx(tmp)[:2000], "broken .docx (not a zip archive, or cut short)"),
    ("cut-late.docx", lambda tmp: _docx(tmp)[:-100], "broken .docx (not a zip archive, or cut "
     "short)"),
    ("nodoc.docx", lambda _: _zip(word__styles_xml="<x/>"), "broken .docx (no word/document.xml)"),
    ("damaged.docx", _damaged_xml, "broken .docx (XMLSyntaxError)"),
    ("notes.zip", lambda _: _zip(notes_txt="Ghi chú"), "zip archive, not a Word .docx file"),
    ("cut.pdf", lambda tmp: _pdf(tmp)[:3000], "broken .pdf (cut short: no %%EOF end marker)"),
    ("fake.pdf", lambda _: b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n",
     "broken .pdf (PdfReadError)"),
    ("locked.pdf", _encrypted, "encrypted PDF: it needs a password"),
    ("menus.html", lambda _: "<html><body><nav>Trang chủ</nav></body></html>".encode(),
     "no text in this html file"),
    ("blank.docx", lambda tmp: write_docx([], tmp / "blank.docx").read_bytes(),
     "no text in this docx file"),
]


@pytest.mark.parametrize(("name", "make", "reason"), ROWS, ids=[row[0] for row in ROWS])
def test_bad_file_gives_one_line(tmp_path: Path, name: str, make: Maker, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(ReadError) as caught:
        read_source(path)
    assert (caught.value.path, caught.value.reason) == (str(path), reason)
    assert str(caught.value) == f"{path}: {reason}"


def test_huge_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: 50 MiB that take no disk
    with pytest.raises(ReadError, match=r"file too large \(52 MB > 20 MB limit\)"):
        read_source(path)


@pytest.mark.parametrize(("path", "reason"), [
    ("missing.txt", "No such file or directory"),
    (".", "Is a directory"),
])
def test_unreadable_path(tmp_path: Path, path: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_source(tmp_path / path)


def test_cli_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(_docx(tmp_path)[:2000])
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [f"vankien: {path}: broken .docx (not a zip archive, or cut short)"]


# --- fuzzing --------------------------------------------------------------------------

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _only_read_errors(read: Callable[[bytes], object], data: bytes) -> None:
    try:
        read(data)
    except ReadError as exc:
        assert exc.reason and "\n" not in exc.reason


READERS: dict[str, Callable[[bytes], object]] = {
    "text": decode_text,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
    "sniff": lambda data: sniff(data, ".docx"),
}


@pytest.mark.parametrize("reader", list(READERS))
@FUZZ
@given(data=st.binary(max_size=4096))
def test_any_bytes(reader: str, data: bytes) -> None:
    _only_read_errors(READERS[reader], data)


MARKUP = st.sampled_from([
    "<p>", "</p>", "<b>", "</b>", "<div class='menu'>", "<div>", "</div>", "<article>",
    "</article>", "<br>", "<table><tr><td>", "</td><td>", "</tr></table>", "<pre>", "</pre>",
    "<script>", "</script>", "<!--", "-->", "&amp;", "&#7879;", "&bogus;", "<", ">", "\n",
    "<meta charset='tcvn3'>", "<meta charset=utf-8>", "Số 07-CT/TU", "Nghị quyết", "\x00",
])


@FUZZ
@given(parts=st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60))
def test_any_markup(parts: list[str]) -> None:
    _only_read_errors(read_html, "".join(parts).encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(text=st.text(alphabet=st.sampled_from("0123456789-\t\n .abcĐ*"), max_size=400))
def test_layout_helpers_take_any_text(text: str) -> None:
    """Tesseract's TSV and pypdf's lines are trusted no further than this."""
    assert set(page_text("level\n" + text).split()) <= set(text.split())
    joined = unwrap(text)
    assert joined.replace("**", "").split() == text.replace("**", "").split()  # only joins
    assert joined.count("\n") <= text.count("\n")


@pytest.fixture(scope="module")
def real_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("fuzz")
    files = {"docx": _docx(tmp), "html": write_html(SAMPLE, tmp / "p.html").read_bytes()}
    if HAS_FONTS:
        files["pdf"] = _pdf(tmp)
    files["text"] = plain_text(SAMPLE).encode("utf-8")
    return files


@pytest.mark.parametrize("reader", ["docx", "pdf", "html", "text"])
@FUZZ
@given(data=st.data())
def test_damaged_real_files(real_files: dict[str, bytes], reader: str,
                            data: st.DataObject) -> None:
    """A real file cut short, or with a few bytes overwritten, as a bad disk or a
    broken download leaves it."""
    if reader not in real_files:
        pytest.skip("no fonts to write the PDF")
    blob = bytearray(real_files[reader])
    for _ in range(data.draw(st.integers(0, 8))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(blob)))
    _only_read_errors(READERS[reader], bytes(blob[:cut]))


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf",
                                                              ".html", ""]))
def test_read_source_any_file(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        source = read_source(path)
    except ReadError as exc:
        assert exc.path == str(path)
    else:
        assert source.text.strip()


@pytest.mark.parametrize(("missing", "reason"), [
    ("pdftoppm", "OCR needs pdftoppm: install poppler-utils"),
    ("tesseract", "OCR needs tesseract: install tesseract-ocr tesseract-ocr-vie"),
])
def test_ocr_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  missing: str, reason: str) -> None:
    if not HAS_FONTS:
        pytest.skip(f"no DejaVu fonts in {FONT.parent} (Debian fonts-dejavu-core)")
    scan = write_scanned_pdf(SAMPLE[:1], tmp_path / "scan.pdf", dpi=50)
    which = {"which": lambda name: None if name == missing else f"/usr/bin/{name}"}
    monkeypatch.setattr(ocr, "shutil", SimpleNamespace(**which))  # only what OCR sees
    with pytest.raises(ReadError) as caught:
        read_source(scan, ocr=True)
    assert caught.value.reason == reason

"""Properties every input must keep: no crash, every span inside the text, clean maps back."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vankien.loaders.clean import clean_text
from vankien.loaders.extract import extract_file
from vankien.loaders.kinds import kinds
from vankien.loaders.model import Extraction

from tests._shared_paths import WILD, run

# Pieces of real party-document text, so random inputs reach the finders' deeper branches.
PIECES = [
    "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về “tăng cường”",
    "Số 596 -CV/ĐU", "Số L/1 -KL/ĐUK", "Số   -HD/BTCTU", "Hà Nội, ngày 12 tháng 12 năm 2019",
    "ngày 31/02/2020", "KẾT LUẬN", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ KHỐI", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "VĂN BẢN ĐẾN", "Số: 105. Ngày: 10/3/21", "Kính gửi: - Các đảng ủy cơ sở", "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "PHỤ LỤC", "V/v phổ biến", "Nghị quyết 02", "uỷ", "hoá",
    "**", "*", "# ", "\\-", "|", "\n", "\n\n", " ", "Nghị định 136/2025/NĐ-CP",
    "Nghị quyết Hội nghị Trung ương 4 khóa XI, XII, XIII", "tiếp tục thực hiện",
    "Kết luận này", "57\\-NQ/TW", "Số hiệu:", "Ngày ban hành:\n|\n", "(Ban hành kèm theo",
    "o\u0301", "Đ", "\u00a0", "[x](http://a)", "<br>",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map(
    "".join)


def _spans(extraction: Extraction):
    for doc in extraction.documents:
        yield doc.span
        records = [*doc.citations, *doc.named_references, *doc.received]
        yield from (r.span for r in records)
    yield from (w.span for w in extraction.warnings if w.span)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_no_input_crashes_and_spans_lie_inside_the_text(text: str) -> None:
    extraction = run(text)
    for start, end in _spans(extraction):
        assert 0 <= start <= end <= len(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_documents_tile_the_text_in_order(text: str) -> None:
    docs = run(text).documents
    assert docs
    assert [d.span[0] for d in docs] == sorted(d.span[0] for d in docs)
    assert all(a.span[1] <= b.span[0] for a, b in itertools.pairwise(docs))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_clean_text_maps_back_to_the_same_letters(text: str) -> None:
    cleaned = clean_text(text)
    for i, ch in enumerate(cleaned.text):
        start, end = cleaned.span(i, i + 1)
        assert 0 <= start <= end <= len(text)
        source = unicodedata.normalize("NFC", text[start:end])
        if ch.isalnum() and len(source) == 1 and source.isalnum():
            assert _base(source) == _base(ch)


def _base(ch: str) -> str:
    """A letter without its tone mark (tone placement may move a tone to the next letter)."""
    return "".join(c for c in unicodedata.normalize("NFD", ch) if c not in "\u0300\u0301\u0303"
                   "\u0309\u0323").casefold()


@given(st.sampled_from(PIECES))
def test_citation_span_covers_its_symbol(piece: str) -> None:
    text = f"Thực hiện {piece}."
    for doc in run(text).documents:
        for c in doc.citations:
            number = c.symbol.split("-")[0].split("/")[0]
            assert number in text[c.span[0]:c.span[1]]


_CODES = {code.upper() for code in kinds()}
LOOSE_PARTY = re.compile(r"(?<![\w/])(\d{1,5})\s*\\?[-–]\s*([A-Za-zĐ]{1,6})\s*/\s*"
                         r"([A-ZĐƯ][A-ZĐƯ0-9\-]*)")


def test_wild_corpus_runs_and_finds_the_party_symbols_in_it() -> None:
    """Every real text extracts without error, spans in range; party symbols are found."""
    if not WILD.exists():
        pytest.skip(f"wild corpus not found at {WILD} (../shared)")
    found = wanted = 0
    for path in sorted(WILD.iterdir()):
        extraction = extract_file(path)
        text = extraction.source.text
        assert all(0 <= a <= b <= len(text) for a, b in _spans(extraction))
        symbols = {c.symbol.upper() for d in extraction.documents for c in d.citations}
        symbols |= {d.symbol.upper() for d in extraction.documents if d.symbol}
        party = {f"{n}-{k}/{s}".upper() for n, k, s in LOOSE_PARTY.findall(text)
                 if k.upper() in _CODES}
        wanted += len(party)
        found += len(party & symbols)
    assert found / wanted >= 0.98, (found, wanted)

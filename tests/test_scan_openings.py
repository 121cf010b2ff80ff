"""Scans tried only where a fast opening matches find exactly what the full scans find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vankien.loaders import citation, clean, places
from vankien.loaders.header import lines
from vankien.loaders.patterns import SYMBOL_OPENING, caseless, finditer_where

from tests._shared_paths import WILD

# Pieces that open or stop the patterns, in every case, with odd letters and spacing.
PIECES = [
    "Nghị quyết số 35-NQ/TW", "NGHỊ QUYẾT SỐ: 12 - KH/TU", "Chỉ thị 05-CT/TW", "12-34/ABC",
    "123456-NQ/TW", "1.2/2020/NĐ-CP", "136/2025/NĐ-CP", "72/2025/QH15", "6400/BGDĐT-GDĐH",
    "22/10/2018", "Quyết định", "quyết định", "liên tịch", "Kết luận", "kết LUẬN", "KẾT",
    "Văn kiện Đại hội XIII", "Nghị quyết của Hội nghị Trung ương 4", "Trung ương 5",
    "Báo cáo chính trị", "Hà Nam", "HÀ NAM", "Hà Nội", "Thành phố Hồ Chí Minh", "Ninh Bình",
    "hoà", "HOÀ", "Hoà", "uỷ", "UỶ", "quỷ", "khoẻ", "oà1", "[a|b](c)", "\\|", "**", "&nbsp;",
    "<br>", "# ", "\u00a0", "\u200b", "K", "İ", "ı", "số", "SỐ", ":", " ", "  ", "\n", "\n\n",
    "-", "–", "/", ".", ",", "(", "“", "1", "a", "Đ",
]
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30).map("".join)
SCANS = [
    (citation._SYMBOL, SYMBOL_OPENING),
    (citation._NAMED, citation._NAMED_OPENING),
    (places._province_pattern(), places._province_opening()),
]


def _spans(found) -> list[tuple[int, int]]:
    return [m.span() for m in found]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 40), st.integers(0, 400))
def test_opening_scans_find_what_finditer_finds(text: str, a: int, b: int) -> None:
    for pattern, opening in SCANS:
        assert _spans(finditer_where(pattern, opening, text, a, b)) == _spans(
            pattern.finditer(text, a, b))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_kind_before_a_symbol_is_the_full_scans(text: str) -> None:
    kinds = list(citation._KIND.finditer(text))
    for pos in range(len(text) + 1):
        last = [m for m in kinds if m.end() <= pos][-1:]
        gap = last and citation._KIND_GAP.match(text, last[0].end(), pos)
        expected = last[0].span() if gap and gap.end() == pos else None
        found = citation._kind_before(text, pos, 0, len(text))
        assert (found.span() if found else None) == expected


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tone_trigger_finds_what_the_tone_pattern_finds(text: str) -> None:
    found = clean._matches(text, clean._TONE, clean._TONE_TRIGGER)
    assert _spans(found) == _spans(clean._TONE.finditer(text))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 60), st.integers(0, 60))
def test_lines_of_a_range_are_cut_from_the_whole(text: str, a: int, b: int) -> None:
    expected, pos = [], a
    while pos <= b:  # the plain loop the cached split replaces
        stop = text.find("\n", pos, b)
        stop = b if stop < 0 else stop
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        expected.append((pos + lead, pos + lead + len(raw.strip()), raw.strip()))
        pos = stop + 1
    assert [(ln.start, ln.end, ln.text) for ln in lines(text, a, b)] == expected


@pytest.mark.parametrize("word", ["Nghị quyết", "Kết luận", "Văn kiện", "Báo cáo chính trị"])
def test_caseless_matches_every_case_blind_spelling(word: str) -> None:
    spelled = re.compile(caseless([word]))
    for variant in (word, word.upper(), word.lower(), word.title(), word.swapcase()):
        assert spelled.fullmatch(variant)
    assert spelled.fullmatch(word.replace("k", "\u212a").replace("K", "\u212a"))


def test_wild_texts_scan_the_same() -> None:
    if not WILD.is_dir():
        pytest.skip(f"the wild corpus is not at {WILD}")
    for path in sorted(WILD.iterdir())[:60]:
        text = clean.clean_text(path.read_text("utf-8", errors="replace")).text
        for pattern, opening in SCANS:
            assert _spans(finditer_where(pattern, opening, text)) == _spans(
                pattern.finditer(text)), path.name

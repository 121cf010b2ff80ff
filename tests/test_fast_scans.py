"""The finders' fast scans find exactly what the plain scans they replace would find."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vankien.loaders import bodies, duty, recipients, signature, timing
from vankien.loaders import plain as plain_view
from vankien.loaders.plain import finditer_at, lines, view

from tests._shared_paths import WILD

# Pieces that open or stop the patterns, in every case, with odd whitespace and letters.
PIECES = [
    "trước ngày 30/6/2025", "TRƯỚC NGÀY 5/5", "Chậm nhất là ngày 20 tháng 12 năm 2025",
    "trong quý III/2025", "Đến hết năm 2026", "trong 30 ngày kể từ ngày ký", "sau 6 tháng",
    "Sau mười lăm ngày kể từ ngày nhận", "TRONG VÒNG 10 NGÀY LÀM VIỆC KỂ TỪ KHI",
    "xong trong năm 2025", "cuối tháng 9/2025", "Thời hạn: 15/8/2025", "hạn chót là ngày 1/1",
    "đến 31/12/2025",
    "hằng năm", "Hàng Quý", "định kỳ 6 tháng", "06 tháng", "mỗi nhiệm kỳ", "thường kỳ",
    "Nghị quyết 06-NQ/TW về", "tầm nhìn đến năm 2045", "ſau", "ı", "İ", "ẞ",
    "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "TM. ", "PHÓ BÍ THƯ", "BÍ THƯ", "Bí thư", "CHỦ  TỊCH",
    "Nơi nhận:", "NƠI\nNHẬN",
    "Nguyễn Văn An", "- Như trên,", "(để b/c)", "  ", "   ", "\n", "\n\n", "\n- ", "\n2. ",
    "; ", ". ", ", ", "./.", "./. ", ". 1", "? a", "..", " .",
    "Giao cho", "ĐỀ NGHỊ", "yêu  cầu", "phân\ncông",
    "công tác kiểm tra", "Ủy ban Kiểm tra", "các cấp ủy", "tổ chức đảng",
    "Ban Tuyên giáo", "chỉ đạo", "Bộ Chính trịx", "các Bộ", "Các  ban", "Ủy ban", "ubnd",
    "hoà", "HOÀ", "Hoà", "uỷ", "Uỷ", "UỶ", "quỷ", "QUỶ", "khoẻ", "toạ", "hoa", "ủy", "oà1",
    "\u00a0", "\x0c", "a", "Z", "1",
]
TEXT = st.lists(st.sampled_from(PIECES) | st.sampled_from(" \n.,;(") | st.text(max_size=4),
                max_size=30).map("".join)


def _last_stop_by_scan(plain: str, lo: int, at: int) -> int:
    a = lo
    for m in timing._STOP.finditer(plain, lo, at):
        a = m.end()
    return a


@given(TEXT, st.integers(0, 8))
@settings(max_examples=300, deadline=None)
def test_last_stop_reads_back_like_a_scan_from_the_start(text: str, lo: int) -> None:
    lo = min(lo, len(text))
    for at in range(lo, len(text) + 1):
        for width in (1, 2, 7, 256):
            assert timing._last_stop(text, lo, at, width) == _last_stop_by_scan(text, lo, at)


@given(TEXT, st.data())
@settings(max_examples=400, deadline=None)
def test_patterns_tried_at_openings_match_as_finditer(text: str, data: st.DataObject) -> None:
    plain = view(text)
    start = data.draw(st.integers(0, len(plain)))
    end = data.draw(st.integers(start, len(plain)))
    _assert_same_matches(plain, 0, len(plain))
    _assert_same_matches(plain, start, end)


@pytest.mark.skipif(not WILD.is_dir(), reason=f"the wild corpus is not at {WILD}")
def test_patterns_tried_at_openings_match_as_finditer_over_the_wild_corpus() -> None:
    for path in sorted(WILD.iterdir())[:60]:
        plain = view(path.read_text("utf-8"))
        _assert_same_matches(plain, 0, len(plain))


def _assert_same_matches(plain: str, start: int, end: int) -> None:
    tried = [(timing._recurrence_words()[0], timing._recurrence_openings())]
    tried += [(p, timing._OPENINGS) for p in timing._PATTERNS]
    tried += [(duty._assign_pattern(), duty._assign_openings())]
    for pattern, openings in tried:
        fast = [m.span() for m in finditer_at(pattern, openings, plain, start, end)]
        assert fast == [m.span() for m in pattern.finditer(plain, start, end)], pattern.pattern


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_marked_lines_hold_every_chunk_they_stand_for(text: str) -> None:
    plain = view(text)
    spans = list(lines(plain, 0, len(plain)))
    every = list(signature._chunks(plain, spans, range(len(spans))))
    cases = [
        (signature._AUTHORITY_START, False,
         lambda a, b: signature.authority_at(plain[a:b].strip())),
        (signature._position_words(), False, lambda a, b: _exactly_position(plain[a:b])),
        (signature._HEAD_WORDS, True,
         lambda a, b: signature._HEAD.match(signature.squash(plain[a:b]))),
    ]
    for pattern, low, holds in cases:
        marked = set(signature._marked(plain, spans, pattern, low))
        assert {n for n, a, b in every if holds(a, b)} <= marked


def _exactly_position(chunk: str) -> bool:
    text = signature.squash(chunk)
    return text.isupper() and text.lower() in signature._positions()


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_head_words_read_as_the_table_lists_them(text: str) -> None:
    plain = view(text)
    for at in range(len(plain)):
        assert bodies.head_at(plain, at, len(plain)) == _head_at_by_table(plain, at, len(plain))


def _head_at_by_table(plain: str, a: int, b: int) -> bool:
    table = bodies.table()
    s = bodies.flat(plain[a:min(b, a + 60)]).lower()
    for det in table["determiners"]:
        if s.startswith(det + " "):
            s = s[len(det) + 1:]
            break
    heads = sorted(table["actor_heads"], key=len, reverse=True)
    head = next((h for h in heads if s.startswith(h)), None)
    if head is None or s[len(head):len(head) + 1].isalnum():
        return False
    return not s.startswith(tuple(table["not_heads"]))


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_columns_cut_lines_as_before(text: str) -> None:
    plain = view(text)
    for a, b in lines(plain, 0, len(plain)):
        assert recipients.columns(plain, a, b) == _columns_without_fast_path(plain, a, b)


def _columns_without_fast_path(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    chunks, pos = [], start
    for gap in recipients._ITEM_GAP.finditer(plain, start, end):
        chunks.append((pos, gap.start()))
        pos = gap.end()
    chunks.append((pos, end))
    out = []
    for a, b in chunks:
        out += recipients._cut_signer_tail(plain, *recipients.strip_span(plain, a, b))
    return [c for c in out if c[0] < c[1]]


@given(TEXT)
@settings(max_examples=400, deadline=None)
def test_tones_move_as_the_case_blind_pattern_finds_them(text: str) -> None:
    moved = plain_view._with_moves(text, plain_view._tone_moves(text))
    assert moved == _move_tones_by_pattern(text)


def _move_tones_by_pattern(text: str) -> str:
    out = list(text)
    for m in plain_view._OLD_TONE.finditer(text):
        i = m.start()
        base, tone = plain_view._split_tone(out[i])
        prev_base, prev_tone = plain_view._split_tone(out[i - 1])
        if tone and not prev_tone:
            out[i - 1] = unicodedata.normalize("NFC", prev_base + tone)
            out[i] = base
    return "".join(out)


@given(TEXT, st.integers(0, 6))
@settings(max_examples=400, deadline=None)
def test_sentence_breaks_tried_after_stops_match_as_finditer(text: str, a: int) -> None:
    a = min(a, len(text))
    fast = [m.span() for m in duty._breaks(text, a, len(text))]
    assert fast == [m.span() for m in duty._SENTENCE.finditer(text, a, len(text))]


def test_positions_have_one_upper_case_form() -> None:
    letters = {c for p in signature._positions() for c in p if not c.isspace()}
    others = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF
              and chr(i).isupper() and chr(i).lower() in letters
              and chr(i) != chr(i).lower().upper()]
    assert others == []


STOP_PIECES = [*PIECES, "xây dựng", "tăng cường", "phối hợp với", "đã", "được", "thực  hiện",
               "chủ\ntrì", "Σ", "ς"]
STOP_TEXT = st.lists(st.sampled_from(STOP_PIECES) | st.sampled_from(" \n.,;(/"), max_size=60).map(
    lambda pieces: "Ban " + "".join(pieces))


@given(STOP_TEXT, st.integers(0, 8), st.sampled_from([(), ("đã", "được"), ("với",)]))
@settings(max_examples=400, deadline=None)
def test_actor_end_tries_stops_where_they_may_start_as_word_by_word(
    text: str, a: int, extra: tuple[str, ...]
) -> None:
    plain = view(text)
    a = min(a, len(plain))
    assert bodies.actor_end(plain, a, len(plain), extra) == _actor_end_by_words(
        plain, a, len(plain), extra)


def _actor_end_by_words(plain: str, a: int, b: int, extra: tuple[str, ...]) -> int | None:
    if not extra and not bodies.head_at(plain, a, b):
        return None
    stops = bodies._stops(extra)
    for m in bodies.WORD.finditer(plain, a, min(b, a + 240)):
        if m.start() > a and bodies.verb_at(plain, m.start(), b, stops):
            end = bodies.strip_span(plain, a, m.start(), " ,")[1]
            return end if end > a else None
    return None


@pytest.mark.skipif(not WILD.is_dir(), reason=f"the wild corpus is not at {WILD}")
def test_actor_end_tries_stops_as_word_by_word_over_the_wild_corpus() -> None:
    for path in sorted(WILD.iterdir())[:30]:
        plain = view(path.read_text("utf-8"))
        for m in bodies.WORD.finditer(plain, 0, 20_000):
            for extra in [(), ("đã", "được")]:
                a, b = m.start(), min(len(plain), m.start() + 400)
                assert bodies.actor_end(plain, a, b, extra) == _actor_end_by_words(
                    plain, a, b, extra), (path.name, a)

"""Search: accents and case ignored, whole words matched."""

from __future__ import annotations

import pytest
from vankien.graph.ntriples import fold, search_key


@pytest.mark.parametrize(("text", "folded"), [
    ("Nghị quyết", "nghi quyet"),
    ("ĐẢNG ỦY KHỐI", "dang uy khoi"),
    ("Bí thư Tỉnh ủy", "bi thu tinh uy"),
    ("Nghị quyết", "nghi quyet"),  # decomposed (NFD) input
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("query", "key", "found"), [
    ("nghi quyet 35", "Nghị quyết 35-NQ/TW", True),
    ("NQ/TW 35", "Nghị quyết 35-NQ/TW", True),
    ("35-nq", "Nghị quyết 35-NQ/TW", True),
    ("quyet", "Nghị quyết 35-NQ/TW", True),
    ("quy", "Nghị quyết 35-NQ/TW", False),  # whole words only
    ("3", "Nghị quyết 35-NQ/TW", False),
    ("ban tuyen giao", "Ban Tuyên giáo Tỉnh ủy", True),
])
def test_every_query_word_is_a_word_of_the_key(query: str, key: str, found: bool) -> None:
    stored = search_key(key).split()
    assert all(w in stored for w in search_key(query).split()) is found

"""Sources whose own header states something impossible are refused by ingest."""

from __future__ import annotations

import hashlib

import pytest
from vankien.loaders.checks import check_fit
from vankien.loaders.errors import ExtractError
from vankien.loaders.extract import extract
from vankien.loaders.model import Source

HEADER = """TỈNH ỦY AN LẠC
*
Số {symbol}

ĐẢNG CỘNG SẢN VIỆT NAM
An Lạc, ngày {date}

{kind}
về công tác tư tưởng

Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị.
"""


def _extract(symbol: str, date: str, kind: str = "NGHỊ QUYẾT"):
    text = HEADER.format(symbol=symbol, date=date, kind=kind)
    return extract(Source("doc.md", hashlib.sha256(text.encode()).hexdigest(), "md", text))


@pytest.mark.parametrize(("symbol", "date", "reason"), [
    ("15-NQ/TU", "31 tháng 02 năm 2020", "date of issue is not a real date"),
    ("15-NQ/TU", "30/02/2021", "date of issue is not a real date"),
    ("AB-NQ/TU", "03 tháng 02 năm 2020", "number cannot be read"),
    ("16-XX/TU", "03 tháng 02 năm 2020", "kind code is not a kind of party document"),
])
def test_unfit_header_is_refused_with_its_reason(symbol: str, date: str, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason) as info:
        check_fit(_extract(symbol, date))
    assert info.value.path == "doc.md"


@pytest.mark.parametrize(("symbol", "date"), [
    ("15-NQ/TU", "29 tháng 02 năm 2020"),
    ("15-NQ/TU", "03/02/2020"),
])
def test_sound_header_passes(symbol: str, date: str) -> None:
    check_fit(_extract(symbol, date))


def test_an_impossible_date_in_a_citation_is_a_warning_not_a_refusal() -> None:
    text = HEADER.format(symbol="15-NQ/TU", date="03/02/2020", kind="NGHỊ QUYẾT").replace(
        "22/10/2018", "31/02/2018")
    extraction = extract(Source("doc.md", "0" * 64, "md", text))
    assert "citation-date-invalid" in {w.code for w in extraction.warnings}
    check_fit(extraction)

"""The four seed documents against their hand-checked answers (header, citations, identity).

Signer, duties and recipients are checked in their own tests. Skips when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from vankien.loaders.extract import extract_file

from tests._shared_paths import GOLD, SEEDS

if not GOLD.exists():
    pytest.skip(f"seeds not found at {GOLD.parent.parent} (../shared)", allow_module_level=True)

SOURCES = json.loads(GOLD.read_text("utf-8"))["sources"]
HEADER_FIELDS = ("type", "type_name", "symbol", "number", "date", "place", "issuer", "subject")


def norm(value) -> str:
    """The scorer's normalization: NFC, one space, case-folded, no edge punctuation."""
    if isinstance(value, dict):
        value = value.get("name")
    text = unicodedata.normalize("NFC", str(value or ""))
    return re.sub(r"\s+", " ", text).strip().casefold().strip(" .,;:-*\"“”")


def _pairs(source: dict):
    extraction = extract_file(SEEDS / source["file"])
    assert len(extraction.documents) == len(source["documents"])
    docs = extraction.to_json()["documents"]
    return list(zip(source["documents"], docs, strict=True)), extraction.source.text


@pytest.fixture(scope="module", params=SOURCES, ids=[s["file"] for s in SOURCES])
def pairs(request: pytest.FixtureRequest):
    return _pairs(request.param)


def test_header_fields(pairs) -> None:
    for gold, got in pairs[0]:
        for field in HEADER_FIELDS:
            if field in gold:
                assert norm(got[field]) == norm(gold[field]), field


def test_citations_and_their_fields(pairs) -> None:
    pairs, text = pairs
    for gold, got in pairs:
        found = {c["symbol"]: c for c in got["citations"]}
        assert set(found) == {c["symbol"] for c in gold["citations"]}
        for want in gold["citations"]:
            c = found[want["symbol"]]
            if want.get("hard"):
                continue
            for field in ("date", "issuer", "relation"):
                if want.get(field):
                    assert norm(c[field]) == norm(want[field]), (want["symbol"], field)
            for short in want.get("short_forms", []):
                assert short in c["short_forms"] or short not in text


def test_named_references(pairs) -> None:
    for gold, got in pairs[0]:
        names = {norm(r["text"]) for r in got["named_references"]}
        assert {norm(r) for r in gold["named_references"]} <= names


def test_incoming_stamps(pairs) -> None:
    for gold, got in pairs[0]:
        receipts = {(r["number"], r["date"]) for r in got["received"]}
        assert {(r["number"], r["date"]) for r in gold["received"]} == receipts


def test_cover_letters_link_to_what_they_forward(pairs) -> None:
    ids = {d["symbol"]: d["id"] for _, d in pairs[0]}
    for gold, got in pairs[0]:
        if gold.get("forwarded_by"):
            assert got["forwarded_by"] == ids[gold["forwarded_by"]]


def test_conflict_in_letter_418_is_a_warning() -> None:
    extraction = extract_file(SEEDS / "004_0186437195424b84.txt")
    conflicts = [w for w in extraction.warnings if w.code == "conflicting-symbol"]
    assert any("10-KL/TW" in w.message and "11-KL/ĐUK" in w.message for w in conflicts)
    assert "symbol-from-cover-letter" in [w.code for w in extraction.warnings]

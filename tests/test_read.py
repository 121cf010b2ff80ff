"""Text files in every encoding Vietnamese offices used: tables of bytes → expected text.

The TCVN3 and VNI rows are written from the published code charts as the mojibake a
Western (Windows-1252) editor shows for those bytes, independently of the JSON tables.
"""

from __future__ import annotations

import json
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import ENCODINGS, SAMPLE, encode_cp1258, encode_legacy, plain_text
from vankien.loaders.errors import ReadError
from vankien.loaders.formats.legacy import (
    decode_tcvn3,
    decode_vni,
    is_syllable,
    repair_mojibake,
    vietnamese_score,
)
from vankien.loaders.formats.text import decode_text
from vankien.loaders.read import read_source

TABLES = json.loads(files("vankien.loaders").joinpath("data/legacy_encodings.json")
                    .read_text(encoding="utf-8"))
LETTERS = sorted({c for name in ("tcvn3", "vni") for c in TABLES[name].values()})


@pytest.mark.parametrize(("seen", "expected"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("§¶ng Céng s¶n ViÖt Nam", "Đảng Cộng sản Việt Nam"),
    ("Ban ChÊp hµnh Trung \xad¬ng", "Ban Chấp hành Trung ương"),
    ("n¨m th¸ng ngµy", "năm tháng ngày"),
    ("¬ \xad ® ¨ © ª «", "ơ ư đ ă â ê ô"),
    ("¡ ¢ £ ¤ ¥ ¦ §", "Ă Â Ê Ô Ơ Ư Đ"),
    ("µ ¶ · ¸ ¹", "à ả ã á ạ"),  # the five tones on a
    ("» ¼ ½ ¾ Æ", "ằ ẳ ẵ ắ ặ"),  # on ă
    ("Ò Ó Ô Õ Ö", "ề ể ễ ế ệ"),  # on ê
    ("ê ë ì í î", "ờ ở ỡ ớ ợ"),  # on ơ
    ("õ ö ÷ ø ù", "ừ ử ữ ứ ự"),  # on ư
    ("× Ø Ü Ý Þ", "ì ỉ ĩ í ị"),  # on i
    ("ú û ü ý þ", "ỳ ỷ ỹ ý ỵ"),  # on y
    ("KÕT LUËN\nNguyÔn V¨n An", "KẾT LUẬN\nNguyễn Văn An"),  # capitals font, then small
    ("§¶NG Bé TØNH AN L¹C", "ĐẢNG BỘ TỈNH AN LẠC"),  # a whole line typed in capitals
    ("Lª V¨n Hoµ, Sè 07-CT/TU", "Lê Văn Hoà, Số 07-CT/TU"),  # one capital: not a caps word
    ("§ÕN", "ĐẾN"),  # Đ has a capital in TCVN3, ế has not
    ("Sè 418-CV/§U", "Số 418-CV/ĐU"),  # capitals in the symbol only
    ("BÝ TH¦\nñY BAN KIÓM TRA", "BÍ THƯ\nỦY BAN KIỂM TRA"),
])
def test_tcvn3_code_chart(seen: str, expected: str) -> None:
    assert decode_tcvn3(seen.encode("cp1252")) == expected


@pytest.mark.parametrize(("seen", "expected"), [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("Ban Chaáp haønh Trung öông", "Ban Chấp hành Trung ương"),
    ("ô ö ñ aê aâ eâ oâ", "ơ ư đ ă â ê ô"),
    ("Ô Ö Ñ AÊ AÂ EÂ OÂ", "Ơ Ư Đ Ă Â Ê Ô"),
    ("aø aû aõ aù aï", "à ả ã á ạ"),
    ("aè aú aü aé aë", "ằ ẳ ẵ ắ ặ"),
    ("eà eå eã eá eä", "ề ể ễ ế ệ"),
    ("ôø ôû ôõ ôù ôï", "ờ ở ỡ ớ ợ"),
    ("öø öû öõ öù öï", "ừ ử ữ ứ ự"),
    ("ì æ ó í ò", "ì ỉ ĩ í ị"),
    ("yø yû yõ yù î", "ỳ ỷ ỹ ý ỵ"),
    ("ÖÔØ ÖÔÛ AÀ", "ƯỜ ƯỞ Ầ"),
])
def test_vni_code_chart(seen: str, expected: str) -> None:
    assert decode_vni(seen.encode("cp1252")) == expected


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_every_letter_round_trips(name: str) -> None:
    letters = [c for c in LETTERS if name == "vni" or c == c.lower() or c in "ĂÂÊÔƠƯĐ"]
    text = " ".join(letters)
    decode = decode_tcvn3 if name == "tcvn3" else decode_vni
    assert decode(encode_legacy(text, name)) == text
    assert len(set(TABLES[name].values())) == len(TABLES[name])  # one code per letter


def test_tables_cover_the_alphabet() -> None:
    vowels = "aăâeêioôơuưy"
    toned = {unicodedata.normalize("NFC", unicodedata.normalize("NFD", v) + t)
             for v in vowels for t in "\u0300\u0301\u0303\u0309\u0323"}
    small = set(vowels[1:3] + "êôơưđ") | {v for v in toned if not v.isascii()}
    assert small <= set(TABLES["tcvn3"].values())
    assert small | {c.upper() for c in small} <= set(TABLES["vni"].values())


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_sample_is_detected_and_converted(encoding: str) -> None:
    text = plain_text(SAMPLE)
    decoded = decode_text(ENCODINGS[encoding](text))
    assert decoded.encoding == encoding
    assert decoded.text == text
    assert bool(decoded.warnings) == (encoding != "utf-8")


@pytest.mark.parametrize(("data", "encoding", "warning"), [
    ("Nghị quyết số 35-NQ/TW".encode(), "utf-8", None),
    ("Ban Thường vụ yêu cầu các cấp ủy thực hiện".encode().replace(b" ", b"\xa0", 1),
     "utf-8", "UTF-8 with 1 invalid byte sequence(s)"),  # a UTF-8 file with one bad byte
    ("Chỉ thị của Ban Bí thư về công tác cán bộ".encode()[:-1] + b"\xe1", "utf-8",
     "UTF-8 with 2 invalid byte sequence(s)"),
    (encode_cp1258("Kết luận của Bộ Chính trị"), "cp1258", "Windows-1258"),
    (encode_legacy("Kết luận của Bộ Chính trị", "tcvn3"), "tcvn3", "TCVN3 (ABC)"),
    (encode_legacy("Kết luận của Bộ Chính trị", "vni"), "vni", "VNI"),
    (b"Resolution 35 of the Politburo", "utf-8", None),  # ASCII is UTF-8
])
def test_short_texts(data: bytes, encoding: str, warning: str | None) -> None:
    decoded = decode_text(data)
    assert decoded.encoding == encoding
    assert (warning in decoded.warnings[0]) if warning else not decoded.warnings


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x00\x01\x02\x03garbage\x00", "binary file"),
    (bytes(range(1, 32)) * 20, "binary file"),
    ("Ça coûte très cher à Genève".encode("latin-1"), "unknown text encoding"),
])
def test_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        decode_text(data)


@pytest.mark.parametrize(("word", "ok"), [
    ("người", True), ("Nguyễn", True), ("quyết", True), ("khuya", True), ("giữ", True),
    ("đảng", True), ("ĐẢNG", True), ("xoong", True),
    ("hoứa", False), ("Vieọt", False), ("ảá", False), ("Genève", False), ("coût", False),
])
def test_syllable_shape(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok


@pytest.mark.parametrize(("text", "expected", "font"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni"),
    ("Số 07-CT/TU\nCéng hoµ x· héi\nViệt Nam", "Số 07-CT/TU\nCộng hoà xã hội\nViệt Nam",
     "tcvn3"),  # only the lines typed in the old font change
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", None),
    ("Müller und Söhne, Genève", "Müller und Söhne, Genève", None),
    ("Nghị quyết 35-NQ/TW", "Nghị quyết 35-NQ/TW", None),
])
def test_text_typed_in_legacy_fonts(text: str, expected: str, font: str | None) -> None:
    assert repair_mojibake(text) == (expected, font)


def test_score_prefers_the_right_decoding() -> None:
    data = encode_legacy(plain_text(SAMPLE), "vni")
    assert vietnamese_score(decode_vni(data)) > 50 > vietnamese_score(decode_tcvn3(data))


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni", "utf-16-le"])
def test_read_source_says_which_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "chi-thi.txt"
    path.write_bytes(ENCODINGS[encoding](plain_text(SAMPLE)))
    source = read_source(path)
    assert (source.format, source.encoding) == ("txt", encoding)
    assert source.text == plain_text(SAMPLE)
    assert len(source.warnings) == 1 and "converted to Unicode" in source.warnings[0]


def test_markdown_keeps_its_format_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "nq.md"
    text = "\ufeff**NGHỊ QUYẾT**\r\nSố 12-NQ/TU\r\n"
    path.write_bytes(text.encode("utf-8"))
    source = read_source(path)
    assert source.format == "md"
    assert source.text == text[1:]  # the BOM goes, nothing else changes


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_decode_text_never_fails_otherwise(data: bytes) -> None:
    try:
        decoded = decode_text(data)
    except ReadError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert isinstance(decoded.text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS + list("abcdeghiklmnopqrstuvxy .,\n")),
               max_size=200))
def test_legacy_decoders_invert_the_encoders(text: str) -> None:
    small = text.lower()
    assert decode_vni(encode_legacy(text, "vni")) == unicodedata.normalize("NFC", text)
    assert decode_tcvn3(encode_legacy(small, "tcvn3")).lower() == small


WILD = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wild"


def _encodable(text: str) -> str:
    """``text`` with the signs no legacy encoding can hold replaced by '?'."""
    letters = set(LETTERS) | {c.lower() for c in LETTERS}
    controls = {bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xA0)}
    return "".join(c if c.isascii() or c in letters or c in controls else "?"
                   for c in unicodedata.normalize("NFC", text))


@pytest.mark.skipif(not WILD.is_dir(), reason=f"no third-party corpus at {WILD}")
@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_real_texts_in_legacy_encodings_are_detected(encoding: str) -> None:
    """The opening of each real text, re-encoded, is told apart and converted back."""
    wrong = []
    for path in sorted(WILD.glob("*.md")):
        text = _encodable(path.read_text(encoding="utf-8")[:1000])
        decoded = decode_text(ENCODINGS[encoding](text))
        same = decoded.text.casefold() == text.casefold() if encoding == "tcvn3" \
            else decoded.text == text
        if decoded.encoding != encoding or not same:
            wrong.append((path.name, decoded.encoding))
    assert not wrong

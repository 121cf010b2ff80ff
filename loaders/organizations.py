"""Organizations (cơ quan, tổ chức): names, abbreviations, parents and context.

Reads the authority file ``data/organizations.json``. :func:`resolve_org` expands
abbreviations (``Ban Tuyên giáo TW``), places a part under its body (``Ban Tuyên giáo Đảng
ủy Khối`` under ``Đảng ủy Khối các cơ quan Trung ương``), completes relative names from the
document's context (``Tỉnh ủy`` in a Hà Nam document) and leaves generic plural actors
(``Các đảng ủy trực thuộc``) as they are, without an IRI.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from .clean import clean_text, fold
from .kinds import trie_pattern
from .model import OrgRef
from .patterns import LOWER
from .places import OrgContext, blocs, names_place, provinces
from .resolve import org_iri, slug

DEFAULT_BASE = "https://w3id.org/vankien/"
_TERM = re.compile(r"\s*\(?\s*(?i:khóa)\s+[IVXLC]+\s*\)?$")
_PROVINCE_WORD = re.compile(r"\s+(?:tỉnh|thành phố)\s+(?=[A-ZĐ])")
_NOT_NAME = re.compile(r"[\^\"“”:;?!/\[\]]|---|https?|www\.|\d{3,}|(?<!\w)[a-zđ]\)")
_MAX_WORDS = 16  # Ban Tuyên giáo và Dân vận Đảng ủy Khối các cơ quan Trung ương has 14
_LIST = re.compile(r",|\svà\s+(?:các|những)\b")


@cache
def _data() -> dict:
    raw = resources.files(__package__).joinpath("data/organizations.json").read_text("utf-8")
    return json.loads(raw)


@cache
def _index() -> dict[str, dict]:
    """Folded name, alias or abbreviation → body."""
    index: dict[str, dict] = {}
    for body in _data()["bodies"]:
        for name in [body["name"], *body["aliases"], *body["abbreviations"]]:
            index.setdefault(fold(name), body)
    return index


def body(key: str) -> dict | None:
    """The authority-file entry with ``key``."""
    return next((b for b in _data()["bodies"] if b["key"] == key), None)


def expand(name: str) -> str:
    """Spell out abbreviations word by word (``Ban Tuyên giáo TW`` → ``… Trung ương``)."""
    table = _data()["expansions"]
    return re.sub(r"[\wĐ-]+", lambda m: table.get(m.group(), m.group()), name)


def is_bare_part(name: str) -> bool:
    """A department named without its body (``Văn phòng``, ``Ban Tuyên giáo``)."""
    return name in _data()["sub_bodies"]


def is_plural(name: str) -> bool:
    """True for generic actors (``Các đảng ủy trực thuộc``, ``Cấp ủy các cấp``)."""
    head = name.split(maxsplit=1)[0] if name.split() else ""
    low = f" {name.casefold()} "
    return head in _data()["plural_heads"] or any(
        f" {m} " in low for m in _data()["generic_markers"])


@lru_cache(maxsize=4096)
def resolve_org(name: str, context: OrgContext | None = None, *,
                base: str = DEFAULT_BASE) -> OrgRef:
    """The body ``name`` stands for in ``context``, with its IRI when it can be told."""
    context = context or OrgContext()
    clean = clean_text(re.sub(r"\s+", " ", name)).text.strip(" ,.;:-–")
    clean = _TERM.sub("", clean)  # Ban Chấp hành Trung ương khóa XIII is the same body
    if is_generic(clean) and context.committee:  # T/M ĐẢNG ỦY: the document's own committee
        clean = complete_from(clean, [context.committee])
    if not clean or is_plural(clean) or is_generic(clean) or not looks_like_name(clean):
        return OrgRef(clean or name, None)
    known = _index().get(fold(expand(clean)))
    if known is None and _LIST.search(clean):  # several bodies named together
        return OrgRef(clean, None)
    full = _complete(expand(clean), context)
    if full in _data()["sub_bodies"] and context.committee:
        full = f"{full} {context.committee}"
    elif context.committee and _ends_bare(full):  # Ban Thường vụ Huyện ủy, in its own letter
        full = complete_from(full, [context.committee])
    known = _index().get(fold(full))
    if known:
        return OrgRef(known["name"], org_iri(base, known["key"]))
    if _relative_kind(full) or full in _data()["sub_bodies"] or _ends_bare(full):
        return OrgRef(full, None)  # whose? the context does not say
    full = same_wording(full)
    return OrgRef(full, org_iri(base, slug(full)))


def looks_like_name(text: str) -> bool:
    """False for words a finder took for a body's name that cannot be one: a sentence's
    punctuation, a list marker (``a) Chủ trì``), a number or a link, unbalanced brackets."""
    return (not _NOT_NAME.search(text) and text.count("(") == text.count(")")
            and len(text.split()) <= _MAX_WORDS)


def is_generic(name: str) -> bool:
    """True for a kind of body every committee has, named alone (``ban cán sự đảng``)."""
    return fold(name) in {fold(g) for g in _data()["generic_bodies"]}


def same_wording(name: str) -> str:
    """A committee's part named one way whichever wording of the committee the text used:
    ``Ban Tổ chức Đảng bộ Khối …`` is ``Ban Tổ chức Đảng ủy Khối …``; ``Ban Chấp hành
    Tỉnh ủy Hà Nam`` is ``Ban Chấp hành Đảng bộ tỉnh Hà Nam``; ``Sở Nội vụ tỉnh Hà Nam`` is
    ``Sở Nội vụ Hà Nam``; a part is spelt as the authority file spells it."""
    data = _data()
    if name.split(maxsplit=1)[0] in data["provincial_heads"]:
        return _PROVINCE_WORD.sub(" ", name)
    part = next((p for p in sorted(data["sub_bodies"], key=len, reverse=True)
                 if name.casefold().startswith(p.casefold() + " ")), None)
    if part is None:
        return name
    rest = name[len(part) + 1:]
    by_organization = part in data["named_after_organization"]
    for organization, committee in data["equivalents"]:
        was, now = (committee, organization) if by_organization else (organization, committee)
        if rest.casefold().startswith(was.casefold() + " "):
            return f"{part} {now}{rest[len(was):]}"
    return f"{part} {rest}"  # Ban thường vụ … is Ban Thường vụ …


def parent_of(org: OrgRef, context: OrgContext | None = None, *,
              base: str = DEFAULT_BASE) -> OrgRef | None:
    """The body ``org`` is part of: its committee for a sub-body, else the file's parent."""
    for prefix in sorted(_data()["sub_bodies"], key=len, reverse=True):
        if org.name.startswith(prefix + " "):
            return resolve_org(org.name[len(prefix) + 1:], context, base=base)
    known = _index().get(fold(org.name))
    if known and known.get("parent"):
        parent = body(known["parent"])
        return OrgRef(parent["name"], org_iri(base, parent["key"])) if parent else None
    return None


@lru_cache(maxsize=4096)
def committee_slug(name: str | None, suffix: str = "",
                   context: OrgContext | None = None) -> str | None:
    """Slug of the committee a local symbol's issuer stands for, None if unresolved.

    ``Ban Thường vụ Tỉnh ủy Hà Nam`` and ``Ban Chấp hành Đảng bộ tỉnh Hà Nam`` both sign
    for ``Tỉnh ủy Hà Nam``. Without a name, the symbol's suffix (``TU``, ``ĐUK``) names the
    committee, which the context must complete.
    """
    generic = _data()["local_suffixes"].get(suffix)
    name = _TERM.sub("", name) if name else generic
    if not name:
        return None
    full = _complete(expand(name), context or OrgContext())
    for prefix in _data()["acting_for"]:
        if full.startswith(prefix + " "):
            full = full[len(prefix) + 1:]
    for wording, committee in _data()["equivalents"]:
        if full.casefold().startswith(wording.casefold() + " "):
            full = committee + full[len(wording):]
            break
    bare = fold(full) in {w for w, _ in _generics()}  # "Đảng ủy" alone: which one?
    if bare or _relative_kind(full) or is_plural(full):
        return None
    known = _index().get(fold(full))
    return known["key"] if known else slug(full)


def _relative_kind(name: str) -> str | None:
    key = fold(name)
    for rel, kind in _relatives():
        if key == rel or key.endswith(" " + rel):
            return kind
    head = name.split(maxsplit=1)[0] if name.strip() else ""
    if head in _data()["provincial_heads"] and not names_place(name):  # Sở Tài chính
        return "province"
    return None


@cache
def _relatives() -> list[tuple[str, str]]:
    table = _data()["relative"] | _data()["relative_words"]
    return [(fold(rel), kind) for rel, kind in table.items()]


def _ends_bare(name: str) -> bool:
    """True when ``name`` ends with a committee word that names no place (``… Huyện ủy``)."""
    key = fold(name)
    return any(key == w or key.endswith(" " + w) for w, _ in _generics())


def _complete(name: str, context: OrgContext) -> str:
    """Add the bloc and the province a relative name leaves out (``Đảng ủy Khối`` → ``…
    Khối các cơ quan tỉnh`` → ``… Khối các cơ quan tỉnh Hà Nam``)."""
    for _ in range(2):
        kind = _relative_kind(name)
        value = {"province": context.province, "bloc": context.bloc}.get(kind or "")
        if not value:
            break
        name = f"{name} {value}"
    return name


@lru_cache(maxsize=4096)
def title_case(upper: str) -> str:
    """An upper-case header line as a name (``BAN THƯỜNG VỤ`` → ``Ban Thường vụ``)."""
    text = expand(re.sub(r"\s+", " ", upper).strip()).lower()
    text = _phrase_pattern().sub(lambda m: _phrases()[m.group().casefold()], text)
    text = _place_pattern().sub(lambda m: m[1] + m[2].title(), text)
    return text[:1].upper() + text[1:]


@cache
def _phrases() -> dict[str, str]:
    data = _data()
    names = [n for b in data["bodies"] for n in (b["name"], *b["aliases"])]
    names += data["sub_bodies"] + list(data["relative"]) + provinces() + data["phrases"]
    names += ["Khối " + b for b in blocs()]
    return {n.casefold(): n for n in names}


@cache
def _phrase_pattern() -> re.Pattern[str]:
    keys = sorted(_phrases(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


@cache
def _place_pattern() -> re.Pattern[str]:
    markers = "|".join(map(re.escape, _data()["place_markers"]))
    return re.compile(r"(?<!\w)((?i:(?:tỉnh|huyện|thành|quận|thị) ủy|" + markers + r") )"
                      r"(?!ủy\b)([" + LOWER + r"][\w ]*)$")


@lru_cache(maxsize=4096)
def canonical_name(name: str) -> str:
    """The authority file's name for a body written another way (``Ban Bí thư Trung ương
    Đảng`` → ``Ban Bí thư``), keeping a term (``Bộ Chính trị khóa XII``); else ``name``."""
    m = re.match(r"(?P<body>.*?)(?P<term>\s+(?i:khóa)\s+[IVXLC]+)?$", name)
    known = _index().get(fold(expand(m["body"]))) if m else None
    return known["name"] + (m["term"] or "") if known else name


def committee_of(org: OrgRef) -> str:
    """The committee a body belongs to or acts for, as a sub-body's name ends: ``Trung ương``
    for the central bodies, ``Tỉnh ủy Hà Nam`` for ``Ban Thường vụ Tỉnh ủy Hà Nam``."""
    known = _index().get(fold(org.name))
    if known and known.get("suffix") == "TW":  # Ban Chấp hành, Bộ Chính trị, Ban Bí thư
        return "Trung ương"
    name = org.name
    for prefix in _data()["acting_for"]:
        if name.startswith(prefix + " "):
            name = name[len(prefix) + 1:]
    return name


def within(name: str, parent: OrgRef, context: OrgContext | None = None, *,
           base: str = DEFAULT_BASE) -> OrgRef:
    """A bare part (``Ban Tuyên giáo``) named under its body in an issuer block, in full:
    ``Ban Tuyên giáo Trung ương``, ``Ban Tuyên giáo Tỉnh ủy Hà Nam``."""
    if name not in _data()["sub_bodies"]:
        return resolve_org(name, context, base=base)
    central = parent.id is not None and parent.id.endswith("/ban-chap-hanh-trung-uong")
    return resolve_org(f"{name} {'Trung ương' if central else parent.name}", context, base=base)


@cache
def block_head_pattern() -> re.Pattern[str]:
    """A capitals line that starts a body's name (``ĐẢNG ỦY …``, ``BAN …``, ``TỈNH ỦY …``)."""
    heads = [h.upper() for h in _data()["block_heads"]]
    return re.compile(r"^(?:" + trie_pattern(heads) + r")(?!\w)")


@cache
def place_start_pattern() -> re.Pattern[str]:
    """A capitals line that starts with a place marker (``TỈNH HÀ NAM``, ``THÀNH PHỐ …``)."""
    marks = [m.upper() for m in _data()["place_markers"]] + ["ĐẶC KHU"]
    return re.compile(r"^(?:" + trie_pattern(marks) + r")(?!\w)")


def complete_from(name: str, bodies: list[str]) -> str:
    """A title's relative issuer completed from the header's issuer block: ``Ban Thường vụ
    Đảng ủy`` over ``Đảng ủy Thông tấn xã Việt Nam`` is ``Ban Thường vụ Đảng ủy Thông tấn xã
    Việt Nam``; ``Ban Chấp hành Đảng bộ Khối`` over ``Đảng ủy Khối các cơ quan Trung ương``
    is ``Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương``."""
    folded = fold(name)
    for generic, spellings in _generics():
        if not folded.endswith(generic):
            continue
        for body in reversed(bodies):
            low = fold(body)
            head = next((s for s, key in spellings if low.startswith(key)), None)
            if head:
                return name + body[len(head):]
    return name


@cache
def _generics() -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Committee words a name may end with (folded), longest first, each with its spellings
    and the folded prefix each opens a name with."""
    data = _data()
    words = {*data["relative"], *data["local_suffixes"].values(), "Đảng ủy", "Đảng bộ", "Chi bộ"}
    pairs = data["equivalents"]
    out = []
    for w in sorted(words, key=len, reverse=True):
        same = {w} | {b for a, b in pairs if a == w} | {a for a, b in pairs if b == w}
        spellings = sorted(same, key=len, reverse=True)
        out.append((fold(w), tuple((s, fold(s) + " ") for s in spellings)))
    return out

"""A saved web page → the text of its main content, without menus, share bars and footers.

The page is parsed with the standard library into a small tree; the longest ``<article>``
or ``<main>`` is the content (else the longest element named as content by its class or
id, else ``<body>``), and elements that are navigation by tag, ARIA role, ``hidden`` or
class/id words (``menu``, ``breadcrumb``, ``share`` …) are dropped.
Blocks and table cells become lines; a line that is all bold or a heading is kept as
``**…**``, as the .docx reader does.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..errors import ReadError
from .text import Decoded, decode_text


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


SKIP_TAGS = _words("""script style title noscript template svg canvas iframe object embed head
    nav aside form button select input textarea label menu dialog""")
OUTER_TAGS = frozenset(["header", "footer"])  # page chrome unless inside the article
BOILERPLATE_WORDS = _words("""menu menubar nav navbar navigation breadcrumb breadcrumbs share
    sharing social footer sidebar comment comments related banner advert adverts ads cookie
    cookies login search toolbar tags pagination print rating subscribe""")
CONTENT_WORDS = _words("""content article detail details entry post story body fulltext
    noidung chitiet vanban""")  # noidung, chitiet, vanban: Vietnamese CMS class names
SKIP_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "search"])
BLOCK_TAGS = _words("""address article blockquote center dd div dl dt figcaption figure h1 h2
    h3 h4 h5 h6 hr li main ol p pre section table tbody td tfoot th thead tr ul header
    footer""")
BOLD_TAGS = _words("b strong h1 h2 h3 h4 h5 h6")
VOID_TAGS = _words("area base br col embed hr img input link meta param source track wbr")
MAX_DEPTH = 256  # old pages leave <font> and <p> open by the thousand; deeper ones are flattened
WESTERN = frozenset(["ascii", "iso8859-1", "cp1252", "iso8859-15"])
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class Node:
    """An element of the page: its tag, attributes and children (nodes or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


def read_html(data: bytes) -> Decoded:
    """The main text of a web page, in the encoding it declares or the one detected."""
    page = _decode(data)
    root = _parse(page.text)
    content = _content(root)
    text = "\n".join(_lines(content, inside_article=content is not root))
    return Decoded(text, page.encoding, page.warnings)


def _decode(data: bytes) -> Decoded:
    """Bytes → page text, in the charset the page declares unless that is a Western one:
    old Vietnamese sites declared Latin-1 and set TCVN3 or VNI text in their fonts."""
    declared = _CHARSET.search(data[:4096])
    try:
        codec = codecs.lookup(declared[1].decode("ascii")).name if declared else None
    except LookupError:
        codec = None
    if codec in (None, "utf-8") or codec in WESTERN:
        try:
            return decode_text(data)
        except ReadError:
            if codec not in WESTERN:
                raise
    return Decoded(data.decode(codec, errors="replace"), codec)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![`` and a keyword Python's parser does not know (a damaged ``<!DOCTYPE``):
        skipped to its ``>`` as browsers do, where Python 3.11's parser asserts."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1


def _parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


def _content(root: Node) -> Node:
    """The longest article or main element, else the longest element whose class or id
    says it holds the content (``content``, ``detail``, ``noidung`` …), else the page."""
    nodes = _walk(root)
    found = [n for n in nodes if n.tag in ("article", "main")] or [
        n for n in nodes if not CONTENT_WORDS.isdisjoint(_class_words(n))]
    return max(found, key=lambda n: len(_all_text(n)), default=root)


def _class_words(node: Node) -> list[str]:
    return re.split(r"[\s_-]+", f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower())


def _walk(node: Node) -> list[Node]:
    out, todo = [], [node]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(c for c in current.children if isinstance(c, Node) and not _skipped(c, True))
    return out


def _all_text(node: Node) -> str:
    return "".join(c if isinstance(c, str) else _all_text(c) for c in node.children)


def _skipped(node: Node, inside_article: bool) -> bool:
    if node.tag in SKIP_TAGS or (node.tag in OUTER_TAGS and not inside_article):
        return True
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("role") in SKIP_ROLES or attrs.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none", attrs.get("style", "")):
        return True
    return not BOILERPLATE_WORDS.isdisjoint(_class_words(node))


Segment = tuple[str, bool]


def _lines(node: Node, inside_article: bool) -> list[str]:
    """The node's text, a line per block; all-bold lines as ``**…**``."""
    rows: list[list[Segment]] = [[]]
    _render(node, False, node.tag == "pre", inside_article, rows)
    return [line for line in map(_line, rows) if line]


def _render(node: Node, bold: bool, pre: bool, inside: bool, rows: list[list[Segment]]) -> None:
    for child in node.children:
        if isinstance(child, str):
            rows[-1].append((child, bold))
        elif child.tag == "br":
            rows.append([])
        elif not _skipped(child, inside):
            block = child.tag in BLOCK_TAGS
            if block:
                rows.append([])
            if pre or child.tag == "pre":
                for part in _all_text(child).split("\n"):
                    rows[-1].append((part, bold or child.tag in BOLD_TAGS))
                    rows.append([])
            else:
                _render(child, bold or child.tag in BOLD_TAGS, False, inside, rows)
            if block:
                rows.append([])


def _line(segments: list[Segment]) -> str:
    text = " ".join("".join(s for s, _ in segments).split())
    strong = all(b for s, b in segments if s.strip())
    return f"**{text}**" if text and strong else text

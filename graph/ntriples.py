"""Triples as N-Triples text, with the search words that ``vankien search`` looks up.

The mapper of :mod:`.build` writes its terms as text (``<iri>``, ``"text"@vi``,
``"5"^^<…#integer>``) into :class:`Lines`, which is how ingest stays fast; rdflib terms go
through :func:`term`. Each document, body and person with words of its own (symbol,
subject, title, labels) gets them folded: all in one ``vk:searchKey`` for ranking and
display, and one ``vk:searchWord`` triple a word for index lookups.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .store import RDF_TYPE, SEARCH_WORD, VK

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = f"<{RDF_TYPE}>"
SEARCH_KEY = f"{VK}searchKey"
#: Literals that make a node findable by ``vankien search``.
SEARCHED = frozenset(f"<{p}>" for p in (
    f"{VK}symbol", f"{VK}subject", f"{VK}title", f"{VK}kindName",
    "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label",
))
#: What a search finds (the types ``graph/search.py`` reports).
SEARCHABLE = frozenset(f"<{t}>" for t in (
    f"{VK}Document", f"{VK}StateDocument", "http://www.w3.org/ns/org#Organization",
    "http://xmlns.com/foaf/0.1/Person",
))
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_UNESCAPE = re.compile(r"\\(.)")
_ECHAR = {"n": "\n", "r": "\r"}


class Names:
    """A namespace's IRIs as N-Triples terms: ``Names(VK).cites`` → ``<…#cites>``.

    Names are looked up in the rdflib namespace given, so a closed one still refuses a
    term it does not define.
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = f"<{getattr(self._namespace, name)}>"
        setattr(self, name, value)  # found as an attribute from now on
        return value


def iri(value: str) -> str:
    """An IRI as an N-Triples term (a malformed one is caught when the text is parsed)."""
    return f"<{value}>"


def literal(value: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal as an N-Triples term: plain, with a language tag, or typed."""
    text = f'"{value.translate(_ESCAPES)}"'
    if lang:
        return f"{text}@{lang}"
    return f"{text}^^<{datatype}>" if datatype else text


def integer(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def term(node: object) -> str:
    """An rdflib term as an N-Triples term."""
    from rdflib import BNode, Literal

    if isinstance(node, Literal):
        datatype = str(node.datatype) if node.datatype else None
        return literal(str(node), lang=node.language, datatype=datatype)
    return f"_:{node}" if isinstance(node, BNode) else f"<{node}>"


def lexical(literal_term: str) -> str:
    """The text of an N-Triples literal: ``"a \\"b\\""@vi`` → ``a "b"``."""
    quoted = literal_term[1:literal_term.rindex('"')]
    return _UNESCAPE.sub(lambda m: _ECHAR.get(m[1], m[1]), quoted)


class Lines:
    """A graph's N-Triples lines, each once, and the words of each findable node."""

    def __init__(self) -> None:
        self.lines: set[str] = set()
        self._texts: dict[str, list[str]] = {}
        self._findable: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.add(f"{s} {p} {o} .\n")
        if p in SEARCHED:
            self._texts.setdefault(s, []).append(lexical(o))
        elif p == TYPE and o in SEARCHABLE:
            self._findable.add(s)

    def text(self, *, search_words: bool = True) -> str:
        """The lines sorted, with the search words of each findable node when asked."""
        lines = set(self.lines)
        if search_words:
            for node in self._findable & self._texts.keys():
                key = search_key(" ".join(sorted(self._texts[node])))
                lines.add(f"{node} <{SEARCH_KEY}> {literal(key)} .\n")
                lines.update(word_lines(node, key))
        return "".join(sorted(lines))


def word_lines(node: str, key: str) -> list[str]:
    """The ``vk:searchWord`` lines of ``node`` for the words of a search ``key``."""
    return [f'{node} <{SEARCH_WORD}> "{w}" .\n' for w in key.split()]


def to_ntriples(dataset: object) -> str:
    """Every triple of an rdflib Dataset (all graphs), plus search words, as N-Triples."""
    quads = dataset.quads((None, None, None, None))  # type: ignore[attr-defined]
    return triples_to_ntriples((s, p, o) for s, p, o, _ in quads)


def triples_to_ntriples(triples: Iterable[tuple[object, object, object]]) -> str:
    """rdflib triples, plus search words, as sorted N-Triples (each line once)."""
    lines, terms = Lines(), _Terms()
    for s, p, o in triples:
        lines.add(terms[s], terms[p], terms[o])
    return lines.text()


class _Terms(dict[object, str]):
    """rdflib term → N-Triples, each term written once (subjects and predicates repeat)."""

    def __missing__(self, node: object) -> str:
        self[node] = text = term(node)
        return text


def fold(text: str) -> str:
    """Lower case without accents: ``Nghị quyết`` → ``nghi quyet`` (đ → d)."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def search_key(text: str) -> str:
    """The folded words of ``text`` once each, each after a space: `` nghi quyet 35 nq tw``."""
    return "".join(f" {w}" for w in dict.fromkeys(re.findall(r"\w+", fold(text))))

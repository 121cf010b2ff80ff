"""N-Triples terms written as text: they parse back to the same terms."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import XSD, Literal
from vankien.graph.ntriples import Lines, Names, integer, iri, lexical, literal, term
from vankien.ontology import VK

TEXT = st.text(st.characters(blacklist_categories=("Cs",)))


@given(TEXT)
def test_a_literal_parses_back_to_its_text(text: str) -> None:
    written = literal(text, lang="vi")
    [quad] = ox.parse(f"<urn:s> <urn:p> {written} .\n", format=ox.RdfFormat.N_TRIPLES)
    assert quad.object.value == text == lexical(written)


@pytest.mark.parametrize(("written", "expected"), [
    (literal("Nghị quyết"), '"Nghị quyết"'),
    (literal('a "b"\nc\\', lang="vi"), '"a \\"b\\"\\nc\\\\"@vi'),
    (literal("2024-02-30", datatype=str(XSD.date)), f'"2024-02-30"^^<{XSD}date>'),
    (integer(35), f'"35"^^<{XSD}integer>'),
    (iri("https://w3id.org/vankien/doc/tw/nq/35/2018"),
     "<https://w3id.org/vankien/doc/tw/nq/35/2018>"),
    (term(Literal("Tỉnh ủy", lang="vi")), '"Tỉnh ủy"@vi'),
    (term(Literal(7)), f'"7"^^<{XSD}integer>'),
    (Names(VK).cites, "<https://w3id.org/vankien/ontology#cites>"),
])
def test_terms(written: str, expected: str) -> None:
    assert written == expected


def test_names_refuse_a_term_the_ontology_does_not_define() -> None:
    with pytest.raises(AttributeError):
        _ = Names(VK).citez


def test_search_words_only_for_findable_nodes() -> None:
    lines = Lines()
    doc, note = "<urn:doc>", "<urn:note>"
    lines.add(doc, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", Names(VK).Document)
    lines.add(doc, Names(VK).symbol, literal("35-NQ/TW"))
    lines.add(note, Names(VK).symbol, literal("36-NQ/TW"))  # has words, but is not findable
    words = [line for line in lines.text().splitlines() if "searchWord" in line]
    assert words == [f'{doc} <{VK}searchWord> "{w}" .' for w in ("35", "nq", "tw")]
    assert "searchWord" not in lines.text(search_words=False)

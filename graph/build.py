"""Stage 3: an :class:`Extraction` → an RDF dataset with one named graph for its source.

Every triple extracted from a source goes into ``{base}graph/{sha256}``, so re-ingesting a
file replaces its graph whole. IRIs are deterministic (no blank nodes): documents and
organizations keep the IRIs the extractor resolved (``Document.id``, ``Citation.target``,
``OrgRef.id``) and otherwise get ones minted by the same rules (issuer + kind + number + year);
every other node is ``{base}fact/{sha256[:16]}/…``. Each node that came from words of the
text points at them with ``vk:evidence`` (an ``oa:TextPositionSelector``).

The mapper writes N-Triples text (:mod:`.ntriples`), which ingest sends to the store as it
is; :func:`build_graph` reads that text into an rdflib Dataset.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, Dataset, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV
from vankien.loaders import DEFAULT_BASE
from vankien.loaders.kinds import is_central
from vankien.loaders.model import (
    Citation,
    Document,
    Extraction,
    Receipt,
    Recipient,
    Responsibility,
    Signature,
    Source,
    Span,
)
from vankien.loaders.resolve import document_iri, issuer_key, slug, source_iri, state_iri, year_of
from vankien.ontology import VK, kind_terms

from .ntriples import XSD, Lines, Names, integer, iri, literal, term
from .store import FACTS

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PREFIXES = {"vk": VK, "org": ORG, "oa": OA, "eli": ELI, "prov": PROV, "dcterms": DCTERMS,
            "skos": SKOS, "foaf": FOAF}
_VK, _RDF, _RDFS, _SKOS, _ORG, _OA, _PROV, _DCTERMS, _FOAF = map(
    Names, (VK, RDF, RDFS, SKOS, ORG, OA, PROV, DCTERMS, FOAF))
RELATIONS = {r: getattr(_VK, r) for r in ("continues", "forwards", "implements", "replaces",
                                          "amends")}
ROLES = {r: getattr(_VK, r) for r in ("lead", "coordinate", "advise", "execute")}
_TRUE = f'"true"^^<{XSD}boolean>'
_MONTH = re.compile(r"\d{4}-\d\d-")  # a date's month, YYYY-MM, where it has one
MAX_EXACT = 1000  # longer spans (whole documents) keep their offsets but do not quote the words


def source_graph(base: str, sha256: str) -> URIRef:
    """The named graph that holds every triple extracted from the source ``sha256``."""
    return URIRef(f"{base}graph/{sha256}")


def build_graph(extraction: Extraction, *, base: str = DEFAULT_BASE) -> Dataset:
    """Map ``extraction`` onto the vankien ontology, in the named graph of its source."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    graph = dataset.graph(source_graph(base, extraction.source.sha256))
    graph.parse(data=_lines(extraction, base).text(search_words=False), format="nt")
    return dataset


def build_ntriples(extraction: Extraction, *, base: str = DEFAULT_BASE) -> str:
    """The triples of :func:`build_graph`'s source graph as sorted N-Triples, with the
    search words of the documents, bodies and persons it names (see :mod:`.ntriples`)."""
    return _lines(extraction, base).text()


def _lines(extraction: Extraction, base: str) -> Lines:
    mapper = _Mapper(base, extraction)
    mapper.run()
    return mapper.triples


class _Mapper:
    """Writes one extraction into one graph; knows the base, the source and its IRIs."""

    def __init__(self, base: str, extraction: Extraction) -> None:
        self.base, self.extraction = base, extraction
        self.triples = Lines()
        self.src: Source = extraction.source
        self.source = iri(f"{base}source/{self.src.sha256}")
        self.facts = f"{base}{FACTS}{self.src.sha256[:16]}/"
        self.ids = [self._doc_iri(i, d) for i, d in enumerate(extraction.documents)]
        self.by_symbol = {d.symbol: node for d, node in zip(extraction.documents, self.ids,
                                                            strict=True) if d.symbol}
        self.months = {node: d.date[:7] for d, node in zip(extraction.documents, self.ids,
                                                         strict=True) if _MONTH.match(d.date or "")}

    def run(self) -> None:
        self._source()
        for index, doc in enumerate(self.extraction.documents):
            self._document(index, doc)
        for index, warning in enumerate(self.extraction.warnings):
            self._warning(f"warning/{index}", warning.code, warning.message, warning.span)

    # -- nodes ---------------------------------------------------------------------------

    def _source(self) -> None:
        s = self.source
        for cls in (_VK.Source, _PROV.Entity):
            self._add(s, _RDF.type, cls)
        self._add(s, _VK.sha256, literal(self.src.sha256))
        self._add(s, _VK.path, literal(self.src.path))
        self._add(s, _DCTERMS.format, literal(self.src.format))

    def _warning(self, local: str, code: str, message: str, span: Span | None) -> None:
        node = iri(f"{self.facts}{local}")
        self._add(node, _RDF.type, _VK.Warning)
        self._add(node, _VK.code, literal(code))
        self._add(node, _RDFS.comment, literal(message))
        self._add(node, _VK.inSource, self.source)
        self._evidence(node, span)

    def _document(self, index: int, doc: Document) -> None:
        d = self.ids[index]
        self._describe(d, doc.type, doc.type_name, doc.symbol, doc.number, doc.date)
        self._add(d, _PROV.wasDerivedFrom, self.source)
        self._add(d, _VK.appendixOf, self._ref(doc.appendix_of))
        self._add(d, _VK.place, _lit(doc.place))
        self._add(d, _VK.subject, _lit(doc.subject))
        issuer = self._org(doc.issuer.name, doc.issuer.id) if doc.issuer else None
        self._add(d, _VK.issuedBy, issuer)
        year = year_of(doc.date)
        if issuer is not None and year is not None:
            self._issued_in(d, issuer, year)
        if issuer is not None and doc.issuer_parent:
            parent = self._org(doc.issuer_parent.name, doc.issuer_parent.id)
            self._add(issuer, _ORG.subOrganizationOf, parent)
        for name in doc.addressees:
            self._add(d, _VK.addressee, literal(name))
        for text in (r.text for r in doc.named_references):
            self._add(d, _VK.namedReference, literal(text))
        self._evidence(d, doc.span)
        self._facts(d, f"{self.facts}d{index}/", doc)
        self._forwarding(d, doc)

    def _facts(self, d: str, fact: str, doc: Document) -> None:
        """The nodes a document states: signature, mentions, duties, recipients, time."""
        if doc.signer:
            self._signature(d, iri(f"{fact}signature"), doc.signer)
        for j, citation in enumerate(doc.citations):
            self._citation(d, iri(f"{fact}mention/{j}"), citation)
        year = year_of(doc.date)
        for j, duty in enumerate(doc.responsibilities):
            self._responsibility(d, iri(f"{fact}responsibility/{j}"), duty, year)
        for j, recipient in enumerate(doc.recipients):
            self._recipient(d, iri(f"{fact}recipient/{j}"), recipient)
        for j, receipt in enumerate(doc.received):
            self._receipt(d, iri(f"{fact}receipt/{j}"), receipt)
        for j, rec in enumerate(doc.recurrences):
            node = self._fact(d, _VK.recurrence, iri(f"{fact}recurrence/{j}"), _VK.Recurrence)
            self._add(node, _VK.frequency, literal(rec.frequency))
            self._add(node, _VK.text, literal(rec.text))
            self._evidence(node, rec.span)
        for j, limit in enumerate(doc.deadlines):
            node = self._fact(d, _VK.hasDeadline, iri(f"{fact}deadline/{j}"), _VK.Deadline)
            self._add(node, _VK.dueDate, _date(limit.date))
            self._add(node, _VK.text, literal(limit.text))
            self._evidence(node, limit.span)

    def _describe(self, d: str, code: str | None, kind_name: str | None, symbol: str | None,
                  number: str | None, date: str | None) -> None:
        """What a document and a citation of it both state: class, kind, symbol, date.

        A state document (``{base}state/…``) has no kind of the party's scheme.
        """
        if d.startswith(f"<{self.base}state/"):
            self._add(d, _RDF.type, _VK.StateDocument)
        else:
            self._add(d, _RDF.type, _VK.Document)
            self._add(d, _VK.kind, self._kind(d, code, kind_name) if code else None)
            self._add(d, _VK.withoutYear, self._year_less(d))
        self._add(d, _VK.kindName, _lit(kind_name))
        self._add(d, _VK.symbol, _lit(symbol))
        self._add(d, _VK.number, _lit(number))
        self._add(d, _VK.dateIssued, _date(date))
        label = " ".join(p for p in (kind_name or code, symbol) if p)
        self._add(d, _RDFS.label, literal(label, lang="vi") if label else None)

    def _kind(self, d: str, code: str, kind_name: str | None) -> str:
        """The concept of kind ``code`` (described in this graph); types ``d`` by its class."""
        concept = iri(f"{self.base}kind/{slug(code)}")
        self._add(concept, _RDF.type, _SKOS.Concept)
        self._add(concept, _SKOS.inScheme, iri(f"{self.base}kind/"))
        self._add(concept, _SKOS.notation, literal(code))
        known = kind_terms().get(code)
        if known is None:
            self._add(concept, _SKOS.prefLabel, _lit(kind_name, "vi"))
            return concept
        self._add(d, _RDF.type, iri(known.cls))
        for label in known.labels:
            self._add(concept, _SKOS.prefLabel, term(label))
        return concept

    def _citation(self, d: str, mention: str, c: Citation) -> None:
        target = self._target(c)
        self._cites(d, target)
        self._add(d, RELATIONS.get(c.relation), target)
        self._fact(d, _VK.mention, mention, _VK.Mention)
        self._add(mention, _VK.mentionOf, target)
        self._add(mention, _VK.relation, literal(c.relation))
        self._add(mention, _VK.inSource, self.source)
        for short in c.short_forms:
            self._add(mention, _VK.shortForm, literal(short))
        self._evidence(mention, c.span)
        if target in self.ids:
            return  # a document of this source: it describes itself
        self._describe(target, c.type, c.type_name, c.symbol, c.number, c.date)
        self._add(target, _VK.title, _lit(c.title))
        if c.issuer:
            self._add(target, _VK.issuedBy, self._org(c.issuer, c.issuer_id))
        if self._without_year(target):
            self._add(target, _VK.unresolved, _TRUE)

    def _forwarding(self, d: str, doc: Document) -> None:
        """``forwards`` / ``forwarded_by``: IRIs, or symbols of documents of this source."""
        for ref, forward in ((doc.forwards, True), (doc.forwarded_by, False)):
            other = self._ref(ref)
            if other is None:
                continue
            src, dst = (d, other) if forward else (other, d)
            self._add(src, _VK.forwards, dst)
            self._cites(src, dst)

    def _cites(self, d: str, target: str) -> None:
        """``d`` cites ``target``: one of its citations in the month this source dates ``d``
        (a ``vk:CitationMonth``, which backlinks pages read by month)."""
        self._add(d, _VK.cites, target)
        month = self.months.get(d, "")
        group = iri(f"{self.base}citations/{month or 'undated'}/{self._local(target)}")
        self._add(d, _VK.citesInMonth, group)
        self._add(group, _VK.citationsOf, target)
        self._add(group, _VK.month, literal(month))

    def _issued_in(self, d: str, issuer: str, year: int) -> None:
        """``d`` is one of the documents ``issuer`` issued in ``year`` (a ``vk:IssuerYear``,
        which the documents of one issuer in one year are read from)."""
        group = iri(f"{self.base}issued/{year}/{self._local(issuer)}")
        self._add(d, _VK.issuedInYear, group)
        self._add(group, _VK.documentsOf, issuer)
        self._add(group, _VK.year, integer(year))

    def _duty_in(self, node: str, actor: str, year: int | None) -> None:
        """``node`` is one of ``actor``'s duties in ``year``, as this source dates the document
        (a ``vk:DutyYear``, which a page of the body's responsibilities is read from)."""
        group = iri(f"{self.base}duties/{year or 'undated'}/{self._local(actor)}")
        self._add(node, _VK.dutyInYear, group)
        self._add(group, _VK.dutiesOf, actor)
        self._add(group, _VK.year, integer(year) if year else None)

    def _local(self, node: str) -> str:
        """An IRI term's IRI after the base, or all of it percent-quoted: a group's name."""
        value = node[1:-1]
        return value.removeprefix(self.base) if value.startswith(self.base) else quote(value, "")

    def _signature(self, d: str, node: str, s: Signature) -> None:
        self._fact(d, _VK.signature, node, _VK.Signature)
        if s.name and s.name.strip():
            person = iri(f"{self.base}person/{_key(s.name)}")
            self._add(person, _RDF.type, _FOAF.Person)
            self._add(person, _RDFS.label, literal(s.name))
            self._add(node, _VK.signer, person)
        self._add(node, _VK.authority, _lit(s.authority))
        self._add(node, _VK.onBehalfOf, _lit(s.on_behalf_of))
        if s.on_behalf_of_id:
            self._add(node, _VK.signsFor, self._org(s.on_behalf_of or "", s.on_behalf_of_id))
        self._add(node, _VK.position, _lit(s.position))
        self._evidence(node, s.span)

    def _responsibility(self, d: str, node: str, r: Responsibility, year: int | None) -> None:
        self._fact(d, _VK.responsibility, node, _VK.Responsibility)
        actor = self._org(r.actor, r.actor_id)
        self._add(node, _VK.actor, actor)
        if actor is not None:
            self._duty_in(node, actor, year)
        self._add(node, _VK.actorName, literal(r.actor))
        self._add(node, _VK.role, ROLES.get(r.role))
        self._add(node, _VK.task, literal(r.task))
        ids = r.partner_ids or (None,) * len(r.partners)
        for partner, partner_id in zip(r.partners, ids, strict=True):
            self._add(node, _VK.partner, self._org(partner, partner_id))
        for frequency in r.recurrences:
            self._add(node, _VK.frequency, literal(frequency))
        self._add(node, _VK.deadline, _date(r.deadline))
        self._add(node, _VK.reportsTo, _lit(r.reports_to))
        self._evidence(node, r.span)

    def _recipient(self, d: str, node: str, r: Recipient) -> None:
        self._fact(d, _VK.recipient, node, _VK.Recipient)
        self._add(node, _RDFS.label, literal(r.name))
        self._add(node, _VK.purpose, _lit(r.purpose))
        self._evidence(node, r.span)

    def _receipt(self, d: str, node: str, r: Receipt) -> None:
        self._fact(d, _VK.receipt, node, _VK.Receipt)
        if r.by:
            self._add(node, _VK.receivedBy, self._org(r.by, r.by_id))
        self._add(node, _VK.receiptNumber, _lit(r.number))
        self._add(node, _VK.dateReceived, _date(r.date))
        self._evidence(node, r.span)

    # -- IRIs ----------------------------------------------------------------------------

    def _doc_iri(self, index: int, doc: Document) -> str:
        if doc.id:
            return iri(doc.id)
        minted = self._mint(doc.symbol, doc.type, doc.number, doc.date)
        return minted or iri(source_iri(self.base, self.src.sha256, index))

    def _target(self, c: Citation) -> str:
        if c.target:
            return iri(c.target)
        if c.system == "state":
            return iri(state_iri(self.base, c.symbol))
        if c.symbol in self.by_symbol:
            return self.by_symbol[c.symbol]
        minted = self._mint(c.symbol, c.type, c.number, c.date)
        return minted or iri(f"{self.facts}doc/{slug(c.symbol)}")

    def _mint(self, symbol: str | None, code: str | None, number: str | None,
              date: str | None) -> str | None:
        """The IRI the resolver would give; only the symbol's issuer suffix is known here."""
        if not (symbol and code and number and "/" in symbol):
            return None
        suffix = symbol.rsplit("/", 1)[1]
        if "-" in suffix:  # 12/KH-UBND: a state document's symbol
            return iri(state_iri(self.base, symbol))
        key = issuer_key(suffix, None, is_central(suffix))
        return iri(document_iri(self.base, key, code, number, year_of(date)))

    def _without_year(self, node: str) -> bool:
        """A party document IRI ``<…doc/{issuer}/{kind}/{number}>`` that lacks its year."""
        return len(self._numbered(node)) == 3

    def _year_less(self, node: str) -> str | None:
        """``<…doc/{issuer}/{kind}/{number}>`` for ``<…doc/{issuer}/{kind}/{number}/{year}>``."""
        parts = self._numbered(node)
        if len(parts) != 4 or not (len(parts[3]) == 4 and parts[3].isdigit()):
            return None
        return node[:-len(parts[3]) - 2] + ">"

    def _numbered(self, node: str) -> list[str]:
        """The path segments of a party document IRI with a number (not ``doc/source/…``)."""
        prefix = f"<{self.base}doc/"
        rest = node[len(prefix):-1].split("/") if node.startswith(prefix) else []
        return [] if rest[:1] == ["source"] else rest

    def _ref(self, ref: str | None) -> str | None:
        if not ref:
            return None
        if ref.startswith(("http://", "https://")):
            return iri(ref)
        return self.by_symbol.get(ref)

    def _org(self, name: str, org_id: str | None) -> str | None:
        """An organization: its resolved IRI, labelled with the name the extractor gave that
        IRI; or, unresolved (a list, a generic body), one scoped to this source."""
        if not (org_id or name.strip()):
            return None
        org = iri(org_id or f"{self.facts}org/{_key(name)}")
        label = literal(self.extraction.organizations.get(org_id or "", name), lang="vi")
        self._add(org, _RDF.type, _ORG.Organization)
        self._add(org, _SKOS.prefLabel, label)
        self._add(org, _RDFS.label, label)
        return org

    # -- triples -------------------------------------------------------------------------

    def _fact(self, d: str, link: str, node: str, cls: str) -> str:
        self._add(d, link, node)
        self._add(node, _RDF.type, cls)
        return node

    def _evidence(self, node: str, span: Span | None) -> None:
        """Link ``node`` to the words it came from; a span ``(0, 0)`` or ``None`` is unknown.

        The selector lies in the source's graph, under the source's fact IRIs: it names no
        source of its own.
        """
        if not span or span[1] <= span[0]:
            return
        start, end = span
        selector = iri(f"{self.facts}span/{start}-{end}")
        self._add(node, _VK.evidence, selector)
        self._add(selector, _RDF.type, _OA.TextPositionSelector)
        self._add(selector, _OA.start, integer(start))
        self._add(selector, _OA.end, integer(end))
        if end - start <= MAX_EXACT and end <= len(self.src.text):
            self._add(selector, _OA.exact, literal(self.src.text[start:end]))

    def _add(self, s: str, p: str | None, o: str | None) -> None:
        """Add a triple unless its predicate or object is missing."""
        if p is not None and o is not None:
            self.triples.add(s, p, o)


def _key(name: str) -> str:
    """The slug of a name, or a digest of it when it has no letters or digits to slug."""
    return slug(name) or hashlib.sha256(name.encode()).hexdigest()[:16]


def _lit(value: str | None, lang: str | None = None) -> str | None:
    return literal(value, lang=lang) if value else None


def _date(value: str | None) -> str | None:
    """An ``xsd:date``, kept as written when ill-formed so that validation reports it."""
    return literal(value, datatype=f"{XSD}date") if value else None

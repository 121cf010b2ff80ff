"""Stage 3: an :class:`Extraction` → an RDF dataset with one named graph for its source.

Every triple extracted from a source goes into ``{base}graph/{sha256}``, so re-ingesting a
file replaces its graph whole. IRIs are deterministic (no blank nodes): documents and
organizations keep the IRIs the extractor resolved (``Document.id``, ``Citation.target``,
``OrgRef.id``) and otherwise get ones minted by the same rules (issuer + kind + number + year);
every other node is ``{base}fact/{sha256[:16]}/…``. Each node that came from words of the
text points at them with ``vk:evidence`` (an ``oa:TextPositionSelector``).
"""

from __future__ import annotations

import hashlib

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, Namespace, URIRef
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

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PREFIXES = {"vk": VK, "org": ORG, "oa": OA, "eli": ELI, "prov": PROV, "dcterms": DCTERMS,
            "skos": SKOS, "foaf": FOAF}
RELATIONS = {"continues": VK.continues, "forwards": VK.forwards, "implements": VK.implements,
             "replaces": VK.replaces, "amends": VK.amends}
ROLES = {"lead": VK.lead, "coordinate": VK.coordinate, "advise": VK.advise,
         "execute": VK.execute}
Triple = tuple[URIRef, URIRef, URIRef | Literal]
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
    for triple in build_triples(extraction, base=base):
        graph.add(triple)
    return dataset


def build_triples(extraction: Extraction, *, base: str = DEFAULT_BASE) -> set[Triple]:
    """The triples of :func:`build_graph`'s source graph, without building a Dataset."""
    mapper = _Mapper(base, extraction)
    mapper.run()
    return mapper.triples


class _Mapper:
    """Writes one extraction into one graph; knows the base, the source and its IRIs."""

    def __init__(self, base: str, extraction: Extraction) -> None:
        self.base, self.extraction = base, extraction
        self.triples: set[Triple] = set()
        self.src: Source = extraction.source
        self.source = URIRef(f"{base}source/{self.src.sha256}")
        self.facts = f"{base}fact/{self.src.sha256[:16]}/"
        self.ids = [self._doc_iri(i, d) for i, d in enumerate(extraction.documents)]
        self.by_symbol = {d.symbol: iri for d, iri in zip(extraction.documents, self.ids,
                                                          strict=True) if d.symbol}

    def run(self) -> None:
        self._source()
        for index, doc in enumerate(self.extraction.documents):
            self._document(index, doc)
        for index, warning in enumerate(self.extraction.warnings):
            self._warning(f"warning/{index}", warning.code, warning.message, warning.span)

    # -- nodes ---------------------------------------------------------------------------

    def _source(self) -> None:
        s = self.source
        for cls in (VK.Source, PROV.Entity):
            self._add(s, RDF.type, cls)
        self._add(s, VK.sha256, Literal(self.src.sha256))
        self._add(s, VK.path, Literal(self.src.path))
        self._add(s, DCTERMS.format, Literal(self.src.format))

    def _warning(self, local: str, code: str, message: str, span: Span | None) -> None:
        node = URIRef(f"{self.facts}{local}")
        self._add(node, RDF.type, VK.Warning)
        self._add(node, VK.code, Literal(code))
        self._add(node, RDFS.comment, Literal(message))
        self._add(node, VK.inSource, self.source)
        self._evidence(node, span)

    def _document(self, index: int, doc: Document) -> None:
        d = self.ids[index]
        self._describe(d, doc.type, doc.type_name, doc.symbol, doc.number, doc.date)
        self._add(d, PROV.wasDerivedFrom, self.source)
        self._add(d, VK.appendixOf, self._ref(doc.appendix_of))
        self._add(d, VK.place, _lit(doc.place))
        self._add(d, VK.subject, _lit(doc.subject))
        issuer = self._org(doc.issuer.name, doc.issuer.id) if doc.issuer else None
        self._add(d, VK.issuedBy, issuer)
        if issuer is not None and doc.issuer_parent:
            parent = self._org(doc.issuer_parent.name, doc.issuer_parent.id)
            self._add(issuer, ORG.subOrganizationOf, parent)
        for name in doc.addressees:
            self._add(d, VK.addressee, Literal(name))
        for text in (r.text for r in doc.named_references):
            self._add(d, VK.namedReference, Literal(text))
        self._evidence(d, doc.span)
        self._facts(d, f"{self.facts}d{index}/", doc)
        self._forwarding(d, doc)

    def _facts(self, d: URIRef, fact: str, doc: Document) -> None:
        """The nodes a document states: signature, mentions, duties, recipients, time."""
        if doc.signer:
            self._signature(d, URIRef(f"{fact}signature"), doc.signer)
        for j, citation in enumerate(doc.citations):
            self._citation(d, URIRef(f"{fact}mention/{j}"), citation)
        for j, duty in enumerate(doc.responsibilities):
            self._responsibility(d, URIRef(f"{fact}responsibility/{j}"), duty)
        for j, recipient in enumerate(doc.recipients):
            self._recipient(d, URIRef(f"{fact}recipient/{j}"), recipient)
        for j, receipt in enumerate(doc.received):
            self._receipt(d, URIRef(f"{fact}receipt/{j}"), receipt)
        for j, rec in enumerate(doc.recurrences):
            node = self._fact(d, VK.recurrence, URIRef(f"{fact}recurrence/{j}"), VK.Recurrence)
            self._add(node, VK.frequency, Literal(rec.frequency))
            self._add(node, VK.text, Literal(rec.text))
            self._evidence(node, rec.span)
        for j, limit in enumerate(doc.deadlines):
            node = self._fact(d, VK.hasDeadline, URIRef(f"{fact}deadline/{j}"), VK.Deadline)
            self._add(node, VK.dueDate, _date(limit.date))
            self._add(node, VK.text, Literal(limit.text))
            self._evidence(node, limit.span)

    def _describe(self, d: URIRef, code: str | None, kind_name: str | None, symbol: str | None,
                  number: str | None, date: str | None) -> None:
        """What a document and a citation of it both state: class, kind, symbol, date.

        A state document (``{base}state/…``) has no kind of the party's scheme.
        """
        if str(d).startswith(f"{self.base}state/"):
            self._add(d, RDF.type, VK.StateDocument)
        else:
            self._add(d, RDF.type, VK.Document)
            self._add(d, VK.kind, self._kind(d, code, kind_name) if code else None)
        self._add(d, VK.kindName, _lit(kind_name))
        self._add(d, VK.symbol, _lit(symbol))
        self._add(d, VK.number, _lit(number))
        self._add(d, VK.dateIssued, _date(date))
        label = " ".join(p for p in (kind_name or code, symbol) if p)
        self._add(d, RDFS.label, Literal(label, lang="vi") if label else None)

    def _kind(self, d: URIRef, code: str, kind_name: str | None) -> URIRef:
        """The concept of kind ``code`` (described in this graph); types ``d`` by its class."""
        concept = URIRef(f"{self.base}kind/{slug(code)}")
        self._add(concept, RDF.type, SKOS.Concept)
        self._add(concept, SKOS.inScheme, URIRef(f"{self.base}kind/"))
        self._add(concept, SKOS.notation, Literal(code))
        term = kind_terms().get(code)
        if term is None:
            self._add(concept, SKOS.prefLabel, _lit(kind_name, "vi"))
            return concept
        self._add(d, RDF.type, term.cls)
        for label in term.labels:
            self._add(concept, SKOS.prefLabel, label)
        return concept

    def _citation(self, d: URIRef, mention: URIRef, c: Citation) -> None:
        target = self._target(c)
        self._add(d, VK.cites, target)
        self._add(d, RELATIONS.get(c.relation), target)
        self._fact(d, VK.mention, mention, VK.Mention)
        self._add(mention, VK.mentionOf, target)
        self._add(mention, VK.relation, Literal(c.relation))
        self._add(mention, VK.inSource, self.source)
        for short in c.short_forms:
            self._add(mention, VK.shortForm, Literal(short))
        self._evidence(mention, c.span)
        if target in self.ids:
            return  # a document of this source: it describes itself
        self._describe(target, c.type, c.type_name, c.symbol, c.number, c.date)
        self._add(target, VK.title, _lit(c.title))
        if c.issuer:
            self._add(target, VK.issuedBy, self._org(c.issuer, c.issuer_id))
        if self._without_year(target):
            self._add(target, VK.unresolved, Literal(True))

    def _forwarding(self, d: URIRef, doc: Document) -> None:
        """``forwards`` / ``forwarded_by``: IRIs, or symbols of documents of this source."""
        for ref, forward in ((doc.forwards, True), (doc.forwarded_by, False)):
            other = self._ref(ref)
            if other is None:
                continue
            src, dst = (d, other) if forward else (other, d)
            self._add(src, VK.forwards, dst)
            self._add(src, VK.cites, dst)

    def _signature(self, d: URIRef, node: URIRef, s: Signature) -> None:
        self._fact(d, VK.signature, node, VK.Signature)
        if s.name and s.name.strip():
            person = URIRef(f"{self.base}person/{_key(s.name)}")
            self._add(person, RDF.type, FOAF.Person)
            self._add(person, RDFS.label, Literal(s.name))
            self._add(node, VK.signer, person)
        self._add(node, VK.authority, _lit(s.authority))
        self._add(node, VK.onBehalfOf, _lit(s.on_behalf_of))
        if s.on_behalf_of_id:
            self._add(node, VK.signsFor, self._org(s.on_behalf_of or "", s.on_behalf_of_id))
        self._add(node, VK.position, _lit(s.position))
        self._evidence(node, s.span)

    def _responsibility(self, d: URIRef, node: URIRef, r: Responsibility) -> None:
        self._fact(d, VK.responsibility, node, VK.Responsibility)
        self._add(node, VK.actor, self._org(r.actor, r.actor_id))
        self._add(node, VK.actorName, Literal(r.actor))
        self._add(node, VK.role, ROLES.get(r.role))
        self._add(node, VK.task, Literal(r.task))
        ids = r.partner_ids or (None,) * len(r.partners)
        for partner, iri in zip(r.partners, ids, strict=True):
            self._add(node, VK.partner, self._org(partner, iri))
        for frequency in r.recurrences:
            self._add(node, VK.frequency, Literal(frequency))
        self._add(node, VK.deadline, _date(r.deadline))
        self._add(node, VK.reportsTo, _lit(r.reports_to))
        self._evidence(node, r.span)

    def _recipient(self, d: URIRef, node: URIRef, r: Recipient) -> None:
        self._fact(d, VK.recipient, node, VK.Recipient)
        self._add(node, RDFS.label, Literal(r.name))
        self._add(node, VK.purpose, _lit(r.purpose))
        self._evidence(node, r.span)

    def _receipt(self, d: URIRef, node: URIRef, r: Receipt) -> None:
        self._fact(d, VK.receipt, node, VK.Receipt)
        if r.by:
            self._add(node, VK.receivedBy, self._org(r.by, r.by_id))
        self._add(node, VK.receiptNumber, _lit(r.number))
        self._add(node, VK.dateReceived, _date(r.date))
        self._evidence(node, r.span)

    # -- IRIs ----------------------------------------------------------------------------

    def _doc_iri(self, index: int, doc: Document) -> URIRef:
        if doc.id:
            return URIRef(doc.id)
        minted = self._mint(doc.symbol, doc.type, doc.number, doc.date)
        return minted or URIRef(source_iri(self.base, self.src.sha256, index))

    def _target(self, c: Citation) -> URIRef:
        if c.target:
            return URIRef(c.target)
        if c.system == "state":
            return URIRef(state_iri(self.base, c.symbol))
        if c.symbol in self.by_symbol:
            return self.by_symbol[c.symbol]
        minted = self._mint(c.symbol, c.type, c.number, c.date)
        return minted or URIRef(f"{self.facts}doc/{slug(c.symbol)}")

    def _mint(self, symbol: str | None, code: str | None, number: str | None,
              date: str | None) -> URIRef | None:
        """The IRI the resolver would give; only the symbol's issuer suffix is known here."""
        if not (symbol and code and number and "/" in symbol):
            return None
        suffix = symbol.rsplit("/", 1)[1]
        if "-" in suffix:  # 12/KH-UBND: a state document's symbol
            return URIRef(state_iri(self.base, symbol))
        key = issuer_key(suffix, None, is_central(suffix))
        return URIRef(document_iri(self.base, key, code, number, year_of(date)))

    def _without_year(self, iri: URIRef) -> bool:
        """A party document IRI ``doc/{issuer}/{kind}/{number}`` that lacks its year."""
        prefix = f"{self.base}doc/"
        rest = str(iri)[len(prefix):].split("/")
        return str(iri).startswith(prefix) and rest[0] != "source" and len(rest) == 3

    def _ref(self, ref: str | None) -> URIRef | None:
        if not ref:
            return None
        if ref.startswith(("http://", "https://")):
            return URIRef(ref)
        return self.by_symbol.get(ref)

    def _org(self, name: str, iri: str | None) -> URIRef | None:
        """An organization: its resolved IRI, labelled with the name the extractor gave that
        IRI; or, unresolved (a list, a generic body), one scoped to this source."""
        if not (iri or name.strip()):
            return None
        org = URIRef(iri or f"{self.facts}org/{_key(name)}")
        label = Literal(self.extraction.organizations.get(iri or "", name), lang="vi")
        self._add(org, RDF.type, ORG.Organization)
        self._add(org, SKOS.prefLabel, label)
        self._add(org, RDFS.label, label)
        return org

    # -- triples -------------------------------------------------------------------------

    def _fact(self, d: URIRef, link: URIRef, node: URIRef, cls: URIRef) -> URIRef:
        self._add(d, link, node)
        self._add(node, RDF.type, cls)
        return node

    def _evidence(self, node: URIRef, span: Span | None) -> None:
        """Link ``node`` to the words it came from; a span ``(0, 0)`` or ``None`` is unknown."""
        if not span or span[1] <= span[0]:
            return
        start, end = span
        selector = URIRef(f"{self.facts}span/{start}-{end}")
        self._add(node, VK.evidence, selector)
        self._add(selector, RDF.type, OA.TextPositionSelector)
        self._add(selector, OA.start, Literal(start))
        self._add(selector, OA.end, Literal(end))
        self._add(selector, VK.inSource, self.source)
        if end - start <= MAX_EXACT and end <= len(self.src.text):
            self._add(selector, RDF.type, OA.TextQuoteSelector)
            self._add(selector, OA.exact, Literal(self.src.text[start:end]))

    def _add(self, s: URIRef, p: URIRef | None, o: URIRef | Literal | None) -> None:
        """Add a triple unless its predicate or object is missing."""
        if p is not None and o is not None:
            self.triples.add((s, p, o))


def _key(name: str) -> str:
    """The slug of a name, or a digest of it when it has no letters or digits to slug."""
    return slug(name) or hashlib.sha256(name.encode()).hexdigest()[:16]


def _lit(value: str | None, lang: str | None = None) -> Literal | None:
    return Literal(value, lang=lang) if value else None


def _date(value: str | None) -> Literal | None:
    """An ``xsd:date``, kept as written when ill-formed so that validation reports it."""
    return Literal(value, datatype=XSD.date) if value else None

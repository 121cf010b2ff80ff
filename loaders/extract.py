"""Stage 2: :class:`Source` → :class:`Extraction` (documents with spans).

clean → split → per document: header, citations, named references, duties, signature,
recipients → link cover letters to what they forward → identity (IRIs of documents, then of
every body named, in the document's context). Spans point into
``Source.text`` as read.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from .citation import (
    find_mentions,
    find_named,
    find_short_forms,
    implemented_by_subject,
    merge_mentions,
)
from .clean import CleanText, clean_text, fold
from .duty import find_duties
from .header import find_header
from .kinds import canonical_name, code_for_name
from .model import Document, Extraction, NamedReference, OrgRef, Receipt, Source, Warning
from .organizations import (
    committee_of,
    committee_slug,
    complete_from,
    parent_of,
    resolve_org,
    title_case,
    within,
)
from .pagemeta import PageMeta, find_page_meta
from .places import OrgContext, find_context, with_place_of
from .read import read_source
from .recipients import find_recipients
from .resolve import APPENDIX, amend, assign_ids
from .signature import find_signature
from .split import Part, content_end, link_cover_letters, mark_lone_letters, split_parts

DEFAULT_BASE = "https://w3id.org/vankien/"
_CENTRAL_SIGNERS = ("BỘ CHÍNH TRỊ", "BAN BÍ THƯ")
_FOR_A_BODY = ("T/M", "T/L")  # on behalf of, by order of a body; K/T and T/UQ sign for a post


def extract_file(path: str | Path, *, base: str = DEFAULT_BASE, ocr: bool = False) -> Extraction:
    """Read and extract one file; ``ocr`` lets scanned PDF pages be read with Tesseract."""
    return extract(read_source(path, ocr=ocr), base=base)


def extract(source: Source, *, base: str = DEFAULT_BASE) -> Extraction:
    """Find the documents in ``source``, their headers, citations and duties.

    What the reader had to guess (``Source.warnings``) comes first among the warnings.
    """
    ct = clean_text(source.text)
    whole = find_context(ct.text)
    warnings = [Warning("read", message) for message in source.warnings]
    docs, contexts = [], []
    parts = split_parts(ct.text)
    for part in parts:
        ctx = _context(ct.text[part.start:part.end], whole) if len(parts) > 1 else whole
        doc = _document(ct, part, ctx, base, warnings)
        docs.append(doc)
        contexts.append(with_place_of(ctx, doc.issuer))
    link_cover_letters(docs, warnings)
    mark_lone_letters(docs)
    assign_ids(docs, contexts, source.sha256, base, warnings, committee_slug)
    bodies = _Bodies(base)
    for doc, ctx in zip(docs, contexts, strict=True):
        own = replace(ctx, committee=committee_of(doc.issuer)) if doc.issuer else ctx
        _duties(source.text, doc, warnings)
        _name_bodies(doc, own, bodies)
    return Extraction(source, docs, warnings, bodies.names)


def _context(text: str, whole: OrgContext) -> OrgContext:
    own = find_context(text)
    return OrgContext(own.province or whole.province, own.bloc or whole.bloc)


def _document(ct: CleanText, part: Part, ctx: OrgContext, base: str,
              warnings: list[Warning]) -> Document:
    text, s, e = ct.text, part.start, part.end
    head = find_header(text, s, e)
    if head.start is not None and (head.symbol_span or head.date_span or head.block):
        s, e = head.start, content_end(text, head.start, e)  # not the page text around it
    doc = Document(type=head.code, type_name=head.type_name, symbol=head.symbol,
                   number=head.number, date=head.date, place=head.place,
                   subject=head.subject, addressees=head.addressees, span=_part_span(ct, s, e))
    doc.issuer, doc.issuer_parent = _issuer(head.block, head.title_issuer, text[s:e], ctx, base)
    if part.appendix:
        doc.type_name, doc.appendix_of = doc.type_name or "Phụ lục", APPENDIX
    elif part.start == 0:
        _fill_from_page(doc, find_page_meta(text, 0, part.end), ct, ctx, base, warnings)
    doc.received = [Receipt(by, n, d, ct.span(*sp)) for by, n, d, sp in head.stamps]
    if head.symbol_damaged and head.symbol_span:
        warnings.append(Warning("symbol-damaged", "the document's own number cannot be read",
                                ct.span(*head.symbol_span)))
    if head.unknown_kind and not head.symbol_span:
        code, span = head.unknown_kind
        warnings.append(Warning("kind-unknown", f"'{code}' is not the code of a kind of party "
                                "document", ct.span(*span)))
    if head.kind_conflict and head.symbol_span:
        warnings.append(Warning("conflicting-kind", f"the title says {head.type_name}, the "
                                f"symbol's code says {head.code}", ct.span(*head.symbol_span)))
    if head.date_invalid and head.date_span:
        warnings.append(Warning("date-invalid", "the date of issue is not a real date",
                                ct.span(*head.date_span)))
    own = head.symbol_span
    mentions = [m for m in find_mentions(text, s, e)
                if not (own and own[0] <= m.span[0] < own[1] + 1) and m.symbol != doc.symbol]
    shorts = find_short_forms(text, s, e, mentions)
    doc.citations = implemented_by_subject(merge_mentions(mentions, shorts, ct, warnings),
                                           doc.subject)
    doc.named_references = [NamedReference(t, ct.span(*sp)) for t, sp in find_named(text, s, e)]
    return doc


def _part_span(ct: CleanText, start: int, end: int) -> tuple[int, int]:
    """A part's span in the source; the first starts at 0 and the last ends at the end."""
    a, b = ct.span(start, end)
    return (0 if start == 0 else a, ct.source_length if end == len(ct.text) else b)


def _fill_from_page(doc: Document, meta: PageMeta, ct: CleanText, ctx: OrgContext, base: str,
                    warnings: list[Warning]) -> None:
    """Fill what the header leaves out from the page's metadata table, and say so."""
    filled = []
    if doc.symbol is None and meta.symbol and (found := find_mentions(meta.symbol, 0, 80)):
        m = found[0]
        doc.symbol, doc.number, doc.type = m.symbol, m.number, doc.type or m.code
        filled.append("symbol")
    if doc.type_name is None and meta.kind and code_for_name(meta.kind):
        doc.type_name, doc.type = canonical_name(meta.kind), doc.type or code_for_name(meta.kind)
        filled.append("kind")
    if doc.date is None and meta.date:
        doc.date = meta.date
        filled.append("date")
    if doc.issuer is None and meta.issuer:
        doc.issuer = resolve_org(meta.issuer, ctx, base=base)
        filled.append("issuer")
    if filled and meta.span:
        warnings.append(Warning("header-from-page-metadata", "read from the web page's "
                                f"metadata table: {', '.join(filled)}", ct.span(*meta.span)))


def _issuer(block: list[str], title_issuer: str | None, text: str, ctx: OrgContext,
            base: str) -> tuple[OrgRef | None, OrgRef | None]:
    """The issuing body and the body above it, from the title, the block and the signature.

    The block gives the higher body first; a central document's block only says
    ``BAN CHẤP HÀNH TRUNG ƯƠNG``, and the title or the signature (``T/M BỘ CHÍNH TRỊ``) says
    which body issued it.
    """
    names = [title_case(b) for b in block]
    orgs = [resolve_org(n, ctx, base=base) for n in names]
    if len(orgs) == 2:  # ĐẢNG BỘ TỈNH AN LẠC / TỈNH ỦY: the lower line is relative to the upper
        orgs[1] = within(complete_from(names[1], names[:1]), orgs[0], ctx, base=base)
    issuer = None
    if title_issuer:
        named = complete_from(title_case(title_issuer), [o.name for o in orgs])
        issuer = resolve_org(named, ctx, base=base)
    if issuer is None and orgs:
        issuer = orgs.pop()
    if issuer is None:
        return None, None
    if issuer.id and issuer.id.endswith("/ban-chap-hanh-trung-uong"):
        upper = text.upper()
        signer = next((b for b in _CENTRAL_SIGNERS if f"T/M {b}" in upper), None)
        if signer:
            orgs, issuer = [issuer], resolve_org(title_case(signer), ctx, base=base)
    parent = orgs[-1] if orgs else parent_of(issuer, ctx, base=base)
    if parent and parent.name == issuer.name:
        parent = parent_of(issuer, ctx, base=base)
    return issuer, parent


def _duties(text: str, doc: Document, warnings: list[Warning]) -> None:
    start, end = doc.span
    doc.responsibilities, doc.recurrences, doc.deadlines, warns = find_duties(
        text, start, end, doc.date)
    warnings.extend(warns)
    doc.signer = find_signature(text, start, end)
    doc.recipients = find_recipients(text, start, end)


class _Bodies:
    """Resolves the bodies a source names and remembers the name each IRI stands for."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.names: dict[str, str] = {}

    def id(self, name: str | None, ctx: OrgContext) -> str | None:
        """The IRI of the body ``name`` in ``ctx``; None for a list or a generic body."""
        return self.add(resolve_org(name, ctx, base=self.base)) if name else None

    def add(self, org: OrgRef | None) -> str | None:
        """Remember ``org``'s name for its IRI (the first name given wins); its IRI."""
        if org and org.id:
            self.names.setdefault(org.id, org.name)
        return org.id if org else None


def _name_bodies(doc: Document, ctx: OrgContext, bodies: _Bodies) -> None:
    """IRIs of the bodies a document names as text: issuers of what it cites, actors and
    partners of its duties, receiving offices, the body its signer signs for."""
    bodies.add(doc.issuer)
    bodies.add(doc.issuer_parent)
    doc.citations = [amend(c, issuer_id=bodies.id(c.issuer, ctx)) for c in doc.citations]
    doc.responsibilities = [
        amend(r, actor_id=bodies.id(r.actor, ctx),
                partner_ids=tuple(bodies.id(p, ctx) for p in r.partners))
        for r in doc.responsibilities]
    doc.received = [replace(r, by_id=bodies.id(r.by, ctx)) for r in doc.received]
    signer = doc.signer
    if signer and signer.on_behalf_of and signer.authority in _FOR_A_BODY:
        own = _is_issuer(signer.on_behalf_of, doc.issuer)
        doc.signer = replace(signer, on_behalf_of_id=bodies.add(doc.issuer) if own
                             else bodies.id(signer.on_behalf_of, ctx))


def _is_issuer(name: str, issuer: OrgRef | None) -> bool:
    """'T/M BAN CHỈ ĐẠO' signs for the issuer 'Ban Chỉ đạo 35': its name opens the issuer's."""
    if not (issuer and issuer.id):
        return False
    words = fold(name).split()
    return fold(issuer.name).split()[:len(words)] == words


if __name__ == "__main__":
    print(json.dumps(extract_file(sys.argv[1]).to_json(), ensure_ascii=False))

"""The plain data passed between the pipeline's stages.

read → :class:`Source`; extract → :class:`Extraction` holding :class:`Document` records;
every record carries the ``span`` (``start, end`` offsets into ``Source.text``) it came from.
``to_json`` gives the contract of ``docs/extract-json.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Source:
    """A file as read: its decoded text and where it came from.

    ``format`` is what the bytes are (txt, md, docx, pdf, html), whatever the name says;
    ``encoding`` the codec of a text file or web page (utf-8, cp1258, tcvn3, vni …), None
    for .docx and .pdf; ``warnings`` what the reader had to guess or convert.
    """

    path: str
    sha256: str
    format: str
    text: str = field(repr=False)
    encoding: str | None = "utf-8"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgRef:
    """A body named in a document (cơ quan, tổ chức), resolved to an IRI where possible."""

    name: str
    id: str | None = None


@dataclass(frozen=True)
class Citation:
    """A document cited by number (trích dẫn văn bản), e.g. ``Nghị quyết số 35-NQ/TW``."""

    symbol: str
    type: str | None
    number: str | None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str = "cites"
    target: str | None = None
    span: Span = (0, 0)
    type_name: str | None = None
    system: str = "party"  # "party" or "state" (Nghị định 136/2025/NĐ-CP …)
    short_forms: tuple[str, ...] = ()  # later mentions by short form ("Nghị quyết 02")
    year: int | None = None  # the year the citation gives, even without a full date ("năm 2025")
    issuer_id: str | None = None  # IRI of the issuer, None for a list or a generic body


@dataclass(frozen=True)
class NamedReference:
    """A document referred to by name, without a number (``Nghị quyết Đại hội XIII``)."""

    text: str
    span: Span = (0, 0)


@dataclass(frozen=True)
class Recurrence:
    """A duty that repeats (định kỳ): yearly, semiannual, quarterly, monthly, periodic, term."""

    frequency: str
    text: str
    span: Span = (0, 0)


@dataclass(frozen=True)
class Deadline:
    """A time limit (thời hạn): an absolute date, or a relative one kept as written."""

    date: str | None
    text: str
    span: Span = (0, 0)


@dataclass(frozen=True)
class Responsibility:
    """Who must do what (phân công): actor, role lead/coordinate/advise/execute, task."""

    actor: str
    role: str
    task: str
    partners: tuple[str, ...] = ()
    recurrences: tuple[str, ...] = ()
    deadline: str | None = None
    reports_to: str | None = None
    span: Span = (0, 0)
    actor_id: str | None = None
    partner_ids: tuple[str | None, ...] = ()  # IRI of each partner, None where unresolved


@dataclass(frozen=True)
class Signature:
    """The signature block (thể thức ký): authority T/M, K/T, T/L, T/UQ, position, name."""

    name: str | None = None
    authority: str | None = None
    on_behalf_of: str | None = None
    position: str | None = None
    span: Span = (0, 0)
    on_behalf_of_id: str | None = None


@dataclass(frozen=True)
class Recipient:
    """One line of 'Nơi nhận' and its purpose (báo cáo, thực hiện, lưu …)."""

    name: str
    purpose: str | None = None
    span: Span = (0, 0)


@dataclass(frozen=True)
class Receipt:
    """An incoming stamp (VĂN BẢN ĐẾN): the receiving body, its number and date."""

    by: str | None
    number: str | None
    date: str | None
    span: Span = (0, 0)
    by_id: str | None = None


@dataclass(frozen=True)
class Warning:
    """Something a reader should check: a conflict, a guess not taken, a missing owner."""

    code: str
    message: str
    span: Span | None = None


@dataclass
class Document:
    """One document (văn bản) found in a source, with everything extracted from it."""

    type: str | None = None
    type_name: str | None = None
    symbol: str | None = None
    number: str | None = None
    date: str | None = None
    place: str | None = None
    issuer: OrgRef | None = None
    issuer_parent: OrgRef | None = None
    subject: str | None = None
    addressees: list[str] = field(default_factory=list)
    signer: Signature | None = None
    recipients: list[Recipient] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    named_references: list[NamedReference] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    received: list[Receipt] = field(default_factory=list)
    forwards: str | None = None
    forwarded_by: str | None = None
    appendix_of: str | None = None  # IRI of the document this part is an appendix (phụ lục) of
    id: str | None = None
    span: Span = (0, 0)

    def __repr__(self) -> str:
        kind = self.type_name or self.type
        return f"<Document {kind} {self.symbol or '(no number)'} {self.date}>"


@dataclass
class Extraction:
    """What the extractor found in one source; ``organizations`` names each body's IRI."""

    source: Source
    documents: list[Document] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    organizations: dict[str, str] = field(default_factory=dict)  # IRI → the body's name

    def to_json(self) -> dict[str, Any]:
        """The ``vankien extract --json`` object (see docs/extract-json.md)."""
        src = self.source
        return {
            "source": {"path": src.path, "sha256": src.sha256, "format": src.format},
            "documents": [_plain(d) for d in self.documents],
            "warnings": [_plain(w) for w in self.warnings],
            "organizations": dict(sorted(self.organizations.items())),
        }


def _plain(record: Any) -> Any:
    """A record as JSON-ready dicts and lists (tuples become lists)."""
    return _lists(asdict(record))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value

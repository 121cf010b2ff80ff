"""Splitting one source into its documents (tách văn bản).

A source may hold a cover letter (công văn) and the document it forwards, or a document and
its appendix (phụ lục). A new document starts where a header element (a kind title, a
``Số …`` line, the motto, an issuer line, ``PHỤ LỤC``) follows the end of the previous one
(its ``Nơi nhận`` list or its signature block). Works on cleaned text.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from .header import Line, is_motto, is_upper, lines, of_line, symbol_line, title_kind
from .kinds import alternation, words
from .model import Citation, Document, Warning
from .organizations import block_head_pattern

_END = re.compile(r"^(?:N[ơo]i\s+nh[ậa]n\b|(?:T/M|K/T|T/L|T/UQ|TM\.|KT\.|TL\.)\s)", re.IGNORECASE)
_APPENDIX = re.compile(r"^(?:PH[ỤU] L[ỤU]C|Phụ lục)(?:\s+(?:số\s+)?[0-9IVX]+[.:]?)?"
                       r"(?:\s*$|\s+[A-ZĐ(])")
_ATTACHED = re.compile(r"^\(?\s*(?:[Bb]an hành\s+)?[Kk]èm theo\b")
_FORWARDING = re.compile(r"(?i:" + alternation(words("forwarding")) + r")\b")
_LETTER = re.compile(r"\bV/v\b|-\s*CV\s*/|CÔNG VĂN", re.IGNORECASE)
MIN_BODY = 200
_CHROME = re.compile(r"^(?i:" + alternation(words("page_chrome")) + r")\b")
_FOOTNOTE = re.compile(r"^(?:\[\d{1,3}\]|\^?\(\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹]+)")
_SIGNATURE_WIDTH = 80  # lines after Nơi nhận that are longer are page text, not the document


@dataclass(frozen=True)
class Part:
    """A stretch of the text that holds one document (clean offsets)."""

    start: int
    end: int
    appendix: bool = False  # a phụ lục, or a document issued with the one before it


def split_parts(text: str) -> list[Part]:
    """The documents in ``text``, in order; the whole text when it holds one."""
    starts: list[tuple[int, bool]] = [(0, False)]
    all_lines = lines(text, 0, len(text))
    ended = False
    for i, line in enumerate(all_lines):
        if _END.match(line.text) and line.start - starts[-1][0] > MIN_BODY:
            ended = True
        elif ended and _starts_document(all_lines, i, text[starts[-1][0]:line.start]):
            starts.append((_cluster_start(all_lines, i), _is_attached(all_lines, i)))
            ended = False
    ends = [s for s, _ in starts[1:]] + [len(text)]
    return [Part(s, e, app) for (s, app), e in zip(starts, ends, strict=True)]


def content_end(text: str, start: int, end: int) -> int:
    """Where the document in ``text[start:end]`` ends: after its last ``Nơi nhận`` list or
    signature block, before whatever page text follows; ``end`` when it has neither."""
    part = lines(text, start, end)
    last = max((i for i, ln in enumerate(part) if _END.match(ln.text)), default=None)
    if last is None:
        return end
    stop = part[last].end
    for i, ln in enumerate(part[last + 1:], start=last + 1):
        if _FOOTNOTE.match(ln.text) or _is_appendix(part, i) or _ATTACHED.match(ln.text):
            return end  # footnotes or an appendix follow the signature: still the document
        if _CHROME.match(ln.text) or (
                len(ln.text) > _SIGNATURE_WIDTH and not ln.text.startswith(("-", "+", "•"))):
            return stop  # page text: a related-articles heading, or a paragraph
        stop = max(stop, ln.end)
    return end


def _is_appendix(all_lines: list[Line], i: int) -> bool:
    """A ``PHỤ LỤC`` title, also when a line break falls inside it (``Phụ`` / ``lục 01``)."""
    text = all_lines[i].text
    if len(text) <= 4 and i + 1 < len(all_lines):
        text = f"{text} {all_lines[i + 1].text}"
    return bool(_APPENDIX.match(text))


def _starts_document(all_lines: list[Line], i: int, previous: str) -> bool:
    """A header element that opens a new document after the end of the previous one.

    A bare kind title (``THÔNG BÁO`` over a lower-case line) opens one only after a cover
    letter: elsewhere it is as likely a heading of the page around the document.
    """
    text = all_lines[i].text
    if symbol_line(text) or is_motto(text) or _is_appendix(all_lines, i):
        return True
    if not (m := title_kind(text)):
        return False
    following = [ln.text for ln in all_lines[i + 1:i + 8] if ln.text]
    return bool(m["issuer"] or (following and of_line(following[0]))
                or any(_ATTACHED.match(t) for t in following) or _LETTER.search(previous[:1500]))


def _is_attached(all_lines: list[Line], i: int) -> bool:
    """An appendix, or a document issued with the one before it (``Ban hành kèm theo …``)."""
    following = [ln.text for ln in all_lines[i + 1:i + 8] if ln.text]
    return _is_appendix(all_lines, i) or any(_ATTACHED.match(t) for t in following)


def _cluster_start(all_lines: list[Line], i: int) -> int:
    """Step back over the issuer lines and blanks that belong to the new header."""
    start = all_lines[i].start
    for line in reversed(all_lines[max(0, i - 8):i]):
        t = line.text.strip(" *_-")
        if not t:
            continue
        if not (is_upper(t) and (block_head_pattern().match(t) or is_motto(t))):
            break
        start = line.start
    return _line_start_after_previous(all_lines, start)


def _line_start_after_previous(all_lines: list[Line], start: int) -> int:
    """Move the start back to just after the last non-blank line before it."""
    prev = [ln for ln in all_lines if ln.end <= start and ln.text.strip(" *_-")]
    return prev[-1].end if prev else start


def link_cover_letters(docs: list[Document], warnings: list[Warning]) -> None:
    """Tie each cover letter to the document after it that it cites, and fill gaps from it.

    The forwarded document's number or date, when its own header lacks them, come from the
    letter (with a warning saying so); what the letter says against it becomes a warning.
    """
    for letter, doc in itertools.pairwise(docs):
        if doc.appendix_of:
            continue
        cited = _forwarded(letter, doc)
        if cited is None:
            continue
        i = letter.citations.index(cited)
        letter.citations[i] = dataclasses.replace(cited, relation="forwards")
        letter.forwards, doc.forwarded_by = cited.symbol, letter.symbol
        if doc.symbol and doc.symbol != cited.symbol:
            warnings.append(Warning("conflicting-symbol", f"the cover letter forwards "
                                    f"{cited.symbol}, the document says {doc.symbol}", cited.span))
        if doc.symbol is None:
            doc.symbol, doc.number, doc.type = cited.symbol, cited.number, cited.type
            warnings.append(Warning("symbol-from-cover-letter", f"{cited.symbol} is read from "
                                    f"the cover letter {letter.symbol or ''}".strip(), cited.span))
        if doc.date is None and cited.date:
            doc.date = cited.date
            warnings.append(Warning("date-from-cover-letter", f"{cited.symbol}'s date "
                                    f"{cited.date} is read from the cover letter", cited.span))
        elif cited.date and doc.date != cited.date:
            warnings.append(Warning("conflicting-date", f"the cover letter dates {cited.symbol} "
                                    f"{cited.date}, the document itself {doc.date}", cited.span))
        for other in letter.citations:
            same_kind = other.type == cited.type and other.system == "party"
            if same_kind and other.symbol != cited.symbol:
                warnings.append(Warning(
                    "conflicting-symbol", f"the cover letter forwards {cited.symbol} but also "
                    f"names {other.symbol} of the same kind", other.span))
                if other.date and doc.date and other.date != doc.date:
                    warnings.append(Warning(
                        "conflicting-date", f"the cover letter dates {other.symbol} "
                        f"{other.date}; {cited.symbol} is dated {doc.date}", other.span))


def mark_lone_letters(docs: list[Document]) -> None:
    """A cover letter alone in its source (``V/v sao gửi Kết luận số …``) still forwards the
    one document its subject names, though that document is not in the source."""
    for letter in docs:
        if letter.type != "CV" or letter.forwards or not letter.subject:
            continue
        named = [c for c in letter.citations if c.system == "party" and c.symbol in letter.subject]
        if len(named) == 1 and _FORWARDING.match(letter.subject):
            i = letter.citations.index(named[0])
            letter.citations[i] = dataclasses.replace(named[0], relation="forwards")
            letter.forwards = named[0].symbol


def _forwarded(letter: Document, doc: Document) -> Citation | None:
    """The letter's citation of ``doc``: same symbol, else the first of the same kind."""
    party = [c for c in letter.citations if c.system == "party"]
    same = [c for c in party if doc.symbol and c.symbol == doc.symbol]
    if same:
        return same[0]
    kind = [c for c in party if doc.type and c.type == doc.type]
    return kind[0] if kind else None

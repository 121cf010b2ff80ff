"""What makes a source unfit for the store: its own header states something impossible.

``vankien extract`` shows these as warnings; ``vankien ingest`` refuses the file with one
line naming the reason, so the archive never holds a document dated 31/02/2020 or numbered
'AB'. A number recovered from a cover letter is no longer a reason.
"""

from __future__ import annotations

from .errors import ExtractError
from .model import Extraction

#: Warning codes that make a source unfit, with the reason given to the user.
UNFIT = {
    "date-invalid": "the date of issue is not a real date",
    "kind-unknown": "the symbol's kind code is not a kind of party document",
}


def check_fit(extraction: Extraction) -> None:
    """Raise :class:`ExtractError` naming the first reason ``extraction`` is unfit to store."""
    path = extraction.source.path
    text = extraction.source.text
    for w in extraction.warnings:
        if w.code in UNFIT:
            raise ExtractError(path, f"{UNFIT[w.code]}{_quote(text, w.span)}")
    recovered = any(w.code == "symbol-from-cover-letter" for w in extraction.warnings)
    for w in extraction.warnings:
        if w.code == "symbol-damaged" and not recovered:
            raise ExtractError(path, f"the document's number cannot be read{_quote(text, w.span)}")


def _quote(text: str, span: tuple[int, int] | None) -> str:
    return f": '{' '.join(text[span[0]:span[1]].split())}'" if span else ""

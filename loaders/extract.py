"""Stage 2: :class:`Source` → :class:`Extraction` (documents with spans).

A first, deliberately small extractor: the kind and symbol of each document and the
party documents it cites. Header, splitting and identity rules grow in their own modules.
"""

from __future__ import annotations

import re
from pathlib import Path

from .duty import find_duties
from .model import Citation, Document, Extraction, Source
from .read import read_source
from .recipients import find_recipients
from .signature import find_signature

DEFAULT_BASE = "https://w3id.org/vankien/"

KINDS = {
    "NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "QĐ": "Quyết định",
    "HD": "Hướng dẫn", "KH": "Kế hoạch", "TB": "Thông báo", "BC": "Báo cáo",
    "CV": "Công văn", "QC": "Quy chế", "CTr": "Chương trình", "TTr": "Tờ trình",
    "ĐA": "Đề án", "TT": "Thông tri",
}
_SYMBOL = re.compile(r"(?P<number>\d+)\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐ]*)/(?P<issuer>[A-ZĐ]+)")


def extract_file(path: str | Path, *, base: str = DEFAULT_BASE) -> Extraction:
    """Read and extract one file."""
    return extract(read_source(path), base=base)


def extract(source: Source, *, base: str = DEFAULT_BASE) -> Extraction:
    """Find the documents in ``source`` and what each one cites."""
    text = source.text
    doc = Document(span=(0, len(text)))
    head = _SYMBOL.search(text, 0, min(len(text), 600))
    if head:
        doc.symbol = _symbol(head)
        doc.number, doc.type = head["number"], head["type"]
        doc.type_name = KINDS.get(doc.type)
    for m in _SYMBOL.finditer(text):
        if head and m.start() == head.start():
            continue
        doc.citations.append(Citation(
            symbol=_symbol(m), type=m["type"], number=m["number"],
            type_name=KINDS.get(m["type"]), span=(m.start(), m.end()),
        ))
    doc.responsibilities, doc.recurrences, doc.deadlines, warnings = find_duties(
        text, 0, len(text), doc.date)
    doc.signer = find_signature(text, 0, len(text))
    doc.recipients = find_recipients(text, 0, len(text))
    return Extraction(source, [doc], warnings)


def _symbol(m: re.Match[str]) -> str:
    return f"{m['number']}-{m['type']}/{m['issuer']}"

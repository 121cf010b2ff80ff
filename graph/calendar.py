"""Recurring duties and deadlines as an iCalendar file (RFC 5545) a calendar app imports.

A deadline is an all-day event on its date. A recurring duty repeats from the date of the
document that sets it (``RRULE``): yearly, semiannual (every 6 months), quarterly, monthly,
term (every 5 years). A duty that is only "periodic", or has no date to start from, has no
place on a calendar and is left out. A duty is named after its body as the store resolved
it (``skos:prefLabel``), else as the document wrote it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from .ntriples import fold

if TYPE_CHECKING:
    from .store import Backend

RRULES = {
    "yearly": "FREQ=YEARLY", "semiannual": "FREQ=MONTHLY;INTERVAL=6",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3", "monthly": "FREQ=MONTHLY",
    "term": "FREQ=YEARLY;INTERVAL=5",
}
QUERY = """PREFIX vk: <https://w3id.org/vankien/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?duty ?docSymbol ?date ?body ?actorName ?task ?frequency ?deadline WHERE {
  {
    ?document vk:responsibility ?duty . ?duty vk:task ?task .
    OPTIONAL { ?duty vk:actor/skos:prefLabel ?body }
    OPTIONAL { ?duty vk:actorName ?actorName }
    OPTIONAL { ?duty vk:frequency ?frequency }
    OPTIONAL { ?duty vk:deadline ?deadline }
  } UNION {
    ?document vk:recurrence ?duty . ?duty vk:frequency ?frequency ; vk:text ?task .
  } UNION {
    ?document vk:deadline|vk:hasDeadline ?duty . ?duty vk:dueDate ?deadline ; vk:text ?task .
  }
  OPTIONAL { ?document vk:symbol ?docSymbol }
  OPTIONAL { ?document vk:dateIssued ?date }
}
ORDER BY ?date ?docSymbol ?duty ?body"""


@dataclass(frozen=True)
class Event:
    """One calendar entry: a dated deadline, or a duty repeating from a date."""

    uid: str
    start: date
    summary: str
    description: str
    rrule: str | None = None


def duty_events(store: Backend, actor: str | None = None) -> list[Event]:
    """The duties that can be dated; of ``actor`` only, when given: a part of the body's
    name, resolved or as written, in any case and with or without accents."""
    events: dict[str, Event] = {}  # by UID: a body with two names gives its first once
    for duty, symbol, issued, body, written, task, frequency, deadline in store.select(QUERY).rows:
        names = [n.value for n in (body, written) if n]
        if actor and not any(fold(actor) in fold(n) for n in names):
            continue
        text = f"{names[0]}: {task.value}" if names else task.value
        source = symbol.value if symbol else "?"
        about = f"{text}\n{source}" + (f" ({issued.value})" if issued else "")
        due = _date(deadline.value) if deadline else None
        if due:
            uid = _uid(duty.value, f"due/{due}")
            events.setdefault(uid, Event(uid, due, _short(text), about))
        rule = RRULES.get(frequency.value) if frequency else None
        start = _date(issued.value) if issued else None
        if rule and start:
            uid = _uid(duty.value, f"every/{frequency.value}")  # type: ignore[union-attr]
            events.setdefault(uid, Event(uid, start, _short(text), about, rule))
    return list(events.values())


def to_ics(events: list[Event], now: datetime | None = None) -> str:
    """The events as an iCalendar document (CRLF lines, folded at 75 octets)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vankien//duties//EN",
             "CALSCALE:GREGORIAN"]
    for e in events:
        lines += ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{e.start:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{e.start + timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape(e.summary)}", f"DESCRIPTION:{escape(e.description)}"]
        lines += [f"RRULE:{e.rrule}"] if e.rrule else []
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold_line(line: str, limit: int = 75) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(current)
            current, size = "", 1  # a continuation line starts with a space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _uid(iri: str, kind: str) -> str:
    return f"{hashlib.sha1(f'{iri}#{kind}'.encode()).hexdigest()[:20]}@vankien"


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

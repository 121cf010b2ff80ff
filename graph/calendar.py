"""Recurring duties and deadlines as an iCalendar file (RFC 5545) a calendar app imports.

A deadline is an all-day event on its date. A recurring duty repeats from the date of the
document that sets it (``RRULE``): yearly, semiannual (every 6 months), quarterly, monthly,
term (every 5 years). A duty that is only "periodic", or has no date to start from, has no
place on a calendar and is left out.
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
SELECT DISTINCT ?duty ?docSymbol ?date ?actorName ?task ?frequency ?deadline WHERE {
  {
    ?document vk:responsibility ?duty . ?duty vk:task ?task .
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
ORDER BY ?date ?docSymbol ?duty"""


@dataclass(frozen=True)
class Event:
    """One calendar entry: a dated deadline, or a duty repeating from a date."""

    uid: str
    start: date
    summary: str
    description: str
    rrule: str | None = None


def duty_events(store: Backend, actor: str | None = None) -> list[Event]:
    """The duties (of ``actor``: a part of its name, any case or accents) that can be dated."""
    events = []
    for duty, symbol, issued, name, task, frequency, deadline in store.select(QUERY).rows:
        if actor and not (name and fold(actor) in fold(name.value)):
            continue
        who = f"{name.value}: " if name else ""
        source = f"{symbol.value if symbol else '?'}" + (f" ({issued.value})" if issued else "")
        text = f"{who}{task.value}"
        if deadline and _date(deadline.value):
            events.append(Event(_uid(duty.value, "due"), _date(deadline.value),  # type: ignore[arg-type]
                                _short(text), f"{text}\n{source}"))
        rule = RRULES.get(frequency.value) if frequency else None
        if rule and issued and _date(issued.value):
            events.append(Event(_uid(duty.value, "every"), _date(issued.value),  # type: ignore[arg-type]
                                _short(text), f"{text}\n{source}", rule))
    return events


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

"""Duties in time: recurrences (định kỳ: hằng năm, 6 tháng, hằng quý …) and deadlines.

Deadlines are read as the last day they allow: 'trong quý I/2023' → 2023-03-31,
'trước ngày 30/6/2023' → 2023-06-30, 'đến năm 2025' → 2025-12-31, 'trước quý III/2023'
→ 2023-06-30. 'Trong 30 ngày kể từ ngày ký' resolves against the issue date when it is
known; otherwise, or when counted in working days, the date stays null and the text keeps
the relative limit.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache, lru_cache

from .kinds import trie_pattern
from .model import Deadline, Recurrence
from .plain import finditer_at, may_open, same_matches, squash, table, written

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "mười": 10,
            "mười lăm": 15, "hai mươi": 20, "ba mươi": 30, "sáu mươi": 60, "chín mươi": 90}
_NUM = (r"(?P<n>\d{1,3}|mười lăm|hai mươi|ba mươi|sáu mươi|chín mươi"
        r"|một|hai|ba|bốn|năm|sáu|bảy|mười)")
_DAY = (r"(?:(?:thứ\s+\w+|chủ\s+nhật),?\s+)?(?:ngày\s+)?(?P<d>\d{1,2})"
        r"(?:\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
        r"|\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?)")
_BEFORE = (r"(?P<before>trước|chậm\s+nhất(?:\s+(?:là|vào|đến|hết))*|hạn\s+chót(?:\s+là)?"
           r"|thời\s+hạn\s*:?|(?:đến\s+)?hết)")
_WITHIN = r"(?P<within>trong|đến\s+hết|đến\s+cuối|đến|hết|cuối|xong\s+trong|trước)"
_YEAR = re.compile(rf"(?i)\b{_WITHIN}\s+năm\s+(?P<y>\d{{4}})(?![\d/-])")
_CITED_TITLE = re.compile(  # 'Nghị quyết 06-NQ/TW … về', 'Chiến lược … về' before a year
    r"(?:\d+\s*-\s*[A-ZĐ]+/[A-ZĐ]+|\b(?:Nghị quyết|Kết luận|Chỉ thị|Quyết định|Chiến lược|Đề án"
    r"|Quy hoạch|Chương trình)\b)[^.;]*\bvề\b"
)
_PIECE_CUT = re.compile(r"[,;:(]")
_VISION = re.compile(r"(?i),?\s*tầm\s+nhìn")
_PATTERNS = [
    re.compile(rf"(?i)\b{_BEFORE}\s+{_DAY}(?!\d)"),
    re.compile(rf"(?i)\b{_WITHIN}\s+quý\s+(?P<q>iv|iii|ii|i|[1-4])\s*(?:/|năm|-)\s*(?P<y>\d{{4}})"),
    re.compile(rf"(?i)\b{_WITHIN}\s+tháng\s+(?P<m>\d{{1,2}})\s*(?:/|năm)\s*(?P<y>\d{{4}})"),
    _YEAR,
    re.compile(rf"(?i)\b(?:trong|sau)\s+(?:vòng\s+|thời\s+hạn\s+)?{_NUM}\s+(?P<unit>ngày|tuần|tháng)"
               r"(?P<work>\s+làm\s+việc)?,?\s+(?:kể\s+)?từ\s+(?:ngày|khi)\s+"
               r"(?P<anchor>ký(?:\s+ban\s+hành)?|ban\s+hành|nhận\s+được|nhận|\w+)"),
]
# The first words of _PATTERNS.
_OPENINGS = ("trước", "chậm", "hạn", "thời", "đến", "hết", "trong", "cuối", "xong", "sau")


@cache
def _recurrence_words() -> tuple[re.Pattern[str], dict[str, str]]:
    freq = {w: f for f, words in table()["recurrences"].items() for w in words}
    return re.compile(rf"(?i)(?<!\w)(?:{trie_pattern(list(freq))})(?!\w)"), freq


@cache
def _title_words() -> re.Pattern[str]:
    """Any word that names a plan ('quy hoạch', 'chiến lược' …), as a whole word."""
    words = "|".join(re.escape(w) for w in table()["title_words"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


@cache
def _recurrence_openings() -> tuple[str, ...]:
    """The first words of the recurrence words, lower case."""
    return tuple(dict.fromkeys(w.split()[0] for w in _recurrence_words()[1]))


def find_recurrences(plain: str, start: int, end: int) -> list[Recurrence]:
    """Each recurrence word in ``plain[start:end]``, with the clause it governs."""
    found = []
    for at, frequency in _recurrence_words_at(plain, start, end):
        a, b = clause(plain, at, start, end)
        found.append(Recurrence(frequency, written(plain, a, b).rstrip("./"), (a, b)))
    return found


def frequencies(plain: str, start: int, end: int) -> tuple[str, ...]:
    """The frequencies of :func:`find_recurrences`, each once, in order (no clauses read)."""
    return tuple(dict.fromkeys(f for _, f in _recurrence_words_at(plain, start, end)))


def _recurrence_words_at(plain: str, start: int, end: int) -> list[tuple[int, str]]:
    """Where each recurrence word stands, and its frequency ('sau 6 tháng' is none): taken
    from those of the whole text when a scan of the part alone finds the same."""
    starts, ends, words = _whole_text_words(plain)
    part = same_matches(starts, ends, plain, start, end)
    found = words[part] if part else _recurrence_words_in(plain, start, end)
    return [(a, frequency) for a, _, frequency in found if frequency]


@lru_cache(maxsize=8)  # a document's duties each read their own stretch of it
def _whole_text_words(
    plain: str,
) -> tuple[list[int], list[int], list[tuple[int, int, str | None]]]:
    words = _recurrence_words_in(plain, 0, len(plain))
    return [a for a, _, _ in words], [b for _, b, _ in words], words


def _recurrence_words_in(plain: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """``(start, end, frequency)`` of each recurrence word; None for a duration."""
    pattern, freq = _recurrence_words()
    found = []
    for m in finditer_at(pattern, _recurrence_openings(), plain, start, end):
        frequency = freq[squash(m[0]).lower()]
        duration = frequency == "semiannual" and _is_duration(plain, m.start())
        found.append((m.start(), m.end(), None if duration else frequency))
    return found


def _is_duration(plain: str, at: int) -> bool:
    """'sau 6 tháng', 'trong 6 tháng' measure time; they do not repeat."""
    before = plain[max(0, at - 12):at].split()
    return bool(before) and before[-1].lower() in table()["duration_before"]


def find_deadlines(plain: str, start: int, end: int, issued: str | None) -> list[Deadline]:
    """Each deadline phrase in ``plain[start:end]``; ``issued`` resolves 'kể từ ngày ký'."""
    found: dict[int, Deadline] = {}
    if not may_open(_OPENINGS, plain, start, end):
        return []
    for pattern in _PATTERNS:
        for m in finditer_at(pattern, _OPENINGS, plain, start, end):
            if m.start() in found or (pattern is _YEAR and _in_title(plain, m, start)):
                continue
            when = None if _repeats(plain, m, start, end) else _resolve(m, issued)
            found[m.start()] = Deadline(when, written(plain, m.start(), m.end()), m.span())
    return [found[k] for k in sorted(found)]


def time_limit(plain: str, a: int, b: int, issued: str | None) -> str | None:
    """The limit a time label or column gives ('Quý II/2025', 'Tháng 12/2025', 'trước ngày
    30/6/2025'): there a bare period is the deadline, as 'trong Quý II/2025' is in prose."""
    dates = [d.date for d in find_deadlines(plain, a, b, issued) if d.date]
    if not dates:
        value = "trong " + squash(plain[a:b])
        dates = [d.date for d in find_deadlines(value, 0, len(value), issued) if d.date]
    return dates[0] if dates else None


def _repeats(plain: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """'trước ngày 20/6 hằng năm': a day with no year in a recurring clause has no one date."""
    if not m.groupdict().get("d") or m["y"] or m["y2"]:
        return False
    a, b = clause(plain, m.start(), lo, hi)
    return bool(_recurrence_words()[0].search(plain, a, b))


def _in_title(plain: str, m: re.Match[str], floor: int) -> bool:
    """'Quy hoạch … đến năm 2025, tầm nhìn đến năm 2045' names a plan, it sets no limit;
    so does the title of a cited document ('Nghị quyết 06-NQ/TW … về …, … đến năm 2030')."""
    a, _ = clause(plain, m.start(), floor, m.start())
    head = plain[max(a, m.start() - 200):m.start()]
    piece = _PIECE_CUT.split(head[-90:])[-1].lower()
    if _title_words().search(piece):
        return True
    if _VISION.match(plain, m.end(), m.end() + 20):
        return True
    return bool(_CITED_TITLE.search(head))


def _resolve(m: re.Match[str], issued: str | None) -> str | None:
    g = m.groupdict()
    year = g.get("y") or g.get("y2") or (issued[:4] if issued else None)
    before = bool(g.get("before")) or (g.get("within") or "").lower() == "trước"
    try:
        if g.get("d"):
            month = g.get("m") or g.get("m2")
            return date(int(year), int(month), int(g["d"])).isoformat() if year and month else None
        if g.get("q"):
            q = _ROMAN[g["q"].lower()]
            return _period_end(int(year), 3 * q - 2, 3, before)
        if g.get("m"):
            return _period_end(int(year), int(g["m"]), 1, before)
        if g.get("unit"):
            return _relative(g, issued)
        return _period_end(int(year), 1, 12, before) if year else None
    except ValueError:
        return None


def _period_end(year: int, first_month: int, months: int, before: bool) -> str:
    """Last day of a period of ``months`` from ``first_month``; or the day before it."""
    if before:
        return (date(year, first_month, 1) - timedelta(days=1)).isoformat()
    last = first_month + months - 1
    return date(year, last, calendar.monthrange(year, last)[1]).isoformat()


def _relative(g: dict[str, str | None], issued: str | None) -> str | None:
    """'trong 30 ngày kể từ ngày ký' → the issue date + 30 days, when that is known."""
    anchor = (g["anchor"] or "").lower()
    if not issued or g.get("work") or not anchor.startswith(("ký", "ban hành")):
        return None
    raw = (g["n"] or "").lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    start = date.fromisoformat(issued)
    if g["unit"] == "tháng":
        month = start.month - 1 + n
        y, mo = start.year + month // 12, month % 12 + 1
        return date(y, mo, min(start.day, calendar.monthrange(y, mo)[1])).isoformat()
    return (start + timedelta(days=n * (7 if g["unit"] == "tuần" else 1))).isoformat()


# A '.', ';', '!' or '?' before white space, a blank line, or a line break before a list
# marker. It opens with a class, which sre skips ahead to: alternatives that open with
# a class and a literal are tried at every character.
_STOP = re.compile(r"[.;!?\n](?:(?<=[.;!?])(?=\s)|(?<=\n)(?:\s*\n"
                   r"|(?=\s*(?:[-–•+]|\d+[.)/]|[a-zđ][)]|[IVX]+[.-]))))")


def clause(plain: str, at: int, lo: int, hi: int) -> tuple[int, int]:
    """``[start, end)`` of the sentence or ';' clause around ``at`` within ``[lo, hi)``."""
    a = _last_stop(plain, lo, at)
    m = _STOP.search(plain, at, hi)
    b = m.start() if m else hi
    while a < b and plain[a] in " \n\r-–•+:":
        a += 1
    return a, b


def _last_stop(plain: str, lo: int, at: int, width: int = 256) -> int:
    """End of the last stop of ``plain[lo:at]`` (else ``lo``), read back from ``at``.

    A scan may start at any ``s`` after a non-space: no stop spans ``s - 1`` and ``s``
    then, so it finds the stops a scan from ``lo`` finds past ``s``. The first scan
    looks ``width`` characters back, each next one four times as far.
    """
    while True:
        s = at - width
        while s > lo and plain[s - 1].isspace():
            s -= 1
        if s <= lo:
            s = lo
        ends = [m.end() for m in _STOP.finditer(plain, s, at)]
        if ends:
            return ends[-1]
        if s == lo:
            return lo
        width *= 4

"""Responsibilities (phân công): who must do what, with whom, how often, by when.

A document is read block by block (paragraphs and list items). A responsibility starts
where a body is named as the doer: an assignment ('Giao X chủ trì …', 'Đề nghị X …',
'… yêu cầu X …'), a sentence that opens with a body ('Các cấp ủy đảng phối hợp … tăng
cường …'), a heading that names a body ('**2. Ban cán sự đảng UBND tỉnh:** chỉ đạo …',
whose bullets inherit it), or the labels of a plan (see :mod:`.labels`). The items after
'… yêu cầu X … sau:' are X's unless they name a body. The role is lead (chủ trì),
coordinate (phối hợp), advise (tham mưu, giúp) or execute; 'X phối hợp với Y làm Z'
gives X both a coordinate and an execute record. Sentences that follow in the same block
carry on the duty: their recurrences, deadline and 'báo cáo … với X' attach to it.
Nothing after 'Nơi nhận' and the signature counts until a new upper-case title. Work
nobody owns ('task-without-owner') and duties with no time ('duty-without-time') get
warnings of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice

from .bodies import (
    WORD,
    actor_end,
    alternation,
    clean_actor,
    describes,
    flat,
    head_at,
    is_actor,
    partners,
    reports_to,
    split_bodies,
    starts_with,
    strip_span,
    verbs,
)
from .duty_table import table_duties
from .labels import label, label_pattern, labelled_duties
from .model import Deadline, Recurrence, Responsibility, Span, Warning
from .plain import (
    finditer_at,
    is_composed,
    may_open,
    on_composed,
    places,
    squash,
    table,
    view,
    written,
)
from .recipients import authority_at, is_signer_chunk
from .timing import clause, find_deadlines, find_recurrences, frequencies

_MARKER = re.compile(
    r"\s*(?:[-–—•+]|\d{1,2}(?:\.\d{1,2})*[.)/]|[a-zđ][)]|\((?:\d{1,2}|[a-zđ])\)"
    r"|[IVX]{1,4}\s*[.\-–/])\s*"
)
_BLOCK_START = re.compile(
    r"\n\s*\n|\n(?=\s*(?:[-–—•+]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|\(\d{1,2}\)|[IVX]{1,4}\s*[.\-–]))"
)
_SENTENCE = re.compile(r"(?<=[^\s.][.!?;])\s+(?=[^\W\d_])|(?<=\./\.)\s*")
_RECIPIENTS = re.compile(r"(?i)\s*nơi\s+nhận\s*:")
_FOR = re.compile(r"(?i)(?:đối\s+với|trách\s+nhiệm\s+của|nhiệm\s+vụ\s+của)\s+")
_DATED = re.compile(r"(?i)ngày\s+\d")
_HEAD = re.compile(r"([^:\n]{3,160}?)\s*:(?!\d)")
_OBLIGATION = re.compile(r"(?i)^(?:cần\s+phải|cần|phải|và)\s+")
_SECTION = re.compile(r"(?i)tổ\s+chức\s+thực\s+hiện\s*:?\s*$")
_SOME_LOWER = "nhtcgiaouv"  # lower-case letters, the most frequent in Vietnamese first


@dataclass
class _Block:
    """A paragraph or list item: its span, marker, and the heading-actor it names."""

    start: int
    end: int
    listed: bool
    opening: int  # where the text after a list marker begins
    body: int = 0  # where the text after a heading 'Actor:' begins
    actor: tuple[str, Span] | None = None


@on_composed
def find_duties(
    text: str, start: int, end: int, issued: str | None = None
) -> tuple[list[Responsibility], list[Recurrence], list[Deadline], list[Warning]]:
    """Duties in ``text[start:end]``; ``issued`` (ISO date) resolves relative deadlines."""
    plain = view(text)
    found: list[Responsibility] = []
    warnings: list[Warning] = []
    inherited: tuple[str, Span] | None = None  # a heading's body, for the bullets under it
    addressed: tuple[str, Span] | None = None  # '… yêu cầu X … sau:', for the items after it
    in_section = False
    task: Span | None = None  # the item a run of labels belongs to
    labels: list[tuple[str, Span]] = []
    for block in [*_blocks(plain, start, end), None]:
        found_label = label(plain, block.opening, block.end) if block else None
        if found_label:
            labels.append((found_label[0], (found_label[1], block.end)))
            continue
        found += labelled_duties(plain, labels, task, issued)
        labels = []
        if block is None:
            break
        task = (block.body, block.end)
        heading = _heading_text(plain, block)
        if heading is not None:
            in_section = in_section or bool(_SECTION.search(heading))
            inherited, addressed = block.actor, None
            if block.actor is None or block.body >= block.end:
                continue
        elif not block.listed:
            inherited = None
        owner = block.actor or inherited or addressed
        sentences = _sentences(plain, block.body, block.end)
        duties = _block_duties(plain, block, sentences, owner, issued)
        found += duties
        addressed = _addressed(plain, sentences) or addressed
        if not duties and (in_section or _opens_with_role(plain, block)):
            warnings.append(_unowned(plain, block.body, block.end))
    if tabled := table_duties(text, start, end, issued):  # its rows are not prose
        rows = [t.span for t in tabled]
        found = [r for r in found if not any(a < r.span[1] and r.span[0] < b for a, b in rows)]
        found += tabled
    timeless = {(r.actor, r.span): r for r in found if not r.recurrences and not r.deadline}
    warnings += [_timeless(r) for r in timeless.values()]
    recurrences = find_recurrences(plain, start, end)
    return found, recurrences, find_deadlines(plain, start, end, issued), warnings


# --- blocks ------------------------------------------------------------------------------


def _blocks(plain: str, start: int, end: int) -> list[_Block]:
    """Paragraphs and list items of ``plain[start:end]``, with heading actors read."""
    spans, pos = [], start
    for m in [*_BLOCK_START.finditer(plain, start, end), None]:
        a, b = strip_span(plain, pos, m.start() if m else end)
        if a < b and spans and _opens_lower(plain, a, b):
            spans[-1] = (spans[-1][0], b)  # a page break cut the paragraph
        elif a < b:
            spans.append((a, b))
        pos = m.end() if m else end
    return [_block(plain, a, b) for a, b in _without_lists(plain, spans)]


def _opens_lower(plain: str, a: int, b: int) -> bool:
    """``plain[a:b]`` opens with a lower-case letter, after any quotes or '('."""
    while a < b and plain[a] in ' "“”\'(':
        a += 1
    return a < b and plain[a].islower()


def _without_lists(plain: str, spans: list[Span]) -> list[Span]:
    """Drop the 'Nơi nhận' list, the signature, and what trails them up to a new title.

    After a document closes, only an upper-case title (PHỤ LỤC, or the next document's
    name) starts text that can hold duties again; web pages put links and news there.
    """
    out, state = [], "body"
    for a, b in spans:
        if _RECIPIENTS.match(plain, a, b):
            state = "list"
        elif state != "body":
            text = plain[a:b]
            if _is_title(text):
                state = "body"
            elif state == "list" and not (_MARKER.match(text) or _signer_lines(text)):
                state = "after"
        if state == "body":
            out.append((a, b))
    return out


def _signer_lines(text: str) -> bool:
    return all(is_signer_chunk(line) for line in text.splitlines() if line.strip())


def _is_title(text: str) -> bool:
    """A block opening with an upper-case title ('PHỤ LỤC', 'KẾT LUẬN'), not a signer's line."""
    first = squash(text.strip().splitlines()[0]) if text.strip() else ""
    letters = [c for c in first if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    return not (authority_at(first) or first.lower() in table()["positions"])


def _block(plain: str, a: int, b: int) -> _Block:
    marker = _MARKER.match(plain, a, b)
    body = marker.end() if marker else a
    block = _Block(a, b, bool(marker), body, body)
    prefix = _FOR.match(plain, body, b)  # 'Đối với …', 'Trách nhiệm của …'
    named = prefix.end() if prefix else body
    # without a ':' a failed match would try 160 lengths
    head = _HEAD.match(plain, named, b) if plain.find(":", named, b) >= 0 else None
    if marker and not head and _bare_heading(plain, named, b):
        block.actor, block.body = (written(plain, named, b), (named, b)), b
    elif head and not label_pattern().match(plain, body, b):
        name = squash(head[1])
        if is_actor(name):
            block.actor = (written(plain, named, named + len(head[1])),
                           (named, named + len(head[1])))
            block.body = strip_span(plain, head.end(), b)[0]
        elif marker and len(name.split()) <= 20:
            after = strip_span(plain, head.end(), b)[0]
            if plain[after:after + 1].isupper():  # a title: '1. Nâng cao nhận thức: Cấp ủy …'
                block.body = after
    return block


def _bare_heading(plain: str, a: int, b: int) -> bool:
    """'2. Ban Tuyên giáo Huyện ủy' alone on its line: a body that heads the bullets below."""
    if _ends_with(plain, a, b, ".;,") or "\n" in plain[a:b].strip():
        return False
    name = squash(plain[a:b])
    if not is_actor(name):
        return False
    return actor_end(name, 0, len(name), tuple(table()["not_duty"])) is None


def _ends_with(plain: str, a: int, b: int, chars: str) -> bool:
    """The last character of ``plain[a:b]`` that is not white space is one of ``chars``."""
    while b > a and plain[b - 1].isspace():
        b -= 1
    return b > a and plain[b - 1] in chars


def _heading_text(plain: str, block: _Block) -> str | None:
    """The text of a heading block ('6. Tổ chức thực hiện', '2. Ban …:'), else None."""
    if block.actor is not None:
        return block.actor[0]
    if not _may_head(plain, block.body, block.end):
        return None  # most blocks are prose: not squashed
    text = squash(plain[block.body:block.end])
    if len(text) > 200:
        return None
    if (text.endswith(":") and len(text.split()) <= 15) or _SECTION.search(text):
        return text if any(map(str.isalpha, text)) else None
    return text if _mostly_upper(text) else None


def _may_head(plain: str, a: int, b: int) -> bool:
    """False when ``plain[a:b]`` squashed is surely no heading for :func:`_heading_text`:
    it ends with neither ':' nor 'n' (of 'thực hiện') and :func:`_many_lower` rules out
    upper case. Squashing an NFC text keeps its letters and makes it no longer."""
    last = plain[b - 1] if a < b else " "
    if last in ":nN" or last.isspace() or not is_composed(plain):
        return True
    return not _many_lower(plain, a, b)


def _mostly_upper(text: str) -> bool:
    """More than 80% of the letters of ``text`` are upper case (and it has some)."""
    if _many_lower(text, 0, len(text)):
        return False
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8


def _many_lower(text: str, a: int, b: int) -> bool:
    """A few common lower-case letters make a fifth of ``text[a:b]`` or more (so it is not
    mostly upper case): ``str.count`` counts them far faster than asking each character,
    and the most frequent are most often enough."""
    counted = 0
    for letter in _SOME_LOWER:
        counted += 5 * text.count(letter, a, b)
        if counted >= b - a:
            return True
    return False


# --- responsibilities in a block ---------------------------------------------------------


def _block_duties(
    plain: str, block: _Block, sentences: list[Span], owner: tuple[str, Span] | None,
    issued: str | None,
) -> list[Responsibility]:
    """Responsibilities of one block; sentences with no doer of their own carry on."""
    heads: list[tuple[int, list[tuple[str, Span]], int]] = []  # (start, actors, task start)
    assigns = may_open(_assign_openings(), plain, block.body, block.end)  # in any sentence
    for a, b in sentences:
        parsed = (_assignment(plain, a, b) if assigns else None) or _subject(plain, a, b)
        if parsed:
            heads.append((a, *parsed))
        elif not heads and owner and _opens_task(plain, a, b):
            heads.append((a, [owner], a))
        elif heads and plain[a].islower() and _role_pattern().match(plain, a, b):
            heads.append((a, heads[-1][1], a))  # '…; tham mưu …': the same body, a new role
    out = []
    for i, (a, actors, task_at) in enumerate(heads):
        extent_end = heads[i + 1][0] if i + 1 < len(heads) else block.end
        own_heading = owner and actors == [owner] and block.start <= owner[1][0]
        lo = owner[1][0] if own_heading and i == 0 else a
        out += _responsibilities(plain, [actor for actor, _ in actors], task_at,
                                 (lo, extent_end), issued)
    return out


def _opens_task(plain: str, a: int, b: int) -> bool:
    """The sentence opens with a task verb, maybe after a time ('Trong năm 2026, hoàn thành')."""
    comma = plain.find(",", a, min(b, a + 40))
    if comma > 0 and (find_deadlines(plain, a, comma, None) or find_recurrences(plain, a, comma)):
        a = strip_span(plain, comma + 1, b)[0]
    return starts_with(plain, a, b, _task_openers())


def _addressed(plain: str, sentences: list[Span]) -> tuple[str, Span] | None:
    """'… yêu cầu các cấp ủy … thực hiện các nhiệm vụ sau:' — the bodies the list is for."""
    if not sentences or plain[sentences[-1][1] - 1] != ":":
        return None
    for a, b in reversed(sentences):  # '… yêu cầu X thực hiện …; tập trung … sau:'
        parsed = _assignment(plain, a, b)
        if parsed:
            span = (parsed[0][0][1][0], parsed[0][-1][1][1])
            return written(plain, *span), span
        if plain[a - 2:a - 1] != ";" and (a, b) != sentences[-1]:
            return None
    return None


def _sentences(plain: str, a: int, b: int) -> list[Span]:
    spans, pos = [], a
    for m in _breaks(plain, a, b):
        spans.append(strip_span(plain, pos, m.start()))
        pos = m.end()
    spans.append(strip_span(plain, pos, b))
    return [s for s in spans if s[0] < s[1]]


def _breaks(plain: str, a: int, b: int) -> Iterator[re.Match[str]]:
    """``_SENTENCE.finditer(plain, a, b)``, tried only right after a '.', '!', '?' or ';'
    (where every break starts), past what the last break covers."""
    marks, covered = _stop_marks(plain), a
    for i in range(bisect_left(marks, max(a - 1, 0)), bisect_left(marks, b)):
        m = _SENTENCE.match(plain, marks[i] + 1, b) if marks[i] + 1 >= covered else None
        if m:
            yield m
            covered = m.end()


@lru_cache(maxsize=4)  # the blocks of one document read the same text
def _stop_marks(plain: str) -> list[int]:
    """Where a '.', '!', '?' or ';' stands in ``plain``, in order."""
    return sorted(i for mark in ".!?;" for i in places(plain, mark))


def _assignment(plain: str, a: int, b: int) -> tuple[list[tuple[str, Span]], int] | None:
    """'Giao (cho) X …', '… đề nghị X …', '… yêu cầu X …': the addressed bodies."""
    for m in finditer_at(_assign_pattern(), _assign_openings(), plain, a, b):
        at = m.end()
        before = plain[max(a, m.start() - 12):m.start()].lower().split()
        if before and before[-1] in table()["assign_not_after"]:
            continue
        end = actor_end(plain, at, b)
        if end is None:
            continue
        names = [(written(plain, *span), span) for span in split_bodies(plain, at, end)
                 if is_actor(squash(plain[span[0]:span[1]]))]
        if names:
            return names, strip_span(plain, end, b)[0]
    return None


def _subject(plain: str, a: int, b: int) -> tuple[list[tuple[str, Span]], int] | None:
    """A sentence that opens with a body (after an opening 'Hằng quý, …') and its duty."""
    for start in _openings(plain, a, b):
        end = actor_end(plain, start, b, tuple(table()["not_duty"]))
        if end is None:
            continue
        name = squash(plain[start:end]).rstrip(",")
        task = strip_span(plain, end, b)[0]
        opens_content = plain[strip_span(plain, a, b)[1] - 1] == ":"
        if opens_content and starts_with(plain, task, b, table()["self_acts"]):
            return None  # 'Ban Thường vụ … ban hành Nghị quyết … sau:' is the issuer's own act
        if is_actor(name) and not describes(plain, end, b):
            name = written(plain, start, end).rstrip(",")
            return [(name, (start, end))], strip_span(plain, end, b)[0]
    return None


def _openings(plain: str, a: int, b: int) -> list[int]:
    """The sentence start, or the words after one of its first two commas (if near): the
    first of them where a body's name opens, if what leads in to it is an opening."""
    start, comma, near = a, a - 1, min(b, a + 80)
    leads: list[Span] = []  # (start, comma) of each lead-in; the next comma only if needed
    while not head_at(plain, start, b):
        comma = plain.find(",", comma + 1, near) if len(leads) < 2 else -1
        if comma < 0:
            return []
        leads.append((start, comma))
        start = strip_span(plain, comma + 1, b)[0]
    return [start] if all(_leads_in(plain, s, c, b) for s, c in leads) else []


def _leads_in(plain: str, a: int, comma: int, b: int) -> bool:
    """``plain[a:comma]`` may open a sentence ('Hằng quý, …'): six words at most, and
    neither a date nor words that tell what was done ('Những năm qua, …', 'Ngày 12/3, …')
    or a task ('Nâng cao nhận thức của cấp ủy, …')."""
    lead_in = [w.start() for w in islice(WORD.finditer(plain, a, comma), 7)]
    if len(lead_in) > 6 or _DATED.match(plain, a, a + 12):
        return False
    return not any(starts_with(plain, w, b, _not_openings()) for w in lead_in)


def _responsibilities(
    plain: str, actors: list[str], task_at: int, extent: Span, issued: str | None
) -> list[Responsibility]:
    """The actors' duty: role and partners from the task's opening words, the task, its
    times and report line read once for them all.

    'X phối hợp với Y làm Z' makes X both a coordinating body (with Y) and the one who
    carries out Z, so it gives two records: coordinate and execute, same task.
    """
    clause_end = clause(plain, task_at, task_at, extent[1])[1]
    roles, with_bodies, task_start = _role(plain, task_at, clause_end)
    lo, hi = extent
    deadline = next((d.date for d in find_deadlines(plain, lo, hi, issued) if d.date), None)
    task, partners_ = _task_text(plain, task_start, clause_end), tuple(with_bodies)
    recurrences, reported = frequencies(plain, lo, hi), reports_to(plain, lo, hi)
    span = strip_span(plain, lo, hi)
    return [Responsibility(actor=clean_actor(actor), role=role, task=task, partners=partners_,
                           recurrences=recurrences, deadline=deadline, reports_to=reported,
                           span=span)
            for actor in actors for role in roles]


def _task_text(plain: str, a: int, b: int) -> str:
    """The task's words, without a leading 'cần', 'phải' (the obligation is the record)."""
    text = written(plain, a, b).lstrip(" ,;").rstrip(" ./")
    return _OBLIGATION.sub("", text)


def _role(plain: str, a: int, b: int) -> tuple[tuple[str, ...], list[str], int]:
    """Roles, partners and where the task proper starts, from the task's opening words."""
    words = list(islice(WORD.finditer(plain, a, b), 10))
    m = _role_pattern().search(plain, a, words[-1].end()) if words else None
    if not m or _verb_before(plain, a, m.start()):
        return ("execute",), [], a
    role = next(r for r, ps in table()["roles"].items() if flat(m[0]).lower() in ps)
    if role == "advise" and flat(m[0]).lower() == "giúp" and m.start() != a:
        return ("execute",), [], a
    partners_, rest, closes = partners(plain, a, b)
    if role == "lead":
        return ("lead",), partners_, rest if partners_ else m.end()
    if role == "coordinate":
        if closes or not partners_:
            return ("coordinate",), partners_, m.start()
        return ("coordinate", "execute"), partners_, rest
    return (role,), partners_, m.start()


def _verb_before(plain: str, a: int, b: int) -> bool:
    """A task verb opens the clause before its role word ('chỉ đạo Sở X phối hợp …')."""
    modals = table()["modals"]
    return any(starts_with(plain, w.start(), b, verbs())
               and not starts_with(plain, w.start(), b, modals)
               for w in WORD.finditer(plain, a, b))


# --- warnings ----------------------------------------------------------------------------


def _opens_with_role(plain: str, block: _Block) -> bool:
    """The block opens with 'Chủ trì', 'Phối hợp', 'Tham mưu' (and so needs a doer)."""
    m = _role_pattern().match(plain, block.body, block.end)
    return bool(m) and flat(m[0]).lower() != "giúp"


def _unowned(plain: str, a: int, b: int) -> Warning:
    text = written(plain, a, b)[:80]
    return Warning("task-without-owner", f"no body is named to carry out: {text}", (a, b))


def _timeless(r: Responsibility) -> Warning:
    return Warning("duty-without-time", f"{r.actor}: no deadline or recurrence for: "
                   f"{r.task[:60]}", r.span)


# --- small helpers -----------------------------------------------------------------------


@cache
def _assign_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w)({alternation(table()['assign'])})\s+")


@cache
def _assign_openings() -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.split()[0] for p in table()["assign"]))


@cache
def _not_openings() -> tuple[str, ...]:
    return (*table()["past_openings"], *verbs())


@cache
def _task_openers() -> tuple[str, ...]:
    return verbs() + tuple(table()["modals"])


@cache
def _role_pattern() -> re.Pattern[str]:
    phrases = [p for ps in table()["roles"].values() for p in ps]
    return re.compile(rf"(?i)(?<!\w)(?:{alternation(phrases)})(?!\w)")

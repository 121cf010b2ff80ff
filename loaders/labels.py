"""The labelled form of plans (kế hoạch): roles and time written as labels under a task.

    - Tổ chức hội nghị quán triệt Nghị quyết.
      Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy.  Cơ quan phối hợp: Văn phòng Tỉnh ủy.
      Thời gian thực hiện: Quý II/2025.

gives a lead and a coordinating body for the task, with its deadline (2025-06-30).
"""

from __future__ import annotations

import re
from functools import cache

from .bodies import alternation, clean_actor, head_at, split_bodies
from .model import Responsibility, Span
from .plain import squash, table, written
from .timing import clause, frequencies, time_limit


def label(plain: str, a: int, b: int) -> tuple[str, int] | None:
    """``(role or 'time', where the value starts)`` for a line 'Đơn vị phối hợp: …' at ``a``."""
    m = label_pattern().match(plain, a, b)
    if not m:
        return None
    kind = next(k for k, ws in table()["labels"].items() if squash(m[1]).lower() in ws)
    return kind, m.end()


def labelled_duties(
    plain: str, labels: list[tuple[str, Span]], task: Span | None, issued: str | None
) -> list[Responsibility]:
    """Responsibilities from a run of labels ``(kind, value span)``; ``task`` is the text
    of the item they follow."""
    if not labels or task is None:
        return []
    bodies: dict[str, list[str]] = {}
    recurrences: tuple[str, ...] = ()
    deadline = None
    for kind, (at, end) in labels:
        if kind == "time":
            recurrences = frequencies(plain, at, end)
            deadline = time_limit(plain, at, end, issued)
        else:
            spans = split_bodies(plain, at, end)
            bodies.setdefault(kind, []).extend(
                written(plain, s, e) for s, e in spans if head_at(plain, s, e))
    text = written(plain, task[0], clause(plain, task[0], task[0], task[1])[1])
    span = (task[0], labels[-1][1][1])
    return [
        Responsibility(clean_actor(name), role, text.rstrip(" ./"),
                       tuple(bodies.get("coordinate", ())) if role == "lead" else (),
                       recurrences, deadline, span=span)
        for role, names in bodies.items() for name in names
    ]


@cache
def label_pattern() -> re.Pattern[str]:
    words = [w for ws in table()["labels"].values() for w in ws]
    return re.compile(rf"(?i)({alternation(words)})\s*:\s*(?=\S)")

"""Named errors: each carries the file it is about and a reason a person can act on."""

from __future__ import annotations


class VankienError(Exception):
    """Base of every error vankien raises on purpose."""

    def __init__(self, path: str | None, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.path = path
        self.reason = reason


class ReadError(VankienError):
    """A file that cannot be turned into text (empty, binary, broken, too large …)."""


class ExtractError(VankienError):
    """Text that holds no party document the extractor can use."""


class StoreError(VankienError):
    """The store cannot be opened, is locked by another process, or refused a write."""


class QueryError(VankienError):
    """A query that is malformed, unknown, or missing a parameter."""

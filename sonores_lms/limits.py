"""Text longer than its column is refused before it reaches the database, on SQLite as on PostgreSQL.

PostgreSQL refuses a value longer than ``String(n)``; SQLite stores it whole, so a page would then show a
2,000-character name that the forms never meant to accept. Forms carry the same limits (``Length(max=n)``) and
say so to the person; this check is the model's own guarantee, for every other way in (imports, commands, jobs).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session


class TooLong(ValueError):
    """A text attribute is longer than its column allows."""


@cache
def column_limits(model: type) -> dict[str, int]:
    """``{attribute: maximum length}`` of a mapped class's ``String(n)`` columns."""
    limits = {}
    for attribute in inspect(model).column_attrs:
        column = attribute.columns[0]
        if isinstance(column.type, String) and column.type.length:
            limits[attribute.key] = column.type.length
    return limits


def check_lengths(target: Any) -> None:
    for key, limit in column_limits(type(target)).items():
        value = getattr(target, key, None)
        if isinstance(value, str) and len(value) > limit:
            raise TooLong(f"{type(target).__name__}.{key} is {len(value)} characters long; at most {limit} fit")


@event.listens_for(Session, "before_flush")
def _refuse_long_texts(session: Session, _context: Any, _instances: Any) -> None:
    for target in (*session.new, *session.dirty):
        check_lengths(target)

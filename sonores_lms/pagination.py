"""Page numbers from the query string, pages of a query clamped to the last one, and pagination of a list
already in memory, with the attributes the ``pagination`` macro reads."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from .extensions import db

# Far beyond any real list, and small enough that ``(page - 1) * per_page`` fits every database's OFFSET.
MAX_PAGE = 1_000_000


def page_arg(name: str = "page") -> int:
    """The page asked for in the query string, between 1 and :data:`MAX_PAGE` (a bad or huge value is not an
    error: it gives the first or the last page)."""
    value = request.args.get(name, "").strip()
    if not value.isdigit() or len(value) > len(str(MAX_PAGE)):
        return MAX_PAGE if value.isdigit() else 1
    return min(max(int(value), 1), MAX_PAGE)


def paginate(query: Select[Any], *, page: int, per_page: int, count: bool = True) -> Pagination:
    """Flask-SQLAlchemy's page of ``query``; a page beyond the last gives the last one (a bookmarked page 9 of a
    list that shrank still shows something)."""
    page = min(max(page, 1), MAX_PAGE)
    result = db.paginate(query, page=page, per_page=per_page, error_out=False, count=count)
    if count and result.total and page > result.pages:
        result = db.paginate(query, page=result.pages, per_page=per_page, error_out=False, count=count)
    return result


@dataclass
class ListPage:
    """The attributes of Flask-SQLAlchemy's pagination that the ``pagination`` macro reads, for a Python list."""

    items: list[Any]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1

    @classmethod
    def of(cls, rows: Sequence[Any], page: int, per_page: int = 50) -> ListPage:
        """The ``page``-th slice of ``rows``; a page number out of range gives the nearest page, not an error."""
        pages = max(1, math.ceil(len(rows) / per_page))
        page = min(max(page, 1), pages)
        start = (page - 1) * per_page
        return cls(list(rows[start : start + per_page]), page, per_page, len(rows))

"""Pagination of a list already in memory, with the attributes the ``pagination`` macro reads."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


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

"""Queries the institute pages and forms need."""

from __future__ import annotations

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select

from ..extensions import db
from ..pagination import paginate
from ..people.models import User
from ..security import MAX_ROUTE_INT
from .models import Institute


def institute_choices(
    *, include_inactive: bool = False, only: set[int] | None = None, country: str | None = None
) -> list[tuple[int, str]]:
    """(id, "Name (City)") for selects; ``only`` narrows to a director's institutes, ``country`` to one country."""
    query = select(Institute.id, Institute.name, Institute.city).order_by(Institute.name)
    if not include_inactive:
        query = query.where(Institute.active.is_(True))
    if only is not None:
        # Ids come from query strings too: one beyond the column's range names nothing (and would overflow).
        query = query.where(Institute.id.in_(sorted(i for i in only if 0 < i <= MAX_ROUTE_INT)))
    if country:
        query = query.where(Institute.country == country)
    return [(row.id, f"{row.name} ({row.city})") for row in db.session.execute(query)]


PER_PAGE = 50
# Past this many institutes a filter lists those of one country at a time (a page stays light on a slow link).
MAX_LISTED = 300


def institute_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Institute)) or 0


def countries_with_institutes() -> list[str]:
    return list(db.session.scalars(select(Institute.country).distinct().order_by(Institute.country)))


def institutes_page(
    *, page: int = 1, country: str | None = None, active: bool | None = None, per_page: int = PER_PAGE
) -> tuple[Pagination, dict[int, int]]:
    """A page of institutes and their numbers of active people (counted for that page only)."""
    query = select(Institute).order_by(Institute.country, Institute.name)
    if country:
        query = query.where(Institute.country == country)
    if active is not None:
        query = query.where(Institute.active.is_(active))
    result = paginate(query, page=page, per_page=per_page)
    ids = [institute.id for institute in result.items]
    counts: dict[int, int] = {}
    if ids:
        rows = db.session.execute(
            select(User.institute_id, func.count(User.id))
            .where(User.active.is_(True), User.institute_id.in_(ids))
            .group_by(User.institute_id)
        )
        counts = {institute_id: int(count) for institute_id, count in rows}
    return result, counts


def find_institute(name: str, country: str, *, exclude_id: int | None = None) -> Institute | None:
    """The institute with this name (case-insensitive) in this country, if any."""
    query = select(Institute).where(func.lower(Institute.name) == name.strip().lower(), Institute.country == country)
    if exclude_id is not None:
        query = query.where(Institute.id != exclude_id)
    return db.session.execute(query.limit(1)).scalar_one_or_none()

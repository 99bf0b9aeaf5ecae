"""Queries the institute pages and forms need."""

from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from ..people.models import User
from .models import Institute


def institute_choices(*, include_inactive: bool = False, only: set[int] | None = None) -> list[tuple[int, str]]:
    """(id, "Name (City)") for selects; ``only`` narrows to a director's institutes."""
    query = select(Institute.id, Institute.name, Institute.city).order_by(Institute.name)
    if not include_inactive:
        query = query.where(Institute.active.is_(True))
    if only is not None:
        query = query.where(Institute.id.in_(only))
    return [(row.id, f"{row.name} ({row.city})") for row in db.session.execute(query)]


def institutes_with_counts(*, country: str | None = None, active: bool | None = None) -> list[tuple[Institute, int]]:
    """Institutes with their number of active people, in one query whatever their number."""
    people = (
        select(User.institute_id, func.count(User.id).label("people"))
        .where(User.active.is_(True), User.institute_id.is_not(None))
        .group_by(User.institute_id)
        .subquery()
    )
    query = (
        select(Institute, func.coalesce(people.c.people, 0))
        .outerjoin(people, people.c.institute_id == Institute.id)
        .order_by(Institute.country, Institute.name)
    )
    if country:
        query = query.where(Institute.country == country)
    if active is not None:
        query = query.where(Institute.active.is_(active))
    return [(institute, int(count)) for institute, count in db.session.execute(query)]


def find_institute(name: str, country: str, *, exclude_id: int | None = None) -> Institute | None:
    """The institute with this name (case-insensitive) in this country, if any."""
    query = select(Institute).where(func.lower(Institute.name) == name.strip().lower(), Institute.country == country)
    if exclude_id is not None:
        query = query.where(Institute.id != exclude_id)
    return db.session.execute(query.limit(1)).scalar_one_or_none()

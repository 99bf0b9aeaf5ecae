"""Queries the institute pages and forms need."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from .models import Institute


def institute_choices(*, include_inactive: bool = False) -> list[tuple[int, str]]:
    query = select(Institute.id, Institute.name, Institute.city).order_by(Institute.name)
    if not include_inactive:
        query = query.where(Institute.active.is_(True))
    return [(row.id, f"{row.name} ({row.city})") for row in db.session.execute(query)]

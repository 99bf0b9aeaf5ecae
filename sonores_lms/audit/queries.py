"""Queries the audit pages need: one filtered statement shared by the list and the export."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..pagination import paginate
from ..people.models import User
from .models import AuditEntry


@dataclass(frozen=True)
class AuditFilters:
    """What the reader asked for; dates are calendar days in the reader's time zone."""

    action: str | None = None
    actor: str | None = None
    target: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """Midnight of ``day`` in ``zone``, as aware UTC (what the column stores)."""
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


def _where(query: Select[Any], filters: AuditFilters, zone: ZoneInfo) -> Select[Any]:
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.actor:
        needle = filters.actor.strip()
        query = query.where(
            or_(
                User.email.icontains(needle, autoescape=True),
                (User.first_name + " " + User.last_name).icontains(needle, autoescape=True),
            )
        )
    if filters.target:
        needle = filters.target.strip()
        query = query.where(
            or_(
                AuditEntry.target_label.icontains(needle, autoescape=True),
                AuditEntry.target_type.icontains(needle, autoescape=True),
            )
        )
    if filters.date_from:
        query = query.where(AuditEntry.created_at >= day_start(filters.date_from, zone))
    if filters.date_to:  # the whole day is included
        query = query.where(AuditEntry.created_at < day_start(filters.date_to + timedelta(days=1), zone))
    return query


def entries_query(filters: AuditFilters, zone: ZoneInfo) -> Select[tuple[AuditEntry]]:
    """Entries newest first with their actor in the same statement (the list shows who did it)."""
    query = (
        select(AuditEntry)
        .outerjoin(AuditEntry.actor)
        .options(contains_eager(AuditEntry.actor))
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    return _where(query, filters, zone)


def entries_page(filters: AuditFilters, zone: ZoneInfo, *, page: int, per_page: int = 50) -> Any:
    return paginate(entries_query(filters, zone), page=page, per_page=per_page)


def export_rows(filters: AuditFilters, zone: ZoneInfo, *, batch: int = 500) -> Iterator[Any]:
    """Plain rows (no ORM objects) read in batches, so an export of the whole log stays small in memory."""
    query = (
        select(
            AuditEntry.created_at,
            AuditEntry.action,
            User.first_name,
            User.last_name,
            User.email,
            AuditEntry.target_type,
            AuditEntry.target_id,
            AuditEntry.target_label,
            AuditEntry.details,
            AuditEntry.ip_address,
        )
        .outerjoin(AuditEntry.actor)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    result = db.session.execute(_where(query, filters, zone).execution_options(yield_per=batch))
    yield from result


def present_actions() -> list[str]:
    """The action codes that occur in the log, for the filter's choices."""
    return list(db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))

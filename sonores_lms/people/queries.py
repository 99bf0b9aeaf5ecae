"""Queries the people pages need, eager-loading what they show (the query count does not grow with the rows)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, or_, select

from ..audit.models import AuditEntry
from ..extensions import db
from ..institutes.models import Institute
from ..pagination import paginate
from ..permissions import Role
from .models import RoleAssignment, User

PER_PAGE = 25


def people_query(
    *,
    scope: set[int] | None,
    text: str | None = None,
    institute_id: int | None = None,
    country: str | None = None,
    role: Role | None = None,
    active: bool | None = None,
) -> Select[tuple[User]]:
    """People matching the filters, within ``scope`` (None: the whole network), by last then first name.

    ``User.institute`` is joined and ``User.role_assignments`` (with their institute) select-in loaded by the
    model, so a page costs the same few statements whatever its length."""
    query = select(User).order_by(func.lower(User.last_name), func.lower(User.first_name), User.id)
    if scope is not None:
        query = query.where(User.institute_id.in_(scope))
    if text:
        pattern = "%" + text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        full_name = func.lower(User.first_name + " " + User.last_name)
        query = query.where(
            or_(
                func.lower(User.email).like(pattern, escape="\\"),
                full_name.like(pattern, escape="\\"),
                func.lower(User.last_name).like(pattern, escape="\\"),
            )
        )
    if institute_id:
        query = query.where(User.institute_id == institute_id)
    if country:
        query = query.where(User.institute_id.in_(select(Institute.id).where(Institute.country == country)))
    if role is not None:
        query = query.where(User.id.in_(select(RoleAssignment.user_id).where(RoleAssignment.role == role)))
    if active is not None:
        query = query.where(User.active.is_(active))
    return query


def people_page(*, page: int, per_page: int = PER_PAGE, **filters: Any) -> Any:
    return paginate(people_query(**filters), page=page, per_page=per_page)


def recent_audit_entries(user: User, *, limit: int = 20) -> list[AuditEntry]:
    """The latest audit entries about ``user`` (their actors are joined by the model)."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.target_type == "User", AuditEntry.target_id == user.id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query).unique())

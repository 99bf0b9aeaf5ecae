"""Who a plan's targets cover: the active people holding the target's role, network-wide or in its institute.

Shared by the targets page (how many people each target covers) and the planned-vs-delivered summary (which
(person, track) pairs the plan asks for).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, and_, cast, or_, select
from sqlalchemy.sql import ColumnElement

from sonores_lms.people.models import RoleAssignment, User

from .models import Target


def same_role() -> ColumnElement[bool]:
    """Target.role equals RoleAssignment.role. The two columns are different enum types on PostgreSQL: casting the
    target's side only (to text, then to the assignment's type) leaves the assignment's column bare for indexes."""
    return RoleAssignment.role == cast(cast(Target.role, String), RoleAssignment.role.type)


def covered_people(plan_id: int, *, network_wide: bool) -> Select[Any]:
    """(target, person) rows: the active people each of the plan's network-wide targets, or each of its
    per-institute ones, covers; the caller adds the columns it needs.

    Two halves, for a UNION, rather than one join with ``OR``: each half can use an index (role assignments by
    role, people by institute) where the ``OR`` made the database walk every person for every target.
    """
    query = select(Target.id.label("target_id"), User.id.label("user_id")).select_from(Target)
    if network_wide:
        query = (
            query.join(RoleAssignment, same_role())
            .join(User, and_(User.id == RoleAssignment.user_id, User.active.is_(True)))
            .where(Target.institute_id.is_(None))
        )
    else:
        # A person of the institute, holding the role network-wide or in that institute.
        query = (
            query.join(User, and_(User.institute_id == Target.institute_id, User.active.is_(True)))
            .join(
                RoleAssignment,
                and_(
                    RoleAssignment.user_id == User.id,
                    same_role(),
                    or_(RoleAssignment.institute_id.is_(None), RoleAssignment.institute_id == Target.institute_id),
                ),
            )
            .where(Target.institute_id.is_not(None))
        )
    return query.where(Target.plan_id == plan_id)

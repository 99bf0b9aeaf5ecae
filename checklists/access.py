"""Who may do what with an audit. ``requires`` on the routes lets in the roles; these narrow them to the audit.

- fill: the institute's director (an administrator held in that institute) and the referents they named;
- review: an auditor held network-wide, or one assigned to this audit;
- see: those, and the network's administrators (who run campaigns but never answer for an institute).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.permissions import Role

from .models import Audit, Referent


def is_director(user: Any, institute_id: int) -> bool:
    return any(a.role == Role.ADMIN and a.institute_id == institute_id for a in user.role_assignments)


def is_referent(user: Any, institute_id: int) -> bool:
    return (
        db.session.scalar(select(Referent.id).where(Referent.institute_id == institute_id, Referent.user_id == user.id))
        is not None
    )


def can_fill(user: Any, audit: Audit) -> bool:
    if not user.can("checklists.fill", audit.institute_id):
        return False
    return is_director(user, audit.institute_id) or is_referent(user, audit.institute_id)


def is_network_auditor(user: Any) -> bool:
    return any(a.role == Role.AUDITOR and a.institute_id is None for a in user.role_assignments)


def can_review(user: Any, audit: Audit) -> bool:
    if not user.can("checklists.review"):
        return False
    return is_network_auditor(user) or any(a.user_id == user.id for a in audit.auditors)


def is_network_admin(user: Any) -> bool:
    return user.can("checklists.manage")


def can_see(user: Any, audit: Audit) -> bool:
    return is_network_admin(user) or can_review(user, audit) or can_fill(user, audit)

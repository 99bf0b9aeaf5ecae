"""Operations on people: they check invariants, flush, record an audit entry and send signals; never commit."""

from __future__ import annotations

from sqlalchemy import func, select

from ..audit.services import record
from ..extensions import db
from ..permissions import Role
from .models import RoleAssignment, User

MIN_PASSWORD_LENGTH = 12


class PeopleError(ValueError):
    """An operation on people that cannot be done; the message is for the person who asked."""


def find_by_email(email: str) -> User | None:
    return db.session.execute(select(User).where(func.lower(User.email) == email.strip().lower())).scalar_one_or_none()


def ensure_admin(*, email: str, first_name: str, last_name: str, password: str) -> User:
    """Create a network admin, or make an existing person one (the CLI's ``create-admin``)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PeopleError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    user = find_by_email(email)
    if user is None:
        user = User(email=email.strip().lower(), first_name=first_name.strip(), last_name=last_name.strip())
        db.session.add(user)
    user.set_password(password)
    user.active = True
    if not user.has_role(Role.ADMIN):
        user.role_assignments.append(RoleAssignment(role=Role.ADMIN, institute_id=None))
    db.session.flush()
    record("core.admin-created", actor=None, target=user)
    return user

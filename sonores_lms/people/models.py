"""People and the roles they hold, network-wide or in one institute."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, Enum, ForeignKey, Index, String, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..permissions import Role, get_permission

if TYPE_CHECKING:
    from ..institutes.models import Institute

DEFAULT_NOTIFICATIONS: dict[str, bool] = {"course_updates": True, "reminders": True, "network_news": False}


# The person's facts by field name, as forms, the people pages and the audit log name them.
USER_FIELD_LABELS = {
    "email": _l("Email"),
    "first_name": _l("First name"),
    "last_name": _l("Last name"),
    "locale": _l("Language"),
    "timezone": _l("Time zone"),
    "institute_id": _l("Institute"),
    "job_title": _l("Job title"),
}


class User(UserMixin, db.Model):
    __tablename__ = "core_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    password_hash: Mapped[str | None] = mapped_column(String(255))  # None until an invitation is accepted
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    locale: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="SET NULL"), index=True)
    job_title: Mapped[str | None] = mapped_column(String(120))
    notifications: Mapped[dict[str, bool]] = mapped_column(JSON, default=lambda: dict(DEFAULT_NOTIFICATIONS))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Part of every session and remember cookie: renewing it (sign-out, new password, deactivation) ends them all,
    # copies included.
    session_token: Mapped[str] = mapped_column(String(32), default=lambda: secrets.token_hex(16))
    version: Mapped[int] = mapped_column(default=1)

    institute: Mapped[Institute | None] = relationship(lazy="joined", innerjoin=False)
    role_assignments: Mapped[list[RoleAssignment]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}

    # -- identity ---------------------------------------------------------------------------------------------
    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive people
        return self.active

    def get_id(self) -> str:
        """The identity a new session carries (see ``auth.loader``): who, which token, since when."""
        from ..auth.loader import new_identity

        return new_identity(self)

    def end_sessions(self) -> None:
        """Sign this person out everywhere: every cookie carrying the old token stops working."""
        self.session_token = secrets.token_hex(16)

    @property
    def password_fingerprint(self) -> str:
        """Changes with the password (a single-use link carries it) without showing any of the hash."""
        return hashlib.sha256((self.password_hash or "").encode()).hexdigest()[:16]

    # -- password ---------------------------------------------------------------------------------------------
    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")
        self.password_changed_at = utcnow()
        self.end_sessions()

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash or "", password)

    # -- roles and permissions --------------------------------------------------------------------------------
    @property
    def roles(self) -> set[Role]:
        return {a.role for a in self.role_assignments}

    def has_role(self, role: Role, institute_id: int | None = None) -> bool:
        return any(
            a.role == role and (a.institute_id is None or a.institute_id == institute_id) for a in self.role_assignments
        )

    def can(self, permission: str, institute_id: int | None = None) -> bool:
        """Granted ``permission`` network-wide, or in ``institute_id`` when given (or anywhere when not)."""
        if not self.active:
            return False
        perm = get_permission(permission)
        for assignment in self.role_assignments:
            if assignment.role not in perm.roles:
                continue
            if assignment.institute_id is None:
                return True
            if not perm.network_only and (institute_id is None or assignment.institute_id == institute_id):
                return True
        return False

    def scope_of(self, permission: str) -> set[int] | None:
        """The institutes where ``permission`` is held; None means the whole network."""
        perm = get_permission(permission)
        scope: set[int] = set()
        for assignment in self.role_assignments:
            if assignment.role in perm.roles:
                if assignment.institute_id is None:
                    return None
                if not perm.network_only:
                    scope.add(assignment.institute_id)
        return scope

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


# Lists of people are sorted by name: with this index a page of them is read in order instead of sorting everyone.
Index("ix_core_users_sort_name", func.lower(User.last_name), func.lower(User.first_name), User.id)


class RoleAssignment(db.Model):
    """A role held by a person; ``institute_id`` NULL means network-wide."""

    __tablename__ = "core_role_assignments"
    __table_args__ = (
        UniqueConstraint("user_id", "role", "institute_id"),
        # NULLs are distinct in unique constraints: one network-wide row per role needs its own index.
        Index(
            "uq_core_role_assignments_network",
            "user_id",
            "role",
            unique=True,
            sqlite_where=text("institute_id IS NULL"),
            postgresql_where=text("institute_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(Enum(Role, name="core_role", values_callable=lambda e: [m.value for m in e]))
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="role_assignments")
    institute: Mapped[Institute | None] = relationship(lazy="joined")

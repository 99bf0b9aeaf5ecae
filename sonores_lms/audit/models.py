"""Who changed what: sign-ins, role changes, imports, deactivations, settings."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db

if TYPE_CHECKING:
    from ..people.models import User


class AuditEntry(db.Model):
    __tablename__ = "core_audit_entries"
    __table_args__ = (Index("ix_core_audit_entries_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(80), index=True)  # "<owner>.<verb>", e.g. "core.sign-in"
    target_type: Mapped[str | None] = mapped_column(String(60))
    target_id: Mapped[int | None]
    target_label: Mapped[str | None] = mapped_column(String(255))  # kept readable after the target goes
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ip_address: Mapped[str | None] = mapped_column(String(45))

    actor: Mapped[User | None] = relationship(lazy="joined")

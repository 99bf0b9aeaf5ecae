"""A CSV import waiting for an admin's confirmation (kept in the database so any worker can confirm it)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class ImportStatus(enum.StrEnum):
    PENDING = "pending"
    APPLIED = "applied"
    CANCELLED = "cancelled"


class PeopleImport(db.Model):
    __tablename__ = "core_people_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(255))
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[ImportStatus] = mapped_column(
        Enum(ImportStatus, name="core_import_status", values_callable=lambda e: [m.value for m in e]),
        default=ImportStatus.PENDING,
    )
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

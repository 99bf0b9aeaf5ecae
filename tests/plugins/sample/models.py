"""The plugin's one table; its name starts with the plugin's (the loader refuses any other)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sonores_lms.database import UTCDateTime, utcnow
from sonores_lms.extensions import db


class SampleNote(db.Model):
    """A line of a person's learning log: a course they completed, under the title they read it in.

    The course is kept by ``uid``, which survives plan revisions, and its title is copied: the log reads as it was
    written even when a later plan renames or drops the course.
    """

    __tablename__ = "sample_notes"
    __table_args__ = (UniqueConstraint("user_id", "course_uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"))
    course_uid: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

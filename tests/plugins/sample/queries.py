"""What the plugin's pages read, beside the models."""

from __future__ import annotations

from sqlalchemy import select

from sonores_lms.extensions import db

from .models import SampleNote


def notes_of(user_id: int, *, limit: int | None = None) -> list[SampleNote]:
    """``user_id``'s log, latest first."""
    query = (
        select(SampleNote)
        .where(SampleNote.user_id == user_id)
        .order_by(SampleNote.completed_at.desc(), SampleNote.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def note_for(user_id: int, course_uid: str) -> SampleNote | None:
    return db.session.scalars(
        select(SampleNote).where(SampleNote.user_id == user_id, SampleNote.course_uid == course_uid)
    ).first()

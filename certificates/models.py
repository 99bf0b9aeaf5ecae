"""Certificate templates, issued certificates, their images and the bulk jobs that issue them.

A certificate copies what it attests when it is issued (the holder's name, the course or track title in each
language, hours, completion date, institute, issuer) into ``snapshot``: a later edit of the course, the person or
the template never changes a certificate already handed out. Correcting one (a misspelt name) issues version 2,
which points at version 1 through ``supersedes_id``; version 1 stays, marked superseded, with the reason.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sonores_lms.database import UTCDateTime, utcnow
from sonores_lms.extensions import db
from sonores_lms.multilingual import Translatable

from .codes import new_code


def new_uid() -> str:
    return uuid.uuid4().hex


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e])


class Orientation(enum.StrEnum):
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"


class Paper(enum.StrEnum):
    A4 = "A4"
    LETTER = "letter"


class SubjectKind(enum.StrEnum):
    """What a certificate attests: one course, or a whole track."""

    COURSE = "course"
    TRACK = "track"


class CertificateStatus(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"  # a later version replaced it (re-issued)


class RevokeReason(enum.StrEnum):
    """The category shown on the public page; the note beside it stays with the admins."""

    ISSUED_IN_ERROR = "issued-in-error"
    MISCONDUCT = "misconduct"
    COMPLETION_CANCELLED = "completion-cancelled"
    HOLDER_REQUEST = "holder-request"
    OTHER = "other"


REVOKE_REASON_TITLES = {
    RevokeReason.ISSUED_IN_ERROR: _l("Issued in error"),
    RevokeReason.MISCONDUCT: _l("Academic misconduct"),
    RevokeReason.COMPLETION_CANCELLED: _l("Completion cancelled"),
    RevokeReason.HOLDER_REQUEST: _l("At the holder's request"),
    RevokeReason.OTHER: _l("Other reason"),
}

STATUS_TITLES = {
    CertificateStatus.VALID: _l("Valid"),
    CertificateStatus.REVOKED: _l("Revoked"),
    CertificateStatus.SUPERSEDED: _l("Replaced by a new version"),
}


class CertificateTemplate(Translatable, db.Model):
    """A certificate design: the network default (scope ``network``), or one for a course (``course:<uid>``) or a
    track (``track:<uid>``). The most specific template decides whether completing the course or track issues a
    certificate by itself (``auto_issue``) and how it looks.

    ``body`` holds named placeholders (``{name}``, ``{course}``...); the signatories' and the logo's images are
    :class:`CertificateImage` rows named by uid, re-encoded on upload.
    """

    __tablename__ = "certificates_templates"
    __table_args__ = (
        CheckConstraint("valid_months IS NULL OR valid_months BETWEEN 1 AND 600", name="valid_months_range"),
    )
    TRANSLATED_FIELDS = ("title", "body")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, unique=True)
    scope: Mapped[str] = mapped_column(String(40), unique=True)  # "network", "course:<uid>", "track:<uid>"
    name: Mapped[str] = mapped_column(String(200))  # what admins call it
    auto_issue: Mapped[bool] = mapped_column(Boolean, default=True)
    bilingual: Mapped[bool] = mapped_column(Boolean, default=False)  # French beside the recipient's language
    orientation: Mapped[Orientation] = mapped_column(
        _enum(Orientation, "certificates_orientation"), default=Orientation.LANDSCAPE
    )
    paper: Mapped[Paper] = mapped_column(_enum(Paper, "certificates_paper"), default=Paper.A4)
    valid_months: Mapped[int | None] = mapped_column(Integer)
    signatories: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{name, title, image}]
    logo_uid: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    @property
    def scope_kind(self) -> str:
        return self.scope.partition(":")[0]

    @property
    def scope_uid(self) -> str | None:
        return self.scope.partition(":")[2] or None


class CertificateImage(db.Model):
    """A logo or a signature, re-encoded as PNG by Pillow (whatever came in), kept in the database so that PDFs
    embed it as a ``data:`` URL and nothing is fetched from elsewhere."""

    __tablename__ = "certificates_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, unique=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int]
    height: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Certificate(db.Model):
    """One version of a certificate held by one person for one completion.

    ``(user_id, kind, subject_uid, version)`` is unique: a completion issues version 1 once, however many times the
    event or the job arrives, and a re-issue is the next version of the same completion.
    """

    __tablename__ = "certificates_certificates"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "subject_uid", "version"),
        Index("ix_certificates_certificates_issued", "issued_at", "id"),
        Index("ix_certificates_certificates_subject", "subject_uid", "status"),
        Index("ix_certificates_certificates_institute", "institute_id", "issued_at"),
        Index("ix_certificates_certificates_expiry", "status", "expires_at"),
        # The list filtered by country (and status): its count is read from this index alone.
        Index("ix_certificates_certificates_country", "country", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(13), default=new_code, unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"), index=True)
    kind: Mapped[SubjectKind] = mapped_column(_enum(SubjectKind, "certificates_subject_kind"))
    subject_uid: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("certificates_certificates.id", ondelete="SET NULL"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("certificates_templates.id", ondelete="SET NULL"))
    status: Mapped[CertificateStatus] = mapped_column(
        _enum(CertificateStatus, "certificates_status"), default=CertificateStatus.VALID
    )
    language: Mapped[str] = mapped_column(String(5))  # the recipient's language when it was issued
    bilingual: Mapped[bool] = mapped_column(Boolean, default=False)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Copied from the snapshot for the admins' filters (a person may move institute; the certificate does not).
    holder_name: Mapped[str] = mapped_column(String(201))
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    reissue_reason: Mapped[str | None] = mapped_column(String(500))  # why this version replaced the previous
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the expiry reminder, sent once
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    revoke_reason: Mapped[RevokeReason | None] = mapped_column(_enum(RevokeReason, "certificates_revoke_reason"))
    revoke_note: Mapped[str | None] = mapped_column(String(500))

    supersedes: Mapped[Certificate | None] = relationship(remote_side=[id])

    def title(self, language: str) -> str:
        """The course or track title as it was at issue time, in ``language`` (French, then any, otherwise)."""
        titles: dict[str, str] = self.snapshot.get("titles", {})
        return titles.get(language) or titles.get("fr") or next(iter(titles.values()), "")

    def is_expired(self, now: datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or utcnow())


class RunKind(enum.StrEnum):
    ISSUE = "issue"  # issue certificates to everyone who completed a course
    ZIP = "zip"  # one ZIP of a course's certificates


class RunStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class IssueRun(db.Model):
    """A bulk job on one course's completers, with its progress for the page that started it. A rerun after a
    crash starts over and skips what is already issued (issuing is idempotent)."""

    __tablename__ = "certificates_issue_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, unique=True)
    kind: Mapped[RunKind] = mapped_column(_enum(RunKind, "certificates_run_kind"))
    course_uid: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[RunStatus] = mapped_column(_enum(RunStatus, "certificates_run_status"), default=RunStatus.QUEUED)
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    filename: Mapped[str | None] = mapped_column(String(100))  # the ZIP, under the certificates folder

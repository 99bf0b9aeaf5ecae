"""What the certificates pages and services read, beside the models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select

from sonores_lms.extensions import db
from sonores_lms.pagination import ListPage

from .models import Certificate, CertificateStatus, CertificateTemplate, IssueRun, SubjectKind


def latest_certificate(user_id: int, kind: SubjectKind, subject_uid: str) -> Certificate | None:
    """The newest version of a person's certificate for one completion, or None when none was issued."""
    return db.session.scalars(
        select(Certificate)
        .where(Certificate.user_id == user_id, Certificate.kind == kind, Certificate.subject_uid == subject_uid)
        .order_by(Certificate.version.desc())
        .limit(1)
    ).first()


def template_by_scope(scope: str) -> CertificateTemplate | None:
    return db.session.scalars(select(CertificateTemplate).where(CertificateTemplate.scope == scope)).first()


def template_by_uid(uid: str) -> CertificateTemplate | None:
    return db.session.scalars(select(CertificateTemplate).where(CertificateTemplate.uid == uid)).first()


def all_templates() -> list[CertificateTemplate]:
    return list(db.session.scalars(select(CertificateTemplate).order_by(CertificateTemplate.scope)))


def certificate_by_code(code: str) -> Certificate | None:
    """One query, on the unique index of the code (the verification page's whole database work)."""
    return db.session.scalars(select(Certificate).where(Certificate.code == code)).first()


def certificates_of(user_id: int, *, current_only: bool = True) -> list[Certificate]:
    """A person's certificates, newest first; superseded versions left out unless asked for."""
    query = select(Certificate).where(Certificate.user_id == user_id)
    if current_only:
        query = query.where(Certificate.status != CertificateStatus.SUPERSEDED)
    return list(db.session.scalars(query.order_by(Certificate.issued_at.desc(), Certificate.id.desc())))


def certificate_for_course(user_id: int, course_uid: str) -> Certificate | None:
    """The person's valid certificate for a course (for the course page), or None."""
    return db.session.scalars(
        select(Certificate)
        .where(
            Certificate.user_id == user_id,
            Certificate.kind == SubjectKind.COURSE,
            Certificate.subject_uid == course_uid,
            Certificate.status == CertificateStatus.VALID,
        )
        .limit(1)
    ).first()


def run_by_uid(uid: str) -> IssueRun | None:
    return db.session.scalars(select(IssueRun).where(IssueRun.uid == uid)).first()


def runs_of_course(course_uid: str, *, limit: int = 5) -> list[IssueRun]:
    return list(
        db.session.scalars(
            select(IssueRun)
            .where(IssueRun.course_uid == course_uid)
            .order_by(IssueRun.created_at.desc(), IssueRun.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class ListFilters:
    """The admin list's filters; ``institutes`` narrows a director to their own institutes (None: everywhere)."""

    course_uid: str | None = None  # a course's or a track's uid (see subject_kind)
    subject_kind: SubjectKind = SubjectKind.COURSE
    institute_id: int | None = None
    country: str | None = None
    status: str | None = None  # a CertificateStatus value, or "expired"
    issued_from: datetime | None = None
    issued_until: datetime | None = None
    institutes: frozenset[int] | None = None


def list_query(filters: ListFilters, *, now: datetime) -> Select[Any]:
    """The admin list, newest first, on the (issued_at, id) index: a page costs the same at 100,000 rows."""
    query = select(Certificate)
    if filters.institutes is not None:
        query = query.where(Certificate.institute_id.in_(sorted(filters.institutes)))
    if filters.course_uid:
        query = query.where(Certificate.kind == filters.subject_kind, Certificate.subject_uid == filters.course_uid)
    if filters.institute_id is not None:
        query = query.where(Certificate.institute_id == filters.institute_id)
    if filters.country:
        query = query.where(Certificate.country == filters.country)
    if filters.status == "expired":
        query = query.where(Certificate.status == CertificateStatus.VALID, Certificate.expires_at <= now)
    elif filters.status == CertificateStatus.VALID.value:
        query = query.where(
            Certificate.status == CertificateStatus.VALID,
            (Certificate.expires_at.is_(None)) | (Certificate.expires_at > now),
        )
    elif filters.status:
        query = query.where(Certificate.status == CertificateStatus(filters.status))
    if filters.issued_from is not None:
        query = query.where(Certificate.issued_at >= filters.issued_from)
    if filters.issued_until is not None:
        query = query.where(Certificate.issued_at < filters.issued_until)
    return query.order_by(Certificate.issued_at.desc(), Certificate.id.desc())


def list_page(filters: ListFilters, *, now: datetime, page: int, per_page: int = 50) -> ListPage:
    """One page of the list in three queries whatever its number: the count, the page's ids (read from the
    (issued_at, id) index without visiting the rows it skips), then those rows."""
    ids_query = list_query(filters, now=now).with_only_columns(Certificate.id)
    total = db.session.scalar(select(func.count()).select_from(ids_query.order_by(None).subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    ids = list(db.session.scalars(ids_query.offset((page - 1) * per_page).limit(per_page)))
    rows = {c.id: c for c in db.session.scalars(select(Certificate).where(Certificate.id.in_(ids)))} if ids else {}
    return ListPage([rows[i] for i in ids if i in rows], page, per_page, total)

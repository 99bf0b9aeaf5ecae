"""Issuing, re-issuing and revoking certificates. Services: they flush and audit, never commit.

Issuing is idempotent per completion: a completion (a person and a course, or a person and a track) has at most
one version 1, guaranteed by the unique constraint on ``(user_id, kind, subject_uid, version)``. A second ask (the
event and a bulk run, a retried job, two workers at once) finds the certificate already there, or loses the race
at the constraint inside a savepoint and then finds it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from courses.api import (
    enrolment_of,
    minutes_of,
    published_course,
    published_track,
    track_completed_at,
    track_of,
)
from sonores_lms.audit.services import record
from sonores_lms.config import LANGUAGES
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.people.models import User

from .models import (
    Certificate,
    CertificateStatus,
    CertificateTemplate,
    RevokeReason,
    SubjectKind,
)
from .queries import latest_certificate, template_by_scope


class IssueError(Exception):
    """Something that stops an issue (no such completion, a person gone); ``message`` is for the admin."""

    def __init__(self, message: Any, *, status: int = 409) -> None:
        super().__init__(str(message))
        self.message = message
        self.status = status


def language_of(user: User) -> str:
    return user.locale if user.locale in LANGUAGES else "fr"


def template_for(kind: SubjectKind, subject_uid: str, *, track_uid: str | None = None) -> CertificateTemplate | None:
    """The most specific template: the course's (or the track's), then for a course its track's, then the
    network default."""
    scopes = [f"{kind.value}:{subject_uid}"]
    if track_uid is not None:
        scopes.append(f"track:{track_uid}")
    scopes.append("network")
    for scope in scopes:
        template = template_by_scope(scope)
        if template is not None:
            return template
    return None


def _months_later(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                           31, 31, 30, 31, 30, 31][month - 1])  # fmt: skip
    return moment.replace(year=year, month=month, day=day)


def _titles(item: Any) -> dict[str, str]:
    return {lang: item.texts_in(lang)["title"] for lang in LANGUAGES if item.texts_in(lang).get("title")}


def subject_facts(user: User, kind: SubjectKind, subject_uid: str) -> dict[str, Any]:
    """What the certificate attests, read now from the published plan and the person; raises :class:`IssueError`
    when the course or track is not published or the person has not completed it."""
    if kind is SubjectKind.COURSE:
        course = published_course(subject_uid)
        if course is None:
            raise IssueError("no published course", status=404)
        enrolment = enrolment_of(user, subject_uid)
        completed_at = enrolment.completed_at if enrolment is not None else None
        track = track_of(course)
        facts = {"titles": _titles(course), "track_titles": _titles(track), "track_uid": track.uid}
        minutes = minutes_of(course)
    else:
        track = published_track(subject_uid)
        if track is None:
            raise IssueError("no published track", status=404)
        completed_at = track_completed_at(user, subject_uid)
        facts = {"titles": _titles(track), "track_titles": _titles(track), "track_uid": track.uid}
        minutes = minutes_of(track)
    if completed_at is None:
        raise IssueError("not completed")
    institute = user.institute
    return {
        **facts,
        "holder": user.full_name,
        "minutes": minutes,
        "completed_on": completed_at.date().isoformat(),
        "completed_at": completed_at,
        "institute": institute.name if institute is not None else "",
        "institute_id": institute.id if institute is not None else None,
        "country": institute.country if institute is not None else None,
        "issuer": current_app.config["CERTIFICATES_ISSUER_NAME"],
    }


def _design(template: CertificateTemplate | None) -> dict[str, Any]:
    """The template as it was at issue time: a later edit of the design does not change issued certificates."""
    if template is None:
        return {"texts": {}, "signatories": [], "logo_uid": None, "orientation": "landscape", "paper": "A4"}
    return {
        "texts": {lang: template.texts_in(lang) for lang in LANGUAGES if template.texts_in(lang)},
        "signatories": list(template.signatories or []),
        "logo_uid": template.logo_uid,
        "orientation": template.orientation.value,
        "paper": template.paper.value,
    }


def _snapshot(facts: dict[str, Any], template: CertificateTemplate | None) -> dict[str, Any]:
    kept = {key: value for key, value in facts.items() if key not in ("completed_at", "institute_id")}
    return {**kept, "design": _design(template)}


def issue(
    user: User,
    kind: SubjectKind,
    subject_uid: str,
    *,
    actor: Any,
    template: CertificateTemplate | None = None,
    language: str | None = None,
    notify: bool = True,
) -> Certificate:
    """The certificate of ``user``'s completion of the course or track ``subject_uid``: the one already issued
    (whatever its status), or a new version 1 built from today's facts. Audited; the holder gets a mail."""
    existing = latest_certificate(user.id, kind, subject_uid)
    if existing is not None:
        return existing
    facts = subject_facts(user, kind, subject_uid)
    if template is None:
        template = template_for(kind, subject_uid, track_uid=facts["track_uid"])
    certificate = _new_certificate(user, kind, subject_uid, facts, template, language=language, actor=actor)
    try:
        with db.session.begin_nested():
            db.session.add(certificate)
            db.session.flush()
    except IntegrityError:
        # Someone issued it between our look and our insert (another worker): theirs is the one.
        found = latest_certificate(user.id, kind, subject_uid)
        if found is None:
            raise
        return found
    _issued(certificate, actor=actor, notify=notify)
    return certificate


def _new_certificate(
    user: User,
    kind: SubjectKind,
    subject_uid: str,
    facts: dict[str, Any],
    template: CertificateTemplate | None,
    *,
    language: str | None,
    actor: Any,
    version: int = 1,
) -> Certificate:
    now = utcnow()
    months = template.valid_months if template is not None else None
    return Certificate(
        user_id=user.id,
        kind=kind,
        subject_uid=subject_uid,
        version=version,
        template_id=template.id if template is not None else None,
        language=language if language in LANGUAGES else language_of(user),
        bilingual=bool(template is not None and template.bilingual),
        snapshot=_snapshot(facts, template),
        holder_name=facts["holder"][:201],
        institute_id=facts["institute_id"],
        country=facts["country"],
        completed_at=facts["completed_at"],
        issued_at=now,
        issued_by_id=getattr(actor, "id", None),
        expires_at=_months_later(now, months) if months else None,
    )


def _issued(certificate: Certificate, *, actor: Any, notify: bool) -> None:
    record(
        "certificates.issued" if certificate.version == 1 else "certificates.reissued",
        actor=actor,
        target=certificate,
        target_label=f"{certificate.code} {certificate.holder_name}"[:255],
        details={
            "code": certificate.code,
            "user_id": certificate.user_id,
            "kind": certificate.kind.value,
            "subject_uid": certificate.subject_uid,
            "version": certificate.version,
            **({"reason": certificate.reissue_reason} if certificate.reissue_reason else {}),
        },
    )
    if notify:
        from .notify import certificate_ready

        certificate_ready(certificate)


def reissue(certificate: Certificate, *, actor: Any, reason: str, language: str | None = None) -> Certificate:
    """Version ``n + 1`` of a valid certificate, from today's facts (a corrected name, say); version ``n`` stays,
    superseded, and ``reason`` is kept on the new one. A superseded or revoked certificate cannot be re-issued."""
    if certificate.status is not CertificateStatus.VALID:
        raise IssueError("only a valid certificate can be re-issued")
    user = db.session.get(User, certificate.user_id) if certificate.user_id is not None else None
    if user is None:
        raise IssueError("the holder's account is gone", status=409)
    facts = subject_facts(user, certificate.kind, certificate.subject_uid)
    template = (
        db.session.get(CertificateTemplate, certificate.template_id) if certificate.template_id is not None else None
    ) or template_for(certificate.kind, certificate.subject_uid, track_uid=facts["track_uid"])
    certificate.status = CertificateStatus.SUPERSEDED
    new = _new_certificate(
        user,
        certificate.kind,
        certificate.subject_uid,
        facts,
        template,
        language=language or certificate.language,
        actor=actor,
        version=certificate.version + 1,
    )
    new.supersedes_id = certificate.id
    new.reissue_reason = reason.strip()[:500]
    new.expires_at = certificate.expires_at  # a corrected certificate attests the same completion, for as long
    # ... and expires on the same day: a holder already reminded of it must not get the 60-day reminder again.
    new.reminded_at = certificate.reminded_at
    db.session.add(new)
    db.session.flush()
    _issued(new, actor=actor, notify=True)
    return new


def revoke(certificate: Certificate, *, actor: Any, reason: RevokeReason, note: str = "") -> Certificate:
    """Revoke a valid certificate: the public page then says so, with the date and the reason's category."""
    if certificate.status is not CertificateStatus.VALID:
        raise IssueError("only a valid certificate can be revoked")
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at = utcnow()
    certificate.revoked_by_id = getattr(actor, "id", None)
    certificate.revoke_reason = reason
    certificate.revoke_note = note.strip()[:500] or None
    db.session.flush()
    record(
        "certificates.revoked",
        actor=actor,
        target=certificate,
        target_label=f"{certificate.code} {certificate.holder_name}"[:255],
        details={"code": certificate.code, "reason": reason.value, "user_id": certificate.user_id},
    )
    return certificate


def versions_of(certificate: Certificate) -> list[Certificate]:
    """Every version of this certificate's completion, newest first."""
    return list(
        db.session.scalars(
            select(Certificate)
            .where(
                Certificate.user_id == certificate.user_id,
                Certificate.kind == certificate.kind,
                Certificate.subject_uid == certificate.subject_uid,
            )
            .order_by(Certificate.version.desc())
        )
    )

"""Issuing: once per completion, a snapshot of what it attests, re-issue as a new version, revocation, expiry,
each in the audit log; the completion events queue the issue after the commit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from certificates.issuing import IssueError, issue, reissue, revoke
from certificates.models import Certificate, CertificateStatus, RevokeReason, SubjectKind
from sonores_lms.audit.models import AuditEntry
from sonores_lms.database import utcnow
from sonores_lms.jobs import pending_jobs


def count(db, **where):
    query = select(func.count()).select_from(Certificate)
    for key, value in where.items():
        query = query.where(getattr(Certificate, key) == value)
    return db.session.scalar(query)


def actions(db):
    return [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_completing_a_course_issues_its_certificate_once_with_a_snapshot(completed, make_template, db, outbox):
    make_template(valid_months=24)
    user, course = completed(first_name="Nguyễn", last_name="Văn An", locale="es")
    certificate = db.session.scalars(select(Certificate)).one()
    assert (certificate.user_id, certificate.kind, certificate.subject_uid) == (user.id, SubjectKind.COURSE, course.uid)
    assert certificate.language == "es" and certificate.version == 1 and certificate.status is CertificateStatus.VALID
    snapshot = certificate.snapshot
    assert snapshot["holder"] == "Nguyễn Văn An" and snapshot["titles"]["fr"] == course.text("title", "fr").text
    assert snapshot["institute"] == "Alliance Française de Santiago" and snapshot["country"] == "CL"
    assert snapshot["minutes"] == 20 and snapshot["design"]["texts"]["es"]["title"] == "Certificado de formación"
    assert certificate.expires_at - certificate.issued_at > timedelta(days=720)
    assert "certificates.issued" in actions(db)
    (mail,) = [m for m in outbox if certificate.code in m.body]
    assert mail.to == [user.email] and "certificado" in mail.subject.lower()  # in the holder's language
    # A later edit of the course or the person does not change what was issued.
    course.set_texts("fr", {"title": "Autre titre"})
    user.first_name = "Changé"
    db.session.flush()
    db.session.refresh(certificate)
    assert certificate.snapshot["holder"] == "Nguyễn Văn An"
    assert certificate.snapshot["titles"]["fr"] != "Autre titre"


def test_issuing_twice_for_one_completion_gives_one_certificate(completed, make_template, db):
    user, course = completed()  # no template yet: nothing issued automatically
    assert count(db) == 0
    first = issue(user, SubjectKind.COURSE, course.uid, actor=None)
    again = issue(user, SubjectKind.COURSE, course.uid, actor=None)
    assert first is again and count(db) == 1


def test_the_database_refuses_a_second_version_one(completed, db):
    user, course = completed()
    issue(user, SubjectKind.COURSE, course.uid, actor=None)
    with pytest.raises(IntegrityError), db.session.begin_nested():
        db.session.add(
            Certificate(
                user_id=user.id, kind=SubjectKind.COURSE, subject_uid=course.uid, version=1, language="fr",
                holder_name="x", snapshot={},
            )
        )  # fmt: skip
        db.session.flush()


def test_no_certificate_without_a_completion_or_with_auto_issue_off(make_plan, create_user, make_template, db):
    course = make_plan(courses=1, lessons=1).axes[0].tracks[0].courses[0]
    user = create_user()
    with pytest.raises(IssueError):
        issue(user, SubjectKind.COURSE, course.uid, actor=None)
    with pytest.raises(IssueError):
        issue(user, SubjectKind.COURSE, "no-such-course", actor=None)


def test_a_course_template_can_switch_automatic_issue_off(completed, make_template, make_plan, db):
    make_template()
    plan_course = make_plan(year=2030, courses=1, lessons=1).axes[0].tracks[0].courses[0]
    make_template(f"course:{plan_course.uid}", auto_issue=False)
    from courses.api import CompletionSource, complete_lesson

    user, _course = completed()
    assert count(db, user_id=user.id) == 1  # the network default issues
    complete_lesson(user, plan_course.modules[0].lessons[0].uid, source=CompletionSource.MANUAL)
    assert count(db, user_id=user.id, subject_uid=plan_course.uid) == 0


def test_completing_a_track_issues_a_track_certificate(make_plan, create_user, complete_course, make_template, db):
    make_template()
    track = make_plan(courses=2, lessons=1).axes[0].tracks[0]
    user = create_user()
    for course in track.courses:
        complete_course(user, course)
    assert count(db, user_id=user.id, kind=SubjectKind.TRACK, subject_uid=track.uid) == 1
    assert count(db, user_id=user.id, kind=SubjectKind.COURSE) == 2
    certificate = db.session.scalars(select(Certificate).where(Certificate.kind == SubjectKind.TRACK)).one()
    assert certificate.snapshot["minutes"] == 20 and certificate.title("fr") == "Stratégie numérique"


def test_the_receiver_queues_the_job_after_the_commit(app, completed, make_template, db, monkeypatch):
    from certificates.jobs import issue_for_completion

    make_template()
    monkeypatch.setitem(app.config, "JOBS_IMMEDIATE", False)
    user, course = completed()
    queued = [kwargs for job, kwargs in pending_jobs(db.session) if job is issue_for_completion]
    assert queued == [{"user_id": user.id, "kind": "course", "subject_uid": course.uid}]
    assert count(db) == 0  # the request does not wait for the certificate
    monkeypatch.setitem(app.config, "JOBS_IMMEDIATE", True)
    issue_for_completion.call_local(**queued[0])
    issue_for_completion.call_local(**queued[0])  # a retried job
    assert count(db) == 1


def test_reissue_makes_version_two_and_keeps_version_one_with_the_reason(completed, make_template, db, dummy_user):
    make_template()
    user, _course = completed(last_name="Perez")
    first = db.session.scalars(select(Certificate)).one()
    user.last_name = "Pérez"
    db.session.flush()
    second = reissue(first, actor=dummy_user, reason="Accent du nom corrigé")
    assert (second.version, second.supersedes_id, second.reissue_reason) == (2, first.id, "Accent du nom corrigé")
    assert second.code != first.code and second.snapshot["holder"].endswith("Pérez")
    assert first.status is CertificateStatus.SUPERSEDED and first.snapshot["holder"].endswith("Perez")
    assert "certificates.reissued" in actions(db)
    with pytest.raises(IssueError):
        reissue(first, actor=dummy_user, reason="again")
    assert issue(user, first.kind, first.subject_uid, actor=None) is second  # the current one


def test_revoke_keeps_the_date_and_reason_and_is_audited(completed, make_template, db, dummy_user):
    make_template()
    completed()
    certificate = db.session.scalars(select(Certificate)).one()
    revoke(certificate, actor=dummy_user, reason=RevokeReason.ISSUED_IN_ERROR, note="wrong person")
    assert certificate.status is CertificateStatus.REVOKED and certificate.revoked_at <= utcnow()
    assert certificate.revoke_reason is RevokeReason.ISSUED_IN_ERROR and certificate.revoke_note == "wrong person"
    assert "certificates.revoked" in actions(db)
    with pytest.raises(IssueError):
        revoke(certificate, actor=dummy_user, reason=RevokeReason.OTHER)
    with pytest.raises(IssueError):
        reissue(certificate, actor=dummy_user, reason="no")

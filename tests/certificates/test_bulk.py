"""Bulk issue for a course's completers as a job with progress (a rerun after a crash finishes without
duplicates), the ZIP of a course's certificates, and the expiry reminder, once per certificate."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from certificates import issuing
from certificates.bulk import run_issue
from certificates.expiry import send_reminders
from certificates.models import Certificate, IssueRun, RunKind, RunStatus
from sonores_lms.database import utcnow


@pytest.fixture
def course_done_by_five(make_plan, create_user, complete_course):
    course = make_plan(courses=1, lessons=1).axes[0].tracks[0].courses[0]
    people = [create_user(locale=lang) for lang in ("fr", "es", "pt", "en", "es")]
    for person in people:
        complete_course(person, course)
    return course, people


def count(db):
    return db.session.scalar(select(func.count()).select_from(Certificate))


def test_bulk_issue_from_the_page_with_progress(admin_client, course_done_by_five, make_template, db, app):
    course, _people = course_done_by_five
    make_template(auto_issue=False)  # nothing issued by itself
    assert count(db) == 0
    page = admin_client.get(f"/certificates/admin/courses/{course.uid}").get_data(as_text=True)
    assert "5 people completed this course." in page and "0 certificates are issued." in page
    response = admin_client.post(f"/certificates/admin/courses/{course.uid}/issue")
    assert response.status_code == 302 and count(db) == 5
    run = db.session.scalars(select(IssueRun)).one()
    assert (run.status, run.done, run.total) == (RunStatus.DONE, 5, 5)
    page = admin_client.get(f"/certificates/admin/courses/{course.uid}").get_data(as_text=True)
    assert "5 certificates are issued." in page and 'value="5"' in page
    admin_client.post(f"/certificates/admin/courses/{course.uid}/issue")
    assert count(db) == 5  # a second run issues nothing new


def test_a_run_that_dies_halfway_is_finished_by_a_rerun_without_duplicates(
    course_done_by_five, make_template, db, monkeypatch
):
    course, _people = course_done_by_five
    make_template(auto_issue=False)
    run = IssueRun(kind=RunKind.ISSUE, course_uid=course.uid)
    db.session.add(run)
    db.session.flush()
    real_issue = issuing.issue
    calls = []

    def dying(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the worker was killed")
        return real_issue(*args, **kwargs)

    monkeypatch.setattr(issuing, "issue", dying)
    with pytest.raises(RuntimeError):
        run_issue(run.uid, commit=False)
    assert count(db) == 2 and run.status is RunStatus.RUNNING
    monkeypatch.setattr(issuing, "issue", real_issue)
    run_issue(run.uid, commit=False)
    assert count(db) == 5 and run.status is RunStatus.DONE
    per_person = db.session.execute(select(Certificate.user_id, func.count()).group_by(Certificate.user_id)).all()
    assert all(n == 1 for _user, n in per_person)


def test_the_zip_of_a_course(admin_client, course_done_by_five, make_template, db, app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "CERTIFICATES_FOLDER", str(tmp_path))
    course, _people = course_done_by_five
    make_template()
    admin_client.post(f"/certificates/admin/courses/{course.uid}/issue")
    response = admin_client.post(f"/certificates/admin/courses/{course.uid}/zip")
    assert response.status_code == 302
    run = db.session.scalars(select(IssueRun).where(IssueRun.kind == RunKind.ZIP)).one()
    assert run.status is RunStatus.DONE and run.done == 5
    page = admin_client.get(f"/certificates/admin/courses/{course.uid}").get_data(as_text=True)
    assert f"/certificates/admin/runs/{run.uid}.zip" in page
    response = admin_client.get(f"/certificates/admin/runs/{run.uid}.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    response.close()
    codes = set(db.session.scalars(select(Certificate.code)))
    assert len(names) == 5 and {name[:13] for name in names} == codes
    assert all(archive.read(name).startswith(b"%PDF-") for name in names)
    admin_client.post(f"/certificates/admin/courses/{course.uid}/zip")  # a newer ZIP replaces the older file
    assert admin_client.get(f"/certificates/admin/runs/{run.uid}.zip").status_code == 404
    assert len(list(tmp_path.glob("*.zip"))) == 1


def test_the_expiry_reminder_goes_once_60_days_before(completed, make_template, db, outbox):
    make_template(valid_months=12)
    user, _course = completed(locale="pt")
    certificate = db.session.scalars(select(Certificate)).one()
    outbox.clear()
    assert send_reminders() == 0  # a year ahead: not yet
    certificate.expires_at = utcnow() + timedelta(days=59)
    db.session.flush()
    assert send_reminders() == 1 and send_reminders() == 0
    (mail,) = outbox
    assert mail.to == [user.email] and certificate.code in mail.body and "expira" in mail.subject
    certificate.expires_at = utcnow() - timedelta(days=1)
    certificate.reminded_at = None
    db.session.flush()
    assert send_reminders() == 0  # already expired: no reminder


def test_a_reissued_certificate_keeps_the_reminder_already_sent(completed, make_template, db, outbox, dummy_user):
    make_template(valid_months=12)
    _user, _course = completed(locale="fr")
    first = db.session.scalars(select(Certificate)).one()
    first.expires_at = utcnow() + timedelta(days=30)
    db.session.flush()
    assert send_reminders() == 1
    outbox.clear()
    second = issuing.reissue(first, actor=dummy_user, reason="Nom corrigé")
    assert second.version == 2 and second.expires_at == first.expires_at
    assert second.reminded_at == first.reminded_at is not None
    outbox.clear()  # the re-issue's own mail
    assert send_reminders() == 0 and outbox == []


def test_a_certificate_reissued_before_its_reminder_is_reminded_once(completed, make_template, db, outbox, dummy_user):
    make_template(valid_months=12)
    completed(locale="fr")
    first = db.session.scalars(select(Certificate)).one()
    second = issuing.reissue(first, actor=dummy_user, reason="Nom corrigé")
    assert second.reminded_at is None
    second.expires_at = utcnow() + timedelta(days=30)
    db.session.flush()
    outbox.clear()
    assert send_reminders() == 1 and send_reminders() == 0


def test_a_run_left_running_by_a_dead_worker_stops_blocking_after_a_while(admin_client, course_done_by_five, db):
    course, _people = course_done_by_five
    run = IssueRun(kind=RunKind.ISSUE, course_uid=course.uid, status=RunStatus.RUNNING)
    db.session.add(run)
    db.session.flush()
    page = admin_client.get(f"/certificates/admin/courses/{course.uid}").get_data(as_text=True)
    assert 'http-equiv="refresh"' in page and "disabled" in page
    run.created_at = utcnow() - timedelta(hours=1)
    db.session.flush()
    page = admin_client.get(f"/certificates/admin/courses/{course.uid}").get_data(as_text=True)
    assert 'http-equiv="refresh"' not in page and "disabled" not in page

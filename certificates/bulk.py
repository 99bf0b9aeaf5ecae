"""Bulk work on one course: issuing its completers' certificates, and the ZIP of its certificates.

A run records its progress (``done`` of ``total``) as it goes, committing every few certificates when it runs in
the job consumer, so the page that started it shows how far it is. Issuing is idempotent, so a run that died
halfway is simply run again: what was issued is found and skipped, what was missing is issued.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import select

from courses.api import course_completers, published_course, track_of
from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.people.models import User

from .models import Certificate, CertificateStatus, IssueRun, RunKind, RunStatus, SubjectKind
from .queries import run_by_uid

COMMIT_EVERY = 25


def start_run(course_uid: str, kind: RunKind, *, actor: Any) -> IssueRun:
    """A new run of ``kind`` on the course, queued after the commit."""
    from sonores_lms.jobs import enqueue_after_commit

    from .jobs import build_zip, run_bulk

    run = IssueRun(kind=kind, course_uid=course_uid, created_by_id=getattr(actor, "id", None))
    db.session.add(run)
    db.session.flush()
    if kind is RunKind.ISSUE:
        record(
            "certificates.bulk-issue-started", actor=actor, target=run, target_label=course_uid,
            details={"course_uid": course_uid},
        )  # fmt: skip
    enqueue_after_commit(run_bulk if kind is RunKind.ISSUE else build_zip, run_uid=run.uid)
    return run


def run_issue(run_uid: str, *, commit: bool) -> IssueRun | None:
    """Issue the course's certificates to everyone who completed it; skips what is issued already."""
    from .issuing import IssueError, issue, template_for

    run = run_by_uid(run_uid)
    if run is None:
        return None
    course = published_course(run.course_uid)
    completers = course_completers(run.course_uid)
    run.status, run.total, run.done = RunStatus.RUNNING, len(completers), 0
    _save(commit)
    template = template_for(SubjectKind.COURSE, run.course_uid, track_uid=track_of(course).uid) if course else None
    for n, (user_id, _completed_at) in enumerate(completers, start=1):
        user = db.session.get(User, user_id)
        if user is not None and course is not None:
            try:
                issue(user, SubjectKind.COURSE, run.course_uid, actor=None, template=template)
            except IssueError:
                current_app.logger.warning("Bulk run %s: no certificate for person %s", run_uid, user_id)
        run.done = n
        if n % COMMIT_EVERY == 0:
            _save(commit)
    run.status, run.finished_at = RunStatus.DONE, utcnow()
    _save(commit)
    return run


def _save(commit: bool) -> None:
    db.session.flush()
    if commit:
        db.session.commit()


def folder() -> Path:
    configured = current_app.config.get("CERTIFICATES_FOLDER")
    path = Path(configured) if configured else Path(current_app.instance_path) / "certificates"
    path.mkdir(parents=True, exist_ok=True)
    return path


def zip_path(run: IssueRun) -> Path | None:
    return folder() / run.filename if run.filename else None


def run_zip(run_uid: str) -> IssueRun | None:
    """One ZIP of the course's current certificates (each in its holder's language), written beside the others of
    the course and replacing the previous one; the file is named by the run's random uid."""
    from .render import certificate_pdf

    run = run_by_uid(run_uid)
    if run is None:
        return None
    certificates = list(
        db.session.scalars(
            select(Certificate)
            .where(
                Certificate.kind == SubjectKind.COURSE,
                Certificate.subject_uid == run.course_uid,
                Certificate.status != CertificateStatus.SUPERSEDED,
            )
            .order_by(Certificate.holder_name, Certificate.id)
        )
    )
    run.status, run.total, run.done = RunStatus.RUNNING, len(certificates), 0
    db.session.flush()
    target = folder() / f"{run.uid}.zip"
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n, certificate in enumerate(certificates, start=1):
            name = f"{certificate.code}-{_safe(certificate.holder_name)}.pdf"
            archive.writestr(name, certificate_pdf(certificate))
            run.done = n
    os.replace(partial, target)
    for earlier in db.session.scalars(
        select(IssueRun).where(
            IssueRun.course_uid == run.course_uid, IssueRun.kind == RunKind.ZIP, IssueRun.id != run.id
        )
    ):
        if earlier.filename:
            (folder() / earlier.filename).unlink(missing_ok=True)
            earlier.filename = None
    run.filename = target.name
    run.status, run.finished_at = RunStatus.DONE, utcnow()
    db.session.flush()
    return run


def _safe(name: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip()
    return kept.replace(" ", "_")[:60] or "certificate"

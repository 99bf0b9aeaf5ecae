"""A course's certificates in bulk: issue them to everyone who completed it, and build the ZIP of them all, each as
a job whose progress the page shows (it reloads itself while a job runs; nothing needs JavaScript)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from courses.api import course_completers, published_course
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm
from sonores_lms.permissions import requires

from ..access import ISSUE
from ..blueprint import blueprint
from ..bulk import start_run, zip_path
from ..models import Certificate, CertificateStatus, RunKind, RunStatus, SubjectKind
from ..queries import run_by_uid, runs_of_course

STALE_AFTER = timedelta(minutes=30)


def _course(uid: str) -> Any:
    course = published_course(uid)
    if course is None:
        abort(404)
    return course


@blueprint.route("/admin/courses/<uid>")
@requires(ISSUE)
def admin_course(uid: str) -> str:
    course = _course(uid)
    issued = db.session.scalar(
        select(func.count())
        .select_from(Certificate)
        .where(
            Certificate.kind == SubjectKind.COURSE,
            Certificate.subject_uid == uid,
            Certificate.status != CertificateStatus.SUPERSEDED,
        )
    )
    runs = runs_of_course(uid)
    # A run that died with its worker stays "running": after a while it no longer blocks a new one (which, issuing
    # being idempotent, finishes its work without duplicates).
    recent = utcnow() - STALE_AFTER
    busy = any(run.status in (RunStatus.QUEUED, RunStatus.RUNNING) and run.created_at > recent for run in runs)
    latest_zip = next((r for r in runs if r.kind is RunKind.ZIP and r.filename), None)
    return render_template(
        "certificates/admin/course.html",
        course=course,
        completers=len(course_completers(uid)),
        issued=issued,
        runs=runs,
        busy=busy,
        latest_zip=latest_zip,
        form=ConfirmForm(),
    )


def _start(uid: str, kind: RunKind) -> Response:
    _course(uid)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    start_run(uid, kind, actor=current_user)
    flash(_("The job is queued; this page shows its progress."), "success")
    return redirect(url_for("certificates.admin_course", uid=uid))


@blueprint.route("/admin/courses/<uid>/issue", methods=["POST"])
@requires(ISSUE)
def admin_course_issue(uid: str) -> Response:
    return _start(uid, RunKind.ISSUE)


@blueprint.route("/admin/courses/<uid>/zip", methods=["POST"])
@requires(ISSUE)
def admin_course_zip(uid: str) -> Response:
    return _start(uid, RunKind.ZIP)


@blueprint.route("/admin/runs/<uid>.zip")
@requires(ISSUE)
def admin_run_zip(uid: str) -> Response:
    run = run_by_uid(uid)
    path = zip_path(run) if run is not None and run.kind is RunKind.ZIP else None
    if path is None or not path.is_file():
        abort(404)
    return send_file(
        path, mimetype="application/zip", as_attachment=True, download_name=f"certificates-{run.course_uid}.zip"
    )


def connect(plugin: Any) -> None:
    pass

"""Admins' pages: the list of certificates (filters, pages of 50, CSV/XLSX), one certificate with its versions,
revoking, re-issuing, issuing one by hand.

``certificates.issue`` (network admins) may do everything; ``certificates.view`` lets an institute's director list,
open and download the certificates issued to their institute's people, and nothing else: every query is narrowed
to ``current_user.scope_of("certificates.view")`` and asking for another institute is refused (403).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale, get_timezone
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from courses.api import published_tracks
from sonores_lms.config import LANGUAGES
from sonores_lms.database import utcnow
from sonores_lms.export import csv_response
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.multilingual import pick
from sonores_lms.navigation import NavItem
from sonores_lms.pagination import page_arg
from sonores_lms.people.models import User
from sonores_lms.permissions import requires
from sonores_lms.signals import nav_items

from ..access import ISSUE, VIEW, institutes_seen
from ..admin_forms import IssueForm, ListFilterForm, ReissueForm, RevokeForm
from ..blueprint import blueprint
from ..export import header, row, xlsx
from ..issuing import IssueError, issue, reissue, revoke, versions_of
from ..models import STATUS_TITLES, CertificateStatus, SubjectKind
from ..queries import ListFilters, list_page, list_query
from .learners import load_certificate
from .verify import public_state

PER_PAGE = 50
EXPORT_MAX = 100_000


def _nav(_sender: Any) -> NavItem:
    return NavItem("certificates.admin_list", _l("Certificates"), weight=45, section="admin", permission=VIEW)


def state_titles() -> dict[str, Any]:
    return {
        "valid": STATUS_TITLES[CertificateStatus.VALID],
        "expired": _l("Expired"),
        "revoked": STATUS_TITLES[CertificateStatus.REVOKED],
        "replaced": STATUS_TITLES[CertificateStatus.SUPERSEDED],
    }


def _title(item: Any) -> str:
    return pick({lang: item.texts_in(lang).get("title") for lang in LANGUAGES}).text


def subject_choices() -> list[tuple[str, Any]]:
    """Tracks and courses of the latest published plan, as ``kind:uid`` values."""
    options: list[tuple[str, Any]] = []
    for track in published_tracks():
        options.append((f"track:{track.uid}", _l("Track: %(title)s", title=_title(track))))
        options += [(f"course:{c.uid}", _l("Course: %(title)s", title=_title(c))) for c in track.courses]
    return options


# -- the list -----------------------------------------------------------------------------------------------------
def _filters() -> tuple[ListFilterForm, ListFilters]:
    scope = institutes_seen(current_user)
    form = ListFilterForm(request.args)
    institutes = select(Institute).order_by(Institute.name)
    if scope is not None:
        institutes = institutes.where(Institute.id.in_(sorted(scope)))
    listed = list(db.session.scalars(institutes))
    form.institute.choices = [("", _("Every institute"))] + [(str(i.id), i.name) for i in listed]
    countries = sorted({i.country for i in listed})
    form.country.choices = [("", _("Every country"))] + [(c, c) for c in countries]
    form.course.choices = [("", _("Every course and track"))] + subject_choices()
    form.status.choices = [("", _("Every status"))] + [
        (value, title)
        for value, title in (
            ("valid", _l("Valid")),
            ("expired", _l("Expired")),
            ("revoked", _l("Revoked")),
            ("superseded", _l("Replaced")),
        )
    ]
    wanted = request.args.get("institute", "")
    if scope is not None and wanted.isdigit() and int(wanted) not in scope:
        abort(403)
    valid = form.validate()
    if not valid:
        return form, ListFilters(institutes=scope)
    zone = ZoneInfo(str(get_timezone()))

    def moment(day: Any) -> datetime | None:
        return datetime.combine(day, time.min, tzinfo=zone) if day else None

    until = moment(form.issued_until.data)
    subject = form.course.data or ""
    return form, ListFilters(
        course_uid=subject.partition(":")[2] or None,
        subject_kind=SubjectKind.TRACK if subject.startswith("track:") else SubjectKind.COURSE,
        institute_id=int(form.institute.data) if (form.institute.data or "").isdigit() else None,
        country=form.country.data or None,
        status=form.status.data or None,
        issued_from=moment(form.issued_from.data),
        issued_until=until.replace(hour=23, minute=59, second=59) if until else None,
        institutes=scope,
    )


@blueprint.route("/admin/")
@requires(VIEW)
def admin_list() -> str:
    form, filters = _filters()
    page = list_page(filters, now=utcnow(), page=page_arg(), per_page=PER_PAGE)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "certificates/admin/list.html",
        form=form,
        page=page,
        args=args,
        rows=[(c, public_state(c)) for c in page.items],
        states=state_titles(),
        language=str(get_locale() or "fr"),
        may_issue=current_user.can(ISSUE),
    )


def _export_rows() -> tuple[list[str], list[list[Any]]]:
    _form, filters = _filters()
    zone = ZoneInfo(str(get_timezone()))
    language = str(get_locale() or "fr")
    states = {k: str(v) for k, v in state_titles().items()}
    certificates = db.session.scalars(list_query(filters, now=utcnow()).limit(EXPORT_MAX))
    return header(), [row(c, states[public_state(c)], language, zone) for c in certificates]


@blueprint.route("/admin/certificates.csv")
@requires(VIEW)
def admin_csv() -> Response:
    head, rows = _export_rows()
    return csv_response("sonores-certificates.csv", head, rows)


@blueprint.route("/admin/certificates.xlsx")
@requires(VIEW)
def admin_xlsx() -> Response:
    head, rows = _export_rows()
    response = make_response(xlsx(head, rows))
    response.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response.headers["Content-Disposition"] = 'attachment; filename="sonores-certificates.xlsx"'
    response.headers["Cache-Control"] = "no-store"
    return response


# -- one certificate ----------------------------------------------------------------------------------------------
def _detail(certificate: Any, *, revoke_form: Any = None, reissue_form: Any = None, status: int = 200) -> Any:
    return (
        render_template(
            "certificates/admin/certificate.html",
            certificate=certificate,
            state=public_state(certificate),
            states=state_titles(),
            versions=versions_of(certificate) if certificate.user_id is not None else [certificate],
            revoke_form=revoke_form or RevokeForm(),
            reissue_form=reissue_form or ReissueForm(),
            may_issue=current_user.can(ISSUE),
            language=str(get_locale() or "fr"),
            languages=LANGUAGES,
        ),
        status,
    )


@blueprint.route("/admin/<code>")
@requires(VIEW)
def admin_certificate(code: str) -> Any:
    return _detail(load_certificate(code))


@blueprint.route("/admin/<code>/revoke", methods=["POST"])
@requires(ISSUE)
def admin_revoke(code: str) -> Any:
    certificate = load_certificate(code)
    form = RevokeForm()
    if not form.validate_on_submit():
        return _detail(certificate, revoke_form=form, status=400)
    try:
        revoke(certificate, actor=current_user, reason=form.reason_value, note=form.note.data or "")
    except IssueError:
        abort(409)
    flash(_("The certificate %(code)s is revoked.", code=certificate.code), "success")
    return redirect(url_for("certificates.admin_certificate", code=certificate.code))


@blueprint.route("/admin/<code>/reissue", methods=["POST"])
@requires(ISSUE)
def admin_reissue(code: str) -> Any:
    certificate = load_certificate(code)
    form = ReissueForm()
    if not form.validate_on_submit():
        return _detail(certificate, reissue_form=form, status=400)
    try:
        new = reissue(certificate, actor=current_user, reason=form.reason.data, language=form.language.data or None)
    except IssueError:
        abort(409)
    flash(_("Version %(version)s is issued: %(code)s.", version=new.version, code=new.code), "success")
    return redirect(url_for("certificates.admin_certificate", code=new.code))


# -- issuing one by hand ------------------------------------------------------------------------------------------
@blueprint.route("/admin/issue", methods=["GET", "POST"])
@requires(ISSUE)
def admin_issue() -> Any:
    form = IssueForm(subjects=subject_choices())
    status = 200
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        person = db.session.scalars(select(User).where(User.email == email)).first()
        kind, _sep, uid = form.subject.data.partition(":")
        if person is None:
            form.email.errors.append(_("Nobody has this email address."))
        else:
            try:
                certificate = issue(person, SubjectKind(kind), uid, actor=current_user)
            except IssueError as error:
                message = (
                    _("This person has not completed it.")
                    if str(error) == "not completed"
                    else _("This course or track is not published.")
                )
                form.subject.errors.append(message)
            else:
                flash(_("The certificate %(code)s is issued.", code=certificate.code), "success")
                return redirect(url_for("certificates.admin_certificate", code=certificate.code))
        status = 400
    elif request.method == "POST":
        status = 400
    return render_template("certificates/admin/issue.html", form=form), status


def connect(plugin: Any) -> None:
    plugin.connect(nav_items, _nav)

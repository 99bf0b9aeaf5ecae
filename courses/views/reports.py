"""Progress reports with CSV and XLSX exports, and the offline lesson pack (HTML and PDF).

Reports need ``courses.view-reports``; an institute director holds it for their institutes only, so every report
and export is narrowed to ``current_user.scope_of("courses.view-reports")`` and asking for another institute is
refused (403). The offline pack and the "I studied offline" page are for any signed-in person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import format_percent, get_locale, get_timezone, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from slugify import slugify
from werkzeug.wrappers import Response
from wtforms import SelectMultipleField
from wtforms.validators import Optional

from sonores_lms.export import csv_response
from sonores_lms.navigation import NavItem
from sonores_lms.pdf import render_pdf
from sonores_lms.permissions import requires, signed_in
from sonores_lms.signals import nav_items

from .. import offline
from ..blueprint import blueprint
from ..report_export import columns, csv_table, export_filename, xlsx_workbook
from ..report_forms import FILTER_KEYS, ReportFilterForm
from ..reports import (
    GROUPING_TITLES,
    Grouping,
    ListPage,
    ReportFilters,
    Row,
    published_years,
    report_page,
    report_plan,
    report_rows,
    totals,
)

VIEW_REPORTS = "courses.view-reports"
GROUPINGS = "any(courses, people, institutes, countries, axes)"


def _nav(_sender: Any) -> NavItem:
    return NavItem("courses.reports", _l("Progress reports"), weight=40, section="admin", permission=VIEW_REPORTS)


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
    plugin.connect(nav_items, _nav)


# -- the filters --------------------------------------------------------------------------------------------------
def _scope() -> frozenset[int] | None:
    scope = current_user.scope_of(VIEW_REPORTS)
    return None if scope is None else frozenset(scope)


def _refuse_foreign_institute(scope: frozenset[int] | None) -> None:
    """A director asking for an institute that is not theirs gets 403, on the page and on the exports."""
    wanted = request.args.get("institute", "")
    if scope is not None and wanted.isdigit() and int(wanted) not in scope:
        abort(403)


@dataclass
class Report:
    form: ReportFilterForm
    valid: bool
    plan: Any
    filters: ReportFilters
    hints: dict[str, str]


def _report() -> Report:
    """The filter form filled from the query string, its choices from the plan and the reader's scope."""
    scope = _scope()
    _refuse_foreign_institute(scope)
    years = published_years()
    year_arg = request.args.get("year", "")
    plan = report_plan(int(year_arg) if year_arg.isdigit() and int(year_arg) in years else None)
    form = ReportFilterForm(formdata=request.args)
    hints = form.fill(years, plan, scope)
    valid = form.validate()
    return Report(form, valid, plan, form.filters(scope), hints)


def _filter_args() -> dict[str, str]:
    return {key: request.args[key] for key in FILTER_KEYS if request.args.get(key)}


def _percent(value: float | None) -> str:
    return "—" if value is None else format_percent(value / 100, "#,##0.#%")


# -- the report page ----------------------------------------------------------------------------------------------
@blueprint.route("/reports/")
@blueprint.route(f"/reports/<{GROUPINGS}:by>")
@requires(VIEW_REPORTS)
def reports(by: str = Grouping.COURSES.value) -> str:
    grouping = Grouping(by)
    report = _report()
    page: ListPage | None = None
    total = None
    if report.valid and report.plan is not None:
        # The totals first: they also count the rows, so the page needs no count of its own.
        total = totals(report.plan, report.filters, grouping)
        number = request.args.get("page", 1, type=int) or 1
        page = report_page(report.plan, grouping, report.filters, page=number, total=total.groups)
    return render_template(
        "courses/reports/index.html",
        report=report,
        form=report.form,
        grouping=grouping,
        groupings=GROUPING_TITLES,
        columns=columns(grouping),
        page=page,
        total=total,
        args=_filter_args(),
        percent=_percent,
    )


# -- exports ------------------------------------------------------------------------------------------------------
def _export_data(by: str) -> tuple[Grouping, Report, list[Row]]:
    grouping = Grouping(by)
    report = _report()
    if not report.valid or report.plan is None:
        abort(404 if report.plan is None else 400)
    return grouping, report, report_rows(report.plan, grouping, report.filters)


def _zone() -> ZoneInfo:
    return ZoneInfo(str(get_timezone() or "UTC"))


@blueprint.route(f"/reports/<{GROUPINGS}:by>.csv")
@requires(VIEW_REPORTS)
def reports_csv(by: str) -> Response:
    grouping, report, rows = _export_data(by)
    header, lines = csv_table(grouping, rows, _zone())
    return csv_response(export_filename(report.plan, grouping, "csv"), header, lines)


@blueprint.route(f"/reports/<{GROUPINGS}:by>.xlsx")
@requires(VIEW_REPORTS)
def reports_xlsx(by: str) -> Response:
    grouping, report, rows = _export_data(by)
    response = make_response(xlsx_workbook(grouping, rows, _zone()))
    response.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    filename = export_filename(report.plan, grouping, "xlsx")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


# -- the offline pack ---------------------------------------------------------------------------------------------
def _pack_course(uid: str) -> Any:
    course = offline.pack_course(uid)
    if course is None:
        abort(404)
    return course


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    response = make_response(body)
    response.headers["Content-Type"] = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _pack_filename(course: Any, extension: str) -> str:
    slug = slugify(str(course.text("title", "fr")), max_length=60) or "course"
    return f"sonores-{slug}.{extension}"


@blueprint.route("/learn/<uid>/pack.html")
@signed_in
def offline_pack(uid: str) -> Response:
    course = _pack_course(uid)
    pack = offline.build_pack(course, str(get_locale() or "fr"))
    html = render_template("courses/offline/pack.html", pack=pack)
    return _download(html.encode("utf-8"), "text/html; charset=utf-8", _pack_filename(course, "html"))


@blueprint.route("/learn/<uid>/pack.pdf")
@signed_in
def offline_pack_pdf(uid: str) -> Response:
    course = _pack_course(uid)
    pack = offline.build_pack(course, str(get_locale() or "fr"))
    pdf = render_pdf("courses/offline/pdf/pack.html", pack=pack)
    return _download(pdf, "application/pdf", _pack_filename(course, "pdf"))


class OfflineProgressForm(FlaskForm):
    lessons = SelectMultipleField(_l("Lessons I studied offline"), coerce=int, validators=[Optional()])


@blueprint.route("/learn/<uid>/offline", methods=["GET", "POST"])
@signed_in
def offline_progress(uid: str) -> str | Response:
    course = _pack_course(uid)
    user = current_user._get_current_object()
    items = offline.offline_items(course, user)
    form = OfflineProgressForm()
    # Lessons already done stay valid choices: sending the form twice changes nothing.
    form.lessons.choices = [(item.lesson.id, str(item.title)) for item in items]
    if form.validate_on_submit():
        chosen = set(form.lessons.data or [])
        locked = [item for item in items if item.lesson.id in chosen and item.lock is not None]
        if not chosen:
            form.lessons.errors = [_("Tick the lessons you studied.")]
        elif locked:
            titles = ", ".join(f"{item.title} ({item.lock_message})" for item in locked)
            form.lessons.errors = [_("Locked lessons cannot be marked done yet: %(lessons)s", lessons=titles)]
        else:
            try:
                marked = offline.record_offline(
                    user, [item.lesson for item in items if item.lesson.id in chosen], actor=user
                )
            except offline.OfflineError as error:
                form.lessons.errors = [str(error)]
            else:
                if marked:
                    flash(ngettext("%(num)s lesson marked done.", "%(num)s lessons marked done.", marked), "success")
                else:
                    flash(_("These lessons were already marked done."), "info")
                return redirect(url_for("courses.offline_progress", uid=course.uid))
    return render_template("courses/offline/progress.html", course=course, groups=offline.by_module(items), form=form)

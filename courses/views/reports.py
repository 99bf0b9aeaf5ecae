"""Progress reports with CSV and XLSX exports, and the offline lesson pack (HTML and PDF).

Reports need ``courses.view-reports``; an institute director holds it for their institutes only, so every report
and export is narrowed to ``current_user.scope_of("courses.view-reports")`` and asking for another institute is
refused (403). The offline pack and the "I studied offline" page are for any signed-in person.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter
from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import format_percent, get_locale, get_timezone, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from slugify import slugify
from werkzeug.wrappers import Response
from wtforms import SelectField, SelectMultipleField
from wtforms.validators import Optional

from sonores_lms.export import csv_response, safe_cell
from sonores_lms.institutes.forms import country_names
from sonores_lms.institutes.queries import MAX_LISTED, institute_choices, institute_count
from sonores_lms.navigation import NavItem
from sonores_lms.pdf import render_pdf
from sonores_lms.permissions import Role, requires, signed_in
from sonores_lms.signals import nav_items

from .. import offline
from ..blueprint import blueprint
from ..reports import (
    Grouping,
    ListPage,
    ReportFilters,
    Row,
    countries_in,
    published_years,
    report_page,
    report_plan,
    report_rows,
    totals,
)

VIEW_REPORTS = "courses.view-reports"
# Beyond this many courses in the plan, the Course filter lists the chosen track's courses only.
MAX_COURSES_LISTED = 60
GROUPINGS = "any(courses, people, institutes, countries, axes)"
GROUPING_TITLES: dict[Grouping, Any] = {
    Grouping.COURSES: _l("By course"),
    Grouping.PEOPLE: _l("By person"),
    Grouping.INSTITUTES: _l("By institute"),
    Grouping.COUNTRIES: _l("By country"),
    Grouping.AXES: _l("By axis"),
}


def _nav(_sender: Any) -> NavItem:
    return NavItem("courses.reports", _l("Progress reports"), weight=40, section="admin", permission=VIEW_REPORTS)


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
    plugin.connect(nav_items, _nav)


# -- the filters --------------------------------------------------------------------------------------------------
class ReportFilterForm(FlaskForm):
    """Read from the query string: a GET form needs no CSRF token and can be bookmarked."""

    class Meta:
        csrf = False

    year = SelectField(_l("Plan"), validators=[Optional()])
    axis = SelectField(_l("Axis"), validators=[Optional()])
    track = SelectField(_l("Track"), validators=[Optional()])
    course = SelectField(_l("Course"), validators=[Optional()])
    institute = SelectField(_l("Institute"), validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    role = SelectField(_l("Role"), validators=[Optional()])


FILTER_KEYS = ("year", "axis", "track", "course", "institute", "country", "role")


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
    form.year.choices = [(str(year), str(year)) for year in years]
    if plan is not None and not form.year.data:
        form.year.data = str(plan.year)
    hints: dict[str, str] = {}
    axes, tracks, courses = [], [], []
    chosen_track = request.args.get("track", "")
    chosen_course = request.args.get("course", "")
    if plan is not None:
        for axis in plan.axes:
            axes.append((axis.uid, str(axis.text("title"))))
            for track in axis.tracks:
                tracks.append((track.uid, str(track.text("title"))))
                courses.extend((track.uid, course.uid, course.text("title")) for course in track.courses)
    # The Course select lists the chosen track's courses; every course only while there are few enough (else the
    # course already chosen, so that a bookmarked link keeps working).
    if chosen_track:
        listed = [(uid, str(title)) for track_uid, uid, title in courses if track_uid == chosen_track]
    elif len(courses) <= MAX_COURSES_LISTED:
        listed = [(uid, str(title)) for _track, uid, title in courses]
    else:
        listed = [(uid, str(title)) for _track, uid, title in courses if uid == chosen_course]
        hints["course"] = _("Choose a track to list its courses.")
    form.axis.choices = [("", _("All axes")), *axes]
    form.track.choices = [("", _("All tracks")), *tracks]
    form.course.choices = [("", _("All courses")), *listed]
    institutes, cut = _filter_institutes(scope, request.args.get("country", ""), request.args.get("institute", ""))
    if cut:
        hints["institute"] = _("Choose a country to list its institutes.")
    form.institute.choices = [("", _("All institutes")), *((str(i), label) for i, label in institutes)]
    names = country_names()
    form.country.choices = [
        ("", _("All countries")),
        *sorted(((code, names.get(code, code)) for code in countries_in(scope)), key=lambda item: item[1]),
    ]
    form.role.choices = [("", _("All roles")), *((role.value, role.title) for role in Role)]
    valid = form.validate()
    filters = ReportFilters(
        scope=scope,
        axis_uid=form.axis.data or None,
        track_uid=form.track.data or None,
        course_uid=form.course.data or None,
        institute_id=int(form.institute.data) if (form.institute.data or "").isdigit() else None,
        country=form.country.data or None,
        role=Role(form.role.data) if form.role.data in {role.value for role in Role} else None,
    )
    return Report(form, valid, plan, filters, hints)


def _filter_institutes(scope: frozenset[int] | None, country: str, selected: str) -> tuple[list[tuple[int, str]], bool]:
    """The Institute select's choices, and whether the list was cut short. A director's own institutes; for the
    network, one country's, or all while there are few enough (the rule of the people page); else only the
    institute already chosen, so that ``?institute=<id>`` links keep working."""
    if scope is not None:
        return institute_choices(include_inactive=True, only=set(scope)), False
    if country:
        return institute_choices(include_inactive=True, country=country), False
    if institute_count() <= MAX_LISTED:
        return institute_choices(include_inactive=True), False
    if selected.isdigit():
        return institute_choices(include_inactive=True, only={int(selected)}), True
    return [], True


def _filter_args() -> dict[str, str]:
    return {key: request.args[key] for key in FILTER_KEYS if request.args.get(key)}


# -- columns shared by the page and the exports --------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    title: Any
    kind: str  # "text", "number", "percent" or "datetime"
    value: Callable[[Row], Any]
    width: int = 12


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _columns(grouping: Grouping) -> list[Column]:
    """The label columns of a grouping, then the figures."""
    names = country_names()

    def country(row: Row) -> str:
        code = row.labels.get("country")
        return names.get(code, code) if code else ""

    def country_group(row: Row) -> str:
        return country(row) or _("No institute")

    labels: dict[Grouping, list[Column]] = {
        Grouping.COURSES: [
            Column(_("Course"), "text", lambda r: _text(r.labels["course"].text("title")), 40),
            Column(_("Track"), "text", lambda r: _text(r.labels["track"].text("title")), 30),
            Column(_("Axis"), "text", lambda r: _text(r.labels["axis"].text("title")), 30),
        ],
        Grouping.PEOPLE: [
            Column(_("Last name"), "text", lambda r: r.labels["last_name"], 20),
            Column(_("First name"), "text", lambda r: r.labels["first_name"], 20),
            Column(_("Email"), "text", lambda r: r.labels["email"], 30),
            Column(_("Institute"), "text", lambda r: r.labels["institute"] or _("No institute"), 35),
            Column(_("Country"), "text", country, 18),
        ],
        Grouping.INSTITUTES: [
            Column(_("Institute"), "text", lambda r: r.labels["institute"] or _("No institute"), 35),
            Column(_("City"), "text", lambda r: r.labels["city"] or "", 18),
            Column(_("Country"), "text", country, 18),
        ],
        Grouping.COUNTRIES: [Column(_("Country"), "text", country_group, 25)],
        Grouping.AXES: [Column(_("Axis"), "text", lambda r: _text(r.labels["axis"].text("title")), 40)],
    }
    figures = [
        Column(_("Enrolled"), "number", lambda r: r.figures.enrolled, 10),
        Column(_("In progress"), "number", lambda r: r.figures.in_progress, 12),
        Column(_("Done"), "number", lambda r: r.figures.done, 10),
        Column(_("Percent done"), "percent", lambda r: r.figures.percent_done, 10),
        Column(_("Last activity"), "datetime", lambda r: r.figures.last_activity, 20),
    ]
    if grouping in (Grouping.INSTITUTES, Grouping.COUNTRIES, Grouping.AXES):
        figures.insert(0, Column(_("People"), "number", lambda r: r.figures.people, 10))
    return labels[grouping] + figures


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
        columns=_columns(grouping),
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


def _header(columns: Sequence[Column], zone: ZoneInfo) -> list[str]:
    return [
        _("%(title)s (%(zone)s)", title=column.title, zone=zone.key) if column.kind == "datetime" else column.title
        for column in columns
    ]


def _filename(plan: Any, grouping: Grouping, extension: str) -> str:
    return f"sonores-progress-{plan.year}-{grouping.value}.{extension}"


@blueprint.route(f"/reports/<{GROUPINGS}:by>.csv")
@requires(VIEW_REPORTS)
def reports_csv(by: str) -> Response:
    grouping, report, rows = _export_data(by)
    zone = _zone()
    columns = _columns(grouping)

    def cell(column: Column, row: Row) -> Any:
        value = column.value(row)
        if column.kind == "datetime" and value is not None:
            return value.astimezone(zone).isoformat(timespec="seconds")
        return value

    # Rows are worked out now, while the request (language, database session) is there; the body only writes them.
    lines = [[cell(column, row) for column in columns] for row in rows]
    return csv_response(_filename(report.plan, grouping, "csv"), _header(columns, zone), lines)


@blueprint.route(f"/reports/<{GROUPINGS}:by>.xlsx")
@requires(VIEW_REPORTS)
def reports_xlsx(by: str) -> Response:
    grouping, report, rows = _export_data(by)
    zone = _zone()
    columns = _columns(grouping)
    buffer = io.BytesIO()
    # No string is ever turned into a formula or a link; text cells also go through safe_cell.
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    sheet = workbook.add_worksheet(_sheet_name(str(GROUPING_TITLES[grouping])))
    bold = workbook.add_format({"bold": True})
    formats = {
        "percent": workbook.add_format({"num_format": "0.0%"}),
        "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        "number": workbook.add_format({"num_format": "0"}),
    }
    for col, title in enumerate(_header(columns, zone)):
        sheet.write_string(0, col, safe_cell(title), bold)
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
    for index, row in enumerate(rows, start=1):
        for col, column in enumerate(columns):
            _write_cell(sheet, index, col, column.kind, column.value(row), zone, formats)
    sheet.freeze_panes(1, 0)
    workbook.close()
    response = make_response(buffer.getvalue())
    response.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(report.plan, grouping, "xlsx")}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _sheet_name(title: str) -> str:
    """Excel refuses some characters in sheet names and more than 31 of them."""
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\'")
    return cleaned[:31] or "Report"


def _write_cell(sheet: Any, row: int, col: int, kind: str, value: Any, zone: ZoneInfo, formats: dict) -> None:
    if value is None:
        sheet.write_blank(row, col, None)
    elif kind == "number":
        sheet.write_number(row, col, value, formats["number"])
    elif kind == "percent":
        sheet.write_number(row, col, value / 100, formats["percent"])
    elif kind == "datetime" and isinstance(value, datetime):
        # Excel has no time zones: the reader's local time, named in the column header.
        sheet.write_datetime(row, col, value.astimezone(zone).replace(tzinfo=None), formats["datetime"])
    else:
        sheet.write_string(row, col, safe_cell(value))


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

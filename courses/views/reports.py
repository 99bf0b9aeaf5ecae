"""Progress reports with CSV and XLSX exports.

Reports need ``courses.view-reports``; an institute director holds it for their institutes only, so every report
and export is narrowed to ``current_user.scope_of("courses.view-reports")`` and asking for another institute is
refused (403). The offline lesson pack lives in ``views/offline.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, make_response, render_template, request
from flask_babel import format_percent, get_timezone
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from sonores_lms.export import csv_response
from sonores_lms.navigation import NavItem
from sonores_lms.permissions import requires
from sonores_lms.signals import nav_items

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

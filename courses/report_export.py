"""The progress report's columns, shared by its page and its exports, and the CSV and XLSX files built from them.

Every text cell goes through ``safe_cell`` and no string ever becomes a formula or a link; dates are written in the
reader's time zone, which the column heading names (spreadsheets have no time zones).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter
from flask_babel import gettext as _

from sonores_lms.export import safe_cell
from sonores_lms.institutes.choices import country_names

from .reports import GROUPING_TITLES, Grouping, Row


@dataclass(frozen=True)
class Column:
    title: Any
    kind: str  # "text", "number", "percent" or "datetime"
    value: Callable[[Row], Any]
    width: int = 12


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def columns(grouping: Grouping) -> list[Column]:
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


def _header(shown: Sequence[Column], zone: ZoneInfo) -> list[str]:
    return [
        _("%(title)s (%(zone)s)", title=column.title, zone=zone.key) if column.kind == "datetime" else column.title
        for column in shown
    ]


def export_filename(plan: Any, grouping: Grouping, extension: str) -> str:
    return f"sonores-progress-{plan.year}-{grouping.value}.{extension}"


def csv_table(grouping: Grouping, rows: Sequence[Row], zone: ZoneInfo) -> tuple[list[str], list[list[Any]]]:
    """The CSV's header and lines. They are worked out now, while the request (language, database session) is
    there; the response body only writes them."""
    shown = columns(grouping)

    def cell(column: Column, row: Row) -> Any:
        value = column.value(row)
        if column.kind == "datetime" and value is not None:
            return value.astimezone(zone).isoformat(timespec="seconds")
        return value

    return _header(shown, zone), [[cell(column, row) for column in shown] for row in rows]


def xlsx_workbook(grouping: Grouping, rows: Sequence[Row], zone: ZoneInfo) -> bytes:
    """One sheet named after the grouping: a bold, frozen header row, then a row per report row."""
    shown = columns(grouping)
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
    for col, title in enumerate(_header(shown, zone)):
        sheet.write_string(0, col, safe_cell(title), bold)
    for col, column in enumerate(shown):
        sheet.set_column(col, col, column.width)
    for index, row in enumerate(rows, start=1):
        for col, column in enumerate(shown):
            _write_cell(sheet, index, col, column.kind, column.value(row), zone, formats)
    sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


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

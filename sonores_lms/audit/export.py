"""The audit log as a CSV download, with the same filters as the page."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask, Response, current_app
from flask_babel import gettext as _

from ..export import csv_response
from .queries import AuditFilters, export_rows, present_actions


def _rows(app: Flask, filters: AuditFilters, zone: ZoneInfo, labels: dict[str, str]) -> Iterator[list[Any]]:
    # Runs while the body is sent, after the request is gone: an app context of its own gives a database session.
    with app.app_context():
        yield from _export_lines(filters, zone, labels)


def _export_lines(filters: AuditFilters, zone: ZoneInfo, labels: dict[str, str]) -> Iterator[list[Any]]:
    for row in export_rows(filters, zone):
        actor = f"{row.first_name or ''} {row.last_name or ''}".strip()
        yield [
            row.created_at.astimezone(zone).isoformat(timespec="seconds"),
            row.action,
            labels.get(row.action, row.action),
            actor,
            row.email,
            row.target_type,
            row.target_id,
            row.target_label,
            json.dumps(row.details, ensure_ascii=False, sort_keys=True, default=str) if row.details else "",
            row.ip_address,
        ]


def audit_csv_response(
    filters: AuditFilters, zone: ZoneInfo, *, label: Callable[[str], str], now: datetime
) -> Response:
    """Times are written in the reader's time zone with their offset, so they are unambiguous."""
    header = [
        _("Time (%(zone)s)", zone=zone.key),
        _("Action code"),
        _("Action"),
        _("Actor"),
        _("Actor email"),
        _("Target type"),
        _("Target id"),
        _("Target"),
        _("Details"),
        _("IP address"),
    ]
    labels = {code: label(code) for code in present_actions()}  # translated now, in the reader's language
    filename = "audit-log-{}.csv".format(now.astimezone(zone).strftime("%Y%m%d-%H%M"))
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    return csv_response(filename, header, _rows(app, filters, zone, labels))

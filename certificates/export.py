"""The admin list as CSV and XLSX: one row per certificate, the same filters as the page."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import xlsxwriter
from flask_babel import gettext as _

from sonores_lms.export import safe_cell

from .models import Certificate


def header() -> list[str]:
    return [
        _("Code"), _("Version"), _("Holder"), _("Certificate"), _("Institute"), _("Country"), _("Status"),
        _("Completed on"), _("Issued on"), _("Valid until"), _("Revoked on"), _("Language"),
    ]  # fmt: skip


def row(certificate: Certificate, state: str, language: str, zone: ZoneInfo) -> list[Any]:
    def when(value: datetime | None) -> str:
        return value.astimezone(zone).date().isoformat() if value is not None else ""

    return [
        certificate.code,
        certificate.version,
        certificate.holder_name,
        certificate.title(language),
        certificate.snapshot.get("institute", ""),
        certificate.country or "",
        state,
        when(certificate.completed_at),
        when(certificate.issued_at),
        when(certificate.expires_at),
        when(certificate.revoked_at),
        certificate.language,
    ]


def xlsx(head: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.BytesIO()
    # No string is ever turned into a formula or a link; text cells also go through safe_cell.
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    sheet = workbook.add_worksheet("Certificates")
    bold = workbook.add_format({"bold": True})
    for col, title in enumerate(head):
        sheet.write_string(0, col, safe_cell(title), bold)
        sheet.set_column(col, col, 18)
    for index, cells in enumerate(rows, start=1):
        for col, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(index, col, value)
            else:
                sheet.write_string(index, col, safe_cell(value))
    sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()

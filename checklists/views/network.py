"""The network view (administrators, network auditors) and its CSV and XLSX exports."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter
from flask import abort, make_response, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from sonores_lms.export import csv_response, safe_cell
from sonores_lms.institutes.choices import country_names
from sonores_lms.navigation import NavItem
from sonores_lms.permissions import requires
from sonores_lms.signals import nav_items

from .. import charts
from ..blueprint import blueprint
from ..network import MIN_GROUP, network_view, table, years

NETWORK = "checklists.network"
PILLARS = ("ENV", "ACC", "CIT")


def _nav(_sender: Any) -> NavItem:
    return NavItem(
        "checklists.network", _l("Eco-audits across the network"), weight=47, section="admin", permission=NETWORK
    )


def connect(plugin: Any) -> None:
    plugin.connect(nav_items, _nav)


def peer_titles() -> dict[str, str]:
    bands = {"small": _("fewer than 10 staff"), "medium": _("10 to 30 staff"), "large": _("over 30 staff")}
    kinds = {
        ("owns", "hall"): _("%(band)s, owns its building, has a hall"),
        ("owns", "no-hall"): _("%(band)s, owns its building, no hall"),
        ("rents", "hall"): _("%(band)s, rents its building, has a hall"),
        ("rents", "no-hall"): _("%(band)s, rents its building, no hall"),
    }
    return {
        f"{band}-{tenure}-{hall}": kind % {"band": title}
        for band, title in bands.items()
        for (tenure, hall), kind in kinds.items()
    }


def _view() -> Any:
    year_arg = request.args.get("year", "")
    pillar = request.args.get("pillar", "") or None
    if pillar is not None and pillar not in PILLARS:
        abort(404)
    year = int(year_arg) if year_arg.isdigit() and len(year_arg) == 4 else None
    return network_view(year, pillar), pillar


@blueprint.route("/network")
@requires(NETWORK)
def network() -> str:
    view, pillar = _view()
    chart = (
        charts.bars(
            _("Network median per code (reviewed scores)"),
            [(code, None, s.median) for code, s in view.overall.items() if not s.hidden],
        )
        if view.overall
        else ""
    )
    return render_template(
        "checklists/network/index.html",
        view=view,
        pillar=pillar,
        pillars=PILLARS,
        years=years(),
        names=country_names(),
        peers=peer_titles(),
        chart=chart,
        minimum=MIN_GROUP,
    )


def _filename(view: Any, extension: str) -> str:
    return f"eco-audits-network-{view.year or 'none'}.{extension}"


@blueprint.route("/network.csv")
@requires(NETWORK)
def network_csv() -> Response:
    view, _pillar = _view()
    header, rows = table(view, country_names(), peer_titles())
    return csv_response(_filename(view, "csv"), header, rows)


@blueprint.route("/network.xlsx")
@requires(NETWORK)
def network_xlsx() -> Response:
    view, _pillar = _view()
    header, rows = table(view, country_names(), peer_titles())
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    sheet = workbook.add_worksheet("Network")
    bold = workbook.add_format({"bold": True})
    for col, title in enumerate(header):
        sheet.write_string(0, col, title, bold)
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, int | float):
                sheet.write_number(index, col, value)
            elif value is not None:
                sheet.write_string(index, col, safe_cell(value))
    sheet.freeze_panes(1, 0)
    workbook.close()
    response = make_response(buffer.getvalue())
    response.headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(view, "xlsx")}"'
    return response

"""An institute's results: scores per pillar and theme, server-drawn charts, gaps, KPI trends, training needs."""

from __future__ import annotations

from typing import Any

from flask import abort, make_response, render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from slugify import slugify
from werkzeug.wrappers import Response

from sonores_lms.pdf import render_pdf
from sonores_lms.permissions import signed_in

from .. import access, charts, states
from ..action_forms import ActionStatusForm
from ..blueprint import blueprint
from ..insights import emission_factors, factor_changes, gaps, kpi_history, training
from ..queries import audit_by_uid, for_country, tree_from
from ..results import compute, stored_scores, template_items


def connect(_plugin: Any) -> None:
    """No receivers in this area."""


MAX_TRENDS = 8  # trend lines drawn; every KPI's figures stay in the table


def results_context(audit: Any, *, max_trends: int = MAX_TRENDS) -> dict[str, Any]:
    """What the results page and the PDF show, in a handful of queries whatever the audit's size and history."""
    rows = for_country(template_items(audit.campaign.template_id), audit.institute.country)
    tree = tree_from(rows)
    items = {item.code: item for item, _theme, _pillar in rows}
    rules, _own, reviewed = compute(audit, rows)
    scores = stored_scores([audit.id])[audit.id]

    def pct(scope: str, code: str, basis: str) -> float | None:
        row = scores.get((scope, code, basis))
        return row.percent if row else None

    def level(code: str) -> str | None:
        row = scores.get(("pillar", code, "reviewed"))
        return row.level if row else None

    pillar_rows = [
        (p.text("title").text, pct("pillar", p.code, "self"), pct("pillar", p.code, "reviewed")) for p in tree.pillars
    ]
    chart = charts.bars(_("Score per pillar: self-assessed (light) and reviewed (dark)"), pillar_rows)
    trends, factors = kpi_history(audit, items)
    drawn = [code for code, points in trends.items() if len(points) >= 2][:max_trends]
    trend_charts = {
        code: charts.trend(_("%(code)s over the years", code=code), trends[code], items[code].unit or "")
        for code in drawn
    }
    return {
        "audit": audit,
        "tree": tree,
        "pct": pct,
        "level": level,
        "chart": chart,
        "gaps": gaps(rules, reviewed, items),
        "trends": trends,
        "trend_charts": trend_charts,
        "factors": factors,
        "factor_changes": factor_changes(factors),
        "emissions": emission_factors(audit, items),
        "items": items,
        "scores": scores,
        "STATE_TITLES": states.STATE_TITLES,
    }


def _seen(uid: str) -> Any:
    audit = audit_by_uid(uid)
    if audit is None:
        abort(404)
    if not access.can_see(current_user, audit):
        abort(403)
    return audit


@blueprint.route("/audits/<uid>/results")
@signed_in
def results(uid: str) -> Any:
    return results_page(_seen(uid))


def _status_form(action: Any) -> ActionStatusForm:
    """An action's update form showing what is stored (a page read, not a send)."""
    return ActionStatusForm(
        formdata=None,
        data={
            "status": action.status.value,
            "cost_band": action.cost_band.value if action.cost_band else "",
            "expected_effect": action.expected_effect,
            "note": action.completion_note,
            "drop_reason": action.drop_reason,
        },
    )


def results_page(
    audit: Any, *, action_form: Any = None, status_forms: dict[str, Any] | None = None, status: int = 200
) -> Any:
    """The results page; ``action_form`` or ``status_forms`` (by action uid) are refused forms to show again."""
    from sonores_lms.forms import ConfirmForm

    from ..actions import actions_of, last_year_actions
    from ..models import ACTION_STATUS_TITLES, COST_BAND_TITLES
    from .actions import action_form as new_action_form
    from .actions import may_plan

    context = results_context(audit)
    context["training"] = training(context["scores"], str(get_locale() or "fr"))
    plans = may_plan(current_user, audit)
    codes = [gap.item.code for gap in context["gaps"]]
    actions = actions_of(audit)
    refused = status_forms or {}
    context.update(
        actions=actions,
        last_year=last_year_actions(audit),
        may_plan=plans,
        may_agree=access.can_review(current_user, audit),
        action_form=(action_form or new_action_form(audit, codes)) if plans else None,
        status_forms={a.uid: refused.get(a.uid) or _status_form(a) for a in actions} if plans else {},
        confirm=ConfirmForm(),
        ACTION_STATUS_TITLES=ACTION_STATUS_TITLES,
        COST_BAND_TITLES=COST_BAND_TITLES,
    )
    return render_template("checklists/results/results.html", **context), status


@blueprint.route("/audits/<uid>/report.pdf")
@signed_in
def report_pdf(uid: str) -> Response:
    """The audit's report, charts included, in the reader's language (WeasyPrint through the core's helper)."""
    audit = _seen(uid)
    # Fewer trend lines than the page: each drawn chart costs the PDF renderer time, the figures stay in the table.
    pdf = render_pdf("checklists/results/pdf/report.html", **results_context(audit, max_trends=4))
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    name = slugify(f"eco-audit-{audit.campaign.year}-{audit.institute.name}", max_length=80)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response

"""The network's memory: "we reused this", where a resource travelled, the network view, feeds and the export."""

from __future__ import annotations

import json
import math
from typing import Any

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from sonores_lms.forms import choices
from sonores_lms.institutes.choices import country_names
from sonores_lms.institutes.queries import institute_choices
from sonores_lms.permissions import public, signed_in

from .. import budget, queries, resources
from ..blueprint import blueprint
from ..forms import ReuseForm
from ..kinds import kinds
from ..models import KIT_PARTS, PRIVATE_KIT_PARTS, Status
from ..vocabulary import AXES
from .resources import _resource, _user

FEED_FACETS = ("axis", "tag", "kind")


@blueprint.route("/r/<uid>/reuse", methods=["GET", "POST"])
@signed_in
def reuse(uid: str) -> Any:
    item = _resource(uid)
    if item.status not in (Status.PUBLISHED, Status.ARCHIVED):
        abort(409)
    form = ReuseForm()
    form.institute.choices = choices(institute_choices())
    if request.method == "GET":
        form.institute.data = current_user.institute_id
    if form.validate_on_submit():
        resources.mark_reused(
            item,
            institute_id=form.institute.data,
            reused_on=form.reused_on.data,
            note=form.note.data or "",
            attendance=form.attendance.data,
            actor=_user(),
        )
        flash(_("Thank you: the network now knows this resource travelled."), "success")
        return redirect(url_for("knowledge.resource", uid=item.uid, _anchor="travelled"))
    return render_template("knowledge/reuse.html", resource=item, form=form)


def _circle_layout(countries: list[str], size: int = 360) -> dict[str, tuple[float, float]]:
    centre, radius = size / 2, size / 2 - 60
    step = 2 * math.pi / max(1, len(countries))
    return {
        code: (
            round(centre + radius * math.cos(i * step - math.pi / 2), 1),
            round(centre + radius * math.sin(i * step - math.pi / 2), 1),
        )
        for i, code in enumerate(countries)
    }


@blueprint.route("/network")
@signed_in
def network() -> str:
    view = queries.network_view()
    countries = sorted({code for a, b, _n in view.flows for code in (a, b)})
    heaviest = max((n for _a, _b, n in view.flows), default=1)
    return render_template(
        "knowledge/network.html",
        view=view,
        positions=_circle_layout(countries),
        heaviest=heaviest,
        names=country_names(),
    )


@blueprint.route("/feed.atom")
@public
def feed() -> Response:
    facet = next((name for name in FEED_FACETS if request.args.get(name)), None)
    value = "".join(ch for ch in (request.args.get(facet) or "")[:60] if ch >= " ") if facet else None
    if facet == "axis" and value not in AXES:
        abort(404)
    if facet == "kind" and value not in kinds():
        abort(404)
    entries = queries.feed_entries(facet, value)
    body = render_template(
        "knowledge/feed.xml",
        entries=entries,
        facet=facet,
        value=value,
        language=str(get_locale() or "fr"),
        title=_("Sonores: resources of the network"),
    )
    response = make_response(body)
    response.headers["Content-Type"] = "application/atom+xml; charset=utf-8"
    return response


@blueprint.route("/r/<uid>.json")
@signed_in
def export(uid: str) -> Response:
    item = _resource(uid)
    kit = {part: value for part, value in (item.kit or {}).items() if part in KIT_PARTS}
    document = {
        "reference": item.reference,
        "uid": item.uid,
        "kind": item.kind,
        "status": item.status.value,
        "featured": item.featured,
        "institute": item.institute.name if item.institute else None,
        "country": item.country,
        "authors": item.authors,
        "licence": item.licence,
        "tags": item.tags or [],
        "axis": item.axis,
        "themes": item.themes or [],
        "texts": item.texts or {},
        "translation_status": {lang: status.value for lang, status in item.translation_statuses().items()},
        "links": item.links or [],
        "kit": kit,
        # Amounts as decimal strings (JSON numbers would round them), totals per currency.
        "budget": [
            {
                "label": line.get("label", ""),
                "amount": line.get("amount"),
                "currency": line.get("currency"),
                "note": line.get("note", ""),
            }
            for line in item.budget or []
        ],
        "budget_totals": {
            currency: budget.amount_text(total) for currency, total in budget.totals(item.budget or []).items()
        },
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "updated_at": item.updated_at.isoformat() if item.updated_at else None,
        "attachments": [
            {
                "uid": a.uid,
                "filename": a.filename,
                "content_type": a.content_type,
                "size": a.size,
                "sha256": a.sha256,
                "width": a.width,
                "height": a.height,
                "url": url_for("knowledge.attachment", uid=a.uid, _external=True),
            }
            for a in item.attachments
        ],
        "reuses": [
            {
                "institute": r.institute.name if r.institute else None,
                "country": r.country,
                "reused_on": r.reused_on.isoformat(),
                "attendance": r.attendance,
                "note": r.note,
            }
            for r in item.reuses
        ],
    }
    assert set(KIT_PARTS) >= PRIVATE_KIT_PARTS  # contacts leave only with a signed-in reader's export
    response = make_response(json.dumps(document, ensure_ascii=False, indent=2))
    response.headers["Content-Type"] = "application/json; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="resource-{item.uid}.json"'
    return response

"""Checklist templates (network administrators): versions, export to YAML, import with a preview, publishing.

Editing a template means exporting it, changing the file and importing it as the next version: a published
version stays frozen, and the audits that started on it keep it.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from sqlalchemy import func, select
from werkzeug.wrappers import Response
from wtforms import SubmitField

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm
from sonores_lms.permissions import requires

from ..blueprint import blueprint
from ..models import Item, Template, TemplateStatus
from ..template_io import MAX_BYTES, build, export, parse

MANAGE = "checklists.manage"


def connect(_plugin: Any) -> None:
    """Reached from the campaigns page."""


class ImportForm(FlaskForm):
    file = FileField()
    submit = SubmitField()


def _template_or_404(template_id: int) -> Template:
    template = db.session.get(Template, template_id)
    if template is None:
        abort(404)
    return template


@blueprint.route("/templates/")
@requires(MANAGE)
def templates() -> str:
    rows = list(db.session.scalars(select(Template).order_by(Template.code, Template.version_number.desc())))
    counts = dict(db.session.execute(select(Item.template_id, func.count()).group_by(Item.template_id)).tuples().all())
    return render_template(
        "checklists/templates/index.html", templates=rows, counts=counts, form=ImportForm(), confirm=ConfirmForm()
    )


@blueprint.route("/templates/<int:template_id>.yaml")
@requires(MANAGE)
def export_template(template_id: int) -> Response:
    template = _template_or_404(template_id)
    response = make_response(export(template))
    response.headers["Content-Type"] = "application/yaml; charset=utf-8"
    filename = f"checklist-{template.code}-v{template.version_number}.yaml"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    pillars = data.get("pillars") or []
    themes = [t for p in pillars for t in p.get("themes") or []]
    items = [i for t in themes for i in t.get("items") or []]
    return {
        "code": data.get("code"),
        "version": data.get("version", 1),
        "year": data.get("year"),
        "title": (data.get("title") or {}).get("fr", ""),
        "pillars": [(p.get("code"), (p.get("title") or {}).get("fr", ""), len(p.get("themes") or [])) for p in pillars],
        "themes": len(themes),
        "items": len(items),
        "kpis": sum(1 for i in items if i.get("kpi")),
        "replaces": [(i.get("code"), i.get("replaces")) for i in items if i.get("replaces")],
    }


def _existing_version(data: dict[str, Any]) -> Template | None:
    return db.session.scalar(
        select(Template).where(Template.code == data.get("code"), Template.version_number == data.get("version", 1))
    )


@blueprint.route("/templates/import", methods=["POST"])
@requires(MANAGE)
def import_template() -> Any:
    """First step: read and check the file, show what it holds; nothing is written until the admin confirms."""
    form = ImportForm()
    if not form.validate():
        abort(400)
    upload = request.files.get("file")
    problems: list[Any] = []
    data: dict[str, Any] = {}
    if upload is None or not upload.filename:
        problems = [_("Choose a YAML or JSON file.")]
    else:
        raw = upload.stream.read(MAX_BYTES + 1)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
            problems = [_("The file is not UTF-8 text.")]
        if text is not None:
            data, found = parse(text)
            problems = [str(p) for p in found]
            existing = _existing_version(data) if not problems else None
            if existing is not None and existing.status == TemplateStatus.PUBLISHED:
                problems = [
                    _(
                        "Version %(version)s of %(code)s exists already: give the file the next version number.",
                        version=data.get("version", 1),
                        code=data.get("code"),
                    )
                ]
    if problems:
        return render_template("checklists/templates/preview.html", problems=problems, summary=None, confirm=None), 400
    # The file rides along with the confirmation (a template is too large for the session cookie); it is checked
    # again when it comes back.
    content = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return render_template(
        "checklists/templates/preview.html",
        problems=[],
        summary=_summary(data),
        content=content,
        replaces_draft=_existing_version(data) is not None,
    )


@blueprint.route("/templates/import/confirm", methods=["POST"])
@requires(MANAGE)
def confirm_import() -> Any:
    """Second step: write the previewed template as a draft version (checked again: the data may have changed)."""
    if not ConfirmForm().validate():
        abort(400)
    try:
        text = base64.b64decode(request.form.get("content", ""), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        text = ""
    if not text:
        flash(_("Nothing to import: send the file again."), "error")
        return redirect(url_for("checklists.templates"))
    data, problems = parse(text)
    existing = _existing_version(data) if not problems else None
    if problems or (existing is not None and existing.status == TemplateStatus.PUBLISHED):
        flash(_("The file no longer imports: send it again to see why."), "error")
        return redirect(url_for("checklists.templates"))
    if existing is not None:  # a draft of this version: the file replaces it (no audit uses a draft)
        db.session.delete(existing)
        db.session.flush()
    template = build(data)
    db.session.flush()
    record("checklists.template-imported", actor=current_user, target=template, target_label=template.code)
    flash(_("Template imported as a draft: check it, then publish it."), "success")
    return redirect(url_for("checklists.templates"))


@blueprint.route("/templates/<int:template_id>/next-version", methods=["POST"])
@requires(MANAGE)
def next_version(template_id: int) -> Response:
    """A draft copy of a template under the next version number: export it, edit the file, import it over the
    draft (as often as needed), then publish it."""
    template = _template_or_404(template_id)
    if not ConfirmForm().validate():
        abort(400)
    latest = db.session.scalar(select(func.max(Template.version_number)).where(Template.code == template.code)) or 0
    data, problems = parse(export(template))
    if problems:  # an exported template always imports; anything else is a bug worth a 500
        raise RuntimeError("; ".join(map(str, problems)))
    data["version"] = latest + 1
    draft = build(data)
    db.session.flush()
    record("checklists.template-imported", actor=current_user, target=draft, target_label=draft.code)
    flash(
        _(
            "Version %(version)s started as a draft: export it, edit the file and import it.",
            version=draft.version_number,
        ),
        "success",
    )
    return redirect(url_for("checklists.templates"))


@blueprint.route("/templates/<int:template_id>/publish", methods=["POST"])
@requires(MANAGE)
def publish_template(template_id: int) -> Response:
    template = _template_or_404(template_id)
    if not ConfirmForm().validate():
        abort(400)
    if template.status == TemplateStatus.PUBLISHED:
        from werkzeug.exceptions import Conflict

        raise Conflict()
    template.status = TemplateStatus.PUBLISHED
    template.published_at = utcnow()
    db.session.flush()
    record("checklists.template-published", actor=current_user, target=template, target_label=template.code)
    flash(_("Template published: it is frozen from now on."), "success")
    return redirect(url_for("checklists.templates"))

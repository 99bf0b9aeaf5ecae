"""Certificate templates: the list, creating and editing one (texts in four languages with their translation status,
signatories, logo, orientation, paper), its preview as PDF and as a PNG thumbnail, deleting it. Network admins
only (``certificates.issue``)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from sonores_lms.config import LANGUAGES
from sonores_lms.forms import ConfirmForm
from sonores_lms.permissions import requires

from ..access import ISSUE
from ..admin_forms import TemplateForm
from ..blueprint import blueprint
from ..designs import DesignError, delete_template, design_of, fill_form, save_template, scope_choices
from ..models import CertificateTemplate
from ..queries import all_templates, template_by_uid
from ..render import preview_pdf, thumbnail_png


def _template(uid: str) -> CertificateTemplate:
    template = template_by_uid(uid)
    if template is None:
        abort(404)
    return template


def _scope_titles() -> dict[str, Any]:
    return dict(scope_choices())


@blueprint.route("/admin/templates")
@requires(ISSUE)
def admin_templates() -> str:
    return render_template(
        "certificates/admin/templates.html",
        templates=all_templates(),
        scopes=_scope_titles(),
        languages=LANGUAGES,
    )


def _edit(template: CertificateTemplate | None) -> Any:
    scopes = scope_choices()
    if template is not None and template.scope not in dict(scopes):
        scopes.append((template.scope, template.scope))  # a course of an older plan: kept as it is
    form = TemplateForm(scopes=scopes)
    if request.method == "GET":
        if template is not None:
            fill_form(form, template)
        else:
            form.scope.data = request.args.get("scope", "network")
    status = 200
    if form.validate_on_submit():
        try:
            saved = save_template(template, form, actor=current_user)
        except DesignError as error:
            if error.status == 409:
                abort(409)
            if error.field:
                form[error.field].errors = [*form[error.field].errors, str(error.message)]
            else:
                form.form_errors.append(str(error.message))
            status = 400
        else:
            flash(_("The template is saved."), "success")
            return redirect(url_for("certificates.admin_template", uid=saved.uid))
    elif request.method == "POST":
        status = 400
    return (
        render_template(
            "certificates/admin/template.html",
            form=form,
            template=template,
            languages=LANGUAGES,
            delete_form=ConfirmForm(),
        ),
        status,
    )


@blueprint.route("/admin/templates/new", methods=["GET", "POST"])
@requires(ISSUE)
def admin_template_new() -> Any:
    return _edit(None)


@blueprint.route("/admin/templates/<uid>", methods=["GET", "POST"])
@requires(ISSUE)
def admin_template(uid: str) -> Any:
    return _edit(_template(uid))


@blueprint.route("/admin/templates/<uid>/delete", methods=["POST"])
@requires(ISSUE)
def admin_template_delete(uid: str) -> Response:
    template = _template(uid)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    delete_template(template, actor=current_user)
    flash(_("The template is deleted. Certificates issued with it keep their design."), "success")
    return redirect(url_for("certificates.admin_templates"))


def _preview_language() -> str:
    language = request.args.get("lang", "fr")
    if language not in LANGUAGES:
        abort(404)
    return language


@blueprint.route("/admin/templates/<uid>/preview.pdf")
@requires(ISSUE)
def admin_template_preview(uid: str) -> Response:
    template = _template(uid)
    language = _preview_language()
    response = make_response(preview_pdf(design_of(template), language))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="preview-{language}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.route("/admin/templates/<uid>/preview.png")
@requires(ISSUE)
def admin_template_thumbnail(uid: str) -> Response:
    template = _template(uid)
    png = thumbnail_png(preview_pdf(design_of(template), _preview_language()))
    if png is None:
        abort(404)
    response = make_response(png)
    response.headers["Content-Type"] = "image/png"
    response.headers["Cache-Control"] = "no-store"
    return response


def connect(plugin: Any) -> None:
    pass

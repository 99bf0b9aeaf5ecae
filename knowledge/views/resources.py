"""The resource pages: search, read, contribute, edit, send for review, curate, attach files, revisions.

Thin: load (404), authorise (403 through ``knowledge.resources``' rules), validate a form, call a service, redirect
or render. A draft is shown to its author and the curators only; an archived resource is read-only.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response

from sonores_lms.config import LANGUAGES
from sonores_lms.forms import ConfirmForm, choices
from sonores_lms.institutes.queries import institute_choices
from sonores_lms.permissions import signed_in

from .. import budget, files, queries, resources
from ..blueprint import blueprint
from ..forms import AttachmentForm, CurateForm, ResourceForm, parse_links, parse_tags
from ..kinds import kinds
from ..models import BUDGET_TITLE, KIT_PARTS, LICENCES, PRIVATE_KIT_PARTS
from ..vocabulary import AXES, THEMES


def _locale() -> str:
    return str(get_locale() or "fr")


def _user() -> Any:
    return current_user._get_current_object()


def _resource(uid: str) -> Any:
    resource = queries.resource_by_uid(uid)
    if resource is None:
        abort(404)
    if not resources.may_read(_user(), resource):
        abort(403)
    return resource


def _page_number() -> int:
    try:
        return max(1, min(10_000, int(request.args.get("page", "1"))))
    except ValueError:
        return 1


def _arg(name: str, limit: int) -> str:
    """A query-string value without control characters (PostgreSQL refuses a NUL), at most ``limit`` long."""
    return "".join(ch for ch in (request.args.get(name) or "")[:limit] if ch >= " ")


@blueprint.route("/")
@signed_in
def index() -> str:
    query = _arg("q", 500)
    filters = {name: value for name in queries.FILTERS if (value := _arg(name, 60))}
    page = queries.search_page(query, filters, _page_number(), _locale())
    return render_template(
        "knowledge/index.html",
        page=page,
        kinds=kinds(),
        axes=AXES,
        themes=THEMES,
        licences=LICENCES,
        drafts=queries.drafts_of(current_user.id),
        curator=resources.may_curate(_user()),
    )


@blueprint.route("/r/<uid>")
@signed_in
def resource(uid: str) -> str:
    item = _resource(uid)
    user = _user()
    curator = resources.may_curate(user)
    return render_template(
        "knowledge/resource.html",
        resource=item,
        kinds=kinds(),
        axes=AXES,
        themes=THEMES,
        licences=LICENCES,
        kit_parts=KIT_PARTS,
        private_parts=PRIVATE_KIT_PARTS,
        budget_title=BUDGET_TITLE,
        budget_lines=[(line, budget.amount_of(line)) for line in item.budget or []],
        budget_totals=budget.totals(item.budget or []),
        body=resources.body_html(item, _locale()),
        curator=curator,
        may_edit=resources.may_edit(user, item, curator=curator),
        is_author=resources.is_author(user, item),
        curate_form=CurateForm(),
        confirm=ConfirmForm(),
        attach_form=AttachmentForm(),
        languages=LANGUAGES,
    )


def _prepare(form: ResourceForm) -> None:
    form.kind.choices = choices((kind.name, kind.title) for kind in kinds().values())
    form.institute.choices = choices(institute_choices())


def _data(form: ResourceForm) -> resources.ResourceData:
    return resources.ResourceData(
        kind=form.kind.data,
        institute_id=form.institute.data,
        authors=form.authors.data or "",
        licence=form.licence.data,
        tags=parse_tags(form.tags.data),
        axis=form.axis.data or None,
        themes=list(form.themes.data or []),
        links=parse_links(form.links.data),
        kit=form.kit_values(),
        budget=form.budget_lines,
        texts=form.text_values(),
    )


def _more_budget_rows(form: ResourceForm) -> bool:
    """The "more budget lines" button: the form comes back with blank rows added, nothing saved, nothing refused
    (it works without JavaScript)."""
    if "more_budget_rows" not in request.form:
        return False
    form.add_budget_rows()
    return True


def _editor(form: ResourceForm, item: Any, status: int = 200) -> tuple[str, int]:
    page = render_template(
        "knowledge/edit.html", form=form, resource=item, kit_parts=KIT_PARTS, budget_title=BUDGET_TITLE
    )
    return page, status


@blueprint.route("/new", methods=["GET", "POST"])
@signed_in
def new() -> str | Response:
    form = ResourceForm()
    _prepare(form)
    if request.method == "GET":
        form.institute.data = current_user.institute_id
        form.kind.data = "document"
    elif _more_budget_rows(form):
        return _editor(form, None)
    if form.validate_on_submit():
        item = resources.contribute(_data(form), actor=_user())
        flash(_("Your draft is saved. Send it for review when it is ready."), "success")
        return redirect(url_for("knowledge.resource", uid=item.uid))
    return _editor(form, None)


@blueprint.route("/r/<uid>/edit", methods=["GET", "POST"])
@signed_in
def edit(uid: str) -> Any:
    item = _resource(uid)
    if not resources.may_edit(_user(), item):
        abort(403)
    form = ResourceForm()
    _prepare(form)
    if request.method == "GET":
        form.fill(item)
    elif _more_budget_rows(form):
        return _editor(form, item)
    if form.validate_on_submit():
        try:
            resources.update(item, _data(form), actor=_user(), version=form.version.data)
        except resources.Conflict:
            form.form_errors.append(
                _("Someone saved this resource since you opened it: reload it to see their changes.")
            )
            return _editor(form, item, 409)
        except resources.NotAllowed:
            abort(409)
        flash(_("Saved."), "success")
        return redirect(url_for("knowledge.resource", uid=item.uid))
    return _editor(form, item)


@blueprint.route("/r/<uid>/submit", methods=["POST"])
@signed_in
def submit(uid: str) -> Response:
    item = _resource(uid)
    if not resources.is_author(_user(), item):
        abort(403)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        resources.submit(item, actor=_user())
    except resources.NotAllowed:
        abort(409)
    flash(_("Sent to the curators for review."), "success")
    return redirect(url_for("knowledge.resource", uid=item.uid))


@blueprint.route("/r/<uid>/curate", methods=["POST"])
@signed_in
def curate(uid: str) -> Any:
    item = _resource(uid)
    if not resources.may_curate(_user()):
        abort(403)
    form = CurateForm()
    if not form.validate_on_submit():
        if form.action.data and not form.comment.errors:
            abort(400)
        flash(" ".join(str(error) for error in form.comment.errors) or _("Choose a decision."), "error")
        return redirect(url_for("knowledge.resource", uid=item.uid, _anchor="curate"))
    try:
        resources.curate(item, form.action.data, actor=_user(), comment=form.comment.data or "")
    except resources.NotAllowed:
        abort(409)
    flash(_("Done."), "success")
    return redirect(url_for("knowledge.resource", uid=item.uid))


@blueprint.route("/review")
@signed_in
def review() -> str:
    if not resources.may_curate(_user()):
        abort(403)
    return render_template("knowledge/review.html", items=queries.review_queue())


@blueprint.route("/r/<uid>/files", methods=["POST"])
@signed_in
def attach(uid: str) -> Any:
    item = _resource(uid)
    if not resources.may_edit(_user(), item):
        abort(403)
    form = AttachmentForm()
    if not form.validate_on_submit():
        flash(_("Choose a file to attach."), "error")
        return redirect(url_for("knowledge.resource", uid=item.uid, _anchor="files"))
    upload = form.file.data
    try:
        files.attach(item, upload.stream, upload.filename, actor=_user())
    except files.UploadError as error:
        if error.too_large:
            return render_template("knowledge/refused.html", resource=item, message=error.message), 413
        flash(str(error.message), "error")
        return redirect(url_for("knowledge.resource", uid=item.uid, _anchor="files"))
    flash(_("File attached."), "success")
    return redirect(url_for("knowledge.resource", uid=item.uid, _anchor="files"))


@blueprint.errorhandler(RequestEntityTooLarge)
def _too_large(_error: RequestEntityTooLarge) -> Any:
    return render_template("knowledge/refused.html", resource=None, message=_("This file is too large.")), 413


@blueprint.route("/files/<uid>")
@signed_in
def attachment(uid: str) -> Response:
    found = queries.attachment_by_uid(uid)
    if found is None:
        abort(404)
    if not resources.may_read(_user(), found.resource):
        abort(403)
    path = files.path_of(found)
    if not path.is_file():
        abort(404)
    return send_file(
        path,
        mimetype=found.content_type,
        download_name=found.filename,
        as_attachment=not found.content_type.startswith("image/"),
        conditional=True,
        max_age=0,
    )


@blueprint.route("/r/<uid>/history")
@signed_in
def history(uid: str) -> str:
    item = _resource(uid)
    return render_template(
        "knowledge/history.html",
        resource=item,
        revisions=queries.revisions_of(item),
        may_edit=resources.may_edit(_user(), item),
        confirm=ConfirmForm(),
    )


@blueprint.route("/r/<uid>/history/<int:number>")
@signed_in
def revision(uid: str, number: int) -> str:
    item = _resource(uid)
    found = queries.revision(item, number)
    if found is None:
        abort(404)
    before = queries.previous_revision(item, number)
    changes = resources.diff(before.snapshot if before else {}, found.snapshot)
    return render_template(
        "knowledge/revision.html",
        resource=item,
        revision=found,
        changes=changes,
        may_edit=resources.may_edit(_user(), item) and number != max(r.number for r in queries.revisions_of(item)),
        confirm=ConfirmForm(),
    )


@blueprint.route("/r/<uid>/history/<int:number>/restore", methods=["POST"])
@signed_in
def restore(uid: str, number: int) -> Response:
    item = _resource(uid)
    if not resources.may_edit(_user(), item):
        abort(403)
    found = queries.revision(item, number)
    if found is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        resources.restore(item, found, actor=_user())
    except resources.NotAllowed:
        abort(409)
    flash(_("Revision %(number)s restored.", number=number), "success")
    return redirect(url_for("knowledge.resource", uid=item.uid))

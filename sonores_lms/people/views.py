"""Routes of the people pages: list, detail, invitations, profile, roles, deactivation and CSV import.

A director (an admin role scoped to an institute) sees and manages only the people of their institutes: every
route that loads a person goes through :func:`_load_person`, which answers 403 outside that scope.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response

from ..extensions import db
from ..forms import choices
from ..i18n import timezone_choices
from ..institutes.choices import country_names, filter_institutes
from ..institutes.choosing import narrow_institutes
from ..institutes.queries import countries_with_institutes, institute_choices
from ..navigation import NavItem
from ..pagination import page_arg
from ..permissions import Role, requires
from ..signals import nav_items
from .csv_import import ERROR, MAX_BYTES, NEW, UNCHANGED, UPDATE, CsvError
from .forms import (
    NETWORK,
    PERSONS_INSTITUTE,
    ActionForm,
    ImportConfirmForm,
    ImportUploadForm,
    InviteForm,
    PeopleFilterForm,
    PersonForm,
    RoleForm,
)
from .imports import ImportStatus, PeopleImport
from .models import USER_FIELD_LABELS, RoleAssignment, User
from .queries import people_page, recent_audit_entries
from .services import (
    ImportConflict,
    PeopleError,
    apply_import,
    cancel_import,
    create_import,
    deactivate_person,
    grant_role,
    invite_person,
    manages,
    plan_import,
    reactivate_person,
    revoke_role,
    scope_of,
    send_invitation,
    update_person,
)

bp = Blueprint("people", __name__, url_prefix="/admin/people")
PERMISSION = "core.manage-people"
FIELD_LABELS = {name: label for name, label in USER_FIELD_LABELS.items() if name != "email"}


@nav_items.connect
def _nav(_sender: Any) -> list[NavItem]:
    return [NavItem("people.index", _l("People"), weight=10, section="admin", permission=PERMISSION)]


def _actor() -> User:
    return current_user._get_current_object()  # type: ignore[no-any-return]


def _scope() -> set[int] | None:
    return scope_of(_actor())


def _narrow(form: Any, field: Any, *, leading: list[tuple[int, Any]], current: int | None = None) -> None:
    """The institutes the reader may choose (all active ones, or a director's own), one country at a time in a
    large network: the person's country, else the reader's."""
    narrow_institutes(form, field, only=_scope(), current=current, leading=leading)


def _role_form(person: User, network: bool) -> RoleForm:
    form = RoleForm()
    leading = [(NETWORK, _l("The whole network"))] if network else []
    _narrow(form, form.institute_id, leading=leading, current=person.institute_id)
    return form


def _load_person(user_id: int) -> User:
    person = db.get_or_404(User, user_id)
    if not manages(_actor(), person):
        abort(403)
    return person


# -- list and detail ----------------------------------------------------------------------------------------------
@bp.route("/")
@requires(PERMISSION)
def index() -> str:
    scope = _scope()
    country = request.args.get("country", "")
    filters = PeopleFilterForm(
        request.args,
        institutes=filter_institutes(scope, country, request.args.get("institute", 0, type=int))[0],
        countries=_filter_countries(scope),
    )
    if not filters.validate():
        for name in ("country", "institute", "role", "active", "q"):
            if getattr(filters, name).errors:
                getattr(filters, name).data = getattr(filters, name).default
    role = Role(filters.role.data) if filters.role.data in {r.value for r in Role} else None
    page = people_page(
        page=page_arg(),
        scope=scope,
        text=(filters.q.data or "").strip() or None,
        institute_id=filters.institute.data or None,
        country=filters.country.data or None,
        role=role,
        active={"yes": True, "no": False}.get(filters.active.data or ""),
    )
    args = {
        key: value
        for key, value in {
            "q": filters.q.data or "",
            "country": filters.country.data or "",
            "institute": filters.institute.data or "",
            "role": filters.role.data or "",
            "active": filters.active.data or "",
        }.items()
        if value != ""
    }
    if "active" not in args:
        args["active"] = ""
    return render_template("people/index.html", page=page, filters=filters, args=args)


def _filter_countries(scope: set[int] | None) -> list[tuple[str, str]]:
    names = country_names()
    return [] if scope is not None else [(code, names.get(code, code)) for code in countries_with_institutes()]


@bp.route("/<int:user_id>")
@requires(PERMISSION)
def detail(user_id: int) -> str:
    person = _load_person(user_id)
    network = _scope() is None
    return render_template(
        "people/detail.html",
        person=person,
        entries=recent_audit_entries(person),
        role_form=_role_form(person, network),
        action=ActionForm(),
        network=network,
    )


# -- invitations --------------------------------------------------------------------------------------------------
@bp.route("/invite", methods=["GET", "POST"])
@requires(PERMISSION)
def invite() -> str | Response:
    network = _scope() is None
    form = InviteForm(network=network)
    _narrow(form, form.institute_id, leading=[(NETWORK, _l("No institute"))] if network else [])
    if not form.is_submitted():
        form.role_scope.data = NETWORK if network else PERSONS_INSTITUTE
    if not form.listing_institutes and form.validate_on_submit():
        institute_id = form.institute_id.data or None
        role_institute = institute_id if form.role_scope.data == PERSONS_INSTITUTE else None
        try:
            person = invite_person(
                email=form.email.data or "",
                first_name=form.first_name.data or "",
                last_name=form.last_name.data or "",
                locale=form.locale.data,
                institute_id=institute_id,
                roles=[(name, role_institute) for name in form.roles.data or []],
                actor=_actor(),
            )
        except PeopleError as error:
            if error.code == "email-taken":
                form.email.errors = [str(error)]
            else:
                form.form_errors.append(str(error))
        else:
            flash(_("An invitation is on its way to %(email)s.", email=person.email), "success")
            return redirect(url_for("people.detail", user_id=person.id))
    return render_template("people/invite.html", form=form)


@bp.route("/<int:user_id>/resend-invitation", methods=["POST"])
@requires(PERMISSION)
def resend_invitation(user_id: int) -> Response:
    person = _load_person(user_id)
    _check_action()
    try:
        send_invitation(person, actor=_actor())
    except PeopleError as error:
        flash(str(error), "error")
    else:
        flash(_("A new invitation is on its way to %(email)s.", email=person.email), "success")
    return redirect(url_for("people.detail", user_id=person.id))


def _check_action() -> None:
    if not ActionForm().validate_on_submit():
        abort(400)


# -- profile ------------------------------------------------------------------------------------------------------
@bp.route("/<int:user_id>/edit", methods=["GET", "POST"])
@requires(PERMISSION)
def edit(user_id: int) -> str | Response:
    person = _load_person(user_id)
    network = _scope() is None
    form = PersonForm(obj=person)
    form.timezone.choices = choices([("", _l("Their institute's time zone")), *timezone_choices()])
    leading = [(NETWORK, _l("No institute"))] if network else []
    _narrow(form, form.institute_id, leading=leading, current=person.institute_id)
    if not form.is_submitted():
        form.institute_id.data = person.institute_id or NETWORK
        form.timezone.data = person.timezone or ""
        form.locale.data = person.locale or "fr"
    if not form.listing_institutes and form.validate_on_submit():
        if form.version.data != person.version:
            abort(409)
        try:
            update_person(
                person,
                actor=_actor(),
                email=form.email.data or "",
                first_name=form.first_name.data or "",
                last_name=form.last_name.data or "",
                locale=form.locale.data,
                timezone=form.timezone.data or None,
                institute_id=form.institute_id.data or None,
                job_title=form.job_title.data or None,
            )
        except PeopleError as error:
            if error.code == "email-taken":
                form.email.errors = [str(error)]
            else:
                form.institute_id.errors = [str(error)]
        else:
            flash(_("The profile of %(name)s is saved.", name=person.full_name), "success")
            return redirect(url_for("people.detail", user_id=person.id))
    return render_template("people/edit.html", form=form, person=person)


# -- roles --------------------------------------------------------------------------------------------------------
@bp.route("/<int:user_id>/roles", methods=["POST"])
@requires(PERMISSION)
def add_role(user_id: int) -> str | Response:
    person = _load_person(user_id)
    network = _scope() is None
    form = _role_form(person, network)
    if form.listing_institutes or not form.validate_on_submit():
        return _detail_with_errors(person, form, network)
    try:
        grant_role(person, form.role.data, form.institute_id.data or None, actor=_actor())
    except PeopleError as error:
        form.form_errors.append(str(error))
        return _detail_with_errors(person, form, network)
    flash(_("The role is added."), "success")
    return redirect(url_for("people.detail", user_id=person.id))


def _detail_with_errors(person: User, form: RoleForm, network: bool) -> str:
    return render_template(
        "people/detail.html",
        person=person,
        entries=recent_audit_entries(person),
        role_form=form,
        action=ActionForm(),
        network=network,
    )


@bp.route("/<int:user_id>/roles/<int:assignment_id>/remove", methods=["POST"])
@requires(PERMISSION)
def remove_role(user_id: int, assignment_id: int) -> Response:
    person = _load_person(user_id)
    assignment = db.get_or_404(RoleAssignment, assignment_id)
    if assignment.user_id != person.id:
        abort(404)
    _check_action()
    try:
        revoke_role(assignment, actor=_actor())
    except PeopleError as error:
        flash(str(error), "error")
    else:
        flash(_("The role is removed."), "success")
    return redirect(url_for("people.detail", user_id=person.id))


# -- activity -----------------------------------------------------------------------------------------------------
@bp.route("/<int:user_id>/deactivate", methods=["POST"])
@requires(PERMISSION)
def deactivate(user_id: int) -> Response:
    person = _load_person(user_id)
    _check_action()
    try:
        deactivate_person(person, actor=_actor())
    except PeopleError as error:
        flash(str(error), "error")
    else:
        flash(_("%(name)s is deactivated and can no longer sign in.", name=person.full_name), "success")
    return redirect(url_for("people.detail", user_id=person.id))


@bp.route("/<int:user_id>/reactivate", methods=["POST"])
@requires(PERMISSION)
def reactivate(user_id: int) -> Response:
    person = _load_person(user_id)
    _check_action()
    reactivate_person(person, actor=_actor())
    flash(_("%(name)s is active again.", name=person.full_name), "success")
    return redirect(url_for("people.detail", user_id=person.id))


# -- CSV import ---------------------------------------------------------------------------------------------------
@bp.route("/import", methods=["GET", "POST"])
@requires(PERMISSION)
def import_upload() -> str | Response:
    form = ImportUploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.stream.read(MAX_BYTES + 1)
        try:
            people_import = create_import(upload.filename or "", data, actor=_actor())
        except CsvError as error:
            form.file.errors = [str(error)]
        else:
            return redirect(url_for("people.import_preview", import_id=people_import.id))
    return render_template("people/import_upload.html", form=form, max_bytes=MAX_BYTES)


def _load_import(import_id: int) -> PeopleImport:
    people_import = db.get_or_404(PeopleImport, import_id)
    if people_import.created_by_id != _actor().id:
        abort(403)
    return people_import


@bp.route("/import/<int:import_id>")
@requires(PERMISSION)
def import_preview(import_id: int) -> str:
    people_import = _load_import(import_id)
    plan = plan_import(people_import, actor=_actor()) if people_import.status == ImportStatus.PENDING else None
    return render_template(
        "people/import_preview.html",
        people_import=people_import,
        plan=plan,
        form=ImportConfirmForm(),
        action=ActionForm(),
        statuses=SimpleNamespace(new=NEW, update=UPDATE, unchanged=UNCHANGED, error=ERROR),
        institutes=dict(institute_choices(include_inactive=True)),
        labels=FIELD_LABELS,
    )


@bp.route("/import/<int:import_id>/confirm", methods=["POST"])
@requires(PERMISSION)
def import_confirm(import_id: int) -> Response:
    people_import = _load_import(import_id)
    form = ImportConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    if people_import.status != ImportStatus.PENDING:
        abort(409)
    try:
        counts = apply_import(people_import, actor=_actor(), send_invitations=form.send_invitations.data)
    except ImportConflict:
        abort(409)
    flash(
        _(
            "Import done: %(added)s, %(updated)s, %(unchanged)s, %(skipped)s.",
            added=ngettext("%(num)s person added", "%(num)s people added", counts[NEW]),
            updated=ngettext("%(num)s person updated", "%(num)s people updated", counts[UPDATE]),
            unchanged=ngettext("%(num)s person unchanged", "%(num)s people unchanged", counts[UNCHANGED]),
            skipped=ngettext("%(num)s row skipped", "%(num)s rows skipped", counts[ERROR]),
        ),
        "success",
    )
    return redirect(url_for("people.index"))


@bp.route("/import/<int:import_id>/cancel", methods=["POST"])
@requires(PERMISSION)
def import_cancel(import_id: int) -> Response:
    people_import = _load_import(import_id)
    _check_action()
    try:
        cancel_import(people_import, actor=_actor())
    except ImportConflict:
        abort(409)
    flash(_("The import is cancelled; nothing was changed."), "success")
    return redirect(url_for("people.index"))

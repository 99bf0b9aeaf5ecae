"""Authoring: trainers and admins write tracks, courses, modules and lessons in four languages.

Trainers edit what an Assignment gives them (a track covers all its courses); network admins edit everything.
Changes go to the year's draft revision; published rows are never edited, only read. Pages go down one level at
a time, so that none grows with the plan: the year lists axes and tracks, a track's page its courses, a course's
page its modules and lessons.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import force_locale, get_timezone
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from jinja2 import TemplateNotFound
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response
from wtforms import BooleanField, DateTimeLocalField, SelectField, SelectMultipleField

from sonores_lms.config import LANGUAGES
from sonores_lms.errors import render_error
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm, choices
from sonores_lms.i18n import LANGUAGE_NAMES, format_size
from sonores_lms.multilingual import SOURCE_LANGUAGE
from sonores_lms.navigation import NavItem
from sonores_lms.people.models import User
from sonores_lms.permissions import Role, requires, signed_in
from sonores_lms.signals import nav_items

from ..authoring import (
    AuthoringError,
    AuthorScope,
    Upload,
    VersionConflict,
    assign_trainer,
    author_scope,
    completeness,
    course_minutes,
    course_of,
    create_course,
    create_lesson,
    create_module,
    create_track,
    delete_item,
    move_item,
    plan_of,
    save_item,
    unassign_trainer,
    years_for,
)
from ..authoring_forms import (
    EDIT_FORMS,
    TEXT_FIELDS,
    AssignForm,
    DeleteForm,
    MoveForm,
    NewItemForm,
    NewLessonForm,
    NewTrackForm,
    OpenDraftForm,
    lesson_form,
    theme_code_list,
)
from ..blueprint import blueprint
from ..kinds import FILE_KEYS, LessonKind, lesson_kinds_registry, scoring_kinds
from ..models import Assignment, Axis, Course, Lesson, Level, Module, Plan, PlanStatus, StoredFile, Track
from ..queries import (
    active_trainers,
    assigned_courses,
    assigned_trainers,
    course_lesson_totals,
    course_outline,
    draft_plan,
    file_by_uid,
    id_in_plan,
    other_courses,
    plans_by_year,
    published_plan,
    track_figures,
    track_with_courses,
)
from ..revisions import PlanError, draft_for
from ..uploads import IMAGE_TYPES, UploadError, largest_upload, max_bytes, may_download, path_of

AUTHOR = "courses.author"
MODELS: dict[str, type[Any]] = {"track": Track, "course": Course, "module": Module, "lesson": Lesson}
UPLOAD_ENDPOINTS = frozenset({"courses.author_edit_lesson"})
FORM_OVERHEAD = 1024 * 1024  # room for the text fields sent along with a file


def _nav(_sender: Any) -> NavItem:
    return NavItem("courses.author_home", _l("Authoring"), weight=40, section="main", permission=AUTHOR)


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
    plugin.connect(nav_items, _nav)


@blueprint.url_value_preprocessor
def _upload_limit(endpoint: str | None, _values: Any) -> None:
    """Pages that take a video accept a larger body; set before the CSRF check reads the form."""
    if endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = largest_upload() + FORM_OVERHEAD


@blueprint.errorhandler(RequestEntityTooLarge)
def _too_large(error: RequestEntityTooLarge) -> Any:
    """A body over the limit is refused while it is read, before the form exists: the lesson editor comes back
    (413) with the reason on its file field, rather than an error page in its place. What was typed with the file
    could not be read; the page says so. Browsers with JavaScript refuse such a file before sending it."""
    if request.endpoint not in UPLOAD_ENDPOINTS:
        return render_error(error)
    limits = _(
        "Videos up to %(video)s and other files up to %(other)s are accepted.",
        video=format_size(max_bytes("video")),
        other=format_size(max_bytes("file")),
    )
    lesson = db.session.get(Lesson, (request.view_args or {}).get("lesson_id", 0))
    scope = author_scope(current_user) if current_user.is_authenticated else None
    editable = lesson is not None and scope is not None and scope.can_edit(lesson)
    if not editable or plan_of(lesson).status != PlanStatus.DRAFT:
        error.sonores_detail = limits  # type: ignore[attr-defined]
        return render_error(error)
    form = _prepare(_form_class("lesson", lesson)(formdata=None, data=_initial("lesson", lesson)), "lesson", lesson)
    if not hasattr(form, "upload"):  # a kind that takes no file: nothing to point at but the page's limits
        error.sonores_detail = limits  # type: ignore[attr-defined]
        return render_error(error)
    form.upload.errors = [
        _("This file is too large. %(limits)s", limits=limits),
        _("Nothing was saved: send your changes again, with a smaller file or without one."),
    ]
    return _editor("lesson", lesson, form, scope), 413


# -- helpers ---------------------------------------------------------------------------------------------------------
def _scope() -> AuthorScope:
    return author_scope(current_user)


def _load(kind: str, item_id: int) -> Any:
    return db.get_or_404(MODELS[kind], item_id)


def _authorise(allowed: bool) -> None:
    if not allowed:
        abort(403)


def _fragment(item: Any) -> str:
    return f"{type(item).__name__.lower()}-{item.id}"


def _listed_at(item: Any, anchor: bool = True) -> str:
    """The page that lists ``item`` among its siblings, with their Up/Down buttons: the year for axes and tracks,
    the track's page for courses, the course's page for modules and lessons."""
    fragment = _fragment(item) if anchor and getattr(item, "id", None) else None
    if isinstance(item, (Axis, Track)):
        return url_for("courses.author_year", year=plan_of(item).year, _anchor=fragment)
    if isinstance(item, Course):
        return url_for("courses.author_track", track_id=item.track_id, _anchor=fragment)
    return url_for("courses.author_edit_course", course_id=course_of(item).id, _anchor=fragment)


def _page_of(item: Any) -> str:
    """Where ``item`` is read when it cannot be edited: tracks and courses have their own page; axes, modules and
    lessons are shown where they are listed."""
    if isinstance(item, Track):
        return url_for("courses.author_track", track_id=item.id)
    if isinstance(item, Course):
        return url_for("courses.author_edit_course", course_id=item.id)
    return _listed_at(item)


def _trail(item: Any, *, itself: bool = False) -> list[tuple[str, str]]:
    """The way back from a page about ``item``: all plans, the year, then its track, course and module (``item``
    too when ``itself``, for pages that add to it or manage it)."""
    chain: list[Any] = [plan_of(item)]
    if not isinstance(item, (Axis, Track)):
        course = course_of(item)
        chain += [course.track, course]
        if isinstance(item, Lesson):
            chain.append(item.module)
    if not isinstance(item, Course):
        chain.append(item)
    # Each link lands on the entry that leads down here: the year on the track, the track on the course, ...
    pairs = list(zip(chain, [*chain[1:], None], strict=True))
    links = [(_("All plans"), url_for("courses.author_home"))]
    for node, following in pairs if itself else pairs[:-1]:
        anchor = _fragment(following) if following is not None else None
        if isinstance(node, Plan):
            label = node.text("title").text or str(node.year)
            links.append((label, url_for("courses.author_year", year=node.year, _anchor=anchor)))
        elif isinstance(node, Track):
            links.append((_title(node), url_for("courses.author_track", track_id=node.id, _anchor=anchor)))
        elif isinstance(node, Course):
            links.append((_title(node), url_for("courses.author_edit_course", course_id=node.id, _anchor=anchor)))
        elif isinstance(node, Module):
            links.append((_title(node), url_for("courses.author_edit_module", module_id=node.id, _anchor=anchor)))
    return links


def _draft_only(item: Any) -> Response | None:
    """Published revisions are read-only: send the author to where the item is shown, with the button that opens
    the year's draft."""
    if plan_of(item).status == PlanStatus.DRAFT:
        return None
    flash(_("Published plans are not edited directly: open the year's draft to make changes."), "warning")
    return redirect(_page_of(item))


def _title(item: Any) -> str:
    return item.text("title").text or _("(untitled)")


def _local_zone() -> ZoneInfo:
    return ZoneInfo(str(get_timezone() or "UTC"))


def _to_local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(_local_zone()).replace(tzinfo=None) if moment else None


def _to_utc(local: datetime | None) -> datetime | None:
    return local.replace(tzinfo=_local_zone()).astimezone(UTC) if local else None


def _kind_choices() -> list[Any]:
    return choices((name, str(kind.title)) for name, kind in lesson_kinds_registry().items())


# -- home and the year's tree ----------------------------------------------------------------------------------------
@blueprint.route("/author/")
@requires(AUTHOR)
def author_home() -> str:
    scope = _scope()
    years = years_for(scope)
    by_year: dict[int, list[Plan]] = {}
    for plan in plans_by_year():
        if years is None or plan.year in years:
            by_year.setdefault(plan.year, []).append(plan)
    return render_template("courses/authoring/home.html", by_year=by_year, scope=scope)


@blueprint.route("/author/<int:year>")
@requires(AUTHOR)
def author_year(year: int) -> str:
    scope = _scope()
    # Axes and tracks only: a track's courses are on its own page, a course's modules and lessons on the course's.
    plan = draft_plan(year, courses=False) or published_plan(year, courses=False)
    if plan is None:
        abort(404)
    years = years_for(scope)
    _authorise(years is None or year in years)
    # Someone assigned to single courses finds them under their tracks, as the only courses shown there.
    assigned: dict[int, list[Course]] = {}
    for course in [] if scope.is_admin else assigned_courses(plan, scope.course_uids):
        assigned.setdefault(course.track_id, []).append(course)
    return render_template(
        "courses/authoring/year.html",
        plan=plan,
        scope=scope,
        editable=plan.status == PlanStatus.DRAFT,
        figures=track_figures(plan),
        assigned=assigned,
        totals=course_lesson_totals(plan) if assigned else {},
        completeness=completeness,
    )


@blueprint.route("/author/tracks/<int:track_id>/courses")
@requires(AUTHOR)
def author_track(track_id: int) -> str:
    track = track_with_courses(track_id)
    if track is None:
        abort(404)
    scope = _scope()
    _authorise(scope.sees_track(track))
    plan = track.axis.plan
    return render_template(
        "courses/authoring/track.html",
        track=track,
        plan=plan,
        scope=scope,
        editable=plan.status == PlanStatus.DRAFT,
        courses=[course for course in track.courses if scope.can_edit_course(course)],
        totals=course_lesson_totals(track),
        completeness=completeness,
        trail=_trail(track),
    )


@blueprint.route("/author/<int:year>/draft", methods=["POST"])
@requires(AUTHOR)
def author_start_draft(year: int) -> Response:
    scope = _scope()
    plan = draft_plan(year, courses=False) or published_plan(year, courses=False)
    if plan is None:
        abort(404)
    years = years_for(scope)
    _authorise(years is None or year in years)
    form = OpenDraftForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        draft = draft_for(plan, actor=current_user)
    except PlanError as error:
        flash(str(error.message), "error")
        return redirect(url_for("courses.author_year", year=year))
    flash(_("You are editing revision %(revision)s of the %(year)s plan.", revision=draft.revision, year=year))
    # Opened from a track's or a course's page: continue on the draft's copy of it (revisions keep uids).
    if form.kind.data and form.uid.data:
        model = Track if form.kind.data == "track" else Course
        copy_id = id_in_plan(model, draft, form.uid.data)
        if copy_id is not None:
            return redirect(_page_of(db.session.get(model, copy_id)))
    return redirect(url_for("courses.author_year", year=year))


# -- creating --------------------------------------------------------------------------------------------------------
def _create(form: Any, parent: Any, heading: str, make: Any) -> str | Response:
    redirect_to = _draft_only(parent)
    if redirect_to is not None:
        return redirect_to
    if form.validate_on_submit():
        try:
            item = make(form)
        except AuthoringError as error:
            flash(str(error.message), "error")
        else:
            flash(_("Created. Add its translations and details below."), "success")
            return redirect(url_for(f"courses.author_edit_{type(item).__name__.lower()}", **{
                f"{type(item).__name__.lower()}_id": item.id
            }))  # fmt: skip
    return render_template(
        "courses/authoring/new.html", form=form, parent=parent, heading=heading, trail=_trail(parent, itself=True)
    )


@blueprint.route("/author/axes/<int:axis_id>/tracks/new", methods=["GET", "POST"])
@requires(AUTHOR)
def author_new_track(axis_id: int) -> str | Response:
    axis = db.get_or_404(Axis, axis_id)
    _authorise(_scope().is_admin)
    return _create(
        NewTrackForm(),
        axis,
        _("New track in %(axis)s", axis=_title(axis)),
        lambda f: create_track(axis, title_fr=f.title.data, enforce_order=f.enforce_order.data, actor=current_user),
    )


@blueprint.route("/author/tracks/<int:track_id>/courses/new", methods=["GET", "POST"])
@requires(AUTHOR)
def author_new_course(track_id: int) -> str | Response:
    track = db.get_or_404(Track, track_id)
    _authorise(_scope().can_add_course(track))
    return _create(
        NewItemForm(),
        track,
        _("New course in %(track)s", track=_title(track)),
        lambda f: create_course(track, title_fr=f.title.data, actor=current_user),
    )


@blueprint.route("/author/courses/<int:course_id>/modules/new", methods=["GET", "POST"])
@requires(AUTHOR)
def author_new_module(course_id: int) -> str | Response:
    course = db.get_or_404(Course, course_id)
    _authorise(_scope().can_edit_course(course))
    return _create(
        NewItemForm(),
        course,
        _("New module in %(course)s", course=_title(course)),
        lambda f: create_module(course, title_fr=f.title.data, actor=current_user),
    )


@blueprint.route("/author/modules/<int:module_id>/lessons/new", methods=["GET", "POST"])
@requires(AUTHOR)
def author_new_lesson(module_id: int) -> str | Response:
    module = db.get_or_404(Module, module_id)
    _authorise(_scope().can_edit(module))
    form = NewLessonForm()
    form.kind.choices = _kind_choices()
    return _create(
        form,
        module,
        _("New lesson in %(module)s", module=_title(module)),
        lambda f: create_lesson(module, title_fr=f.title.data, kind=f.kind.data, actor=current_user),
    )


# -- editing ---------------------------------------------------------------------------------------------------------
def _initial(kind: str, item: Any) -> dict[str, Any]:
    """What the edit form shows for ``item`` as it is stored."""
    values: dict[str, Any] = {"version": item.version}
    for lang in LANGUAGES:
        stored = item.texts_in(lang)
        values[lang] = {name: stored.get(name, "") for name, _label, _m in TEXT_FIELDS[kind]}
    if kind == "track":
        values["enforce_order"] = item.enforce_order
    elif kind == "course":
        values.update(
            level=item.level.value,
            audience=list(item.audience or []),
            prerequisites=[c.id for c in item.prerequisites],
            min_quiz_score=item.min_quiz_score,
            theme_codes=", ".join(item.theme_codes or []),
        )
    elif kind == "lesson":
        values.update(
            kind=item.kind,
            duration_minutes=item.duration_minutes,
            required=item.required,
            release_at=_to_local(item.release_at),
        )
        lesson_kind = lesson_kinds_registry().get(item.kind)
        if lesson_kind is not None and lesson_kind.form is not None:
            values.update(lesson_kind.load(item))
    return values


def _form_class(kind: str, item: Any) -> Any:
    """A lesson's editor carries the fields of its stored kind (a changed kind shows its own after saving)."""
    if kind == "lesson":
        return lesson_form(lesson_kinds_registry().get(item.kind))
    return EDIT_FORMS[kind]


def _prepare(form: Any, kind: str, item: Any) -> Any:
    """Choices that depend on the item: kinds of lesson, the plan's other courses as prerequisites; a course's
    minimum score only while some kind of lesson scores."""
    if kind == "lesson":
        form.kind.choices = _kind_choices()
        if item.kind not in lesson_kinds_registry():
            form.kind.choices += choices([(item.kind, item.kind)])
        if hasattr(form, "upload"):
            # Read by app.js, which refuses a larger file before it is sent (the other fields would be lost).
            lesson_kind = _lesson_kind(item)
            limit = max_bytes(lesson_kind.upload if lesson_kind is not None and lesson_kind.upload else "file")
            form.upload.render_kw = {
                "data-max-bytes": limit,
                "data-too-large": _(
                    "This file is too large: files up to %(size)s are accepted here.", size=format_size(limit)
                ),
            }
    elif kind == "course":
        others = other_courses(item, plan_of(item))
        form.prerequisites.choices = choices((c.id, _title(c)) for c in others)
        form._others = {c.id: c for c in others}
        if not scoring_kinds():
            del form.min_quiz_score
    return form


def _settings(form: Any, kind: str, item: Any, stored: StoredFile | None) -> dict[str, Any]:
    if kind == "track":
        return {"enforce_order": form.enforce_order.data}
    if kind == "course":
        return {
            "level": Level(form.level.data),
            "audience": [value for value in (form.audience.data or []) if value in {role.value for role in Role}],
            "prerequisites": [form._others[i] for i in form.prerequisites.data or [] if i in form._others],
            # Without a kind that scores the field is not shown, and the stored minimum is kept as it is.
            **({"min_quiz_score": form.min_quiz_score.data} if "min_quiz_score" in form else {}),
            "theme_codes": theme_code_list(form.theme_codes.data),
        }
    if kind == "lesson":
        lesson_kind = lesson_kinds_registry().get(item.kind)
        data = lesson_kind.save(item, form) if lesson_kind is not None else dict(item.data or {})
        if "remove_file" in form and form.remove_file.data:
            for key in FILE_KEYS:
                data.pop(key, None)
        if stored is not None:  # what a learner's page needs to show the file without loading its row
            data.update(
                file_id=stored.uid, filename=stored.filename, content_type=stored.content_type, size=stored.size
            )
            for key in ("width", "height"):
                if getattr(stored, key):
                    data[key] = getattr(stored, key)
                else:
                    data.pop(key, None)
        return {
            "kind": form.kind.data,
            "duration_minutes": form.duration_minutes.data,
            "required": form.required.data,
            "release_at": _to_utc(form.release_at.data),
            "data": data,
        }
    return {}


def _upload(form: Any, item: Any) -> Upload | None:
    """The file sent with a lesson's form, if any; the form has an upload field only for a kind that takes one,
    and the kind says what the file may be (its ``upload`` purpose: "video" or "file")."""
    sent = getattr(getattr(form, "upload", None), "data", None)
    if not isinstance(sent, FileStorage) or not sent.filename:
        return None
    kind = _lesson_kind(item)
    return Upload(sent.stream, sent.filename, kind.upload if kind is not None and kind.upload else "file")


def _display(field: Any) -> str:
    """A field's value as a reader sees it, for the conflict page."""
    if isinstance(field, BooleanField):
        return _("Yes") if field.data else _("No")
    if isinstance(field, SelectMultipleField):
        labels = dict((value, str(label)) for value, label, *_rest in field.iter_choices())
        return ", ".join(labels.get(v, str(v)) for v in (field.data or [])) or "—"
    if isinstance(field, SelectField):
        return str(dict((v, str(label)) for v, label, *_rest in field.iter_choices()).get(field.data, field.data or ""))
    if isinstance(field, DateTimeLocalField):
        return field.data.strftime("%Y-%m-%d %H:%M") if field.data else "—"
    return "" if field.data is None else str(field.data)


def _conflict_rows(kind: str, theirs: Any, yours: Any) -> list[dict[str, Any]]:
    rows = []
    for name in (name for name in theirs.settings if name in theirs):
        rows.append({"label": theirs[name].label.text, "lang": None, "theirs": _display(theirs[name]),
                     "yours": _display(yours[name])})  # fmt: skip
    for lang in LANGUAGES:
        for name, label, _m in TEXT_FIELDS[kind]:
            rows.append({"label": label, "lang": lang, "theirs": theirs[lang][name].data or "",
                         "yours": yours[lang][name].data or ""})  # fmt: skip
    for row in rows:
        row["differs"] = row["theirs"] != row["yours"]
    return rows


def _lesson_kind(lesson: Lesson) -> LessonKind | None:
    return lesson_kinds_registry().get(lesson.kind)


def _attached_file(item: Any) -> StoredFile | None:
    file_uid = (item.data or {}).get("file_id") if isinstance(item, Lesson) else None
    return file_by_uid(str(file_uid)) if file_uid else None


def _read_only(kind: str, item: Any, scope: AuthorScope) -> Any:
    """A published course's page shows its modules and lessons with their previews; anything else of a published
    revision, or a save, sends the author there (or to the track's page) with a note."""
    if request.method == "POST" or kind != "course":
        return _draft_only(item)
    return render_template(
        "courses/authoring/course.html",
        course=item,
        plan=plan_of(item),
        scope=scope,
        title=_title(item),
        minutes=course_minutes(item),
        editable=False,
        completeness=completeness,
        trail=_trail(item),
    )


def _edit(kind: str, item: Any) -> Any:
    scope = _scope()
    _authorise(scope.can_edit(item))
    if plan_of(item).status != PlanStatus.DRAFT:
        return _read_only(kind, item, scope)
    form_class = _form_class(kind, item)
    # A POST is read from what was sent alone: stored values must not fill in a missing version or title.
    form = form_class() if request.method == "POST" else form_class(data=_initial(kind, item))
    form = _prepare(form, kind, item)
    if form.validate_on_submit():
        try:
            save_item(
                item,
                actor=current_user,
                version=form.version.data,
                settings=lambda stored: _settings(form, kind, item, stored),
                texts=form.text_values(),
                checked=form.checked_languages(),
                upload=_upload(form, item),
            )
        except VersionConflict:
            theirs = _prepare(form_class(formdata=None, data=_initial(kind, item)), kind, item)
            return render_template(
                "courses/authoring/conflict.html",
                kind=kind,
                item=item,
                form=form,
                rows=_conflict_rows(kind, theirs, form),
                title=_title(item),
            ), 409
        except UploadError as error:
            # The editor comes back with what was typed and the reason on the file field (413 when too large).
            form.upload.errors = [str(error.message)]
            if error.too_large:
                return _editor(kind, item, form, scope), 413
        except AuthoringError as error:
            flash(str(error.message), "error")
        else:
            flash(_("Saved."), "success")
            return redirect(url_for(request.endpoint, **request.view_args))
    return _editor(kind, item, form, scope)


def _editor(kind: str, item: Any, form: Any, scope: AuthorScope) -> str:
    """The edit page of ``item`` with ``form`` as it stands (what was sent, with its errors)."""
    return render_template(
        "courses/authoring/edit.html",
        kind=kind,
        item=item,
        form=form,
        scope=scope,
        title=_title(item),
        statuses=item.translation_statuses(),
        french=item.texts_in(SOURCE_LANGUAGE),
        text_fields=TEXT_FIELDS[kind],
        language_names=LANGUAGE_NAMES,
        can_delete=_may_restructure(scope, item),
        minutes=course_minutes(item) if kind == "course" else None,
        stored_file=_attached_file(item),
        lesson_kind=_lesson_kind(item) if kind == "lesson" else None,
        editable=True,
        completeness=completeness,
        trail=_trail(item),
    )


@blueprint.route("/author/tracks/<int:track_id>", methods=["GET", "POST"])
@requires(AUTHOR)
def author_edit_track(track_id: int) -> Any:
    return _edit("track", _load("track", track_id))


@blueprint.route("/author/courses/<int:course_id>", methods=["GET", "POST"])
@requires(AUTHOR)
def author_edit_course(course_id: int) -> Any:
    course = course_outline(course_id)  # its modules and lessons, listed on its page
    if course is None:
        abort(404)
    return _edit("course", course)


@blueprint.route("/author/modules/<int:module_id>", methods=["GET", "POST"])
@requires(AUTHOR)
def author_edit_module(module_id: int) -> Any:
    return _edit("module", _load("module", module_id))


@blueprint.route("/author/lessons/<int:lesson_id>", methods=["GET", "POST"])
@requires(AUTHOR)
def author_edit_lesson(lesson_id: int) -> Any:
    return _edit("lesson", _load("lesson", lesson_id))


# -- deleting and reordering -----------------------------------------------------------------------------------------
def _may_restructure(scope: AuthorScope, item: Any) -> bool:
    """Tracks are the admins'; a course is deleted or moved by whoever holds its track; below, its authors."""
    if isinstance(item, Track):
        return scope.is_admin
    if isinstance(item, Course):
        return scope.can_delete_course(item)
    return scope.can_edit(item)


@blueprint.route("/author/<any(track,course,module,lesson):kind>/<int:item_id>/delete", methods=["POST"])
@requires(AUTHOR)
def author_delete(kind: str, item_id: int) -> Any:
    item = _load(kind, item_id)
    _authorise(_may_restructure(_scope(), item))
    form = DeleteForm()
    if not form.validate_on_submit():
        abort(400)
    back = _listed_at(item, anchor=False)
    try:
        delete_item(item, actor=current_user, version=form.version.data)
    except VersionConflict:
        abort(409)
    except AuthoringError as error:
        flash(str(error.message), "error")
    else:
        flash(_("Deleted."), "success")
    return redirect(back)


@blueprint.route("/author/<any(track,course,module,lesson):kind>/<int:item_id>/move", methods=["POST"])
@requires(AUTHOR)
def author_move(kind: str, item_id: int) -> Any:
    item = _load(kind, item_id)
    _authorise(_may_restructure(_scope(), item))
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        move_item(item, form.direction.data, actor=current_user)
    except AuthoringError as error:
        flash(str(error.message), "error")
    return redirect(_listed_at(item))


# -- preview ---------------------------------------------------------------------------------------------------------
@blueprint.route("/author/lessons/<int:lesson_id>/preview")
@requires(AUTHOR)
def author_preview_lesson(lesson_id: int) -> str:
    lesson = _load("lesson", lesson_id)
    _authorise(_scope().can_edit(lesson))
    lang = request.args.get("lang", SOURCE_LANGUAGE)
    if lang not in LANGUAGES:
        lang = SOURCE_LANGUAGE
    kind = _lesson_kind(lesson)
    # What learners see; a kind whose plugin is disabled shows its texts alone.
    candidates = [kind.view_template] if kind is not None else []
    candidates.append("courses/authoring/kinds/_default.html")
    stored = _attached_file(lesson)
    # A published lesson is not edited: the way back is its course's page, where it is listed.
    editable = plan_of(lesson).status == PlanStatus.DRAFT
    back = url_for("courses.author_edit_lesson", lesson_id=lesson.id) if editable else _page_of(lesson)
    with force_locale(lang):
        labels = {"title": _("Title"), "body": _("Text"), "transcript": _("Transcript")}
        fallbacks = [
            (labels[name], picked.language) for name in labels if (picked := lesson.text(name, lang)).is_fallback
        ]
        try:
            page = render_template(
                "courses/authoring/preview.html",
                lesson=lesson,
                lang=lang,
                language=lang,
                candidates=candidates,
                stored_file=stored,
                fallbacks=fallbacks,
                language_names=LANGUAGE_NAMES,
                preview=True,
                editable=editable,
                back=back,
            )
        except TemplateNotFound:  # pragma: no cover - the default fragment always exists
            abort(404)
    return page


# -- trainers assigned to a track or a course ------------------------------------------------------------------------
@blueprint.route("/author/<any(track,course):kind>/<int:item_id>/trainers", methods=["GET", "POST"])
@requires(AUTHOR)
def author_trainers(kind: str, item_id: int) -> Any:
    item = _load(kind, item_id)
    _authorise(_scope().is_admin)
    assigned = assigned_trainers(item)
    taken = {user.id for _a, user in assigned}
    form = AssignForm()
    form.trainer.choices = choices((p.id, f"{p.full_name} <{p.email}>") for p in active_trainers() if p.id not in taken)
    if form.validate_on_submit():
        trainer = db.get_or_404(User, form.trainer.data)
        try:
            assign_trainer(trainer, actor=current_user, **{kind: item})
        except AuthoringError as error:
            form.trainer.errors = [str(error.message)]
        else:
            flash(_("%(name)s is assigned.", name=trainer.full_name), "success")
            return redirect(url_for("courses.author_trainers", kind=kind, item_id=item.id))
    return render_template(
        "courses/authoring/trainers.html",
        kind=kind,
        item=item,
        title=_title(item),
        assigned=assigned,
        form=form,
        confirm=ConfirmForm(),
        trail=_trail(item, itself=True),
    )


@blueprint.route("/author/<any(track,course):kind>/<int:item_id>/trainers/<int:assignment_id>/remove", methods=["POST"])
@requires(AUTHOR)
def author_remove_trainer(kind: str, item_id: int, assignment_id: int) -> Response:
    item = _load(kind, item_id)
    _authorise(_scope().is_admin)
    assignment = db.get_or_404(Assignment, assignment_id)
    if (assignment.track_uid if kind == "track" else assignment.course_uid) != item.uid:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    trainer = db.session.get(User, assignment.user_id)
    unassign_trainer(assignment, trainer=trainer, target=item, actor=current_user)
    flash(_("%(name)s is no longer assigned.", name=trainer.full_name), "success")
    return redirect(url_for("courses.author_trainers", kind=kind, item_id=item.id))


# -- stored files ----------------------------------------------------------------------------------------------------
@blueprint.route("/files/<uid>")
@signed_in
def stored_file(uid: str) -> Response:
    """An uploaded file, for the people who may author or read a lesson that uses it (``may_download``); others
    get 404, as for a file that does not exist, so that the answer does not tell which names are taken. Only
    images are shown inline, everything else is downloaded."""
    stored = file_by_uid(uid)
    if stored is None or not may_download(current_user, stored):
        abort(404)
    path = path_of(stored)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=stored.content_type,
        as_attachment=stored.content_type not in IMAGE_TYPES,
        download_name=stored.filename,
        conditional=True,
        max_age=3600,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response

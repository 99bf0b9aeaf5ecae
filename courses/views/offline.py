"""The offline lesson pack (one HTML file, and a PDF) and the "I studied offline" page.

A pack holds exactly what its reader may read online: a course reserved for some roles is refused to others with
the same page as its lessons (403), and the lessons that are locked online (an unfinished prerequisite, a track
taken in order, a later release date) are listed without their content. Any signed-in person may ask; the rules
are the learning pages' own (``courses.learning``), so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from slugify import slugify
from werkzeug.wrappers import Response
from wtforms import SelectMultipleField
from wtforms.validators import Optional

from sonores_lms.pdf import render_pdf
from sonores_lms.permissions import signed_in

from .. import offline
from ..blueprint import blueprint
from ..learning import audience_allows, audience_refusal
from .learning import _refuse


def connect(_plugin: Any) -> None:
    """Nothing to connect: the pack is reached from the course page."""


def _pack_course(uid: str) -> Any:
    course = offline.pack_course(uid)
    if course is None:
        abort(404)
    return course


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    response = make_response(body)
    response.headers["Content-Type"] = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _pack_filename(course: Any, extension: str) -> str:
    slug = slugify(str(course.text("title", "fr")), max_length=60) or "course"
    return f"sonores-{slug}.{extension}"


def _readable_pack(uid: str) -> tuple[Any, offline.Pack]:
    """The course and its pack for the current reader; a course reserved for other roles is refused with the page
    its lessons show (403), so nobody reads offline what they may not read online."""
    course = _pack_course(uid)
    user = current_user._get_current_object()
    if not audience_allows(user, course):
        abort(make_response(_refuse(audience_refusal(course), course)))
    return course, offline.build_pack(course, str(get_locale() or "fr"), user=user)


@blueprint.route("/learn/<uid>/pack.html")
@signed_in
def offline_pack(uid: str) -> Response:
    course, pack = _readable_pack(uid)
    html = render_template("courses/offline/pack.html", pack=pack)
    return _download(html.encode("utf-8"), "text/html; charset=utf-8", _pack_filename(course, "html"))


@blueprint.route("/learn/<uid>/pack.pdf")
@signed_in
def offline_pack_pdf(uid: str) -> Response:
    course, pack = _readable_pack(uid)
    pdf = render_pdf("courses/offline/pdf/pack.html", pack=pack)
    return _download(pdf, "application/pdf", _pack_filename(course, "pdf"))


class OfflineProgressForm(FlaskForm):
    lessons = SelectMultipleField(_l("Lessons I studied offline"), coerce=int, validators=[Optional()])


@blueprint.route("/learn/<uid>/offline", methods=["GET", "POST"])
@signed_in
def offline_progress(uid: str) -> str | Response:
    course = _pack_course(uid)
    user = current_user._get_current_object()
    items = offline.offline_items(course, user)
    form = OfflineProgressForm()
    # Lessons already done stay valid choices: sending the form twice changes nothing.
    form.lessons.choices = [(item.lesson.id, str(item.title)) for item in items]
    if form.validate_on_submit():
        chosen = set(form.lessons.data or [])
        locked = [item for item in items if item.lesson.id in chosen and item.lock is not None]
        if not chosen:
            form.lessons.errors = [_("Tick the lessons you studied.")]
        elif locked:
            titles = ", ".join(f"{item.title} ({item.lock_message})" for item in locked)
            form.lessons.errors = [_("Locked lessons cannot be marked done yet: %(lessons)s", lessons=titles)]
        else:
            try:
                marked = offline.record_offline(
                    user, [item.lesson for item in items if item.lesson.id in chosen], actor=user
                )
            except offline.OfflineError as error:
                form.lessons.errors = [str(error)]
            else:
                if marked:
                    flash(ngettext("%(num)s lesson marked done.", "%(num)s lessons marked done.", marked), "success")
                else:
                    flash(_("These lessons were already marked done."), "info")
                return redirect(url_for("courses.offline_progress", uid=course.uid))
    return render_template("courses/offline/progress.html", course=course, groups=offline.by_module(items), form=form)

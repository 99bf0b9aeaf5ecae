"""The plugin's page and what it adds to other pages (a dashboard widget, the course page's ``course-actions``
slot). Thin: read through the queries, render."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from sonores_lms.navigation import Fragment, Widget
from sonores_lms.permissions import signed_in

from .queries import note_for, notes_of

# No template_folder: the plugin's templates live in the app's templates/sample/.
blueprint = Blueprint("sample", __name__, url_prefix="/sample")


@blueprint.route("/log")
@signed_in
def log() -> str:
    return render_template("sample/log.html", notes=notes_of(current_user.id))


def widget(user: Any) -> Widget | None:
    """Receiver of ``dashboard-widgets``: the latest courses the person completed, as many as the setting says."""
    if not getattr(user, "is_authenticated", False):
        return None
    notes = notes_of(user.id, limit=current_app.config["SAMPLE_NOTES_SHOWN"])
    if not notes:
        return None
    html = Markup(render_template("sample/_widget.html", notes=notes))  # noqa: S704 - rendered with autoescape
    return Widget(name="sample-log", title=_l("My learning log"), html=html, weight=60)


def course_note(slot: str, **kwargs: Any) -> Fragment | None:
    """Receiver of ``template-hook``: on a course's page, say when the reader's log noted it."""
    if slot != "course-actions" or not current_user.is_authenticated:
        return None
    note = note_for(current_user.id, kwargs["course"].uid)
    if note is None:
        return None
    html = Markup(render_template("sample/_course_note.html", note=note))  # noqa: S704 - rendered with autoescape
    return Fragment("sample-course-noted", html, weight=90)

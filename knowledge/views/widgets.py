"""What the knowledge base adds to other pages: its menu entry and a dashboard widget."""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from sonores_lms.navigation import Widget

from .. import queries


def widget(user: Any) -> Widget | None:
    """New resources for the person's country and axes (the axes of the resources they contributed or reused).

    Always shown, even empty: with its links to the whole base and to sharing a resource, it is a way in beside
    the main menu's entry."""
    if not getattr(user, "is_authenticated", False):
        return None
    country = user.institute.country if user.institute is not None else None
    items = queries.new_for_person(country, user.id)
    html = Markup(render_template("knowledge/_widget.html", items=items))  # noqa: S704 - rendered with autoescape
    return Widget(name="knowledge-new", title=_l("New resources for you"), html=html, weight=40)

"""Navigation entries and dashboard widgets that the core and plugins contribute through signals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from .signals import collect, dashboard_widgets, nav_items, template_hook


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    title: Any
    weight: int = 50
    section: str = "main"  # "main" or "admin"
    permission: str | None = None  # None: any signed-in person
    public: bool = False

    @property
    def url(self) -> str:
        return url_for(self.endpoint)

    @property
    def active(self) -> bool:
        return request.endpoint == self.endpoint


@dataclass(frozen=True)
class Widget:
    name: str
    title: Any
    html: Markup
    weight: int = 50


def visible_nav_items(section: str) -> list[NavItem]:
    items = []
    for item in collect(nav_items, current_app._get_current_object()):  # type: ignore[attr-defined]
        if item.section != section:
            continue
        if not current_user.is_authenticated:
            if item.public:
                items.append(item)
            continue
        if item.permission is None or current_user.can(item.permission):
            items.append(item)
    return sorted(items, key=lambda i: (i.weight, str(i.title)))


def widgets_for(user: Any) -> list[Widget]:
    return sorted(collect(dashboard_widgets, user), key=lambda w: (w.weight, w.name))


def render_template_hook(name: str, **kwargs: Any) -> Markup:
    return Markup("").join(
        value if isinstance(value, Markup) else escape(value) for value in collect(template_hook, name, **kwargs)
    )

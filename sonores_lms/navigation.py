"""Navigation entries, dashboard widgets and template-slot fragments that the core and plugins contribute through
signals.

All three are named objects with a weight: replies are gathered with :func:`sonores_lms.signals.collect_named`,
so two contributions with the same name (a nav item's name is its endpoint) are a programming error that shows at
once, and sorted by ``(weight, name)``, so the order is stable whatever order plugins were loaded in. A light
weight comes first. Names start with the contributor's slug (``courses-my-plan``), which keeps them apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from .signals import collect_named, dashboard_widgets, nav_items, template_hook


def collect_ordered(signal: Any, sender: Any = None, *, kind: type, attr: str = "name", **kwargs: Any) -> list[Any]:
    """Replies to ``signal``, each a ``kind`` named by ``attr`` (duplicates refused), sorted by weight, then name."""
    named = collect_named(signal, sender, attr=attr, kind=kind, **kwargs)
    return [named[key] for key in sorted(named, key=lambda key: (named[key].weight, key))]


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    title: Any
    weight: int = 50
    section: str = "main"  # "main" or "admin"
    permission: str | None = None  # None: any signed-in person
    public: bool = False

    @property
    def name(self) -> str:
        """Its name among the nav items: the endpoint, which no two entries may share."""
        return self.endpoint

    @property
    def url(self) -> str:
        return url_for(self.endpoint)

    @property
    def active(self) -> bool:
        return request.endpoint == self.endpoint


@dataclass(frozen=True)
class Widget:
    """A box on the dashboard (``dashboard-widgets``): ``html`` is its rendered body, ``title`` its heading."""

    name: str
    title: Any
    html: Markup
    weight: int = 50


@dataclass(frozen=True)
class Fragment:
    """What a receiver of ``template-hook`` adds to a page's named slot: ``html`` (``Markup``, or a string that is
    escaped) under its own ``name``, placed by ``weight``."""

    name: str
    html: Markup | str
    weight: int = 50


def visible_nav_items(section: str) -> list[NavItem]:
    items = []
    for item in collect_ordered(nav_items, current_app._get_current_object(), kind=NavItem, attr="endpoint"):  # type: ignore[attr-defined]
        if item.section != section:
            continue
        if not current_user.is_authenticated:
            if item.public:
                items.append(item)
            continue
        if item.permission is None or current_user.can(item.permission):
            items.append(item)
    return items


def widgets_for(user: Any) -> list[Widget]:
    """The dashboard's widgets for ``user``, in order."""
    return collect_ordered(dashboard_widgets, user, kind=Widget)


def render_template_hook(name: str, **kwargs: Any) -> Markup:
    """The slot ``name`` of a page: every :class:`Fragment` its receivers return, in order."""
    fragments = collect_ordered(template_hook, name, kind=Fragment, **kwargs)
    return Markup("").join(f.html if isinstance(f.html, Markup) else escape(f.html) for f in fragments)

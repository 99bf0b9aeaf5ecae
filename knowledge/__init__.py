"""The knowledge base: the network's transferable resources, searchable in four languages and reusable.

What one institute made (a programme kit, a debate format, a guide, a recording...) is written down once, found by
anyone in the network in their language, reused elsewhere, and remembered: where it travelled, who repeated it.
It needs no other plugin: a lesson shows a resource through the core's ``embed-providers`` collector, a course page
lists resources on its axis through ``content-by-topic``.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from sonores_lms.config import Setting
from sonores_lms.navigation import NavItem
from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin

from .blueprint import blueprint

CURATE = Permission(
    "knowledge.curate",
    _l("Curate the knowledge base (review, publish, feature, archive)"),
    frozenset({Role.ADMIN}),
    network_only=True,
)

MB = 1024 * 1024
SETTINGS = (
    Setting(
        "UPLOAD_MAX",
        50 * MB,
        int,
        "Largest file attached to a knowledge resource (recordings included).",
        shown_default="`52428800` (50 MiB)",
    ),
    Setting(
        "UPLOAD_FOLDER",
        None,
        str,
        "Where the knowledge base keeps its files (by their SHA-256). Back it up with the database.",
        shown_default="`instance/knowledge`",
    ),
)


def _init(app: Flask) -> None:
    from sonores_lms.signals import (
        audit_action_labels,
        content_by_topic,
        dashboard_widgets,
        embed_providers,
        nav_items,
        resource_kinds,
    )

    from . import kinds, links, views

    plugin.connect(resource_kinds, kinds.built_in)
    plugin.connect(embed_providers, links.embed_provider)
    plugin.connect(content_by_topic, links.resources_on_topic)
    plugin.connect(dashboard_widgets, views.widget)
    plugin.connect(nav_items, _nav)
    plugin.connect(audit_action_labels, links.audit_labels)


def _nav(_sender: object) -> NavItem:
    """Every signed-in person searches and contributes: the knowledge base is a main link."""
    return NavItem("knowledge.index", _l("Knowledge base"), weight=35)


def _demo() -> None:
    from .demo import load_demo

    load_demo()


plugin = Plugin(
    name="knowledge",
    title=_l("Knowledge base"),
    blueprint=blueprint,
    models="knowledge.models",
    permissions=(CURATE,),
    settings=SETTINGS,
    demo=_demo,
    init=_init,
)

from . import cli, views  # noqa: E402 - register the commands and routes on the blueprint

__all__ = ["CURATE", "SETTINGS", "cli", "plugin", "views"]

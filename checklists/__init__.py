"""Eco-responsibility audits: versioned checklists, self-assessment, auditor review, scores and action plans."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from sonores_lms.config import Setting
from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin

from .blueprint import blueprint

# Institute-scoped: a director (an admin of their institute) and the staff they name as referents fill its audit;
# the views narrow the grant to the audit's institute and to the named referents.
FILL = Permission(
    "checklists.fill", _l("Fill in an institute's eco-responsibility audit"), frozenset({Role.STAFF, Role.ADMIN})
)
# An auditor held network-wide reviews every audit; one held in an institute reviews the audits assigned to them.
REVIEW = Permission("checklists.review", _l("Review eco-responsibility audits"), frozenset({Role.AUDITOR}))
MANAGE = Permission(
    "checklists.manage", _l("Run audit campaigns and checklist templates"), frozenset({Role.ADMIN}), network_only=True
)
NETWORK = Permission(
    "checklists.network",
    _l("Compare audit results across the network"),
    frozenset({Role.ADMIN, Role.AUDITOR}),
    network_only=True,
)

MB = 1024 * 1024
SETTINGS = (
    Setting(
        "UPLOAD_MAX",
        10 * MB,
        int,
        "Largest evidence file attached to an audit item.",
        shown_default="`10485760` (10 MiB)",
    ),
    Setting(
        "UPLOAD_FOLDER",
        None,
        str,
        "Where evidence files are kept (by their SHA-256). Back it up with the database.",
        shown_default="`instance/uploads`",
    ),
)


def _init(app: Flask) -> None:
    from sonores_lms.signals import audit_action_labels

    from . import jobs
    from .audit_labels import audit_labels

    plugin.connect(audit_action_labels, audit_labels)
    views.connect(plugin)
    jobs.connect(plugin)


def _demo() -> None:
    from .demo import load_demo

    load_demo()


plugin = Plugin(
    name="checklists",
    title=_l("Eco-responsibility audits"),
    blueprint=blueprint,
    models="checklists.models",
    permissions=(FILL, REVIEW, MANAGE, NETWORK),
    settings=SETTINGS,
    demo=_demo,
    init=_init,
)

from . import cli, views  # noqa: E402 - register the commands and routes on the blueprint

__all__ = ["FILL", "MANAGE", "NETWORK", "REVIEW", "SETTINGS", "cli", "plugin", "views"]

"""Certificates: templates, issuing, PDF, verification and revocation.

Listens to ``courses.course-completed`` and ``courses.track-completed`` (through ``courses.api``, the only part
of courses it imports); courses never imports it.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from sonores_lms.config import Setting
from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin

from .blueprint import blueprint

ISSUE = Permission(
    "certificates.issue", _l("Issue and revoke certificates"), frozenset({Role.ADMIN}), network_only=True
)
VIEW = Permission(
    "certificates.view", _l("See and download the certificates of an institute's people"), frozenset({Role.ADMIN})
)

SETTINGS = (
    Setting(
        "ISSUER_NAME",
        "Réseau des Alliances Françaises d'Amérique latine et des Caraïbes",
        str,
        "Who issues the certificates: printed on them, on the verification page and in the Open Badges issuer.",
    ),
    Setting(
        "ISSUER_EMAIL",
        "certificats@sonores.invalid",
        str,
        "Contact address of the issuer, published in the Open Badges issuer profile.",
    ),
    Setting(
        "FOLDER",
        None,
        str,
        "Where the ZIPs of a course's certificates are built (each is kept until the next one of that course).",
        shown_default="`instance/certificates`",
    ),
    Setting(
        "VERIFY_LIMITS",
        "30 per minute;300 per hour",
        str,
        "Lookups on the public verification page per address (Flask-Limiter syntax).",
    ),
)


def _init(app: Flask) -> None:
    from sonores_lms.signals import audit_action_labels

    from . import jobs
    from .audit_labels import audit_labels

    plugin.connect(audit_action_labels, audit_labels)
    jobs.connect(plugin)
    views.connect(plugin)


def _demo() -> None:
    from .demo import load_demo

    load_demo()


plugin = Plugin(
    name="certificates",
    title=_l("Certificates"),
    requires=("courses",),
    blueprint=blueprint,
    models="certificates.models",
    permissions=(ISSUE, VIEW),
    settings=SETTINGS,
    demo=_demo,
    init=_init,
)

from . import views  # noqa: E402 - register the routes on the blueprint

__all__ = ["ISSUE", "SETTINGS", "VIEW", "plugin", "views"]

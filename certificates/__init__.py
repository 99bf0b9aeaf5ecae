"""Certificates: templates, issuing, PDF, verification and revocation."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import lazy_gettext as _l

from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin

ISSUE = Permission(
    "certificates.issue", _l("Issue and revoke certificates"), frozenset({Role.ADMIN}), network_only=True
)

blueprint = Blueprint("certificates", __name__, url_prefix="/certificates")

plugin = Plugin(
    name="certificates",
    title=_l("Certificates"),
    requires=("courses",),
    blueprint=blueprint,
    permissions=(ISSUE,),
)

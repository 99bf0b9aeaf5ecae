"""Who may see and download a certificate: its holder; an admin with ``certificates.issue`` (network-wide); a
director with ``certificates.view`` in the institute the certificate was issued in. Everyone else gets 403."""

from __future__ import annotations

from typing import Any

from .models import Certificate

ISSUE = "certificates.issue"
VIEW = "certificates.view"


def may_see(user: Any, certificate: Certificate) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if certificate.user_id is not None and certificate.user_id == user.id:
        return True
    if user.can(ISSUE):
        return True
    scope = user.scope_of(VIEW)
    if scope is None:
        return user.can(VIEW)
    return certificate.institute_id is not None and certificate.institute_id in scope


def institutes_seen(user: Any) -> frozenset[int] | None:
    """The institutes whose certificates ``user`` lists: None for the whole network."""
    if user.can(ISSUE):
        return None
    scope = user.scope_of(VIEW)
    return None if scope is None else frozenset(scope)

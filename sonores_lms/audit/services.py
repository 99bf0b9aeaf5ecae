"""Recording audit entries; called by services, never by views directly."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request

from ..extensions import db
from .models import AuditEntry


def record(
    action: str,
    *,
    actor: Any,
    target: Any = None,
    target_label: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        action=action,
        actor_id=getattr(actor, "id", None),
        target_type=type(target).__name__ if target is not None else None,
        target_id=getattr(target, "id", None),
        target_label=target_label or (_label(target) if target is not None else None),
        details=details or {},
        ip_address=request.remote_addr if has_request_context() else None,
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def _label(target: Any) -> str:
    for attr in ("email", "name", "title"):
        value = getattr(target, attr, None)
        if value:
            return str(value)[:255]
    return f"{type(target).__name__} {getattr(target, 'id', '')}".strip()

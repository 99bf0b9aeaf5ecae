"""Operations on institutes: check invariants, flush, record an audit entry; never commit."""

from __future__ import annotations

from typing import Any

from ..audit.services import record
from ..extensions import db
from ..i18n import is_timezone
from ..signals import institute_updated
from .models import Institute, InstituteKind
from .queries import find_institute

FIELDS = ("kind", "name", "country", "city", "timezone", "languages", "active")


class InstituteError(ValueError):
    """An institute change that cannot be made; ``field`` names the form field to blame."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _clean(values: dict[str, Any], *, exclude_id: int | None = None) -> dict[str, Any]:
    cleaned = {
        "kind": InstituteKind(values["kind"]),
        "name": " ".join(str(values["name"]).split()),
        "country": str(values["country"]).upper(),
        "city": str(values["city"]).strip(),
        "timezone": values["timezone"],
        "languages": sorted(dict.fromkeys(values.get("languages") or [])),
        "active": bool(values.get("active", True)),
    }
    if len(cleaned["country"]) != 2 or not cleaned["country"].isalpha():
        raise InstituteError("invalid country", "country")
    if not is_timezone(cleaned["timezone"]):
        raise InstituteError("invalid time zone", "timezone")
    if find_institute(cleaned["name"], cleaned["country"], exclude_id=exclude_id) is not None:
        raise InstituteError("duplicate", "name")
    return cleaned


def create_institute(*, actor: Any, **values: Any) -> Institute:
    cleaned = _clean(values)
    institute = Institute(**cleaned)
    db.session.add(institute)
    db.session.flush()
    record("core.institute-created", actor=actor, target=institute)
    return institute


def update_institute(institute: Institute, *, actor: Any, **values: Any) -> None:
    cleaned = _clean(values, exclude_id=institute.id)
    changed = sorted(name for name, value in cleaned.items() if getattr(institute, name) != value)
    for name, value in cleaned.items():
        setattr(institute, name, value)
    db.session.flush()
    if changed:
        record("core.institute-updated", actor=actor, target=institute, details={"fields": changed})
        institute_updated.send(institute, actor=actor, fields=set(changed))


def set_institute_active(institute: Institute, active: bool, *, actor: Any) -> None:
    if institute.active == active:
        return
    institute.active = active
    db.session.flush()
    record("core.institute-activated" if active else "core.institute-deactivated", actor=actor, target=institute)

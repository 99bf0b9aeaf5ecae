"""Changes a person makes to their own profile."""

from __future__ import annotations

from ..audit.services import record
from ..extensions import db
from ..people.models import User


def update_profile(
    user: User,
    *,
    first_name: str,
    last_name: str,
    job_title: str | None,
    locale: str,
    timezone: str | None,
    notifications: dict[str, bool],
) -> None:
    changed = sorted(
        name
        for name, value in {
            "first_name": first_name.strip(),
            "last_name": last_name.strip(),
            "job_title": job_title,
            "locale": locale,
            "timezone": timezone,
        }.items()
        if getattr(user, name) != value
    )
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.job_title = job_title
    user.locale = locale
    user.timezone = timezone
    user.notifications = {key: bool(value) for key, value in notifications.items()}
    db.session.flush()
    if changed:
        record("core.profile-updated", actor=user, target=user, details={"fields": changed})

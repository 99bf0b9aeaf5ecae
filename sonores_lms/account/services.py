"""Changes a person makes to their own profile."""

from __future__ import annotations

from ..audit.services import record
from ..extensions import db
from ..institutes.models import Institute
from ..people.models import User


class ProfileError(ValueError):
    pass


def update_profile(
    user: User,
    *,
    first_name: str,
    last_name: str,
    job_title: str | None,
    locale: str,
    timezone: str | None,
    institute_id: int | None,
    notifications: dict[str, bool],
) -> None:
    if institute_id is not None:
        institute = db.session.get(Institute, institute_id)
        if institute is None or not institute.active:
            raise ProfileError("unknown institute")
    changed = sorted(
        name
        for name, value in {
            "first_name": first_name.strip(),
            "last_name": last_name.strip(),
            "job_title": job_title,
            "locale": locale,
            "timezone": timezone,
            "institute_id": institute_id,
        }.items()
        if getattr(user, name) != value
    )
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.job_title = job_title
    user.locale = locale
    user.timezone = timezone
    user.institute_id = institute_id
    user.notifications = {key: bool(value) for key, value in notifications.items()}
    db.session.flush()
    if changed:
        record("core.profile-updated", actor=user, target=user, details={"fields": changed})

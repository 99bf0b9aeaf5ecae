"""Shared vocabulary of the endpoint x role access matrix (see tests/core/test_access_matrix.py).

Each area keeps its rows in a module named ``access_<area>.py`` beside its tests: ``ROWS`` maps an endpoint to
``(method, url template, statuses by role)`` and an optional ``objects(make)`` returns the ids its URL templates
use, made with ``make.create_user``, ``make.create_institute`` and ``make.db``.
"""

from __future__ import annotations

ROLES = ("anonymous", "staff", "trainer", "auditor", "admin", "director")
SIGN_IN = 302  # anonymous people are sent to the sign-in page
ALL = {role: 200 for role in ROLES}


def only(allowed: tuple[str, ...], ok: int = 200, *, director: int | None = None) -> dict[str, int]:
    statuses = {role: (ok if role in allowed else 403) for role in ROLES}
    statuses["anonymous"] = SIGN_IN
    if director is not None:
        statuses["director"] = director
    return statuses


SIGNED_IN = only(("staff", "trainer", "auditor", "admin", "director"))
ADMIN = only(("admin",))

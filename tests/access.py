"""Shared vocabulary of the endpoint x role access matrix (see tests/core/test_access_matrix.py).

Each area keeps its rows in a module named ``access_<area>.py`` beside its tests: ``ROWS`` maps an endpoint to a
row ``(method, url template, statuses by role)``, or to a list of such rows when one endpoint needs several (each
method it accepts, other institutes' objects, restricted courses, ...). An optional ``objects(make)`` returns the
ids its URL templates use, made with ``make.create_user``, ``make.create_institute`` and ``make.db``; an optional
``assign(make, trainer, ids)`` gives the matrix's assigned trainer their assignments.

The people: ``trainer`` is assigned nothing, ``assigned_trainer`` is assigned what the areas' ``assign`` give
them, ``director`` is an administrator of the institute ``{institute}`` only (never of ``{other_institute}``).
"""

from __future__ import annotations

ROLES = ("anonymous", "staff", "trainer", "assigned_trainer", "auditor", "admin", "director")
SIGN_IN = 302  # anonymous people are sent to the sign-in page
ALL = {role: 200 for role in ROLES}


def only(allowed: tuple[str, ...], ok: int = 200, *, director: int | None = None, refused: int = 403) -> dict[str, int]:
    """``ok`` for the ``allowed`` roles, ``refused`` for the others and the sign-in redirect for anonymous people.
    An assigned trainer is a trainer: allowing "trainer" allows both."""
    if "trainer" in allowed:
        allowed = (*allowed, "assigned_trainer")
    statuses = {role: (ok if role in allowed else refused) for role in ROLES}
    statuses["anonymous"] = SIGN_IN
    if director is not None:
        statuses["director"] = director
    return statuses


def each(status: int) -> dict[str, int]:
    """The same status for everyone signed in; anonymous people are sent to sign in."""
    return {**{role: status for role in ROLES}, "anonymous": SIGN_IN}


SIGNED_IN = only(("staff", "trainer", "auditor", "admin", "director"))
ADMIN = only(("admin",))

"""Permissions: declared by the core and by plugins, granted to roles, checked on every route.

A view is reachable only when it is marked :func:`public`, :func:`signed_in` or :func:`requires` a permission; the
app refuses to start when a route carries no mark (see :func:`check_routes`).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import Flask, abort, current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user

F = TypeVar("F", bound=Callable[..., Any])
ACCESS_ATTR = "_sonores_access"


class Role(enum.StrEnum):
    STAFF = "staff"
    TRAINER = "trainer"
    ADMIN = "admin"
    AUDITOR = "auditor"

    @property
    def title(self) -> str:
        return str(ROLE_TITLES[self])


ROLE_TITLES = {
    Role.STAFF: _l("Staff"),
    Role.TRAINER: _l("Trainer"),
    Role.ADMIN: _l("Administrator"),
    Role.AUDITOR: _l("Auditor"),
}


@dataclass(frozen=True)
class Permission:
    """``name`` is ``<plugin>.<action>`` (``core.manage-people``); ``roles`` are granted it by default.

    A role held in one institute grants its permissions for that institute's matters (an institute director manages
    the people of their institute). ``network_only`` permissions concern the whole network and are granted only by
    a role held network-wide.
    """

    name: str
    title: Any
    roles: frozenset[Role]
    network_only: bool = False

    @property
    def prefix(self) -> str:
        return self.name.partition(".")[0]


MANAGE_PEOPLE = Permission("core.manage-people", _l("Manage people"), frozenset({Role.ADMIN}))
MANAGE_INSTITUTES = Permission(
    "core.manage-institutes", _l("Manage institutes"), frozenset({Role.ADMIN}), network_only=True
)
VIEW_AUDIT_LOG = Permission("core.view-audit-log", _l("View the audit log"), frozenset({Role.ADMIN}), network_only=True)
MANAGE_SETTINGS = Permission(
    "core.manage-settings", _l("Manage network settings"), frozenset({Role.ADMIN}), network_only=True
)

CORE_PERMISSIONS: tuple[Permission, ...] = (MANAGE_PEOPLE, MANAGE_INSTITUTES, VIEW_AUDIT_LOG, MANAGE_SETTINGS)


def register_permissions(app: Flask, owner: str, permissions: Iterable[Permission]) -> None:
    registry: dict[str, Permission] = app.extensions["sonores"].permissions
    for permission in permissions:
        if permission.prefix != owner:
            raise RuntimeError(f"Permission {permission.name!r} must start with {owner!r}.")
        if permission.name in registry:
            raise RuntimeError(f"Permission {permission.name!r} is declared twice.")
        registry[permission.name] = permission


def get_permission(name: str) -> Permission:
    try:
        return current_app.extensions["sonores"].permissions[name]
    except KeyError:
        raise LookupError(f"Unknown permission {name!r}") from None


def _mark(view: F, access: str | tuple[str, str]) -> F:
    setattr(view, ACCESS_ATTR, access)
    return view


def public(view: F) -> F:
    """Anyone may open this route, signed in or not."""
    return _mark(view, "public")


def signed_in(view: F) -> F:
    """Any active, signed-in person may open this route."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
        return view(*args, **kwargs)

    return _mark(wrapper, "signed-in")  # type: ignore[return-value]


def requires(permission: str | Permission) -> Callable[[F], F]:
    """Signed in and granted ``permission`` somewhere; views narrow institute-scoped grants to their institutes."""
    name = permission.name if isinstance(permission, Permission) else permission

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
            if not current_user.can(name):
                abort(403)
            return view(*args, **kwargs)

        return _mark(wrapper, ("permission", name))  # type: ignore[return-value]

    return decorator


def check_routes(app: Flask) -> None:
    """Refuse to start when a route has no access mark or names an undeclared permission."""
    declared = app.extensions["sonores"].permissions
    problems = []
    for endpoint, view in app.view_functions.items():
        access = getattr(view, ACCESS_ATTR, None)
        if access is None:
            problems.append(f"{endpoint}: no permission declared (use @public, @signed_in or @requires)")
        elif isinstance(access, tuple) and access[1] not in declared:
            problems.append(f"{endpoint}: unknown permission {access[1]!r}")
    if problems:
        raise RuntimeError("Routes without a valid access rule:\n  " + "\n  ".join(problems))

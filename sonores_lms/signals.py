"""The core's signals. Plugins keep theirs in their own ``signals.py``.

Two kinds: *events* tell that something happened (receivers return nothing), *collectors* ask every receiver for
something (navigation entries, dashboard widgets, a template slot's content) and gather the replies with
:func:`collect`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from blinker import Namespace, Signal

_signals = Namespace()

nav_items = _signals.signal(
    "nav-items",
    doc="""Collector for the main navigation.

    sender: the app. Each receiver returns a :class:`sonores_lms.navigation.NavItem` or an iterable of them.""",
)

dashboard_widgets = _signals.signal(
    "dashboard-widgets",
    doc="""Collector for the dashboard shown after sign-in.

    sender: the signed-in user. Each receiver returns a :class:`sonores_lms.navigation.Widget`, an iterable of them,
    or None when it has nothing for this user.""",
)

template_hook = _signals.signal(
    "template-hook",
    doc="""Collector for named slots that pages offer (``{{ template_hook('profile-extra', user=user) }}``).

    sender: the slot name (a string). Keyword arguments: what the page passes to the slot. Each receiver returns
    markup (``Markup`` or a string that will be escaped) or None.""",
)

audit_action_labels = _signals.signal(
    "audit-action-labels",
    doc="""Collector for readable names of audit actions, so the audit log shows a plugin's actions in words.

    sender: None. Each receiver returns a mapping of action code (``"courses.plan-published"``) to a lazy string,
    or a ``sonores_lms.audit.present.AuditVocabulary`` that also names its target types, detail keys and the values
    of those keys (course uids as titles, status codes as words).""",
)

user_signed_in = _signals.signal(
    "core.user-signed-in",
    doc="""Event: a person signed in. sender: the user. Receivers return nothing.""",
)

user_deactivated = _signals.signal(
    "core.user-deactivated",
    doc="""Event: an admin deactivated a person. sender: the user; keyword ``actor``: who did it. Receivers return
    nothing; they may flush but never commit.""",
)

user_roles_changed = _signals.signal(
    "core.user-roles-changed",
    doc="""Event: a person's roles changed. sender: the user; keywords ``actor``, ``added`` and ``removed`` (sets of
    ``(role, institute_id)``). Receivers return nothing.""",
)


user_reactivated = _signals.signal(
    "core.user-reactivated",
    doc="""Event: an admin reactivated a person. sender: the user; keyword ``actor``. Receivers return nothing; they
    may flush but never commit.""",
)

user_updated = _signals.signal(
    "core.user-updated",
    doc="""Event: a person's profile facts changed (by an admin, or a people import). sender: the user; keywords
    ``actor`` and ``fields`` (the set of changed field names, e.g. ``{"institute_id"}``). Not sent when nothing
    changed. Receivers return nothing; they may flush but never commit.""",
)

institute_updated = _signals.signal(
    "core.institute-updated",
    doc="""Event: an institute's facts changed. sender: the institute; keywords ``actor`` and ``fields`` (the set of
    changed field names, e.g. ``{"country"}``). Not sent when nothing changed. Receivers return nothing; they may
    flush but never commit.""",
)


def collect(signal: Signal, sender: Any = None, *, flatten: bool = True, **kwargs: Any) -> list[Any]:
    """Every non-None reply to ``signal``; iterables are flattened so a receiver may answer with several."""
    values: list[Any] = []
    for _receiver, value in signal.send(sender, **kwargs):
        if value is None:
            continue
        if flatten and isinstance(value, Iterable) and not isinstance(value, str | bytes):
            values.extend(v for v in value if v is not None)
        else:
            values.append(value)
    return values


def collect_named(signal: Signal, sender: Any = None, *, attr: str = "name", **kwargs: Any) -> dict[str, Any]:
    """Replies keyed by their ``attr``; two replies with the same name are a programming error."""
    named: dict[str, Any] = {}
    for value in collect(signal, sender, **kwargs):
        key = getattr(value, attr)
        if key in named:
            raise RuntimeError(f"Two replies to signal {signal.name!r} are named {key!r}")
        named[key] = value
    return named

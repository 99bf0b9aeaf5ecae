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

    sender: the app. Each receiver returns a :class:`sonores_lms.navigation.NavItem` or an iterable of them. Two
    items with the same endpoint are an error; items are shown by ``(weight, endpoint)``.""",
)

dashboard_widgets = _signals.signal(
    "dashboard-widgets",
    doc="""Collector for the dashboard shown after sign-in.

    sender: the signed-in user. Each receiver returns a :class:`sonores_lms.navigation.Widget`, an iterable of them,
    or None when it has nothing for this user. Widget names are unique (two with one name are an error); widgets are
    shown by ``(weight, name)``.""",
)

template_hook = _signals.signal(
    "template-hook",
    doc="""Collector for named slots that pages offer (``{{ template_hook('profile-extra', user=user) }}``).

    sender: the slot name (a string). Keyword arguments: what the page passes to the slot. Each receiver returns a
    :class:`sonores_lms.navigation.Fragment` (a name, its ``html``: ``Markup`` or a string that will be escaped, and
    a ``weight``), an iterable of them, or None. Fragment names are unique within a slot (two with one name are an
    error); the slot shows them by ``(weight, name)``.""",
)

audit_action_labels = _signals.signal(
    "audit-action-labels",
    doc="""Collector for readable names of audit actions, so the audit log shows a plugin's actions in words.

    sender: None. Each receiver returns a mapping of action code (``"courses.plan-published"``) to a lazy string,
    or a ``sonores_lms.audit.present.AuditVocabulary`` that also names its target types, detail keys and the values
    of those keys (course uids as titles, status codes as words).""",
)

content_by_topic = _signals.signal(
    "content-by-topic",
    doc="""Collector through which one plugin asks for what others offer on a topic, without importing them
    (a course page listing knowledge resources of its axis, a resource listing the courses on its themes).

    sender: None. Keyword arguments: ``themes`` (a tuple of theme codes, possibly empty), ``axis`` (an axis code
    of the training plan, such as ``"communication"``, or None), ``locale`` (the reader's language code, or None),
    ``limit`` (the most items wanted), ``asker`` (the asking plugin's name or None: a receiver of that plugin
    may answer None, its items are left out anyway). Each receiver returns :class:`sonores_lms.links.TopicItem` objects (fields
    ``name``, ``kind``, ``title``, ``url``, ``source``, ``summary``) for what it offers on any of those themes or
    that axis, at most ``limit``, or None/an empty list when it has nothing; it returns only what every signed-in
    person may open. Call :func:`sonores_lms.links.content_by_topic` rather than sending it.""",
)

embed_providers = _signals.signal(
    "embed-providers",
    doc="""Collector of the providers of items that other plugins' pages embed (a lesson showing a knowledge
    resource), keyed by reference prefix.

    sender: None. Each receiver returns a :class:`sonores_lms.links.EmbedProvider` (``prefix`` such as
    ``"knowledge:resource"``, a lazy ``title``, and ``resolve(key, locale)`` returning a
    :class:`sonores_lms.links.Embed` or None) or an iterable of them. Two providers with one prefix are an error
    (see :func:`sonores_lms.links.embed_providers_registry`); a reference nobody resolves is shown as a neutral
    note. Call :func:`sonores_lms.links.resolve_embed` rather than sending it.""",
)

resource_kinds = _signals.signal(
    "resource-kinds",
    doc="""Collector of the kinds of shared resources (a document, a programme kit, a recording, ...) that the
    knowledge base offers its contributors, so that a plugin adds a kind without importing the one that lists them.

    sender: None. Each receiver returns a :class:`sonores_lms.links.ResourceKind` (``name``, a slug prefixed by the
    declaring plugin's name unless the knowledge base declares it; a lazy ``title``; a ``weight``) or an iterable of
    them. Two kinds with one name are an error; kinds are offered by ``(weight, name)``. A resource whose kind is no
    longer declared keeps it and shows its code.""",
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

demo_loaded = _signals.signal(
    "core.demo-loaded",
    doc="""Event: ``flask sonores demo`` loaded the core's demo network and then every enabled plugin's demo, so
    that a plugin may link its demo data to another's (a lesson showing a knowledge resource) whatever order the
    demos ran in. sender: None; keyword ``plugins``: the names of the enabled plugins, in the order their demos
    ran. Sent on every run: a receiver adds only what is missing (idempotent by natural keys, like the demos) and
    does nothing when what it links to is not there (a plugin disabled). Receivers return nothing; they may flush
    but never commit (the command commits once).""",
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


def collect_named(
    signal: Signal, sender: Any = None, *, attr: str = "name", kind: type | None = None, **kwargs: Any
) -> dict[str, Any]:
    """Replies keyed by their ``attr``; two replies with the same name, or (with ``kind``) a reply of another type,
    are a programming error."""
    named: dict[str, Any] = {}
    for value in collect(signal, sender, **kwargs):
        if kind is not None and not isinstance(value, kind):
            raise TypeError(f"A reply to signal {signal.name!r} is not a {kind.__name__}: {value!r}")
        key = getattr(value, attr)
        if key in named:
            raise RuntimeError(f"Two replies to signal {signal.name!r} are named {key!r}")
        named[key] = value
    return named

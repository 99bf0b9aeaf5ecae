"""The audit log in words: who and what an entry is about, and its details as "label: value" lines.

Entries keep machine values (ids, codes, uids) so that they stay exact after renames; this module turns a page of
them into what a reader understands, looking up the people, institutes and titles it names in one query per kind.
Plugins teach it their own words by answering ``audit-action-labels`` with an :class:`AuditVocabulary`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import g
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..people.models import USER_FIELD_LABELS
from ..permissions import ROLE_TITLES, Role

# Looks up every value of one detail key met on a page at once: ``{value: readable text}``.
Resolver = Callable[[set[Any]], Mapping[Any, str]]


@dataclass(frozen=True)
class AuditVocabulary:
    """Words a plugin (or the core) gives the audit log.

    ``actions``: action code -> label; ``targets``: target type (the model's class name) -> label; ``keys``:
    detail key -> label; ``resolvers``: detail key -> :data:`Resolver`, for values that name something (an id, a
    uid, a status code).
    """

    actions: Mapping[str, Any] = field(default_factory=dict)
    targets: Mapping[str, Any] = field(default_factory=dict)
    keys: Mapping[str, Any] = field(default_factory=dict)
    resolvers: Mapping[str, Resolver] = field(default_factory=dict)


@dataclass(frozen=True)
class PresentedEntry:
    """What a row of the audit page shows besides the time, action and actor."""

    target: str
    target_kind: str
    details: list[tuple[str, str]]


def _people(ids: set[Any]) -> dict[Any, str]:
    from ..people.models import User

    wanted = sorted(i for i in ids if isinstance(i, int))
    rows = db.session.execute(select(User.id, User.first_name, User.last_name, User.email).where(User.id.in_(wanted)))
    return {row.id: f"{row.first_name} {row.last_name} ({row.email})".strip() for row in rows}


def _institutes(ids: set[Any]) -> dict[Any, str]:
    from ..institutes.models import Institute

    wanted = sorted(i for i in ids if isinstance(i, int))
    rows = db.session.execute(select(Institute.id, Institute.name).where(Institute.id.in_(wanted)))
    return {row.id: row.name for row in rows}


FIELD_LABELS: dict[str, Any] = {
    **USER_FIELD_LABELS,
    "name": _l("Name"),
    "kind": _l("Kind"),
    "country": _l("Country"),
    "city": _l("City"),
    "languages": _l("Languages"),
    "active": _l("Active"),
}


def _fields(values: set[Any]) -> dict[Any, str]:
    return {value: ", ".join(str(FIELD_LABELS.get(name, name)) for name in value) for value in values}


def _role_title(code: str, institutes: Mapping[Any, str]) -> str:
    """``admin@12`` or ``staff@network`` (how invitations record roles) in words."""
    role, _sep, where = code.partition("@")
    title = str(ROLE_TITLES[Role(role)]) if role in Role._value2member_map_ else role
    if not where:
        return title
    if where == "network":
        return _("%(role)s (whole network)", role=title)
    place = institutes.get(int(where)) if where.isdigit() else None
    return _("%(role)s (%(place)s)", role=title, place=place or where)


def _roles(values: set[Any]) -> dict[Any, str]:
    codes = {code for value in values for code in value if isinstance(code, str)}
    ids = {int(c.partition("@")[2]) for c in codes if c.partition("@")[2].isdigit()}
    institutes = _institutes(ids) if ids else {}
    return {value: ", ".join(_role_title(code, institutes) for code in value) for value in values}


def _role(values: set[Any]) -> dict[Any, str]:
    return {value: _role_title(value, {}) for value in values if isinstance(value, str)}


CORE_VOCABULARY = AuditVocabulary(
    targets={
        "User": _l("Person"),
        "Institute": _l("Institute"),
        "PeopleImport": _l("People import"),
    },
    keys={
        "fields": _l("Changed"),
        "role": _l("Role"),
        "roles": _l("Roles"),
        "institute_id": _l("Institute"),
        "user_id": _l("Person"),
        "old": _l("Before"),
        "new": _l("After"),
        "before": _l("Before"),
        "after": _l("After"),
        "previous": _l("Before"),
        "invitations": _l("Invitations sent"),
        "update": _l("Updated"),
        "unchanged": _l("Unchanged"),
        "error": _l("With errors"),
        "institutes": _l("Institutes added"),
        "people": _l("People added"),
        "attempts": _l("Failed attempts"),
    },
    resolvers={
        "user_id": _people,
        "institute_id": _institutes,
        "fields": _fields,
        "roles": _roles,
        "role": _role,
    },
)


def vocabularies() -> list[AuditVocabulary]:
    """The core's words and the enabled plugins' (a plain mapping reply means action labels only)."""
    if "_audit_vocabularies" not in g:
        from ..signals import audit_action_labels, collect

        found = [CORE_VOCABULARY]
        for reply in collect(audit_action_labels, None, flatten=False):
            found.append(reply if isinstance(reply, AuditVocabulary) else AuditVocabulary(actions=reply))
        g._audit_vocabularies = found
    return g._audit_vocabularies


def _merged() -> AuditVocabulary:
    targets: dict[str, Any] = {}
    keys: dict[str, Any] = {}
    resolvers: dict[str, Resolver] = {}
    for vocabulary in vocabularies():
        targets.update(vocabulary.targets)
        keys.update(vocabulary.keys)
        resolvers.update(vocabulary.resolvers)
    return AuditVocabulary(targets=targets, keys=keys, resolvers=resolvers)


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _plain(value: Any, key_label: Callable[[str], str], resolved: Mapping[tuple[str, Any], str], key: str) -> str:
    """A value no resolver named: words for empties and booleans, lists joined, mappings as "label: value"."""
    if value is None and key == "institute_id":  # a role or a target held network-wide
        return _("whole network")
    if value is None or value == "" or value == [] or value == {}:
        return _("none")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(_plain(v, key_label, resolved, key) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            _(
                "%(label)s: %(value)s",
                label=key_label(k),
                value=resolved.get((k, _hashable(v))) or _plain(v, key_label, resolved, k),
            )
            for k, v in sorted(value.items())
        )
    return str(value)


def present(entries: Iterable[Any]) -> dict[int, PresentedEntry]:
    """Readable target and details of each entry, by entry id, with one lookup per kind of value on the page."""
    entries = list(entries)
    vocabulary = _merged()

    wanted: dict[str, set[Any]] = {}

    def gather(details: Mapping[str, Any]) -> None:
        for key, value in details.items():
            if key in vocabulary.resolvers and value is not None:
                wanted.setdefault(key, set()).add(_hashable(value))
            if isinstance(value, dict):
                gather(value)

    for entry in entries:
        gather(entry.details or {})
        if entry.target_type == "User" and entry.target_id is not None:
            wanted.setdefault("user_id", set()).add(entry.target_id)
        if entry.target_type == "Institute" and entry.target_id is not None:
            wanted.setdefault("institute_id", set()).add(entry.target_id)
    resolved: dict[tuple[str, Any], str] = {}
    for key, values in wanted.items():
        for value, text in vocabulary.resolvers[key](values).items():
            resolved[(key, value)] = text

    def key_label(key: str) -> str:
        return str(vocabulary.keys.get(key, key.replace("_", " ").capitalize()))

    presented = {}
    for entry in entries:
        details = [
            (key_label(key), resolved.get((key, _hashable(value))) or _plain(value, key_label, resolved, key))
            for key, value in (entry.details or {}).items()
        ]
        target = entry.target_label or ""
        if entry.target_type == "User" and (entry.target_id and ("user_id", entry.target_id) in resolved):
            target = resolved[("user_id", entry.target_id)]
        elif entry.target_type == "Institute" and ("institute_id", entry.target_id) in resolved:
            target = resolved[("institute_id", entry.target_id)]
        kind = vocabulary.targets.get(entry.target_type or "")
        presented[entry.id] = PresentedEntry(
            target=target, target_kind=str(kind) if kind is not None else "", details=details
        )
    return presented

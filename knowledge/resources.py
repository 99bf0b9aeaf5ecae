"""The life of a resource: contributed as a draft, sent for review, published (or sent back), featured, archived.

Who may do what lives here, once, for the pages and the other plugins alike: any signed-in person contributes; the
author edits their draft; curators (administrators, and the people an administrator names) review, publish, feature
and archive, and may edit anything not archived. Every change is a :class:`Revision` (who, when, what, and the
resource as it then was), so any earlier text can be compared and restored. Services flush, never commit.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.markdown import render_markdown
from sonores_lms.multilingual import Translatable

from . import budget, indexing
from .models import KIT_PARTS, Curator, Resource, Reuse, Revision, Status

CURATE = "knowledge.curate"
EDITABLE_BY_AUTHOR = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED})
SNAPSHOT_FIELDS = (
    "kind",
    "institute_id",
    "country",
    "authors",
    "licence",
    "tags",
    "axis",
    "themes",
    "links",
    "kit",
    "budget",
)


class Conflict(Exception):
    """Someone saved the resource since the form was opened."""


class NotAllowed(Exception):
    """The change is not possible in the resource's state (archived, not in review, ...)."""


# --- Who may do what ------------------------------------------------------------------------------------------------


def may_curate(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.can(CURATE):
        return True
    return db.session.get(Curator, user.id) is not None


def is_author(user: Any, resource: Resource) -> bool:
    return getattr(user, "is_authenticated", False) and resource.created_by_id == user.id


def may_read(user: Any, resource: Resource, *, curator: bool | None = None) -> bool:
    """Published and archived resources: everyone signed in; the others: their author and curators."""
    if resource.status in (Status.PUBLISHED, Status.ARCHIVED):
        return True
    return is_author(user, resource) or (may_curate(user) if curator is None else curator)


def may_edit(user: Any, resource: Resource, *, curator: bool | None = None) -> bool:
    if resource.status == Status.ARCHIVED:
        return False
    if is_author(user, resource) and resource.status in EDITABLE_BY_AUTHOR:
        return True
    return may_curate(user) if curator is None else curator


# --- Changes --------------------------------------------------------------------------------------------------------


@dataclass
class ResourceData:
    """What a contributor writes; the form's values, checked."""

    kind: str
    institute_id: int | None
    authors: str = ""
    licence: str = "CC-BY-4.0"
    tags: list[str] = field(default_factory=list)
    axis: str | None = None
    themes: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    kit: dict[str, str] = field(default_factory=dict)
    budget: list[dict[str, Any]] = field(default_factory=list)  # knowledge.budget lines, checked
    texts: dict[str, dict[str, str]] = field(default_factory=dict)


def snapshot(resource: Resource) -> dict[str, Any]:
    """The resource's content as a revision keeps it."""
    values: dict[str, Any] = {name: getattr(resource, name) for name in SNAPSHOT_FIELDS}
    values["budget"] = [dict(line) for line in resource.budget or []]
    values["texts"] = {lang: dict(v) for lang, v in (resource.texts or {}).items()}
    values["translated_from"] = dict(resource.translated_from or {})
    values["status"] = resource.status.value
    values["featured"] = resource.featured
    return values


def _revise(resource: Resource, action: str, actor: Any, comment: str = "") -> Revision:
    db.session.flush()
    number = (db.session.scalar(select(func.max(Revision.number)).where(Revision.resource_id == resource.id)) or 0) + 1
    revision = Revision(
        resource_id=resource.id,
        number=number,
        action=action,
        comment=comment,
        snapshot=snapshot(resource),
        author_id=getattr(actor, "id", None),
    )
    db.session.add(revision)
    resource.updated_at = utcnow()
    indexing.refresh(resource)
    record(
        f"knowledge.resource-{action}",
        actor=actor,
        target=resource,
        target_label=resource.text("title", "fr").text,
        details={"revision": number, "status": resource.status.value},
    )
    return revision


def _apply(resource: Resource, data: ResourceData) -> None:
    resource.kind = data.kind
    resource.institute_id = data.institute_id
    institute = db.session.get(Institute, data.institute_id) if data.institute_id else None
    resource.country = institute.country if institute is not None else None
    resource.authors = data.authors.strip()
    resource.licence = data.licence
    resource.tags = list(data.tags)
    resource.axis = data.axis or None
    resource.themes = sorted(set(data.themes))
    resource.links = list(data.links)
    resource.kit = {part: value for part, value in data.kit.items() if part in KIT_PARTS and value}
    resource.budget = [dict(line) for line in data.budget]
    for language, values in data.texts.items():
        current = resource.texts_in(language)
        if {k: v.strip() for k, v in values.items() if v and v.strip()} != current:
            resource.set_texts(language, values)


def contribute(data: ResourceData, *, actor: Any) -> Resource:
    """A new draft, seen by its author and the curators until it is published."""
    resource = Resource(created_by_id=actor.id, status=Status.DRAFT, texts={}, translated_from={})
    _apply(resource, data)
    db.session.add(resource)
    _revise(resource, "created", actor)
    return resource


def update(resource: Resource, data: ResourceData, *, actor: Any, version: int | None) -> Resource:
    if resource.status == Status.ARCHIVED:
        raise NotAllowed("archived")
    if version is not None and version != resource.version:
        raise Conflict()
    _apply(resource, data)
    _revise(resource, "edited", actor)
    return resource


def submit(resource: Resource, *, actor: Any) -> None:
    """The author asks the curators to review their draft."""
    if resource.status not in EDITABLE_BY_AUTHOR:
        raise NotAllowed(resource.status.value)
    resource.status = Status.IN_REVIEW
    _revise(resource, "submitted", actor)


CURATOR_ACTIONS = ("publish", "request-changes", "feature", "unfeature", "archive")


def curate(resource: Resource, action: str, *, actor: Any, comment: str = "") -> None:
    """A curator's decision. Archiving is final: an archived resource is read-only (its reuses stay)."""
    if resource.status == Status.ARCHIVED or action not in CURATOR_ACTIONS:
        raise NotAllowed(action)
    if action == "publish":
        if resource.status == Status.PUBLISHED:
            raise NotAllowed(action)
        resource.status = Status.PUBLISHED
        resource.published_at = resource.published_at or utcnow()
        resource.review_comment = ""
        _revise(resource, "published", actor, comment)
    elif action == "request-changes":
        if resource.status not in (Status.IN_REVIEW, Status.DRAFT):
            raise NotAllowed(action)
        resource.status = Status.CHANGES_REQUESTED
        resource.review_comment = comment.strip()
        _revise(resource, "changes-requested", actor, comment)
    elif action in ("feature", "unfeature"):
        if resource.status != Status.PUBLISHED:
            raise NotAllowed(action)
        resource.featured = action == "feature"
        _revise(resource, "featured" if resource.featured else "unfeatured", actor, comment)
    else:
        resource.status = Status.ARCHIVED
        resource.featured = False
        _revise(resource, "archived", actor, comment)


def restore(resource: Resource, revision: Revision, *, actor: Any, version: int | None = None) -> None:
    """Bring back the content (texts and facts, not the status) of an earlier revision, as a new revision."""
    if resource.status == Status.ARCHIVED:
        raise NotAllowed("archived")
    if version is not None and version != resource.version:
        raise Conflict()
    saved = revision.snapshot or {}
    for name in SNAPSHOT_FIELDS:
        if name in saved:
            setattr(resource, name, saved[name])
    # A revision saved while the budget was the kit's text brings its lines back structured.
    resource.budget = budget.of_snapshot(saved)
    resource.kit = {part: value for part, value in (resource.kit or {}).items() if part in KIT_PARTS}
    resource.texts = {lang: dict(v) for lang, v in (saved.get("texts") or {}).items()}
    resource.translated_from = dict(saved.get("translated_from") or {})
    _revise(resource, "restored", actor, str(revision.number))


def mark_reused(
    resource: Resource,
    *,
    institute_id: int,
    reused_on: date,
    note: str,
    attendance: int | None,
    actor: Any,
) -> Reuse:
    """ "We reused this": an institute repeated the resource (published or archived: a kit may be repeated after it
    was archived, and that is worth knowing)."""
    if resource.status not in (Status.PUBLISHED, Status.ARCHIVED):
        raise NotAllowed(resource.status.value)
    institute = db.session.get(Institute, institute_id)
    reuse = Reuse(
        institute_id=institute_id,
        country=institute.country if institute is not None else None,
        reused_on=reused_on,
        note=note.strip(),
        attendance=attendance,
        created_by_id=actor.id,
    )
    resource.reuses.append(reuse)
    db.session.flush()
    record(
        "knowledge.resource-reused",
        actor=actor,
        target=resource,
        target_label=resource.text("title", "fr").text,
        details={"institute_id": institute_id, "attendance": attendance},
    )
    return reuse


def name_curator(user: Any, *, actor: Any) -> bool:
    """Make ``user`` a curator; False when they already were."""
    if db.session.get(Curator, user.id) is not None:
        return False
    db.session.add(Curator(user_id=user.id, named_by_id=actor.id))
    db.session.flush()
    record("knowledge.curator-named", actor=actor, target=user, target_label=user.full_name)
    return True


def remove_curator(user: Any, *, actor: Any) -> None:
    curator = db.session.get(Curator, user.id)
    if curator is not None:
        db.session.delete(curator)
        db.session.flush()
        record("knowledge.curator-removed", actor=actor, target=user, target_label=user.full_name)


# --- Differences between revisions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldDiff:
    label: str
    lines: list[tuple[str, str]]  # (" ", "+", "-"), text


def _text_of(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v.get("url", v)) if isinstance(v, Mapping) else str(v) for v in value)
    if isinstance(value, Mapping):
        return "\n".join(f"{k}: {v}" for k, v in sorted(value.items()))
    return "" if value is None else str(value)


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldDiff]:
    """Line by line differences between two snapshots, field by field, texts per language."""
    pairs: list[tuple[str, str, str]] = []
    for language in ("fr", "es", "pt", "en"):
        old = (before.get("texts") or {}).get(language, {})
        new = (after.get("texts") or {}).get(language, {})
        for name in ("title", "summary", "body"):
            pairs.append((f"{name} ({language})", old.get(name, ""), new.get(name, "")))
    for name in SNAPSHOT_FIELDS:
        if name == "budget":
            old_lines, new_lines = budget.of_snapshot(before), budget.of_snapshot(after)
            pairs.append((name, budget.as_text(old_lines), budget.as_text(new_lines)))
            continue
        if name == "kit":  # the budget once was a part of the kit: it is compared with the lines above
            old_kit, new_kit = (
                {k: v for k, v in (s.get("kit") or {}).items() if k != "budget"} for s in (before, after)
            )
            pairs.append((name, _text_of(old_kit), _text_of(new_kit)))
            continue
        pairs.append((name, _text_of(before.get(name)), _text_of(after.get(name))))
    changes = []
    for label, old, new in pairs:
        if old == new:
            continue
        lines = []
        for line in difflib.ndiff(old.splitlines(), new.splitlines()):
            marker = line[:1]
            if marker in ("+", "-", " "):
                lines.append((marker, line[2:]))
        changes.append(FieldDiff(label, lines))
    return changes


def body_html(resource: Translatable, language: str | None = None) -> Any:
    """The body in the reader's language, as sanitised HTML."""
    return render_markdown(resource.text("body", language).text)

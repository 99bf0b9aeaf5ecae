"""The knowledge base's answers to the core's collectors: a lesson embedding a resource, content on a topic, and
the audit log's words for its actions."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from typing import Any

from flask import url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from sonores_lms.links import Embed, EmbedProvider, TopicItem

from . import queries
from .models import Status

SOURCE = "knowledge"
PREFIX = "knowledge:resource"


def source_line(resource: Any) -> str:
    """ "From the programme of AF Lima": where a resource comes from, as a lesson shows it."""
    if resource.institute is None:
        return str(_l("From the network's resources"))
    return str(_l("From the programme of %(institute)s", institute=resource.institute.name))


def resolve(key: str, locale: str | None) -> Embed | None:
    """A published (or archived) resource by uid, as a lesson shows it; drafts are never embedded."""
    resource = queries.published_by_uid(key)
    if resource is None:
        return None
    summary = resource.text("summary", locale).text
    with force_locale(locale) if locale else nullcontext():
        source = source_line(resource)
    return Embed(
        reference=resource.reference,
        title=resource.text("title", locale).text,
        url=url_for("knowledge.resource", uid=resource.uid),
        summary=summary,
        source=source,
    )


def demo_key(topic: str) -> str | None:
    """The demo resource on ``topic`` (the budget template for ``"festival-budget"``), for other plugins' demos."""
    from .demo import demo_uid

    return demo_uid(topic)


def embed_provider(_sender: Any) -> EmbedProvider:
    """Receiver of ``embed-providers``: resources by ``knowledge:resource:<uid>``."""
    return EmbedProvider(prefix=PREFIX, title=_l("Knowledge base resource"), resolve=resolve, demo_key=demo_key)


def resources_on_topic(
    _sender: Any,
    *,
    themes: Iterable[str] = (),
    axis: str | None = None,
    locale: str | None = None,
    limit: int = 10,
    asker: str | None = None,
    **_other: Any,
) -> list[TopicItem]:
    """Receiver of ``content-by-topic``: published resources on those theme codes (``ENV-DIG`` or an item code such
    as ``ENV-DIG-03``, whose theme is used) or that axis, featured first. Network-internal ones are left out: the
    asking page may lead outside the network (a public course page), so only what may leave is offered."""
    from .vocabulary import theme_of

    if limit <= 0 or asker == SOURCE:
        return []
    wanted = tuple(sorted({theme_of(code) for code in themes if code}))
    items = []
    for resource in queries.by_topic(wanted, axis, limit):
        if resource.status != Status.PUBLISHED:
            continue
        items.append(
            TopicItem(
                name=resource.uid,
                kind="resource",
                title=resource.text("title", locale).text,
                url=url_for("knowledge.resource", uid=resource.uid),
                source=SOURCE,
                summary=resource.text("summary", locale).text,
            )
        )
    return items[:limit]


def audit_labels(_sender: Any) -> dict[str, Any]:
    return {
        "knowledge.resource-created": _l("Resource contributed"),
        "knowledge.resource-edited": _l("Resource edited"),
        "knowledge.resource-submitted": _l("Resource sent for review"),
        "knowledge.resource-published": _l("Resource published"),
        "knowledge.resource-changes-requested": _l("Changes requested on a resource"),
        "knowledge.resource-featured": _l("Resource featured"),
        "knowledge.resource-unfeatured": _l("Resource no longer featured"),
        "knowledge.resource-archived": _l("Resource archived"),
        "knowledge.resource-restored": _l("Resource revision restored"),
        "knowledge.resource-reused": _l("Resource reused"),
        "knowledge.file-attached": _l("File attached to a resource"),
        "knowledge.curator-named": _l("Curator named"),
        "knowledge.curator-removed": _l("Curator removed"),
    }

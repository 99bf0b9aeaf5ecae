"""The kinds of resources the knowledge base declares itself; other plugins add theirs through ``resource-kinds``."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from sonores_lms.links import ResourceKind, resource_kinds

PROGRAMME_KIT = "programme-kit"

BUILT_IN = (
    ResourceKind("document", _l("Document"), 10),
    ResourceKind("link", _l("Link"), 20),
    ResourceKind("recording", _l("Recording"), 30),
    ResourceKind(PROGRAMME_KIT, _l("Programme kit"), 40),
    ResourceKind("good-practice", _l("Good practice"), 50),
    ResourceKind("event-format", _l("Event format"), 60),
    ResourceKind("template", _l("Template"), 70),
    ResourceKind("guide", _l("Guide"), 80),
)


def built_in(_sender: Any) -> tuple[ResourceKind, ...]:
    """Receiver of ``resource-kinds``."""
    return BUILT_IN


def kinds() -> dict[str, ResourceKind]:
    """Every declared kind by name, in the order they are offered."""
    return {kind.name: kind for kind in resource_kinds()}


def kind_title(name: str) -> str:
    """The kind's title, or its code when no enabled plugin declares it any more."""
    kind = kinds().get(name)
    return str(kind.title) if kind is not None else name

"""Links between plugins that need no import: content offered by topic, and items embedded in another's pages.

A plugin that offers content answers the collectors of :mod:`sonores_lms.signals` (``content-by-topic``,
``embed-providers``) with the small types below; a plugin that shows it calls :func:`content_by_topic` or
:func:`resolve_embed`. Neither imports the other, and either may be disabled: an answer nobody gives is an empty
list or None, which the asking page shows as nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, has_request_context
from markupsafe import Markup

from .markdown import sanitize_html
from .signals import collect, collect_named
from .signals import content_by_topic as content_by_topic_signal
from .signals import embed_providers as embed_providers_signal

# Each prefix is ``<plugin>:<type>`` and a reference ``<plugin>:<type>:<key>`` (knowledge:resource:<uid>).
REFERENCE_MAX = 200


def safe_link(url: str | None) -> str | None:
    """``url`` when a page may link to it (the site's own paths, http and https), else None: what another plugin
    answers is shown, never trusted to be a harmless address."""
    if not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return url
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class TopicItem:
    """Something a plugin offers on a topic: a course, a knowledge resource, a checklist, ...

    ``name`` identifies it within its ``source`` (the plugin's name), ``kind`` says what it is (``"course"``,
    ``"resource"``), ``title`` is in the asked locale where the plugin has it, ``url`` is where it is read."""

    name: str
    kind: str
    title: str
    url: str
    source: str
    summary: str = ""

    @property
    def safe_url(self) -> str | None:
        return safe_link(self.url)


def content_by_topic(
    *,
    themes: Iterable[str] = (),
    axis: str | None = None,
    locale: str | None = None,
    limit: int = 10,
    asker: str | None = None,
) -> list[TopicItem]:
    """What the enabled plugins offer on ``themes`` (theme codes) or ``axis`` (an axis code of the training plan),
    at most ``limit`` items, each once, in the order the plugins answered. ``asker`` is the asking plugin's name:
    its own items are left out (and its receiver need not answer)."""
    if limit <= 0:
        return []
    seen: set[tuple[str, str, str]] = set()
    items: list[TopicItem] = []
    wanted = tuple(themes)
    replies = collect(content_by_topic_signal, None, themes=wanted, axis=axis, locale=locale, limit=limit, asker=asker)
    for item in replies:
        if not isinstance(item, TopicItem) or (asker is not None and item.source == asker):
            continue
        key = (item.source, item.kind, item.name)
        if key in seen:
            continue
        seen.add(key)
        items.append(item)
        if len(items) >= limit:
            break
    return items


@dataclass(frozen=True)
class Embed:
    """An item shown inside another plugin's page: its title, where it is read in full, a short plain-text
    summary, and optionally a small piece of HTML (sanitised with the core's allow-list before it is shown)."""

    reference: str
    title: str
    url: str | None = None
    summary: str = ""
    html: str | None = None
    source: str = ""

    @property
    def safe_url(self) -> str | None:
        return safe_link(self.url)

    @property
    def safe_html(self) -> Markup | None:
        return Markup(sanitize_html(self.html)) if self.html else None  # noqa: S704 - sanitised just here


@dataclass(frozen=True)
class EmbedProvider:
    """Resolves references that start with ``prefix`` (``"knowledge:resource"``). ``title`` says what it offers,
    for authors; ``resolve(key, locale)`` returns an :class:`Embed` or None when ``key`` names nothing (or
    nothing the reader may see).

    ``demo_key(topic)``, optional, names the provider's demo item on a demo topic (``"festival-budget"``): the key
    of a published item its demo loaded, or None. Another plugin's demo embeds it without knowing the provider's
    rows (see :func:`demo_reference`)."""

    prefix: str
    title: Any
    resolve: Callable[[str, str | None], Embed | None]
    demo_key: Callable[[str], str | None] | None = None


def embed_providers_registry() -> dict[str, EmbedProvider]:
    """The enabled plugins' providers by prefix (two plugins claiming one prefix is an error)."""
    return collect_named(embed_providers_signal, None, attr="prefix")


def demo_reference(topic: str) -> str | None:
    """The reference of a demo item some enabled plugin offers on ``topic`` (the first by prefix), or None when
    none does: what a demo answering ``core.demo-loaded`` embeds. Needs no request (it builds no address)."""
    for prefix, provider in sorted(embed_providers_registry().items()):
        key = provider.demo_key(topic) if provider.demo_key is not None else None
        if key:
            return f"{prefix}:{key}"
    return None


def split_reference(reference: str) -> tuple[str, str]:
    """``"knowledge:resource:42"`` -> ``("knowledge:resource", "42")``; the key is what follows the last colon."""
    prefix, _sep, key = (reference or "").strip().rpartition(":")
    return prefix, key


def resolve_embed(reference: str, *, locale: str | None = None) -> Embed | None:
    """The item ``reference`` names, or None when no enabled plugin offers it (the page then shows a neutral note,
    never an error)."""
    if not reference or len(reference) > REFERENCE_MAX:
        return None
    prefix, key = split_reference(reference)
    if not prefix or not key:
        return None
    provider = embed_providers_registry().get(prefix)
    if provider is None:
        return None
    if has_request_context():
        embed = provider.resolve(key, locale)
    else:  # a job or a command (publishing a plan, say): providers build their links with url_for, on BASE_URL
        with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
            embed = provider.resolve(key, locale)
    return embed if isinstance(embed, Embed) else None


@dataclass(frozen=True)
class ResourceKind:
    """A kind of shared resource, answered to the ``resource-kinds`` collector: ``name`` is stored with each
    resource (keep it stable), ``title`` is shown, kinds are listed by ``(weight, name)``."""

    name: str
    title: Any
    weight: int = 100


def resource_kinds() -> list[ResourceKind]:
    """The kinds the enabled plugins declare, in the order they are offered."""
    from .signals import resource_kinds as resource_kinds_signal

    named = collect_named(resource_kinds_signal, None, kind=ResourceKind)
    return sorted(named.values(), key=lambda kind: (kind.weight, kind.name))

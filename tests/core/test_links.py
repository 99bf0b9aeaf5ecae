"""Cross-plugin links through the core's collectors: content offered by topic, items embedded elsewhere."""

from __future__ import annotations

import pytest

from sonores_lms.links import (
    Embed,
    EmbedProvider,
    TopicItem,
    content_by_topic,
    embed_providers_registry,
    resolve_embed,
    safe_link,
)
from sonores_lms.signals import content_by_topic as content_by_topic_signal
from sonores_lms.signals import embed_providers


@pytest.fixture(autouse=True)
def _without_the_real_knowledge_plugin(app, monkeypatch):
    """These tests answer as a knowledge plugin would: the real one, when installed, answers nothing meanwhile."""
    monkeypatch.delitem(app.extensions["sonores"].plugins, "knowledge", raising=False)


def item(name, source="knowledge", **extra):
    return TopicItem(name=name, kind="resource", title=f"Resource {name}", url=f"/knowledge/{name}", source=source,
                     **extra)  # fmt: skip


def test_content_by_topic_gathers_answers_once_within_the_limit(app):
    asked = []

    def knowledge(_sender, **kwargs):
        asked.append(kwargs)
        if "eco" not in kwargs["themes"]:
            return None
        return [item("a"), item("b"), item("a"), "not an item"]

    def checklists(_sender, **kwargs):
        return item("c", source="checklists")

    with (
        content_by_topic_signal.connected_to(knowledge),
        content_by_topic_signal.connected_to(checklists),
        app.app_context(),
    ):
        found = content_by_topic(themes=["eco"], axis="sustainability", locale="es", limit=10)
        # Each once; receivers answer in no promised order.
        assert sorted((i.source, i.name) for i in found) == [
            ("checklists", "c"),
            ("knowledge", "a"),
            ("knowledge", "b"),
        ]
        assert asked[-1] == {"themes": ("eco",), "axis": "sustainability", "locale": "es", "limit": 10, "asker": None}
        assert len(content_by_topic(themes=["eco"], limit=2)) == 2
        assert content_by_topic(themes=["eco"], limit=0) == []
        others = content_by_topic(themes=["eco"], asker="knowledge")
        assert [i.source for i in others] == ["checklists"]
        assert [i.name for i in content_by_topic(themes=["music"])] == ["c"]
    with app.app_context():
        assert content_by_topic(themes=["eco"]) == []  # nobody answers: nothing, no error


def test_embed_providers_are_keyed_by_prefix_and_refuse_duplicates(app):
    resources = {"42": Embed("knowledge:resource:42", "Guide du tri", url="/knowledge/42", summary="Trier.")}
    provider = EmbedProvider("knowledge:resource", "Knowledge resources", lambda key, locale: resources.get(key))

    def answer(_sender):
        return provider

    with embed_providers.connected_to(answer), app.app_context():
        assert embed_providers_registry() == {"knowledge:resource": provider}
        assert resolve_embed("knowledge:resource:42").title == "Guide du tri"
        assert resolve_embed("knowledge:resource:43") is None  # the provider knows no such item
        assert resolve_embed("knowledge:video:42") is None  # nobody offers that prefix
        for broken in ("", "42", "knowledge:resource:", ":42", "x" * 300):
            assert resolve_embed(broken) is None

        def again(_sender):
            return EmbedProvider("knowledge:resource", "Copy", lambda key, locale: None)

        with embed_providers.connected_to(again), pytest.raises(RuntimeError, match="knowledge:resource"):
            embed_providers_registry()
    with app.app_context():
        assert resolve_embed("knowledge:resource:42") is None  # the plugin is gone: nothing, no error


def test_what_other_plugins_answer_is_shown_never_trusted():
    assert safe_link("/knowledge/42") == "/knowledge/42"
    assert safe_link("https://example.org/x") == "https://example.org/x"
    for bad in ("javascript:alert(1)", "//evil.example/x", "data:text/html,x", "", None, "ftp://example.org/"):
        assert safe_link(bad) is None
    embed = Embed("k:r:1", "T", url="javascript:alert(1)", html="<p>Bon <b>tri</b><script>alert(1)</script></p>")
    assert embed.safe_url is None
    assert str(embed.safe_html) == "<p>Bon <b>tri</b></p>"
    assert item("a").safe_url == "/knowledge/a"

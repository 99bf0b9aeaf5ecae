"""Template slots, dashboard widgets and nav items are named and weighted: ordered by weight, duplicates refused."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from flask import render_template_string
from markupsafe import Markup

from sonores_lms.navigation import Fragment, NavItem, Widget, render_template_hook, visible_nav_items, widgets_for
from sonores_lms.signals import dashboard_widgets, nav_items, template_hook


@contextmanager
def connected(signal, receiver):
    signal.connect(receiver, weak=False)
    try:
        yield
    finally:
        signal.disconnect(receiver)


def test_a_slot_shows_its_fragments_by_weight_and_escapes_plain_text(app):
    def first(slot, **kwargs):
        if slot != "test-slot":
            return None
        return [Fragment("test-b", Markup("<b>B</b>"), weight=20), Fragment("test-c", "<i>c</i>", weight=5)]

    def second(slot, *, who, **kwargs):
        return Fragment("test-a", Markup("<em>{}</em>").format(who), weight=20) if slot == "test-slot" else None

    with connected(template_hook, first), connected(template_hook, second), app.test_request_context():
        html = render_template_string("[{{ template_hook('test-slot', who='Ana') }}]")
        assert html == "[&lt;i&gt;c&lt;/i&gt;<em>Ana</em><b>B</b>]"  # weight 5, then 20 by name
        assert render_template_hook("another-slot", who="Ana") == Markup("")


def test_two_fragments_with_one_name_are_an_error(app):
    def one(slot, **kwargs):
        return Fragment("test-same", "x") if slot == "test-dupe" else None

    def two(slot, **kwargs):
        return Fragment("test-same", "y") if slot == "test-dupe" else None

    with (
        connected(template_hook, one),
        connected(template_hook, two),
        app.test_request_context(),
        pytest.raises(RuntimeError, match="named 'test-same'"),
    ):
        render_template_hook("test-dupe")


def test_a_slot_refuses_bare_markup(app):
    def bare(slot, **kwargs):
        return Markup("<p>no name</p>") if slot == "test-bare" else None

    with connected(template_hook, bare), app.test_request_context(), pytest.raises(TypeError, match="not a Fragment"):
        render_template_hook("test-bare")


def test_widgets_are_ordered_by_weight_and_unique_by_name(app, dummy_user):
    def extra(user):
        return [
            Widget("test-late", "Late", Markup(""), weight=99),
            Widget("test-early", "Early", Markup(""), weight=-1),
        ]

    with connected(dashboard_widgets, extra), app.test_request_context():
        names = [widget.name for widget in widgets_for(dummy_user)]
        assert names[0] == "test-early" and names[-1] == "test-late"
        assert "core-account" in names

    def clash(user):
        return Widget("test-early", "Again", Markup(""))

    with (
        connected(dashboard_widgets, extra),
        connected(dashboard_widgets, clash),
        app.test_request_context(),
        pytest.raises(RuntimeError, match="named 'test-early'"),
    ):
        widgets_for(dummy_user)


def test_two_nav_items_for_one_endpoint_are_an_error(app):
    def again(_app):
        return NavItem("main.dashboard", "Dashboard again", public=True)

    with (
        connected(nav_items, again),
        app.test_request_context(),
        pytest.raises(RuntimeError, match="named 'main.dashboard'"),
    ):
        visible_nav_items("main")

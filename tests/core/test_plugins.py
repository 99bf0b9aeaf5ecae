"""The plugin contract: the loader refuses what breaks it, and a disabled plugin leaves no trace."""

from __future__ import annotations

import pytest
from blinker import Namespace
from flask import Blueprint

from sonores_lms import create_app
from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin, PluginError, _check_names, discover, resolve
from tests.fixtures.app import test_config


def build(**overrides):
    return create_app(test_config("sqlite://", **overrides))


def test_installed_plugins_follow_one_name_everywhere():
    plugins = discover()
    assert {"courses", "certificates"} <= set(plugins)
    for name, plugin in plugins.items():
        assert plugin.name == name
        assert plugin.blueprint is not None and plugin.blueprint.name == name
        assert all(p.name.startswith(name + ".") for p in plugin.permissions)


def test_all_plugins_enabled_by_default_in_dependency_order():
    app = build()
    assert list(app.extensions["sonores"].plugins) == ["courses", "certificates"]
    assert {"courses", "certificates"} <= set(app.blueprints)
    assert "certificates.issue" in app.extensions["sonores"].permissions


def test_unmet_requirement_stops_the_app():
    with pytest.raises(PluginError, match="requires courses"):
        build(PLUGINS="certificates")


def test_unknown_plugin_stops_the_app():
    with pytest.raises(PluginError, match="Unknown plugin"):
        build(PLUGINS="courses,no-such-plugin")


def test_safe_mode_boots_the_core_alone(app, database_url):
    app = create_app(test_config(database_url, SAFE_MODE=True))
    assert app.extensions["sonores"].plugins == {}
    assert "courses" not in app.blueprints
    assert not any(name.startswith("courses.") for name in app.extensions["sonores"].permissions)
    assert app.test_client().get("/sign-in").status_code == 200
    with app.app_context():
        from sonores_lms.extensions import db

        db.engine.dispose()


def test_disabled_plugin_leaves_no_trace():
    app = build(PLUGINS="courses")
    assert "certificates" not in app.blueprints
    assert "certificates.issue" not in app.extensions["sonores"].permissions
    assert not any(rule.endpoint.startswith("certificates.") for rule in app.url_map.iter_rules())


def test_receivers_answer_only_where_their_plugin_is_enabled():
    signal = Namespace().signal("test-collector")
    plugin = Plugin(name="courses", title="Courses")
    plugin.connect(signal, lambda sender: "from courses")
    plugin.connect(signal, lambda sender: "from courses")  # a new function: connected too
    on, off = build(PLUGINS="courses"), build(SAFE_MODE=True)
    with on.app_context():
        assert [value for _, value in signal.send(None)] == ["from courses", "from courses"]
    with off.app_context():
        assert [value for _, value in signal.send(None)] == [None, None]


def test_connecting_the_same_receiver_twice_is_idempotent():
    signal = Namespace().signal("test-collector-2")
    plugin = Plugin(name="courses", title="Courses")

    def receiver(sender):
        return 1

    plugin.connect(signal, receiver)
    plugin.connect(signal, receiver)
    assert len(signal.receivers) == 1


def _plugin(name, requires=()):
    return Plugin(name=name, title=name, requires=requires, blueprint=Blueprint(name, __name__))


def test_resolve_orders_by_requires_and_detects_cycles():
    installed = {"b": _plugin("b", ("a",)), "a": _plugin("a"), "c": _plugin("c", ("b",))}
    assert [p.name for p in resolve(installed, None)] == ["a", "b", "c"]
    cyclic = {"a": _plugin("a", ("b",)), "b": _plugin("b", ("a",))}
    with pytest.raises(PluginError, match="cycle"):
        resolve(cyclic, None)


def test_names_must_agree():
    with pytest.raises(PluginError, match="disagree"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", blueprint=Blueprint("lessons", __name__)))
    with pytest.raises(PluginError, match="disagree"):
        _check_names("courses", "other_package", Plugin(name="courses", title="x"))
    wrong_permission = Permission("core.author", "x", frozenset({Role.ADMIN}))
    with pytest.raises(PluginError, match="declares permission"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", permissions=(wrong_permission,)))
    with pytest.raises(PluginError, match="models outside"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", models="sonores_lms.models"))

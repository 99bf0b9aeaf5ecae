"""Every route declares who may open it; the app refuses to start otherwise."""

from __future__ import annotations

import pytest

from sonores_lms import create_app
from sonores_lms.permissions import ACCESS_ATTR, check_routes, public, requires
from tests.fixtures.app import test_config


def test_every_route_declares_a_permission_or_is_public(app):
    declared = app.extensions["sonores"].permissions
    for endpoint, view in app.view_functions.items():
        access = getattr(view, ACCESS_ATTR, None)
        assert access is not None, endpoint
        assert access in ("public", "signed-in") or (access[0] == "permission" and access[1] in declared), endpoint


def test_a_route_without_a_mark_stops_the_app():
    app = create_app(test_config("sqlite://"))
    app.add_url_rule("/forgotten", "forgotten", lambda: "open to all?")
    with pytest.raises(RuntimeError, match="forgotten: no permission declared"):
        check_routes(app)


def test_a_route_with_an_unknown_permission_stops_the_app():
    app = create_app(test_config("sqlite://"))
    app.add_url_rule("/typo", "typo", requires("core.manage-peeple")(lambda: "x"))
    with pytest.raises(RuntimeError, match="unknown permission"):
        check_routes(app)


def test_marked_routes_pass():
    app = create_app(test_config("sqlite://"))
    app.add_url_rule("/fine", "fine", public(lambda: "x"))
    check_routes(app)

"""Sessions end by themselves: after a while without activity, and some hours after signing in however active;
"keep me signed in" lasts longer but not forever, and a copied cookie obeys the same limits."""

from __future__ import annotations

import time

import pytest
from flask_login.utils import encode_cookie

from sonores_lms.auth.loader import Identity
from tests.fixtures.users import PASSWORD

MINUTE, HOUR, DAY = 60, 3600, 86400


def sign_in(client, **extra):
    response = client.post("/sign-in", data={"email": "dummy@example.org", "password": PASSWORD, **extra})
    assert response.status_code == 302
    return response


def identity_of(client) -> Identity:
    with client.session_transaction() as session:
        return Identity.parse(session["_user_id"])


def age(client, *, signed_in: int, seen: int) -> None:
    """Move the session's clock back: signed in ``signed_in`` seconds ago, last seen ``seen`` seconds ago."""
    now = int(time.time())
    with client.session_transaction() as session:
        identity = Identity.parse(session["_user_id"])
        session["_user_id"] = str(
            Identity(identity.user_id, identity.token, now - signed_in, now - seen, identity.remember)
        )


def remember_cookie(app, identity: Identity) -> str:
    with app.test_request_context():
        return encode_cookie(str(identity))


def test_defaults(app):
    assert app.config["SESSION_IDLE_TIMEOUT"] == 30 * MINUTE
    assert app.config["SESSION_MAX_AGE"] == 12 * HOUR
    assert app.config["REMEMBER_IDLE_TIMEOUT"] == 7 * DAY
    assert app.config["REMEMBER_COOKIE_DURATION"] == 30 * DAY


def test_an_idle_session_ends_and_says_why(client, dummy_user):
    sign_in(client)
    age(client, signed_in=40 * MINUTE, seen=31 * MINUTE)
    english = {"Accept-Language": "en"}
    response = client.get("/dashboard", headers=english)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    page = client.get(response.headers["Location"], headers=english).get_data(as_text=True)
    assert "Your session has ended. Please sign in again." in page
    assert "Please sign in to open this page." not in page


def test_an_active_session_lives_on_and_moves_its_last_seen(client, dummy_user):
    sign_in(client)
    age(client, signed_in=2 * HOUR, seen=25 * MINUTE)
    assert client.get("/dashboard").status_code == 200
    identity = identity_of(client)
    assert time.time() - identity.seen_at < 5
    assert time.time() - identity.signed_in_at > 2 * HOUR - 5  # the sign-in time does not move


def test_an_active_session_still_ends_after_the_absolute_limit(client, dummy_user):
    sign_in(client)
    age(client, signed_in=12 * HOUR + MINUTE, seen=0)
    assert client.get("/dashboard").status_code == 302


def test_limits_are_configurable(app, client, dummy_user, monkeypatch):
    monkeypatch.setitem(app.config, "SESSION_IDLE_TIMEOUT", 5 * MINUTE)
    sign_in(client)
    age(client, signed_in=6 * MINUTE, seen=6 * MINUTE)
    assert client.get("/dashboard").status_code == 302


def test_a_remembered_session_survives_a_weekend_but_not_a_fortnight_of_silence(app, client, dummy_user):
    sign_in(client, remember="y")
    identity = identity_of(client)
    assert identity.remember
    now = int(time.time())
    weekend = app.test_client()
    weekend.set_cookie(
        "remember_token",
        remember_cookie(app, Identity(dummy_user.id, identity.token, now - 3 * DAY, now - 2 * DAY, True)),
    )
    assert weekend.get("/dashboard").status_code == 200
    # The browser now holds a refreshed cookie: last seen is today.
    refreshed = Identity.parse(weekend.get_cookie("remember_token").value.rsplit("|", 1)[0])
    assert now - refreshed.seen_at < 5

    silent = app.test_client()
    silent.set_cookie(
        "remember_token",
        remember_cookie(app, Identity(dummy_user.id, identity.token, now - 9 * DAY, now - 8 * DAY, True)),
    )
    assert silent.get("/dashboard").status_code == 302


def test_a_remembered_sign_in_ends_after_the_cookie_duration_however_active(app, client, dummy_user):
    sign_in(client, remember="y")
    token = identity_of(client).token
    now = int(time.time())
    old = app.test_client()
    old.set_cookie("remember_token", remember_cookie(app, Identity(dummy_user.id, token, now - 31 * DAY, now, True)))
    assert old.get("/dashboard").status_code == 302


def test_a_plain_session_is_not_stretched_by_a_remember_flag_it_never_had(app, client, dummy_user):
    """Without "keep me signed in" there is no remember cookie; an idle session identity is refused outright."""
    sign_in(client)
    assert client.get_cookie("remember_token") is None
    age(client, signed_in=3 * HOUR, seen=2 * HOUR)
    assert client.get("/dashboard").status_code == 302


@pytest.mark.parametrize("value", ["1:abc", "1:abc:1:1", "x:abc:1:1:s", "1::1:1:s", "1:abc:1:1:q"])
def test_malformed_identities_are_refused(client, dummy_user, value):
    with client.session_transaction() as session:
        session["_user_id"] = value.replace("1:", f"{dummy_user.id}:", 1) if value[0] == "1" else value
    assert client.get("/dashboard").status_code == 302

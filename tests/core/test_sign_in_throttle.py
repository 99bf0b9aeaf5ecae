"""Wrong passwords slow an account down by a growing delay instead of locking its owner out; addresses keep a hard
limit; the owner is told on the page and by mail; the profile's current-password check is throttled the same way."""

from __future__ import annotations

import time

import pytest

from sonores_lms.auth.throttle import delay_for, record_failure, wait_seconds
from tests.fixtures.users import PASSWORD

NEW_PASSWORD = "a brand new long password"


def attempt(client, password, n, email="dummy@example.org"):
    """A sign-in attempt from its own address (so the per-address limit stays out of the way)."""
    return client.post(
        "/sign-in",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": f"198.51.100.{n % 250 + 1}"},
        headers={"Accept-Language": "en"},
    )


def wait_out(email="dummy@example.org"):
    time.sleep(wait_seconds(email) + 0.05)


def test_the_delay_doubles_after_a_few_free_failures_up_to_a_ceiling(app):
    with app.test_request_context():
        assert [delay_for(n) for n in range(1, 12)] == [0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_owner_waits_seconds_then_signs_in(client, dummy_user):
    for n in range(2):
        assert "wait" not in attempt(client, "wrong password", n).get_data(as_text=True)
    third = attempt(client, "wrong password", 2)
    assert third.status_code == 200
    assert "wait 1 second before the next attempt" in third.get_data(as_text=True)
    held = attempt(client, PASSWORD, 3)
    assert held.status_code == 429
    assert "wait 1 second before the next attempt" in held.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302
    wait_out()
    assert attempt(client, PASSWORD, 4).status_code == 302
    assert client.get("/dashboard").status_code == 200


def test_a_success_forgets_the_failures(app, client, dummy_user):
    for n in range(3):
        attempt(client, "wrong password", n)
    wait_out()
    assert attempt(client, PASSWORD, 5).status_code == 302
    client.post("/sign-out")
    assert "wait" not in attempt(client, "wrong password", 6).get_data(as_text=True)


def test_twenty_failures_hold_the_owner_for_a_minute_at_most(app, dummy_user):
    with app.test_request_context():
        for _ in range(20):
            record_failure("dummy@example.org")
        assert 0 < wait_seconds("dummy@example.org") <= 60


def test_waiting_attempts_are_not_checked_nor_counted(app, client, dummy_user, hash_checks_of):
    for n in range(3):
        attempt(client, "wrong password", n)
    checks = hash_checks_of()
    for n in range(5):
        assert attempt(client, "wrong password", 10 + n).status_code == 429
    assert checks() == 0  # no password was checked while the account waited
    with app.test_request_context():
        assert wait_seconds("dummy@example.org") <= 1  # and the wait did not grow


def test_unknown_accounts_wait_the_same_way(client):
    for n in range(3):
        attempt(client, "wrong password", n, email="nobody@example.org")
    assert attempt(client, "wrong password", 3, email="nobody@example.org").status_code == 429


def test_the_owner_is_mailed_after_repeated_failures(app, client, dummy_user, outbox, monkeypatch):
    monkeypatch.setitem(app.config, "SIGNIN_FREE_FAILURES", 100)  # no waiting in this test
    monkeypatch.setitem(app.config, "SIGNIN_NOTIFY_AFTER", 4)
    for n in range(9):
        attempt(client, "wrong password", n)
    assert len(outbox) == 2  # after the 4th and the 8th
    assert outbox[0].to == ["dummy@example.org"]
    assert "4 times in a row" in outbox[0].body
    assert "http://localhost/password/forgot" in outbox[0].body


def test_the_current_password_check_is_throttled(client_as, db):
    person = client_as("staff", email="pat@example.org")
    statuses = []
    for _ in range(25):
        response = person.post(
            "/account/password",
            data={"current_password": "wrong guess", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        )
        statuses.append(response.status_code)
    assert statuses[:4] == [200, 200, 200, 429]
    assert statuses.count(200) <= 6  # only as many guesses as the growing waits let through
    right = person.post(
        "/account/password", data={"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert right.status_code == 429
    db.session.refresh(person.user)
    assert person.user.check_password(PASSWORD)


@pytest.fixture
def hash_checks_of(monkeypatch):
    """``hash_checks_of()`` starts counting password hash checks and returns a function giving the count."""

    def start():
        import sonores_lms.people.models as models

        count = [0]
        original = models.check_password_hash

        def counted(*args, **kwargs):
            count[0] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(models, "check_password_hash", counted)
        monkeypatch.setattr("sonores_lms.auth.services.check_password_hash", counted)
        return lambda: count[0]

    return start

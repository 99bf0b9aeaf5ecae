"""Security review: CSRF, sessions, sign-out, password links, timing, rate limits and account enumeration.

Tests marked ``xfail(strict=True)`` prove a known weakness; they start passing (and so fail the suite) once it is
fixed, at which point the mark goes.
"""

from __future__ import annotations

import re
import time

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from sonores_lms.audit.models import AuditEntry
from tests.fixtures.users import PASSWORD

NEW_PASSWORD = "a brand new long password"


def sign_in(client, email="dummy@example.org", password=PASSWORD, **extra):
    return client.post("/sign-in", data={"email": email, "password": password, **extra})


def _example(converter):
    if converter.regex == r"\d+":
        return 1
    if hasattr(converter, "items"):  # any(...)
        return sorted(converter.items)[0]
    return "x"


def state_changing_urls(app):
    """Every POST route with made-up arguments: the CSRF check runs before the view loads anything."""
    for rule in app.url_map.iter_rules():
        if rule.methods & {"POST", "PUT", "PATCH", "DELETE"}:
            values = {arg: _example(rule._converters[arg]) for arg in rule.arguments}
            yield rule.endpoint, rule.build(values, append_unknown=False)[1]


class _OldSigner(TimestampSigner):
    """Signs as if it were nine hours ago (past the 8-hour CSRF limit and the 2-hour reset limit)."""

    def get_timestamp(self) -> int:
        return int(time.time()) - 9 * 3600


# -- CSRF -----------------------------------------------------------------------------------------------------------
def test_csrf_token_of_another_session_is_refused_on_every_post_route(app, client, admin_client):
    foreign = client.csrf_token()  # valid, but for the anonymous visitor's session
    checked = []
    for endpoint, url in state_changing_urls(app):
        response = admin_client.post(url, data={"csrf_token": foreign}, csrf=False)
        assert response.status_code == 400, (endpoint, response.status_code)
        checked.append(endpoint)
    assert {"auth.sign_in", "people.edit", "people.add_role", "main.set_language"} <= set(checked)


def test_expired_csrf_token_is_refused(app, admin_client):
    with admin_client.session_transaction() as session:
        raw = session.setdefault("csrf_token", "0123456789abcdef0123456789abcdef01234567")
    old = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token", signer=_OldSigner).dumps(raw)
    for _endpoint, url in state_changing_urls(app):
        assert admin_client.post(url, data={"csrf_token": old}, csrf=False).status_code == 400, url


def test_tampered_csrf_token_is_refused(client, dummy_user):
    token = client.csrf_token()
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.post("/sign-in", data={"email": "dummy@example.org", "password": PASSWORD, "csrf_token": forged})
    assert response.status_code == 400
    assert client.get("/dashboard").status_code == 302


# -- sessions -------------------------------------------------------------------------------------------------------
def test_sign_in_starts_a_fresh_session(client, dummy_user):
    """A session planted before sign-in (a known CSRF token, any key) must not survive into the signed-in one."""
    with client.session_transaction() as session:
        session["csrf_token"] = "planted-by-someone-else"
        session["planted"] = "yes"
    assert sign_in(client).status_code == 302
    with client.session_transaction() as session:
        assert session.get("_user_id", "").startswith(f"{dummy_user.id}:")
        assert "planted" not in session
        assert session.get("csrf_token") != "planted-by-someone-else"


def test_password_link_starts_a_fresh_session(client, dummy_user, outbox):
    client.post("/password/forgot", data={"email": "dummy@example.org"})
    link = re.search(r"http://localhost(/password/reset/\S+)", outbox[0].body).group(1)
    with client.session_transaction() as session:
        session["planted"] = "yes"
    assert client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    with client.session_transaction() as session:
        assert "_user_id" in session and "planted" not in session


def test_sign_out_ends_the_session_and_clears_the_remember_cookie(client, dummy_user):
    assert sign_in(client, remember="y").status_code == 302
    assert client.get_cookie("remember_token") is not None
    response = client.post("/sign-out")
    assert response.status_code == 302
    cleared = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token=")]
    assert cleared and ("Expires=Thu, 01 Jan 1970" in cleared[0] or "Max-Age=0" in cleared[0])
    assert client.get_cookie("remember_token") is None
    assert client.get("/dashboard").status_code == 302
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_a_copied_session_cookie_is_dead_after_sign_out(app, client, dummy_user):
    assert sign_in(client).status_code == 302
    stolen = client.get_cookie("session").value
    assert client.post("/sign-out").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/dashboard").status_code == 302


def test_a_copied_remember_cookie_is_dead_after_sign_out(app, client, dummy_user):
    assert sign_in(client, remember="y").status_code == 302
    stolen = client.get_cookie("remember_token").value
    assert client.post("/sign-out").status_code == 302
    thief = app.test_client()
    thief.set_cookie("remember_token", stolen)
    assert thief.get("/dashboard").status_code == 302


def test_password_reset_ends_every_other_session_and_remember_cookie(app, client, dummy_user, outbox):
    browser = app.test_client()
    assert sign_in(browser, remember="y").status_code == 302
    remembered = app.test_client()
    remembered.set_cookie("remember_token", browser.get_cookie("remember_token").value)
    assert remembered.get("/dashboard").status_code == 200

    client.post("/password/forgot", data={"email": "dummy@example.org"})
    link = re.search(r"http://localhost(/password/reset/\S+)", outbox[0].body).group(1)
    assert client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert client.get("/dashboard").status_code == 200  # the person who reset it is signed in
    assert browser.get("/dashboard").status_code == 302
    assert remembered.get("/dashboard").status_code == 302


def test_password_change_ends_remember_cookies_elsewhere(app, client, dummy_user):
    assert sign_in(client).status_code == 302
    other = app.test_client()
    assert sign_in(other, remember="y").status_code == 302
    remembered = app.test_client()
    remembered.set_cookie("remember_token", other.get_cookie("remember_token").value)
    response = client.post(
        "/account/password", data={"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert remembered.get("/dashboard").status_code == 302


def test_deactivation_ends_sessions_and_remember_cookies(app, client, admin_client, dummy_user, db):
    assert sign_in(client, remember="y").status_code == 302
    remembered = app.test_client()
    remembered.set_cookie("remember_token", client.get_cookie("remember_token").value)
    assert admin_client.post(f"/admin/people/{dummy_user.id}/deactivate").status_code == 302
    assert client.get("/dashboard").status_code == 302
    assert remembered.get("/dashboard").status_code == 302


def test_forged_session_identity_is_refused(app, dummy_user):
    """Without the secret key nobody can write ``_user_id``; with a wrong fingerprint the loader says no."""
    tampered = app.test_client()
    with tampered.session_transaction() as session:
        session["_user_id"] = f"{dummy_user.id}:00000000"
    assert tampered.get("/dashboard").status_code == 302
    bare = app.test_client()
    with bare.session_transaction() as session:
        session["_user_id"] = str(dummy_user.id)
    assert bare.get("/dashboard").status_code == 302


# -- password and invitation links ----------------------------------------------------------------------------------
def make_link(app, user, purpose, *, signer=None):
    from sonores_lms.auth.tokens import _serializer, make_token

    with app.test_request_context():
        if signer is None:
            token = make_token(user, purpose)
        else:
            serializer = _serializer(purpose)
            serializer.signer = signer
            token = serializer.dumps({"id": user.id, "fp": user.password_fingerprint})
    return ("/password/reset/" if purpose == "reset" else "/invitation/") + token


def test_reset_and_invitation_links_are_not_interchangeable(app, client, create_user):
    invited = create_user("invited@example.org", password=None)
    reset = make_link(app, invited, "reset").rsplit("/", 1)[1]
    invite = make_link(app, invited, "invite").rsplit("/", 1)[1]
    assert client.get(f"/invitation/{reset}").status_code == 404
    assert client.get(f"/password/reset/{invite}").status_code == 404
    assert client.get(f"/invitation/{invite}").status_code == 200


def test_expired_reset_link_is_refused(app, client, dummy_user):
    link = make_link(app, dummy_user, "reset", signer=_OldSigner)
    assert client.get(link).status_code == 404
    assert client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 404
    assert dummy_user.check_password(PASSWORD)


@pytest.mark.parametrize("damage", ["flip-signature", "drop-signature", "other-user"])
def test_tampered_reset_link_is_refused(app, client, dummy_user, create_user, damage):
    link = make_link(app, dummy_user, "reset")
    if damage == "flip-signature":
        # The signature's first character: every one of its six bits counts. (The last character of unpadded
        # base64 carries spare bits, so changing it can leave the signature intact.)
        head, signature = link.rsplit(".", 1)
        link = f"{head}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"
    elif damage == "drop-signature":
        link = link.rsplit(".", 1)[0]
    else:
        other = create_user("other@example.org")
        payload, rest = link.rsplit("/", 1)[1].split(".", 1)
        other_payload = make_link(app, other, "reset").rsplit("/", 1)[1].split(".", 1)[0]
        link = f"/password/reset/{other_payload}.{rest}"
        assert payload != other_payload
    assert client.get(link).status_code == 404


def test_reset_link_dies_when_the_password_changes_by_other_means(app, client, dummy_user, db):
    link = make_link(app, dummy_user, "reset")
    dummy_user.set_password("changed at the account page")
    db.session.flush()
    assert client.get(link).status_code == 404


def test_reset_link_of_a_deactivated_person_is_refused(app, client, dummy_user, db):
    link = make_link(app, dummy_user, "reset")
    dummy_user.active = False
    db.session.flush()
    assert client.get(link).status_code == 404


def test_invitation_sent_to_a_wrong_address_dies_when_the_email_is_corrected(app, client, admin_client, outbox, db):
    response = admin_client.post(
        "/admin/people/invite",
        data={
            "email": "typo@wrong.example",
            "first_name": "Rose",
            "last_name": "Joseph",
            "locale": "en",
            "institute_id": "0",
            "roles": ["staff"],
            "role_scope": "0",
        },
    )
    assert response.status_code == 302
    link = re.search(r"http://localhost(/invitation/\S+)", outbox[-1].body).group(1)
    from sonores_lms.people.services import find_by_email

    person = find_by_email("typo@wrong.example")
    edit = admin_client.post(
        f"/admin/people/{person.id}/edit",
        data={
            "first_name": "Rose",
            "last_name": "Joseph",
            "email": "rose@right.example",
            "locale": "en",
            "timezone": "",
            "institute_id": "0",
            "version": str(person.version),
        },
    )
    assert edit.status_code == 302
    assert client.get(link).status_code == 404  # the stranger at typo@wrong.example cannot take the account


# -- timing ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def hash_checks(monkeypatch):
    """How many password hashes a request computes (the dominant cost of a sign-in attempt)."""
    from werkzeug.security import check_password_hash

    calls = []

    def counting(pwhash, password):
        calls.append(pwhash.split("$", 1)[0])
        return check_password_hash(pwhash, password)

    monkeypatch.setattr("sonores_lms.auth.services.check_password_hash", counting)
    monkeypatch.setattr("sonores_lms.people.models.check_password_hash", counting)
    return calls


def test_dummy_hash_costs_what_a_real_one_costs(dummy_user):
    from sonores_lms.auth.services import _DUMMY_HASH

    assert _DUMMY_HASH.split("$", 1)[0] == dummy_user.password_hash.split("$", 1)[0]


@pytest.mark.parametrize("who", ["unknown", "deactivated", "wrong-password"])
def test_every_failed_sign_in_costs_one_password_hash(client, create_user, hash_checks, who):
    create_user("known@example.org")
    create_user("gone@example.org", active=False)
    email = {"unknown": "ghost@example.org", "deactivated": "gone@example.org", "wrong-password": "known@example.org"}
    assert sign_in(client, email[who], "not the password").status_code == 200
    assert len(hash_checks) == 1


def test_sign_in_as_an_invited_person_costs_one_password_hash(client, create_user, hash_checks):
    create_user("invited@example.org", password=None)
    assert sign_in(client, "invited@example.org", "not the password").status_code == 200
    assert len(hash_checks) == 1


# -- rate limits ----------------------------------------------------------------------------------------------------
def test_sign_in_is_limited_per_address_across_accounts(client):
    for n in range(5):
        assert sign_in(client, f"guess{n}@example.org", "wrong password").status_code == 200
    assert sign_in(client, "guess9@example.org", "wrong password").status_code == 429


def test_wrong_passwords_from_many_addresses_delay_the_account_without_locking_it(client, dummy_user):
    for n in range(3):
        response = client.post(
            "/sign-in",
            data={"email": "dummy@example.org", "password": "wrong password"},
            environ_base={"REMOTE_ADDR": f"198.51.100.{n + 1}"},
        )
        assert response.status_code == 200
    last = client.post(
        "/sign-in",
        data={"email": "dummy@example.org", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "198.51.100.99"},
    )
    assert last.status_code == 429  # a short wait (see test_sign_in_throttle.py), not a block
    assert client.get("/dashboard").status_code == 302


def test_per_account_limit_is_not_dodged_by_case_or_spaces(client, dummy_user):
    variants = [
        "dummy@example.org",
        "DUMMY@example.org",
        " Dummy@Example.org",
        "dummy@EXAMPLE.ORG ",
        "dUmmy@example.org",
    ]
    for n, email in enumerate(variants):
        client.post(
            "/sign-in", data={"email": email, "password": "wrong"}, environ_base={"REMOTE_ADDR": f"203.0.113.{n}"}
        )
    response = client.post(
        "/sign-in", data={"email": "dummy@example.org", "password": PASSWORD}, environ_base={"REMOTE_ADDR": "8.8.8.8"}
    )
    assert response.status_code == 429


def test_a_rate_limited_attempt_signs_nobody_in_and_writes_nothing(client, dummy_user, db):
    for _ in range(5):
        sign_in(client, password="wrong password")
    before = db.session.query(AuditEntry).count()
    assert sign_in(client).status_code == 429
    assert db.session.query(AuditEntry).count() == before
    assert client.get("/dashboard").status_code == 302


def test_forgot_password_is_limited_per_address(client, create_user, outbox):
    for n in range(10):
        create_user(f"asker{n}@example.org")
        assert client.post("/password/forgot", data={"email": f"asker{n}@example.org"}).status_code == 302
    assert client.post("/password/forgot", data={"email": "asker0@example.org"}).status_code == 429
    assert len(outbox) == 10


def test_forgot_password_is_limited_per_account(client, dummy_user, outbox):
    for n in range(20):
        client.post(
            "/password/forgot",
            data={"email": "dummy@example.org"},
            environ_base={"REMOTE_ADDR": f"192.0.2.{n + 1}"},
        )
    assert len(outbox) <= 5


# -- account enumeration --------------------------------------------------------------------------------------------
def _page_after(client, response):
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]*"|value="[^"]*"', "", page)


def test_forgot_password_answers_the_same_for_every_address(app, create_user, outbox):
    create_user("known@example.org")
    create_user("gone@example.org", active=False)
    create_user("invited@example.org", password=None)
    pages = set()
    for email in ("known@example.org", "gone@example.org", "invited@example.org", "ghost@example.org"):
        fresh = app.test_client()
        pages.add(_page_after(fresh, fresh.post("/password/forgot", data={"email": email})))
    assert len(pages) == 1


def test_sign_in_failure_reads_the_same_for_every_kind_of_account(app, create_user):
    create_user("known@example.org")
    create_user("gone@example.org", active=False)
    create_user("invited@example.org", password=None)
    pages = set()
    for email in ("known@example.org", "gone@example.org", "invited@example.org", "ghost@example.org"):
        response = sign_in(app.test_client(), email, "not the password")
        assert response.status_code == 200
        pages.add(re.sub(r'value="[^"]*"', "", response.get_data(as_text=True)))
    assert len(pages) == 1

from __future__ import annotations

import re

from sonores_lms.audit.models import AuditEntry
from tests.fixtures.users import PASSWORD


def test_sign_in_and_out(client, dummy_user, db):
    response = client.post("/sign-in", data={"email": "DUMMY@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"
    page = client.get("/dashboard")
    assert page.status_code == 200
    assert "Dana" in page.get_data(as_text=True)
    assert db.session.query(AuditEntry).filter_by(action="core.sign-in", actor_id=dummy_user.id).count() == 1
    assert client.post("/sign-out").status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_wrong_password_rerenders_without_revealing(client, dummy_user):
    wrong = client.post("/sign-in", data={"email": "dummy@example.org", "password": "nope nope nope"})
    unknown = client.post("/sign-in", data={"email": "nobody@example.org", "password": "nope nope nope"})
    assert wrong.status_code == unknown.status_code == 200
    text_wrong, text_unknown = wrong.get_data(as_text=True), unknown.get_data(as_text=True)
    assert 'value="dummy@example.org"' in text_wrong
    assert "nope nope nope" not in text_wrong
    strip = lambda t: re.sub(r'value="[^"]*"', "", t)  # noqa: E731
    assert strip(text_wrong) == strip(text_unknown)


def test_sign_in_is_rate_limited_per_account(client, dummy_user):
    for _ in range(5):
        client.post("/sign-in", data={"email": "dummy@example.org", "password": "wrong password!"})
    response = client.post("/sign-in", data={"email": "dummy@example.org", "password": PASSWORD})
    assert response.status_code == 429


def test_open_redirect_refused(client, dummy_user):
    response = client.post(
        "/sign-in", data={"email": "dummy@example.org", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.headers["Location"] == "/dashboard"


def test_password_reset_single_use(client, dummy_user, outbox):
    assert client.post("/password/forgot", data={"email": "dummy@example.org"}).status_code == 302
    assert len(outbox) == 1
    link = re.search(r"http://localhost(/password/reset/\S+)", outbox[0].body).group(1)
    new = "a brand new long password"
    assert client.post(link, data={"password": new, "confirm": new}).status_code == 302
    assert client.get(link).status_code == 404
    client.post("/sign-out")
    assert client.post("/sign-in", data={"email": "dummy@example.org", "password": new}).status_code == 302


def test_forgot_password_unknown_email_sends_nothing(client, outbox):
    assert client.post("/password/forgot", data={"email": "ghost@example.org"}).status_code == 302
    assert outbox == []


def test_language_chosen_before_sign_in_becomes_the_profile_language(client, create_user, db):
    user = create_user("nolocale@example.org", locale=None)
    client.post("/language", data={"language": "pt", "next": "/sign-in"})
    client.post("/sign-in", data={"email": "nolocale@example.org", "password": PASSWORD})
    db.session.refresh(user)
    assert user.locale == "pt"


def test_deactivated_person_cannot_sign_in(client, create_user):
    create_user("gone@example.org", active=False)
    response = client.post("/sign-in", data={"email": "gone@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get("/dashboard").status_code == 302


def test_password_change_needs_the_current_password_and_ends_other_sessions(app, client_as):
    from tests.fixtures.users import sign_in_client

    first = client_as("staff")
    second = sign_in_client(app, first.user)
    new = "another long password!"
    bad = first.post("/account/password", data={"current_password": "wrong", "password": new, "confirm": new})
    assert bad.status_code == 200
    assert "wrong" not in bad.get_data(as_text=True).split("current_password")[1][:200]
    ok = first.post("/account/password", data={"current_password": PASSWORD, "password": new, "confirm": new})
    assert ok.status_code == 302
    assert first.get("/dashboard").status_code == 200
    assert second.get("/dashboard").status_code == 302


def test_short_password_is_refused(client_as):
    c = client_as("staff")
    response = c.post("/account/password", data={"current_password": PASSWORD, "password": "short", "confirm": "short"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.get_data(as_text=True)

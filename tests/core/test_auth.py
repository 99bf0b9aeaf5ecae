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

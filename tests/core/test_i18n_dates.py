"""Dates in the reader's time zone and language; how the language is chosen and changed."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from sonores_lms.settings.store import set_setting

# 18:30 UTC on 15 January 2025: 13:30 in Port-au-Prince (UTC-5), 12:30 in Mexico City (UTC-6),
# 15:30 in São Paulo (UTC-3). No daylight saving time in any of them on that day.
SIGNED_IN_AT = datetime(2025, 1, 15, 18, 30, tzinfo=UTC)


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


def last_sign_in(page: str) -> str:
    match = re.search(r'<time datetime="2025-01-15T18:30:00\+00:00">([^<]+)</time>', page)
    assert match, "the account widget shows the last sign-in"
    return match.group(1)


def test_haiti_institute_in_french_sees_port_au_prince_time(client_as, create_institute):
    haiti = create_institute(name="Alliance Française de Jacmel", timezone="America/Port-au-Prince")
    client = client_as("staff", locale="fr", institute_id=haiti.id, last_sign_in_at=SIGNED_IN_AT)
    page = client.get("/dashboard").get_data(as_text=True)
    shown = last_sign_in(page)
    assert "15 janvier 2025" in shown
    assert "13:30" in shown and "18:30" not in shown
    assert "America/Port-au-Prince" in page
    assert "Alliance Française de Jacmel" in page


def test_profile_time_zone_wins_over_the_institute(client_as, create_institute):
    haiti = create_institute()
    client = client_as(
        "staff", locale="fr", institute_id=haiti.id, timezone="America/Mexico_City", last_sign_in_at=SIGNED_IN_AT
    )
    shown = last_sign_in(client.get("/dashboard").get_data(as_text=True))
    assert "12:30" in shown and "13:30" not in shown


def test_network_default_applies_without_profile_or_institute(app, db, client_as):
    with app.test_request_context():
        set_setting("core.default_timezone", "America/Sao_Paulo", actor=None)
    client = client_as("staff", locale="es", last_sign_in_at=SIGNED_IN_AT)
    page = client.get("/dashboard").get_data(as_text=True)
    shown = last_sign_in(page)
    assert "15:30" in shown
    assert "enero" in shown  # Spanish month name for a reader in Spanish


def test_language_profile_beats_cookie_and_header(client_as):
    client = client_as("staff", locale="en")
    client.set_cookie("sonores_lang", "es")
    assert html_lang(client.get("/dashboard", headers={"Accept-Language": "pt"})) == "en"


@pytest.mark.parametrize(
    ("cookie", "accept", "expected"),
    [
        ("es", "pt-BR,pt;q=0.9", "es"),  # cookie beats the header
        (None, "pt-BR,pt;q=0.9", "pt"),  # pt-BR picks pt
        (None, "en-US,en;q=0.8", "en"),
        (None, "de-DE,de;q=0.9", "fr"),  # nothing we speak: French
        (None, None, "fr"),
        ("xx", "es", "es"),  # an unknown cookie value is ignored
    ],
)
def test_language_for_anonymous_readers(client, cookie, accept, expected):
    if cookie:
        client.set_cookie("sonores_lang", cookie)
    headers = {"Accept-Language": accept} if accept else {}
    assert html_lang(client.get("/", headers=headers)) == expected


def test_signed_in_without_profile_language_uses_the_cookie(client_as):
    client = client_as("staff", locale=None)
    client.set_cookie("sonores_lang", "pt")
    assert html_lang(client.get("/dashboard")) == "pt"


def test_post_language_sets_cookie_and_profile(client_as, db):
    client = client_as("staff", locale="fr")
    response = client.post("/language", data={"language": "es", "next": "/dashboard"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"
    cookie = client.get_cookie("sonores_lang")
    assert cookie is not None and cookie.value == "es"
    db.session.refresh(client.user)
    assert client.user.locale == "es"
    assert html_lang(client.get("/dashboard")) == "es"


def test_post_language_anonymous_sets_only_the_cookie(client):
    response = client.post("/language", data={"language": "pt", "next": "/"})
    assert response.status_code == 302
    assert client.get_cookie("sonores_lang").value == "pt"
    assert html_lang(client.get("/")) == "pt"


@pytest.mark.parametrize("code", ["de", "", "fr-FR", "<script>"])
def test_post_language_refuses_unknown_codes(client, code):
    response = client.post("/language", data={"language": code, "next": "/"})
    assert response.status_code == 400
    assert client.get_cookie("sonores_lang") is None


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_post_language_next_must_be_local(client, target):
    response = client.post("/language", data={"language": "es", "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"

"""Every error a person can meet renders the readable page, in their language, with the right status."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Blueprint, Flask, abort
from sqlalchemy.orm.exc import StaleDataError

from sonores_lms.permissions import public
from tests.fixtures.app import test_config

LANGUAGES = [({}, "fr"), ({"Accept-Language": "es-MX,es;q=0.9"}, "es")]


TITLES = {  # the translated heading of each error page
    ("fr", 400): "Requête incorrecte",
    ("fr", 403): "Accès refusé",
    ("fr", 404): "Page introuvable",
    ("es", 403): "Acceso denegado",
    ("es", 404): "Página no encontrada",
}


def assert_error_page(response: Any, code: int, lang: str) -> None:
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    assert re.search(r'<html lang="([^"]+)"', page).group(1) == lang
    assert re.search(rf'<p class="error-code">[^<]*\b{code}\b[^<]*</p>', page)
    heading = re.search(r'<h1 id="error-title">([^<]+)</h1>', page)
    assert heading and heading.group(1).strip()
    if (lang, code) in TITLES:
        assert heading.group(1).strip() == TITLES[lang, code]
    assert "Traceback" not in page


broken = Blueprint("broken", __name__)


@broken.route("/broken/conflict")
@public
def conflict() -> str:
    abort(409)


@broken.route("/broken/stale")
@public
def stale() -> str:
    raise StaleDataError("UPDATE statement on table expected to update 1 row(s); 0 were matched.")


@broken.route("/broken/crash")
@public
def crash() -> str:
    raise RuntimeError("a bug the reader must not see")


@pytest.fixture(scope="module")
def error_app(app: Flask, database_url: str) -> Iterator[Flask]:
    """A second app (the shared one is already serving) with routes that fail on purpose; ``app`` migrated the DB."""
    from sonores_lms import create_app
    from sonores_lms.extensions import db

    application = create_app(test_config(database_url))
    application.register_blueprint(broken)
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_400_missing_csrf(client, headers, lang):
    response = client.post("/language", data={"language": "es"}, csrf=False, headers=headers)
    assert_error_page(response, 400, lang)


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_403_forbidden(client_as, headers, lang):
    staff_client = client_as("staff", locale=None)  # no language of their own: the browser's counts
    assert_error_page(staff_client.get("/admin/settings/", headers=headers), 403, lang)


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_404_not_found(client, headers, lang):
    assert_error_page(client.get("/no/such/page", headers=headers), 404, lang)


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_405_method_not_allowed(client, headers, lang):
    response = client.get("/language", headers=headers)
    assert_error_page(response, 405, lang)
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_413_too_large(app, client, headers, lang):
    too_big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/language", data={"language": "es", "blob": too_big}, headers=headers)
    assert_error_page(response, 413, lang)
    assert client.get_cookie("sonores_lang") is None


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_429_too_many_attempts(client, dummy_user, headers, lang):
    for _ in range(5):
        client.post("/sign-in", data={"email": "dummy@example.org", "password": "wrong password!"})
    response = client.post("/sign-in", data={"email": "dummy@example.org", "password": "still wrong"}, headers=headers)
    assert_error_page(response, 429, lang)


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
@pytest.mark.parametrize("path", ["/broken/conflict", "/broken/stale"])
def test_409_conflict(error_app, path, headers, lang):
    assert_error_page(error_app.test_client().get(path, headers=headers), 409, lang)


@pytest.mark.parametrize(("headers", "lang"), LANGUAGES)
def test_500_unexpected(error_app, headers, lang, caplog):
    response = error_app.test_client().get("/broken/crash", headers=headers)
    assert_error_page(response, 500, lang)
    assert "a bug the reader must not see" not in response.get_data(as_text=True)
    assert "a bug the reader must not see" in caplog.text  # logged for the people who run the site

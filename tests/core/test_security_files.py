"""Security review: static files, the PDF helper and its sandbox, production configuration, running behind a proxy.

Tests marked ``xfail(strict=True)`` prove a known weakness; remove the mark with the fix.
"""

from __future__ import annotations

import contextlib

import pytest
from flask import Flask
from itsdangerous import URLSafeTimedSerializer

from sonores_lms import create_app
from sonores_lms.config import DefaultConfig
from sonores_lms.pdf import PdfTemplateError, StaticOnlyFetcher, render_sandboxed_source
from sonores_lms.permissions import public
from tests.fixtures.app import SonoresClient, test_config
from tests.fixtures.users import PASSWORD

SECRET = "a-production-secret-that-must-never-show-0123456789"


# -- static route ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/static/../sonores_lms/config.py",
        "/static/%2e%2e/sonores_lms/config.py",
        "/static/..%2fsonores_lms%2fconfig.py",
        "/static/%2e%2e%2fsonores_lms%2fconfig.py",
        "/static/%252e%252e/sonores_lms/config.py",
        "/static/css/../../sonores_lms/config.py",
        "/static/css/..%2f..%2fsonores_lms%2fconfig.py",
        "/static/..%5csonores_lms%5cconfig.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/..%2fsonores_lms%2fconfig.0123456789.py",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/..%2finstance%2fconfig.py",
        "/static/..%00/sonores_lms/config.py",
    ],
)
def test_static_route_serves_nothing_outside_the_static_folder(client, path):
    response = client.get(path)
    if response.status_code == 308:  # doubled slashes are merged: the redirect stays in /static/ and finds nothing
        assert response.headers["Location"].removeprefix("http://localhost").startswith("/static/")
        response = client.get(response.headers["Location"])
    body = response.get_data(as_text=True)
    assert response.status_code in {400, 404}, (path, response.status_code)
    assert "SECRET_KEY" not in body and "root:" not in body and "DefaultConfig" not in body


# -- PDF fetcher and sandbox ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/static/css/../../sonores_lms/config.py",
        "http://localhost/static/%2e%2e%2fsonores_lms%2fconfig.py",
        "http://localhost/static/..%2f..%2f..%2fetc%2fpasswd",
        "http://localhost/static//etc/passwd",
        "http://localhost/static/%2fetc%2fpasswd",
        "http://localhost/static/..%5csonores_lms%5cconfig.py",
        "http://localhost/static/..%2fsonores_lms%2fconfig.0123456789.py",
        "http://localhost:80@evil.example/static/css/print.css",
        "http://evil.example#@localhost/static/css/print.css",
        "HTTP://LOCALHOST.evil.example/static/css/print.css",
        "file://localhost/static/css/print.css",
        "file:///static/css/print.css",
        "jar:http://localhost/static/x.zip!/a",
    ],
)
def test_pdf_fetcher_refuses_traversal_and_lookalike_hosts(url):
    fetcher = StaticOnlyFetcher("http://localhost/", "/static/")
    with pytest.raises(ValueError):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    "name", ["../sonores_lms/config.py", "css/../../pyproject.toml", "/etc/passwd", "..", "", "css/../../../etc/passwd"]
)
def test_static_path_stays_in_the_static_folder(name):
    assert StaticOnlyFetcher.static_path(name) is None


@pytest.fixture
def request_ctx(app, db):
    with app.test_request_context("/", base_url="http://localhost"):
        yield


@pytest.mark.parametrize(
    "source",
    [
        "{{ person.__class__ }}",
        "{{ person._sa_instance_state }}",
        "{{ person.query }}",
        "{{ lipsum.__globals__ }}",
        "{{ range.__self__ }}",
        "{{ self._TemplateReference__context }}",
        "{% set x = namespace() %}{{ x.__init__.__globals__ }}",
        "{{ ().__class__.__base__.__subclasses__() }}",
    ],
)
def test_sandbox_keeps_admin_templates_away_from_internals(request_ctx, dummy_user, source):
    try:
        out = str(render_sandboxed_source(source, person=dummy_user))
    except PdfTemplateError:
        out = ""
    assert "<class" not in out and "function" not in out and "module" not in out and "Session" not in out


def test_sandbox_does_not_print_password_hashes(request_ctx, dummy_user):
    try:
        out = str(render_sandboxed_source("{{ person.password_hash }}", person=dummy_user))
    except PdfTemplateError:
        out = ""
    assert dummy_user.password_hash not in out


def test_sandbox_cannot_change_the_people_it_prints(request_ctx, dummy_user):
    with contextlib.suppress(PdfTemplateError):
        render_sandboxed_source("{{ person.set_password('chosen by the template') }}", person=dummy_user)
    assert dummy_user.check_password(PASSWORD)


def test_sandbox_cannot_mutate_what_it_is_given(request_ctx, dummy_user):
    with contextlib.suppress(PdfTemplateError):
        render_sandboxed_source("{{ person.role_assignments.clear() }}", person=dummy_user)
    assert dummy_user.role_assignments


def test_sandbox_reports_runtime_faults_as_template_errors(request_ctx):
    with pytest.raises(PdfTemplateError):
        render_sandboxed_source("{{ 1 // 0 }}")


# -- production configuration ---------------------------------------------------------------------------------------
def production_app(database_url: str, **extra) -> Flask:
    app = create_app(
        test_config(database_url, ENV="production", TESTING=False, SECRET_KEY=SECRET, BASE_URL="https://lms", **extra)
    )
    app.test_client_class = SonoresClient
    return app


def test_defaults_hold_no_secret():
    assert DefaultConfig.SECRET_KEY is None and DefaultConfig.MAIL_PASSWORD is None
    assert DefaultConfig.ENV == "production"


def test_production_app_is_not_in_debug(database_url):
    app = production_app(database_url)
    assert app.debug is False and app.testing is False
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_errors_in_production_show_no_trace_and_no_secret(database_url, db, caplog):
    app = production_app(database_url)

    @public
    def boom() -> str:
        raise RuntimeError(f"failure while holding {SECRET}")

    app.add_url_rule("/boom", view_func=boom)
    response = app.test_client().get("/boom")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert SECRET not in body and "Traceback" not in body and "RuntimeError" not in body
    assert "<h1" in body


def https_post(app, client, url, data, **kwargs):
    """A form POST over HTTPS with a valid CSRF token and the Referer that strict CSRF checking wants."""
    with client.session_transaction(base_url="https://localhost") as session:
        raw = session.setdefault("csrf_token", "f" * 40)
    token = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)
    headers = {"Referer": "https://localhost/sign-in", **kwargs.pop("headers", {})}
    return client.post(url, data={"csrf_token": token, **data}, csrf=False, headers=headers, **kwargs)


def test_production_cookies_are_secure_httponly_and_lax(database_url, db, dummy_user):
    app = production_app(database_url)
    client = app.test_client()
    response = https_post(
        app,
        client,
        "/sign-in",
        {"email": "dummy@example.org", "password": PASSWORD, "remember": "y"},
        base_url="https://localhost",
    )
    assert response.status_code == 302
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    for name in ("session", "remember_token"):
        flags = {part.strip().lower() for part in cookies[name].split(";")}
        assert {"secure", "httponly", "samesite=lax"} <= flags, name
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_production_refuses_a_short_secret_key():
    with pytest.raises(RuntimeError):
        create_app({"ENV": "production", "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})


# -- behind a reverse proxy (the README's production setup) ---------------------------------------------------------
def forwarded(client_ip: str) -> dict[str, str]:
    return {"X-Forwarded-For": client_ip, "X-Forwarded-Proto": "https"}


def test_hsts_is_sent_behind_a_tls_proxy(database_url, db):
    app = production_app(database_url, PROXY_HOPS=1)
    response = app.test_client().get("/static/css/app.css", headers=forwarded("203.0.113.7"))
    response.close()
    assert "Strict-Transport-Security" in response.headers


def test_sign_in_limit_counts_each_visitor_behind_a_proxy(database_url, db, dummy_user):
    app = production_app(database_url, PROXY_HOPS=1)
    client = app.test_client()
    for n in range(5):
        client.post(
            "/sign-in",
            data={"email": f"guess{n}@example.org", "password": "wrong"},
            headers=forwarded("203.0.113.66"),
        )
    honest = app.test_client()
    response = https_post(
        app,
        honest,
        "/sign-in",
        {"email": "dummy@example.org", "password": PASSWORD},
        headers=forwarded("198.51.100.20"),
    )
    assert response.status_code == 302

"""Headers on every page (error pages too), cookie flags, and the open-redirect guard."""

from __future__ import annotations

import pytest

from sonores_lms.security import safe_next
from tests.fixtures.users import PASSWORD


def assert_security_headers(response) -> None:
    csp = response.headers["Content-Security-Policy"]
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in csp.split(";")}
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["frame-ancestors"] == "frame-ancestors 'none'"
    assert directives["script-src"] == "script-src 'self'"
    assert directives["object-src"] == "object-src 'none'"
    assert response.headers["Referrer-Policy"] in {"same-origin", "strict-origin-when-cross-origin", "no-referrer"}
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/sign-in", "/password/forgot"])
def test_normal_pages_carry_the_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_security_headers(response)


def test_signed_in_pages_carry_the_headers(staff_client):
    response = staff_client.get("/dashboard")
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/no-such-page", 404), ("GET", "/language", 405), ("POST", "/language", 400)],
)
def test_error_pages_carry_the_headers(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert_security_headers(response)


def test_forbidden_page_carries_the_headers(staff_client):
    response = staff_client.get("/admin/audit/")
    assert response.status_code == 403
    assert_security_headers(response)


def test_static_files_carry_the_headers(client):
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client):
    page = client.get("/sign-in").get_data(as_text=True)
    assert "<script>" not in page and "style=" not in page and "<style" not in page


def test_session_cookie_is_httponly_and_lax(client, dummy_user):
    response = client.post("/sign-in", data={"email": "dummy@example.org", "password": PASSWORD})
    assert response.status_code == 302
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "signing in sets the session cookie"
    flags = {part.strip().lower() for part in cookies[-1].split(";")}
    assert "httponly" in flags
    assert "samesite=lax" in flags


def test_language_cookie_is_httponly_and_lax(client):
    response = client.post("/language", data={"language": "es", "next": "/"})
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("sonores_lang="))
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert "httponly" in flags and "samesite=lax" in flags


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/dashboard", "/dashboard"),
        ("/courses/12?tab=sessions#next", "/courses/12?tab=sessions#next"),
        ("/", "/"),
        ("  /account/profile  ", "/account/profile"),
        (None, "/home"),
        ("", "/home"),
        ("//evil.example", "/home"),
        ("///evil.example", "/home"),
        ("/\\evil.example", "/home"),
        ("\\\\evil.example", "/home"),
        ("https://evil.example", "/home"),
        ("http://evil.example/dashboard", "/home"),
        ("HTTPS://evil.example", "/home"),
        ("javascript:alert(1)", "/home"),
        ("JavaScript:alert(1)", "/home"),
        ("data:text/html,<script>alert(1)</script>", "/home"),
        ("dashboard", "/home"),  # relative paths are not paths on this site
        ("../admin", "/home"),
        ("evil.example/path", "/home"),
        ("/\tevil", "/home"),
        ("/\r\nLocation: https://evil.example", "/home"),
        ("/%0d%0aSet-Cookie:x=1", "/%0d%0aSet-Cookie:x=1"),  # stays an encoded path on this site
    ],
)
def test_safe_next(target, expected):
    assert safe_next(target, "/home") == expected

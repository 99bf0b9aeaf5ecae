"""The public verification page: valid, revoked, expired, replaced, unknown; typed codes; light; rate-limited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from certificates.issuing import reissue, revoke
from certificates.models import Certificate, CertificateStatus, RevokeReason
from sonores_lms.database import utcnow


@pytest.fixture
def client(app, db):
    """An anonymous visitor reading English (anonymous people get French by default)."""
    visitor = app.test_client()
    visitor.set_cookie("sonores_lang", "en")
    return visitor


@pytest.fixture
def certificate(completed, make_template, db):
    make_template()
    completed(first_name="Nguyễn", last_name="Ñuñoa", email="holder@example.org", job_title="Secret job")
    return db.session.scalars(select(Certificate)).one()


def test_a_valid_certificate_says_so_with_the_public_facts_only(client, certificate, count_queries):
    with count_queries() as queries:
        response = client.get(f"/certificates/verify/{certificate.code}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Valid certificate" in page and "Nguyễn Ñuñoa" in page and certificate.code in page
    assert "Cours 1" in page and "Alliance Française de Santiago" in page
    assert "holder@example.org" not in page and "Secret job" not in page
    assert len(queries.statements) <= 2
    assert "<script" not in page.split("</main>")[0]  # the page needs no script


@pytest.mark.parametrize("typed", ["son {short}", "{short}", "SON-{short}", " {lower} "])
def test_typed_codes_lead_to_the_certificate(client, certificate, typed):
    short = certificate.code[4:].replace("-", "")
    code = typed.format(short=short, lower=certificate.code.lower())
    response = client.get("/certificates/verify", query_string={"code": code})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/verify/{certificate.code}")
    response = client.get(f"/certificates/verify/{certificate.code.lower()}")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/verify/{certificate.code}")


@pytest.mark.parametrize("code", ["SON-2222-2222", "nonsense", "SON-0000-0000", "<script>"])
def test_an_unknown_or_tampered_code_is_a_404_page_with_the_form(client, certificate, code):
    response = client.get("/certificates/verify", query_string={"code": code})
    if response.status_code == 302:
        response = client.get(response.headers["Location"])
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert 'name="code"' in page and "No certificate has the code" in page and "<script>" not in page


def test_revoked_expired_and_replaced(client, certificate, db, dummy_user):
    revoke(certificate, actor=dummy_user, reason=RevokeReason.MISCONDUCT, note="copied the quiz")
    page = client.get(f"/certificates/verify/{certificate.code}").get_data(as_text=True)
    assert "Revoked certificate" in page and "Academic misconduct" in page and "copied the quiz" not in page
    certificate.status, certificate.revoked_at, certificate.revoke_reason = CertificateStatus.VALID, None, None
    certificate.expires_at = utcnow() - timedelta(days=3)
    db.session.flush()
    page = client.get(f"/certificates/verify/{certificate.code}").get_data(as_text=True)
    assert "Expired certificate" in page and "expired on" in page
    certificate.expires_at = utcnow() + timedelta(days=300)
    db.session.flush()
    new = reissue(certificate, actor=dummy_user, reason="typo")
    page = client.get(f"/certificates/verify/{certificate.code}").get_data(as_text=True)
    assert "Replaced certificate" in page and new.code not in page
    assert "Valid certificate" in client.get(f"/certificates/verify/{new.code}").get_data(as_text=True)


def test_the_page_is_in_the_visitors_language(client, certificate):
    client.set_cookie("sonores_lang", "es")
    page = client.get(f"/certificates/verify/{certificate.code}", headers={"Accept-Language": "es"}).get_data(
        as_text=True
    )
    assert 'lang="es"' in page and "Certificado válido" in page


def test_the_page_is_light(client, certificate, app):
    page = client.get(f"/certificates/verify/{certificate.code}")
    with client.get(page.get_data(as_text=True).split('rel="stylesheet" href="')[1].split('"')[0]) as css:
        assert css.status_code == 200
        assert len(page.get_data()) + len(css.get_data()) < 20 * 1024


def test_lookups_are_rate_limited_per_address(client, certificate, app, monkeypatch):
    from sonores_lms.extensions import limiter

    monkeypatch.setitem(app.config, "CERTIFICATES_VERIFY_LIMITS", "3 per minute")
    limiter.reset()
    statuses = [client.get("/certificates/verify/SON-2222-2222").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    other = app.test_client()
    response = other.get(f"/certificates/verify/{certificate.code}", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert response.status_code == 200
    limiter.reset()

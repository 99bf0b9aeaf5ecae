"""Learners: their certificates on the dashboard, on the completed course's page and on their own page; the PDF
for them in any language; 403 on someone else's; a director reads their institute's people's certificates."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from certificates.models import Certificate
from tests.fixtures.users import sign_in_client


@pytest.fixture
def holder(app, completed, make_template, db):
    make_template()
    user, course = completed(first_name="Ana", last_name="Ñuñoa")
    client = sign_in_client(app, user)
    certificate = db.session.scalars(select(Certificate)).one()
    return client, user, course, certificate


def test_dashboard_course_page_and_my_certificates(holder):
    client, _user, course, certificate = holder
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert "My certificates" in dashboard and f"/certificates/{certificate.code}.pdf" in dashboard
    page = client.get(f"/courses/learn/{course.uid}").get_data(as_text=True)
    assert "Download my certificate" in page and f"/certificates/{certificate.code}.pdf" in page
    mine = client.get("/certificates/mine").get_data(as_text=True)
    assert certificate.code in mine and "Cours 1" in mine and "Valid" in mine
    for code in ("fr", "es", "pt", "en"):
        assert f"/certificates/{certificate.code}.pdf?lang={code}" in mine
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in mine
    assert f"/certificates/badges/assertions/{certificate.code}" in mine
    assert 'href="/certificates/mine"' in client.get("/account/profile").get_data(as_text=True)


def test_someone_without_certificates_sees_no_widget(client_as):
    client = client_as("staff")
    assert "My certificates" not in client.get("/dashboard").get_data(as_text=True).split("<main")[1]
    assert "You have no certificate yet" in client.get("/certificates/mine").get_data(as_text=True)


@pytest.mark.parametrize("language", ["fr", "es", "pt", "en"])
def test_the_holder_downloads_it_in_any_language(holder, language):
    client, _user, _course, certificate = holder
    response = client.get(f"/certificates/{certificate.code}.pdf?lang={language}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert f"{certificate.code}-{language}.pdf" in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    text = reader.pages[0].extract_text()
    assert "Ana Ñuñoa" in text and certificate.code in text and reader.trailer["/Root"]["/Lang"] == language
    assert client.get(f"/certificates/{certificate.code}.pdf?lang=de").status_code == 404


def test_another_persons_pdf_is_refused_but_its_public_page_is_open(holder, client_as, create_institute):
    _client, user, _course, certificate = holder
    stranger = client_as("staff")
    assert stranger.get(f"/certificates/{certificate.code}.pdf").status_code == 403
    assert stranger.get(f"/certificates/verify/{certificate.code}").status_code == 200
    director = client_as(("admin", user.institute_id), institute_id=user.institute_id)
    assert director.get(f"/certificates/{certificate.code}.pdf").status_code == 200
    elsewhere = create_institute(name="Alliance Française de Quito", country="EC")
    other_director = client_as(("admin", elsewhere.id), institute_id=elsewhere.id)
    assert other_director.get(f"/certificates/{certificate.code}.pdf").status_code == 403
    assert client_as("admin").get(f"/certificates/{certificate.code}.pdf").status_code == 200


def test_a_revoked_certificate_leaves_the_dashboard_and_the_course_page(holder, dummy_user):
    from certificates.issuing import revoke
    from certificates.models import RevokeReason

    client, _user, course, certificate = holder
    revoke(certificate, actor=dummy_user, reason=RevokeReason.OTHER)
    assert f"/certificates/{certificate.code}.pdf" not in client.get("/dashboard").get_data(as_text=True)
    assert "Download my certificate" not in client.get(f"/courses/learn/{course.uid}").get_data(as_text=True)
    assert "Revoked" in client.get("/certificates/mine").get_data(as_text=True)

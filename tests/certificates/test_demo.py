"""Demo certificates: each of the four languages, one bilingual, one revoked, one expired, the code the README
names; a second run changes nothing."""

from __future__ import annotations

from sqlalchemy import select

from certificates.demo import SHOWN_CODE
from certificates.models import Certificate, CertificateStatus
from sonores_lms.demo import load_demo


def test_demo_certificates(db, client):
    load_demo()
    certificates = db.session.scalars(select(Certificate)).all()
    assert {c.language for c in certificates} == {"fr", "es", "pt", "en"}
    assert any(c.bilingual for c in certificates)
    assert any(c.status is CertificateStatus.REVOKED for c in certificates)
    assert any(c.is_expired() and c.status is CertificateStatus.VALID for c in certificates)
    shown = next(c for c in certificates if c.code == SHOWN_CODE)
    assert shown.holder_name == "Mateo Fernández" and not shown.is_expired()
    client.set_cookie("sonores_lang", "en")
    assert "Valid certificate" in client.get(f"/certificates/verify/{SHOWN_CODE}").get_data(as_text=True)
    before = {(c.code, c.status, c.version) for c in certificates}
    load_demo()
    assert {(c.code, c.status, c.version) for c in db.session.scalars(select(Certificate))} == before

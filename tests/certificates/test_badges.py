"""Open Badges 2.0 hosted: Assertion, BadgeClass and Issuer at stable URLs, every term and type defined in the
specification's context (kept in tests/certificates/data with its source), the required properties present, the
recipient hashed, a revoked assertion 410 with {"revoked": true}; LinkedIn's add-to-profile link."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from certificates.badges import linkedin_url
from certificates.issuing import reissue, revoke
from certificates.models import Certificate, RevokeReason

CONTEXT = json.loads((Path(__file__).parent / "data" / "openbadges-v2-context.json").read_text())["@context"]
TYPES = {"Assertion", "BadgeClass", "Issuer", "Profile", "hosted", "HostedBadge", "Criteria", "IdentityObject"}
REQUIRED = {
    "Assertion": {"id", "type", "recipient", "badge", "verification", "issuedOn"},
    "BadgeClass": {"id", "type", "name", "description", "image", "criteria", "issuer"},
    "Issuer": {"id", "type", "name", "url", "email"},  # required of a Profile that issues badges
}


def terms_used(document, found=None):
    found = set() if found is None else found
    if isinstance(document, dict):
        for key, value in document.items():
            if key != "@context":
                found.add(key)
                terms_used(value, found)
    elif isinstance(document, list):
        for value in document:
            terms_used(value, found)
    return found


def check(document, kind):
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["type"] == kind and kind in CONTEXT
    assert REQUIRED[kind] <= set(document)
    undefined = terms_used(document) - set(CONTEXT)
    assert not undefined, f"terms outside the Open Badges context: {undefined}"
    assert document["id"].startswith("http://localhost/certificates/badges/")


@pytest.fixture
def certificate(completed, make_template, db):
    make_template(valid_months=24)
    completed(email="Holder@Example.org")
    return db.session.scalars(select(Certificate)).one()


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    assert response.mimetype == "application/ld+json"
    return json.loads(response.get_data(as_text=True))


def test_assertion_badge_class_and_issuer_follow_the_specification(client, certificate):
    document = get_json(client, f"/certificates/badges/assertions/{certificate.code}")
    check(document, "Assertion")
    assert document["id"] == f"http://localhost/certificates/badges/assertions/{certificate.code}"
    assert document["verification"] == {"type": "hosted"} and document["verification"]["type"] in CONTEXT
    recipient = document["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    expected = "sha256$" + hashlib.sha256(("holder@example.org" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == expected and "holder@example.org" not in json.dumps(document).lower()
    assert document["expires"] > document["issuedOn"]
    badge = get_json(client, urlsplit(document["badge"]).path)
    check(badge, "BadgeClass")
    assert badge["id"] == document["badge"] and badge["name"] == certificate.title("fr")
    issuer = get_json(client, urlsplit(badge["issuer"]).path)
    check(issuer, "Issuer")
    image = client.get(urlsplit(issuer["image"]).path)
    assert image.mimetype == "image/svg+xml" and b"<script" not in image.data


def test_a_revoked_or_replaced_assertion_is_gone(client, certificate, dummy_user):
    new = reissue(certificate, actor=dummy_user, reason="typo")
    gone = get_json(client, f"/certificates/badges/assertions/{certificate.code}", 410)
    assert gone["revoked"] is True and gone["id"].endswith(certificate.code)
    assert terms_used(gone) <= set(CONTEXT)
    revoke(new, actor=dummy_user, reason=RevokeReason.MISCONDUCT)
    gone = get_json(client, f"/certificates/badges/assertions/{new.code}", 410)
    assert gone == {**gone, "revoked": True, "revocationReason": "Academic misconduct"}
    assert client.get("/certificates/badges/assertions/SON-2222-2222").status_code == 404


def test_the_verification_page_points_at_the_assertion(client, certificate):
    page = client.get(f"/certificates/verify/{certificate.code}").get_data(as_text=True)
    assert f'type="application/ld+json" href="/certificates/badges/assertions/{certificate.code}"' in page


def test_the_linkedin_link_uses_the_documented_parameters(app, certificate):
    with app.test_request_context("/"):
        url = linkedin_url(certificate, "es")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query["startTask"] == "CERTIFICATION_NAME" and query["certId"] == certificate.code
    assert query["certUrl"] == f"http://localhost/certificates/verify/{certificate.code}"
    assert query["name"] == certificate.title("es") and query["organizationName"].startswith("Réseau")
    assert int(query["issueYear"]) == certificate.issued_at.year and "expirationYear" in query

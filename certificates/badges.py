"""Open Badges 2.0 hosted assertions: each certificate is also an Assertion, with a BadgeClass per course or track
and one Issuer profile, JSON-LD at stable URLs, verified by fetching the Assertion at its ``id`` (``hosted``).

Why 2.0 hosted and not 3.0: Open Badges 3.0 credentials are W3C Verifiable Credentials that must be signed (a
Data Integrity proof or a JWT) with a key the issuer publishes, which needs a maintained signing library for those
suites and the key's safekeeping; none is part of this stack today. 2.0 hosted assertions need no key, are
accepted by badge backpacks and validators, and answer a revocation at once (410 Gone with ``{"revoked": true}``).

The recipient is the holder's email, hashed with SHA-256 and a salt drawn from the secret key and the code, so the
published JSON does not disclose the address and a backpack can still match it.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from flask import current_app
from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.people.models import User
from sonores_lms.security import external_url

from .models import REVOKE_REASON_TITLES, Certificate, CertificateStatus

CONTEXT = "https://w3id.org/openbadges/v2"
JSON_LD = "application/ld+json"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def salt_of(certificate: Certificate) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, f"badge-salt:{certificate.code}".encode(), hashlib.sha256).hexdigest()[:16]


def identity_hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def issuer_profile() -> dict[str, Any]:
    config = current_app.config
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": external_url("certificates.badge_issuer"),
        "name": config["CERTIFICATES_ISSUER_NAME"],
        "url": config["BASE_URL"].rstrip("/") + "/",
        "email": config["CERTIFICATES_ISSUER_EMAIL"],
        "image": external_url("certificates.badge_image"),
    }


def badge_class(kind: str, subject_uid: str, sample: Certificate) -> dict[str, Any]:
    """The achievement, described from the newest certificate of that course or track (its title in French, the
    network's language, with the announced hours)."""
    title = sample.title("fr")
    hours = round(int(sample.snapshot.get("minutes") or 0) / 60, 1)
    what = "Parcours" if kind == "track" else "Cours"
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": external_url("certificates.badge_class", kind=kind, uid=subject_uid),
        "name": title,
        "description": f"{what} « {title} » ({hours:g} h), {sample.snapshot.get('issuer', '')}.",
        "image": external_url("certificates.badge_image"),
        "criteria": {"narrative": f"Avoir terminé toutes les leçons obligatoires : {what.lower()} « {title} »."},
        "issuer": external_url("certificates.badge_issuer"),
        "tags": ["Sonores", what.lower()],
    }


def assertion(certificate: Certificate) -> dict[str, Any]:
    # The address alone: one small query (a whole person would bring their institute and roles along).
    email = (
        db.session.scalar(select(User.email).where(User.id == certificate.user_id))
        if certificate.user_id is not None
        else None
    ) or f"{certificate.code}@invalid"
    salt = salt_of(certificate)
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": external_url("certificates.badge_assertion", code=certificate.code),
        "recipient": {"type": "email", "hashed": True, "salt": salt, "identity": identity_hash(email, salt)},
        "badge": external_url("certificates.badge_class", kind=certificate.kind.value, uid=certificate.subject_uid),
        "verification": {"type": "hosted"},
        "issuedOn": _iso(certificate.issued_at),
        "evidence": external_url("certificates.verify", code=certificate.code),
    }
    if certificate.expires_at is not None:
        document["expires"] = _iso(certificate.expires_at)
    return document


def revoked_assertion(certificate: Certificate) -> dict[str, Any]:
    """What a revoked or replaced assertion answers (410 Gone): the spec requires only ``id`` and ``revoked``."""
    if certificate.status is CertificateStatus.SUPERSEDED:
        reason = "Replaced by a new version"
    elif certificate.revoke_reason is not None:
        with_locale = REVOKE_REASON_TITLES[certificate.revoke_reason]
        from flask_babel import force_locale

        with force_locale("en"):
            reason = str(with_locale)
    else:
        reason = "Revoked"
    return {
        "@context": CONTEXT,
        "id": external_url("certificates.badge_assertion", code=certificate.code),
        "revoked": True,
        "revocationReason": reason,
    }


def linkedin_url(certificate: Certificate, language: str) -> str:
    """LinkedIn's documented "Add to profile" link for certifications (``startTask=CERTIFICATION_NAME`` with the
    name, the organization, the issue and expiry month and year, the credential's URL and id)."""
    params: dict[str, Any] = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.title(language),
        "organizationName": certificate.snapshot.get("issuer") or current_app.config["CERTIFICATES_ISSUER_NAME"],
        "issueYear": certificate.issued_at.year,
        "issueMonth": certificate.issued_at.month,
        "certUrl": external_url("certificates.verify", code=certificate.code),
        "certId": certificate.code,
    }
    if certificate.expires_at is not None:
        params["expirationYear"] = certificate.expires_at.year
        params["expirationMonth"] = certificate.expires_at.month
    return "https://www.linkedin.com/profile/add?" + urlencode(params)

"""The public verification page: no sign-in, four languages, light, no JavaScript needed.

It says valid, revoked (date and reason category), expired (date), replaced or unknown, with the holder's name,
what was achieved, the date and the issuer, and nothing more personal. One query (the code's unique index). Typed
codes are tolerated (:func:`certificates.codes.normalise_code`); an unknown code is a 404 page with the form.
Lookups are limited per address like sign-in (Flask-Limiter, in Redis when configured), so codes cannot be
tried by the thousand.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import get_locale
from werkzeug.wrappers import Response

from sonores_lms.database import utcnow
from sonores_lms.extensions import limiter
from sonores_lms.permissions import public

from ..blueprint import blueprint
from ..codes import normalise_code
from ..models import REVOKE_REASON_TITLES, Certificate, CertificateStatus
from ..queries import certificate_by_code


def _limits() -> str:
    return current_app.config["CERTIFICATES_VERIFY_LIMITS"]


def public_state(certificate: Certificate) -> str:
    """``valid``, ``revoked``, ``expired`` or ``replaced``: what the public page and the badge say."""
    if certificate.status is CertificateStatus.REVOKED:
        return "revoked"
    if certificate.status is CertificateStatus.SUPERSEDED:
        return "replaced"
    if certificate.is_expired():
        return "expired"
    return "valid"


@blueprint.route("/verify")
@public
@limiter.limit(_limits, scope="certificates-verify")
def verify_form() -> str | Response | tuple[str, int]:
    typed = request.args.get("code")
    if typed is None:
        return render_template("certificates/verify.html", certificate=None, typed="")
    code = normalise_code(typed)
    if code is None:
        return render_template("certificates/verify.html", certificate=None, typed=typed, unknown=True), 404
    return redirect(url_for("certificates.verify", code=code))


@blueprint.route("/verify/<code>")
@public
@limiter.limit(_limits, scope="certificates-verify")
def verify(code: str) -> str | Response | tuple[str, int]:
    canonical = normalise_code(code)
    certificate = certificate_by_code(canonical) if canonical else None
    if certificate is None:
        return render_template("certificates/verify.html", certificate=None, typed=code, unknown=True), 404
    if canonical != code:
        return redirect(url_for("certificates.verify", code=canonical), 301)
    language = str(get_locale() or "fr")
    return render_template(
        "certificates/verify.html",
        certificate=certificate,
        state=public_state(certificate),
        title=certificate.title(language),
        reason=REVOKE_REASON_TITLES.get(certificate.revoke_reason) if certificate.revoke_reason else None,
        now=utcnow(),
        typed=certificate.code,
    )


def connect(plugin: Any) -> None:
    pass

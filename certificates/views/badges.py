"""The Open Badges 2.0 documents: Issuer, BadgeClass and Assertion as JSON-LD at stable public URLs, and the badge
image. A revoked or replaced assertion answers 410 Gone with ``{"revoked": true}``, as hosted verification asks."""

from __future__ import annotations

import json
from typing import Any

from flask import abort, current_app, make_response, render_template
from sqlalchemy import select
from werkzeug.wrappers import Response

from sonores_lms.extensions import db, limiter
from sonores_lms.permissions import public

from .. import badges as ob
from ..blueprint import blueprint
from ..codes import normalise_code
from ..models import Certificate, CertificateStatus, SubjectKind
from ..queries import certificate_by_code


def _limits() -> str:
    return current_app.config["CERTIFICATES_VERIFY_LIMITS"]


def _json(document: dict[str, Any], status: int = 200) -> Response:
    response = make_response(json.dumps(document, ensure_ascii=False, indent=2), status)
    response.headers["Content-Type"] = f"{ob.JSON_LD}; charset=utf-8"
    response.headers["Access-Control-Allow-Origin"] = "*"  # validators and backpacks read it from their pages
    response.headers["Cache-Control"] = "no-cache"
    return response


@blueprint.route("/badges/issuer")
@public
def badge_issuer() -> Response:
    return _json(ob.issuer_profile())


@blueprint.route("/badges/classes/<any(course, track):kind>/<uid>")
@public
def badge_class(kind: str, uid: str) -> Response:
    sample = db.session.scalars(
        select(Certificate)
        .where(Certificate.kind == SubjectKind(kind), Certificate.subject_uid == uid)
        .order_by(Certificate.issued_at.desc())
        .limit(1)
    ).first()
    if sample is None:
        abort(404)
    return _json(ob.badge_class(kind, uid, sample))


@blueprint.route("/badges/assertions/<code>")
@public
@limiter.limit(_limits, scope="certificates-badges")
def badge_assertion(code: str) -> Response:
    canonical = normalise_code(code)
    certificate = certificate_by_code(canonical) if canonical else None
    if certificate is None:
        abort(404)
    if certificate.status in (CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED):
        return _json(ob.revoked_assertion(certificate), 410)
    return _json(ob.assertion(certificate))


@blueprint.route("/badges/image.svg")
@public
def badge_image() -> Response:
    response = make_response(render_template("certificates/badge.svg"))
    response.headers["Content-Type"] = "image/svg+xml"
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def connect(plugin: Any) -> None:
    pass

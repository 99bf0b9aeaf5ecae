"""A learner's certificates: the "my certificates" page, the download in any of the four languages, the dashboard
widget and the line on a completed course's page (the ``course-actions`` slot).

The PDF is rendered on each download from the certificate's snapshot (a few tens of milliseconds), so nothing has
to be stored, and a download in another language is the same certificate.
"""

from __future__ import annotations

from typing import Any

from flask import abort, make_response, render_template, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from sonores_lms.config import LANGUAGES
from sonores_lms.navigation import Fragment, NavItem, Widget
from sonores_lms.permissions import signed_in
from sonores_lms.signals import dashboard_widgets, nav_items, template_hook

from ..access import may_see
from ..badges import linkedin_url
from ..blueprint import blueprint
from ..codes import normalise_code
from ..models import Certificate, CertificateStatus
from ..queries import certificate_by_code, certificate_for_course, certificates_of
from ..render import certificate_pdf
from .verify import public_state


def load_certificate(code: str) -> Certificate:
    """The certificate of ``code`` (404 when none) that the reader may see (403 otherwise)."""
    canonical = normalise_code(code)
    certificate = certificate_by_code(canonical) if canonical else None
    if certificate is None:
        abort(404)
    if not may_see(current_user, certificate):
        abort(403)
    return certificate


@blueprint.route("/mine")
@signed_in
def mine() -> str:
    certificates = certificates_of(current_user.id)
    language = str(get_locale() or "fr")
    return render_template(
        "certificates/mine.html",
        certificates=[(c, public_state(c), linkedin_url(c, language)) for c in certificates],
        languages=LANGUAGES,
    )


@blueprint.route("/<code>.pdf")
@signed_in
def download(code: str) -> Response:
    certificate = load_certificate(code)
    language = request.args.get("lang")
    if language is not None and language not in LANGUAGES:
        abort(404)
    data = certificate_pdf(certificate, language)
    response = make_response(data)
    response.headers["Content-Type"] = "application/pdf"
    suffix = f"-{language}" if language else ""
    response.headers["Content-Disposition"] = f'attachment; filename="{certificate.code}{suffix}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


# -- on other pages -----------------------------------------------------------------------------------------------


def widget(user: Any) -> Widget | None:
    """Receiver of ``dashboard-widgets``: the person's latest certificates, when they have any."""
    if not getattr(user, "is_authenticated", False):
        return None
    certificates = [c for c in certificates_of(user.id) if c.status is CertificateStatus.VALID]
    if not certificates:
        return None
    html = Markup(render_template("certificates/_widget.html", certificates=certificates[:3], total=len(certificates)))  # noqa: S704 - autoescaped
    return Widget(name="certificates-mine", title=_l("My certificates"), html=html, weight=20)


def course_certificate(slot: str, **kwargs: Any) -> Fragment | None:
    """Receiver of ``template-hook``: on a completed course's page, the reader's certificate and its download; on
    the profile, the way to "my certificates" (the main menu stays short: the dashboard widget leads there too)."""
    if not current_user.is_authenticated:
        return None
    if slot == "profile-extra":
        html = Markup(render_template("certificates/_profile_link.html"))  # noqa: S704 - autoescaped
        return Fragment("certificates-mine", html, weight=50)
    if slot != "course-actions":
        return None
    certificate = certificate_for_course(current_user.id, kwargs["course"].uid)
    if certificate is None:
        return None
    html = Markup(render_template("certificates/_course_certificate.html", certificate=certificate))  # noqa: S704 - autoescaped
    return Fragment("certificates-course", html, weight=20)


def _nav(_sender: Any) -> NavItem:
    """Every signed-in person has a "my certificates" page, empty until a first course is completed."""
    return NavItem("certificates.mine", _l("My certificates"), weight=25)


def connect(plugin: Any) -> None:
    plugin.connect(nav_items, _nav)
    plugin.connect(dashboard_widgets, widget)
    plugin.connect(template_hook, course_certificate)

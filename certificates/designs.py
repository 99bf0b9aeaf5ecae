"""Certificate templates: saving and deleting them. Services: they flush and audit, never commit.

The form has already checked every text (placeholders, syntax, sandbox); here the rules that need the database:
one template per scope, the version the admin saw, images re-encoded before anything is written.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from courses.api import published_tracks
from sonores_lms.audit.services import record
from sonores_lms.config import LANGUAGES
from sonores_lms.extensions import db
from sonores_lms.multilingual import pick

from .images import store_image
from .models import CertificateTemplate, Orientation, Paper
from .queries import template_by_scope

SIGNATORIES = 3


class DesignError(Exception):
    """A template that cannot be saved as asked; ``message`` is for the admin, ``field`` the field it is about."""

    def __init__(self, message: Any, *, field: str | None = None, status: int = 200) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.status = status


def scope_choices() -> list[tuple[str, Any]]:
    """The network default, then each track of the latest published plan and each of its courses."""
    options: list[tuple[str, Any]] = [("network", _l("The whole network (default)"))]
    for track in published_tracks():
        track_title = pick({lang: track.texts_in(lang).get("title") for lang in LANGUAGES}).text
        options.append((f"track:{track.uid}", _l("Track: %(title)s", title=track_title)))
        for course in track.courses:
            title = pick({lang: course.texts_in(lang).get("title") for lang in LANGUAGES}).text
            options.append((f"course:{course.uid}", _l("Course: %(title)s", title=title)))
    return options


def _file(field: Any) -> bytes | None:
    data = field.data
    if isinstance(data, FileStorage) and data.filename:
        return data.read()
    return None


def save_template(template: CertificateTemplate | None, form: Any, *, actor: Any) -> CertificateTemplate:
    """Create or update a template from a validated :class:`certificates.admin_forms.TemplateForm`."""
    if template is not None and str(template.version) != (form.version.data or ""):
        raise DesignError(_l("Someone else saved this template meanwhile."), status=409)
    other = template_by_scope(form.scope.data)
    if other is not None and other is not template:
        raise DesignError(_l("Another template is already used for this."), field="scope")
    images: dict[str, str] = {}
    for name in ["logo", *(f"sig{n}_image" for n in range(1, SIGNATORIES + 1))]:
        content = _file(form[name])
        if content is not None:
            from .images import ImageError

            try:
                images[name] = store_image(content).uid
            except ImageError as error:
                raise DesignError(error.message, field=name) from error
    if template is None:
        template = CertificateTemplate(scope=form.scope.data, name=form.name.data.strip())
        db.session.add(template)
    template.scope = form.scope.data
    template.name = form.name.data.strip()
    template.auto_issue = bool(form.auto_issue.data)
    template.bilingual = bool(form.bilingual.data)
    template.orientation = Orientation(form.orientation.data)
    template.paper = Paper(form.paper.data)
    template.valid_months = form.valid_months.data or None
    if form.remove_logo.data:
        template.logo_uid = None
    if "logo" in images:
        template.logo_uid = images["logo"]
    previous = {i + 1: s for i, s in enumerate(template.signatories or [])}
    signatories = []
    for n in range(1, SIGNATORIES + 1):
        name, title, _image, remove = form.signatory_fields(n)
        if not (name.data or "").strip():
            continue
        image = None if remove.data else previous.get(n, {}).get("image")
        image = images.get(f"sig{n}_image", image)
        signatories.append({"name": name.data.strip(), "title": (title.data or "").strip(), "image": image})
    template.signatories = signatories
    for language in LANGUAGES:
        title, body = form.text_fields(language)
        values = {"title": title.data or "", "body": body.data or ""}
        if values != {k: template.texts_in(language).get(k, "") for k in values}:
            template.set_texts(language, values)
    db.session.flush()
    record(
        "certificates.template-saved",
        actor=actor,
        target=template,
        target_label=template.name,
        details={"scope": template.scope},
    )
    return template


def fill_form(form: Any, template: CertificateTemplate) -> None:
    """Put a template's values in a form shown for editing (not on a POST: the admin's input is kept)."""
    form.name.data = template.name
    form.scope.data = template.scope
    form.auto_issue.data = template.auto_issue
    form.bilingual.data = template.bilingual
    form.orientation.data = template.orientation.value
    form.paper.data = template.paper.value
    form.valid_months.data = template.valid_months
    form.version.data = str(template.version)
    for language in LANGUAGES:
        title, body = form.text_fields(language)
        title.data = template.texts_in(language).get("title", "")
        body.data = template.texts_in(language).get("body", "")
    for n, signatory in enumerate(template.signatories or [], start=1):
        if n > SIGNATORIES:
            break
        name, title, _image, _remove = form.signatory_fields(n)
        name.data, title.data = signatory.get("name", ""), signatory.get("title", "")


def delete_template(template: CertificateTemplate, *, actor: Any) -> None:
    """Certificates issued with it keep their own copy of the design (their snapshot)."""
    record(
        "certificates.template-deleted", actor=actor, target=template, target_label=template.name,
        details={"scope": template.scope},
    )  # fmt: skip
    db.session.delete(template)
    db.session.flush()


def design_of(template: CertificateTemplate) -> dict[str, Any]:
    """What a preview renders: the template's current texts and settings."""
    return {
        "texts": {lang: template.texts_in(lang) for lang in LANGUAGES if template.texts_in(lang)},
        "signatories": list(template.signatories or []),
        "logo_uid": template.logo_uid,
        "orientation": template.orientation.value,
        "paper": template.paper.value,
        "bilingual": template.bilingual,
    }

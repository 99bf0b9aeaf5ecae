"""A certificate as a PDF: admins' texts rendered in Jinja's sandbox, our layout around them, PDF/A-2u out.

Admins write ``{name}``, ``{course}``... in a template's title and body. Those become Jinja expressions rendered in
the core's sandbox (``sonores_lms.pdf.sandboxed_environment``, its globals removed) with nothing but the placeholders' values (plain
strings): no app, no rows, no attribute walks (``{{ ''.__class__.__mro__ }}`` is refused). The page around them
(layout, fonts, logo, signatures, QR code, code) is our own template, ``certificates/pdf/certificate.html``.

PDF/A-2u: an archival format, as a certificate must open in twenty years the way it does today; part 2 because
the QR code and logos may use transparency (part 1 forbids it), "u" because every character maps to Unicode, so
the holder's name and the code are real, searchable and extractable text in every script. Part 3 would only add
embedded attachments, which a certificate does not need.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import segno
from babel import Locale
from babel.numbers import format_decimal
from flask import current_app, has_request_context
from flask_babel import force_locale, format_date
from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes
from markupsafe import Markup, escape

from sonores_lms.config import LANGUAGES
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.pdf import PdfTemplateError, render_pdf, sandboxed_environment

from .models import Certificate, CertificateImage

PDF_VARIANT = "pdf/a-2u"
PLACEHOLDERS = ("name", "course", "track", "hours", "date", "institute", "country", "code", "verify_url")
_SINGLE = re.compile(r"(?<!\{)\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})")


class TemplateTextError(ValueError):
    """An admin's text that cannot become a certificate: ``problem`` says what, ``detail`` where."""

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else problem)
        self.problem = problem
        self.detail = detail


def to_jinja(text: str) -> str:
    """``{name}`` becomes ``{{ name }}``; anything already in Jinja's syntax is left for the sandbox to judge."""
    return _SINGLE.sub(lambda m: "{{ " + m.group(1) + " }}", text or "")


def _environment() -> Any:
    """The core's sandbox without Jinja's globals (``range``, ``lipsum``, ``cycler``...): only the placeholders."""
    env = sandboxed_environment()
    env.globals.clear()
    return env


def _render(source: str, values: dict[str, str]) -> Markup:
    """Render in the sandbox with the admin's own words escaped too: they write text, not HTML (autoescaping alone
    escapes the values, not the template's literal text, where a ``<style>`` or an ``<img>`` would otherwise pass)."""
    try:
        env = _environment()
        tree = env.parse(source)
        for data in tree.find_all(nodes.TemplateData):
            data.data = str(escape(data.data))
        return Markup(env.from_string(tree).render(values))  # noqa: S704 - autoescaped, literals escaped above
    except TemplateError as error:  # SecurityError and UndefinedError are TemplateErrors
        raise PdfTemplateError(str(error)) from error
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        raise PdfTemplateError(str(error)) from error


def check_text(text: str) -> None:
    """Refuse unknown placeholders, syntax errors and anything the sandbox refuses (raises TemplateTextError)."""
    source = to_jinja(text)
    env = _environment()
    try:
        parsed = env.parse(source)
    except TemplateSyntaxError as error:
        raise TemplateTextError("syntax", f"{error.message} (line {error.lineno})") from error
    unknown = sorted(meta.find_undeclared_variables(parsed) - set(PLACEHOLDERS))
    if unknown:
        raise TemplateTextError("unknown", ", ".join("{" + name + "}" for name in unknown))
    try:
        _render(source, sample_values("fr"))
    except PdfTemplateError as error:
        raise TemplateTextError("unsafe", str(error)) from error


def render_text(text: str, values: dict[str, str]) -> Markup:
    """An admin's text with the placeholders filled, escaped; blank lines make paragraphs, line breaks stay."""
    rendered = _render(to_jinja(text), values)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", str(rendered)) if p.strip()]
    return Markup("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S704 - escaped


def country_name(code: str | None, language: str) -> str:
    if not code:
        return ""
    return Locale.parse(language).territories.get(code.upper(), code.upper())


def hours_text(minutes: int, language: str) -> str:
    return format_decimal(round(minutes / 60, 1), format="#,##0.#", locale=language)


def sample_values(language: str) -> dict[str, str]:
    """What a preview shows: a name with accents and another script, a course, today's date."""
    return {
        "name": "Nguyễn Thị Ñuñoa-São Paulo 北京",
        "course": "Stratégie numérique",
        "track": "Nouvelles formes de communication",
        "hours": hours_text(150, language),
        "date": format_date(utcnow().date(), "long") if has_request_context() else utcnow().date().isoformat(),
        "institute": "Alliance Française de Pétion-Ville",
        "country": country_name("HT", language),
        "code": "SON-7KQ4-X2MP",
        "verify_url": "https://example.org/certificates/verify/SON-7KQ4-X2MP",
    }


def verify_url(code: str) -> str:
    from sonores_lms.security import external_url

    return external_url("certificates.verify", code=code)


def values_for(certificate: Certificate, language: str) -> dict[str, str]:
    """The placeholders' values for one certificate in ``language``: plain strings, from its snapshot."""
    snapshot = certificate.snapshot
    titles = snapshot.get("titles", {})
    tracks = snapshot.get("track_titles", {})
    completed = date.fromisoformat(snapshot["completed_on"]) if snapshot.get("completed_on") else None
    with force_locale(language):
        when = format_date(completed, "long") if completed else ""
    return {
        "name": snapshot.get("holder", ""),
        "course": titles.get(language) or titles.get("fr") or next(iter(titles.values()), ""),
        "track": tracks.get(language) or tracks.get("fr") or next(iter(tracks.values()), ""),
        "hours": hours_text(int(snapshot.get("minutes") or 0), language),
        "date": when,
        "institute": snapshot.get("institute", ""),
        "country": country_name(snapshot.get("country"), language),
        "code": certificate.code,
        "verify_url": verify_url(certificate.code),
    }


DEFAULT_TEXTS = {
    "fr": {
        "title": "Attestation de formation",
        "body": "{name} a suivi avec succès « {course} » ({hours} h), le {date}.",
    },
    "es": {"title": "Certificado de formación", "body": "{name} completó con éxito «{course}» ({hours} h) el {date}."},
    "pt": {"title": "Certificado de formação", "body": "{name} concluiu com êxito «{course}» ({hours} h) em {date}."},
    "en": {
        "title": "Certificate of training",
        "body": "{name} successfully completed “{course}” ({hours} h) on {date}.",
    },
}


@dataclass(frozen=True)
class Side:
    """One language's texts on a certificate (two sides on a bilingual one)."""

    language: str
    title: Markup
    body: Markup


def _texts(design: dict[str, Any], language: str) -> dict[str, str]:
    texts = design.get("texts", {})
    chosen = texts.get(language) or {}
    if not chosen.get("title") and not chosen.get("body"):
        chosen = DEFAULT_TEXTS[language] if language in DEFAULT_TEXTS else DEFAULT_TEXTS["fr"]
    return {"title": chosen.get("title", ""), "body": chosen.get("body", "")}


def languages_of(certificate: Certificate, language: str | None = None) -> list[str]:
    """The languages printed: the one asked for (the holder's by default), with French first when bilingual."""
    wanted = language if language in LANGUAGES else certificate.language
    if certificate.bilingual and wanted != "fr":
        return ["fr", wanted]
    return [wanted]


def _image(uid: str | None) -> str | None:
    if not uid:
        return None
    image = db.session.query(CertificateImage).filter_by(uid=uid).first()
    if image is None:
        return None
    return "data:image/png;base64," + base64.b64encode(image.data).decode("ascii")


def qr_svg(url: str) -> Markup:
    """The QR code as inline SVG: vector, so it prints sharp, and drawn by us, so nothing is fetched."""
    svg = segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#111", light=None, omitsize=False)
    return Markup(svg)  # noqa: S704 - segno's own markup; the URL inside is escaped by segno


def page_context(
    design: dict[str, Any], values_by_language: dict[str, dict[str, str]], *, code: str, url: str
) -> dict[str, Any]:
    sides = []
    for language, values in values_by_language.items():
        texts = _texts(design, language)
        sides.append(Side(language, render_text(texts["title"], values), render_text(texts["body"], values)))
    signatories = [
        {"name": s.get("name", ""), "title": s.get("title", ""), "image": _image(s.get("image"))}
        for s in design.get("signatories", [])
    ]
    return {
        "sides": sides,
        "signatories": signatories,
        "logo": _image(design.get("logo_uid")),
        "orientation": design.get("orientation", "landscape"),
        "paper": "A4" if design.get("paper", "A4") == "A4" else "letter",
        "code": code,
        "verify_url": url,
        "qr": qr_svg(url),
        "issuer": current_app.config["CERTIFICATES_ISSUER_NAME"],
    }


def certificate_pdf(certificate: Certificate, language: str | None = None) -> bytes:
    """The PDF of one certificate in ``language`` (the holder's by default; French beside it when bilingual)."""
    languages = languages_of(certificate, language)

    def build() -> bytes:
        values = {lang: values_for(certificate, lang) for lang in languages}
        main = languages[-1]
        context = page_context(
            certificate.snapshot.get("design", {}), values, code=certificate.code, url=values[main]["verify_url"]
        )
        title_text = re.sub(r"<[^>]+>", " ", str(context["sides"][-1].title)).strip()
        with force_locale(main):
            return render_pdf(
                "certificates/pdf/certificate.html",
                pdf_options={"pdf_variant": PDF_VARIANT},
                doc_title=f"{title_text} – {values[main]['name']}",
                doc_language=main,
                created=certificate.issued_at,
                holder=values[main]["name"],
                **context,
            )

    return _with_request(build)


def preview_pdf(design: dict[str, Any], language: str) -> bytes:
    """A template's preview with sample data (a name in several scripts, today's date)."""

    def build() -> bytes:
        with force_locale(language):
            values = sample_values(language)
        languages = ["fr", language] if design.get("bilingual") and language != "fr" else [language]
        context = page_context(design, {lang: values for lang in languages}, code=values["code"],
                               url=values["verify_url"])  # fmt: skip
        with force_locale(language):
            return render_pdf(
                "certificates/pdf/certificate.html",
                pdf_options={"pdf_variant": PDF_VARIANT},
                doc_title=str(escape(values["course"])),
                doc_language=language,
                created=utcnow(),
                holder=values["name"],
                **context,
            )

    return _with_request(build)


def _with_request(fn: Any) -> Any:
    if has_request_context():
        return fn()
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
        return fn()


def thumbnail_png(pdf: bytes, *, dpi: int = 36) -> bytes | None:
    """The first page as a small PNG, drawn by Poppler's ``pdftoppm`` (Debian's poppler-utils); None where the tool
    is missing or fails, and the page then offers only the PDF."""
    import shutil
    import subprocess

    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    result = subprocess.run(  # noqa: S603 - a fixed program, our own PDF on its standard input
        [tool, "-png", "-r", str(dpi), "-singlefile", "-f", "1", "-l", "1", "-"],
        input=pdf,
        capture_output=True,
        timeout=30,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.startswith(b"\x89PNG"):
        return None
    return result.stdout

"""Templates: saved with texts in four languages and their translation status; an unknown placeholder, a syntax
error or a sandbox escape is a message on save and nothing saved; images are re-encoded, SVG and non-images are
refused; the preview is a PDF and a PNG thumbnail with sample data."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import func, select

from certificates.models import CertificateImage, CertificateTemplate
from sonores_lms.multilingual import TranslationStatus


def form(**values):
    data = {
        "name": "Réseau",
        "scope": "network",
        "auto_issue": "y",
        "orientation": "landscape",
        "paper": "A4",
        "title_fr": "Attestation de formation",
        "body_fr": "{name} a suivi « {course} » ({hours} h) le {date}.",
        "title_es": "Certificado",
        "body_es": "{name} completó «{course}».",
    }
    data.update(values)
    return data


def png(color="red", size=(40, 20), **info) -> bytes:
    out = io.BytesIO()
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    for key, value in info.items():
        meta.add_text(key, value)
    Image.new("RGB", size, color).save(out, format="PNG", pnginfo=meta)
    return out.getvalue()


def templates(db):
    return db.session.scalar(select(func.count()).select_from(CertificateTemplate))


def test_a_template_is_saved_with_its_texts_and_translation_status(admin_client, db):
    response = admin_client.post("/certificates/admin/templates/new", data=form(valid_months="24"))
    template = db.session.scalars(select(CertificateTemplate)).one()
    assert response.status_code == 302 and template.valid_months == 24 and template.scope == "network"
    assert template.texts_in("es")["title"] == "Certificado"
    assert template.translation_status("es") is TranslationStatus.UP_TO_DATE
    assert template.translation_status("pt") is TranslationStatus.MISSING
    page = admin_client.get(f"/certificates/admin/templates/{template.uid}").get_data(as_text=True)
    assert "Attestation de formation" in page and "up to date" in page
    data = form(body_fr="{name} a terminé « {course} ».", version=str(template.version))
    assert admin_client.post(f"/certificates/admin/templates/{template.uid}", data=data).status_code == 302
    db.session.refresh(template)
    assert template.translation_status("es") is TranslationStatus.STALE
    stale = form(version="1")  # the version seen before someone else's save
    assert admin_client.post(f"/certificates/admin/templates/{template.uid}", data=stale).status_code == 409


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("body_fr", "Bonjour {nom}", "Unknown placeholder: {nom}"),
        ("body_es", "{name} {% if %}", "This text cannot be read"),
        ("body_fr", "{{ ''.__class__.__mro__ }}", "something other than the placeholders"),
        ("title_en", "{{ name.__class__.__base__.__subclasses__() }}", "something other than the placeholders"),
        ("body_pt", "{{ config }}", "Unknown placeholder: {config}"),
        ("body_fr", "{{ self.__init__.__globals__ }}", "something other than the placeholders"),
        ("body_fr", "{{ range(10) }}", "Unknown placeholder: {range}"),
    ],
)
def test_bad_texts_are_a_message_and_nothing_is_saved(admin_client, db, field, text, message):
    response = admin_client.post("/certificates/admin/templates/new", data=form(**{field: text}))
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert templates(db) == 0


def test_the_french_title_is_required(admin_client, db):
    response = admin_client.post("/certificates/admin/templates/new", data=form(title_fr=""))
    assert response.status_code == 400 and "The French title is required" in response.get_data(as_text=True)
    assert templates(db) == 0


def test_one_template_per_scope(admin_client, make_template, db):
    make_template("network")
    response = admin_client.post("/certificates/admin/templates/new", data=form())
    assert response.status_code == 400 and "Another template is already used" in response.get_data(as_text=True)
    assert templates(db) == 1


def test_images_are_re_encoded_and_svg_or_non_images_refused(admin_client, db):
    data = form(logo=(io.BytesIO(png(Comment="secret")), "logo.png"), sig1_name="Marie Curie", sig1_title="Directrice",
                sig1_image=(io.BytesIO(png("blue", (3000, 600))), "signature.png"))  # fmt: skip
    response = admin_client.post("/certificates/admin/templates/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    template = db.session.scalars(select(CertificateTemplate)).one()
    logo = db.session.scalars(select(CertificateImage).where(CertificateImage.uid == template.logo_uid)).one()
    assert logo.data.startswith(b"\x89PNG") and b"secret" not in logo.data
    signature = db.session.scalars(
        select(CertificateImage).where(CertificateImage.uid == template.signatories[0]["image"])
    ).one()
    assert max(signature.width, signature.height) == 1200  # shrunk
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for content, name in ((svg, "logo.svg"), (b"%PDF-1.4 not an image", "logo.png"), (b"", "empty.png")):
        response = admin_client.post(
            "/certificates/admin/templates/new",
            data=form(scope="network", name="Autre", logo=(io.BytesIO(content), name)),
            content_type="multipart/form-data",
        )
        assert response.status_code == 400
    assert templates(db) == 1 and db.session.scalar(select(func.count()).select_from(CertificateImage)) == 2


def test_the_preview_pdf_and_thumbnail_use_sample_data(admin_client, make_template):
    template = make_template()
    response = admin_client.get(f"/certificates/admin/templates/{template.uid}/preview.pdf?lang=pt")
    text = PdfReader(io.BytesIO(response.data)).pages[0].extract_text()
    assert response.mimetype == "application/pdf" and "Certificado de formação" in text and "北京" in text
    assert admin_client.get(f"/certificates/admin/templates/{template.uid}/preview.pdf?lang=xx").status_code == 404
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is installed by scripts/system-deps.sh")
    response = admin_client.get(f"/certificates/admin/templates/{template.uid}/preview.png?lang=es")
    assert response.mimetype == "image/png"
    with Image.open(io.BytesIO(response.data)) as image:
        assert image.width > image.height  # landscape


def test_deleting_a_template_keeps_issued_designs(admin_client, make_template, completed, db):
    template = make_template()
    completed()
    response = admin_client.post(f"/certificates/admin/templates/{template.uid}/delete")
    assert response.status_code == 302 and templates(db) == 0
    from certificates.models import Certificate

    certificate = db.session.scalars(select(Certificate)).one()
    assert certificate.snapshot["design"]["texts"]["fr"]["title"] == "Attestation de formation"

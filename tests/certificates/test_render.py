"""The PDF: PDF/A-2u with its metadata, the holder's name and the code as real text in every language and script,
a QR code drawn as SVG; admins' texts in the sandbox with only the placeholders."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from certificates.models import Certificate
from certificates.render import PLACEHOLDERS, TemplateTextError, certificate_pdf, check_text, preview_pdf, to_jinja

NAMES = ["Ñuñoa Pérez", "João de São Paulo", "Marie-Ange de Pétion-Ville", "Nguyễn Thị Hằng", "李 北京"]


def read(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages), reader


@pytest.mark.parametrize(("language", "last_name"), list(zip(["fr", "es", "pt", "en", "fr"], NAMES, strict=True)))
def test_the_pdf_carries_the_name_the_code_and_metadata_in_each_language(
    completed, make_template, db, language, last_name
):
    make_template()
    completed(first_name="", last_name=last_name, locale=language)
    certificate = db.session.scalars(select(Certificate)).one()
    data = certificate_pdf(certificate)
    text, reader = read(data)
    assert last_name in text and certificate.code in text
    assert certificate.title(language) in text or certificate.title("fr") in text
    info = reader.metadata
    assert info.title and last_name in info.title
    assert info.author.startswith("Réseau des Alliances") and info.creation_date is not None
    xmp = reader.xmp_metadata.stream.get_data()
    assert b"pdfaid" in xmp and b"<pdfaid:part>2</pdfaid:part>" in xmp or b'pdfaid:part="2"' in xmp
    assert reader.trailer["/Root"]["/Lang"] == language
    assert len(reader.pages) == 1


def test_any_of_the_four_languages_later_and_bilingual_with_french(completed, make_template, db):
    make_template(bilingual=True)
    completed(locale="pt")
    certificate = db.session.scalars(select(Certificate)).one()
    text, _ = read(certificate_pdf(certificate))
    assert "Attestation de formation" in text and "Certificado de formação" in text  # French + Portuguese
    text, _ = read(certificate_pdf(certificate, "en"))
    assert "Attestation de formation" in text and "Certificate of training" in text
    certificate.bilingual = False
    text, reader = read(certificate_pdf(certificate, "es"))
    assert "Certificado de formación" in text and "Attestation" not in text
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_the_qr_code_is_vector_and_leads_to_the_verification_page(completed, make_template, db):
    from certificates.render import qr_svg

    svg = str(qr_svg("http://localhost/certificates/verify/SON-7KQ4-X2MP"))
    assert svg.startswith("<svg") and "<path" in svg
    make_template()
    completed()
    certificate = db.session.scalars(select(Certificate)).one()
    text, reader = read(certificate_pdf(certificate))
    assert f"/certificates/verify/{certificate.code}" in text.replace("\n", "")
    assert not reader.pages[0].images  # the QR code is drawn, not a bitmap


def test_placeholders_become_sandboxed_expressions():
    assert to_jinja("Bravo {name}, {course} !") == "Bravo {{ name }}, {{ course }} !"
    for name in PLACEHOLDERS:
        check_text("{" + name + "}")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Bonjour {nom}", "unknown"),
        ("{name} {{ config }}", "unknown"),
        ("{% if %}", "syntax"),
        ("{{ name", "syntax"),
        ("{{ ''.__class__.__mro__ }}", "unsafe"),
        ("{{ name.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
        ("{{ name.__init__.__globals__ }}", "unsafe"),
        ("{{ 'x' * 10000000 }}", "unsafe"),
        ("{{ name.format.__globals__ }}", "unsafe"),
        ("{% for x in range(10**9) %}{% endfor %}", "unknown"),
        ("{{ cycler.__init__.__globals__.os }}", "unknown"),
        ("{{ lipsum.__globals__ }}", "unknown"),
    ],
)
def test_unknown_placeholders_syntax_errors_and_sandbox_escapes_are_refused(text, problem):
    with pytest.raises(TemplateTextError) as refused:
        check_text(text)
    assert refused.value.problem == problem


def test_a_preview_uses_sample_data_in_the_language_asked(app, db):
    from certificates.render import DEFAULT_TEXTS

    design = {"texts": DEFAULT_TEXTS, "orientation": "portrait", "paper": "letter", "signatories": []}
    text, reader = read(preview_pdf(design, "es"))
    assert "Certificado de formación" in text and "北京" in text and "Ñuñoa" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)  # Letter, portrait


def test_admin_text_cannot_inject_markup_and_images_are_embedded(completed, make_template, db):
    import io as _io

    from PIL import Image as PILImage

    from certificates.images import store_image
    from certificates.render import render_text

    assert str(render_text("<img src='http://evil.example/x.png'> {name}", {"name": "<b>Ana</b>"})) == (
        "<p>&lt;img src=&#39;http://evil.example/x.png&#39;&gt; &lt;b&gt;Ana&lt;/b&gt;</p>"
    )
    made = []
    for color in ("navy", "darkred"):
        out = _io.BytesIO()
        PILImage.new("RGB", (120, 40), color).save(out, format="PNG")
        made.append(store_image(out.getvalue()))
    logo, signature = made
    make_template(logo_uid=logo.uid, signatories=[{"name": "Marie", "title": "Directrice", "image": signature.uid}])
    completed()
    certificate = db.session.scalars(select(Certificate)).one()
    text, reader = read(certificate_pdf(certificate))
    assert len(reader.pages[0].images) == 2 and "Marie" in text and "Directrice" in text

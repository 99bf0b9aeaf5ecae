"""Files of a resource: checked by content and against their name, images re-encoded and resized, streamed."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from knowledge import files

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(width=2400, height=1200):
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.save(out, format="PNG", pnginfo=_with_text())
    return out.getvalue()


def _with_text():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Secret GPS 12.0 -77.0")
    return info


@pytest.fixture
def kit(make_resource, client_as):
    curator = client_as("admin")
    return curator, make_resource(curator.user)


def upload(client, resource, content, name):
    return client.post(
        f"/knowledge/r/{resource.uid}/files",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def test_a_pdf_is_attached_and_downloaded(kit, db, client_as):
    curator, resource = kit
    assert upload(curator, resource, PDF, "budget.pdf").status_code == 302
    db.session.expire_all()
    attachment = resource.attachments[0]
    assert attachment.content_type == "application/pdf" and attachment.filename == "budget.pdf"
    assert len(attachment.uid) == 32  # unguessable
    response = client_as("staff").get(f"/knowledge/files/{attachment.uid}")
    assert response.status_code == 200 and response.data == PDF
    assert "attachment" in response.headers["Content-Disposition"]
    response.close()


def test_content_that_does_not_match_its_name_is_refused(kit, db):
    curator, resource = kit
    response = upload(curator, resource, png(10, 10), "budget.pdf")
    assert response.status_code == 302
    page = curator.get(response.headers["Location"]).get_data(as_text=True)
    assert "does not match its name" in page
    db.session.expire_all()
    assert resource.attachments == []


def test_a_file_of_another_kind_is_refused(kit, db):
    curator, resource = kit
    upload(curator, resource, b"#!/bin/sh\necho hello\n", "script.pdf")
    db.session.expire_all()
    assert resource.attachments == []


def test_images_are_resized_and_lose_their_metadata(kit, db, app):
    curator, resource = kit
    assert upload(curator, resource, png(), "affiche.png").status_code == 302
    db.session.expire_all()
    attachment = resource.attachments[0]
    assert (attachment.width, attachment.height) == (1600, 800)
    with app.app_context():
        stored = files.path_of(attachment).read_bytes()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (1600, 800) and "Author" not in image.info


def test_a_file_over_the_limit_is_refused_with_413_and_nothing_kept(kit, db, app, monkeypatch):
    curator, resource = kit
    monkeypatch.setitem(app.config, "KNOWLEDGE_UPLOAD_MAX", 1000)
    response = upload(curator, resource, PDF + b"0" * 5000, "big.pdf")
    assert response.status_code == 413
    db.session.expire_all()
    assert resource.attachments == []
    with app.app_context():
        assert not any(files.folder().rglob("*.part"))


def test_large_files_are_streamed_in_chunks(app, db, make_resource, monkeypatch):
    """Reads of at most a chunk each: a recording is never held whole in memory."""
    resource = make_resource()
    reads = []

    class Stream(io.BytesIO):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    content = PDF + b"0" * (3 * files.CHUNK)
    with app.test_request_context():
        attachment = files.attach(resource, Stream(content), "long.pdf", actor=None)
        assert attachment.size == len(content)
        assert files.path_of(attachment).stat().st_size == len(content)
    assert reads and all(0 < size <= files.CHUNK for size in reads)


def test_a_drafts_file_is_not_for_everyone(make_resource, client_as, db):
    author = client_as("staff")
    draft = make_resource(author.user, status="draft")
    assert upload(author, draft, PDF, "plan.pdf").status_code == 302
    db.session.expire_all()
    uid = draft.attachments[0].uid
    response = author.get(f"/knowledge/files/{uid}")
    assert response.status_code == 200
    response.close()
    assert client_as("staff").get(f"/knowledge/files/{uid}").status_code == 403

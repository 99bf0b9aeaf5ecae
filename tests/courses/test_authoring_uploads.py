"""Uploads: checked by content whatever the name, limited in size (413 with a message), images resized, served."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from courses.authoring import AuthoringError, Upload, save_item
from courses.models import StoredFile
from courses.uploads import path_of
from sonores_lms.audit.models import AuditEntry

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"


@pytest.fixture(autouse=True)
def upload_folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


@pytest.fixture
def file_lesson(make_plan, db):
    plan = make_plan(published=False)
    lesson = plan.axes[0].tracks[0].courses[0].modules[0].lessons[1]
    lesson.kind = "file"
    db.session.flush()
    return lesson


def form(lesson, content: bytes, name: str, **extra):
    data = {
        "version": lesson.version,
        "kind": lesson.kind,
        "duration_minutes": lesson.duration_minutes,
        "required": "y",
        "fr-title": lesson.texts_in("fr")["title"],
        "fr-body": lesson.texts_in("fr").get("body", ""),
        "upload": (io.BytesIO(content), name),
        **extra,
    }
    return data


def post(client, lesson, content: bytes, name: str):
    """A multipart body encoded in memory (the test client would spool a large one to a file it never closes)."""
    fields = form(lesson, content, name, csrf_token=client.csrf_token())
    stream, filename = fields.pop("upload")
    fields["upload"] = FileStorage(stream=stream, filename=filename, content_type="application/octet-stream")
    boundary, body = encode_multipart(MultiDict(fields))
    return client.post(
        f"/courses/author/lessons/{lesson.id}",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def stored_of(db, lesson) -> StoredFile:
    return db.session.scalars(select(StoredFile).where(StoredFile.uid == lesson.data["file_id"])).one()


def files(db) -> int:
    return db.session.scalar(select(func.count()).select_from(StoredFile))


@pytest.mark.parametrize(
    ("content", "name"),
    [(EXE, "programme-de-formation.pdf"), (b"just some words, not a picture\n" * 20, "affiche.png"), (b"", "vide.pdf")],
)
def test_uploads_are_refused_by_content_whatever_their_name(file_lesson, admin_client, db, content, name):
    response = post(admin_client, file_lesson, content, name)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "not accepted" in page or "empty" in page
    db.session.expire_all()
    assert files(db) == 0 and "file_id" not in (file_lesson.data or {})


def test_a_pdf_is_stored_by_its_hash_and_downloaded_as_an_attachment(file_lesson, admin_client, db):
    response = post(admin_client, file_lesson, PDF, "../../programme.exe")
    assert response.status_code == 302
    db.session.expire_all()
    stored = stored_of(db, file_lesson)
    assert (stored.content_type, stored.filename, stored.size) == ("application/pdf", "programme.pdf", len(PDF))
    assert path_of(stored).read_bytes() == PDF and path_of(stored).parent.name == stored.sha256[:2]
    download = admin_client.get(f"/courses/files/{stored.uid}")
    assert download.status_code == 200 and download.data == PDF
    assert download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    download.close()
    assert db.session.scalars(select(StoredFile.id)).all() == [stored.id]
    assert db.session.scalars(select(AuditEntry.action).where(AuditEntry.action == "courses.file-uploaded")).all()


def test_an_image_is_resized_stripped_and_shown_lazily_with_its_size(file_lesson, admin_client, db):
    picture = Image.new("RGB", (3200, 1000), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    raw = io.BytesIO()
    picture.save(raw, format="JPEG", exif=exif)
    assert post(admin_client, file_lesson, raw.getvalue(), "scene.jpg").status_code == 302
    db.session.expire_all()
    stored = stored_of(db, file_lesson)
    assert (stored.width, stored.height, stored.content_type) == (1600, 500, "image/jpeg")
    with Image.open(path_of(stored)) as saved:
        assert saved.size == (1600, 500) and not saved.getexif()
    assert (file_lesson.data["width"], file_lesson.data["height"]) == (1600, 500)  # for learners' pages
    editor = admin_client.get(f"/courses/author/lessons/{file_lesson.id}").get_data(as_text=True)
    assert 'loading="lazy" width="1600" height="500"' in editor
    shown = admin_client.get(f"/courses/files/{stored.uid}")
    assert shown.mimetype == "image/jpeg" and "attachment" not in shown.headers.get("Content-Disposition", "")
    shown.close()


def test_a_file_over_the_limit_keeps_the_editor_and_what_was_typed(file_lesson, admin_client, app, monkeypatch, db):
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_MAX_OTHER", 1024)
    fields = form(file_lesson, PDF + b"%" * 4000, "gros.pdf", csrf_token=admin_client.csrf_token())
    fields["fr-body"] = "Un texte tapé avec soin pendant une heure."
    response = admin_client.post(f"/courses/author/lessons/{file_lesson.id}", data=fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert f'action="/courses/author/lessons/{file_lesson.id}"' in page or 'class="editor"' in page  # the editor
    assert "Un texte tapé avec soin pendant une heure." in page  # nothing typed is lost
    assert 'id="upload-error"' in page and "files up to 1 KB are accepted" in page
    assert files(db) == 0
    db.session.expire_all()
    assert "Un texte" not in file_lesson.texts_in("fr").get("body", "")  # and nothing half-saved


def test_a_body_over_the_request_limit_gets_a_413_page_that_says_why(file_lesson, admin_client, app, monkeypatch, db):
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_MAX_OTHER", 1024)
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_MAX_VIDEO", 2048)
    response = post(admin_client, file_lesson, PDF + b"%" * (1024 * 1024 + 10_000), "enorme.pdf")
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "Videos up to 2 KB and other files up to 1 KB are accepted." in page
    # The editor comes back (not an error page in its place), its file field saying why and that nothing was saved.
    assert 'class="editor"' in page and 'id="upload-error"' in page and "Nothing was saved" in page
    assert 'value="Leçon 1.2"' in page
    assert files(db) == 0


def test_the_file_field_tells_the_browser_its_limit(file_lesson, admin_client, app, monkeypatch):
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_MAX_OTHER", 2048)
    page = admin_client.get(f"/courses/author/lessons/{file_lesson.id}").get_data(as_text=True)
    assert 'data-max-bytes="2048"' in page and "files up to 2 KB are accepted here" in page


def test_a_body_over_the_limit_on_someone_elses_lesson_gets_the_plain_413_page(
    file_lesson, client_as, app, monkeypatch
):
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_MAX_OTHER", 1024)
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_MAX_VIDEO", 2048)
    trainer = client_as("trainer")  # assigned nothing: the editor is not theirs to see
    response = post(trainer, file_lesson, PDF + b"%" * (1024 * 1024 + 10_000), "enorme.pdf")
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and 'class="editor"' not in page and "Leçon 1.2" not in page


def test_a_video_larger_than_the_site_wide_limit_is_accepted_up_to_its_own(file_lesson, admin_client, app, db):
    file_lesson.kind = "video"
    db.session.flush()
    big = io.BytesIO()
    # An MP4 header ("ftyp") followed by padding: larger than MAX_CONTENT_LENGTH, under the video limit.
    big.write(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
    big.write(b"\x00" * (app.config["MAX_CONTENT_LENGTH"] + 1024))
    response = post(admin_client, file_lesson, big.getvalue(), "concert.mp4")
    assert response.status_code == 302
    db.session.expire_all()
    assert stored_of(db, file_lesson).content_type == "video/mp4"


def test_stored_files_need_a_signed_in_person(file_lesson, admin_client, client, db):
    post(admin_client, file_lesson, PDF, "programme.pdf")
    db.session.expire_all()
    response = client.get(f"/courses/files/{file_lesson.data['file_id']}")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


# -- who may fetch a file ---------------------------------------------------------------------------------------------
@pytest.fixture
def uploaded(file_lesson, admin_client, db):
    """A PDF uploaded by an admin to a lesson of a draft plan."""
    assert post(admin_client, file_lesson, PDF, "programme.pdf").status_code == 302
    db.session.expire_all()
    return stored_of(db, file_lesson)


def status(client, stored) -> int:
    response = client.get(f"/courses/files/{stored.uid}")
    response.close()
    return response.status_code


def test_files_are_named_by_an_unguessable_uid_not_by_their_number(uploaded, file_lesson, admin_client):
    assert file_lesson.data["file_id"] == uploaded.uid and len(uploaded.uid) == 32
    assert uploaded.uid != str(uploaded.id)
    assert status(admin_client, uploaded) == 200
    assert admin_client.get(f"/courses/files/{uploaded.id}").status_code == 404  # counting finds nothing


def test_a_drafts_file_is_for_its_authors_only(uploaded, file_lesson, client_as, db):
    from courses.models import Assignment

    course = file_lesson.module.course
    assigned = client_as("trainer")
    db.session.add(Assignment(user_id=assigned.user.id, course_uid=course.uid))
    db.session.flush()
    assert status(assigned, uploaded) == 200
    for role in ("staff", "trainer", "auditor"):  # the trainer is assigned nothing
        assert status(client_as(role), uploaded) == 404, role
    director = client_as("admin", institute_id=None)
    assert status(director, uploaded) == 200  # a network admin authors everything


def test_a_published_lessons_file_is_for_those_who_may_read_the_lesson(uploaded, file_lesson, client_as, db):
    from courses.models import PlanStatus
    from sonores_lms.database import utcnow

    plan = file_lesson.module.course.track.axis.plan
    plan.status, plan.published_at = PlanStatus.PUBLISHED, utcnow()
    db.session.flush()
    staff, trainer = client_as("staff"), client_as("trainer")
    assert status(staff, uploaded) == 200 and status(trainer, uploaded) == 200
    # Reserved for staff: the trainer may not read the lesson, so not its file either.
    file_lesson.module.course.audience = ["staff"]
    db.session.flush()
    assert status(staff, uploaded) == 200 and status(trainer, uploaded) == 404


def test_a_locked_lessons_file_waits_for_the_lesson(uploaded, file_lesson, client_as, db):
    from datetime import timedelta

    from courses.models import PlanStatus
    from sonores_lms.database import utcnow

    plan = file_lesson.module.course.track.axis.plan
    plan.status, plan.published_at = PlanStatus.PUBLISHED, utcnow()
    file_lesson.release_at = utcnow() + timedelta(days=3)
    db.session.flush()
    staff = client_as("staff")
    assert staff.get(f"/courses/learn/lesson/{file_lesson.uid}").status_code == 403
    assert status(staff, uploaded) == 404
    file_lesson.release_at = None
    db.session.flush()
    assert status(staff, uploaded) == 200


def test_a_file_used_by_no_lesson_is_for_its_uploader_only(uploaded, file_lesson, admin_client, client_as, db):
    file_lesson.data = {}
    db.session.flush()
    assert status(admin_client, uploaded) == 200  # who uploaded it
    assert status(client_as("admin"), uploaded) == 404  # nobody else: nothing uses it


def stored_contents(folder) -> list[str]:
    return sorted(path.name for path in folder.rglob("*") if path.is_file())


def test_a_stale_edit_with_a_file_keeps_neither_its_row_nor_its_content(file_lesson, admin_client, upload_folder, db):
    """The file is stored before the version is checked (the settings name it): the refusal takes both back."""
    fields = form(file_lesson, PDF, "programme.pdf", csrf_token=admin_client.csrf_token())
    fields["version"] = file_lesson.version - 1
    stream, filename = fields.pop("upload")
    fields["upload"] = FileStorage(stream=stream, filename=filename, content_type="application/pdf")
    boundary, body = encode_multipart(MultiDict(fields))
    response = admin_client.post(
        f"/courses/author/lessons/{file_lesson.id}", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 409
    assert "Their version, as saved" in response.get_data(as_text=True)
    db.session.expire_all()
    assert files(db) == 0 and "file_id" not in (file_lesson.data or {})
    assert stored_contents(upload_folder) == []


def test_a_refused_save_commits_no_orphan_file(make_plan, create_user, app, upload_folder, db):
    """A refusal after the upload (here: the plan is published) leaves no StoredFile row to commit and no file."""
    plan = make_plan(published=True)
    lesson = plan.axes[0].tracks[0].courses[0].modules[0].lessons[1]
    admin = create_user(roles=["admin"])
    audit_before = db.session.scalar(select(func.count()).select_from(AuditEntry))
    with app.test_request_context():
        with pytest.raises(AuthoringError):
            save_item(
                lesson,
                actor=admin,
                version=lesson.version,
                settings=lambda stored: {"data": {"file_id": stored.uid}},
                texts={},
                upload=Upload(io.BytesIO(PDF), "programme.pdf", "file"),
            )
        db.session.commit()  # what the request would commit after showing the refusal
    assert files(db) == 0
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
    assert stored_contents(upload_folder) == []


def test_content_still_named_by_a_row_is_kept_when_another_save_is_refused(file_lesson, make_plan, create_user, app,
                                                                           admin_client, upload_folder, db):  # fmt: skip
    assert post(admin_client, file_lesson, PDF, "programme.pdf").status_code == 302
    published = make_plan(2028, published=True).axes[0].tracks[0].courses[0].modules[0].lessons[1]
    with app.test_request_context(), pytest.raises(AuthoringError):
        save_item(
            published,
            actor=create_user(roles=["admin"]),
            version=published.version,
            settings=lambda stored: {},
            texts={},
            upload=Upload(io.BytesIO(PDF), "copie.pdf", "file"),
        )
    assert files(db) == 1 and len(stored_contents(upload_folder)) == 1

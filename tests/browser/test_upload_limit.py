"""The lesson editor in a real browser: a file over its field's limit is refused before it is sent, so the text
typed beside it stays in the page (the server could not read it from a body over the request limit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def file_lesson(live_app: Any) -> int:
    """A file lesson in a draft plan of a year of its own, committed for real."""
    from sqlalchemy import func, select

    from courses.models import Plan
    from sonores_lms.extensions import db
    from tests.fixtures.courses import build_plan

    with live_app.app_context():
        year = max(db.session.scalar(select(func.max(Plan.year))) or 0, 2026) + 1
        plan = build_plan(year, courses=1, lessons=1, published=False, kind="file")
        lesson = plan.axes[0].tracks[0].courses[0].modules[0].lessons[0]
        lesson.set_texts("fr", {"title": "Programme du festival", "body": "Avant."})
        db.session.add(plan)
        db.session.commit()
        return lesson.id


def test_a_file_over_the_limit_is_refused_before_the_typed_text_is_lost(
    live_app: Any, live_user: Callable[..., Any], new_context: Callable[..., Any], file_lesson: int,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
) -> None:  # fmt: skip
    from courses.models import Lesson
    from sonores_lms.extensions import db

    monkeypatch.setitem(live_app.config, "COURSES_UPLOAD_MAX_OTHER", 1024)
    monkeypatch.setitem(live_app.config, "COURSES_UPLOAD_FOLDER", str(tmp_path / "uploads"))
    admin = live_user(role="admin", locale="fr")
    page = new_context().new_page()
    page.goto("/sign-in")
    page.fill("#email", admin.email)
    page.fill("#password", admin.password)
    page.click("#submit")
    page.goto(f"/courses/author/lessons/{file_lesson}")
    body = page.locator("textarea[name='fr-body']")
    body.fill("Une heure de rédaction soignée.")
    upload = page.locator("input[type=file][name=upload]")
    expect(upload).to_have_attribute("data-max-bytes", "1024")
    upload.set_input_files({"name": "gros.pdf", "mimeType": "application/pdf", "buffer": PDF + b"%" * 4000})
    page.evaluate("window.stillHere = true")
    page.click("form.editor button[type=submit]")
    expect(upload).to_have_js_property("validationMessage", upload.get_attribute("data-too-large"))
    assert page.evaluate("window.stillHere === true")  # nothing was sent: the page did not reload
    expect(body).to_have_value("Une heure de rédaction soignée.")
    with live_app.app_context():
        assert db.session.get(Lesson, file_lesson).texts_in("fr")["body"] == "Avant."
    # A file within the limit goes through, with the text.
    upload.set_input_files({"name": "programme.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.click("form.editor button[type=submit]")
    expect(page.locator(".form-errors")).to_have_count(0)
    expect(page.locator("textarea[name='fr-body']")).to_have_value("Une heure de rédaction soignée.")
    with live_app.app_context():
        saved = db.session.get(Lesson, file_lesson)
        assert saved.texts_in("fr")["body"] == "Une heure de rédaction soignée." and saved.data.get("file_id")

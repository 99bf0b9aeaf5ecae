"""The audit log speaks words: people by name, objects by title, roles and statuses in the reader's language."""

from __future__ import annotations

import re

import pytest

from sonores_lms.audit.services import record


def row_text(page: str) -> str:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_core_details_read_as_words(client_as, create_user, create_institute, db):
    admin = client_as("admin", locale="en")
    lima = create_institute(name="Alliance Française de Lima")
    person = create_user("ana@example.org", first_name="Ana", last_name="Quispe")
    record("core.role-granted", actor=admin.user, target=person, details={"role": "admin", "institute_id": lima.id})
    record("core.person-updated", actor=admin.user, target=person, details={"fields": ["first_name", "institute_id"]})
    record(
        "core.person-invited",
        actor=admin.user,
        target=person,
        details={"roles": ["staff@network", f"trainer@{lima.id}"]},
    )
    record(
        "core.setting-changed", actor=admin.user, target_label="core.network_name", details={"old": None, "new": True}
    )
    text = row_text(admin.get("/admin/audit/").get_data(as_text=True))
    assert "Ana Quispe (ana@example.org)" in text
    assert f"User {person.id}" not in text
    assert "Role: Administrator" in text
    assert "Institute: Alliance Française de Lima" in text
    assert "Changed: First name, Institute" in text
    assert "Roles: Staff (whole network), Trainer (Alliance Française de Lima)" in text
    assert "Before: none" in text and "After: yes" in text
    assert "None" not in text and "True" not in text


def test_plugin_details_read_as_words(client_as, create_user, make_plan, db):

    admin = client_as("admin", locale="es")
    learner = create_user("lea@example.org", first_name="Lea", last_name="Souza")
    plan = make_plan()
    course = plan.axes[0].tracks[0].courses[0]
    record(
        "courses.enrolled",
        actor=learner,
        target=learner,
        target_label="Cours 1",
        details={"user_id": learner.id, "course_uid": course.uid, "previous": "withdrawn"},
    )
    text = row_text(admin.get("/admin/audit/").get_data(as_text=True))
    assert "Lea Souza (lea@example.org)" in text
    assert "Curso: Cours 1" in text
    assert "Antes: retirado" in text
    assert course.uid not in text
    assert "withdrawn" not in text


@pytest.mark.parametrize(("lang", "word"), [("fr", "Rôle\u00a0:"), ("pt", "Função:")])
def test_labels_follow_the_readers_language(lang, word, client_as, create_user, db):
    admin = client_as("admin", locale=lang)
    person = create_user()
    record("core.role-granted", actor=admin.user, target=person, details={"role": "trainer", "institute_id": None})
    assert f"<strong>{word}</strong>" in admin.get("/admin/audit/").get_data(as_text=True)

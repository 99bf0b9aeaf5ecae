"""Authoring: who may edit what, the multilingual editor, conflicts, reordering and previews.

The year's, a track's and a course's pages (and read-only browsing of a published revision) are in
test_authoring_pages.py."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from courses.models import Assignment, Course, Lesson, Plan, PlanStatus
from sonores_lms.audit.models import AuditEntry
from sonores_lms.multilingual import TranslationStatus
from tests.courses.kinds import QUIZ, registered


def text_of(page: str) -> str:
    """The page's text without tags, spaces normalised: what a reader sees."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split()).replace(" ·", " ·")


def lessons_of(plan):
    return [
        lesson for axis in plan.axes for t in axis.tracks for c in t.courses for m in c.modules for lesson in m.lessons
    ]


def courses_of(plan):
    return [course for axis in plan.axes for track in axis.tracks for course in track.courses]


@pytest.fixture
def draft(make_plan):
    return make_plan(published=False)


def lesson_form(lesson, **changes):
    """What the lesson editor sends when nothing is changed, with ``changes`` on top (``fr-title`` style keys)."""
    data = {
        "version": lesson.version,
        "kind": lesson.kind,
        "duration_minutes": lesson.duration_minutes,
        "url": (lesson.data or {}).get("url", ""),
        "session_note": "",
        "release_at": "",
    }
    if lesson.required:
        data["required"] = "y"
    for lang in ("fr", "es", "pt", "en"):
        stored = lesson.texts_in(lang)
        for name in ("title", "body", "transcript"):
            data[f"{lang}-{name}"] = stored.get(name, "")
    data.update(changes)
    return data


# -- permissions -----------------------------------------------------------------------------------------------------
def test_a_trainer_edits_only_what_an_assignment_gives(draft, trainer_on, client_as, client):
    first, second = courses_of(draft)
    trainer = trainer_on(course=first)
    assert trainer.get(f"/courses/author/courses/{first.id}").status_code == 200
    assert trainer.get(f"/courses/author/lessons/{first.modules[0].lessons[0].id}").status_code == 200
    assert trainer.get(f"/courses/author/courses/{second.id}").status_code == 403
    assert trainer.get(f"/courses/author/lessons/{second.modules[0].lessons[0].id}").status_code == 403
    assert trainer.get(f"/courses/author/tracks/{first.track.id}").status_code == 403  # a course, not its track
    assert trainer.post(f"/courses/author/course/{first.id}/delete", data={"version": first.version}).status_code == 403

    whole_track = trainer_on(track=first.track)
    assert whole_track.get(f"/courses/author/courses/{second.id}").status_code == 200
    assert whole_track.get(f"/courses/author/tracks/{first.track.id}/courses/new").status_code == 200
    assert whole_track.get(f"/courses/author/axes/{first.track.axis.id}/tracks/new").status_code == 403  # admins'

    unassigned = client_as("trainer")
    assert unassigned.get(f"/courses/author/courses/{first.id}").status_code == 403
    assert unassigned.get(f"/courses/author/{draft.year}").status_code == 403
    assert client_as("staff").get(f"/courses/author/courses/{first.id}").status_code == 403
    assert client_as("staff").get("/courses/author/").status_code == 403
    anonymous = client.get(f"/courses/author/courses/{first.id}")
    assert anonymous.status_code == 302 and "/sign-in" in anonymous.headers["Location"]


def test_a_published_plan_is_edited_in_a_draft_opened_on_demand(make_plan, admin_client, db):
    published = make_plan()
    page = admin_client.get(f"/courses/author/{published.year}").get_data(as_text=True)
    track = published.axes[0].tracks[0]
    assert "Open the draft" in page and f'href="/courses/author/tracks/{track.id}"' not in page  # no Edit link
    published_lesson = lessons_of(published)[0]
    # A published lesson is never edited: the editor sends the author to where it is read.
    assert admin_client.get(f"/courses/author/lessons/{published_lesson.id}").status_code == 302

    assert admin_client.post(f"/courses/author/{published.year}/draft").status_code == 302
    db.session.expire_all()
    draft = db.session.scalars(select(Plan).where(Plan.status == PlanStatus.DRAFT)).one()
    assert draft.revision == 2
    page = admin_client.get(f"/courses/author/{published.year}").get_data(as_text=True)
    assert f'href="/courses/author/tracks/{draft.axes[0].tracks[0].id}"' in page  # the draft's track can be edited


# -- editing, translations, conflicts --------------------------------------------------------------------------------
def test_translations_go_stale_when_the_french_changes(draft, admin_client, db):
    lesson = lessons_of(draft)[0]
    assert lesson.translation_status("es") is TranslationStatus.UP_TO_DATE
    response = admin_client.post(
        f"/courses/author/lessons/{lesson.id}", data=lesson_form(lesson, **{"fr-body": "Texte entièrement revu."})
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert lesson.texts_in("fr")["body"] == "Texte entièrement revu."
    assert lesson.translation_status("es") is TranslationStatus.STALE
    page = admin_client.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    assert "Current French text to compare with" in page and "Texte entièrement revu." in page
    assert "stale" in page  # the lesson's own page shows it (the year's tree lists courses only)

    # Ticking "checked" (or changing the text) brings it up to date; Portuguese written now is up to date too.
    admin_client.post(
        f"/courses/author/lessons/{lesson.id}",
        data=lesson_form(lesson, **{"es-checked": "y", "pt-title": "Lição 1.1", "pt-body": "Texto."}),
    )
    db.session.expire_all()
    assert lesson.translation_statuses() == {
        "fr": TranslationStatus.SOURCE,
        "es": TranslationStatus.UP_TO_DATE,
        "pt": TranslationStatus.UP_TO_DATE,
        "en": TranslationStatus.MISSING,
    }


def test_the_editor_shows_the_four_languages_french_first(draft, admin_client):
    lesson = lessons_of(draft)[0]
    page = admin_client.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    positions = [page.index(f'id="{lang}-title"') for lang in ("fr", "es", "pt", "en")]
    assert positions == sorted(positions)
    assert 'class="languages"' in page and "up to date" in page and "missing" in page


def test_a_stale_edit_gets_a_409_with_both_versions_and_nothing_written(draft, admin_client, client_as, db):
    lesson = lessons_of(draft)[1]
    mine = lesson_form(lesson, **{"fr-title": "Mon titre", "duration_minutes": 25})
    other = client_as("admin")
    theirs = other.post(f"/courses/author/lessons/{lesson.id}", data=lesson_form(lesson, **{"fr-title": "Leur titre"}))
    assert theirs.status_code == 302
    db.session.expire_all()
    saved_version = lesson.version
    audit_before = db.session.query(AuditEntry).count()

    response = admin_client.post(f"/courses/author/lessons/{lesson.id}", data=mine)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Leur titre" in page and "Mon titre" in page and "25" in page
    assert "Their version, as saved" in page and "Your version, as submitted" in page
    db.session.expire_all()
    assert lesson.texts_in("fr")["title"] == "Leur titre"
    assert (lesson.version, lesson.duration_minutes) == (saved_version, 10)
    assert db.session.query(AuditEntry).count() == audit_before


def test_course_settings_prerequisites_and_audience(draft, admin_client, db):
    first, second = courses_of(draft)
    with registered(QUIZ):  # a kind that scores: the course offers a minimum score
        assert "Minimum score" in admin_client.get(f"/courses/author/courses/{second.id}").get_data(as_text=True)
        response = admin_client.post(
            f"/courses/author/courses/{second.id}",
            data={
                "version": second.version,
                "level": "advanced",
                "audience": ["staff", "trainer"],
                "prerequisites": [str(first.id)],
                "min_quiz_score": "80",
                "fr-title": "Cours 2",
                "fr-summary": "Résumé",
                "fr-objectives": "Objectifs",
            },
        )
        assert response.status_code == 302
        db.session.expire_all()
        assert (second.level.value, second.audience, second.min_quiz_score) == ("advanced", ["staff", "trainer"], 80)
        assert [c.id for c in second.prerequisites] == [first.id]
        bad = admin_client.post(
            f"/courses/author/courses/{second.id}",
            data={"version": second.version, "level": "advanced", "min_quiz_score": "140", "fr-title": "Cours 2"},
        )
        assert bad.status_code == 200 and "Number must be between 0 and 100" in bad.get_data(as_text=True)


def test_the_minimum_score_is_offered_only_while_a_kind_scores(draft, admin_client, db):
    course = courses_of(draft)[0]
    course.min_quiz_score = 60
    db.session.flush()
    page = admin_client.get(f"/courses/author/courses/{course.id}").get_data(as_text=True)
    assert "Minimum score" not in page and 'name="min_quiz_score"' not in page
    response = admin_client.post(
        f"/courses/author/courses/{course.id}",
        data={"version": course.version, "level": "beginner", "min_quiz_score": "140", "fr-title": "Cours 1"},
    )
    assert response.status_code == 302  # not a field here: neither checked nor saved
    db.session.expire_all()
    assert course.min_quiz_score == 60  # kept for the day a kind that scores comes back


def test_lesson_release_is_entered_in_the_authors_time_zone_and_stored_in_utc(draft, client_as, db):
    admin = client_as("admin", timezone="America/Bogota")
    lesson = lessons_of(draft)[0]
    response = admin.post(
        f"/courses/author/lessons/{lesson.id}", data=lesson_form(lesson, release_at="2027-03-03T09:00")
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert lesson.release_at == datetime(2027, 3, 3, 14, 0, tzinfo=UTC)
    assert 'value="2027-03-03T09:00"' in admin.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)


def test_a_link_lesson_takes_only_http_addresses(draft, admin_client, db):
    lesson = lessons_of(draft)[0]
    lesson.kind = "link"
    db.session.flush()
    refused = admin_client.post(
        f"/courses/author/lessons/{lesson.id}", data=lesson_form(lesson, url="javascript:alert(1)")
    )
    assert refused.status_code == 200 and "http://" in refused.get_data(as_text=True)
    accepted = admin_client.post(
        f"/courses/author/lessons/{lesson.id}", data=lesson_form(lesson, url="https://culture.example/guide")
    )
    assert accepted.status_code == 302
    db.session.expire_all()
    assert lesson.data["url"] == "https://culture.example/guide"


def test_the_address_hint_says_what_the_check_accepts(draft, admin_client, db):
    lesson = lessons_of(draft)[0]
    lesson.kind = "link"
    db.session.flush()
    editor = admin_client.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    assert "An address starting with http:// or https://." in editor
    # What the hint offers is accepted: a plain http address too.
    accepted = admin_client.post(
        f"/courses/author/lessons/{lesson.id}", data=lesson_form(lesson, url="http://radio.example/emission")
    )
    assert accepted.status_code == 302
    db.session.expire_all()
    assert lesson.data["url"] == "http://radio.example/emission"


# -- creating, reordering, deleting ----------------------------------------------------------------------------------
def test_create_a_course_a_module_and_a_lesson(draft, admin_client, db):
    track = draft.axes[0].tracks[0]
    response = admin_client.post(
        f"/courses/author/tracks/{track.id}/courses/new", data={"title": "Budgéter un festival"}
    )
    assert response.status_code == 302
    course = db.session.scalars(select(Course).order_by(Course.id.desc())).first()
    assert course.position == 2 and course.texts_in("fr") == {"title": "Budgéter un festival"}
    admin_client.post(f"/courses/author/courses/{course.id}/modules/new", data={"title": "Les postes"})
    db.session.expire_all()
    module = course.modules[0]
    response = admin_client.post(
        f"/courses/author/modules/{module.id}/lessons/new", data={"title": "La captation", "kind": "video"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert [(lesson.kind, lesson.position) for lesson in module.lessons] == [("video", 0)]
    assert {"courses.course-created", "courses.module-created", "courses.lesson-created"} <= set(
        db.session.scalars(select(AuditEntry.action))
    )
    unknown = admin_client.post(f"/courses/author/modules/{module.id}/lessons/new", data={"title": "X", "kind": "exe"})
    assert unknown.status_code == 200 and len(module.lessons) == 1


def test_up_and_down_swap_neighbours_and_keep_positions_dense(draft, admin_client, db):
    module = courses_of(draft)[0].modules[0]
    first, second, third = module.lessons
    assert admin_client.post(f"/courses/author/lesson/{third.id}/move", data={"direction": "up"}).status_code == 302
    db.session.expire_all()
    assert [lesson.id for lesson in sorted(module.lessons, key=lambda x: x.position)] == [first.id, third.id, second.id]
    admin_client.post(f"/courses/author/lesson/{first.id}/move", data={"direction": "up"})  # already first
    admin_client.post(f"/courses/author/lesson/{first.id}/move", data={"direction": "down"})
    db.session.expire_all()
    ordered = sorted(module.lessons, key=lambda x: x.position)
    assert [lesson.id for lesson in ordered] == [third.id, first.id, second.id]
    assert [lesson.position for lesson in ordered] == [0, 1, 2]

    response = admin_client.post(f"/courses/author/lesson/{first.id}/delete", data={"version": first.version})
    assert response.status_code == 302
    db.session.expire_all()
    assert [(lesson.id, lesson.position) for lesson in module.lessons] == [(third.id, 0), (second.id, 1)]
    assert (
        admin_client.post(f"/courses/author/lesson/{third.id}/move", data={"direction": "sideways"}).status_code == 400
    )


def test_delete_only_in_a_draft_and_only_the_version_seen(make_plan, admin_client, db):
    published = make_plan()
    lesson = lessons_of(published)[0]
    admin_client.post(f"/courses/author/lesson/{lesson.id}/delete", data={"version": lesson.version})
    assert db.session.get(Lesson, lesson.id) is not None
    draft = make_plan(2028, published=False)
    other = lessons_of(draft)[0]
    stale = admin_client.post(f"/courses/author/lesson/{other.id}/delete", data={"version": other.version + 5})
    assert stale.status_code == 409 and db.session.get(Lesson, other.id) is not None


# -- preview ---------------------------------------------------------------------------------------------------------
def test_preview_shows_the_language_and_notes_the_french_fallback(draft, admin_client, db):
    first, second = lessons_of(draft)[:2]
    second.set_texts("fr", {"title": "Leçon 1.2", "body": "Du **gras** <script>alert(1)</script>"})
    db.session.flush()
    spanish = admin_client.get(f"/courses/author/lessons/{first.id}/preview?lang=es").get_data(as_text=True)
    assert "Lección 1.1" in spanish and "Texto 1." in spanish and '<html lang="es">' in spanish
    assert "fallback-note" not in spanish

    english = admin_client.get(f"/courses/author/lessons/{second.id}/preview?lang=en").get_data(as_text=True)
    assert "Leçon 1.2" in english and "<strong>gras</strong>" in english
    assert "Not yet translated into English: these parts are shown in French." in english
    assert "<script>alert" not in english


# -- assignments -----------------------------------------------------------------------------------------------------
def test_admins_assign_and_remove_trainers(draft, admin_client, create_user, db):
    course = courses_of(draft)[0]
    trainer = create_user("formatrice@example.org", roles=["trainer"], first_name="Inès")
    create_user("learner@example.org", roles=["staff"])
    page = admin_client.get(f"/courses/author/course/{course.id}/trainers").get_data(as_text=True)
    assert "formatrice@example.org" in page and "learner@example.org" not in page
    response = admin_client.post(f"/courses/author/course/{course.id}/trainers", data={"trainer": trainer.id})
    assert response.status_code == 302
    assignment = db.session.scalars(select(Assignment).where(Assignment.user_id == trainer.id)).one()
    assert (assignment.course_uid, assignment.track_uid) == (course.uid, None)
    response = admin_client.post(f"/courses/author/course/{course.id}/trainers/{assignment.id}/remove")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalars(select(Assignment)).all() == []
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"courses.trainer-assigned", "courses.trainer-unassigned"} <= actions


def test_navigation_offers_authoring_to_authors_only(client_as):
    assert "/courses/author/" in client_as("trainer").get("/dashboard").get_data(as_text=True)
    assert "/courses/author/" not in client_as("staff").get("/dashboard").get_data(as_text=True)

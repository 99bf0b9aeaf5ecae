"""The demo 2027 plan: published, translated in part, with trainers and learners, and loaded twice harmlessly."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from courses import demo_content
from courses.demo import demo_uid
from courses.demo import load_demo as load_courses_demo
from courses.demo_content.learners import PROGRESS, TARGETS
from courses.models import (
    Assignment,
    Axis,
    Course,
    Enrolment,
    EnrolmentStatus,
    Lesson,
    LessonCompletion,
    Module,
    Plan,
    PlanStatus,
    Target,
    Track,
    TrackCompletion,
)
from courses.queries import published_plan
from courses.revisions import publish_problems
from sonores_lms.audit.models import AuditEntry
from sonores_lms.demo import load_demo
from sonores_lms.demo_data import PEOPLE
from sonores_lms.multilingual import TranslationStatus
from sonores_lms.people.models import User

MODELS = (
    Plan,
    Axis,
    Track,
    Course,
    Module,
    Lesson,
    Assignment,
    Target,
    Enrolment,
    LessonCompletion,
    TrackCompletion,
    AuditEntry,
)


# Left untranslated or stale on purpose, so that the authoring pages show every status; every other lesson reads in
# Spanish and Portuguese.
MISSING_LESSONS = {
    "es": {"editorial-line", "hybrid-workshop", "four-families"},
    "pt": {"write-multilingual", "fair-selection", "base-empreinte"},
}
STALE_LESSONS = {"map-audiences", "travel-emissions"}
# Above the lessons, the two stale translations that test_translations_show_the_workflow walks through.
STALE_ROWS = {("pt", demo_uid("axis", "sustainable-development")), ("pt", demo_uid("course", "engaging-content"))}

# Words the network's readers flagged: calques of the French, and Spain's usage where the network is Latin American.
CALQUES = ("perímetro", "sacar acciones", "palancas", "alavancas", "ecoconceber", "chamada de projetos")
SPAIN_USAGE = ("en directo", "escaleta", "ordenador")
# One term per concept, the interface's: a track is an "itinerario", a "trilha".
OTHER_TERMS = {"es": ("recorrido",), "pt": ("percurso",)}


def counts(db):
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model)) for model in MODELS}


def every_row(plan):
    rows = [plan]
    for axis in plan.axes:
        rows.append(axis)
        for track in axis.tracks:
            rows.append(track)
            for course in track.courses:
                rows.append(course)
                for module in course.modules:
                    rows.append(module)
                    rows.extend(module.lessons)
    return rows


def lessons_of(plan):
    return [row for row in every_row(plan) if isinstance(row, Lesson)]


def courses_of(plan):
    return [row for row in every_row(plan) if isinstance(row, Course)]


def lesson_keys():
    """The demo's lessons by uid: the plan's, and those showing another plugin's demo item (added when offered)."""
    plan = demo_content.plan()
    keys = {
        demo_uid("lesson", lesson.key): lesson.key
        for axis in plan.axes
        for track in axis.tracks
        for course in track.courses
        for module in course.modules
        for lesson in module.lessons
    }
    keys.update({demo_uid("lesson", item.lesson.key): item.lesson.key for item in demo_content.embedded()})
    return keys


def markdown_shape(text):
    """Headings, table rows and list items: what a translation keeps of its French source's structure."""
    lines = text.splitlines()
    return (
        sum(line.startswith("## ") for line in lines),
        sum(line.startswith("|") for line in lines),
        sum(bool(re.match(r"(- |\d+\. )", line)) for line in lines),
    )


def translated_texts():
    """Every text the demo content holds in another language than French, first written or brought up to date."""
    plan = demo_content.plan()
    items = [("plan", plan)]
    for axis in plan.axes:
        items.append((axis.code, axis))
        for track in axis.tracks:
            items.append((track.key, track))
            for course in track.courses:
                items.append((course.key, course))
                for module in course.modules:
                    items.append((module.key, module))
                    items.extend((lesson.key, lesson) for lesson in module.lessons)
    for key, item in items:
        for texts in (item.translations, getattr(item, "retranslated", {})):
            for language, values in texts.items():
                for field_name, text in values.items():
                    yield f"{key}.{field_name}", language, text


@pytest.fixture
def demo(db):
    load_demo()  # the core demo, which calls the courses plugin's demo hook
    return published_plan(2027)


def test_running_again_changes_nothing(db, demo):
    first = counts(db)
    assert first["Plan"] == 1 and first["Enrolment"] > 0
    texts = {row.uid: (row.texts, row.translated_from, getattr(row, "version", None)) for row in every_row(demo)[1:]}
    users = {u.email: (u.password_hash, u.active, u.version) for u in db.session.scalars(select(User))}

    load_courses_demo()
    load_courses_demo()
    load_demo()
    db.session.expire_all()

    assert counts(db) == first
    again = published_plan(2027)
    assert {
        row.uid: (row.texts, row.translated_from, getattr(row, "version", None)) for row in every_row(again)[1:]
    } == texts
    assert {u.email: (u.password_hash, u.active, u.version) for u in db.session.scalars(select(User))} == users


def test_the_plan_is_published_with_three_axes_and_real_lessons(db, demo, app):
    assert (demo.status, demo.revision, demo.year) == (PlanStatus.PUBLISHED, 1, 2027)
    assert demo.text("title", "fr").text == "Plan de formation 2027"
    assert [axis.code for axis in demo.axes] == ["communication", "project-management", "sustainable-development"]
    assert demo.axes[0].text("title", "fr").text == "Nouvelles formes de communication"
    for axis in demo.axes:
        assert all(axis.texts_in(lang).get("title") for lang in ("es", "pt", "en")), axis.code
        assert axis.text("description", "fr").text
        assert len(axis.tracks) == 2
    tracks = [track for axis in demo.axes for track in axis.tracks]
    assert [t.enforce_order for t in tracks].count(True) == 1
    courses = courses_of(demo)
    assert len(courses) >= 12
    for course in courses:
        assert 1 <= len(course.modules) <= 3
        assert 2 <= sum(len(m.lessons) for m in course.modules) <= 4, course.text("title", "fr").text
        assert course.text("objectives", "fr").text
    assert sum(bool(course.prerequisites) for course in courses) >= 2
    lessons = lessons_of(demo)
    kinds = {lesson.kind for lesson in lessons}
    assert {"text", "video", "link", "live"} <= kinds and "file" not in kinds
    for lesson in lessons:
        if lesson.kind == "text":
            words = len(lesson.text("body", "fr").text.split())
            assert 150 <= words <= 400, (lesson.text("title", "fr").text, words)
            assert "##" in lesson.text("body", "fr").text
        if lesson.kind in ("video", "link"):
            assert lesson.data["url"].startswith("https://")
        if lesson.kind == "video":
            assert lesson.text("transcript", "fr").text
    with app.test_request_context():  # the embedded resource is resolved as a page would
        assert publish_problems(demo) == []


def test_translations_show_the_workflow(db, demo):
    statuses = [status for row in every_row(demo) for status in row.translation_statuses().values()]
    for status in (TranslationStatus.UP_TO_DATE, TranslationStatus.STALE, TranslationStatus.MISSING):
        assert statuses.count(status) >= 3, status
    sustainable = demo.axes[2]
    assert sustainable.translation_statuses() == {
        "fr": TranslationStatus.SOURCE,
        "es": TranslationStatus.UP_TO_DATE,
        "pt": TranslationStatus.STALE,
        "en": TranslationStatus.STALE,
    }
    courses = {course.uid: course for course in courses_of(demo)}
    engaging = courses[demo_uid("course", "engaging-content")]
    assert engaging.translation_status("es") is TranslationStatus.UP_TO_DATE
    assert engaging.translation_status("pt") is TranslationStatus.STALE
    assert engaging.translation_status("en") is TranslationStatus.MISSING
    # A lesson read in Spanish, and one that falls back to French.
    lessons = {lesson.uid: lesson for lesson in lessons_of(demo)}
    assert lessons[demo_uid("lesson", "why-strategy")].text("body", "es").language == "es"
    assert lessons[demo_uid("lesson", "editorial-line")].text("body", "es").is_fallback
    video = lessons[demo_uid("lesson", "vertical-video")]
    assert video.text("transcript", "es").language == "es"


@pytest.mark.parametrize("language", ["es", "pt"])
def test_lessons_read_in_spanish_and_portuguese_but_a_few(db, demo, language):
    keys = lesson_keys()
    by_status = {status: set() for status in TranslationStatus}
    for lesson in lessons_of(demo):
        by_status[lesson.translation_status(language)].add(keys[lesson.uid])
    assert len(keys) == 40  # the knowledge base's budget template shown in a lesson among them
    assert by_status[TranslationStatus.MISSING] == MISSING_LESSONS[language]
    assert by_status[TranslationStatus.STALE] == STALE_LESSONS
    assert len(by_status[TranslationStatus.UP_TO_DATE]) == 35
    for lesson in lessons_of(demo):
        key = keys[lesson.uid]
        if key in MISSING_LESSONS[language]:
            assert lesson.text("body", language).is_fallback, key
            continue
        # Whole translations: title, body and transcript, not a title over a French body.
        assert set(lesson.texts_in(language)) == set(lesson.texts_in("fr")), key
        assert lesson.text("body", language).language == language, key
        if key not in STALE_LESSONS:
            french = lesson.text("body", "fr").text
            assert markdown_shape(lesson.text("body", language).text) == markdown_shape(french), key
            if lesson.kind == "video":
                paragraphs = lesson.text("transcript", language).text.split("\n\n")
                assert len(paragraphs) == len(lesson.text("transcript", "fr").text.split("\n\n")), key


@pytest.mark.parametrize("language", ["es", "pt"])
def test_the_plan_tracks_courses_and_modules_read_in_spanish_and_portuguese(db, demo, language):
    for row in every_row(demo):
        if isinstance(row, Lesson):
            continue
        expected = (
            TranslationStatus.STALE
            if (language, getattr(row, "uid", None)) in STALE_ROWS
            else TranslationStatus.UP_TO_DATE
        )
        assert row.translation_status(language) is expected, row.text("title", "fr").text
        assert set(row.texts_in(language)) == set(row.texts_in("fr")), row.text("title", "fr").text


def test_the_translations_avoid_calques_and_spain_usage():
    found = [
        (where, language, word)
        for where, language, text in translated_texts()
        for word in (*CALQUES, *SPAIN_USAGE, *OTHER_TERMS.get(language, ()))
        if word in text.lower()
    ]
    assert found == []
    languages = {language for _where, language, _text in translated_texts()}
    assert languages == {"es", "pt", "en"}


def test_one_lesson_opens_on_3_march_2027_at_9_in_bogota(db, demo):
    lesson = db.session.scalars(select(Lesson).where(Lesson.uid == demo_uid("lesson", "live-captions"))).one()
    assert lesson.release_at == datetime(2027, 3, 3, 14, 0, tzinfo=UTC)
    released_later = [lesson for lesson in lessons_of(demo) if lesson.release_at is not None]
    assert released_later == [lesson]


def test_trainers_are_assigned_to_tracks_and_courses(db, demo):
    trainers = {
        email: db.session.scalar(select(User).where(User.email == email))
        for email in (
            "marie-claire.joseph@example.org",
            "lucas.oliveira-santos@example.org",
            "valentina.gomez@example.org",
        )
    }
    assignments = db.session.scalars(select(Assignment)).all()
    track_uids = {t.uid for axis in demo.axes for t in axis.tracks}
    course_uids = {c.uid for c in courses_of(demo)}
    for trainer in trainers.values():
        mine = [a for a in assignments if a.user_id == trainer.id]
        assert mine, trainer.email
    for assignment in assignments:
        assert assignment.track_uid in track_uids or assignment.course_uid in course_uids
    marie_claire = trainers["marie-claire.joseph@example.org"]
    assert any(
        a.track_uid == demo_uid("track", "digital-strategy") for a in assignments if a.user_id == marie_claire.id
    )
    authored = {lesson.updated_by_id for lesson in lessons_of(demo)}
    assert {t.id for t in trainers.values()} <= authored


def test_learners_are_at_various_stages(db, demo):
    now = datetime.now(UTC)
    enrolments = db.session.scalars(select(Enrolment)).all()
    by_status = {status: [e for e in enrolments if e.status is status] for status in EnrolmentStatus}
    assert len(by_status[EnrolmentStatus.ACTIVE]) >= 5
    assert len(by_status[EnrolmentStatus.COMPLETED]) >= 2
    required = {}
    for lesson in lessons_of(demo):
        if lesson.required:
            required.setdefault(lesson.module.course.uid, set()).add(lesson.uid)
    completions = db.session.scalars(select(LessonCompletion)).all()
    done = {}
    for completion in completions:
        assert completion.completed_at < now and completion.completed_at.tzinfo is not None
        done.setdefault((completion.user_id, completion.course_uid), set()).add(completion.lesson_uid)
    for enrolment in by_status[EnrolmentStatus.COMPLETED]:
        assert enrolment.started_at < enrolment.completed_at < now
        assert required[enrolment.course_uid] <= done[(enrolment.user_id, enrolment.course_uid)]
    for enrolment in by_status[EnrolmentStatus.ACTIVE]:
        assert enrolment.completed_at is None
        assert not required[enrolment.course_uid] <= done.get((enrolment.user_id, enrolment.course_uid), set())
    # Every completion belongs to an enrolment, and nobody did a lesson that is not released yet.
    enrolled = {(e.user_id, e.course_uid) for e in enrolments}
    assert set(done) <= enrolled
    assert demo_uid("lesson", "live-captions") not in {c.lesson_uid for c in completions}

    (track_done,) = db.session.scalars(select(TrackCompletion)).all()
    juliana = db.session.scalar(select(User).where(User.email == "juliana.pereira@example.org"))
    assert (track_done.user_id, track_done.track_uid) == (juliana.id, demo_uid("track", "digital-strategy"))


def test_targets_name_the_plan_tracks(db, demo):
    targets = db.session.scalars(select(Target)).all()
    assert len(targets) == len(TARGETS)
    track_uids = {t.uid for axis in demo.axes for t in axis.tracks}
    assert all(target.plan_id == demo.id and target.track_uid in track_uids for target in targets)
    bogota = [t for t in targets if t.institute_id is not None and t.track_uid == demo_uid("track", "eco-design")]
    assert len(bogota) == 1
    network = [t for t in targets if t.institute_id is None and t.track_uid == demo_uid("track", "digital-strategy")]
    assert [t.role.value for t in network] == ["staff"]


def test_a_year_that_has_its_own_plan_is_left_alone(db, make_plan):
    own = make_plan(2027)
    load_demo()
    assert db.session.scalars(select(Plan)).all() == [own]
    # No progress on courses that do not exist; no assignments to tracks that do not exist.
    assert db.session.scalar(select(func.count()).select_from(Enrolment)) == 0
    assert db.session.scalar(select(func.count()).select_from(Assignment)) == 0


def test_a_learners_own_enrolment_is_kept(db, demo):
    mateo = db.session.scalar(select(User).where(User.email == "mateo.fernandez@example.org"))
    course_uid = demo_uid("course", "engaging-content")
    own = db.session.scalars(
        select(Enrolment).where(Enrolment.user_id == mateo.id, Enrolment.course_uid == course_uid)
    ).one()
    own.status = EnrolmentStatus.WITHDRAWN
    db.session.execute(
        LessonCompletion.__table__.delete().where(
            LessonCompletion.user_id == mateo.id, LessonCompletion.course_uid == course_uid
        )
    )
    db.session.flush()

    load_courses_demo()

    assert own.status is EnrolmentStatus.WITHDRAWN
    assert not db.session.scalars(
        select(LessonCompletion).where(LessonCompletion.user_id == mateo.id, LessonCompletion.course_uid == course_uid)
    ).all()


def test_the_content_is_consistent():
    plan = demo_content.plan()
    emails = {person.email for person in PEOPLE}
    courses = {course.key: course for axis in plan.axes for track in axis.tracks for course in track.courses}
    modules = [module.key for course in courses.values() for module in course.modules]
    lessons = [lesson.key for course in courses.values() for module in course.modules for lesson in module.lessons]
    tracks = [track.key for axis in plan.axes for track in axis.tracks]
    assert len(set(modules)) == len(modules) and len(set(lessons)) == len(lessons) and len(set(tracks)) == len(tracks)
    assert all(key in courses for course in courses.values() for key in course.prerequisites)
    assert {progress.email for progress in PROGRESS} <= emails
    assert {progress.course for progress in PROGRESS} <= set(courses)
    assert {goal.track for goal in TARGETS} <= set(tracks)
    authors = {
        e for axis in plan.axes for t in axis.tracks for e in (*t.authors, *(e for c in t.courses for e in c.authors))
    }
    assert authors <= emails


EMBEDDED_UID = demo_uid("lesson", "network-budget-template")


def test_the_festival_budget_course_shows_the_budget_template_of_the_knowledge_base(db, demo, app, client_as):
    """Once every demo has loaded (``core.demo-loaded``), the budget course gains an optional lesson pointing at the
    knowledge base's demo budget template, published and written in the four languages."""
    from knowledge.models import Resource

    lesson = db.session.scalars(select(Lesson).where(Lesson.uid == EMBEDDED_UID)).one()
    assert (lesson.kind, lesson.required) == ("embed", False)
    course = lesson.module.course
    assert course.uid == demo_uid("course", "festival-budget") and course.track.axis.plan_id == demo.id
    assert all(lesson.texts_in(language).get("title") for language in ("fr", "es", "pt", "en"))
    resource = db.session.scalars(select(Resource).where(Resource.uid == lesson.data["reference"].rsplit(":", 1)[1]))
    resource = resource.one()
    assert lesson.data["reference"] == resource.reference and resource.institute.name == "Alliance Française de Bogotá"
    assert publish_problems(demo) == []  # outside a request too, as a job or a command would check it

    page = client_as("staff", locale="en").get(f"/courses/learn/lesson/{lesson.uid}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Start from a budget template shared by the network" in html
    assert f'<a href="/knowledge/r/{resource.uid}">Plantilla de presupuesto de proyecto cultural</a>' in html
    assert "From the programme of Alliance Française de Bogotá" in html


def test_without_the_knowledge_base_the_demo_loads_and_the_lesson_comes_later(db, app, monkeypatch):
    monkeypatch.delitem(app.extensions["sonores"].plugins, "knowledge")
    load_demo()
    plan = published_plan(2027)
    with app.test_request_context():
        assert plan is not None and publish_problems(plan) == []
    assert db.session.scalar(select(func.count()).select_from(Lesson).where(Lesson.uid == EMBEDDED_UID)) == 0
    monkeypatch.undo()  # the knowledge base enabled later: the next run adds the lesson, once
    load_demo()
    load_demo()
    assert db.session.scalar(select(func.count()).select_from(Lesson).where(Lesson.uid == EMBEDDED_UID)) == 1

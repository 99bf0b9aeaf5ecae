"""The catalogue, course and lesson pages: filters, locks and their reasons, fallbacks, plain POST forms, queries."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from courses.models import Axis, Course, Enrolment, EnrolmentStatus, Lesson, LessonCompletion, Level, Module, Track
from courses.queries import forget_lesson_languages, lessons_in_languages
from courses.signals import course_completed, track_completed


def courses_of(plan):
    return [course for axis in plan.axes for track in axis.tracks for course in track.courses]


def lessons_of(course):
    return [lesson for module in course.modules for lesson in module.lessons]


def text(response):
    return response.get_data(as_text=True)


def card_titles(page):
    return re.findall(r'<h4><a href="/courses/learn/[0-9a-f]+"(?: lang="[a-z]+")?>([^<]+)</a>', page)


@pytest.fixture
def staff(client_as):
    return client_as("staff", locale="en")


@pytest.fixture
def catalogue_plan(make_plan, db):
    """Two axes: the fixture's communication axis (Cours 1, Cours 2) and a sustainability one (Éco-conception)."""
    plan = make_plan(courses=2, lessons=3)
    first, second = courses_of(plan)
    first.set_texts("es", {"title": "Curso de redes", "summary": "Resumen"})
    for n, lesson in enumerate(lessons_of(first)):  # Cours 1 is in Spanish down to its lessons
        lesson.set_texts("es", {"title": f"Lección {n + 1}", "body": "Texto."})
    first.level = Level.ADVANCED
    second.audience = ["trainer"]
    axis = Axis(code="sustainability", position=1)
    axis.set_texts("fr", {"title": "Développement durable"})
    plan.axes.append(axis)
    track = Track(position=0)
    track.set_texts("fr", {"title": "Événements responsables"})
    axis.tracks.append(track)
    eco = Course(position=0, level=Level.INTERMEDIATE)
    eco.set_texts("fr", {"title": "Éco-conception d'un festival", "summary": "Réduire l'empreinte d'un concert"})
    track.courses.append(eco)
    module = Module(position=0)
    module.set_texts("fr", {"title": "Module"})
    eco.modules.append(module)
    for n in range(4):
        lesson = Lesson(position=n, kind="text", duration_minutes=60)
        lesson.set_texts("fr", {"title": f"Étape {n + 1}", "body": "Texte."})
        module.lessons.append(lesson)
    db.session.flush()
    return plan


# -- catalogue ----------------------------------------------------------------------------------------------------
def test_catalogue_lists_the_published_plan_with_durations_languages_and_progress(staff, catalogue_plan):
    overview = text(staff.get("/courses/catalogue"))  # no search, no filter: axes and tracks, courses collapsed
    assert card_titles(overview) == [] and "3 courses in this plan" in overview
    assert "Nouvelles formes de communication" in overview and "Développement durable" in overview
    assert "Show the 2 courses" in overview and "Show the course<" in overview and "0 of 2 courses done" in overview
    links = re.findall(r'href="(/courses/catalogue\?track=[0-9a-f]+)"', overview)
    assert len(links) == 2
    page = "".join(text(staff.get(link)) for link in links)
    assert card_titles(page) == ["Cours 1", "Cours 2", "Éco-conception d&#39;un festival"]
    assert "All tracks" in page
    assert "30 min" in page and "4 h" in page  # the sum of the lessons
    assert "fr, es · pt, en missing" in page  # the completeness line of Cours 1
    assert "fr · es, pt, en missing" in page
    assert '<progress max="3" value="0"' in page and "0 of 3 required lessons done" in page
    assert 'name="year"' not in page  # a single published year: no selector


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("axis=sustainability", ["Éco-conception d&#39;un festival"]),
        ("language=es", ["Cours 1"]),
        ("language=fr", ["Cours 1", "Cours 2", "Éco-conception d&#39;un festival"]),
        ("level=advanced", ["Cours 1"]),
        ("duration=short", ["Cours 1", "Cours 2"]),
        ("duration=long", ["Éco-conception d&#39;un festival"]),
        ("audience=staff", ["Cours 1", "Éco-conception d&#39;un festival"]),
        ("audience=trainer", ["Cours 1", "Cours 2", "Éco-conception d&#39;un festival"]),
        ("q=EMPREINTE", ["Éco-conception d&#39;un festival"]),  # French summary, any case
        ("q=eco-conception", ["Éco-conception d&#39;un festival"]),  # without accents
        ("q=redes", []),  # Spanish title, but the reader reads English
        ("level=nonsense&duration=forever&axis=gone", []),  # a stale bookmark: the overview, no cards
        ("track=gone", []),
    ],
)
def test_catalogue_filters_and_search(staff, catalogue_plan, query, expected):
    response = staff.get(f"/courses/catalogue?{query}")
    assert response.status_code == 200 and 'aria-invalid="true"' not in text(response)
    assert card_titles(text(response)) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("développement durable", ["Éco-conception d&#39;un festival"]),  # the axis's title
        ("DEVELOPPEMENT durable", ["Éco-conception d&#39;un festival"]),
        ("evenements responsables", ["Éco-conception d&#39;un festival"]),  # the track's title
        ("strategie numerique", ["Cours 1", "Cours 2"]),
        ("objectifs", ["Cours 1", "Cours 2"]),  # the courses' objectives
        ("bilan carbone", ["Éco-conception d&#39;un festival"]),  # a module's summary
        ("mesurer", ["Éco-conception d&#39;un festival"]),  # a module's title
    ],
)
def test_search_reads_axes_tracks_modules_and_objectives(staff, catalogue_plan, db, words, expected):
    eco = courses_of(catalogue_plan)[2]
    eco.modules[0].set_texts("fr", {"title": "Mesurer", "summary": "Le bilan carbone d'un concert"})
    db.session.flush()
    assert card_titles(text(staff.get(f"/courses/catalogue?q={words}"))) == expected


def test_search_finds_an_axis_by_its_name_in_the_readers_language(client_as, catalogue_plan, db):
    axis = catalogue_plan.axes[1]
    axis.set_texts("es", {"title": "Sostenibilidad"})
    db.session.flush()
    reader = client_as("staff", locale="es")
    assert card_titles(text(reader.get("/courses/catalogue?q=sostenibilidad"))) == ["Éco-conception d&#39;un festival"]


def test_a_course_is_available_in_a_language_when_its_lessons_are(staff, catalogue_plan, db):
    first = courses_of(catalogue_plan)[0]
    assert card_titles(text(staff.get("/courses/catalogue?language=es"))) == ["Cours 1"]
    # Its title and summary are in Spanish, but one lesson is French only: not available in Spanish.
    # (The app never edits a published plan: it publishes a new revision. This test does, so the process forgets
    # the languages it kept for the plan.)
    lessons_of(first)[1].set_texts("es", {})
    db.session.flush()
    forget_lesson_languages()
    assert card_titles(text(staff.get("/courses/catalogue?language=es"))) == []
    # Its card and its page no longer list Spanish among its languages.
    card = text(staff.get(f"/courses/catalogue?track={first.track.uid}"))
    assert "fr · es, pt, en missing" in card and "fr, es · pt, en missing" not in card
    page = text(staff.get(f"/courses/learn/{first.uid}"))
    assert "fr · es, pt, en missing" in page and "fr, es · pt, en missing" not in page
    # A lesson with a title in Spanish and its text still in French is not translated either.
    lessons_of(first)[1].set_texts("es", {"title": "Lección 2"})
    db.session.flush()
    forget_lesson_languages()
    assert card_titles(text(staff.get("/courses/catalogue?language=es"))) == []


def test_search_reads_the_readers_language_too(client_as, catalogue_plan):
    reader = client_as("staff", locale="es")
    assert card_titles(text(reader.get("/courses/catalogue?q=redes"))) == ["Curso de redes"]


def test_several_published_years_get_a_selector(staff, make_plan):
    make_plan(2026, courses=1)
    make_plan(2027, courses=2)
    page = text(staff.get("/courses/catalogue"))
    assert 'name="year"' in page and "Plan de formation 2027" in page
    older = text(staff.get("/courses/catalogue?year=2026"))
    assert "Plan de formation 2026" in older and "Show the course<" in older
    track = re.search(r'href="/courses/catalogue\?track=([0-9a-f]+)&amp;year=2026"', older)
    assert track is not None
    cards = text(staff.get(f"/courses/catalogue?track={track.group(1)}&year=2026"))
    assert card_titles(cards) == ["Cours 1"]


def test_search_results_come_in_pages_that_keep_the_filters(staff, make_plan):
    make_plan(courses=45, lessons=1)  # Cours 1 ... Cours 45, all in French
    first = text(staff.get("/courses/catalogue?language=fr"))
    assert "45 courses found." in first and "Page 1 of 3" in first
    assert card_titles(first) == [f"Cours {n}" for n in range(1, 21)]
    next_link = re.search(r'<a href="(/courses/catalogue\?[^"]+)" rel="next">', first)
    assert next_link is not None and "language=fr" in next_link.group(1) and "page=2" in next_link.group(1)
    last = text(staff.get(next_link.group(1).replace("&amp;", "&").replace("page=2", "page=3")))
    assert card_titles(last) == [f"Cours {n}" for n in range(41, 46)] and 'rel="next"' not in last
    # A page out of range shows the nearest one rather than an error or an empty list.
    assert card_titles(text(staff.get("/courses/catalogue?language=fr&page=99"))) == card_titles(last)
    assert card_titles(text(staff.get("/courses/catalogue?language=fr&page=-4"))) == card_titles(first)


def test_catalogue_without_published_plan(staff, make_plan):
    make_plan(published=False)
    page = text(staff.get("/courses/catalogue"))
    assert "No training plan is published yet" in page and "Cours 1" not in page


@pytest.mark.parametrize(
    "path", ["/courses/catalogue", "/courses/catalogue?language=fr", "course", "lesson", "/dashboard"]
)
def test_query_counts_do_not_grow_with_the_plan(staff, make_plan, count_queries, db, path):
    def measure(plan):
        course = courses_of(plan)[-1]
        url = {"course": f"/courses/learn/{course.uid}", "lesson": f"/courses/learn/lesson/{lessons_of(course)[0].uid}"}
        staff.post(f"/courses/learn/{course.uid}/start")
        with count_queries() as counted:
            response = staff.get(url.get(path, path))
        assert response.status_code == 200
        return counted.count

    small = measure(make_plan(2027, courses=2, lessons=2))
    big = measure(make_plan(2028, courses=25, lessons=8))
    assert small == big, (small, big)
    assert big < 15, big


# -- course page --------------------------------------------------------------------------------------------------
def test_course_page_shows_facts_outline_and_a_plain_start_form(staff, make_plan, db):
    plan = make_plan(courses=2, lessons=3)
    first, second = courses_of(plan)
    second.prerequisites = [first]
    db.session.flush()
    page = text(staff.get(f"/courses/learn/{second.uid}"))
    assert "Objectifs" in page and "30 min" in page and "Beginner" in page
    assert "Prerequisites" in page and f'href="/courses/learn/{first.uid}"' in page
    assert "Finish" in page and "<em>Cours 1</em>" in page  # locked, and why
    assert "Start this course" not in page
    assert page.count("(locked)") == 3
    page = text(staff.get(f"/courses/learn/{first.uid}"))
    assert f'<form method="post" action="/courses/learn/{first.uid}/start">' in page
    assert 'name="csrf_token"' in page and page.count("(available)") == 3


def test_start_creates_a_self_paced_enrolment_and_opens_the_first_lesson(staff, make_plan, db):
    course = courses_of(make_plan())[0]
    response = staff.post(f"/courses/learn/{course.uid}/start")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/courses/learn/lesson/{lessons_of(course)[0].uid}")
    enrolment = db.session.scalars(select(Enrolment).filter_by(user_id=staff.user.id)).one()
    assert enrolment.course_uid == course.uid and enrolment.session_id is None
    assert enrolment.status is EnrolmentStatus.ACTIVE
    assert staff.post(f"/courses/learn/{course.uid}/start").status_code == 302  # again: still one
    assert len(db.session.scalars(select(Enrolment)).all()) == 1
    assert "Continue: Leçon 1.1" in text(staff.get(f"/courses/learn/{course.uid}"))


def test_audience_refusal_is_a_clear_403(staff, client_as, make_plan, db):
    course = courses_of(make_plan())[0]
    course.audience = ["trainer", "admin"]
    db.session.flush()
    response = staff.post(f"/courses/learn/{course.uid}/start")
    assert response.status_code == 403
    assert "reserved for some roles (Administrator, Trainer)" in text(response)
    assert staff.get(f"/courses/learn/lesson/{lessons_of(course)[0].uid}").status_code == 403
    assert "reserved for some roles" in text(staff.get(f"/courses/learn/{course.uid}"))
    trainer = client_as("trainer", locale="en")
    assert trainer.post(f"/courses/learn/{course.uid}/start").status_code == 302


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_drafts_are_404_for_everyone(client_as, make_plan, role):
    course = courses_of(make_plan(published=False))[0]
    client = client_as(role, locale="en")
    assert client.get(f"/courses/learn/{course.uid}").status_code == 404
    assert client.get(f"/courses/learn/lesson/{lessons_of(course)[0].uid}").status_code == 404
    assert client.post(f"/courses/learn/{course.uid}/start").status_code == 404
    assert client.post(f"/courses/learn/lesson/{lessons_of(course)[0].uid}/done").status_code == 404
    assert client.get("/courses/learn/not-a-uid").status_code == 404


# -- lesson page and locks ----------------------------------------------------------------------------------------
def test_a_lesson_released_later_is_403_with_the_date_in_the_readers_zone(client_as, make_plan, db):
    course = courses_of(make_plan())[0]
    lesson = lessons_of(course)[1]
    lesson.release_at = datetime(2099, 3, 3, 12, 0, tzinfo=UTC)  # 09:00 in São Paulo (UTC-3)
    db.session.flush()
    reader = client_as("staff", locale="en", timezone="America/Sao_Paulo")
    response = reader.get(f"/courses/learn/lesson/{lesson.uid}")
    assert response.status_code == 403
    page = text(response)
    assert "Available on March 3, 2099 at 9:00" in page and "your time" in page
    assert "Texte de la leçon 2." not in page
    assert "Available on March 3, 2099 at 9:00" in text(reader.get(f"/courses/learn/{course.uid}"))
    french = client_as("staff", locale="fr", timezone="America/Mexico_City")  # UTC-6
    assert "3 mars 2099" in text(french.get(f"/courses/learn/lesson/{lesson.uid}")) and "06:00" in text(
        french.get(f"/courses/learn/lesson/{lesson.uid}")
    )
    assert reader.post(f"/courses/learn/lesson/{lesson.uid}/done").status_code == 403


def test_enforced_order_locks_the_next_course_with_its_reason(staff, make_plan):
    plan = make_plan(enforce_order=True)
    first, second = courses_of(plan)
    response = staff.get(f"/courses/learn/lesson/{lessons_of(second)[0].uid}")
    assert response.status_code == 403
    assert "taken in order: finish" in text(response) and "<em>Cours 1</em>" in text(response)
    assert staff.post(f"/courses/learn/{second.uid}/start").status_code == 403
    catalogue = text(staff.get(f"/courses/catalogue?track={plan.axes[0].tracks[0].uid}"))
    assert "Locked" in catalogue


def test_the_lesson_reads_the_readers_language_and_notes_the_french_fallback(client_as, make_plan):
    course = courses_of(make_plan())[0]
    translated, untranslated = lessons_of(course)[:2]
    reader = client_as("staff", locale="es")
    page = text(reader.get(f"/courses/learn/lesson/{translated.uid}"))
    assert "Texto 1." in page and "learn-fallback" not in page
    page = text(reader.get(f"/courses/learn/lesson/{untranslated.uid}"))
    assert "Texte de la leçon 2." in page and 'lang="fr"' in page
    assert 'class="learn-fallback"' in page
    english = client_as("staff", locale="en")
    page = text(english.get(f"/courses/learn/lesson/{untranslated.uid}"))
    assert "This lesson is not yet available in English; here is the French version." in page


def test_lesson_kinds_render_their_fragment(staff, make_plan, db):
    course = courses_of(make_plan(courses=1, lessons=4))[0]
    text_lesson, video, link, live = lessons_of(course)
    text_lesson.set_texts("fr", {"title": "Texte", "body": "**Gras** <script>alert(1)</script>"})
    video.kind, video.data = "video", {"url": "https://video.example/concert"}
    video.set_texts("fr", {"title": "Concert", "transcript": "Bonjour à toutes et à tous."})
    link.kind, link.data = "link", {"url": "https://example.org/guide"}
    live.kind = "live"
    db.session.flush()
    page = text(staff.get(f"/courses/learn/lesson/{text_lesson.uid}"))
    assert "<strong>Gras</strong>" in page and "<script>alert" not in page
    assert "data-complete-on-read" in page
    page = text(staff.get(f"/courses/learn/lesson/{video.uid}"))
    assert 'href="https://video.example/concert" rel="noopener"' in page and "Bonjour à toutes et à tous." in page
    assert "data-complete-on-read" not in page
    page = text(staff.get(f"/courses/learn/lesson/{link.uid}"))
    assert 'href="https://example.org/guide" rel="noopener"' in page
    page = text(staff.get(f"/courses/learn/lesson/{live.uid}"))
    assert "live session" in page and "Mark as done" not in page
    assert "done when your attendance at the session is recorded" in page
    assert staff.post(f"/courses/learn/lesson/{live.uid}/done").status_code == 403


def test_an_uploaded_video_plays_in_the_page(staff, make_plan, db):
    course = courses_of(make_plan(courses=1, lessons=1))[0]
    video = lessons_of(course)[0]
    video.kind, video.data = "video", {"file_id": "0f3c9a7e5b2d4c1a8e6f7a9b0c1d2e3f"}
    db.session.flush()
    page = text(staff.get(f"/courses/learn/lesson/{video.uid}"))
    assert (
        '<video class="learn-video" controls preload="none" src="/courses/files/0f3c9a7e5b2d4c1a8e6f7a9b0c1d2e3f">'
        in page
    )


# -- the whole walk, with plain POSTs -----------------------------------------------------------------------------
def test_mark_done_moves_on_and_completes_course_and_track_once(staff, make_plan, db):
    first, second = courses_of(make_plan(courses=2, lessons=2))
    courses_done, tracks_done = [], []

    def on_course(sender, **kwargs):
        courses_done.append(kwargs["course"].uid)

    def on_track(sender, **kwargs):
        tracks_done.append(kwargs["track"].uid)

    with course_completed.connected_to(on_course), track_completed.connected_to(on_track):
        a, b = lessons_of(first)
        page = text(staff.get(f"/courses/learn/lesson/{a.uid}"))
        assert f'action="/courses/learn/lesson/{a.uid}/done"' in page and "Mark as done" in page
        response = staff.post(f"/courses/learn/lesson/{a.uid}/done", data={"source": "manual"})
        assert response.headers["Location"].endswith(f"/courses/learn/lesson/{b.uid}")
        assert "1 of 2 required lessons done" in text(staff.get(f"/courses/learn/lesson/{b.uid}"))
        response = staff.post(f"/courses/learn/lesson/{b.uid}/done", data={"source": "read"})
        assert response.headers["Location"].endswith(f"/courses/learn/{first.uid}")
        page = text(staff.get(response.headers["Location"]))
        assert "Congratulations: you completed Cours 1." in page and "You completed this course." in page
        staff.post(f"/courses/learn/lesson/{b.uid}/done")  # again: nothing more
        for lesson in lessons_of(second):
            staff.post(f"/courses/learn/lesson/{lesson.uid}/done")
    assert courses_done == [first.uid, second.uid] and tracks_done == [first.track.uid]
    sources = dict(db.session.execute(select(LessonCompletion.lesson_uid, LessonCompletion.source)).all())
    assert sources[a.uid].value == "manual" and sources[b.uid].value == "read"
    dashboard = text(staff.get("/dashboard"))
    assert "My plan 2027" in dashboard and "2 of 2 courses" in dashboard


def test_reading_to_the_end_counts_only_for_text_lessons(staff, make_plan, db):
    course = courses_of(make_plan(courses=1, lessons=1))[0]
    video = lessons_of(course)[0]
    video.kind, video.data = "video", {"url": "https://video.example/x"}
    db.session.flush()
    staff.post(f"/courses/learn/lesson/{video.uid}/done", data={"source": "read"})
    assert db.session.scalars(select(LessonCompletion.source)).one().value == "manual"
    assert staff.post(f"/courses/learn/lesson/{video.uid}/done", data={"source": "quiz"}).status_code == 400


def test_dashboard_widget_shows_the_plan_tracks_and_next_lesson(staff, make_plan):
    first, _second = courses_of(make_plan(courses=2, lessons=2))
    page = text(staff.get("/dashboard"))
    assert "My plan 2027" in page and "You have not started a course of this plan yet." in page
    staff.post(f"/courses/learn/lesson/{lessons_of(first)[0].uid}/done")
    page = text(staff.get("/dashboard"))
    # The headline agrees with the track's bar below it: both count the track's two courses.
    assert "0 of 2 courses" in page and "Stratégie numérique" in page and "0 of 1 courses" not in page
    assert page.count('<progress max="2" value="0"') == 2
    assert f'href="/courses/learn/lesson/{lessons_of(first)[1].uid}" lang="fr">Leçon 1.2</a>' in page
    assert 'role="progressbar"' in page or "<progress" in page


def test_catalogue_is_in_the_main_navigation(staff):
    page = text(staff.get("/dashboard"))
    assert '<a href="/courses/catalogue">Catalogue</a>' in page


def test_french_fallback_titles_carry_their_language(make_plan, client_as):
    plan = make_plan()
    course = plan.axes[0].tracks[0].courses[0]
    reader = client_as("staff", locale="es")
    assert '<span lang="fr">Stratégie numérique</span>' in reader.get("/courses/catalogue").get_data(as_text=True)
    catalogue = reader.get(f"/courses/catalogue?track={plan.axes[0].tracks[0].uid}").get_data(as_text=True)
    assert '<span lang="fr">Stratégie numérique</span>' in catalogue  # the track has no Spanish title
    assert 'lang="fr">Cours 1</a>' in catalogue
    page = reader.get(f"/courses/learn/{course.uid}").get_data(as_text=True)
    assert '<h1><span lang="fr">Cours 1</span>' in page
    assert "Nuevas formas de comunicación" in page and '<span lang="fr">Nuevas' not in page


def test_a_published_plans_lesson_languages_are_read_once_and_a_drafts_each_time(make_plan, count_queries, db):
    """Reading every lesson's texts costs seconds at network scale: a published plan, which never changes, is read
    once per process; a draft, which authors change, every time."""
    forget_lesson_languages()
    published, draft = make_plan(2027, courses=1), make_plan(2028, courses=1, published=False)
    course = courses_of(published)[0]
    with count_queries() as first:
        assert lessons_in_languages(published, ("fr", "es"))[course.id] == {"fr"}
    with count_queries() as again:
        assert lessons_in_languages(published, ("fr", "es", "pt"))[course.id] == {"fr"}
    assert first.count == 1 and again.count == 0
    with count_queries() as drafts:
        lessons_in_languages(draft, ("fr", "es"))
        lessons_in_languages(draft, ("fr", "es"))
    assert drafts.count == 2

"""Issue 4 walked in a real browser: a trainer writes a course, an admin publishes the plan, a learner reading in
Spanish finds the course, reads it (one lesson translated, the others in French with a note) and completes it.

The walk runs twice: with JavaScript (axe checks every page, the learner uses the keyboard) and without it (axe needs
JavaScript, so it does not run there). Each walk records how long it took (``walk_seconds``); the benchmarks
read that figure (``python -m benchmarks.walks``), the tests do not judge it. Languages are told apart by ``<html lang>``, ``lang`` attributes and the
texts written in the walk, never by interface strings (their translations are being filled separately).
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# What the trainer writes. The first lesson is translated into Spanish; the other two stay in French.
PARAGRAPHS = 14  # long enough that the end of a lesson starts below the fold (see ``mark_done``)


def _body(sentence: str) -> str:
    return "\n\n".join(f"**{n}.** {sentence}" for n in range(1, PARAGRAPHS + 1))


LESSONS = [
    {
        "fr": "Préparer la captation",
        "body": _body(
            "Repérez la salle avec l'équipe technique : prises électriques, réseau filaire, place des caméras "
            "et du pupitre son, sans gêner le public ni les artistes pendant le concert."
        ),
        "es": "Preparar la grabación",
        "es_body": _body(
            "Recorra la sala con el equipo técnico: tomas eléctricas, red por cable, lugar de las cámaras y de "
            "la mesa de sonido, sin molestar al público ni a los artistas durante el concierto."
        ),
    },
    {
        "fr": "Choisir la plateforme de diffusion",
        "body": _body(
            "Comparez les plateformes selon votre public : gratuité, sous-titrage, qualité sur une connexion "
            "lente, droits musicaux et possibilité de revoir le concert après la diffusion."
        ),
    },
    {
        "fr": "Faire le bilan après le concert",
        "body": _body(
            "Rassemblez les chiffres d'audience, les messages du public et les remarques de l'équipe, puis "
            "notez ce qu'il faudra changer pour la prochaine diffusion en direct."
        ),
    },
]


# -- helpers -------------------------------------------------------------------------------------------------------
def lang(page: Any) -> str | None:
    return page.locator("html").get_attribute("lang")


def path_is(path: str) -> re.Pattern[str]:
    return re.compile(rf"^https?://[^/]+{re.escape(path)}(\?.*)?(#.*)?$")


def id_in_url(page: Any, pattern: str) -> int:
    found = re.search(pattern, page.url)
    assert found, f"{page.url} does not match {pattern}"
    return int(found.group(1))


def sign_in(page: Any, person: Any) -> None:
    page.goto("/sign-in")
    page.fill("#email", person.email)
    page.fill("#password", person.password)
    page.click("#submit")
    expect(page).to_have_url(path_is("/dashboard"))


def activate(page: Any, target: Any, *, keyboard: bool) -> None:
    """Follow a link or press a button, with the keyboard (focus, then Enter) or the mouse."""
    if not keyboard:
        target.click()
        return
    target.focus()
    reachable = target.evaluate("e => e === document.activeElement && e.tabIndex >= 0 && !e.disabled")
    assert reachable, f"{target} cannot be reached with the Tab key on {page.url}"
    page.keyboard.press("Enter")


def save(page: Any) -> None:
    """Press the editor's Save button and wait for the stored version to move on (the save redirected)."""
    version = int(page.locator("#version").input_value())
    page.click("form.editor button[type=submit]")
    expect(page.locator(".form-errors")).to_have_count(0)
    expect(page.locator("#version")).to_have_value(str(version + 1))


def expect_progress(bar: Any, done: int, total: int) -> None:
    expect(bar).to_have_attribute("value", str(done))
    expect(bar).to_have_attribute("max", str(total))


# -- the live data a walk starts from ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scene:
    year: int
    plan_id: int
    track_id: int
    track_title: str
    token: str
    trainer: Any
    admin: Any
    learner: Any


@pytest.fixture
def scene(live_app: Any, live_user: Callable[..., Any]) -> Scene:
    """A draft plan (the latest year, so that the catalogue and the dashboard show it) with one axis and one track,
    a trainer assigned to the track, a network admin and a learner who reads Spanish; all committed for real."""
    from sqlalchemy import func, select

    from courses.models import Assignment, Axis, Plan, PlanStatus, Track, new_uid
    from sonores_lms.extensions import db

    trainer = live_user(role="trainer", first_name="Inès", locale="fr")
    admin = live_user(role="admin", first_name="Hélène", locale="fr")
    learner = live_user(role="staff", first_name="Lucía", locale="es")
    token = secrets.token_hex(3)
    track_title = f"Diffusion en ligne {token}"
    with live_app.app_context():
        year = max(db.session.scalar(select(func.max(Plan.year))) or 0, 2026) + 1
        plan = Plan(year=year, revision=1, status=PlanStatus.DRAFT)
        plan.set_texts("fr", {"title": f"Plan de formation {year}"})
        axis = Axis(code="communication", position=0)
        axis.set_texts("fr", {"title": "Nouvelles formes de communication"})
        axis.set_texts("es", {"title": "Nuevas formas de comunicación"})
        plan.axes.append(axis)
        track = Track(uid=new_uid(), position=0)
        track.set_texts("fr", {"title": track_title})
        axis.tracks.append(track)
        db.session.add(plan)
        db.session.add(Assignment(user_id=trainer.id, track_uid=track.uid))
        db.session.commit()
        plan_id, track_id = plan.id, track.id
    return Scene(year, plan_id, track_id, track_title, token, trainer, admin, learner)


def published_uids(live_app: Any, course_id: int) -> tuple[str, list[str]]:
    """The course's uid and its lessons' uids, in order: learners' addresses use them."""
    from courses.models import Course, Plan, PlanStatus
    from sonores_lms.extensions import db

    with live_app.app_context():
        course = db.session.get(Course, course_id)
        assert course is not None
        plan = db.session.get(Plan, course.track.axis.plan_id)
        assert plan is not None and plan.status == PlanStatus.PUBLISHED
        lessons = [lesson.uid for module in course.modules for lesson in module.lessons]
        return course.uid, lessons


# -- the three people ----------------------------------------------------------------------------------------------
def trainer_writes_course(page: Any, scene: Scene, check: Callable[[Any], Any]) -> dict[str, Any]:
    """Through the authoring pages: a course, a module, three lessons in French, one translated into Spanish."""
    year = scene.year
    course_title = f"Diffuser un concert en direct, Édition {scene.token}"
    sign_in(page, scene.trainer)
    assert lang(page) == "fr"
    check(page)

    page.click("header a[href='/courses/author/']:visible")
    expect(page).to_have_url(path_is("/courses/author/"))
    check(page)
    page.click(f"main a[href='/courses/author/{year}']")
    expect(page).to_have_url(path_is(f"/courses/author/{year}"))
    expect(page.locator(f"#track-{scene.track_id} h3")).to_have_text(scene.track_title)
    check(page)

    track_page = f"/courses/author/tracks/{scene.track_id}/courses"
    page.click(f"#track-{scene.track_id} h3 a[href='{track_page}']")
    expect(page).to_have_url(path_is(track_page))
    expect(page.locator("main h1")).to_have_text(scene.track_title)
    check(page)
    page.click(f"main a[href='/courses/author/tracks/{scene.track_id}/courses/new']")
    check(page)
    page.fill("#title", course_title)
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/courses/author/courses/\d+$"))
    course_id = id_in_url(page, r"/courses/author/courses/(\d+)$")
    expect(page.locator("#fr-title")).to_have_value(course_title)
    check(page)
    page.fill("#fr-summary", "Filmer et diffuser un concert depuis votre salle, avec peu de moyens.")
    page.fill("#fr-objectives", "- Préparer une captation\n- Choisir une plateforme\n- Mesurer l'audience")
    save(page)
    check(page)

    page.click(f"main a[href='/courses/author/courses/{course_id}/modules/new']")
    check(page)
    page.fill("#title", "Avant, pendant et après le concert")
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/courses/author/modules/\d+$"))
    module_id = id_in_url(page, r"/courses/author/modules/(\d+)$")
    check(page)

    lesson_ids = []
    for number, lesson in enumerate(LESSONS):
        if number:  # the next lesson is added from the plan's tree: the track, the course, then its module
            page.click(f"main a[href^='/courses/author/{year}']")
            expect(page).to_have_url(path_is(f"/courses/author/{year}"))
            check(page)
            page.click(f"#track-{scene.track_id} h3 a[href='{track_page}']")
            expect(page).to_have_url(path_is(track_page))
            check(page)
            page.click(f"#course-{course_id} a[href='/courses/author/courses/{course_id}']")
            page.click(f"main a[href='/courses/author/modules/{module_id}']")
            expect(page).to_have_url(path_is(f"/courses/author/modules/{module_id}"))
            page.click(f"main a[href='/courses/author/modules/{module_id}/lessons/new']")
        else:
            page.click(f"main a[href='/courses/author/modules/{module_id}/lessons/new']")
        check(page)
        page.fill("#title", lesson["fr"])
        page.select_option("#kind", "text")
        page.click("main form button[type=submit]")
        expect(page).to_have_url(re.compile(r"/courses/author/lessons/\d+$"))
        lesson_ids.append(id_in_url(page, r"/courses/author/lessons/(\d+)$"))
        check(page)
        page.fill("#fr-body", lesson["body"])
        page.fill("#duration_minutes", str(15 + 5 * number))
        expect(page.locator("#required")).to_be_checked()
        save(page)
        expect(page.locator("#fr-body")).to_have_value(lesson["body"])
        check(page)

    # The first lesson gets its Spanish version.
    first = LESSONS[0]
    page.click(f"main a[href^='/courses/author/{year}']")
    page.click(f"#track-{scene.track_id} h3 a[href='{track_page}']")
    page.click(f"#course-{course_id} a[href='/courses/author/courses/{course_id}']")
    page.click(f"main a[href='/courses/author/modules/{module_id}']")
    page.click(f"main a[href='/courses/author/lessons/{lesson_ids[0]}']")
    expect(page).to_have_url(path_is(f"/courses/author/lessons/{lesson_ids[0]}"))
    spanish = page.locator("fieldset.language", has=page.locator("#es-title"))
    expect(spanish).to_have_class(re.compile(r"\bstatus-missing\b"))
    page.fill("#es-title", first["es"])
    page.fill("#es-body", first["es_body"])
    save(page)
    expect(spanish).to_have_class(re.compile(r"\bstatus-up-to-date\b"))
    expect(page.locator("#es-title")).to_have_attribute("lang", "es")
    check(page)

    # The preview shows what a Spanish reader gets.
    page.click(f"main a[href='/courses/author/lessons/{lesson_ids[0]}/preview?lang=es']")
    heading = page.locator("main article h1")
    expect(heading).to_have_text(first["es"])
    expect(heading).to_have_attribute("lang", "es")
    check(page)

    page.click(f".preview-banner a[href='/courses/author/lessons/{lesson_ids[0]}']")  # back to the editor
    expect(page).to_have_url(path_is(f"/courses/author/lessons/{lesson_ids[0]}"))
    page.click(f"main a[href^='/courses/author/{year}']")
    # The trainer reads French: the year shows the track's figures, the track's page the course's.
    expect(page.locator(f"#track-{scene.track_id} .node .muted").first).to_contain_text(f"{len(LESSONS)} leçons")
    check(page)
    page.click(f"#track-{scene.track_id} h3 a[href='{track_page}']")
    expect(page.locator(f"#course-{course_id} .node .muted").first).to_contain_text(f"{len(LESSONS)} leçons")
    check(page)
    page.click(f"#course-{course_id} a[href='/courses/author/courses/{course_id}']")
    # The course's page outlines its lessons, each with its preview.
    for lesson_id, lesson in zip(lesson_ids, LESSONS, strict=True):
        expect(page.locator(f"#lesson-{lesson_id} a[href='/courses/author/lessons/{lesson_id}']")).to_have_text(
            lesson["fr"]
        )
        expect(
            page.locator(f"#lesson-{lesson_id} a[href='/courses/author/lessons/{lesson_id}/preview']")
        ).to_have_count(1)
    check(page)
    page.click(f"main a[href='/courses/author/modules/{module_id}']")
    for lesson_id, lesson in zip(lesson_ids, LESSONS, strict=True):
        expect(page.locator(f"main a[href='/courses/author/lessons/{lesson_id}']").first).to_have_text(lesson["fr"])
    check(page)
    return {"course_id": course_id, "course_title": course_title, "module_id": module_id, "lesson_ids": lesson_ids}


def admin_publishes(page: Any, scene: Scene, check: Callable[[Any], Any]) -> None:
    sign_in(page, scene.admin)
    check(page)
    page.click("header a[href='/courses/plans/']:visible")
    expect(page).to_have_url(path_is("/courses/plans/"))
    check(page)
    page.locator(f"main a[href='/courses/plans/{scene.plan_id}']").first.click()
    expect(page).to_have_url(path_is(f"/courses/plans/{scene.plan_id}"))
    expect(page.locator(".plan-meta .plan-status-draft")).to_have_count(1)
    expect(page.locator(".plan-problems")).to_have_count(0)
    check(page)
    page.click(f"main a[href='/courses/plans/{scene.plan_id}/publish']")
    expect(page).to_have_url(path_is(f"/courses/plans/{scene.plan_id}/publish"))
    check(page)
    page.click("main form.actions button[type=submit]")
    expect(page).to_have_url(path_is(f"/courses/plans/{scene.plan_id}"))
    expect(page.locator(".plan-meta .plan-status-published")).to_have_count(1)
    check(page)


def trainer_browses_published(page: Any, scene: Scene, written: dict[str, Any], check: Callable[[Any], Any]) -> None:
    """Once published, the trainer still reads the course, its modules and lessons (no editor), and previews them."""
    course_id, lesson_ids = written["course_id"], written["lesson_ids"]
    track_page = f"/courses/author/tracks/{scene.track_id}/courses"
    page.goto(f"/courses/author/{scene.year}")
    expect(page.locator(f"form[action='/courses/author/{scene.year}/draft'] button")).to_have_count(1)
    check(page)
    page.click(f"#track-{scene.track_id} h3 a[href='{track_page}']")
    expect(page).to_have_url(path_is(track_page))
    expect(page.locator("main button[formaction]")).to_have_count(0)
    check(page)
    page.click(f"#course-{course_id} a[href='/courses/author/courses/{course_id}']")
    expect(page).to_have_url(path_is(f"/courses/author/courses/{course_id}"))
    expect(page.locator("form.editor")).to_have_count(0)
    expect(page.locator(f"#lesson-{lesson_ids[0]}")).to_contain_text(LESSONS[0]["fr"])
    check(page)
    page.click(f"#lesson-{lesson_ids[0]} a[href='/courses/author/lessons/{lesson_ids[0]}/preview']")
    expect(page.locator("main article h1")).to_have_text(LESSONS[0]["fr"])
    check(page)


def learner_completes_course(
    page: Any, scene: Scene, written: dict[str, Any], uids: tuple[str, list[str]], check: Callable[[Any], Any], *,
    keyboard: bool,
) -> None:  # fmt: skip
    """Sign in (Spanish profile), search the catalogue, start, read, mark done, see the bars move."""
    course_uid, lesson_uids = uids
    widget = page.locator("section[aria-labelledby='widget-courses-my-plan']")
    sign_in(page, scene.learner)
    assert lang(page) == "es"  # the profile's language, although the browser asks for French
    expect(widget).to_have_count(1)
    expect(widget.locator("progress")).to_have_count(0)  # nothing started yet
    check(page)

    activate(page, page.locator("header a[href='/courses/catalogue']:visible"), keyboard=keyboard)
    expect(page).to_have_url(path_is("/courses/catalogue"))
    assert lang(page) == "es"
    check(page)
    # Search without the accent and in another case: the course is found by its French title.
    page.fill("#q", f"edition {scene.token.upper()}")
    if keyboard:
        page.keyboard.press("Enter")
    else:
        page.click("form[role=search] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/courses/catalogue\?.*q=edition"))
    cards = page.locator(".learn-card")
    expect(cards).to_have_count(1)
    link = cards.locator(f"a[href='/courses/learn/{course_uid}']")
    expect(link).to_have_text(written["course_title"])
    check(page)

    activate(page, link, keyboard=keyboard)
    expect(page).to_have_url(path_is(f"/courses/learn/{course_uid}"))
    assert lang(page) == "es"
    expect(page.locator("main h1")).to_contain_text(written["course_title"])
    expect(page.locator("main > .learn-fallback[role=note]")).to_have_count(1)  # the course itself is in French
    expect_progress(page.locator("main > .learn-progress progress"), 0, 3)
    check(page)
    activate(page, page.locator(f"form[action='/courses/learn/{course_uid}/start'] button"), keyboard=keyboard)

    heading = page.locator("h1#lesson-title")
    aside_bar = page.locator(".learn-aside .learn-progress progress")
    for number, (uid, lesson) in enumerate(zip(lesson_uids, LESSONS, strict=True)):
        expect(page).to_have_url(path_is(f"/courses/learn/lesson/{uid}"))
        assert lang(page) == "es"
        text = page.locator("article .learn-text")
        if "es" in lesson:  # translated: Spanish, no note
            expect(heading).to_have_text(lesson["es"])
            expect(heading).not_to_have_attribute("lang", re.compile(".*"))
            expect(page.locator(".learn-fallback")).to_have_count(0)
            expect(text).to_contain_text(lesson["es_body"].split("\n\n")[0].replace("**", ""))
            expect(text).not_to_have_attribute("lang", re.compile(".*"))
        else:  # French, marked as such, with the note
            expect(heading).to_have_text(lesson["fr"])
            expect(heading).to_have_attribute("lang", "fr")
            expect(page.locator("article .learn-fallback[role=note]")).to_have_count(1)
            expect(page.locator("article .learn-fallback")).not_to_be_empty()
            expect(text).to_have_attribute("lang", "fr")
            expect(text).to_contain_text(lesson["body"].split("\n\n")[0].replace("**", ""))
        expect_progress(aside_bar, number, 3)
        expect(page.locator(".learn-aside a[aria-current=page]")).to_have_attribute(
            "href", f"/courses/learn/lesson/{uid}"
        )
        if keyboard:  # JavaScript on: the lesson would complete by itself once its end has been on screen
            below = page.evaluate("document.getElementById('lesson-end').getBoundingClientRect().top > innerHeight")
            assert below, "the end of the lesson is on screen at once: make LESSONS longer to keep the walk steady"
        check(page)

        done = page.locator(f"form[action='/courses/learn/lesson/{uid}/done'] button")
        activate(page, done, keyboard=keyboard)

        if number == 0:  # halfway: the dashboard shows the course under way and leads to the next lesson
            expect(page).to_have_url(path_is(f"/courses/learn/lesson/{lesson_uids[1]}"))
            activate(page, page.locator("header a[href='/dashboard']:visible"), keyboard=keyboard)
            expect(page).to_have_url(path_is("/dashboard"))
            bars = widget.locator("progress")
            expect(bars).to_have_count(2)  # the plan, then the track
            expect_progress(bars.nth(0), 0, 1)
            expect_progress(bars.nth(1), 0, 1)
            expect(widget).to_contain_text(scene.track_title)
            check(page)
            activate(page, widget.locator(f"a[href='/courses/learn/lesson/{lesson_uids[1]}']"), keyboard=keyboard)

    # The last one completes the course: back on its page, every lesson done.
    expect(page).to_have_url(path_is(f"/courses/learn/{course_uid}"))
    expect_progress(page.locator("main > .learn-progress progress"), 3, 3)
    expect(page.locator(".learn-outline .learn-item.is-done")).to_have_count(3)
    expect(page.locator(f"form[action='/courses/learn/{course_uid}/start']")).to_have_count(0)
    expect(page.locator(".flashes .flash-success")).to_have_count(1)
    check(page)

    activate(page, page.locator("header a[href='/dashboard']:visible"), keyboard=keyboard)
    expect(page).to_have_url(path_is("/dashboard"))
    bars = widget.locator("progress")
    expect_progress(bars.nth(0), 1, 1)
    expect_progress(bars.nth(1), 1, 1)
    check(page)


def assert_recorded(live_app: Any, scene: Scene, course_uid: str) -> None:
    """What the walk left in the database: a completed enrolment and three lessons done, for the learner."""
    from sqlalchemy import func, select

    from courses.models import Enrolment, EnrolmentStatus, LessonCompletion
    from sonores_lms.extensions import db

    with live_app.app_context():
        enrolment = db.session.scalars(
            select(Enrolment).where(Enrolment.user_id == scene.learner.id, Enrolment.course_uid == course_uid)
        ).one()
        assert enrolment.status == EnrolmentStatus.COMPLETED
        assert enrolment.completed_at is not None
        done = db.session.scalar(
            select(func.count()).select_from(LessonCompletion).where(LessonCompletion.user_id == scene.learner.id)
        )
        assert done == 3


def walk(
    live_app: Any, new_context: Callable[..., Any], scene: Scene, check: Callable[[Any], Any], *, js: bool
) -> float:
    """The whole walk; returns its duration in seconds."""
    started = time.monotonic()
    trainer = new_context(java_script_enabled=js).new_page()
    written = trainer_writes_course(trainer, scene, check)
    admin = new_context(java_script_enabled=js).new_page()
    admin_publishes(admin, scene, check)
    trainer_browses_published(trainer, scene, written, check)
    uids = published_uids(live_app, written["course_id"])
    learner = new_context(java_script_enabled=js).new_page()
    learner_completes_course(learner, scene, written, uids, check, keyboard=js)
    assert_recorded(live_app, scene, uids[0])
    return time.monotonic() - started


# -- the tests -----------------------------------------------------------------------------------------------------
def test_course_walk_with_javascript(live_app, new_context, scene, check_a11y, record_property):
    record_property("walk_seconds", round(walk(live_app, new_context, scene, check_a11y, js=True), 2))


def test_course_walk_without_javascript(live_app, new_context, scene, record_property):
    record_property("walk_seconds", round(walk(live_app, new_context, scene, lambda _page: None, js=False), 2))

"""Issue 10 walked in a real browser: a learner reading Portuguese finishes the last lesson of a course, finds the
certificate on the dashboard and on "my certificates", downloads it (read back with pypdf: their name and the code as
text, in Portuguese); then an anonymous visitor checks it on the public page, typing the code carelessly, with and
without JavaScript (axe checks the pages where JavaScript runs), and meets the 404 page with the form for a wrong
code.

Each walk records how long it took (``walk_seconds``); the tests do not judge it.
"""

from __future__ import annotations

import io
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Scene:
    learner: Any
    course_uid: str
    lesson_uid: str
    course_title: str


@pytest.fixture
def scene(live_app: Any, live_user: Callable[..., Any]) -> Scene:
    """A published plan (its own year) with a one-lesson course, the network's certificate template (issued on
    completion) and a learner who reads Portuguese, all committed for real."""
    from sqlalchemy import func, select

    from certificates.models import CertificateTemplate
    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track
    from sonores_lms.database import utcnow
    from sonores_lms.extensions import db

    learner = live_user(role="staff", first_name="João", last_name="Nguyễn de São Paulo", locale="pt")
    token = secrets.token_hex(3)
    with live_app.app_context():
        year = max(db.session.scalar(select(func.max(Plan.year))) or 0, 2026) + 1
        plan = Plan(year=year, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
        plan.set_texts("fr", {"title": f"Plan {year}"})
        axis = Axis(code="communication", position=0)
        axis.set_texts("fr", {"title": "Communication"})
        plan.axes.append(axis)
        track = Track(position=0)
        track.set_texts("fr", {"title": f"Parcours {token}"})
        axis.tracks.append(track)
        course = Course(position=0)
        title = f"Accueillir tous les publics {token}"
        course.set_texts("fr", {"title": title, "summary": "Résumé", "objectives": "Objectifs"})
        course.set_texts("pt", {"title": f"Acolher todos os públicos {token}"})
        track.courses.append(course)
        module = Module(position=0)
        module.set_texts("fr", {"title": "Module"})
        course.modules.append(module)
        lesson = Lesson(position=0, kind="text", duration_minutes=90)
        lesson.set_texts("fr", {"title": "Une leçon", "body": "Le texte de la leçon."})
        module.lessons.append(lesson)
        db.session.add(plan)
        if db.session.scalar(select(CertificateTemplate).where(CertificateTemplate.scope == "network")) is None:
            template = CertificateTemplate(scope="network", name="Réseau", auto_issue=True)
            template.set_texts("fr", {"title": "Attestation de formation", "body": "{name} : « {course} »"})
            template.set_texts("pt", {"title": "Certificado de formação", "body": "{name} concluiu «{course}»."})
            db.session.add(template)
        db.session.commit()
        return Scene(learner, course.uid, lesson.uid, f"Acolher todos os públicos {token}")


def sign_in(page: Any, person: Any) -> None:
    page.goto("/sign-in")
    page.fill("#email", person.email)
    page.fill("#password", person.password)
    page.click("#submit")
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def learner_gets_the_certificate(page: Any, scene: Scene, check: Callable[[Any], Any]) -> str:
    sign_in(page, scene.learner)
    page.goto(f"/courses/learn/lesson/{scene.lesson_uid}")
    check(page)
    page.click(f"form[action='/courses/learn/lesson/{scene.lesson_uid}/done'] button")
    # The certificates (the course's, and the track's: its only course is done) are on the dashboard, then on "my
    # certificates", then on the course's page.
    page.goto("/dashboard")
    expect(page.locator("main a[href^='/certificates/SON-']")).to_have_count(2)
    check(page)
    page.click("main a[href='/certificates/mine']")
    expect(page).to_have_url(re.compile(r"/certificates/mine$"))
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    check(page)
    row = page.locator("main tr").filter(has_text=scene.course_title)
    link = row.locator("a[href^='/certificates/verify/SON-']")
    code = link.inner_text().strip()
    assert re.fullmatch(r"SON-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code), code
    with page.expect_download() as download_info:
        page.click(f"main a[href='/certificates/{code}.pdf']")
    data = Path(download_info.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    text = reader.pages[0].extract_text()
    assert "João Nguyễn de São Paulo" in text and code in text and scene.course_title in text
    assert reader.trailer["/Root"]["/Lang"] == "pt"
    page.goto(f"/courses/learn/{scene.course_uid}")
    expect(page.locator(f"main a[href='/certificates/{code}.pdf']")).to_have_count(1)
    check(page)
    return code


def visitor_checks_it(new_context: Callable[..., Any], code: str, check: Callable[[Any], Any], js: bool) -> None:
    context = new_context(java_script_enabled=js, locale="es-MX")
    page = context.new_page()
    page.goto("/certificates/verify")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    check(page)
    typed = " " + code[4:].replace("-", " ").lower() + " "  # lower case, spaces, no prefix
    page.fill("#code", typed)
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(rf"/certificates/verify/{code}$"))
    expect(page.locator("main h1")).to_have_class(re.compile(r"\bcert-valid\b"))
    expect(page.locator("main .cert-facts")).to_contain_text("João Nguyễn de São Paulo")
    check(page)
    page.fill("#code", "SON-2222-2222")
    page.click("main form button[type=submit]")
    expect(page.locator("main .cert-unknown")).to_have_count(1)
    expect(page.locator("#code")).to_have_value("SON-2222-2222")
    check(page)


def walk(new_context: Callable[..., Any], scene: Scene, check: Callable[[Any], Any], js: bool) -> float:
    started = time.perf_counter()
    learner_page = new_context(java_script_enabled=js, locale="pt-BR", accept_downloads=True).new_page()
    code = learner_gets_the_certificate(learner_page, scene, check)
    visitor_checks_it(new_context, code, check, js)
    return time.perf_counter() - started


def test_certificate_walk_with_javascript(new_context, scene, check_a11y, record_property):
    record_property("walk_seconds", round(walk(new_context, scene, check_a11y, js=True), 2))


def test_certificate_walk_without_javascript(new_context, scene, record_property):
    record_property("walk_seconds", round(walk(new_context, scene, lambda _page: None, js=False), 2))

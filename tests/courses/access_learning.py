"""Access rows for the catalogue and learning routes: every signed-in person learns."""

from __future__ import annotations

from typing import Any

from tests.access import ROLES, SIGN_IN, SIGNED_IN

_POST_OK = {role: 302 for role in ROLES}  # signed in: started or marked done, then redirected; anonymous: sign-in
_POST_OK["anonymous"] = SIGN_IN

ROWS: dict[str, tuple[str, str, dict[str, int]]] = {
    "courses.catalogue": ("GET", "/courses/catalogue", SIGNED_IN),
    "courses.learn_course": ("GET", "/courses/learn/{learning_course}", SIGNED_IN),
    "courses.learn_start": ("POST", "/courses/learn/{learning_course}/start", _POST_OK),
    "courses.learn_lesson": ("GET", "/courses/learn/lesson/{learning_lesson}", SIGNED_IN),
    "courses.learn_complete": ("POST", "/courses/learn/lesson/{learning_lesson}/done", _POST_OK),
}


def objects(make: Any) -> dict[str, Any]:
    """A published plan of its own year, open to everyone, with one course of one text lesson."""
    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track
    from sonores_lms.database import utcnow

    plan = Plan(year=2093, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
    plan.set_texts("fr", {"title": "Plan d'accès"})
    axis = Axis(code="learning-access", position=0)
    axis.set_texts("fr", {"title": "Axe"})
    plan.axes.append(axis)
    track = Track(position=0)
    track.set_texts("fr", {"title": "Parcours"})
    axis.tracks.append(track)
    course = Course(position=0)
    course.set_texts("fr", {"title": "Cours ouvert"})
    track.courses.append(course)
    module = Module(position=0)
    module.set_texts("fr", {"title": "Module"})
    course.modules.append(module)
    lesson = Lesson(position=0, kind="text")
    lesson.set_texts("fr", {"title": "Leçon", "body": "Texte."})
    module.lessons.append(lesson)
    make.db.session.add(plan)
    make.db.session.flush()
    return {"learning_course": course.uid, "learning_lesson": lesson.uid}

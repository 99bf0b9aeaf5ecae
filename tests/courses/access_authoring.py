"""Access rows for the authoring routes: trainers and admins author; the matrix's trainer is assigned nothing."""

from __future__ import annotations

from typing import Any

from tests.access import ROLES, SIGN_IN, only

AUTHORS = ("trainer", "admin", "director")  # the institute director holds courses.author through a scoped admin role
ADMIN_ONLY = only(("admin",))
# Pages for a track's or course's authors: the matrix's trainer and director are assigned nothing.
ASSIGNED = only(("admin",))
HOME = only(AUTHORS)


def _post(admin_status: int) -> dict[str, int]:
    return only(("admin",), admin_status)


ROWS: dict[str, tuple[str, str, dict[str, int]]] = {
    "courses.author_home": ("GET", "/courses/author/", HOME),
    "courses.author_year": ("GET", "/courses/author/{authoring_year}", ASSIGNED),
    "courses.author_start_draft": ("POST", "/courses/author/{authoring_year}/draft", _post(302)),
    "courses.author_new_track": ("GET", "/courses/author/axes/{authoring_axis}/tracks/new", ADMIN_ONLY),
    "courses.author_edit_track": ("GET", "/courses/author/tracks/{authoring_track}", ASSIGNED),
    "courses.author_track": ("GET", "/courses/author/tracks/{authoring_track}/courses", ASSIGNED),
    "courses.author_new_course": ("GET", "/courses/author/tracks/{authoring_track}/courses/new", ASSIGNED),
    "courses.author_edit_course": ("GET", "/courses/author/courses/{authoring_course}", ASSIGNED),
    "courses.author_new_module": ("GET", "/courses/author/courses/{authoring_course}/modules/new", ASSIGNED),
    "courses.author_edit_module": ("GET", "/courses/author/modules/{authoring_module}", ASSIGNED),
    "courses.author_new_lesson": ("GET", "/courses/author/modules/{authoring_module}/lessons/new", ASSIGNED),
    "courses.author_edit_lesson": ("GET", "/courses/author/lessons/{authoring_lesson}", ASSIGNED),
    "courses.author_preview_lesson": ("GET", "/courses/author/lessons/{authoring_lesson}/preview?lang=es", ASSIGNED),
    # An empty form carries no version nor direction: refused before anything changes.
    "courses.author_delete": ("POST", "/courses/author/lesson/{authoring_lesson}/delete", _post(400)),
    "courses.author_move": ("POST", "/courses/author/lesson/{authoring_lesson}/move", _post(400)),
    "courses.author_trainers": ("GET", "/courses/author/track/{authoring_track}/trainers", ADMIN_ONLY),
    "courses.author_remove_trainer": (
        "POST",
        "/courses/author/track/{authoring_track}/trainers/999999/remove",
        _post(404),
    ),
    "courses.stored_file": ("GET", "/courses/files/999999", {**{r: 404 for r in ROLES}, "anonymous": SIGN_IN}),
}


def objects(make: Any) -> dict[str, Any]:
    """A draft plan of its own year, so that no other area's plan gets in its way."""
    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track

    plan = Plan(year=2091, revision=1, status=PlanStatus.DRAFT)
    plan.set_texts("fr", {"title": "Plan de formation 2091"})
    axis = Axis(code="communication", position=0)
    axis.set_texts("fr", {"title": "Communication"})
    track = Track(position=0)
    track.set_texts("fr", {"title": "Parcours"})
    course = Course(position=0)
    course.set_texts("fr", {"title": "Cours"})
    module = Module(position=0)
    module.set_texts("fr", {"title": "Module"})
    lesson = Lesson(position=0, kind="text", duration_minutes=5)
    lesson.set_texts("fr", {"title": "Leçon", "body": "Texte."})
    module.lessons.append(lesson)
    course.modules.append(module)
    track.courses.append(course)
    axis.tracks.append(track)
    plan.axes.append(axis)
    make.db.session.add(plan)
    make.db.session.flush()
    return {
        "authoring_year": plan.year,
        "authoring_axis": axis.id,
        "authoring_track": track.id,
        "authoring_course": course.id,
        "authoring_module": module.id,
        "authoring_lesson": lesson.id,
    }

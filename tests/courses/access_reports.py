"""Access rows for the progress reports and the offline lesson pack."""

from __future__ import annotations

from typing import Any

from tests.access import SIGNED_IN, only

REPORTS = only(("admin", "director"))

ROWS: dict[str, tuple[str, str, dict[str, int]]] = {
    "courses.reports": ("GET", "/courses/reports/", REPORTS),
    "courses.reports_csv": ("GET", "/courses/reports/institutes.csv", REPORTS),
    "courses.reports_xlsx": ("GET", "/courses/reports/people.xlsx", REPORTS),
    "courses.offline_pack": ("GET", "/courses/learn/{reports_course_uid}/pack.html", SIGNED_IN),
    "courses.offline_pack_pdf": ("GET", "/courses/learn/{reports_course_uid}/pack.pdf", SIGNED_IN),
    # An empty form: the page answers with its message, nothing is marked.
    "courses.offline_progress": ("POST", "/courses/learn/{reports_course_uid}/offline", SIGNED_IN),
}


def objects(make: Any) -> dict[str, Any]:
    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track
    from sonores_lms.database import utcnow

    plan = Plan(year=2031, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
    plan.set_texts("fr", {"title": "Plan de formation 2031"})
    axis = Axis(code="communication", position=0)
    axis.set_texts("fr", {"title": "Communication"})
    track = Track(position=0)
    track.set_texts("fr", {"title": "Parcours"})
    course = Course(position=0)
    course.set_texts("fr", {"title": "Cours hors ligne"})
    module = Module(position=0)
    module.set_texts("fr", {"title": "Module"})
    lesson = Lesson(position=0, kind="text")
    lesson.set_texts("fr", {"title": "Leçon", "body": "Texte."})
    module.lessons.append(lesson)
    course.modules.append(module)
    track.courses.append(course)
    axis.tracks.append(track)
    plan.axes.append(axis)
    make.db.session.add(plan)
    make.db.session.flush()
    return {"reports_course": course.id, "reports_course_uid": course.uid}

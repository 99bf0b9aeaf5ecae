"""Access rows for the progress reports (a director sees their own institute only) and the offline pack."""

from __future__ import annotations

from typing import Any

from tests.access import SIGNED_IN, only

REPORTS = only(("admin", "director"))
NETWORK_REPORTS = only(("admin",))  # another institute than the director's
STAFF_ONLY = only(("staff",))

ROWS: dict[str, Any] = {
    "courses.reports": [
        ("GET", "/courses/reports/", REPORTS),
        ("GET", "/courses/reports/?institute={institute}", REPORTS),
        ("GET", "/courses/reports/?institute={other_institute}", NETWORK_REPORTS),
    ],
    "courses.reports_csv": [
        ("GET", "/courses/reports/institutes.csv", REPORTS),
        ("GET", "/courses/reports/people.csv?institute={other_institute}", NETWORK_REPORTS),
    ],
    "courses.reports_xlsx": [
        ("GET", "/courses/reports/people.xlsx", REPORTS),
        ("GET", "/courses/reports/people.xlsx?institute={other_institute}", NETWORK_REPORTS),
    ],
    "courses.offline_pack": [
        ("GET", "/courses/learn/{reports_course_uid}/pack.html", SIGNED_IN),
        # A course reserved for staff: its pack is refused like its lessons (see access_learning.py).
        ("GET", "/courses/learn/{learning_staff_course}/pack.html", STAFF_ONLY),
    ],
    "courses.offline_pack_pdf": [
        ("GET", "/courses/learn/{reports_course_uid}/pack.pdf", SIGNED_IN),
        ("GET", "/courses/learn/{learning_staff_course}/pack.pdf", STAFF_ONLY),
    ],
    "courses.offline_progress": [
        ("GET", "/courses/learn/{reports_course_uid}/offline", SIGNED_IN),
        # An empty form: the page answers with its message, nothing is marked.
        ("POST", "/courses/learn/{reports_course_uid}/offline", SIGNED_IN),
    ],
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

"""Access rows for the catalogue and learning routes: every signed-in person learns what is open to them.

Besides a course open to everyone, the plan has a course reserved for staff (a trainer, an auditor or an admin
may not read it) and a course locked behind the first one: their lessons, packs and files follow the same rules.
"""

from __future__ import annotations

from typing import Any

from tests.access import ROLES, SIGN_IN, SIGNED_IN, each, only

_POST_OK = {role: 302 for role in ROLES}  # signed in: started or marked done, then redirected; anonymous: sign-in
_POST_OK["anonymous"] = SIGN_IN
STAFF_ONLY = only(("staff",))
STAFF_POST = only(("staff",), 302)

ROWS: dict[str, Any] = {
    "courses.catalogue": ("GET", "/courses/catalogue", SIGNED_IN),
    "courses.learn_course": [
        ("GET", "/courses/learn/{learning_course}", SIGNED_IN),
        ("GET", "/courses/learn/{learning_staff_course}", SIGNED_IN),  # its outline says who it is for
    ],
    "courses.learn_start": [
        ("POST", "/courses/learn/{learning_course}/start", _POST_OK),
        ("POST", "/courses/learn/{learning_staff_course}/start", STAFF_POST),
        ("POST", "/courses/learn/{learning_locked_course}/start", each(403)),
    ],
    "courses.learn_lesson": [
        ("GET", "/courses/learn/lesson/{learning_lesson}", SIGNED_IN),
        ("GET", "/courses/learn/lesson/{learning_staff_lesson}", STAFF_ONLY),
        ("GET", "/courses/learn/lesson/{learning_locked_lesson}", each(403)),
    ],
    "courses.learn_complete": [
        ("POST", "/courses/learn/lesson/{learning_lesson}/done", _POST_OK),
        ("POST", "/courses/learn/lesson/{learning_staff_lesson}/done", STAFF_POST),
        ("POST", "/courses/learn/lesson/{learning_locked_lesson}/done", each(403)),
    ],
}


def objects(make: Any) -> dict[str, Any]:
    """A published plan of its own year: a course open to everyone with one text lesson, a course reserved for
    staff whose lesson has a file, and a course that requires the first."""
    import io

    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track
    from courses.uploads import store_upload
    from sonores_lms.database import utcnow

    plan = Plan(year=2093, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
    plan.set_texts("fr", {"title": "Plan d'accès"})
    axis = Axis(code="learning-access", position=0)
    axis.set_texts("fr", {"title": "Axe"})
    plan.axes.append(axis)
    track = Track(position=0)
    track.set_texts("fr", {"title": "Parcours"})
    axis.tracks.append(track)
    made = []
    for position, title in enumerate(("Cours ouvert", "Cours du personnel", "Cours verrouillé")):
        course = Course(position=position)
        course.set_texts("fr", {"title": title})
        track.courses.append(course)
        module = Module(position=0)
        module.set_texts("fr", {"title": "Module"})
        course.modules.append(module)
        lesson = Lesson(position=0, kind="text")
        lesson.set_texts("fr", {"title": "Leçon", "body": "Texte."})
        module.lessons.append(lesson)
        made.append((course, lesson))
    (open_course, lesson), (staff_course, staff_lesson), (locked_course, locked_lesson) = made
    staff_course.audience = ["staff"]
    locked_course.prerequisites.append(open_course)
    make.db.session.add(plan)
    make.db.session.flush()
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    stored = store_upload(io.BytesIO(pdf), "programme.pdf", purpose="file", actor=None)
    staff_lesson.kind, staff_lesson.data = "file", {"file_id": stored.uid, "filename": stored.filename}
    locked_stored = store_upload(io.BytesIO(pdf + b"%locked"), "verrou.pdf", purpose="file", actor=None)
    locked_lesson.kind, locked_lesson.data = "file", {"file_id": locked_stored.uid, "filename": "verrou.pdf"}
    make.db.session.flush()
    return {
        "learning_course": open_course.uid,
        "learning_lesson": lesson.uid,
        "learning_staff_course": staff_course.uid,
        "learning_staff_lesson": staff_lesson.uid,
        "learning_staff_file": stored.uid,
        "learning_locked_course": locked_course.uid,
        "learning_locked_lesson": locked_lesson.uid,
        "learning_locked_file": locked_stored.uid,
    }

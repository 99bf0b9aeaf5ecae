"""Access rows for the authoring routes: trainers author what they are assigned, admins everything.

The matrix's ``trainer`` is assigned nothing and its ``assigned_trainer`` the draft's track (see ``assign``); the
institute director holds ``courses.author`` through a scoped admin role and is assigned nothing either.
"""

from __future__ import annotations

from typing import Any

from tests.access import ROLES, SIGN_IN, only

AUTHORS = ("trainer", "admin", "director")
ADMIN_ONLY = only(("admin",))
# Pages for a track's or course's authors: the admins and the trainer assigned to it.
ASSIGNED = only(("admin", "assigned_trainer"))
HOME = only(AUTHORS)
NOT_FOUND = {**{r: 404 for r in ROLES}, "anonymous": SIGN_IN}


def _post(admin_status: int, *, assigned: bool = False) -> dict[str, int]:
    """An empty POST: refused (403) to those who may not author the item, ``admin_status`` for those who may."""
    return only(("admin", "assigned_trainer") if assigned else ("admin",), admin_status)


ROWS: dict[str, Any] = {
    "courses.author_home": ("GET", "/courses/author/", HOME),
    "courses.author_year": ("GET", "/courses/author/{authoring_year}", ASSIGNED),
    "courses.author_start_draft": ("POST", "/courses/author/{authoring_year}/draft", _post(302, assigned=True)),
    "courses.author_new_track": [
        ("GET", "/courses/author/axes/{authoring_axis}/tracks/new", ADMIN_ONLY),
        ("POST", "/courses/author/axes/{authoring_axis}/tracks/new", ADMIN_ONLY),  # the form and its errors
    ],
    "courses.author_edit_track": [
        ("GET", "/courses/author/tracks/{authoring_track}", ASSIGNED),
        ("POST", "/courses/author/tracks/{authoring_track}", ASSIGNED),
    ],
    "courses.author_track": ("GET", "/courses/author/tracks/{authoring_track}/courses", ASSIGNED),
    "courses.author_new_course": [
        ("GET", "/courses/author/tracks/{authoring_track}/courses/new", ASSIGNED),
        ("POST", "/courses/author/tracks/{authoring_track}/courses/new", ASSIGNED),
    ],
    "courses.author_edit_course": [
        ("GET", "/courses/author/courses/{authoring_course}", ASSIGNED),
        ("POST", "/courses/author/courses/{authoring_course}", ASSIGNED),
        # Another track's course: the assigned trainer's assignment does not reach it.
        ("GET", "/courses/author/courses/{authoring_other_course}", ADMIN_ONLY),
        ("POST", "/courses/author/courses/{authoring_other_course}", ADMIN_ONLY),
    ],
    "courses.author_new_module": [
        ("GET", "/courses/author/courses/{authoring_course}/modules/new", ASSIGNED),
        ("POST", "/courses/author/courses/{authoring_course}/modules/new", ASSIGNED),
    ],
    "courses.author_edit_module": [
        ("GET", "/courses/author/modules/{authoring_module}", ASSIGNED),
        ("POST", "/courses/author/modules/{authoring_module}", ASSIGNED),
    ],
    "courses.author_new_lesson": [
        ("GET", "/courses/author/modules/{authoring_module}/lessons/new", ASSIGNED),
        ("POST", "/courses/author/modules/{authoring_module}/lessons/new", ASSIGNED),
    ],
    "courses.author_edit_lesson": [
        ("GET", "/courses/author/lessons/{authoring_lesson}", ASSIGNED),
        ("POST", "/courses/author/lessons/{authoring_lesson}", ASSIGNED),
        ("GET", "/courses/author/lessons/{authoring_other_lesson}", ADMIN_ONLY),
        ("POST", "/courses/author/lessons/{authoring_other_lesson}", ADMIN_ONLY),
    ],
    "courses.author_preview_lesson": [
        ("GET", "/courses/author/lessons/{authoring_lesson}/preview?lang=es", ASSIGNED),
        ("GET", "/courses/author/lessons/{authoring_other_lesson}/preview", ADMIN_ONLY),
    ],
    # An empty form carries no version nor direction: refused before anything changes.
    "courses.author_delete": [
        ("POST", "/courses/author/lesson/{authoring_lesson}/delete", _post(400, assigned=True)),
        ("POST", "/courses/author/lesson/{authoring_other_lesson}/delete", _post(400)),
        ("POST", "/courses/author/track/{authoring_track}/delete", _post(400)),  # tracks are the admins'
    ],
    "courses.author_move": [
        ("POST", "/courses/author/lesson/{authoring_lesson}/move", _post(400, assigned=True)),
        ("POST", "/courses/author/lesson/{authoring_other_lesson}/move", _post(400)),
    ],
    "courses.author_trainers": [
        ("GET", "/courses/author/track/{authoring_track}/trainers", ADMIN_ONLY),
        ("POST", "/courses/author/track/{authoring_track}/trainers", ADMIN_ONLY),
    ],
    "courses.author_remove_trainer": (
        "POST",
        "/courses/author/track/{authoring_track}/trainers/999999/remove",
        _post(404),
    ),
    "courses.stored_file": [
        ("GET", "/courses/files/999999", NOT_FOUND),
        ("GET", "/courses/files/{authoring_file_number}", NOT_FOUND),  # a file's row number finds nothing
        # A draft lesson's file: for its authors only (no one else learns that it exists).
        ("GET", "/courses/files/{authoring_file}", {**NOT_FOUND, "admin": 200, "assigned_trainer": 200}),
        # Published lessons' files (see access_learning.py): for those who may read the lesson.
        # Admins author every lesson, so they may fetch every file.
        ("GET", "/courses/files/{learning_staff_file}", only(("staff", "admin"), refused=404)),
        ("GET", "/courses/files/{learning_locked_file}", {**NOT_FOUND, "admin": 200}),
    ],
}


def objects(make: Any) -> dict[str, Any]:
    """A draft plan of its own year, so that no other area's plan gets in its way: two tracks, the first one's
    lesson with a stored file."""
    import io

    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track
    from courses.uploads import store_upload

    plan = Plan(year=2091, revision=1, status=PlanStatus.DRAFT)
    plan.set_texts("fr", {"title": "Plan de formation 2091"})
    axis = Axis(code="communication", position=0)
    axis.set_texts("fr", {"title": "Communication"})
    plan.axes.append(axis)
    lessons = []
    for position in range(2):
        track = Track(position=position)
        track.set_texts("fr", {"title": f"Parcours {position + 1}"})
        course = Course(position=0)
        course.set_texts("fr", {"title": f"Cours {position + 1}"})
        module = Module(position=0)
        module.set_texts("fr", {"title": "Module"})
        lesson = Lesson(position=0, kind="file", duration_minutes=5)
        lesson.set_texts("fr", {"title": "Leçon", "body": "Texte."})
        module.lessons.append(lesson)
        course.modules.append(module)
        track.courses.append(course)
        axis.tracks.append(track)
        lessons.append(lesson)
    make.db.session.add(plan)
    make.db.session.flush()
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    stored = store_upload(io.BytesIO(pdf), "programme.pdf", purpose="file", actor=None)
    lessons[0].data = {"file_id": stored.uid, "filename": stored.filename}
    make.db.session.flush()
    first, other = lessons
    return {
        "authoring_year": plan.year,
        "authoring_axis": axis.id,
        "authoring_track": first.module.course.track.id,
        "authoring_track_uid": first.module.course.track.uid,
        "authoring_course": first.module.course.id,
        "authoring_module": first.module.id,
        "authoring_lesson": first.id,
        "authoring_other_course": other.module.course.id,
        "authoring_other_lesson": other.id,
        "authoring_file": stored.uid,
        "authoring_file_number": stored.id,
    }


def assign(make: Any, trainer: Any, ids: dict[str, Any]) -> None:
    """The assigned trainer holds the draft's first track (all its courses), not the second."""
    from courses.models import Assignment

    make.db.session.add(Assignment(user_id=trainer.id, track_uid=ids["authoring_track_uid"]))
    make.db.session.flush()

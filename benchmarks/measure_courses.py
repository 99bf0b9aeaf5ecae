"""The courses pages measured on the generated plan: learning (catalogue, course, lesson, dashboard), the progress
reports as a network admin and as an institute director, planned vs delivered, the authoring tree of the year
(axes and tracks) and a track's authoring page (its courses).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .generate import Network
from .generate_courses import CoursesNetwork
from .measure import Page, PageResult, measure_pages


def course_pages(network: Network, courses: CoursesNetwork) -> list[Page]:
    """The pages measured, with who reads each: "learner" is a staff member with courses done and one in progress;
    "director" an institute director (reports narrowed to their institute); "admin" a network admin."""
    plan = courses.plan_id
    return [
        Page("catalogue", "learner", "/courses/catalogue"),
        Page("catalogue, search", "learner", "/courses/catalogue?q=budget&language=es"),
        Page("course page", "learner", f"/courses/learn/{courses.course_uid}"),
        Page("lesson page", "learner", f"/courses/learn/lesson/{courses.lesson_uid}"),
        Page("dashboard, with progress", "learner", "/dashboard"),
        Page("report by course", "admin", "/courses/reports/courses"),
        Page("report by institute", "admin", "/courses/reports/institutes"),
        Page("report by person", "admin", "/courses/reports/people"),
        Page("report by institute, director", "director", "/courses/reports/institutes"),
        Page("report by person, director", "director", "/courses/reports/people"),
        Page("planned vs delivered", "admin", f"/courses/plans/{plan}/delivered"),
        Page("planned vs delivered, by institute", "admin", f"/courses/plans/{plan}/delivered?group=institute"),
        Page("authoring year tree", "admin", f"/courses/author/{courses.year}"),
        Page("authoring track page", "admin", f"/courses/author/tracks/{courses.track_id}/courses"),
    ]


def measure_courses(
    app: Any,
    network: Network,
    courses: CoursesNetwork,
    *,
    repeat: int = 50,
    warmup: int = 5,
    budget_s: float | None = 30.0,
    progress: Callable[[str], None] | None = None,
) -> list[PageResult]:
    users = {"admin": network.admin_id, "director": network.director_id, "learner": courses.learner_id}
    return measure_pages(
        app,
        course_pages(network, courses),
        users,
        repeat=repeat,
        warmup=warmup,
        budget_s=budget_s,
        progress=progress,
    )

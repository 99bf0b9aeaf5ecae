"""The courses benchmark's generator and measurement at a tiny scale, on a database of the suite's kind (its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from benchmarks.generate import Sizes, populate
from benchmarks.generate_courses import CourseSizes, populate_courses
from benchmarks.measure import MAX_QUERIES, Run, build_app, measure, server_version
from benchmarks.measure_courses import measure_courses
from benchmarks.report import NOTES_MARKER, write_results
from tests.fixtures.app import make_database

SIZES = Sizes(institutes=3, people=30, audit_entries=300)
COURSE_SIZES = CourseSizes(
    tracks_per_axis=3, courses_per_track=3, modules_per_course=2, lessons_per_module=3, completions=300
)
EXPECTED_PAGES = {
    "catalogue": "/courses/catalogue",
    "catalogue, search": "/courses/catalogue?q=",
    "course page": "/courses/learn/",
    "lesson page": "/courses/learn/lesson/",
    "dashboard, with progress": "/dashboard",
    "report by course": "/courses/reports/courses",
    "report by institute": "/courses/reports/institutes",
    "report by person": "/courses/reports/people",
    "report by institute, director": "/courses/reports/institutes",
    "report by person, director": "/courses/reports/people",
    "planned vs delivered": "/courses/plans/1/delivered",
    "planned vs delivered, by institute": "/courses/plans/1/delivered?group=institute",
    "authoring year tree": "/courses/author/",
    "authoring track page": "/courses/author/tracks/",
}


@pytest.fixture
def bench_app(database_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from sonores_lms.extensions import db

    databases = make_database(database_kind, tmp_path_factory, "benchcourses")
    app = build_app(next(databases))
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        next(databases, None)  # drops the PostgreSQL database


def test_courses_generator_and_measurement_at_a_tiny_scale(bench_app: Any, tmp_path: Path) -> None:
    from courses.models import Enrolment, EnrolmentStatus, Lesson, LessonCompletion, Plan, PlanStatus, Target
    from sonores_lms.extensions import db

    network = populate(bench_app, SIZES)
    courses = populate_courses(bench_app, network, COURSE_SIZES)

    with bench_app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert count(Lesson) == COURSE_SIZES.lessons == 3 * 3 * 3 * 2 * 3
        assert 0 < count(LessonCompletion) == courses.completions <= COURSE_SIZES.completions
        assert count(Enrolment) == courses.enrolments and count(Target) == courses.targets > 0
        plan = db.session.get(Plan, courses.plan_id)
        assert plan is not None and plan.status == PlanStatus.PUBLISHED
        lessons = db.session.scalars(select(Lesson)).all()
        assert all(len(lesson.texts["fr"]["body"]) > 100 for lesson in lessons)
        statuses = [s for lesson in lessons for s in lesson.translation_statuses().values()]
        assert {"source", "up-to-date", "stale", "missing"} <= {str(s) for s in statuses}
        # The learner measured has a course in progress and has not done the lesson measured yet.
        learner = db.session.scalars(
            select(Enrolment).where(Enrolment.user_id == courses.learner_id, Enrolment.course_uid == courses.course_uid)
        ).one()
        assert learner.status == EnrolmentStatus.ACTIVE
        done = db.session.scalar(
            select(func.count()).where(
                LessonCompletion.user_id == courses.learner_id, LessonCompletion.lesson_uid == courses.lesson_uid
            )
        )
        assert done == 0
        db.session.remove()

    results = measure_courses(bench_app, network, courses, repeat=2, warmup=1)

    by_label = {r.page.label: r for r in results}
    assert set(by_label) == set(EXPECTED_PAGES)
    for label, path in EXPECTED_PAGES.items():
        assert by_label[label].page.path.startswith(path), label
    for result in results:
        assert result.status == 200, result.page.label
        assert len(result.times_ms) == 2 and 0 < result.median_ms <= result.p95_ms
        assert 0 < result.max_queries < MAX_QUERIES, (result.page.label, result.statements)
        assert result.html_bytes > 1000 and 0 < result.gzip_bytes < result.html_bytes
    # A director's report covers one institute, the network admin's all three.
    assert by_label["report by person, director"].html_bytes < by_label["report by person"].html_bytes

    core = measure(bench_app, network, repeat=1, warmup=0)
    run = Run(
        kind="x",
        version=server_version(bench_app),
        network=network,
        results=core,
        seconds=1.0,
        courses=courses,
        course_results=results,
    )
    path = tmp_path / "RESULTS.md"
    path.write_text(f"old table\n{NOTES_MARKER}\nA diagnosis worth keeping.\n", encoding="utf-8")
    write_results([run], repeat=2, warmup=1, scale=0.001, path=path)
    written = path.read_text(encoding="utf-8")
    assert "old table" not in written and written.endswith("A diagnosis worth keeping.\n")
    assert "## Courses: data" in written and f"| x | {COURSE_SIZES.lessons:,} (3 x 3 x 3 x 2 x 3) |" in written
    assert "`/courses/catalogue`" in written and "`/admin/audit/`" in written

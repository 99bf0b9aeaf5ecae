"""Queries the courses pages need, eager-loading what they show so that query counts do not grow with rows."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from sonores_lms.extensions import db

from .models import Axis, Course, Lesson, LessonCompletion, Module, Plan, PlanStatus, Track


def tree_options(*, lessons: bool = True) -> list[_AbstractLoad]:
    """Load a plan's axes, tracks, courses (with prerequisites), modules and, if asked, lessons: a query per level."""
    courses = selectinload(Plan.axes).selectinload(Axis.tracks).selectinload(Track.courses)
    options: list[_AbstractLoad] = [courses.selectinload(Course.prerequisites)]
    modules = courses.selectinload(Course.modules)
    options.append(modules.selectinload(Module.lessons) if lessons else modules)
    return options


def published_plan(year: int | None = None, *, lessons: bool = True) -> Plan | None:
    """The published plan of ``year``, or the most recent published one."""
    query = select(Plan).where(Plan.status == PlanStatus.PUBLISHED)
    if year is not None:
        query = query.where(Plan.year == year)
    query = query.order_by(Plan.year.desc()).limit(1).options(*tree_options(lessons=lessons))
    return db.session.scalars(query).first()


def draft_plan(year: int, *, lessons: bool = True) -> Plan | None:
    query = (
        select(Plan).where(Plan.year == year, Plan.status == PlanStatus.DRAFT).options(*tree_options(lessons=lessons))
    )
    return db.session.scalars(query).first()


def plans_by_year() -> list[Plan]:
    return list(db.session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.revision.desc())))


def course_lesson_totals(plan: Plan) -> dict[int, tuple[int, int]]:
    """Per course id of ``plan``: (number of lessons, total minutes), in one aggregate query; no lesson is loaded.
    Courses without lessons are absent (read them as (0, 0))."""
    rows = db.session.execute(
        select(Course.id, func.count(Lesson.id), func.coalesce(func.sum(Lesson.duration_minutes), 0))
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .join(Module, Module.course_id == Course.id)
        .join(Lesson, Lesson.module_id == Module.id)
        .where(Axis.plan_id == plan.id)
        .group_by(Course.id)
    ).all()
    return {course_id: (int(count or 0), int(minutes or 0)) for course_id, count, minutes in rows}


def lesson_completions(user_id: int, course_uids: list[str]) -> list[tuple[str, object, int | None]]:
    """(lesson uid, source, score) of ``user_id``'s completions in ``course_uids``: the completions half of
    ``learner_state()``, for a caller that already holds the person's enrolments."""
    if not course_uids:
        return []
    query = select(LessonCompletion.lesson_uid, LessonCompletion.source, LessonCompletion.score).where(
        LessonCompletion.user_id == user_id, LessonCompletion.course_uid.in_(course_uids)
    )
    return [tuple(row) for row in db.session.execute(query)]

"""Progress figures of the published plan of a year, aggregated in SQL (GROUP BY) so a report costs the same few
statements whatever the number of people, enrolments and lesson completions.

Semantics shared with the learning area: a person is *enrolled* in a course when an enrolment exists with status
active or completed; *in progress* is active; *done* is completed. Withdrawn enrolments are left out. *Last
activity* is the latest lesson completion of the enrolments counted. Figures count enrolments (a person in two
courses counts twice); the ``people`` figure counts distinct persons.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, distinct, func, null, select
from sqlalchemy.orm import selectinload

from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role

from .models import Axis, Course, Enrolment, EnrolmentStatus, LessonCompletion, Plan, PlanStatus, Track

PER_PAGE = 50


class Grouping(enum.StrEnum):
    """How figures are grouped; the value is the URL slug and the file-name suffix."""

    COURSES = "courses"
    PEOPLE = "people"
    INSTITUTES = "institutes"
    COUNTRIES = "countries"
    AXES = "axes"


@dataclass(frozen=True)
class ReportFilters:
    """What the reader chose; ``scope`` is the institutes a director may see (None: the whole network)."""

    scope: frozenset[int] | None = None
    axis_uid: str | None = None
    track_uid: str | None = None
    course_uid: str | None = None
    institute_id: int | None = None
    country: str | None = None
    role: Role | None = None


@dataclass
class Figures:
    enrolled: int = 0
    in_progress: int = 0
    done: int = 0
    people: int = 0
    last_activity: datetime | None = None

    @property
    def percent_done(self) -> float | None:
        """Done over enrolled, in percent with one decimal; None when nobody is enrolled."""
        if not self.enrolled:
            return None
        return round(100 * self.done / self.enrolled, 1)


@dataclass
class Row:
    """One line of a report: ``key`` identifies the group, ``labels`` are what the reader sees before figures."""

    key: Any
    labels: dict[str, Any]
    figures: Figures = field(default_factory=Figures)


@dataclass
class ListPage:
    """The attributes of Flask-SQLAlchemy's pagination that the ``pagination`` macro reads, for a Python list."""

    items: list[Any]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1

    @classmethod
    def of(cls, rows: Sequence[Any], page: int, per_page: int = PER_PAGE) -> ListPage:
        pages = max(1, math.ceil(len(rows) / per_page))
        page = min(max(page, 1), pages)
        start = (page - 1) * per_page
        return cls(list(rows[start : start + per_page]), page, per_page, len(rows))


# -- the plan -----------------------------------------------------------------------------------------------------
def published_years() -> list[int]:
    return list(
        db.session.scalars(select(Plan.year).where(Plan.status == PlanStatus.PUBLISHED).order_by(Plan.year.desc()))
    )


def report_plan(year: int | None) -> Plan | None:
    """The published plan of ``year`` (default: the latest) with axes, tracks and courses: one query per level."""
    query = select(Plan).where(Plan.status == PlanStatus.PUBLISHED)
    if year is not None:
        query = query.where(Plan.year == year)
    query = query.order_by(Plan.year.desc()).limit(1)
    query = query.options(selectinload(Plan.axes).selectinload(Axis.tracks).selectinload(Track.courses))
    return db.session.scalars(query).first()


def plan_courses(plan: Plan) -> list[tuple[Axis, Track, Course]]:
    return [(axis, track, course) for axis in plan.axes for track in axis.tracks for course in track.courses]


def selected_courses(plan: Plan, filters: ReportFilters) -> list[tuple[Axis, Track, Course]]:
    """The plan's courses that the axis, track and course filters keep."""
    return [
        (axis, track, course)
        for axis, track, course in plan_courses(plan)
        if (filters.axis_uid is None or axis.uid == filters.axis_uid)
        and (filters.track_uid is None or track.uid == filters.track_uid)
        and (filters.course_uid is None or course.uid == filters.course_uid)
    ]


# -- aggregation --------------------------------------------------------------------------------------------------
_COUNTED = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)


def _last_activity(course_uids: Sequence[str]) -> Any:
    """Latest lesson completion per person and course: joined on both, it adds no row to an enrolment."""
    return (
        select(
            LessonCompletion.user_id.label("user_id"),
            LessonCompletion.course_uid.label("course_uid"),
            func.max(LessonCompletion.completed_at).label("last_at"),
        )
        .where(LessonCompletion.course_uid.in_(list(course_uids)))
        .group_by(LessonCompletion.user_id, LessonCompletion.course_uid)
        .subquery("last_activity")
    )


def _query(keys: Sequence[Any], course_uids: Sequence[str], filters: ReportFilters) -> Select[Any]:
    """``keys`` and the figures of the enrolments counted (active or completed) in the chosen courses, of the
    people the filters and the reader's scope keep. The caller groups by ``keys``."""
    uids = list(course_uids)
    last = _last_activity(uids)
    query = (
        select(
            *keys,
            func.count(Enrolment.id).label("enrolled"),
            func.coalesce(func.sum(case((Enrolment.status == EnrolmentStatus.ACTIVE, 1), else_=0)), 0).label(
                "in_progress"
            ),
            func.coalesce(func.sum(case((Enrolment.status == EnrolmentStatus.COMPLETED, 1), else_=0)), 0).label("done"),
            func.count(distinct(Enrolment.user_id)).label("people"),
            func.max(last.c.last_at).label("last_activity"),
        )
        .select_from(Enrolment)
        .join(User, User.id == Enrolment.user_id)
        .outerjoin(Institute, Institute.id == User.institute_id)
        .outerjoin(last, and_(last.c.user_id == Enrolment.user_id, last.c.course_uid == Enrolment.course_uid))
        .where(Enrolment.status.in_(_COUNTED), Enrolment.course_uid.in_(uids))
    )
    if filters.scope is not None:
        query = query.where(User.institute_id.in_(sorted(filters.scope)))
    if filters.institute_id is not None:
        query = query.where(User.institute_id == filters.institute_id)
    if filters.country:
        query = query.where(Institute.country == filters.country)
    if filters.role is not None:
        query = query.where(User.id.in_(select(RoleAssignment.user_id).where(RoleAssignment.role == filters.role)))
    return query


def _figures(row: Any) -> Figures:
    return Figures(
        enrolled=int(row.enrolled or 0),
        in_progress=int(row.in_progress or 0),
        done=int(row.done or 0),
        people=int(row.people or 0),
        last_activity=row.last_activity,
    )


def totals(plan: Plan, filters: ReportFilters) -> Figures:
    """The figures of everything the filters keep, in one statement."""
    uids = [course.uid for _a, _t, course in selected_courses(plan, filters)]
    row = db.session.execute(_query([], uids, filters)).one()
    return _figures(row)


def _course_rows(plan: Plan, filters: ReportFilters) -> list[Row]:
    chosen = selected_courses(plan, filters)
    uids = [course.uid for _a, _t, course in chosen]
    query = _query([Enrolment.course_uid.label("key")], uids, filters).group_by(Enrolment.course_uid)
    found = {row.key: _figures(row) for row in db.session.execute(query)}
    # Every course of the selection is listed, with zeros when nobody is enrolled.
    return [
        Row(course.uid, {"axis": axis, "track": track, "course": course}, found.get(course.uid, Figures()))
        for axis, track, course in chosen
    ]


def _axis_rows(plan: Plan, filters: ReportFilters) -> list[Row]:
    chosen = selected_courses(plan, filters)
    by_axis: dict[int, list[str]] = {}
    for axis, _track, course in chosen:
        by_axis.setdefault(axis.id, []).append(course.uid)
    # The axis of an enrolment, worked out in SQL from its course uid, so that people are counted once per axis.
    axis_key = case(*[(Enrolment.course_uid.in_(uids), axis_id) for axis_id, uids in by_axis.items()], else_=null())
    found: dict[Any, Figures] = {}
    if by_axis:
        query = _query([axis_key.label("key")], [course.uid for _a, _t, course in chosen], filters)
        found = {row.key: _figures(row) for row in db.session.execute(query.group_by(axis_key))}
    axes = [axis for axis in plan.axes if axis.id in by_axis]
    return [Row(axis.uid, {"axis": axis}, found.get(axis.id, Figures())) for axis in axes]


def _institute_query(plan: Plan, filters: ReportFilters) -> Select[Any]:
    uids = [course.uid for _a, _t, course in selected_courses(plan, filters)]
    columns = [Institute.id.label("key"), Institute.name, Institute.city, Institute.country]
    query = _query(columns, uids, filters)
    return query.group_by(*columns).order_by(Institute.name.is_(None), Institute.name, Institute.id)


def _country_query(plan: Plan, filters: ReportFilters) -> Select[Any]:
    uids = [course.uid for _a, _t, course in selected_courses(plan, filters)]
    query = _query([Institute.country.label("key")], uids, filters)
    return query.group_by(Institute.country).order_by(Institute.country.is_(None), Institute.country)


def _person_query(plan: Plan, filters: ReportFilters) -> Select[Any]:
    uids = [course.uid for _a, _t, course in selected_courses(plan, filters)]
    columns = [
        User.id.label("key"),
        User.first_name,
        User.last_name,
        User.email,
        Institute.name.label("institute_name"),
        Institute.country,
    ]
    query = _query(columns, uids, filters).group_by(*columns)
    return query.order_by(func.lower(User.last_name), func.lower(User.first_name), User.id)


def _institute_row(row: Any) -> Row:
    labels = {"institute": row.name, "city": row.city, "country": row.country}
    return Row(row.key, labels, _figures(row))


def _country_row(row: Any) -> Row:
    return Row(row.key, {"country": row.key}, _figures(row))


def _person_row(row: Any) -> Row:
    labels = {
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "institute": row.institute_name,
        "country": row.country,
    }
    return Row(row.key, labels, _figures(row))


_SQL_GROUPINGS = {
    Grouping.PEOPLE: (_person_query, _person_row),
    Grouping.INSTITUTES: (_institute_query, _institute_row),
    Grouping.COUNTRIES: (_country_query, _country_row),
}


def report_rows(plan: Plan, grouping: Grouping, filters: ReportFilters) -> list[Row]:
    """Every row of a report (for the exports)."""
    if grouping is Grouping.COURSES:
        return _course_rows(plan, filters)
    if grouping is Grouping.AXES:
        return _axis_rows(plan, filters)
    make_query, make_row = _SQL_GROUPINGS[grouping]
    return [make_row(row) for row in db.session.execute(make_query(plan, filters))]


def report_page(plan: Plan, grouping: Grouping, filters: ReportFilters, *, page: int) -> ListPage:
    """One page of a report: people, institutes and countries are paginated in SQL, courses and axes in Python
    (the plan bounds them)."""
    page = max(page, 1)
    if grouping in _SQL_GROUPINGS:
        make_query, make_row = _SQL_GROUPINGS[grouping]
        query = make_query(plan, filters)
        total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
        pages = max(1, math.ceil(total / PER_PAGE))
        page = min(page, pages)
        rows = db.session.execute(query.limit(PER_PAGE).offset((page - 1) * PER_PAGE))
        return ListPage([make_row(row) for row in rows], page, PER_PAGE, total)
    return ListPage.of(report_rows(plan, grouping, filters), page)


def countries_in(scope: frozenset[int] | None) -> list[str]:
    """Country codes of the institutes a reader may see, for the country filter."""
    query = select(Institute.country).distinct().order_by(Institute.country)
    if scope is not None:
        query = query.where(Institute.id.in_(sorted(scope)))
    return list(db.session.scalars(query))

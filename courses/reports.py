"""Progress figures of the published plan of a year, aggregated in SQL (GROUP BY) so a report costs the same few
statements whatever the number of people, enrolments and lesson completions.

Semantics shared with the learning area: a person is *enrolled* in a course when an enrolment exists with status
active or completed; *in progress* is active; *done* is completed. Withdrawn enrolments are left out. *Last
activity* is the latest lesson completion of the enrolments counted, kept on each enrolment
(``Enrolment.last_activity_at``) by the learning area. Figures count enrolments (a person in two
courses counts twice); the ``people`` figure counts distinct persons.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, case, distinct, func, null, or_, select

from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.pagination import ListPage
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role

from .models import Axis, Course, Enrolment, EnrolmentStatus, Plan, PlanStatus, Track
from .outline import PlanOutline, published_outline

PER_PAGE = 50
# The published plan as the pages read it (an outline of titles), or as a model (the tests build them).
ReportedPlan = Plan | PlanOutline


class Grouping(enum.StrEnum):
    """How figures are grouped; the value is the URL slug and the file-name suffix."""

    COURSES = "courses"
    PEOPLE = "people"
    INSTITUTES = "institutes"
    COUNTRIES = "countries"
    AXES = "axes"


GROUPING_TITLES: dict[Grouping, Any] = {
    Grouping.COURSES: _l("By course"),
    Grouping.PEOPLE: _l("By person"),
    Grouping.INSTITUTES: _l("By institute"),
    Grouping.COUNTRIES: _l("By country"),
    Grouping.AXES: _l("By axis"),
}


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
    # The number of rows of the grouping asked of totals() (people, institutes or countries), else None.
    groups: int | None = None

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


# -- the plan -----------------------------------------------------------------------------------------------------
def published_years() -> list[int]:
    return list(
        db.session.scalars(select(Plan.year).where(Plan.status == PlanStatus.PUBLISHED).order_by(Plan.year.desc()))
    )


def report_plan(year: int | None) -> PlanOutline | None:
    """The published plan of ``year`` (default: the latest) with its axes, tracks and courses (titles only)."""
    return published_outline(year)


def plan_courses(plan: ReportedPlan) -> list[tuple[Axis, Track, Course]]:
    return [(axis, track, course) for axis in plan.axes for track in axis.tracks for course in track.courses]


def selected_courses(plan: ReportedPlan, filters: ReportFilters) -> list[tuple[Axis, Track, Course]]:
    """The plan's courses that the axis, track and course filters keep."""
    return [
        (axis, track, course)
        for axis, track, course in plan_courses(plan)
        if (filters.axis_uid is None or axis.uid == filters.axis_uid)
        and (filters.track_uid is None or track.uid == filters.track_uid)
        and (filters.course_uid is None or course.uid == filters.course_uid)
    ]


def _course_uids(plan: ReportedPlan, filters: ReportFilters) -> list[str]:
    return [course.uid for _a, _t, course in selected_courses(plan, filters)]


# -- aggregation --------------------------------------------------------------------------------------------------
_COUNTED = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)


def _person_conditions(filters: ReportFilters) -> list[Any]:
    """Conditions on ``User`` (and ``Institute`` for the country) that the reader's scope and filters set."""
    conditions: list[Any] = []
    if filters.scope is not None:
        conditions.append(User.institute_id.in_(sorted(filters.scope)))
    if filters.institute_id is not None:
        conditions.append(User.institute_id == filters.institute_id)
    if filters.country:
        conditions.append(Institute.country == filters.country)
    return conditions


def _role_condition(user_id: Any, filters: ReportFilters) -> Any:
    return user_id.in_(select(RoleAssignment.user_id).where(RoleAssignment.role == filters.role))


def _needs_people(filters: ReportFilters) -> bool:
    return filters.scope is not None or filters.institute_id is not None or bool(filters.country)


def _query(
    keys: Sequence[Any],
    course_uids: Sequence[str],
    filters: ReportFilters,
    *,
    people: bool = False,
    institutes: bool = False,
    members: Any = None,
) -> Select[Any]:
    """``keys`` and the figures of the enrolments counted (active or completed) in the chosen courses, of the
    people the filters and the reader's scope keep (and among ``members``, ids or a query of them, when given).
    The caller groups by ``keys``. People (``User``) and their institutes are joined only when the filters, the
    keys (``people``, ``institutes``) or a scope need them: the by-course and by-axis figures of a network admin
    read the enrolments alone."""
    uids = list(course_uids)
    institute_ids = _institutes_kept(filters)
    if members is None and institute_ids is not None:
        members = select(User.id).where(User.institute_id.in_(institute_ids))
    query = (
        select(
            *keys,
            func.count(Enrolment.id).label("enrolled"),
            func.coalesce(func.sum(case((Enrolment.status == EnrolmentStatus.ACTIVE, 1), else_=0)), 0).label(
                "in_progress"
            ),
            func.coalesce(func.sum(case((Enrolment.status == EnrolmentStatus.COMPLETED, 1), else_=0)), 0).label("done"),
            func.count(distinct(Enrolment.user_id)).label("people"),
            func.max(Enrolment.last_activity_at).label("last_activity"),
        )
        .select_from(Enrolment)
        .where(Enrolment.status.in_(_COUNTED))
    )
    if members is None:
        query = query.where(Enrolment.course_uid.in_(uids))
    else:
        # A few people first (their index), then each one's enrolments, filtered by course: written so that the
        # course is no index key, else SQLite probes every (person, course) pair (150,000 for 50 institutes).
        query = query.where(Enrolment.user_id.in_(members), Enrolment.course_uid.concat("").in_(uids))
    institutes = institutes or bool(filters.country)
    if people or institutes or _needs_people(filters):
        query = query.join(User, User.id == Enrolment.user_id)
    if institutes:
        query = query.outerjoin(Institute, Institute.id == User.institute_id)
    conditions = _person_conditions(filters)
    if conditions:
        query = query.where(*conditions)
    if filters.role is not None:
        query = query.where(_role_condition(Enrolment.user_id, filters))
    return query


def _institutes_kept(filters: ReportFilters) -> list[int] | None:
    """The institutes a director's scope or the institute filter keeps; None for the whole network."""
    if filters.institute_id is not None:
        return [filters.institute_id]
    return sorted(filters.scope) if filters.scope is not None else None


def _counted_people(course_uids: Sequence[str]) -> Select[Any]:
    """The ids of people with an enrolment counted in the chosen courses.

    Used as ``User.id IN (...)``, an uncorrelated subquery that both databases compute once, where a correlated
    EXISTS made SQLite probe the enrolments once per person (2.5 s at 20,000 people)."""
    return select(Enrolment.user_id).where(Enrolment.status.in_(_COUNTED), Enrolment.course_uid.in_(list(course_uids)))


def _people_kept(course_uids: Sequence[str], filters: ReportFilters) -> Select[Any]:
    """``User`` rows (with their institute when the country filter needs it) counted in the report.

    Across the network, the people with a counted enrolment are found once (``IN``); within a few institutes (a
    director's, or one chosen), their few members are each checked instead (a correlated ``EXISTS``), which does
    not read every enrolment of the plan."""
    counted = _counted_people(course_uids)
    if _institutes_kept(filters) is not None:
        counted_here = counted.where(Enrolment.user_id == User.id).exists()
    else:
        counted_here = User.id.in_(counted)
    query = select(User.id).select_from(User).where(counted_here)
    if filters.country:
        query = query.join(Institute, Institute.id == User.institute_id)
    query = query.where(*_person_conditions(filters))
    if filters.role is not None:
        query = query.where(_role_condition(User.id, filters))
    return query


def _figures(row: Any) -> Figures:
    return Figures(
        enrolled=int(row.enrolled or 0),
        in_progress=int(row.in_progress or 0),
        done=int(row.done or 0),
        people=int(row.people or 0),
        last_activity=row.last_activity,
    )


def totals(plan: ReportedPlan, filters: ReportFilters, grouping: Grouping | None = None) -> Figures:
    """The figures of everything the filters keep, in one statement; by people, also the number of rows
    (``groups``), so that the page needs no count of its own."""
    uids = _course_uids(plan, filters)
    figures = _figures(db.session.execute(_query([], uids, filters)).one())
    if grouping is Grouping.PEOPLE:
        figures.groups = figures.people
    return figures


def _course_rows(
    plan: ReportedPlan, filters: ReportFilters, chosen: Sequence[tuple[Axis, Track, Course]] | None = None
) -> list[Row]:
    """A row per course of ``chosen`` (default: every course the filters keep)."""
    if chosen is None:
        chosen = selected_courses(plan, filters)
    uids = [course.uid for _a, _t, course in chosen]
    query = _query([Enrolment.course_uid.label("key")], uids, filters).group_by(Enrolment.course_uid)
    found = {row.key: _figures(row) for row in db.session.execute(query)}
    # Every course of the selection is listed, with zeros when nobody is enrolled.
    return [
        Row(course.uid, {"axis": axis, "track": track, "course": course}, found.get(course.uid, Figures()))
        for axis, track, course in chosen
    ]


def _axis_rows(plan: ReportedPlan, filters: ReportFilters) -> list[Row]:
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


_INSTITUTE_COLUMNS = (Institute.id.label("key"), Institute.name, Institute.city, Institute.country)
_PERSON_COLUMNS = (
    User.id.label("key"),
    User.first_name,
    User.last_name,
    User.email,
    Institute.name.label("institute_name"),
    Institute.country,
)
_PERSON_ORDER = (func.lower(User.last_name), func.lower(User.first_name), User.id)


def _institute_query(plan: ReportedPlan, filters: ReportFilters) -> Select[Any]:
    uids = _course_uids(plan, filters)
    query = _query(_INSTITUTE_COLUMNS, uids, filters, institutes=True)
    return query.group_by(*_INSTITUTE_COLUMNS).order_by(Institute.name.is_(None), Institute.name, Institute.id)


def _country_query(plan: ReportedPlan, filters: ReportFilters) -> Select[Any]:
    uids = _course_uids(plan, filters)
    query = _query([Institute.country.label("key")], uids, filters, institutes=True)
    return query.group_by(Institute.country).order_by(Institute.country.is_(None), Institute.country)


def _person_query(plan: ReportedPlan, filters: ReportFilters) -> Select[Any]:
    uids = _course_uids(plan, filters)
    query = _query(_PERSON_COLUMNS, uids, filters, institutes=True).group_by(*_PERSON_COLUMNS)
    return query.order_by(*_PERSON_ORDER)


def _person_page(plan: ReportedPlan, filters: ReportFilters, offset: int, _total: int) -> list[Any]:
    """The page's people first (ids, in name order), then the figures of those 50 only."""
    uids = _course_uids(plan, filters)
    ids_query = _people_kept(uids, filters).order_by(*_PERSON_ORDER).limit(PER_PAGE).offset(offset)
    ids = list(db.session.scalars(ids_query))
    if not ids:
        return []
    query = _query(_PERSON_COLUMNS, uids, filters, institutes=True, members=ids)
    found = {row.key: row for row in db.session.execute(query.group_by(*_PERSON_COLUMNS))}
    return [found[i] for i in ids if i in found]


def _institute_keys(plan: ReportedPlan, filters: ReportFilters) -> list[int | None]:
    """Every institute with people counted, in name order, then None for people without an institute: a few
    thousand ids at most, which give both the number of rows and a page's institutes."""
    uids = _course_uids(plan, filters)
    query = _people_kept(uids, filters).with_only_columns(User.institute_id)
    if not filters.country:  # else _people_kept joined the institutes already
        query = query.outerjoin(Institute, Institute.id == User.institute_id)
    query = query.group_by(User.institute_id, Institute.name)
    return list(db.session.scalars(query.order_by(Institute.name.is_(None), Institute.name, User.institute_id)))


def _institute_page(plan: ReportedPlan, filters: ReportFilters, keys: Sequence[int | None]) -> list[Any]:
    """The figures of the page's institutes (``keys``, None standing for people without an institute) only."""
    if not keys:
        return []
    uids = _course_uids(plan, filters)
    ids = [key for key in keys if key is not None]
    in_page = User.institute_id.in_(ids)
    members = select(User.id).where(or_(in_page, User.institute_id.is_(None)) if None in keys else in_page)
    query = _query(_INSTITUTE_COLUMNS, uids, filters, institutes=True, members=members)
    found = {row.key: row for row in db.session.execute(query.group_by(*_INSTITUTE_COLUMNS))}
    return [found[key] for key in keys if key in found]


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


def report_rows(plan: ReportedPlan, grouping: Grouping, filters: ReportFilters) -> list[Row]:
    """Every row of a report (for the exports)."""
    if grouping is Grouping.COURSES:
        return _course_rows(plan, filters)
    if grouping is Grouping.AXES:
        return _axis_rows(plan, filters)
    make_query, make_row = _SQL_GROUPINGS[grouping]
    return [make_row(row) for row in db.session.execute(make_query(plan, filters))]


def report_page(
    plan: ReportedPlan, grouping: Grouping, filters: ReportFilters, *, page: int, total: int | None = None
) -> ListPage:
    """One page of a report. Groupings that grow with the network fetch their page's keys first, then aggregate
    those only: people in SQL (``total`` is their number, ``totals(plan, filters, grouping).groups``, counted here
    when not given), institutes from the list of their ids. Courses, axes and countries, bounded by the plan and
    the map, are paginated in Python; only the page's courses are aggregated."""
    page = max(page, 1)
    if grouping is Grouping.PEOPLE:
        if total is None:
            total = totals(plan, filters, grouping).groups or 0
        page = min(page, max(1, math.ceil(total / PER_PAGE)))
        rows = _person_page(plan, filters, (page - 1) * PER_PAGE, total)
        return ListPage([_person_row(row) for row in rows], page, PER_PAGE, total)
    if grouping is Grouping.INSTITUTES:
        keys = ListPage.of(_institute_keys(plan, filters), page, PER_PAGE)
        return replace(keys, items=[_institute_row(row) for row in _institute_page(plan, filters, keys.items)])
    if grouping is Grouping.COURSES:
        chosen = ListPage.of(selected_courses(plan, filters), page, PER_PAGE)
        return replace(chosen, items=_course_rows(plan, filters, chosen.items))
    return ListPage.of(report_rows(plan, grouping, filters), page, PER_PAGE)


def countries_in(scope: frozenset[int] | None) -> list[str]:
    """Country codes of the institutes a reader may see, for the country filter."""
    query = select(Institute.country).distinct().order_by(Institute.country)
    if scope is not None:
        query = query.where(Institute.id.in_(sorted(scope)))
    return list(db.session.scalars(query))

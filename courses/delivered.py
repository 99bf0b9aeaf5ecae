"""Planned vs delivered: the summary rows behind the page, how they are kept current, and the figures read from them.

Working out every targeted (person, track) pair from people, roles, enrolments and completions costs time in
proportion to the people a plan targets (tens of thousands across the network), too much for each page view. So
the pairs live in ``courses_delivered_people``, one narrow row each with three flags, and the page only aggregates
them (GROUP BY). The rows are

- rebuilt in full for a plan (:func:`rebuild_plan`, set-based SQL) when its targets change, when it is published or
  a revision starts, every night (a safety net for what sends no signal, like editing a draft's tracks), by
  ``flask courses rebuild-delivered`` and by the page's "Recompute now" button;
- refreshed per person (:func:`refresh_people`) when someone enrols, completes a track, gains or loses a role, is
  deactivated or reactivated, or moves to another institute.

Both run as jobs queued after the request's commit, so that the worker sees what the request wrote; the jobs, the
receivers and the scheduling live in ``courses/jobs.py``, which imports this module (never the other way round).
With ``JOBS_IMMEDIATE`` (tests, single-process setups) they run at once, inside the caller's transaction. Both
recompute from the current data (delete, then insert), so running one twice changes nothing.

Semantics (the same as the learning area): a person is *enrolled* in a track when an enrolment in one of its courses
is active or completed, *in progress* when one is active, *done* when a TrackCompletion row exists. Only active
people count.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, and_, case, delete, func, insert, literal, select, union

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.people.models import User

from .coverage import covered_people
from .models import (
    Axis,
    Course,
    DeliveredPerson,
    DeliveredState,
    Enrolment,
    EnrolmentStatus,
    Plan,
    PlanStatus,
    Target,
    Track,
    TrackCompletion,
)

LIVE_STATUSES = (PlanStatus.DRAFT, PlanStatus.PUBLISHED)
CHUNK = 500  # people per statement: keeps IN lists well under every database's limit on parameters

# -- computing the rows -----------------------------------------------------------------------------------------


def _pairs_select(plan_id: int, *, network_wide: bool, user_ids: Sequence[int] | None) -> Any:
    """Pairs asked for by the plan's network-wide targets, or by its per-institute ones (see ``covered_people``)."""
    query = (
        covered_people(plan_id, network_wide=network_wide)
        .with_only_columns(
            User.id.label("user_id"),
            Track.id.label("track_id"),
            Track.uid.label("track_uid"),
            Axis.id.label("axis_id"),
            User.institute_id.label("institute_id"),
        )
        .join(Track, Track.uid == Target.track_uid)
        .join(Axis, and_(Axis.id == Track.axis_id, Axis.plan_id == Target.plan_id))
    )
    if user_ids is not None:
        query = query.where(User.id.in_(user_ids))
    return query


def _summary_select(plan_id: int, user_ids: Sequence[int] | None = None) -> Any:
    """The rows of ``courses_delivered_people`` for a plan (or for some of its people), in its column order."""
    # UNION, not UNION ALL: a person covered twice (two grants, or a network-wide and an institute target on the
    # same track) is one pair.
    pairs = union(
        _pairs_select(plan_id, network_wide=True, user_ids=user_ids),
        _pairs_select(plan_id, network_wide=False, user_ids=user_ids),
    ).subquery("pairs")
    # One grouped pass over the plan's enrolments instead of a correlated EXISTS per pair.
    enrolled_statuses = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)
    flags = (
        select(
            Enrolment.user_id.label("user_id"),
            Course.track_id.label("track_id"),
            func.max(case((Enrolment.status.in_(enrolled_statuses), 1), else_=0)).label("enrolled"),
            func.max(case((Enrolment.status == EnrolmentStatus.ACTIVE, 1), else_=0)).label("active"),
        )
        .select_from(Enrolment)
        .join(Course, Course.uid == Enrolment.course_uid)
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .where(Axis.plan_id == plan_id)
        .group_by(Enrolment.user_id, Course.track_id)
    )
    if user_ids is not None:
        flags = flags.where(Enrolment.user_id.in_(user_ids))
    flags_sq = flags.subquery("flags")
    return (
        select(
            literal(plan_id, Integer).label("plan_id"),
            pairs.c.user_id,
            pairs.c.track_uid,
            pairs.c.axis_id,
            pairs.c.institute_id,
            Institute.country,
            (func.coalesce(flags_sq.c.enrolled, 0) == 1).label("enrolled"),
            (func.coalesce(flags_sq.c.active, 0) == 1).label("active"),
            TrackCompletion.id.is_not(None).label("done"),
        )
        .select_from(pairs)
        .outerjoin(Institute, Institute.id == pairs.c.institute_id)
        .outerjoin(flags_sq, and_(flags_sq.c.user_id == pairs.c.user_id, flags_sq.c.track_id == pairs.c.track_id))
        .outerjoin(
            TrackCompletion,
            and_(TrackCompletion.user_id == pairs.c.user_id, TrackCompletion.track_uid == pairs.c.track_uid),
        )
    )


_COLUMNS = ("plan_id", "user_id", "track_uid", "axis_id", "institute_id", "country", "enrolled", "active", "done")


def _insert(plan_id: int, user_ids: Sequence[int] | None = None) -> None:
    columns = [DeliveredPerson.__table__.c[name] for name in _COLUMNS]
    db.session.execute(insert(DeliveredPerson).from_select(columns, _summary_select(plan_id, user_ids)))


def rebuild_plan(plan: Plan) -> None:
    """Recompute every row of ``plan`` and note when. Flushes, never commits."""
    db.session.flush()
    db.session.execute(delete(DeliveredPerson).where(DeliveredPerson.plan_id == plan.id))
    _insert(plan.id)
    state = db.session.get(DeliveredState, plan.id)
    if state is None:
        db.session.add(DeliveredState(plan_id=plan.id, rebuilt_at=utcnow()))
    else:
        state.rebuilt_at = utcnow()
    db.session.flush()


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted({int(i) for i in ids})
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def refresh_people(plan: Plan, user_ids: Iterable[int]) -> None:
    """Recompute the rows of these people only (deleted, then inserted again where the plan still targets them)."""
    db.session.flush()
    for chunk in _chunks(user_ids):
        db.session.execute(
            delete(DeliveredPerson).where(DeliveredPerson.plan_id == plan.id, DeliveredPerson.user_id.in_(chunk))
        )
        _insert(plan.id, chunk)
    db.session.flush()


def live_plans(*, rebuilt_only: bool = False) -> list[Plan]:
    """The published and draft revisions; with ``rebuilt_only``, those whose rows were built once (a plan never
    rebuilt has no summary to keep current: its page says so)."""
    query = select(Plan).where(Plan.status.in_(LIVE_STATUSES)).order_by(Plan.year, Plan.revision)
    if rebuilt_only:
        query = query.join(DeliveredState, DeliveredState.plan_id == Plan.id)
    return list(db.session.scalars(query))


def refresh_people_everywhere(user_ids: Iterable[int]) -> int:
    """:func:`refresh_people` on every live plan built once; returns how many plans."""
    ids = sorted({int(i) for i in user_ids})
    plans = live_plans(rebuilt_only=True) if ids else []
    for plan in plans:
        refresh_people(plan, ids)
    return len(plans)


def rebuild_plans(plan_ids: Iterable[int] | None = None) -> list[Plan]:
    """Rebuild these plans (those that still exist), or every live plan; returns the plans rebuilt."""
    if plan_ids is None:
        plans = live_plans()
    else:
        wanted = sorted({int(i) for i in plan_ids})
        plans = list(db.session.scalars(select(Plan).where(Plan.id.in_(wanted)).order_by(Plan.id))) if wanted else []
    for plan in plans:
        rebuild_plan(plan)
    return plans


def rebuilt_at(plan: Plan) -> datetime | None:
    return db.session.scalar(select(DeliveredState.rebuilt_at).where(DeliveredState.plan_id == plan.id))


# -- reading the figures ----------------------------------------------------------------------------------------


class Grouping(enum.StrEnum):
    AXIS = "axis"
    INSTITUTE = "institute"
    COUNTRY = "country"


GROUPING_TITLES = {Grouping.AXIS: _l("Axis"), Grouping.INSTITUTE: _l("Institute"), Grouping.COUNTRY: _l("Country")}


@dataclass(frozen=True)
class Figures:
    """One row of the table. ``targeted``: people the plan targets; ``enrolled``: of them, enrolled in at least one
    course of a track targeted for them; ``in_progress``: with an active enrolment there; ``done``: who completed
    every track targeted for them (in this row's scope)."""

    key: Any
    targeted: int
    enrolled: int
    in_progress: int
    done: int

    def percent(self, value: int) -> int:
        return round(100 * value / self.targeted) if self.targeted else 0

    @property
    def enrolled_percent(self) -> int:
        return self.percent(self.enrolled)

    @property
    def in_progress_percent(self) -> int:
        return self.percent(self.in_progress)

    @property
    def done_percent(self) -> int:
        return self.percent(self.done)


_KEYS = {
    Grouping.AXIS: DeliveredPerson.axis_id,
    Grouping.INSTITUTE: DeliveredPerson.institute_id,
    Grouping.COUNTRY: DeliveredPerson.country,
}


def _figures_query(plan: Plan, grouping: Grouping | None, *, axis_id: int | None, country: str | None) -> Any:
    row = DeliveredPerson
    keys = [] if grouping is None else [_KEYS[grouping]]
    # One row per group and person: enrolled or in progress on any of their tracks, done when all are done.
    people = (
        select(
            *(key.label("key") for key in keys),
            func.max(case((row.enrolled, 1), else_=0)).label("enrolled"),
            func.max(case((row.active, 1), else_=0)).label("active"),
            func.min(case((row.done, 1), else_=0)).label("done"),
        )
        .where(row.plan_id == plan.id)
        .group_by(*keys, row.user_id)
    )
    if axis_id is not None:
        people = people.where(row.axis_id == axis_id)
    if country is not None:
        people = people.where(row.country == country)
    people_sq = people.subquery("people")
    counts = (
        func.count(),
        func.coalesce(func.sum(people_sq.c.enrolled), 0),
        func.coalesce(func.sum(people_sq.c.active), 0),
        func.coalesce(func.sum(people_sq.c.done), 0),
    )
    if grouping is None:
        return select(*counts)
    return select(people_sq.c.key, *counts).group_by(people_sq.c.key)


def planned_vs_delivered(
    plan: Plan, grouping: Grouping, *, axis_id: int | None = None, country: str | None = None
) -> tuple[list[Figures], Figures]:
    """Rows per axis, institute or country (unsorted), and the total (distinct people across the rows), read from
    the summary rows: one or two queries whatever the size of the network."""
    rows = [
        Figures(key, int(targeted), int(enrolled), int(active), int(done))
        for key, targeted, enrolled, active, done in db.session.execute(
            _figures_query(plan, grouping, axis_id=axis_id, country=country)
        )
    ]
    if grouping is not Grouping.AXIS:
        # All of a person's rows carry their one institute and country: these groups do not overlap, and their sum
        # is the number of distinct people. A person targeted on several axes counts in each axis.
        return rows, Figures("all", *(sum(getattr(r, name) for r in rows) for name in _COUNTED))
    total_row = db.session.execute(_figures_query(plan, None, axis_id=axis_id, country=country)).one()
    return rows, Figures("all", *(int(value or 0) for value in total_row))


_COUNTED = ("targeted", "enrolled", "in_progress", "done")


def institute_labels(ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    """Institute id -> (name, country code), columns only: a grouping by institute may list thousands."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    query = select(Institute.id, Institute.name, Institute.country).where(Institute.id.in_(wanted))
    return {iid: (name, country) for iid, name, country in db.session.execute(query)}


def network_countries() -> list[str]:
    """Countries that have an institute: the choices of the country filter."""
    return list(db.session.scalars(select(Institute.country).distinct().order_by(Institute.country)))

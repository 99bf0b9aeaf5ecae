"""Running the annual plan: creating a year's plan with the network's axes, editing axes, targets per role and
institute, and the "planned vs delivered" figures.

The figures are computed by aggregate queries (GROUP BY), never by looping over people, so the page costs the same
number of queries for ten people or twenty thousand. Semantics shared with the learning area: a person is
*enrolled* in a course when an Enrolment is active or completed, *in progress* when it is active; a track is
*done* when a TrackCompletion row exists.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import String, and_, case, cast, distinct, exists, func, literal, or_, select
from sqlalchemy.sql import ColumnElement
from werkzeug.routing import BuildError

from sonores_lms.audit.services import record
from sonores_lms.config import LANGUAGES
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.multilingual import SOURCE_LANGUAGE, source_fingerprint
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role

from .models import Axis, Course, Enrolment, EnrolmentStatus, Plan, PlanStatus, Target, Track, TrackCompletion
from .revisions import PlanError, create_plan

# The network's three axes: every new plan starts with them, in this order.
NETWORK_AXES: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "communication",
        {
            "fr": "Nouvelles formes de communication",
            "es": "Nuevas formas de comunicación",
            "pt": "Novas formas de comunicação",
            "en": "New forms of communication",
        },
    ),
    (
        "project-management",
        {
            "fr": "Gestion de projet",
            "es": "Gestión de proyectos",
            "pt": "Gestão de projetos",
            "en": "Project management",
        },
    ),
    (
        "sustainable-development",
        {
            "fr": "Développement durable dans les pratiques culturelles",
            "es": "Desarrollo sostenible en las prácticas culturales",
            "pt": "Desenvolvimento sustentável nas práticas culturais",
            "en": "Sustainable development in cultural practices",
        },
    ),
)


# -- plans and axes ---------------------------------------------------------------------------------------------


def create_plan_with_axes(year: int, titles: Mapping[str, str | None], *, actor: Any) -> Plan:
    """A draft plan for ``year`` with its titles (French required) and the network's three axes."""
    title_fr = (titles.get(SOURCE_LANGUAGE) or "").strip()
    if not title_fr:
        raise PlanError(_l("The plan needs a French title."))
    plan = create_plan(year, title_fr=title_fr, actor=actor)
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE and (titles.get(lang) or "").strip():
            plan.set_texts(lang, {"title": titles[lang]})
    for position, (code, axis_titles) in enumerate(NETWORK_AXES):
        axis = Axis(code=code, position=position)
        axis.set_texts(SOURCE_LANGUAGE, {"title": axis_titles[SOURCE_LANGUAGE]})
        for lang in LANGUAGES:
            if lang != SOURCE_LANGUAGE:
                axis.set_texts(lang, {"title": axis_titles[lang]})
        plan.axes.append(axis)
    db.session.flush()
    return plan


def update_translatable(item: Any, texts: Mapping[str, Mapping[str, str | None]], reviewed: Iterable[str] = ()) -> bool:
    """Save the languages whose text changed; a translation keeps its stale mark unless its text changed or the
    person says it was ``reviewed`` against the current French. Returns whether anything changed."""
    changed = False
    languages = [SOURCE_LANGUAGE, *(lang for lang in texts if lang != SOURCE_LANGUAGE)]
    for lang in languages:
        if lang not in texts:
            continue
        wanted = {k: (v or "").strip() for k, v in texts[lang].items()}
        current = item.texts_in(lang)
        if {k: v for k, v in wanted.items() if v} != {k: v for k, v in current.items() if k in wanted}:
            merged = {**current, **wanted}
            item.set_texts(lang, merged)
            changed = True
    for lang in reviewed:
        if lang != SOURCE_LANGUAGE and item.texts_in(lang):
            sources = dict(item.translated_from or {})
            fingerprint = source_fingerprint((item.texts or {}).get(SOURCE_LANGUAGE))
            if sources.get(lang) != fingerprint:
                sources[lang] = fingerprint
                item.translated_from = sources
                changed = True
    return changed


def update_axis(
    axis: Axis, texts: Mapping[str, Mapping[str, str | None]], *, reviewed: Iterable[str] = (), actor: Any
) -> Axis:
    """Edit an axis's titles and descriptions; only a draft is edited (published rows are frozen)."""
    if axis.plan.status != PlanStatus.DRAFT:
        raise PlanError(_l("Only a draft can be edited: start a new revision first."))
    source = texts[SOURCE_LANGUAGE] if SOURCE_LANGUAGE in texts else axis.texts_in(SOURCE_LANGUAGE)
    if not (source.get("title") or "").strip():
        raise PlanError(_l("An axis needs a French title."))
    if update_translatable(axis, texts, reviewed):
        db.session.flush()
        record(
            "courses.axis-updated",
            actor=actor,
            target=axis,
            target_label=axis.text("title", SOURCE_LANGUAGE).text[:255],
            details={"plan_id": axis.plan_id, "code": axis.code},
        )
    return axis


def revisions_of_year(year: int) -> list[Plan]:
    return list(db.session.scalars(select(Plan).where(Plan.year == year).order_by(Plan.revision.desc())))


# -- links to the authoring area --------------------------------------------------------------------------------

# Where the authoring area (courses/views/authoring.py) edits each kind of item: endpoint and its arguments. The
# year's page lists axes and their tracks; a published item's editor sends the author to where it can be read.
AUTHORING_ENDPOINTS: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "Plan": ("courses.author_year", lambda plan: {"year": plan.year}),
    "Axis": ("courses.author_year", lambda axis: {"year": axis.plan.year, "_anchor": f"axis-{axis.id}"}),
    "Track": ("courses.author_edit_track", lambda track: {"track_id": track.id}),
    "Course": ("courses.author_edit_course", lambda course: {"course_id": course.id}),
    "Module": ("courses.author_edit_module", lambda module: {"module_id": module.id}),
    "Lesson": ("courses.author_edit_lesson", lambda lesson: {"lesson_id": lesson.id}),
}


def authoring_url(item: Any, endpoint: str | None = None) -> str | None:
    """The authoring page of ``item`` (a plan, axis, track, course, module or lesson), or None when the authoring
    area is not there (the plan pages still work without it)."""
    name, arguments = AUTHORING_ENDPOINTS.get(type(item).__name__, (None, None))
    if endpoint is not None:
        name, arguments = endpoint, (lambda row: {f"{type(row).__name__.lower()}_id": row.id})
    if name is None or arguments is None or name not in current_app.view_functions:
        return None
    try:
        return url_for(name, **arguments(item))
    except BuildError:
        return None


ITEM_KINDS = {
    "Plan": _l("Plan"),
    "Axis": _l("Axis"),
    "Track": _l("Track"),
    "Course": _l("Course"),
    "Module": _l("Module"),
    "Lesson": _l("Lesson"),
}


@dataclass(frozen=True)
class Problem:
    """A reason the plan cannot be published, with where to fix it."""

    kind: Any
    label: str
    message: Any
    url: str | None
    anchor: str


def _anchor(item: Any) -> str:
    """Where the plan page shows ``item``: lessons and modules are shown through their course."""
    name = type(item).__name__
    if name == "Lesson":
        item, name = item.module.course, "Course"
    elif name == "Module":
        item, name = item.course, "Course"
    if name == "Plan" or not hasattr(item, "uid"):
        return "plan-title"
    return f"{name.lower()}-{item.uid}"


def describe_problems(plan: Plan, problems: Iterable[tuple[Any, Any]]) -> list[Problem]:
    found = []
    for item, message in problems:
        name = type(item).__name__
        label = item.text("title").text if hasattr(item, "text") else str(item)
        found.append(
            Problem(
                kind=ITEM_KINDS.get(name, name),
                label=label,
                message=message,
                url=authoring_url(item),
                anchor=_anchor(item),
            )
        )
    return found


# -- targets ----------------------------------------------------------------------------------------------------


def _same_role(target_role: Any, assignment_role: Any) -> ColumnElement[bool]:
    # Two different enum types on PostgreSQL: compare their text.
    return cast(target_role, String) == cast(assignment_role, String)


def _covers() -> ColumnElement[bool]:
    """Join condition between Target, RoleAssignment and User: the person is one the target covers."""
    return and_(
        _same_role(Target.role, RoleAssignment.role),
        User.id == RoleAssignment.user_id,
        User.active.is_(True),
        or_(
            Target.institute_id.is_(None),
            and_(
                User.institute_id == Target.institute_id,
                or_(RoleAssignment.institute_id.is_(None), RoleAssignment.institute_id == Target.institute_id),
            ),
        ),
    )


def covered_counts(plan: Plan) -> dict[int, int]:
    """Target id -> how many active people it covers, in one query."""
    query = (
        select(Target.id, func.count(distinct(User.id)))
        .select_from(Target)
        .join(RoleAssignment, _same_role(Target.role, RoleAssignment.role))
        .join(User, _covers())
        .where(Target.plan_id == plan.id)
        .group_by(Target.id)
    )
    return {target_id: count for target_id, count in db.session.execute(query)}


def plan_targets(plan: Plan) -> list[Target]:
    return list(db.session.scalars(select(Target).where(Target.plan_id == plan.id).order_by(Target.id)))


def _check_editable(plan: Plan) -> None:
    if plan.status == PlanStatus.ARCHIVED:
        raise PlanError(_l("An archived plan cannot be changed."))


def _track_uids(plan_id: int) -> set[str]:
    query = select(Track.uid).join(Axis, Axis.id == Track.axis_id).where(Axis.plan_id == plan_id)
    return set(db.session.scalars(query))


def _find_target(plan_id: int, track_uid: str, role: Role, institute_id: int | None) -> Target | None:
    query = select(Target).where(
        Target.plan_id == plan_id,
        Target.track_uid == track_uid,
        Target.role == role,
        Target.institute_id.is_(None) if institute_id is None else Target.institute_id == institute_id,
    )
    return db.session.scalars(query).first()


def _siblings(plan: Plan) -> list[Plan]:
    """The year's other live revision (the draft of a published plan, or the published plan of a draft).

    Targets do not change what learners see, so they are edited on a published plan too; the change is mirrored on
    the other live revision so that publishing the draft does not bring back old targets.
    """
    query = select(Plan).where(
        Plan.year == plan.year,
        Plan.id != plan.id,
        Plan.status.in_((PlanStatus.DRAFT, PlanStatus.PUBLISHED)),
    )
    return list(db.session.scalars(query))


def _check_target(plan: Plan, track_uid: str, institute_id: int | None) -> None:
    if track_uid not in _track_uids(plan.id):
        raise PlanError(_l("Choose a track of this plan."))
    if institute_id is not None and db.session.get(Institute, institute_id) is None:
        raise PlanError(_l("Choose an institute from the list."))


def add_target(plan: Plan, *, track_uid: str, role: Role, institute_id: int | None, actor: Any) -> Target:
    """Ask that people of ``role`` (in ``institute_id``, or everywhere) complete the track this year."""
    _check_editable(plan)
    _check_target(plan, track_uid, institute_id)
    if _find_target(plan.id, track_uid, role, institute_id) is not None:
        raise PlanError(_l("This target already exists."))
    target = Target(plan_id=plan.id, track_uid=track_uid, role=role, institute_id=institute_id)
    db.session.add(target)
    for sibling in _siblings(plan):
        if track_uid in _track_uids(sibling.id) and _find_target(sibling.id, track_uid, role, institute_id) is None:
            db.session.add(Target(plan_id=sibling.id, track_uid=track_uid, role=role, institute_id=institute_id))
    db.session.flush()
    record("courses.target-added", actor=actor, target=target, target_label=_target_label(plan, target),
           details=_target_details(target))  # fmt: skip
    return target


def update_target(target: Target, *, track_uid: str, role: Role, institute_id: int | None, actor: Any) -> Target:
    plan = target.plan
    _check_editable(plan)
    _check_target(plan, track_uid, institute_id)
    existing = _find_target(plan.id, track_uid, role, institute_id)
    if existing is not None and existing.id != target.id:
        raise PlanError(_l("This target already exists."))
    before = _target_details(target)
    for sibling in _siblings(plan):
        twin = _find_target(sibling.id, target.track_uid, target.role, target.institute_id)
        if twin is None:
            continue
        if track_uid in _track_uids(sibling.id) and _find_target(sibling.id, track_uid, role, institute_id) is None:
            twin.track_uid, twin.role, twin.institute_id = track_uid, role, institute_id
        else:
            db.session.delete(twin)
    target.track_uid, target.role, target.institute_id = track_uid, role, institute_id
    db.session.flush()
    record("courses.target-changed", actor=actor, target=target, target_label=_target_label(plan, target),
           details={"before": before, "after": _target_details(target)})  # fmt: skip
    return target


def remove_target(target: Target, *, actor: Any) -> None:
    plan = target.plan
    _check_editable(plan)
    details = _target_details(target)
    label = _target_label(plan, target)
    for sibling in _siblings(plan):
        twin = _find_target(sibling.id, target.track_uid, target.role, target.institute_id)
        if twin is not None:
            db.session.delete(twin)
    db.session.delete(target)
    db.session.flush()
    record("courses.target-removed", actor=actor, target=plan, target_label=label, details=details)


def _target_details(target: Target) -> dict[str, Any]:
    return {
        "plan_id": target.plan_id,
        "track_uid": target.track_uid,
        "role": target.role.value,
        "institute_id": target.institute_id,
    }


def _target_label(plan: Plan, target: Target) -> str:
    return f"{plan.year} r{plan.revision} {target.track_uid[:8]} {target.role.value}"


# -- planned vs delivered ---------------------------------------------------------------------------------------


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


def _targeted_pairs(plan: Plan, *, axis_id: int | None, country: str | None) -> Any:
    """Distinct (person, track) pairs the plan's targets ask for, with the person's institute and country."""
    query = (
        select(
            User.id.label("user_id"),
            Track.id.label("track_id"),
            Track.uid.label("track_uid"),
            Axis.id.label("axis_id"),
            User.institute_id.label("institute_id"),
            Institute.country.label("country"),
        )
        .select_from(Target)
        .join(Track, Track.uid == Target.track_uid)
        .join(Axis, and_(Axis.id == Track.axis_id, Axis.plan_id == Target.plan_id))
        .join(RoleAssignment, _same_role(Target.role, RoleAssignment.role))
        .join(User, _covers())
        .outerjoin(Institute, Institute.id == User.institute_id)
        .where(Target.plan_id == plan.id)
        .distinct()
    )
    if axis_id is not None:
        query = query.where(Axis.id == axis_id)
    if country is not None:
        query = query.where(Institute.country == country)
    return query.subquery("pairs")


def _figures_query(plan: Plan, grouping: Grouping | None, *, axis_id: int | None, country: str | None) -> Any:
    pairs = _targeted_pairs(plan, axis_id=axis_id, country=country)

    def enrolment_in_track(statuses: tuple[EnrolmentStatus, ...]) -> Any:
        return exists(
            select(literal(1))
            .select_from(Enrolment)
            .join(Course, Course.uid == Enrolment.course_uid)
            .where(
                Course.track_id == pairs.c.track_id,
                Enrolment.user_id == pairs.c.user_id,
                Enrolment.status.in_(statuses),
            )
        )

    enrolled = enrolment_in_track((EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED))
    active = enrolment_in_track((EnrolmentStatus.ACTIVE,))
    done = exists(
        select(literal(1)).where(
            TrackCompletion.user_id == pairs.c.user_id, TrackCompletion.track_uid == pairs.c.track_uid
        )
    )
    key = {
        None: literal("all"),
        Grouping.AXIS: pairs.c.axis_id,
        Grouping.INSTITUTE: pairs.c.institute_id,
        Grouping.COUNTRY: pairs.c.country,
    }[grouping]
    # One row per group and person: enrolled or in progress on any of their tracks, done when all are done.
    people = (
        select(
            key.label("key"),
            pairs.c.user_id,
            func.max(case((enrolled, 1), else_=0)).label("enrolled"),
            func.max(case((active, 1), else_=0)).label("active"),
            func.min(case((done, 1), else_=0)).label("done"),
        )
        .group_by(key, pairs.c.user_id)
        .subquery("people")
    )
    return select(
        people.c.key,
        func.count(),
        func.coalesce(func.sum(people.c.enrolled), 0),
        func.coalesce(func.sum(people.c.active), 0),
        func.coalesce(func.sum(people.c.done), 0),
    ).group_by(people.c.key)


def planned_vs_delivered(
    plan: Plan, grouping: Grouping, *, axis_id: int | None = None, country: str | None = None
) -> tuple[list[Figures], Figures]:
    """Rows per axis, institute or country (unsorted), and the total (distinct people across the rows)."""
    rows = [
        Figures(key, int(targeted), int(enrolled), int(active), int(done))
        for key, targeted, enrolled, active, done in db.session.execute(
            _figures_query(plan, grouping, axis_id=axis_id, country=country)
        )
    ]
    total_row = db.session.execute(_figures_query(plan, None, axis_id=axis_id, country=country)).first()
    if total_row is None:
        total = Figures("all", 0, 0, 0, 0)
    else:
        total = Figures("all", *(int(value) for value in total_row[1:]))
    return rows, total


def institutes_by_id(ids: Iterable[int | None]) -> dict[int, Institute]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {i.id: i for i in db.session.scalars(select(Institute).where(Institute.id.in_(wanted)))}


def network_countries() -> list[str]:
    """Countries that have an institute: the choices of the country filter."""
    return list(db.session.scalars(select(Institute.country).distinct().order_by(Institute.country)))

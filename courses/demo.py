"""Demo content of the courses plugin: a 2027 plan and learners at various stages.

The plan is created (and published) only when the year has no plan at all, so an admin's own 2027 plan, or the demo
plan as an admin later revised it, is left alone. Its rows get uids derived from the content keys, which lets a
second run find them again without storing anything else: assignments, enrolments and completions are then added
only where missing (by their unique keys), and a person's own progress on a course is never overwritten. People's
passwords and statuses are not touched. Never commits: ``flask sonores demo`` does, once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.people.models import User
from sonores_lms.permissions import Role

from . import demo_content as content
from .delivered import rebuild_plans
from .demo_content.learners import PROGRESS, TARGETS
from .models import (
    Assignment,
    Axis,
    CompletionSource,
    Course,
    Enrolment,
    EnrolmentStatus,
    Lesson,
    LessonCompletion,
    Level,
    Module,
    Plan,
    PlanStatus,
    Target,
    Track,
    TrackCompletion,
)
from .revisions import create_plan, publish

# Fixed, so that the demo rows of every database share their uids (and a re-run finds them).
NAMESPACE = uuid.UUID("5d1f0c6e-3b7a-4c1e-9a52-2f6a0b7e8d41")


def demo_uid(kind: str, key: str, year: int = 2027) -> str:
    return uuid.uuid5(NAMESPACE, f"{year}/{kind}/{key}").hex


@dataclass(frozen=True)
class _Item:
    """A course of the content with what the progress loader needs."""

    course: content.Course
    track: content.Track
    uid: str
    lessons: tuple[tuple[content.Lesson, str], ...]  # in course order, with uids


def load_demo() -> None:
    """Idempotent: a second run changes nothing."""
    plan_content = content.plan()
    people = _people()
    if not db.session.scalar(select(func.count()).select_from(Plan).where(Plan.year == plan_content.year)):
        _create_plan(plan_content, people)
    items = {item.course.key: item for item in _items(plan_content)}
    present = _present_uids(plan_content, items)
    _assign_trainers(plan_content, people, present)
    _record_progress(plan_content, items, people, present)
    db.session.flush()
    rebuild_plans()  # the planned-vs-delivered figures, so that the page shows them at once


# ---------------------------------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------------------------------


def _people() -> dict[str, User]:
    from sonores_lms.demo_data import PEOPLE

    emails = [person.email for person in PEOPLE]
    return {user.email: user for user in db.session.scalars(select(User).where(User.email.in_(emails)))}


def _set_texts(row: Any, data: Any, fr: dict[str, str]) -> None:
    """French, the translations as first written, the French revised since (making them stale), then the
    translations brought up to date after the revision."""
    row.set_texts("fr", fr)
    for language, values in getattr(data, "translations", {}).items():
        row.set_texts(language, values)
    revised = getattr(data, "revised", {})
    if revised:
        row.set_texts("fr", {**fr, **revised})
    for language, values in getattr(data, "retranslated", {}).items():
        row.set_texts(language, values)


def _create_plan(data: content.Plan, people: dict[str, User]) -> Plan:
    year = data.year
    plan = create_plan(year, title_fr=data.title, actor=None)
    _set_texts(plan, data, {"title": data.title, "description": data.description})
    courses: dict[str, Course] = {}
    prerequisites: list[tuple[Course, tuple[str, ...]]] = []
    for axis_position, axis_data in enumerate(data.axes):
        axis = Axis(uid=demo_uid("axis", axis_data.code, year), code=axis_data.code, position=axis_position)
        _set_texts(axis, axis_data, {"title": axis_data.title, "description": axis_data.description})
        plan.axes.append(axis)
        for track_position, track_data in enumerate(axis_data.tracks):
            track = Track(
                uid=demo_uid("track", track_data.key, year),
                position=track_position,
                enforce_order=track_data.enforce_order,
            )
            _set_texts(track, track_data, {"title": track_data.title, "summary": track_data.summary})
            axis.tracks.append(track)
            for course_position, course_data in enumerate(track_data.courses):
                author = _first(people, course_data.authors or track_data.authors)
                course = Course(
                    uid=demo_uid("course", course_data.key, year),
                    position=course_position,
                    level=Level(course_data.level),
                    audience=list(course_data.audience),
                )
                _set_texts(
                    course,
                    course_data,
                    {"title": course_data.title, "summary": course_data.summary, "objectives": course_data.objectives},
                )
                track.courses.append(course)
                courses[course_data.key] = course
                prerequisites.append((course, course_data.prerequisites))
                for module_position, module_data in enumerate(course_data.modules):
                    module = Module(uid=demo_uid("module", module_data.key, year), position=module_position)
                    _set_texts(module, module_data, {"title": module_data.title, "summary": module_data.summary})
                    course.modules.append(module)
                    for lesson_position, lesson_data in enumerate(module_data.lessons):
                        module.lessons.append(_lesson(lesson_data, lesson_position, author, year))
    for course, keys in prerequisites:
        course.prerequisites = [courses[key] for key in keys]
    db.session.flush()
    _add_targets(plan)
    publish(plan, actor=None)
    return plan


def _lesson(data: content.Lesson, position: int, author: User | None, year: int) -> Lesson:
    lesson = Lesson(
        uid=demo_uid("lesson", data.key, year),
        position=position,
        kind=data.kind,
        duration_minutes=data.minutes,
        required=data.required,
        release_at=data.release_at,
        data={"url": data.url} if data.url else {},
        updated_by_id=author.id if author is not None else None,
    )
    _set_texts(lesson, data, {"title": data.title, "body": data.body, "transcript": data.transcript})
    return lesson


def _first(people: dict[str, User], emails: tuple[str, ...]) -> User | None:
    return next((people[email] for email in emails if email in people), None)


def _add_targets(plan: Plan) -> None:
    names = {goal.institute for goal in TARGETS if goal.institute}
    institutes = {
        institute.name: institute.id
        for institute in db.session.scalars(select(Institute).where(Institute.name.in_(names)))
    }
    for goal in TARGETS:
        if goal.institute is not None and goal.institute not in institutes:
            continue  # the demo network was not loaded, or an admin renamed the institute
        plan.targets.append(
            Target(
                track_uid=demo_uid("track", goal.track, plan.year),
                role=Role(goal.role),
                institute_id=institutes.get(goal.institute) if goal.institute else None,
            )
        )
    db.session.flush()


# ---------------------------------------------------------------------------------------------------------------
# Lessons showing other plugins' demo items
# ---------------------------------------------------------------------------------------------------------------


def link_demo_items(_sender: Any = None, **_kwargs: Any) -> None:
    """Receiver of ``core.demo-loaded``: the demo plan's lessons that show another plugin's demo item (the festival
    budget course shows the knowledge base's budget template), added once that plugin's demo has loaded, whatever
    order the demos ran in. Nothing happens where no enabled plugin offers the item.

    The lesson goes into the published demo plan as the demo wrote it, like the rest of the plan: it is optional,
    so the completions the demo recorded stay true. A lesson with its uid in any revision is never added again,
    and a year whose plan has a draft revision (someone is editing it) is left alone."""
    from sonores_lms.links import demo_reference

    data = content.plan()
    year = data.year
    plan = db.session.scalars(select(Plan).where(Plan.year == year, Plan.status == PlanStatus.PUBLISHED)).first()
    if plan is None or db.session.scalar(
        select(Plan.id).where(Plan.year == year, Plan.status == PlanStatus.DRAFT).limit(1)
    ):
        return
    authors = {
        course.key: course.authors or track.authors
        for axis in data.axes
        for track in axis.tracks
        for course in track.courses
    }
    people = _people()
    for item in content.embedded():
        uid = demo_uid("lesson", item.lesson.key, year)
        if db.session.scalar(select(Lesson.id).where(Lesson.uid == uid).limit(1)) is not None:
            continue
        reference = demo_reference(item.topic)
        if reference is None:
            continue
        module = db.session.scalars(
            select(Module)
            .join(Course, Module.course_id == Course.id)
            .join(Track, Course.track_id == Track.id)
            .join(Axis, Track.axis_id == Axis.id)
            .where(
                Axis.plan_id == plan.id,
                Course.uid == demo_uid("course", item.course, year),
                Module.uid == demo_uid("module", item.module, year),
            )
        ).first()
        if module is None:  # the demo course is not in this plan
            continue
        position = max((lesson.position for lesson in module.lessons), default=-1) + 1
        lesson = _lesson(item.lesson, position, _first(people, authors.get(item.course, ())), year)
        lesson.data = {"reference": reference}
        module.lessons.append(lesson)
    db.session.flush()


# ---------------------------------------------------------------------------------------------------------------
# People: trainers' assignments and learners' progress
# ---------------------------------------------------------------------------------------------------------------


def _items(data: content.Plan) -> Iterator[_Item]:
    for axis in data.axes:
        for track in axis.tracks:
            for course in track.courses:
                lessons = tuple(
                    (lesson, demo_uid("lesson", lesson.key, data.year))
                    for module in course.modules
                    for lesson in module.lessons
                )
                yield _Item(course, track, demo_uid("course", course.key, data.year), lessons)


def _present_uids(data: content.Plan, items: dict[str, _Item]) -> set[str]:
    """The demo uids that exist in the database (the year may hold a plan that is not the demo's)."""
    tracks = [demo_uid("track", track.key, data.year) for axis in data.axes for track in axis.tracks]
    courses = [item.uid for item in items.values()]
    lessons = [uid for item in items.values() for _lesson, uid in item.lessons]
    present: set[str] = set()
    for model, uids in ((Track, tracks), (Course, courses), (Lesson, lessons)):
        present.update(db.session.scalars(select(model.uid).where(model.uid.in_(uids)).distinct()))
    return present


def _assign_trainers(data: content.Plan, people: dict[str, User], present: set[str]) -> None:
    wanted: set[tuple[int, str | None, str | None]] = set()
    for axis in data.axes:
        for track in axis.tracks:
            track_uid = demo_uid("track", track.key, data.year)
            wanted.update((people[e].id, track_uid, None) for e in track.authors if e in people)
            for course in track.courses:
                course_uid = demo_uid("course", course.key, data.year)
                wanted.update((people[e].id, None, course_uid) for e in course.authors if e in people)
    if not wanted:
        return
    existing = {
        (a.user_id, a.track_uid, a.course_uid)
        for a in db.session.scalars(select(Assignment).where(Assignment.user_id.in_({w[0] for w in wanted})))
    }
    for user_id, track_uid, course_uid in sorted(wanted - existing, key=str):
        if (track_uid or course_uid) in present:
            db.session.add(Assignment(user_id=user_id, track_uid=track_uid, course_uid=course_uid))


def _record_progress(data: content.Plan, items: dict[str, _Item], people: dict[str, User], present: set[str]) -> None:
    learners = {p.email: people[p.email] for p in PROGRESS if p.email in people}
    user_ids = [user.id for user in learners.values()]
    enrolled = {
        (e.user_id, e.course_uid) for e in db.session.scalars(select(Enrolment).where(Enrolment.user_id.in_(user_ids)))
    }
    done_lessons = set(
        db.session.execute(
            select(LessonCompletion.user_id, LessonCompletion.lesson_uid).where(LessonCompletion.user_id.in_(user_ids))
        ).tuples()
    )
    now = utcnow().replace(second=0, microsecond=0)
    for progress in PROGRESS:
        user = learners.get(progress.email)
        item = items[progress.course]
        if user is None or item.uid not in present or (user.id, item.uid) in enrolled:
            continue  # someone's own enrolment is theirs: the demo does not rewrite it
        _enrol(user, item, progress, now, done_lessons, present)
    db.session.flush()
    _complete_tracks(data, items, learners)


def _lessons_to_do(item: _Item, now: datetime) -> list[tuple[content.Lesson, str]]:
    """The lessons a learner works through, in order: released ones, live sessions excepted (none has run yet)."""
    return [
        (lesson, uid)
        for lesson, uid in item.lessons
        if lesson.kind != "live" and (lesson.release_at is None or lesson.release_at <= now)
    ]


def _enrol(
    user: User,
    item: _Item,
    progress: Any,
    now: datetime,
    done_lessons: set[tuple[int, str]],
    present: set[str],
) -> None:
    started = now - timedelta(days=progress.days_ago, hours=3)
    to_do = _lessons_to_do(item, now)
    finished = progress.done == "all"
    count = len(to_do) if finished else min(progress.done, len(to_do))
    available = {uid for _lesson, uid in to_do}
    if finished and any(lesson.required and uid not in available for lesson, uid in item.lessons):
        raise ValueError(f"{progress.email} cannot finish {item.course.key}: a required lesson is not available")
    # Spread the lessons over the time since the start, the last one a day before now at the latest.
    step = (now - timedelta(days=1) - started) / (count + 1) if count else timedelta(0)
    last = started
    latest: datetime | None = None  # the latest completion recorded here: the enrolment's last activity
    for index, (lesson, uid) in enumerate(to_do[:count]):
        at = started + step * (index + 1)
        last = at
        if (user.id, uid) in done_lessons or uid not in present:
            continue
        db.session.add(
            LessonCompletion(
                user_id=user.id,
                lesson_uid=uid,
                course_uid=item.uid,
                source=_source(lesson, index, progress.offline),
                completed_at=at,
            )
        )
        done_lessons.add((user.id, uid))
        latest = at if latest is None else max(latest, at)
    db.session.add(
        Enrolment(
            user_id=user.id,
            course_uid=item.uid,
            status=EnrolmentStatus.COMPLETED if finished else EnrolmentStatus.ACTIVE,
            started_at=started,
            completed_at=last if finished else None,
            last_activity_at=latest,
        )
    )


def _source(lesson: content.Lesson, index: int, offline: bool) -> CompletionSource:
    if offline and lesson.kind == "text":
        return CompletionSource.OFFLINE
    if lesson.kind == "text" and index % 2 == 0:
        return CompletionSource.READ
    return CompletionSource.MANUAL


def _complete_tracks(data: content.Plan, items: dict[str, _Item], learners: dict[str, User]) -> None:
    """A track is done for whoever the demo has finish all its courses (and who has them completed indeed)."""
    finished = {(p.email, p.course) for p in PROGRESS if p.done == "all"}
    user_ids = [user.id for user in learners.values()]
    completed = {
        (e.user_id, e.course_uid): e.completed_at
        for e in db.session.scalars(
            select(Enrolment).where(Enrolment.user_id.in_(user_ids), Enrolment.status == EnrolmentStatus.COMPLETED)
        )
    }
    recorded = set(
        db.session.execute(
            select(TrackCompletion.user_id, TrackCompletion.track_uid).where(TrackCompletion.user_id.in_(user_ids))
        ).tuples()
    )
    for axis in data.axes:
        for track in axis.tracks:
            track_uid = demo_uid("track", track.key, data.year)
            course_uids = [items[course.key].uid for course in track.courses]
            for email, user in learners.items():
                if not all((email, course.key) in finished for course in track.courses):
                    continue
                dates = [completed.get((user.id, uid)) for uid in course_uids]
                if (user.id, track_uid) in recorded or not all(dates):
                    continue
                db.session.add(TrackCompletion(user_id=user.id, track_uid=track_uid, completed_at=max(dates)))
                recorded.add((user.id, track_uid))

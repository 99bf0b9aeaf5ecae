"""Learning: what a person has done (loaded once per page), enrolling, completing lessons, courses and tracks.

The services flush and never commit. They are the only place that completes an enrolment or records a track
completion, so ``courses.course-completed`` and ``courses.track-completed`` are sent once: the status change (an
enrolment becoming completed, a TrackCompletion row being inserted) is the guard.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from flask_babel import LazyString, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, joinedload, load_only, selectinload

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db

from .kinds import LessonKind, lesson_kinds_registry, scoring_kinds
from .models import (
    Axis,
    CompletionSource,
    Course,
    Enrolment,
    EnrolmentStatus,
    Lesson,
    LessonCompletion,
    Module,
    Plan,
    PlanStatus,
    Track,
    TrackCompletion,
)
from .progress import (
    LearnerState,
    Lock,
    Progress,
    course_lock,
    course_requirements_met,
    lesson_lock,
    release_lock,
    track_done,
)
from .queries import lesson_completions
from .signals import course_completed, enrolment_changed, track_completed

ENROLLED = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)
LEARNER_SOURCES = (CompletionSource.MANUAL, CompletionSource.READ, CompletionSource.OFFLINE)


class LearningError(Exception):
    """Something a learner may not do; ``message`` is for them, ``status`` the HTTP answer (403 by default)."""

    def __init__(self, message: Any, *, status: int = 403, lock: Lock | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.lock = lock


# -- loading ------------------------------------------------------------------------------------------------------
def published_years() -> list[int]:
    return list(
        db.session.scalars(select(Plan.year).where(Plan.status == PlanStatus.PUBLISHED).order_by(Plan.year.desc()))
    )


def catalogue_plan(year: int | None = None, *, prerequisites: bool = True) -> Plan | None:
    """The published plan of ``year`` (or the latest) down to its courses: no modules, no lessons."""
    courses = selectinload(Plan.axes).selectinload(Axis.tracks).selectinload(Track.courses)
    options = [courses.selectinload(Course.prerequisites)] if prerequisites else [courses]
    query = select(Plan).where(Plan.status == PlanStatus.PUBLISHED)
    if year is not None:
        query = query.where(Plan.year == year)
    return db.session.scalars(query.order_by(Plan.year.desc()).limit(1).options(*options)).first()


def _in_plan(plan_id: int) -> Any:
    return (
        select(Module.course_id)
        .join(Course, Course.id == Module.course_id)
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .where(Axis.plan_id == plan_id)
    )


@dataclass(frozen=True)
class CourseFigures:
    """A course's duration and its required lessons, and how many of those the reader has done."""

    minutes: int = 0
    lessons: int = 0
    progress: Progress = Progress(0, 0)


def course_figures(plan: Plan, user: Any) -> dict[int, CourseFigures]:
    """Per course id of ``plan``: one aggregate query, whatever the number of lessons (no lesson is loaded)."""
    required = Lesson.required.is_(True)
    done = LessonCompletion.id.is_not(None) & required
    rows = db.session.execute(
        _in_plan(plan.id)
        .add_columns(
            func.coalesce(func.sum(Lesson.duration_minutes), 0),
            func.count(Lesson.id),
            func.sum(case((required, 1), else_=0)).cast(Integer),
            func.sum(case((done, 1), else_=0)).cast(Integer),
        )
        .join(Lesson, Lesson.module_id == Module.id)
        .outerjoin(
            LessonCompletion,
            (LessonCompletion.lesson_uid == Lesson.uid) & (LessonCompletion.user_id == user.id),
        )
        .group_by(Module.course_id)
    ).all()
    return {
        course_id: CourseFigures(int(minutes or 0), int(count or 0), Progress(int(finished or 0), int(total or 0)))
        for course_id, minutes, count, total, finished in rows
    }


def published_course(uid: str) -> Course | None:
    """The course ``uid`` in a published plan, with its modules and lessons, its prerequisites and its track's
    courses (for order locks). Drafts and archived revisions are not found."""
    query = (
        select(Course)
        .join(Course.track)
        .join(Track.axis)
        .join(Axis.plan)
        .where(Course.uid == uid, Plan.status == PlanStatus.PUBLISHED)
        .options(
            contains_eager(Course.track).contains_eager(Track.axis).contains_eager(Axis.plan),
            contains_eager(Course.track).selectinload(Track.courses),
            selectinload(Course.modules).selectinload(Module.lessons),
            selectinload(Course.prerequisites),
        )
        .order_by(Plan.year.desc())
        .limit(1)
    )
    return db.session.scalars(query).first()


def published_lesson(uid: str) -> Lesson | None:
    """The lesson ``uid`` in a published plan; its course comes with what :func:`published_course` loads."""
    course_uid = db.session.scalar(
        select(Course.uid)
        .join(Module, Module.course_id == Course.id)
        .join(Lesson, Lesson.module_id == Module.id)
        .join(Course.track)
        .join(Track.axis)
        .join(Axis.plan)
        .where(Lesson.uid == uid, Plan.status == PlanStatus.PUBLISHED)
        .limit(1)
    )
    if course_uid is None:
        return None
    course = published_course(course_uid)
    if course is None:
        return None
    return next((lesson for module in course.modules for lesson in module.lessons if lesson.uid == uid), None)


def learner_state(user: Any, *, course_uids: Collection[str] | None = None, tracks: bool = False) -> LearnerState:
    """What ``user`` has done: completions (of ``course_uids`` only when given), enrolments, track completions."""
    query = select(LessonCompletion.lesson_uid, LessonCompletion.source, LessonCompletion.score).where(
        LessonCompletion.user_id == user.id
    )
    if course_uids is not None:
        query = query.where(LessonCompletion.course_uid.in_(list(course_uids)))
    rows = db.session.execute(query) if course_uids is None or course_uids else ()
    completed, scores = completions_and_scores(rows)
    enrolments = db.session.execute(
        select(Enrolment.course_uid, Enrolment.status).where(Enrolment.user_id == user.id)
    ).all()
    done_tracks: frozenset[str] = frozenset()
    if tracks:
        done_tracks = frozenset(
            db.session.scalars(select(TrackCompletion.track_uid).where(TrackCompletion.user_id == user.id))
        )
    return LearnerState(
        completed=completed,
        scores=scores,
        completed_courses=frozenset(uid for uid, status in enrolments if status == EnrolmentStatus.COMPLETED),
        enrolled=frozenset(uid for uid, status in enrolments if status in ENROLLED),
        completed_tracks=done_tracks,
    )


def completions_and_scores(rows: Any) -> tuple[frozenset[str], dict[str, int]]:
    """Lesson uids done and their scores, from ``(lesson_uid, source, score)`` rows: a score counts whatever the
    source that recorded it (the kind says whether its lessons score)."""
    completed: set[str] = set()
    scores: dict[str, int] = {}
    for lesson_uid, _source, score in rows:
        completed.add(lesson_uid)
        if score is not None:
            scores[lesson_uid] = score
    return frozenset(completed), scores


def enrolled_lessons(plan: Plan, course_uids: Collection[str]) -> list[Lesson]:
    """The lessons of the given courses of ``plan``, in course order, without their text (loaded on demand)."""
    if not course_uids:
        return []
    return list(
        db.session.scalars(
            select(Lesson)
            .join(Module, Module.id == Lesson.module_id)
            .join(Course, Course.id == Module.course_id)
            .join(Track, Track.id == Course.track_id)
            .join(Axis, Axis.id == Track.axis_id)
            .where(Axis.plan_id == plan.id, Course.uid.in_(list(course_uids)))
            .order_by(Axis.position, Track.position, Course.position, Module.position, Lesson.position)
            .options(
                load_only(
                    Lesson.id, Lesson.uid, Lesson.module_id, Lesson.required, Lesson.release_at, Lesson.kind,
                    Lesson.position,
                ),
                joinedload(Lesson.module).load_only(Module.id, Module.course_id, Module.position),
            )
        )
    )  # fmt: skip


def upcoming_lesson(
    user: Any, plan: Plan, courses: Collection[Course], state: LearnerState
) -> tuple[Course, Lesson] | None:
    """The first open lesson not yet done in ``courses`` (the person's enrolled, unfinished ones), in plan order,
    with its course: the dashboard's "next lesson". ``state`` holds the person's enrolments; only the completions
    of these courses are read here."""
    if not courses:
        return None
    uids = [course.uid for course in courses]
    completed, scores = completions_and_scores(lesson_completions(user.id, uids))
    full = replace(state, completed=completed, scores=scores)
    now = utcnow()
    by_id = {course.id: course for course in courses}
    for lesson in enrolled_lessons(plan, uids):
        if lesson.uid not in full.completed and release_lock(lesson, full, now) is None:
            return by_id[lesson.module.course_id], lesson
    return None


# -- rules --------------------------------------------------------------------------------------------------------
def audience_allows(user: Any, course: Course) -> bool:
    """A course with an audience is open only to people holding one of its roles; without one, to everyone."""
    audience = course.audience_roles
    return not audience or bool(audience & set(user.roles))


def lesson_kind(lesson: Lesson) -> LessonKind | None:
    """The registered kind of ``lesson``, None while the plugin that declares it is disabled."""
    return lesson_kinds_registry().get(lesson.kind)


def completes_by(lesson: Lesson) -> str | None:
    """How the lesson completes by itself ("read", "attended", a plugin's word such as "quiz", or None)."""
    kind = lesson_kind(lesson)
    return kind.completes_by if kind is not None else None


def learner_refusal(lesson: Lesson) -> Any:
    """Why the learner may not mark ``lesson`` done themselves, or None when they may: its kind says something
    else completes it (a session attended, a quiz passed), or its kind is not available (its plugin is disabled:
    what nobody can see is not marked seen)."""
    kind = lesson_kind(lesson)
    if kind is None:
        return _l("This kind of lesson is not available at the moment.")
    if not kind.learner_completes:
        return kind.completion_note
    return None


def _plan_of(course: Course) -> Plan:
    return course.track.axis.plan


def _require_published(course: Course) -> None:
    if _plan_of(course).status != PlanStatus.PUBLISHED:
        raise LearningError(_l("This course is not part of a published plan."), status=404)


def audience_refusal(course: Course) -> LearningError:
    roles = sorted(course.audience_roles)

    def message() -> str:  # lazy: the reader's language is known only when the message is shown
        names = ", ".join(str(role.title) for role in roles)
        return gettext("This course is reserved for some roles (%(roles)s); ask your coordinator if you need it.",
                       roles=names)  # fmt: skip

    return LearningError(LazyString(message))


def _enrolment(user: Any, course: Course) -> Enrolment | None:
    return db.session.scalars(
        select(Enrolment).where(Enrolment.user_id == user.id, Enrolment.course_uid == course.uid)
    ).first()


# -- services -----------------------------------------------------------------------------------------------------
def enrol(user: Any, course: Course, *, actor: Any, state: LearnerState | None = None) -> Enrolment:
    """Start ``course`` self-paced (no session). Idempotent: an existing enrolment is returned as it is, a
    withdrawn one becomes active again. Refused outside the course's audience and while the course is locked."""
    _require_published(course)
    if not audience_allows(user, course):
        raise audience_refusal(course)
    enrolment = _enrolment(user, course)
    if enrolment is not None and enrolment.status in ENROLLED:
        return enrolment
    state = state if state is not None else learner_state(user, course_uids=[course.uid])
    locked = course_lock(course, state)
    if locked is not None:
        raise LearningError(_l("This course is locked."), lock=locked)
    if enrolment is None:
        enrolment = Enrolment(user_id=user.id, course_uid=course.uid, status=EnrolmentStatus.ACTIVE)
        db.session.add(enrolment)
        previous = None
    else:
        previous = enrolment.status
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.started_at = utcnow()
        enrolment.completed_at = None
    db.session.flush()
    record(
        "courses.enrolled",
        actor=actor,
        target=enrolment,
        target_label=course.text("title", "fr").text[:255],
        details={"user_id": user.id, "course_uid": course.uid, "previous": previous and previous.value},
    )
    enrolment_changed.send(enrolment, actor=actor, previous=previous)
    return enrolment


def complete_lesson(
    user: Any,
    lesson: Lesson,
    *,
    source: CompletionSource = CompletionSource.MANUAL,
    score: int | None = None,
    actor: Any = None,
    now: datetime | None = None,
) -> LessonCompletion:
    """Mark ``lesson`` done for ``user`` (starting its course if needed). Idempotent: a second call changes
    nothing, except a better score. ``source`` says what completed it: the learner (manual, read, offline, which
    the lesson's kind may refuse) or something elsewhere (attended, quiz), with a ``score`` (percent) for kinds
    that score. Refuses locked lessons. When the course becomes complete, completes the
    enrolment (``courses.course-completed``, once), then the track (``courses.track-completed``, once)."""
    actor = actor if actor is not None else user
    course = lesson.module.course
    _require_published(course)
    if not audience_allows(user, course):
        raise audience_refusal(course)
    if source in LEARNER_SOURCES:
        refusal = learner_refusal(lesson)
        if refusal is not None:
            raise LearningError(refusal)
    state = learner_state(user, course_uids=[course.uid])
    locked = lesson_lock(lesson, course, state, now or utcnow())
    if locked is not None:
        raise LearningError(_l("This lesson is locked."), lock=locked)
    started: Enrolment | None = None
    if course.uid not in state.enrolled:
        started = enrol(user, course, actor=actor, state=state)
    completion = db.session.scalars(
        select(LessonCompletion).where(LessonCompletion.user_id == user.id, LessonCompletion.lesson_uid == lesson.uid)
    ).first()
    if completion is None:
        completion = LessonCompletion(
            user_id=user.id, lesson_uid=lesson.uid, course_uid=course.uid, source=source, score=score
        )
        try:
            with db.session.begin_nested():  # a double click racing this one: keep theirs
                db.session.add(completion)
        except IntegrityError:
            completion = db.session.scalars(
                select(LessonCompletion).where(
                    LessonCompletion.user_id == user.id, LessonCompletion.lesson_uid == lesson.uid
                )
            ).one()
        else:
            # Reports read the latest activity from the enrolment rather than from every completion.
            enrolment = started if started is not None else _enrolment(user, course)
            if enrolment is not None and (
                enrolment.last_activity_at is None or enrolment.last_activity_at < completion.completed_at
            ):
                enrolment.last_activity_at = completion.completed_at
                db.session.flush()
    elif score is not None and (completion.score is None or score > completion.score):
        completion.score = score
        completion.source = source
        db.session.flush()
    if started is not None and started.last_activity_at is None:
        started.last_activity_at = completion.completed_at  # started by this completion (or an earlier one)
        db.session.flush()
    state = state.with_lesson(lesson.uid, completion.score)
    complete_course_if_done(user, course, state=state, actor=actor)
    return completion


def complete_course_if_done(user: Any, course: Course, *, state: LearnerState, actor: Any) -> bool:
    """Complete the enrolment when the course's rule is met; then the track. True when the course completed now."""
    if not course_requirements_met(course, state, scoring_kinds=scoring_kinds()):
        return False
    enrolment = _enrolment(user, course)
    if enrolment is None or enrolment.status == EnrolmentStatus.COMPLETED:
        return False
    previous = enrolment.status
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = utcnow()
    db.session.flush()
    record(
        "courses.course-completed",
        actor=actor,
        target=enrolment,
        target_label=course.text("title", "fr").text[:255],
        details={"user_id": user.id, "course_uid": course.uid},
    )
    enrolment_changed.send(enrolment, actor=actor, previous=previous)
    course_completed.send(enrolment, user=user, course=course)
    _complete_track_if_done(user, course.track, state=state.with_course(course.uid), actor=actor)
    return True


def _complete_track_if_done(user: Any, track: Track, *, state: LearnerState, actor: Any) -> None:
    if not track.courses:
        return
    done = set(
        db.session.scalars(
            select(Enrolment.course_uid).where(
                Enrolment.user_id == user.id,
                Enrolment.status == EnrolmentStatus.COMPLETED,
                Enrolment.course_uid.in_([c.uid for c in track.courses]),
            )
        )
    )
    state = LearnerState(
        state.completed, state.scores, state.completed_courses | done, state.enrolled, state.completed_tracks
    )
    if not track_done(track, state):
        return
    exists = db.session.scalar(
        select(TrackCompletion.id).where(TrackCompletion.user_id == user.id, TrackCompletion.track_uid == track.uid)
    )
    if exists is not None:
        return
    completion = TrackCompletion(user_id=user.id, track_uid=track.uid)
    db.session.add(completion)
    db.session.flush()
    record(
        "courses.track-completed",
        actor=actor,
        target=completion,
        target_label=track.text("title", "fr").text[:255],
        details={"user_id": user.id, "track_uid": track.uid},
    )
    track_completed.send(completion, user=user, track=track)

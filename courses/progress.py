"""Progress and locks, computed from what a person has done: pure functions, no queries, no request.

Everything here reads a plan tree (models already loaded, or any objects with the same attributes) and a
:class:`LearnerState` (the lesson uids a person completed, their scores, the courses their enrolment marks
completed). Progress counts REQUIRED lessons only: lesson -> module -> course -> track -> plan. Keeping this free of
queries lets the catalogue, the course page, the dashboard and the services agree on one definition, and lets the
tests check it without a database.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class LearnerState:
    """What one person has done, keyed by uid (uids survive plan revisions, ids do not)."""

    completed: frozenset[str] = frozenset()  # lesson uids
    scores: Mapping[str, int] = field(default_factory=dict)  # lesson uid -> best percent, for kinds that score
    completed_courses: frozenset[str] = frozenset()  # course uids whose enrolment is completed
    enrolled: frozenset[str] = frozenset()  # course uids with an active or completed enrolment
    completed_tracks: frozenset[str] = frozenset()  # track uids with a TrackCompletion row

    def with_lesson(self, uid: str, score: int | None = None) -> LearnerState:
        scores = dict(self.scores)
        if score is not None:
            scores[uid] = max(score, scores.get(uid, score))
        return LearnerState(
            self.completed | {uid}, scores, self.completed_courses, self.enrolled, self.completed_tracks
        )

    def with_course(self, uid: str) -> LearnerState:
        return LearnerState(
            self.completed,
            self.scores,
            self.completed_courses | {uid},
            self.enrolled | {uid},
            self.completed_tracks,
        )


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` items (required lessons, or courses for a track or plan)."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        if self.total <= 0:
            return 0
        return min(100, (self.done * 100) // self.total)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total)


class LockReason(enum.StrEnum):
    RELEASE = "release"  # the lesson opens at a date
    PREREQUISITE = "prerequisite"  # the course requires other courses
    ORDER = "order"  # the track makes people take its courses in order


@dataclass(frozen=True)
class Lock:
    """Why something is closed: a release date, or the courses to finish first."""

    reason: LockReason
    until: datetime | None = None
    courses: tuple[Any, ...] = ()


# -- walking the tree ---------------------------------------------------------------------------------------------
def course_lessons(course: Any) -> Iterator[Any]:
    for module in course.modules:
        yield from module.lessons


def plan_courses(plan: Any) -> Iterator[Any]:
    for axis in plan.axes:
        for track in axis.tracks:
            yield from track.courses


def plan_tracks(plan: Any) -> Iterator[Any]:
    for axis in plan.axes:
        yield from axis.tracks


# -- progress -----------------------------------------------------------------------------------------------------
def lesson_done(lesson: Any, state: LearnerState) -> bool:
    return lesson.uid in state.completed


def lessons_progress(lessons: Iterable[Any], state: LearnerState) -> Progress:
    """Required lessons done among ``lessons``."""
    done = total = 0
    for lesson in lessons:
        if not lesson.required:
            continue
        total += 1
        done += lesson.uid in state.completed
    return Progress(done, total)


def module_progress(module: Any, state: LearnerState) -> Progress:
    return lessons_progress(module.lessons, state)


def course_progress(course: Any, state: LearnerState) -> Progress:
    return lessons_progress(course_lessons(course), state)


def scored_lessons(course: Any, scoring_kinds: Collection[str]) -> list[Any]:
    """The course's lessons of a kind that scores (see :attr:`courses.kinds.LessonKind.scores`)."""
    return [lesson for lesson in course_lessons(course) if lesson.kind in scoring_kinds]


def best_score(course: Any, state: LearnerState, scoring_kinds: Collection[str]) -> int | None:
    """The best score among the course's scored lessons, None when none was taken."""
    scores = [
        state.scores[lesson.uid] for lesson in scored_lessons(course, scoring_kinds) if lesson.uid in state.scores
    ]
    return max(scores) if scores else None


def course_requirements_met(course: Any, state: LearnerState, *, scoring_kinds: Collection[str]) -> bool:
    """The completion rule: every required lesson done and, when the course sets a minimum score and has lessons
    of a kind that scores (``scoring_kinds``, the names the registry gives), the best score at or above it. (A
    minimum without any scored lesson cannot be met, so it is ignored rather than locking the course for ever.)"""
    lessons = course_progress(course, state)
    if lessons.done < lessons.total:
        return False
    if course.min_quiz_score is not None and scored_lessons(course, scoring_kinds):
        best = best_score(course, state, scoring_kinds)
        return best is not None and best >= course.min_quiz_score
    return True


def course_done(course: Any, state: LearnerState) -> bool:
    """Done when the person's enrolment is completed (the shared meaning, which reports use too). The services
    complete the enrolment when :func:`course_requirements_met` becomes true, so a later revision that adds a
    lesson does not take a completion back, and other courses' lessons need not be loaded to know it."""
    return course.uid in state.completed_courses


def courses_progress(courses: Iterable[Any], state: LearnerState) -> Progress:
    """Courses done among ``courses``."""
    done = total = 0
    for course in courses:
        total += 1
        done += course_done(course, state)
    return Progress(done, total)


def track_progress(track: Any, state: LearnerState) -> Progress:
    """Required lessons done in the track."""
    return sum((course_progress(c, state) for c in track.courses), Progress(0, 0))


def track_courses_progress(track: Any, state: LearnerState) -> Progress:
    return courses_progress(track.courses, state)


def track_done(track: Any, state: LearnerState) -> bool:
    """Recorded (a TrackCompletion row), or every course of the track done."""
    return track.uid in state.completed_tracks or (
        bool(track.courses) and all(course_done(c, state) for c in track.courses)
    )


def plan_progress(plan: Any, state: LearnerState) -> Progress:
    """Required lessons done in the plan."""
    return sum((course_progress(c, state) for c in plan_courses(plan)), Progress(0, 0))


def plan_courses_progress(plan: Any, state: LearnerState, *, courses: Iterable[Any] | None = None) -> Progress:
    return courses_progress(plan_courses(plan) if courses is None else courses, state)


# -- locks --------------------------------------------------------------------------------------------------------
def course_lock(course: Any, state: LearnerState) -> Lock | None:
    """Why ``course`` cannot be started yet: unfinished prerequisites, then earlier courses of a track that
    enforces order. A course already done is never locked."""
    if course_done(course, state):
        return None
    missing = tuple(p for p in course.prerequisites if not course_done(p, state))
    if missing:
        return Lock(LockReason.PREREQUISITE, courses=missing)
    track = course.track
    if track is not None and track.enforce_order:
        earlier = []
        for other in track.courses:
            if other is course or other.uid == course.uid:
                break
            if not course_done(other, state):
                earlier.append(other)
        if earlier:
            return Lock(LockReason.ORDER, courses=tuple(earlier))
    return None


def release_lock(lesson: Any, state: LearnerState, now: datetime) -> Lock | None:
    """The lesson opens later (a lesson already done stays open)."""
    if lesson.uid in state.completed:
        return None
    if lesson.release_at is not None and lesson.release_at > now:
        return Lock(LockReason.RELEASE, until=lesson.release_at)
    return None


def lesson_lock(lesson: Any, course: Any, state: LearnerState, now: datetime) -> Lock | None:
    """Why ``lesson`` cannot be opened: its course is locked, or it is released later. A lesson already done
    stays open."""
    if lesson.uid in state.completed:
        return None
    return course_lock(course, state) or release_lock(lesson, state, now)


# -- what comes next ----------------------------------------------------------------------------------------------
def next_lesson(courses: Iterable[Any], state: LearnerState, now: datetime) -> tuple[Any, Any] | None:
    """The first lesson not done and open, in the given courses' order: ``(course, lesson)`` or None."""
    for course in courses:
        if course_done(course, state):
            continue
        locked = course_lock(course, state)
        if locked is not None:
            continue
        for lesson in course_lessons(course):
            if lesson.uid in state.completed:
                continue
            if release_lock(lesson, state, now) is None:
                return course, lesson
    return None

"""Progress and locks as pure functions: no database, plain objects shaped like the plan tree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from courses.progress import (
    LearnerState,
    LockReason,
    Progress,
    best_score,
    course_done,
    course_lock,
    course_progress,
    course_requirements_met,
    lesson_lock,
    module_progress,
    next_lesson,
    plan_courses_progress,
    plan_progress,
    track_courses_progress,
    track_done,
    track_progress,
)

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
SCORING = frozenset({"quiz"})  # what the registry would say when a plugin declares a kind "quiz" that scores


def lesson(uid, *, required=True, kind="text", release_at=None):
    return SimpleNamespace(uid=uid, required=required, kind=kind, release_at=release_at)


def course(uid, *lessons, prerequisites=(), min_quiz_score=None):
    module = SimpleNamespace(uid=f"{uid}-m", lessons=list(lessons))
    return SimpleNamespace(
        uid=uid, modules=[module], prerequisites=list(prerequisites), min_quiz_score=min_quiz_score, track=None
    )


def track(uid, *courses, enforce_order=False):
    found = SimpleNamespace(uid=uid, courses=list(courses), enforce_order=enforce_order)
    for item in courses:
        item.track = found
    return found


def plan(*tracks):
    return SimpleNamespace(axes=[SimpleNamespace(tracks=list(tracks))])


def test_progress_counts_required_lessons_only_at_every_level():
    budget = course("budget", lesson("b1"), lesson("b2"), lesson("b3", required=False))
    stream = course("stream", lesson("s1"), lesson("s2"))
    communication = track("t", budget, stream)
    state = LearnerState(completed=frozenset({"b1", "b3", "s1"}))
    assert module_progress(budget.modules[0], state) == Progress(1, 2)
    assert course_progress(budget, state) == Progress(1, 2)
    assert course_progress(budget, state).percent == 50
    assert track_progress(communication, state) == Progress(2, 4)
    assert plan_progress(plan(communication), state) == Progress(2, 4)
    assert Progress(0, 0).percent == 0 and not Progress(0, 0).complete
    assert Progress(1, 3).percent == 33


def test_a_course_is_complete_when_every_required_lesson_is_done():
    budget = course("budget", lesson("b1"), lesson("b2", required=False))
    assert not course_requirements_met(budget, LearnerState(), scoring_kinds=SCORING)
    assert course_requirements_met(budget, LearnerState(completed=frozenset({"b1"})), scoring_kinds=SCORING)


def test_a_minimum_score_needs_the_best_score_of_scored_lessons_at_or_above_it():
    quizzed = course(
        "q", lesson("read"), lesson("quiz-1", kind="quiz"), lesson("quiz-2", kind="quiz"), min_quiz_score=70
    )
    all_done = frozenset({"read", "quiz-1", "quiz-2"})
    assert not course_requirements_met(quizzed, LearnerState(completed=all_done), scoring_kinds=SCORING)
    low = LearnerState(completed=all_done, scores={"quiz-1": 50, "quiz-2": 69})
    assert best_score(quizzed, low, SCORING) == 69
    assert not course_requirements_met(quizzed, low, scoring_kinds=SCORING)
    high = LearnerState(completed=all_done, scores={"quiz-1": 50, "quiz-2": 70})
    assert course_requirements_met(quizzed, high, scoring_kinds=SCORING)
    # A minimum with no scored lesson at all cannot be met, so it does not block the course.
    plain = course("plain", lesson("x"), min_quiz_score=80)
    assert course_requirements_met(plain, LearnerState(frozenset({"x"})), scoring_kinds=SCORING)
    # Nor while no registered kind scores (the plugin that declares "quiz" is disabled): the kind decides, not its
    # name, and a score on a lesson of a kind that does not score is not counted.
    assert course_requirements_met(quizzed, LearnerState(completed=all_done), scoring_kinds=frozenset())
    read_scored = LearnerState(completed=all_done, scores={"read": 95})
    assert best_score(quizzed, read_scored, SCORING) is None
    assert not course_requirements_met(quizzed, read_scored, scoring_kinds=SCORING)


def test_done_means_the_enrolment_is_completed_and_tracks_count_courses():
    one, two = course("one", lesson("a")), course("two", lesson("b"))
    pair = track("t", one, two)
    state = LearnerState(completed_courses=frozenset({"one"}))
    assert course_done(one, state) and not course_done(two, state)
    assert track_courses_progress(pair, state) == Progress(1, 2)
    assert plan_courses_progress(plan(pair), state) == Progress(1, 2)
    assert not track_done(pair, state)
    assert track_done(pair, state.with_course("two"))
    assert track_done(pair, LearnerState(completed_tracks=frozenset({"t"})))


def test_prerequisites_lock_a_course_until_they_are_done():
    budget = course("budget", lesson("b1"))
    festival = course("festival", lesson("f1"), prerequisites=[budget])
    track("t", budget, festival)
    locked = course_lock(festival, LearnerState())
    assert locked.reason is LockReason.PREREQUISITE and locked.courses == (budget,)
    assert lesson_lock(festival.modules[0].lessons[0], festival, LearnerState(), NOW) == locked
    assert course_lock(festival, LearnerState(completed_courses=frozenset({"budget"}))) is None


def test_a_track_that_enforces_order_locks_later_courses():
    first, second, third = course("1", lesson("a")), course("2", lesson("b")), course("3", lesson("c"))
    track("t", first, second, third, enforce_order=True)
    state = LearnerState()
    assert course_lock(first, state) is None
    locked = course_lock(third, state)
    assert locked.reason is LockReason.ORDER and locked.courses == (first, second)
    state = LearnerState(completed_courses=frozenset({"1"}))
    assert course_lock(second, state) is None and course_lock(third, state).courses == (second,)
    # The same courses in a free track are open.
    free = [course("x", lesson("x1")), course("y", lesson("y1"))]
    track("free", *free)
    assert course_lock(free[1], LearnerState()) is None


def test_release_dates_lock_lessons_until_then_unless_already_done():
    later = lesson("later", release_at=NOW + timedelta(days=2))
    earlier = lesson("earlier", release_at=NOW - timedelta(minutes=1))
    item = course("c", earlier, later)
    track("t", item)
    locked = lesson_lock(later, item, LearnerState(), NOW)
    assert locked.reason is LockReason.RELEASE and locked.until == NOW + timedelta(days=2)
    assert lesson_lock(earlier, item, LearnerState(), NOW) is None
    assert lesson_lock(later, item, LearnerState(), NOW + timedelta(days=3)) is None
    assert lesson_lock(later, item, LearnerState(completed=frozenset({"later"})), NOW) is None


def test_next_lesson_skips_done_locked_and_unreleased_lessons():
    first = course("1", lesson("a"), lesson("b", release_at=NOW + timedelta(days=1)), lesson("c"))
    second = course("2", lesson("d"), prerequisites=[first])
    track("t", first, second)
    assert next_lesson([first, second], LearnerState(completed=frozenset({"a"})), NOW)[1].uid == "c"
    done_first = LearnerState(completed=frozenset({"a", "b", "c"}), completed_courses=frozenset({"1"}))
    assert next_lesson([first, second], done_first, NOW)[1].uid == "d"
    assert next_lesson([second], LearnerState(), NOW) is None  # locked by its prerequisite


def test_learner_state_updates_keep_the_best_score():
    state = LearnerState().with_lesson("q", 80).with_lesson("q", 60)
    assert state.scores["q"] == 80 and "q" in state.completed

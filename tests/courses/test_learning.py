"""Learning services: enrolling, completing lessons, courses and tracks, with their signals sent exactly once."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from courses.learning import LearningError, complete_lesson, enrol, learner_state
from courses.models import (
    CompletionSource,
    Enrolment,
    EnrolmentStatus,
    LessonCompletion,
    TrackCompletion,
)
from courses.progress import LockReason
from courses.revisions import draft_for, publish
from courses.signals import course_completed, enrolment_changed, track_completed
from sonores_lms.audit.models import AuditEntry
from sonores_lms.database import utcnow
from tests.courses.kinds import QUIZ, registered


def courses_of(plan):
    return [course for axis in plan.axes for track in axis.tracks for course in track.courses]


def lessons_of(course):
    return [lesson for module in course.modules for lesson in module.lessons]


@contextmanager
def received(signal):
    """Every (sender, keywords) the signal sends inside the block."""
    calls = []

    def receiver(sender, **kwargs):
        calls.append((sender, kwargs))

    with signal.connected_to(receiver):
        yield calls


@pytest.fixture
def quiz_kind():
    with registered(QUIZ):
        yield QUIZ


def count(db, model, **where):
    return db.session.scalar(select(func.count()).select_from(model).filter_by(**where))


def finish(user, course):
    for lesson in lessons_of(course):
        complete_lesson(user, lesson, source=CompletionSource.MANUAL)


def test_enrol_is_idempotent_and_tells_once(make_plan, dummy_user, db):
    course = courses_of(make_plan())[0]
    with received(enrolment_changed) as calls:
        first = enrol(dummy_user, course, actor=dummy_user)
        again = enrol(dummy_user, course, actor=dummy_user)
    assert first is again and first.status is EnrolmentStatus.ACTIVE and first.session_id is None
    assert count(db, Enrolment, user_id=dummy_user.id) == 1
    assert [(sender, kw["previous"]) for sender, kw in calls] == [(first, None)]
    assert count(db, AuditEntry, action="courses.enrolled") == 1


def test_a_withdrawn_enrolment_becomes_active_again(make_plan, dummy_user, db):
    course = courses_of(make_plan())[0]
    enrolment = enrol(dummy_user, course, actor=dummy_user)
    enrolment.status = EnrolmentStatus.WITHDRAWN
    db.session.flush()
    with received(enrolment_changed) as calls:
        assert enrol(dummy_user, course, actor=dummy_user) is enrolment
    assert enrolment.status is EnrolmentStatus.ACTIVE
    assert [kw["previous"] for _s, kw in calls] == [EnrolmentStatus.WITHDRAWN]


def test_a_course_with_an_audience_is_open_only_to_those_roles(app, make_plan, create_user, db):
    course = courses_of(make_plan())[0]
    course.audience = ["trainer"]
    db.session.flush()
    staff, trainer = create_user(roles=["staff"]), create_user(roles=["trainer"])
    with pytest.raises(LearningError) as refused:
        enrol(staff, course, actor=staff)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert refused.value.status == 403 and "Trainer" in str(refused.value.message)
    with pytest.raises(LearningError):
        complete_lesson(staff, lessons_of(course)[0])
    assert count(db, Enrolment) == 0 and count(db, LessonCompletion) == 0
    assert enrol(trainer, course, actor=trainer).user_id == trainer.id


def test_completing_every_lesson_completes_the_course_then_the_track_once(make_plan, dummy_user, db):
    first, second = courses_of(make_plan(courses=2, lessons=3))
    with (
        received(course_completed) as courses_done,
        received(track_completed) as tracks_done,
        received(enrolment_changed) as changes,
    ):
        lessons = lessons_of(first)
        complete_lesson(dummy_user, lessons[0])
        complete_lesson(dummy_user, lessons[0])  # idempotent
        assert count(db, LessonCompletion, user_id=dummy_user.id) == 1
        complete_lesson(dummy_user, lessons[1])
        assert courses_done == []
        complete_lesson(dummy_user, lessons[2])
        complete_lesson(dummy_user, lessons[2])  # again: nothing more is sent
        assert len(courses_done) == 1 and tracks_done == []
        enrolment = courses_done[0][0]
        assert enrolment.status is EnrolmentStatus.COMPLETED and enrolment.completed_at is not None
        assert courses_done[0][1] == {"user": dummy_user, "course": first}
        finish(dummy_user, second)
        finish(dummy_user, second)
    assert [kw["course"] for _s, kw in courses_done] == [first, second]
    assert len(tracks_done) == 1
    row, kwargs = tracks_done[0]
    assert isinstance(row, TrackCompletion) and kwargs == {"user": dummy_user, "track": first.track}
    assert count(db, TrackCompletion, user_id=dummy_user.id) == 1
    # Started by the first completion, then completed: new, active -> completed, for each course.
    assert [kw["previous"] for _s, kw in changes] == [None, EnrolmentStatus.ACTIVE, None, EnrolmentStatus.ACTIVE]
    assert count(db, AuditEntry, action="courses.track-completed") == 1


def test_optional_lessons_are_not_needed(make_plan, dummy_user, db):
    course = courses_of(make_plan(courses=1, lessons=2))[0]
    optional = lessons_of(course)[1]
    optional.required = False
    db.session.flush()
    with received(course_completed) as calls:
        complete_lesson(dummy_user, lessons_of(course)[0])
    assert len(calls) == 1


def test_a_minimum_score_holds_the_course_until_reached(make_plan, dummy_user, db, quiz_kind):
    course = courses_of(make_plan(courses=1, lessons=2))[0]
    reading, quiz = lessons_of(course)
    quiz.kind = "quiz"
    course.min_quiz_score = 70
    db.session.flush()
    with received(course_completed) as calls:
        complete_lesson(dummy_user, reading)
        complete_lesson(dummy_user, quiz, source=CompletionSource.QUIZ, score=55)
        assert calls == []
        complete_lesson(dummy_user, quiz, source=CompletionSource.QUIZ, score=40)  # a worse try keeps the best
        assert learner_state(dummy_user).scores == {quiz.uid: 55}
        complete_lesson(dummy_user, quiz, source=CompletionSource.QUIZ, score=85)
    assert len(calls) == 1
    assert count(db, LessonCompletion, user_id=dummy_user.id) == 2


def test_locked_lessons_are_refused(make_plan, dummy_user, db):
    first, second = courses_of(make_plan(courses=2))
    second.prerequisites = [first]
    later = lessons_of(first)[1]
    later.release_at = utcnow() + timedelta(days=3)
    db.session.flush()
    with pytest.raises(LearningError) as caught:
        complete_lesson(dummy_user, later)
    assert caught.value.lock.reason is LockReason.RELEASE
    with pytest.raises(LearningError) as caught:
        complete_lesson(dummy_user, lessons_of(second)[0])
    assert caught.value.lock.reason is LockReason.PREREQUISITE and caught.value.lock.courses == (first,)
    with pytest.raises(LearningError):
        enrol(dummy_user, second, actor=dummy_user)
    assert count(db, LessonCompletion) == 0 and count(db, Enrolment) == 0
    # Released and prerequisite done: open.
    complete_lesson(dummy_user, later, now=utcnow() + timedelta(days=4))
    for lesson in lessons_of(first):
        complete_lesson(dummy_user, lesson, now=utcnow() + timedelta(days=4))
    complete_lesson(dummy_user, lessons_of(second)[0])
    assert count(db, LessonCompletion, user_id=dummy_user.id) == 4


def test_enforced_order_refuses_the_second_course_first(make_plan, dummy_user, db):
    first, second = courses_of(make_plan(enforce_order=True))
    with pytest.raises(LearningError) as caught:
        complete_lesson(dummy_user, lessons_of(second)[0])
    assert caught.value.lock.reason is LockReason.ORDER
    finish(dummy_user, first)
    complete_lesson(dummy_user, lessons_of(second)[0])


def test_drafts_are_not_for_learners(make_plan, dummy_user, db):
    course = courses_of(make_plan(published=False))[0]
    with pytest.raises(LearningError) as caught:
        enrol(dummy_user, course, actor=dummy_user)
    assert caught.value.status == 404


def test_progress_follows_the_uid_into_a_new_revision(make_plan, dummy_user, db):
    published = make_plan(courses=1, lessons=2)
    complete_lesson(dummy_user, lessons_of(courses_of(published)[0])[0])
    draft = draft_for(published, actor=dummy_user)
    publish(draft, actor=dummy_user)
    course = courses_of(draft)[0]
    with received(course_completed) as calls:
        complete_lesson(dummy_user, lessons_of(course)[1])
    assert len(calls) == 1 and calls[0][1]["course"] is course


def test_quizzes_and_live_sessions_are_not_ticked_by_hand(make_plan, dummy_user, db, quiz_kind):
    course = courses_of(make_plan(courses=1, lessons=2))[0]
    live, quiz = lessons_of(course)
    live.kind, quiz.kind = "live", "quiz"
    db.session.flush()
    for lesson in (live, quiz):
        for source in (CompletionSource.MANUAL, CompletionSource.READ, CompletionSource.OFFLINE):
            with pytest.raises(LearningError):
                complete_lesson(dummy_user, lesson, source=source)
    assert count(db, LessonCompletion) == 0
    complete_lesson(dummy_user, live, source=CompletionSource.ATTENDED)
    complete_lesson(dummy_user, quiz, source=CompletionSource.QUIZ, score=90)
    assert count(db, LessonCompletion, user_id=dummy_user.id) == 2


def test_without_a_scoring_kind_the_minimum_score_does_not_hold_the_course(make_plan, dummy_user, db, app):
    """The quizzes plugin disabled: its lessons cannot be completed, and nothing counts their scores."""
    course = courses_of(make_plan(courses=1, lessons=2))[0]
    reading, quiz = lessons_of(course)
    quiz.kind = "quiz"
    course.min_quiz_score = 70
    db.session.flush()
    with pytest.raises(LearningError) as caught:
        complete_lesson(dummy_user, quiz, source=CompletionSource.MANUAL)
    with app.test_request_context(), force_locale("en"):
        assert "not available" in str(caught.value.message)
    quiz.required = False
    db.session.flush()
    with received(course_completed) as calls:
        complete_lesson(dummy_user, reading)
    assert len(calls) == 1  # no scored lesson left: the minimum is ignored rather than locking the course

"""courses.api, the module other plugins import: each function as a plugin would call it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from courses import api
from courses.revisions import draft_for
from tests.courses.kinds import QUIZ, registered


def lessons_of(course):
    return [lesson for module in course.modules for lesson in module.lessons]


def test_everything_named_in_the_api_is_there():
    assert sorted(api.__all__) == sorted(set(api.__all__))
    for name in api.__all__:
        assert getattr(api, name) is not None, name


def test_published_course_and_lesson_by_uid_and_never_a_drafts(make_plan, dummy_user, db):
    plan = make_plan(courses=1, lessons=2)
    course = plan.axes[0].tracks[0].courses[0]
    lesson = lessons_of(course)[1]
    assert api.published_course(course.uid) is course
    found = api.published_lesson(lesson.uid)
    assert found is lesson and found.module.course is course
    draft = draft_for(plan, actor=dummy_user)  # same uids, not published
    assert api.published_course(course.uid).id == course.id != draft.axes[0].tracks[0].courses[0].id
    draft_only = make_plan(year=2031, courses=1, lessons=1, published=False).axes[0].tracks[0].courses[0]
    assert api.published_course(draft_only.uid) is None
    assert api.published_lesson(lessons_of(draft_only)[0].uid) is None
    assert api.published_course("no-such-uid") is None and api.published_lesson("no-such-uid") is None


def test_enrolment_and_progress_of_a_person(make_plan, dummy_user, db):
    course = make_plan(courses=1, lessons=2).axes[0].tracks[0].courses[0]
    first, second = lessons_of(course)
    assert api.enrolment_of(dummy_user, course.uid) is None
    assert api.course_progress_of(dummy_user, course.uid) == api.Progress(0, 2)
    api.complete_lesson(dummy_user, first.uid, source=api.CompletionSource.MANUAL)
    enrolment = api.enrolment_of(dummy_user, course.uid)
    assert enrolment.status is api.EnrolmentStatus.ACTIVE and enrolment.course_uid == course.uid
    assert api.course_progress_of(dummy_user, course.uid) == api.Progress(1, 2)
    assert api.learner_state(dummy_user).completed == frozenset({first.uid})
    api.complete_lesson(dummy_user, second.uid, source=api.CompletionSource.MANUAL)
    assert api.enrolment_of(dummy_user, course.uid).status is api.EnrolmentStatus.COMPLETED
    assert api.course_progress_of(dummy_user, course.uid).complete
    assert api.course_progress_of(dummy_user, "no-such-uid") is None


def test_complete_lesson_with_a_source_and_a_score_sends_the_completion_signals(make_plan, dummy_user, db):
    plan = make_plan(courses=1, lessons=2)
    course = plan.axes[0].tracks[0].courses[0]
    reading, quiz = lessons_of(course)
    quiz.kind = "quiz"
    course.min_quiz_score = 80
    db.session.flush()
    events = []

    def on_course(sender, **kwargs):
        events.append(("course", kwargs["course"].uid))

    def on_track(sender, **kwargs):
        events.append(("track", kwargs["track"].uid))

    with (
        registered(QUIZ),
        api.course_completed.connected_to(on_course),
        api.track_completed.connected_to(on_track),
    ):
        api.complete_lesson(dummy_user, reading.uid, source=api.CompletionSource.READ)
        done = api.complete_lesson(dummy_user, quiz.uid, source=api.CompletionSource.QUIZ, score=60)
        assert (done.source, done.score) == (api.CompletionSource.QUIZ, 60) and events == []
        api.complete_lesson(dummy_user, quiz.uid, source=api.CompletionSource.QUIZ, score=90)
        api.complete_lesson(dummy_user, quiz.uid, source=api.CompletionSource.QUIZ, score=95)  # once only
    assert events == [("course", course.uid), ("track", course.track.uid)]
    count = db.session.scalar(select(func.count()).select_from(api.LessonCompletion))
    assert count == 2


def test_complete_lesson_refuses_what_it_cannot_do(make_plan, dummy_user, db):
    course = make_plan(courses=1, lessons=1).axes[0].tracks[0].courses[0]
    lesson = lessons_of(course)[0]
    with pytest.raises(api.LessonNotFound) as caught:
        api.complete_lesson(dummy_user, "no-such-uid", source=api.CompletionSource.ATTENDED)
    assert caught.value.status == 404 and isinstance(caught.value, api.LearningError)
    with pytest.raises(ValueError, match="percent"):
        api.complete_lesson(dummy_user, lesson.uid, source=api.CompletionSource.QUIZ, score=101)
    with pytest.raises(ValueError, match="CompletionSource"):
        api.complete_lesson(dummy_user, lesson.uid, source="attended")
    course.audience = ["trainer"]
    db.session.flush()
    with pytest.raises(api.LearningError):
        api.complete_lesson(dummy_user, lesson.uid, source=api.CompletionSource.ATTENDED)
    assert db.session.scalar(select(func.count()).select_from(api.LessonCompletion)) == 0


def test_what_a_completion_attests_track_duration_completers_and_dates(make_plan, create_user, db):
    plan = make_plan(courses=2, lessons=2)
    track = plan.axes[0].tracks[0]
    first, second = track.courses
    found = api.published_track(track.uid)
    assert found is track and [c.uid for c in found.courses] == [first.uid, second.uid]
    assert api.published_track("no-such-uid") is None
    assert [t.uid for t in api.published_tracks()] == [track.uid]
    assert [c.uid for c in api.published_tracks()[0].courses] == [first.uid, second.uid]
    assert api.track_of(api.published_course(first.uid)) is track
    assert api.minutes_of(first) == 20 and api.minutes_of(track) == 40  # 10 minutes a lesson
    early, late, idle = create_user(), create_user(), create_user()
    for person in (early, late):
        for lesson in lessons_of(first):
            api.complete_lesson(person, lesson.uid, source=api.CompletionSource.MANUAL)
    api.complete_lesson(idle, lessons_of(first)[0].uid, source=api.CompletionSource.MANUAL)
    assert [user_id for user_id, _at in api.course_completers(first.uid)] == [early.id, late.id]
    assert all(at is not None for _id, at in api.course_completers(first.uid))
    assert api.course_completers(second.uid) == []
    assert api.track_completed_at(early, track.uid) is None
    for lesson in lessons_of(second):
        api.complete_lesson(early, lesson.uid, source=api.CompletionSource.MANUAL)
    assert api.track_completed_at(early, track.uid) is not None

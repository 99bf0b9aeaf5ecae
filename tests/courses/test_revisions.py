"""A plan's life: drafts that keep uids, publishing that archives, copies to a new year that do not."""

from __future__ import annotations

import pytest

from courses.models import Lesson, Plan, PlanStatus
from courses.revisions import PlanError, copy_to_year, draft_for, publish
from sonores_lms.audit.models import AuditEntry


def lessons_of(plan):
    return [
        lesson for axis in plan.axes for t in axis.tracks for c in t.courses for m in c.modules for lesson in m.lessons
    ]


def test_editing_a_published_plan_works_on_a_draft_with_the_same_uids(make_plan, dummy_user, db):
    published = make_plan()
    draft = draft_for(published, actor=dummy_user)
    assert draft.id != published.id and draft.status is PlanStatus.DRAFT and draft.revision == 2
    assert [lesson.uid for lesson in lessons_of(draft)] == [lesson.uid for lesson in lessons_of(published)]
    assert draft_for(published, actor=dummy_user) is draft  # one draft per year
    assert draft.axes[0].texts_in("es") == {"title": "Nuevas formas de comunicación"}


def test_publishing_a_revision_archives_the_previous_one(make_plan, dummy_user, db):
    published = make_plan()
    draft = draft_for(published, actor=dummy_user)
    lessons_of(draft)[0].set_texts("fr", {"title": "Leçon revue", "body": "Nouveau texte."})
    publish(draft, actor=dummy_user)
    db.session.refresh(published)
    assert (published.status, draft.status) == (PlanStatus.ARCHIVED, PlanStatus.PUBLISHED)
    assert db.session.query(AuditEntry).filter_by(action="courses.plan-published").count() == 1


def test_a_video_without_transcript_blocks_publishing(make_plan, dummy_user, db):
    draft = make_plan(published=False)
    video = lessons_of(draft)[0]
    video.kind, video.data = "video", {"url": "https://video.example/concert"}
    with pytest.raises(PlanError) as caught:
        publish(draft, actor=dummy_user)
    assert [item for item, _message in caught.value.problems] == [video]
    assert draft.status is PlanStatus.DRAFT
    video.set_texts("fr", {"title": "Concert", "body": "", "transcript": "Bonjour à toutes et à tous."})
    publish(draft, actor=dummy_user)
    assert draft.status is PlanStatus.PUBLISHED


def test_copy_to_next_year_makes_new_uids_and_refuses_a_taken_year(make_plan, dummy_user, db):
    plan = make_plan(2027)
    copy = copy_to_year(plan, 2028, actor=dummy_user)
    assert copy.year == 2028 and copy.status is PlanStatus.DRAFT
    assert len(lessons_of(copy)) == len(lessons_of(plan)) == 6
    assert not {lesson.uid for lesson in lessons_of(copy)} & {lesson.uid for lesson in lessons_of(plan)}
    with pytest.raises(PlanError):
        copy_to_year(plan, 2028, actor=dummy_user)
    assert db.session.query(Plan).count() == 2
    assert db.session.query(Lesson).count() == 12

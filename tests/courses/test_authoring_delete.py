"""Deleting tracks, courses and modules of a draft, with everything under them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from courses.models import Course, Lesson, Module, Track


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("kind", ["track", "course", "module"])
def test_deleting_removes_the_item_and_what_it_holds(make_plan, admin_client, db, kind):
    plan = make_plan(published=False, courses=3, lessons=2)
    track = plan.axes[0].tracks[0]
    first, second, third = track.courses
    second.prerequisites.append(first)  # a course other courses require, and one that requires another
    third.prerequisites.append(second)
    db.session.flush()
    item = {"track": track, "course": second, "module": second.modules[0]}[kind]
    before = {model: count(db, model) for model in (Track, Course, Module, Lesson)}
    response = admin_client.post(f"/courses/author/{kind}/{item.id}/delete", data={"version": item.version})
    assert response.status_code == 302
    db.session.expire_all()
    after = {model: count(db, model) for model in (Track, Course, Module, Lesson)}
    removed = {
        "track": {Track: 1, Course: 3, Module: 3, Lesson: 6},
        "course": {Track: 0, Course: 1, Module: 1, Lesson: 2},
        "module": {Track: 0, Course: 0, Module: 1, Lesson: 2},
    }[kind]
    assert {model: before[model] - after[model] for model in before} == removed
    if kind == "course":
        assert [c.position for c in db.session.get(Track, track.id).courses] == [0, 1]
        assert db.session.get(Course, third.id).prerequisites == []

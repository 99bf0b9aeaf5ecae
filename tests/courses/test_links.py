"""Courses and the core's cross-plugin collectors: it offers its courses by axis, shows what others offer on a
course's axis, and embeds in a lesson an item another plugin owns, all without importing them."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import select

from courses.models import Lesson
from courses.revisions import publish_problems
from sonores_lms.links import Embed, EmbedProvider, TopicItem, content_by_topic
from sonores_lms.signals import content_by_topic as content_by_topic_signal
from sonores_lms.signals import embed_providers

RESOURCES = {
    "42": Embed(
        "knowledge:resource:42",
        "Guide du tri sélectif",
        url="/knowledge/resources/42",
        html="<p>Trier <b>mieux</b>.</p><script>alert(1)</script>",
    ),
    "7": Embed("knowledge:resource:7", "Fiche sans lien", summary="Une fiche courte."),
}


@pytest.fixture(autouse=True)
def _without_the_real_knowledge_plugin(app, monkeypatch):
    """These tests stand in for a knowledge plugin: the real one, when installed, answers nothing meanwhile."""
    monkeypatch.delitem(app.extensions["sonores"].plugins, "knowledge", raising=False)


@contextmanager
def knowledge_plugin():
    """What a knowledge plugin would answer: resources to embed, and resources on the communication axis."""

    def providers(_sender):
        return EmbedProvider("knowledge:resource", "Knowledge resources", lambda key, locale: RESOURCES.get(key))

    def on_topic(_sender, *, axis=None, **_kwargs):
        if axis != "communication":
            return None
        return [
            TopicItem("42", "resource", "Guide du tri sélectif", "/knowledge/resources/42", "knowledge"),
            TopicItem("99", "resource", "Lien piégé", "javascript:alert(1)", "knowledge"),
        ]

    with embed_providers.connected_to(providers), content_by_topic_signal.connected_to(on_topic):
        yield


def courses_of(plan):
    return [course for axis in plan.axes for track in axis.tracks for course in track.courses]


def test_courses_offers_its_published_courses_by_axis(make_plan, app, db):
    plan = make_plan(courses=3, lessons=1)
    first, reserved, third = courses_of(plan)
    reserved.audience = ["trainer"]
    third.set_texts("es", {"title": "Curso tres"})
    make_plan(year=2030, courses=1, lessons=1, published=False)  # a later draft offers nothing yet
    db.session.flush()
    with app.test_request_context():
        offered = content_by_topic(axis="communication", locale="es", limit=10)
        assert [(i.source, i.kind, i.name) for i in offered] == [("courses", "course", first.uid),
                                                               ("courses", "course", third.uid)]  # fmt: skip
        assert offered[1].title == "Curso tres" and offered[0].url == f"/courses/learn/{first.uid}"
        assert len(content_by_topic(axis="communication", limit=1)) == 1
        assert content_by_topic(axis="sustainability") == []
        assert content_by_topic(themes=["communication"]) == []  # courses answer by axis only
        assert content_by_topic(axis="communication", asker="courses") == []  # not its own question


def test_a_course_page_lists_what_other_plugins_offer_on_its_axis(make_plan, client_as):
    course = courses_of(make_plan(courses=1, lessons=1))[0]
    staff = client_as("staff", locale="en")
    assert "To go further on this theme" not in staff.get(f"/courses/learn/{course.uid}").get_data(as_text=True)
    with knowledge_plugin():
        page = staff.get(f"/courses/learn/{course.uid}").get_data(as_text=True)
    assert "To go further on this theme" in page
    assert '<a href="/knowledge/resources/42">Guide du tri sélectif</a>' in page
    assert "javascript:" not in page and "Lien piégé" not in page
    assert f'href="/courses/learn/{course.uid}">' not in page.split("To go further")[1]  # not its own courses


def kind_choices(client, module):
    return client.get(f"/courses/author/modules/{module.id}/lessons/new").get_data(as_text=True)


def test_a_lesson_embeds_an_item_another_plugin_owns(make_plan, client_as, db):
    admin = client_as("admin", locale="en")
    plan = make_plan(courses=1, lessons=1, published=False)
    module = courses_of(plan)[0].modules[0]
    assert 'value="embed"' not in kind_choices(admin, module)  # nobody offers items: not offered
    with knowledge_plugin():
        assert '<option value="embed">Item from another area</option>' in kind_choices(admin, module)
        admin.post(f"/courses/author/modules/{module.id}/lessons/new", data={"title": "Le tri", "kind": "embed"})
        db.session.expire_all()
        lesson = db.session.scalars(select(Lesson).where(Lesson.kind == "embed")).one()
        assert any(item is lesson for item, _problem in publish_problems(plan))
        base = {"version": lesson.version, "kind": "embed", "duration_minutes": 5, "fr-title": "Le tri"}
        refused = admin.post(f"/courses/author/lessons/{lesson.id}", data={**base, "reference": "knowledge:resource:9"})
        assert refused.status_code == 200 and "No area of the site offers this item." in refused.get_data(as_text=True)
        saved = admin.post(f"/courses/author/lessons/{lesson.id}", data={**base, "reference": "knowledge:resource:42"})
        assert saved.status_code == 302
        db.session.expire_all()
        assert lesson.data == {"reference": "knowledge:resource:42"}
        assert not [problem for item, problem in publish_problems(plan) if item is lesson]
        preview = admin.get(f"/courses/author/lessons/{lesson.id}/preview?lang=fr").get_data(as_text=True)
        assert '<a href="/knowledge/resources/42">Guide du tri sélectif</a>' in preview
        assert "<p>Trier <b>mieux</b>.</p>" in preview and "<script>alert(1)" not in preview


@pytest.mark.parametrize(
    ("reference", "shown"),
    [
        ("knowledge:resource:7", "Une fiche courte."),
        ("knowledge:resource:404", "The item this lesson shows is not available at the moment."),
    ],
)
def test_learners_see_the_embedded_item_or_a_neutral_note(make_plan, client_as, db, reference, shown):
    lesson = courses_of(make_plan(courses=1, lessons=1))[0].modules[0].lessons[0]
    lesson.kind, lesson.data = "embed", {"reference": reference}
    db.session.flush()
    staff = client_as("staff", locale="en")
    with knowledge_plugin():
        response = staff.get(f"/courses/learn/lesson/{lesson.uid}")
        assert response.status_code == 200 and shown in response.get_data(as_text=True)
    # The providing plugin disabled: the kind is gone with it, and the page says so without an error.
    page = staff.get(f"/courses/learn/lesson/{lesson.uid}").get_data(as_text=True)
    assert "This kind of lesson cannot be shown at the moment." in page

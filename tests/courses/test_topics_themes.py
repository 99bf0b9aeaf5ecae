"""Courses carry the audit themes they teach (course editor), and answer ``content-by-topic`` by theme code."""

from __future__ import annotations

from courses.authoring_forms import theme_code_list
from sonores_lms.links import content_by_topic


def courses_of(plan):
    return [course for axis in plan.axes for track in axis.tracks for course in track.courses]


def test_theme_code_list_cleans_what_authors_type():
    assert theme_code_list(" env-mob, ACC-DIG-03;env-mob ,") == ["ACC-DIG-03", "ENV-MOB"]
    assert theme_code_list("") == []


def test_courses_answer_by_theme_in_the_order_asked(make_plan, app, db):
    plan = make_plan(courses=4, lessons=1)
    mobility, digital, reserved, untagged = courses_of(plan)
    mobility.theme_codes = ["ENV-MOB"]
    digital.theme_codes = ["ACC-DIG-03", "ENV-DIG"]
    reserved.theme_codes = ["ENV-MOB"]
    reserved.audience = ["trainer"]
    db.session.flush()
    with app.test_request_context():
        offered = content_by_topic(themes=["ACC-DIG", "ENV-MOB"], locale="fr", limit=10)
        assert [item.name for item in offered] == [digital.uid, mobility.uid]
        assert content_by_topic(themes=["CIT-WRK"], limit=10) == []
        assert untagged.uid not in [i.name for i in content_by_topic(themes=["ENV"], limit=10)]


def test_the_course_editor_saves_theme_codes_and_refuses_bad_ones(make_plan, admin_client, db):
    plan = make_plan(courses=1, lessons=1, published=False)
    course = courses_of(plan)[0]
    url = f"/courses/author/courses/{course.id}"
    assert 'name="theme_codes"' in admin_client.get(url).get_data(as_text=True)
    data = {"version": course.version, "level": "beginner", "fr-title": "Cours 1", "theme_codes": "env-mob, ACC-DIG-03"}
    assert admin_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert course.theme_codes == ["ACC-DIG-03", "ENV-MOB"]
    bad = admin_client.post(url, data={**data, "version": course.version, "theme_codes": "mobility!"})
    assert bad.status_code == 200 and "Write theme codes such as ENV-MOB" in bad.get_data(as_text=True)
    db.session.expire_all()
    assert course.theme_codes == ["ACC-DIG-03", "ENV-MOB"]


def test_a_new_revision_keeps_the_theme_codes(make_plan, db, admin_client):
    from courses.revisions import draft_for

    plan = make_plan(courses=1, lessons=1)
    courses_of(plan)[0].theme_codes = ["CIT-WRK"]
    db.session.flush()
    draft = draft_for(plan, actor=admin_client.user)
    assert courses_of(draft)[0].theme_codes == ["CIT-WRK"]

"""The plan pages: creating a year's plan, editing its axes, publishing, revisions, copying, targets."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from courses.models import Axis, Plan, PlanStatus, Target
from courses.revisions import draft_for
from sonores_lms.audit.models import AuditEntry
from sonores_lms.multilingual import TranslationStatus
from sonores_lms.permissions import Role

PAGES = [
    ("get", "/courses/plans/"),
    ("get", "/courses/plans/new"),
    ("post", "/courses/plans/new"),
    ("get", "/courses/plans/{plan}"),
    ("get", "/courses/plans/{plan}/publish"),
    ("post", "/courses/plans/{plan}/publish"),
    ("post", "/courses/plans/{plan}/revision"),
    ("get", "/courses/plans/{plan}/copy"),
    ("post", "/courses/plans/{plan}/copy"),
    ("get", "/courses/plans/{plan}/targets"),
    ("post", "/courses/plans/{plan}/targets"),
    ("get", "/courses/plans/{plan}/delivered"),
    ("get", "/courses/plans/{plan}/delivered.csv"),
]


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def actions(db, action: str) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


def lessons_of(plan):
    return [
        lesson for axis in plan.axes for t in axis.tracks for c in t.courses for m in c.modules for lesson in m.lessons
    ]


@pytest.mark.parametrize("role", ["staff", "trainer", "auditor"])
def test_only_network_admins_run_the_plan(client_as, make_plan, db, role):
    plan = make_plan()
    client = client_as(role)
    for method, url in PAGES:
        response = getattr(client, method)(url.format(plan=plan.id))
        assert response.status_code == 403, (role, method, url)
    assert count(db, Plan) == 1


def test_an_institute_director_is_refused_even_planned_vs_delivered(client_as, create_institute, make_plan):
    institute = create_institute()
    plan = make_plan()
    director = client_as(("admin", institute), institute_id=institute.id)
    for method, url in PAGES:
        assert getattr(director, method)(url.format(plan=plan.id)).status_code == 403, (method, url)
    assert "Training plan" not in director.get("/dashboard").get_data(as_text=True)


def test_admins_see_the_nav_entry_and_the_plans_by_year(admin_client, make_plan, dummy_user, db):
    old = make_plan(2026)
    draft_for(old, actor=dummy_user)
    make_plan(2027)
    page = admin_client.get("/courses/plans/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert re.search(r'<a href="/courses/plans/"[^>]*aria-current="page">Training plan</a>', html)
    years = re.findall(r"<td>(20\d\d)</td>\s*<td>(\d)</td>", html)
    assert years == [("2027", "1"), ("2026", "2"), ("2026", "1")]
    statuses = re.findall(r'class="badge plan-status plan-status-\w+">(\w+)<', html)
    assert statuses == ["Published", "Draft", "Published"]
    assert html.count("Publish…") == 1  # only the draft


def test_the_plans_list_has_a_constant_query_count(admin_client, make_plan, count_queries):
    make_plan(2020)
    admin_client.get("/courses/plans/")  # warm-up: settings, translations
    with count_queries() as few:
        assert admin_client.get("/courses/plans/").status_code == 200
    for year in range(2021, 2026):
        make_plan(year)
    with count_queries() as many:
        assert admin_client.get("/courses/plans/").status_code == 200
    assert few.count == many.count < 15


def test_a_published_plans_page_reads_no_module_or_lesson(admin_client, make_plan, count_queries):
    """Only a draft's lessons are checked before publishing; a published plan's page lists its courses alone, at
    the same cost for a small plan and a large one."""
    small = make_plan(2026, courses=1, lessons=1)
    large = make_plan(2027, courses=12, lessons=8)
    admin_client.get(f"/courses/plans/{small.id}")  # warm-up: settings, translations
    counts = []
    for plan in (small, large):
        with count_queries() as counted:
            page = admin_client.get(f"/courses/plans/{plan.id}").get_data(as_text=True)
        assert "Cours 1<" in page
        assert not [sql for sql in counted.statements if "courses_lessons" in sql or "courses_modules" in sql]
        counts.append(counted.count)
    assert counts[0] == counts[1] < 15
    with count_queries() as counted:
        response = admin_client.get(f"/courses/plans/{large.id}/publish")
    assert response.status_code == 302 and counted.count < 6  # already published: no tree loaded to say so


# -- creating ---------------------------------------------------------------------------------------------------


def test_creating_a_plan_makes_a_draft_with_the_network_axes(admin_client, db):
    response = admin_client.post(
        "/courses/plans/new",
        data={"year": "2030", "title_fr": "Plan de formation 2030", "title_es": "Plan de formación 2030"},
    )
    assert response.status_code == 302
    plan = db.session.scalars(select(Plan)).one()
    assert response.headers["Location"].endswith(f"/courses/plans/{plan.id}")
    assert (plan.year, plan.revision, plan.status) == (2030, 1, PlanStatus.DRAFT)
    assert plan.texts_in("es") == {"title": "Plan de formación 2030"} and plan.texts_in("pt") == {}
    assert [axis.code for axis in plan.axes] == ["communication", "project-management", "sustainable-development"]
    assert [axis.text("title", "fr").text for axis in plan.axes] == [
        "Nouvelles formes de communication",
        "Gestion de projet",
        "Développement durable dans les pratiques culturelles",
    ]
    assert all(axis.translation_status(lang) is TranslationStatus.UP_TO_DATE
               for axis in plan.axes for lang in ("es", "pt", "en"))  # fmt: skip
    assert plan.axes[2].text("title", "pt").text == "Desenvolvimento sustentável nas práticas culturais"
    assert actions(db, "courses.plan-created") == 1
    page = admin_client.get(f"/courses/plans/{plan.id}").get_data(as_text=True)
    assert "New forms of communication" in page  # the admin reads English


def test_a_duplicate_year_or_a_missing_french_title_is_a_form_error(admin_client, make_plan, db):
    make_plan(2030)
    response = admin_client.post("/courses/plans/new", data={"year": "2030", "title_fr": "Encore"})
    assert response.status_code == 200
    assert "There is already a plan for 2030." in response.get_data(as_text=True)
    response = admin_client.post("/courses/plans/new", data={"year": "2031", "title_en": "Training plan"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="title_fr-error"' in html
    assert 'value="Training plan"' in html  # what was typed is kept
    response = admin_client.post("/courses/plans/new", data={"year": "two thousand", "title_fr": "Plan"})
    assert response.status_code == 200 and 'id="year-error"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert count(db, Plan) == 1 and count(db, Axis) == 1


# -- axes -------------------------------------------------------------------------------------------------------


def test_editing_an_axis_in_four_languages_keeps_stale_translations_stale(admin_client, make_plan, db):
    plan = make_plan(published=False)
    axis = plan.axes[0]
    url = f"/courses/plans/{plan.id}/axes/{axis.id}/edit"
    form = admin_client.get(url).get_data(as_text=True)
    assert 'value="Nuevas formas de comunicación"' in form and 'lang="pt"' in form
    data = {
        "title_fr": "Nouvelles formes de communication numérique",
        "description_fr": "Réseaux sociaux, diffusion en direct.",
        "title_es": "Nuevas formas de comunicación",
        "title_en": "New forms of digital communication",
    }
    assert admin_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert axis.texts_in("fr")["description"] == "Réseaux sociaux, diffusion en direct."
    assert axis.translation_status("es") is TranslationStatus.STALE  # unchanged, while the French changed
    assert axis.translation_status("en") is TranslationStatus.UP_TO_DATE
    assert axis.translation_status("pt") is TranslationStatus.MISSING
    assert actions(db, "courses.axis-updated") == 1
    assert "stale" in admin_client.get(url).get_data(as_text=True)
    assert admin_client.post(url, data={**data, "reviewed_es": "y"}).status_code == 302
    db.session.expire_all()
    assert axis.translation_status("es") is TranslationStatus.UP_TO_DATE


def test_an_axis_needs_its_french_title_and_a_published_axis_is_not_edited(admin_client, make_plan, db):
    draft = make_plan(2027, published=False)
    url = f"/courses/plans/{draft.id}/axes/{draft.axes[0].id}/edit"
    response = admin_client.post(url, data={"title_fr": "", "title_es": "Otra"})
    assert response.status_code == 200 and 'id="title_fr-error"' in response.get_data(as_text=True)
    published = make_plan(2028)
    axis = published.axes[0]
    response = admin_client.post(f"/courses/plans/{published.id}/axes/{axis.id}/edit", data={"title_fr": "Autre"})
    assert response.status_code == 302
    db.session.expire_all()
    assert axis.text("title", "fr").text == "Nouvelles formes de communication"
    assert draft.axes[0].texts_in("es") == {"title": "Nuevas formas de comunicación"}
    # An axis of another plan is not found through this plan.
    assert admin_client.get(f"/courses/plans/{draft.id}/axes/{axis.id}/edit").status_code == 404
    assert admin_client.get("/courses/plans/999999").status_code == 404


# -- publishing and revisions -----------------------------------------------------------------------------------


def test_publishing_with_problems_changes_nothing_and_lists_them(admin_client, make_plan, db):
    draft = make_plan(published=False)
    video = lessons_of(draft)[1]
    video.kind, video.data = "video", {"url": "https://video.example/concert"}
    db.session.flush()
    page = admin_client.get(f"/courses/plans/{draft.id}").get_data(as_text=True)
    assert "Before publishing, fix these problems (1)" in page
    response = admin_client.post(f"/courses/plans/{draft.id}/publish")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The plan cannot be published yet." in html and "Nothing was changed." in html
    assert "A video needs a transcript before it is published" in html
    assert re.search(r'<a href="[^"]+">Leçon 1.2</a>', html)  # the problem links to the lesson
    db.session.expire_all()
    assert draft.status is PlanStatus.DRAFT and draft.published_at is None
    assert actions(db, "courses.plan-published") == 0


def test_publishing_a_revision_asks_first_and_archives_the_old_one(admin_client, make_plan, db):
    published = make_plan()
    response = admin_client.post(f"/courses/plans/{published.id}/revision")
    draft = db.session.scalars(select(Plan).where(Plan.status == PlanStatus.DRAFT)).one()
    assert response.headers["Location"].endswith(f"/courses/plans/{draft.id}")
    assert draft.revision == 2 and actions(db, "courses.plan-revision-started") == 1
    # A second click opens the same draft.
    admin_client.post(f"/courses/plans/{published.id}/revision")
    assert count(db, Plan) == 2
    confirm = admin_client.get(f"/courses/plans/{draft.id}/publish").get_data(as_text=True)
    assert "Revision 1, published now, will be archived." in confirm
    assert 'method="post"' in confirm and "Yes, publish revision 2" in confirm
    db.session.expire_all()
    assert draft.status is PlanStatus.DRAFT  # asking changed nothing
    response = admin_client.post(f"/courses/plans/{draft.id}/publish")
    assert response.status_code == 302
    db.session.expire_all()
    assert (published.status, draft.status) == (PlanStatus.ARCHIVED, PlanStatus.PUBLISHED)
    assert draft.published_at is not None and actions(db, "courses.plan-published") == 1
    # Publishing again, or starting a revision of an archived plan, is refused with a message.
    assert admin_client.post(f"/courses/plans/{draft.id}/publish").status_code == 302
    response = admin_client.post(f"/courses/plans/{published.id}/revision", follow_redirects=True)
    assert "An archived plan cannot be edited" in response.get_data(as_text=True)
    assert count(db, Plan) == 2


def test_publishing_needs_the_csrf_token(admin_client, make_plan, db):
    draft = make_plan(published=False)
    assert admin_client.post(f"/courses/plans/{draft.id}/publish", csrf=False).status_code == 400
    db.session.expire_all()
    assert draft.status is PlanStatus.DRAFT


# -- copying ----------------------------------------------------------------------------------------------------


def test_copy_to_next_year_proposes_the_next_year_and_refuses_a_taken_one(admin_client, make_plan, db):
    plan = make_plan(2027)
    form = admin_client.get(f"/courses/plans/{plan.id}/copy").get_data(as_text=True)
    assert re.search(r'name="year"[^>]*value="2028"', form)
    response = admin_client.post(f"/courses/plans/{plan.id}/copy", data={"year": "2028"})
    copy = db.session.scalars(select(Plan).where(Plan.year == 2028)).one()
    assert response.headers["Location"].endswith(f"/courses/plans/{copy.id}")
    assert copy.status is PlanStatus.DRAFT and len(lessons_of(copy)) == 6
    assert actions(db, "courses.plan-copied") == 1
    response = admin_client.post(f"/courses/plans/{plan.id}/copy", data={"year": "2028"})
    assert response.status_code == 200
    assert "There is already a plan for 2028." in response.get_data(as_text=True)
    response = admin_client.post(f"/courses/plans/{plan.id}/copy", data={"year": "1999"})
    assert "Enter a year between 2000 and 2100." in response.get_data(as_text=True)
    assert count(db, Plan) == 2


def test_a_copy_takes_the_new_year_in_each_title_that_names_the_old_one(admin_client, make_plan, db):
    from sonores_lms.multilingual import TranslationStatus

    plan = make_plan(2027)
    plan.set_texts("es", {"title": "Plan de formación 2027"})
    plan.set_texts("pt", {"title": "Plano de formação anual"})  # no year in it: kept as it is
    plan.set_texts("en", {"title": "Training plan 2027 (20270 words)"})
    db.session.flush()
    admin_client.post(f"/courses/plans/{plan.id}/copy", data={"year": "2028"})
    copy = db.session.scalars(select(Plan).where(Plan.year == 2028)).one()
    titles = {lang: copy.texts_in(lang).get("title") for lang in ("fr", "es", "pt", "en")}
    assert titles == {
        "fr": "Plan de formation 2028",
        "es": "Plan de formación 2028",
        "pt": "Plano de formação anual",
        "en": "Training plan 2028 (20270 words)",
    }
    # The translations were up to date with the French; renamed alike, they still are.
    assert copy.translation_status("es") is TranslationStatus.UP_TO_DATE
    assert plan.text("title", "fr").text == "Plan de formation 2027"  # the source is untouched


def test_admins_rename_a_draft_plan_in_its_languages(admin_client, make_plan, db):
    plan = make_plan(2028, published=False)
    detail = admin_client.get(f"/courses/plans/{plan.id}").get_data(as_text=True)
    assert f'href="/courses/plans/{plan.id}/edit"' in detail
    form = admin_client.get(f"/courses/plans/{plan.id}/edit").get_data(as_text=True)
    assert 'value="Plan de formation 2028"' in form
    data = {"title_fr": "Plan de formation 2028", "title_es": "Plan de formación 2028", "title_pt": "", "title_en": ""}
    response = admin_client.post(f"/courses/plans/{plan.id}/edit", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert plan.text("title", "es").text == "Plan de formación 2028" and actions(db, "courses.plan-updated") == 1
    # Without a French title, the form comes back with its message and nothing changes.
    response = admin_client.post(f"/courses/plans/{plan.id}/edit", data={**data, "title_fr": "", "title_es": "Otro"})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert plan.text("title", "es").text == "Plan de formación 2028"


def test_a_published_plan_is_not_renamed_in_place(admin_client, make_plan, db):
    plan = make_plan(2027)
    response = admin_client.post(f"/courses/plans/{plan.id}/edit", data={"title_fr": "Autre"})
    assert response.status_code == 302
    db.session.expire_all()
    assert plan.text("title", "fr").text == "Plan de formation 2027"


# -- targets ----------------------------------------------------------------------------------------------------


def test_targets_are_added_edited_and_removed(admin_client, make_plan, create_institute, create_user, db):
    plan = make_plan()
    track = plan.axes[0].tracks[0]
    jacmel = create_institute(name="Alliance Française de Jacmel")
    create_user(roles=["staff"], institute_id=jacmel.id)
    create_user(roles=["staff"])
    url = f"/courses/plans/{plan.id}/targets"
    response = admin_client.post(url, data={"track": track.uid, "role": "staff", "institute": ""})
    assert response.status_code == 302
    target = db.session.scalars(select(Target)).one()
    assert (target.track_uid, target.role.value, target.institute_id) == (track.uid, "staff", None)
    page = admin_client.get(url).get_data(as_text=True)
    assert "Stratégie numérique" in page and "Every institute" in page
    assert re.search(r"<td>Every institute</td>\s*<td>2</td>", page)  # two active staff members covered
    edit = f"/courses/plans/{plan.id}/targets/{target.id}/edit"
    assert 'selected value="staff"' in admin_client.get(edit).get_data(as_text=True).replace(
        'value="staff" selected', 'selected value="staff"'
    )
    response = admin_client.post(edit, data={"track": track.uid, "role": "staff", "institute": str(jacmel.id)})
    assert response.status_code == 302
    db.session.expire_all()
    assert target.institute_id == jacmel.id
    assert re.search(r"\(Haiti\)</td>\s*<td>1</td>", admin_client.get(url).get_data(as_text=True))
    response = admin_client.post(f"/courses/plans/{plan.id}/targets/{target.id}/delete")
    assert response.status_code == 302
    assert count(db, Target) == 0
    assert [actions(db, f"courses.target-{verb}") for verb in ("added", "changed", "removed")] == [1, 1, 1]


def test_bad_target_input_is_refused_with_messages(admin_client, make_plan, create_institute, db):
    plan = make_plan()
    other = make_plan(2028)
    track = plan.axes[0].tracks[0]
    url = f"/courses/plans/{plan.id}/targets"
    bad = [
        {"track": other.axes[0].tracks[0].uid, "role": "staff", "institute": ""},  # a track of another plan
        {"track": track.uid, "role": "director", "institute": ""},  # not a role
        {"track": track.uid, "role": "staff", "institute": "999999"},  # not an institute
        {"track": "", "role": "staff", "institute": ""},
        {"role": "staff"},
    ]
    for data in bad:
        response = admin_client.post(url, data=data)
        assert response.status_code == 200, data
        assert "Please correct the highlighted fields." in response.get_data(as_text=True), data
    assert count(db, Target) == 0
    admin_client.post(url, data={"track": track.uid, "role": "trainer", "institute": ""})
    response = admin_client.post(url, data={"track": track.uid, "role": "trainer", "institute": ""})
    assert "This target already exists." in response.get_data(as_text=True)
    assert count(db, Target) == 1
    target = db.session.scalars(select(Target)).one()
    assert admin_client.get(f"/courses/plans/{other.id}/targets/{target.id}/edit").status_code == 404
    assert admin_client.post(f"/courses/plans/{plan.id}/targets/999999/delete").status_code == 404


def test_targets_of_a_published_plan_follow_its_draft(admin_client, make_plan, dummy_user, db):
    published = make_plan()
    draft = draft_for(published, actor=dummy_user)
    track_uid = published.axes[0].tracks[0].uid
    admin_client.post(f"/courses/plans/{published.id}/targets", data={"track": track_uid, "role": "staff"})
    db.session.expire_all()
    assert {t.plan_id for t in db.session.scalars(select(Target))} == {published.id, draft.id}
    target = db.session.scalars(select(Target).where(Target.plan_id == published.id)).one()
    admin_client.post(f"/courses/plans/{published.id}/targets/{target.id}/edit",
                      data={"track": track_uid, "role": "trainer", "institute": ""})  # fmt: skip
    db.session.expire_all()
    assert {t.role.value for t in db.session.scalars(select(Target))} == {"trainer"}
    admin_client.post(f"/courses/plans/{published.id}/targets/{target.id}/delete")
    assert count(db, Target) == 0


def test_targets_of_an_archived_plan_are_read_only(admin_client, make_plan, dummy_user, db):
    old = make_plan()
    track_uid = old.axes[0].tracks[0].uid
    db.session.add(Target(plan_id=old.id, track_uid=track_uid, role="staff"))
    old.status = PlanStatus.ARCHIVED
    db.session.flush()
    target = db.session.scalars(select(Target)).one()
    page = admin_client.get(f"/courses/plans/{old.id}/targets").get_data(as_text=True)
    assert "its targets are kept as they were" in page and "Add a target" not in page
    response = admin_client.post(f"/courses/plans/{old.id}/targets/{target.id}/delete", follow_redirects=True)
    assert "An archived plan cannot be changed." in response.get_data(as_text=True)
    assert count(db, Target) == 1


def test_the_plan_and_targets_pages_have_a_constant_query_count(
    admin_client, make_plan, create_user, db, count_queries
):
    def measure(plan):
        counts = []
        for url in (f"/courses/plans/{plan.id}", f"/courses/plans/{plan.id}/targets"):
            admin_client.get(url)
            with count_queries() as counted:
                assert admin_client.get(url).status_code == 200
            counts.append(counted.count)
        return counts

    def with_problems_and_targets(plan, people):
        for lesson in lessons_of(plan):
            lesson.kind = "video"  # each one is a problem to list
        for _n in range(people):
            create_user(roles=["staff"], password=None)
        db.session.add(Target(plan_id=plan.id, track_uid=plan.axes[0].tracks[0].uid, role="staff"))
        db.session.flush()
        return plan

    small = measure(with_problems_and_targets(make_plan(2027, published=False, courses=1, lessons=1), 1))
    large = measure(with_problems_and_targets(make_plan(2028, published=False, courses=6, lessons=5), 30))
    assert small == large and max(large) < 15


# -- targets in a large network -----------------------------------------------------------------------------------
def options(page: str, name: str) -> list[str]:
    select_html = re.search(rf'<select[^>]* name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select_html is not None, name
    return re.findall(r"<option[^>]*>([^<]*)</option>", select_html.group(1))


def test_a_plan_target_is_set_for_an_institute_of_the_chosen_country(admin_client, make_plan, many_institutes, db):
    plan = make_plan(published=False)
    track = plan.axes[0].tracks[0]
    page = admin_client.get(f"/courses/plans/{plan.id}/targets").get_data(as_text=True)
    assert options(page, "institute") == ["Every institute"]  # the reader has no institute: no country yet
    data = {"track": track.uid, "role": "staff", "institute": "", "institute_country": "MX", "listed_country": ""}
    response = admin_client.post(f"/courses/plans/{plan.id}/targets", data=data)
    assert response.status_code == 200 and "This plan has no target yet." in response.get_data(as_text=True)
    assert "Alliance Française de Puebla (Port-au-Prince)" in options(response.get_data(as_text=True), "institute")
    data.update(institute=str(many_institutes.puebla.id), listed_country="MX")
    assert admin_client.post(f"/courses/plans/{plan.id}/targets", data=data).status_code == 302
    page = admin_client.get(f"/courses/plans/{plan.id}/targets").get_data(as_text=True)
    assert "Alliance Française de Puebla (Mexico)" in page
    target_id = re.search(r"/targets/(\d+)/edit", page).group(1)
    edit = admin_client.get(f"/courses/plans/{plan.id}/targets/{target_id}/edit").get_data(as_text=True)
    assert re.search(r'<option selected value="MX">', edit)
    assert re.search(rf'<option selected value="{many_institutes.puebla.id}">', edit)


def test_targets_come_fifty_a_page_with_one_csrf_field_per_form(admin_client, make_plan, create_institute, db):
    plan = make_plan(published=False)
    track = plan.axes[0].tracks[0]
    for n in range(52):
        institute = create_institute(name=f"Alliance Française {n:02d}")
        db.session.add(Target(plan_id=plan.id, track_uid=track.uid, role=Role.ADMIN, institute_id=institute.id))
    db.session.flush()
    first = admin_client.get(f"/courses/plans/{plan.id}/targets").get_data(as_text=True)
    assert first.count("/edit") == 50 and "Page 1 of 2" in first
    assert 'id="csrf_token"' not in first.split('id="add-target"')[0]  # the Remove forms repeat no id
    second = admin_client.get(f"/courses/plans/{plan.id}/targets?page=2").get_data(as_text=True)
    assert second.count("/edit") == 2 and "Alliance Française 51" in second

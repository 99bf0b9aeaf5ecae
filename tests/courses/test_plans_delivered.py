"""Planned vs delivered: exact figures on a small network (rows written directly, then the summary rebuilt),
constant query counts, the CSV export; the summary kept current (services send signals, receivers refresh people
or rebuild a plan, inline here as tests run jobs at once); the page's freshness line, Recompute button and pages."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from courses.delivered import Grouping, planned_vs_delivered, rebuild_plan
from courses.jobs import schedule_rebuild, schedule_refresh
from courses.learning import complete_lesson, enrol
from courses.models import (
    Axis,
    Course,
    DeliveredPerson,
    DeliveredState,
    Enrolment,
    EnrolmentStatus,
    Target,
    Track,
    TrackCompletion,
)
from courses.plans import add_target, covered_counts, remove_target, update_target
from courses.revisions import draft_for, publish
from sonores_lms.institutes.services import update_institute
from sonores_lms.people.services import deactivate_person, grant_role, reactivate_person, revoke_role, update_person
from sonores_lms.permissions import Role


@pytest.fixture
def network(db, make_plan, create_institute, create_user):
    """Two axes: the communication track (two courses) asked of staff everywhere, the project track (one course)
    asked of trainers of Jacmel. Who did what is in the comments; the tests below count it by hand."""
    plan = make_plan(courses=2, lessons=1)
    communication = plan.axes[0].tracks[0]
    c1, c2 = communication.courses
    projects = Axis(code="project-management", position=1)
    projects.set_texts("fr", {"title": "Gestion de projet"})
    project_track = Track(position=0)
    project_track.set_texts("fr", {"title": "Budget d'un festival"})
    c3 = Course(position=0)
    c3.set_texts("fr", {"title": "Budgéter"})
    project_track.courses.append(c3)
    projects.tracks.append(project_track)
    plan.axes.append(projects)
    db.session.flush()

    jacmel = create_institute(name="=Alliance Française de Jacmel", country="HT")
    cap = create_institute(name="Alliance Française du Cap-Haïtien", country="HT")
    mexico = create_institute(name="Alliance Française de Mexico", country="MX", timezone="America/Mexico_City")
    db.session.add_all([
        Target(plan_id=plan.id, track_uid=communication.uid, role=Role.STAFF),
        Target(plan_id=plan.id, track_uid=project_track.uid, role=Role.TRAINER, institute_id=jacmel.id),
    ])  # fmt: skip

    def person(roles, **kwargs):
        return create_user(roles=roles, password=None, **kwargs)  # no sign-in: skip the slow password hash

    def enrol(user, course, status):
        db.session.add(Enrolment(user_id=user.id, course_uid=course.uid, status=status))

    p1 = person(["staff", ("staff", jacmel)], institute_id=jacmel.id)  # two grants, counted once
    enrol(p1, c1, EnrolmentStatus.ACTIVE)
    p2 = person(["staff"], institute_id=jacmel.id)
    enrol(p2, c1, EnrolmentStatus.COMPLETED)
    enrol(p2, c2, EnrolmentStatus.COMPLETED)
    db.session.add(TrackCompletion(user_id=p2.id, track_uid=communication.uid))
    person(["staff"], institute_id=cap.id)  # p3: nothing yet
    p4 = person(["staff"], institute_id=mexico.id)
    enrol(p4, c2, EnrolmentStatus.WITHDRAWN)  # withdrawn is not enrolled
    p5 = person(["staff"], institute_id=mexico.id, active=False)  # inactive: not targeted
    enrol(p5, c1, EnrolmentStatus.ACTIVE)
    # p6: staff and trainer of Jacmel: both tracks; communication done, the project course under way.
    p6 = person(["staff", ("trainer", jacmel)], institute_id=jacmel.id)
    enrol(p6, c1, EnrolmentStatus.COMPLETED)
    db.session.add(TrackCompletion(user_id=p6.id, track_uid=communication.uid))
    enrol(p6, c3, EnrolmentStatus.ACTIVE)
    person(["trainer"], institute_id=cap.id)  # p7: a trainer, but not of Jacmel
    person([("trainer", cap)], institute_id=jacmel.id)  # p8: trainer in another institute
    person(["auditor"], institute_id=jacmel.id)  # p9: no target for auditors
    person(["staff"])  # p10: staff of no institute
    db.session.flush()
    rebuild_plan(plan)  # rows written behind the services' back send no signal: rebuild the summary
    return SimpleNamespace(
        plan=plan, communication=plan.axes[0], projects=projects, jacmel=jacmel, cap=cap, mexico=mexico
    )


def figures(rows):
    return {row.key: (row.targeted, row.enrolled, row.in_progress, row.done) for row in rows}


def test_figures_per_axis(network):
    rows, total = planned_vs_delivered(network.plan, Grouping.AXIS)
    assert figures(rows) == {network.communication.id: (6, 3, 1, 2), network.projects.id: (1, 1, 1, 0)}
    # p6 is in progress on the project track, and done only with the communication one.
    assert (total.targeted, total.enrolled, total.in_progress, total.done) == (6, 3, 2, 1)
    communication = next(r for r in rows if r.key == network.communication.id)
    assert (communication.enrolled_percent, communication.in_progress_percent, communication.done_percent) == (
        50,
        17,
        33,
    )


def test_figures_per_institute_and_country(network):
    rows, _total = planned_vs_delivered(network.plan, Grouping.INSTITUTE)
    assert figures(rows) == {
        network.jacmel.id: (3, 3, 2, 1),
        network.cap.id: (1, 0, 0, 0),
        network.mexico.id: (1, 0, 0, 0),
        None: (1, 0, 0, 0),
    }
    rows, _total = planned_vs_delivered(network.plan, Grouping.COUNTRY)
    assert figures(rows) == {"HT": (4, 3, 2, 1), "MX": (1, 0, 0, 0), None: (1, 0, 0, 0)}


@pytest.mark.parametrize("grouping", [Grouping.INSTITUTE, Grouping.COUNTRY])
def test_every_grouping_has_the_same_total_of_distinct_people(network, grouping):
    """Institutes and countries do not overlap (their rows add up to the total); axes do (p6 is in two)."""
    for filters in ({}, {"axis_id": network.projects.id}, {"country": "HT"}):
        _rows, by_axis = planned_vs_delivered(network.plan, Grouping.AXIS, **filters)
        _rows, total = planned_vs_delivered(network.plan, grouping, **filters)
        assert total == by_axis, filters
    rows, _total = planned_vs_delivered(network.plan, Grouping.AXIS)
    assert sum(row.targeted for row in rows) == 7  # p6 counted on both axes, once in the total of 6


def test_figures_filtered_by_axis_and_country(network):
    rows, total = planned_vs_delivered(network.plan, Grouping.INSTITUTE, axis_id=network.communication.id)
    assert figures(rows)[network.jacmel.id] == (3, 3, 1, 2)
    assert (total.targeted, total.done) == (6, 2)
    rows, total = planned_vs_delivered(network.plan, Grouping.AXIS, country="MX")
    assert figures(rows) == {network.communication.id: (1, 0, 0, 0)}
    assert total.targeted == 1


def test_a_plan_without_targets_has_no_figures(make_plan):
    rows, total = planned_vs_delivered(make_plan(2030), Grouping.AXIS)
    assert rows == [] and total.targeted == 0 and total.done_percent == 0


def test_the_page_shows_the_table_and_server_drawn_bars(admin_client, network):
    response = admin_client.get(f"/courses/plans/{network.plan.id}/delivered?group=country")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'<th scope="row">Haiti</th>\s*<td class="num">4</td>', html)
    assert re.search(r'<th scope="row">No institute</th>\s*<td class="num">1</td>', html)
    assert "Total (distinct people)" in html
    assert html.count('<svg class="pvd-bars"') == 4  # three rows and the total
    assert 'aria-label="Enrolled 75%, in progress 50%, done 25%"' in html
    assert "<script" not in html.split("</main>")[0]
    filtered = admin_client.get(
        f"/courses/plans/{network.plan.id}/delivered?group=institute&axis={network.projects.id}&country=HT"
    ).get_data(as_text=True)
    assert re.findall(r'<th scope="row">([^<]+)</th>', filtered) == [
        "=Alliance Française de Jacmel (Haiti)",
        "Total (distinct people)",
    ]
    # Unknown filters are ignored rather than failing.
    response = admin_client.get(f"/courses/plans/{network.plan.id}/delivered?group=planet&axis=x&country=ZZ")
    assert response.status_code == 200 and "Gestion de projet" in response.get_data(as_text=True)


def test_the_page_has_a_constant_query_count(admin_client, network, create_user, db, count_queries):
    plan = network.plan
    urls = [f"/courses/plans/{plan.id}/delivered?group={g.value}" for g in Grouping]
    urls.append(f"/courses/plans/{plan.id}/delivered.csv?group=institute&country=HT")
    admin_client.get(urls[0])  # warm-up: settings and translations are cached once
    small = []
    for url in urls:
        with count_queries() as counted:
            assert admin_client.get(url).status_code == 200
        small.append(counted.count)
    course_uids = [c.uid for axis in plan.axes for t in axis.tracks for c in t.courses]
    for n in range(40):
        institute = [network.jacmel, network.cap, network.mexico][n % 3]
        person = create_user(roles=["staff", "trainer"], institute_id=institute.id, password=None)
        for uid in course_uids[: n % 4]:
            db.session.add(Enrolment(user_id=person.id, course_uid=uid, status=EnrolmentStatus.ACTIVE))
    db.session.flush()
    rebuild_plan(plan)
    large = []
    for url in urls:
        with count_queries() as counted:
            assert admin_client.get(url).status_code == 200
        large.append(counted.count)
    assert small == large, (small, large)
    print("QUERYCOUNTS", small)
    assert max(large) < 15
    rows, total = planned_vs_delivered(plan, Grouping.AXIS)
    assert total.targeted == 46  # the 40 new people joined the figures


def test_csv_export_of_the_table(admin_client, network):
    response = admin_client.get(f"/courses/plans/{network.plan.id}/delivered.csv?group=institute")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert f"plan-{network.plan.year}-r1-institute.csv" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == [
        "Institute",
        "Targeted",
        "Enrolled",
        "Enrolled (percent)",
        "In progress",
        "In progress (percent)",
        "Done",
        "Done (percent)",
    ]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    # A name a spreadsheet would run as a formula is neutralised.
    assert by_label["'=Alliance Française de Jacmel (Haiti)"] == ["3", "3", "100", "2", "67", "1", "33"]
    assert by_label["Total (distinct people)"] == ["6", "3", "50", "2", "33", "1", "17"]
    assert len(rows) == 1 + 4 + 1


# -- the summary kept current -------------------------------------------------------------------------------


def totals(plan, **filters):
    _rows, total = planned_vs_delivered(plan, Grouping.AXIS, **filters)
    return (total.targeted, total.enrolled, total.in_progress, total.done)


def by_key(plan, grouping):
    rows, _total = planned_vs_delivered(plan, grouping)
    return {row.key: (row.targeted, row.enrolled, row.in_progress, row.done) for row in rows}


@pytest.fixture
def admin(create_user):
    return create_user(roles=["admin"], password=None, first_name="Ada", last_name="Admin")


@pytest.fixture
def people(network, db):
    """The fixture's people by their number (p1 ... p10), in the order they were created."""
    from sonores_lms.people.models import User

    users = db.session.scalars(select(User).where(User.last_name.like("Number %")).order_by(User.id).limit(10))
    return {f"p{n}": user for n, user in enumerate(users, start=1)}


# -- through the signals ----------------------------------------------------------------------------------------


def test_enrolling_updates_the_figures(network, people):
    assert totals(network.plan) == (6, 3, 2, 1)
    enrol(people["p3"], network.communication.tracks[0].courses[0], actor=people["p3"])
    assert totals(network.plan) == (6, 4, 3, 1)


def test_completing_a_track_updates_the_figures(network, people):
    p1 = people["p1"]
    c1, c2 = network.communication.tracks[0].courses
    complete_lesson(p1, c1.modules[0].lessons[0])
    complete_lesson(p1, c2.modules[0].lessons[0])  # the second course, then the track
    axis = by_key(network.plan, Grouping.AXIS)[network.communication.id]
    assert axis == (6, 3, 0, 3)  # p1 no longer in progress, now done
    assert totals(network.plan) == (6, 3, 1, 2)  # p6 still has the project track to do


def test_a_role_granted_or_revoked_updates_the_figures(network, people, admin):
    auditor = people["p9"]  # of Jacmel, no target for auditors
    assignment = grant_role(auditor, Role.STAFF, None, actor=admin)
    assert totals(network.plan)[0] == 7
    revoke_role(assignment, actor=admin)
    assert totals(network.plan)[0] == 6


def test_deactivating_and_reactivating_a_person_updates_the_figures(network, people, admin):
    deactivate_person(people["p2"], actor=admin)  # enrolled and done
    assert totals(network.plan) == (5, 2, 2, 0)
    reactivate_person(people["p2"], actor=admin)
    assert totals(network.plan) == (6, 3, 2, 1)


def test_moving_to_another_institute_updates_the_figures(network, people, admin):
    p3 = people["p3"]  # staff of Cap-Haïtien, Haiti
    values = {name: getattr(p3, name) for name in ("email", "first_name", "last_name", "locale", "timezone")}
    update_person(p3, actor=admin, **values, institute_id=network.mexico.id)
    assert by_key(network.plan, Grouping.COUNTRY) == {"HT": (3, 3, 2, 1), "MX": (2, 0, 0, 0), None: (1, 0, 0, 0)}


def test_an_institute_moving_country_updates_the_figures(network, admin):
    cap = network.cap
    values = {name: getattr(cap, name) for name in ("kind", "name", "city", "timezone", "languages", "active")}
    update_institute(cap, actor=admin, **values, country="DO")
    assert by_key(network.plan, Grouping.COUNTRY)["DO"] == (1, 0, 0, 0)
    assert by_key(network.plan, Grouping.COUNTRY)["HT"] == (3, 3, 2, 1)


def test_a_change_of_targets_rebuilds_the_plan(network, admin):
    plan = network.plan
    project_track = network.projects.tracks[0]
    target = add_target(plan, track_uid=project_track.uid, role=Role.STAFF, institute_id=network.mexico.id, actor=admin)
    assert by_key(plan, Grouping.AXIS)[network.projects.id] == (2, 1, 1, 0)  # p6, and p4 of Mexico
    update_target(target, track_uid=project_track.uid, role=Role.STAFF, institute_id=network.cap.id, actor=admin)
    assert by_key(plan, Grouping.AXIS)[network.projects.id] == (2, 1, 1, 0)  # p6, and p3 of Cap-Haïtien
    remove_target(target, actor=admin)
    assert by_key(plan, Grouping.AXIS)[network.projects.id] == (1, 1, 1, 0)


def test_a_new_revision_and_publishing_rebuild(network, admin, db):
    draft = draft_for(network.plan, actor=admin)  # copies the targets
    assert db.session.get(DeliveredState, draft.id) is not None
    assert totals(draft) == totals(network.plan) == (6, 3, 2, 1)
    db.session.execute(DeliveredPerson.__table__.delete().where(DeliveredPerson.plan_id == draft.id))
    publish(draft, actor=admin)
    assert totals(draft) == (6, 3, 2, 1)


def test_a_person_refresh_leaves_plans_never_built_alone(network, people, make_plan, db):
    other = make_plan(2031)
    db.session.add(Target(plan_id=other.id, track_uid=other.axes[0].tracks[0].uid, role=Role.STAFF))
    db.session.flush()
    enrol(people["p3"], network.communication.tracks[0].courses[0], actor=people["p3"])
    count = select(func.count()).select_from(DeliveredPerson).where(DeliveredPerson.plan_id == other.id)
    assert db.session.scalar(count) == 0  # never rebuilt: its page says so rather than showing one person
    rebuild_plan(other)
    assert db.session.scalar(count) == 6  # every active staff member


def test_jobs_are_queued_after_the_commit_and_dropped_on_rollback(app, db, network, people, monkeypatch):
    from courses.jobs import rebuild_delivered, refresh_delivered_people

    queued = []
    monkeypatch.setattr(type(rebuild_delivered), "__call__", lambda job, **kwargs: queued.append((job, kwargs)))
    monkeypatch.setitem(app.config, "JOBS_IMMEDIATE", False)
    schedule_refresh([people["p3"].id])
    schedule_refresh([people["p1"].id, people["p3"].id])
    schedule_rebuild([network.plan])
    assert queued == []  # a worker must not read the data before the request's commit
    db.session.commit()
    assert queued == [  # one job per kind, whatever the number of events
        (refresh_delivered_people, {"user_ids": sorted([people["p1"].id, people["p3"].id])}),
        (rebuild_delivered, {"plan_ids": [network.plan.id]}),
    ]
    queued.clear()
    schedule_refresh([people["p3"].id])
    db.session.rollback()
    db.session.commit()
    assert queued == []


def test_the_jobs_are_idempotent(network, people):
    from courses.jobs import rebuild_delivered, refresh_delivered_people

    before = totals(network.plan)
    for _ in range(2):
        refresh_delivered_people.call_local(user_ids=[people["p1"].id, people["p2"].id])
        rebuild_delivered.call_local(plan_ids=[network.plan.id, 999_999])  # a deleted plan is skipped
    assert totals(network.plan) == before


def test_the_nightly_task_rebuilds_every_live_plan(network, db):
    from courses.jobs import rebuild_delivered_nightly

    db.session.execute(DeliveredPerson.__table__.delete())
    rebuild_delivered_nightly.call_local()
    assert totals(network.plan) == (6, 3, 2, 1)


def test_the_command_rebuilds_the_live_plans(app, network, db):
    db.session.execute(DeliveredPerson.__table__.delete())
    runner = app.test_cli_runner()
    result = runner.invoke(args=["courses", "rebuild-delivered"])
    assert result.exit_code == 0, result.output
    assert f"{network.plan.year} revision 1 (published): 7 targeted pairs" in result.output
    assert totals(network.plan) == (6, 3, 2, 1)
    result = runner.invoke(args=["courses", "rebuild-delivered", "--year", "1999"])
    assert result.exit_code != 0 and "There is no plan for 1999." in result.output


# -- the page -----------------------------------------------------------------------------------------------------


def test_the_page_says_when_the_figures_were_computed(client_as, network, db):
    state = db.session.get(DeliveredState, network.plan.id)
    state.rebuilt_at = datetime(2025, 1, 15, 18, 30, tzinfo=UTC)
    db.session.flush()
    client = client_as("admin", timezone="America/Mexico_City")
    html = client.get(f"/courses/plans/{network.plan.id}/delivered").get_data(as_text=True)
    assert re.search(r"Figures as of January 15, 2025 at 12:30\W*PM\.", html)
    assert "counted within minutes" in html
    french = client_as("admin", locale="fr", timezone="America/Port-au-Prince")
    html = french.get(f"/courses/plans/{network.plan.id}/delivered").get_data(as_text=True)
    assert "15 janvier 2025" in html and "13:30" in html


def test_a_plan_never_computed_says_so_and_offers_to_compute(admin_client, make_plan, create_user, db):
    plan = make_plan(2032)
    db.session.add(Target(plan_id=plan.id, track_uid=plan.axes[0].tracks[0].uid, role=Role.STAFF))
    create_user(roles=["staff"], password=None)
    db.session.flush()
    url = f"/courses/plans/{plan.id}/delivered"
    html = admin_client.get(url).get_data(as_text=True)
    assert "have not been computed yet" in html
    assert f'action="/courses/plans/{plan.id}/delivered/recompute?group=axis"' in html
    response = admin_client.post(f"/courses/plans/{plan.id}/delivered/recompute?group=country")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{url}?group=country")
    html = admin_client.get(url).get_data(as_text=True)
    assert "have not been computed yet" not in html and "Figures as of" in html
    assert "Total (distinct people)" in html


def test_recompute_needs_a_csrf_token_and_the_permission(client_as, admin_client, network, create_institute):
    url = f"/courses/plans/{network.plan.id}/delivered/recompute"
    assert admin_client.post(url, csrf=False).status_code == 400
    assert client_as("staff").post(url).status_code == 403
    director = client_as(("admin", create_institute()))
    assert director.post(url).status_code == 403
    assert admin_client.post("/courses/plans/999999/delivered/recompute").status_code == 404


def test_the_institute_grouping_is_paged_and_the_csv_complete(admin_client, make_plan, create_institute,
                                                               create_user, db):  # fmt: skip
    plan = make_plan(2033)
    db.session.add(Target(plan_id=plan.id, track_uid=plan.axes[0].tracks[0].uid, role=Role.STAFF))
    for n in range(55, 0, -1):  # created in reverse: the page sorts by name
        institute = create_institute(name=f"Alliance Française {n:03d}", country="MX" if n % 2 else "HT")
        create_user(roles=["staff"], institute_id=institute.id, password=None)
    create_user(roles=["staff"], password=None)  # of no institute: last
    rebuild_plan(plan)
    base = f"/courses/plans/{plan.id}/delivered?group=institute"
    first = admin_client.get(base).get_data(as_text=True)
    labels = re.findall(r'<th scope="row">([^<]+)</th>', first)
    assert len(labels) == 50 + 1  # and the total
    assert labels[0] == "Alliance Française 001 (Mexico)" and labels[49] == "Alliance Française 050 (Haiti)"
    assert "Page 1 of 2" in first and "page=2" in first
    second = admin_client.get(base + "&page=2").get_data(as_text=True)
    labels = re.findall(r'<th scope="row">([^<]+)</th>', second)
    assert labels[0] == "Alliance Française 051 (Mexico)"
    assert labels[-2:] == ["No institute", "Total (distinct people)"]
    assert re.search(r'Total \(distinct people\)</th>\s*<td class="num">56</td>', second)
    for bad in ("abc", "-3", "999"):  # clamped to a page that exists
        assert admin_client.get(f"{base}&page={bad}").status_code == 200
    response = admin_client.get(f"/courses/plans/{plan.id}/delivered.csv?group=institute&page=2")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 1 + 56 + 1
    mexico = admin_client.get(base + "&country=MX").get_data(as_text=True)
    assert "Page 1 of 1" not in mexico and len(re.findall(r'<th scope="row">', mexico)) == 28 + 1


def test_the_targets_page_counts_whom_each_target_covers(network, db):
    """The same people as the summary: six active staff anywhere (two grants counted once, the inactive one left
    out); for the trainers of Jacmel, p6 alone (p7 works in another institute, p8 trains for another one)."""
    targets = {t.role: t.id for t in db.session.scalars(select(Target).where(Target.plan_id == network.plan.id))}
    assert covered_counts(network.plan) == {targets[Role.STAFF]: 6, targets[Role.TRAINER]: 1}

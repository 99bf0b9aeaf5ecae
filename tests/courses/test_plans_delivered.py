"""Planned vs delivered: exact figures on a small network (rows written directly, then the summary rebuilt),
constant query counts, the CSV export."""

from __future__ import annotations

import csv
import io
import re
from types import SimpleNamespace

import pytest

from courses.models import Axis, Course, Enrolment, EnrolmentStatus, Target, Track, TrackCompletion
from courses.delivered import Grouping, planned_vs_delivered, rebuild_plan
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

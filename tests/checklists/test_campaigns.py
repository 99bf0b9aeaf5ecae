"""Opening campaigns: institutes by country or list, deadlines, last year's answers pre-filled, mails once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

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


def test_admin_opens_a_campaign_by_country_and_list_and_institutes_are_told(
    network, admin_client, client_as, db, outbox
):
    auditor = client_as("auditor").user
    data = form(network.template, countries=["MX"], institutes=[str(network.peru.id)], auditors=[str(auditor.id)])
    response = admin_client.post("/checklists/campaigns/new", data=data)
    assert response.status_code == 302
    campaign = db.session.scalar(select(Campaign))
    audits = list(db.session.scalars(select(Audit).where(Audit.campaign_id == campaign.id)))
    assert sorted(a.institute_id for a in audits) == sorted([*(i.id for i in network.mexico), network.peru.id])
    assert all(a.state == AuditState.NOT_STARTED for a in audits)
    assert db.session.scalar(select(func.count()).select_from(AuditorAssignment)) == 3
    assert len(outbox) == 3 and all("auditoría ecorresponsable" in m.subject for m in outbox)
    page = admin_client.get(f"/checklists/campaigns/{campaign.uid}").get_data(as_text=True)
    assert "Alliance Française de Lima" in page and "Alliance Française de Santiago" not in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"self_deadline": "2001-01-01"}, "This deadline is in the past."),
        ({"review_deadline": "2001-01-01"}, "This deadline is in the past."),
        ({"period_end": "2000-01-01"}, "The period ends after it starts."),
        ({}, "Choose countries or institutes."),
    ],
)
def test_a_campaign_form_with_a_problem_writes_nothing(network, admin_client, db, overrides, message):
    data = form(network.template, **overrides)
    if overrides:
        data["countries"] = ["MX"]
    response = admin_client.post("/checklists/campaigns/new", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Campaign)) == 0


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
    response = admin_client.post(
        "/checklists/campaigns/new", data=form(network.template, institutes=[str(network.peru.id)])
    )
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
    assert (
        admin_client.post("/checklists/campaigns/new", data=form(newer, institutes=[str(network.peru.id)])).status_code
        == 302
    )
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
    admin_client.post("/checklists/campaigns/new", data=form(network.template, institutes=[str(network.peru.id)]))
    campaign = db.session.scalar(select(Campaign).where(Campaign.id != previous.campaign_id))
    answers = db.session.scalar(select(func.count()).select_from(Answer))
    # Run again, as a retried job would, outside any request (the consumer has none).
    assert prefill(campaign.id) == 0
    assert db.session.scalar(select(func.count()).select_from(Answer)) == answers
    assert len(outbox) == 1
    assert app.config["BASE_URL"] + "/checklists/audits/" in outbox[0].body

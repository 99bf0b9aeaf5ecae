"""Action plans: a gap becomes an action with its priority; statuses change; next year shows last year's plan."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from checklists.jobs import send_action_reminders
from checklists.models import Action, ActionStatus, Profile


@pytest.fixture
def validated(db, make_audit, create_institute, director_of, app):
    from tests.fixtures.users import sign_in_client

    institute = create_institute(name="Alliance Française de Rosario", country="AR")
    director = director_of(institute)
    audit = make_audit(institute, year=2026, state="validated")
    return audit, director, sign_in_client(app, director)


def test_a_gap_becomes_an_action_with_its_priority(validated, db):
    audit, director, client = validated
    response = client.post(
        f"/checklists/audits/{audit.uid}/actions",
        data={
            "title": "Pool the March jazz invitations",
            "codes": ["ENV-STR-03", "ENV-STR-01"],
            "owner": str(director.id),
            "due_on": "2026-10-31",
        },
    )
    assert response.status_code == 302
    action = db.session.scalar(select(Action))
    # Nothing answered: 3 x (1 - 0) + 2 x (1 - 0)
    assert (action.priority, action.item_codes, action.due_on) == (
        5.0,
        ["ENV-STR-01", "ENV-STR-03"],
        date(2026, 10, 31),
    )
    page = client.get(f"/checklists/audits/{audit.uid}/results").get_data(as_text=True)
    assert "Pool the March jazz invitations" in page


def test_an_action_needs_a_title_and_a_gap(validated, db):
    audit, _director, client = validated
    response = client.post(f"/checklists/audits/{audit.uid}/actions", data={"title": ""})
    assert response.status_code == 400
    assert db.session.scalar(select(Action.id)) is None


def test_status_updates_and_next_year_shows_last_years_actions(validated, db, make_audit):
    audit, director, client = validated
    action = Action(
        audit_id=audit.id, title="Compost bins with the city", item_codes=["ENV-STR-03"], owner_id=director.id
    )
    db.session.add(action)
    db.session.flush()
    response = client.post(f"/checklists/actions/{action.uid}", data={"status": "done", "note": "Letter from the city"})
    assert response.status_code == 302
    db.session.refresh(action)
    assert (action.status, action.completion_note) == (ActionStatus.DONE, "Letter from the city")
    assert client.post(f"/checklists/actions/{action.uid}", data={"status": "lost"}).status_code == 400
    later = make_audit(audit.institute, year=2027, state="in-progress", template=audit.campaign.template)
    page = client.get(f"/checklists/audits/{later.uid}/results").get_data(as_text=True)
    assert "Last year&#39;s actions" in page or "Last year's actions" in page
    assert "Compost bins with the city" in page


def test_october_reminder_mails_owners_of_open_actions_once(validated, db, outbox, app):
    audit, director, _client = validated
    db.session.add_all(
        [
            Action(audit_id=audit.id, title="Open", item_codes=[], owner_id=director.id),
            Action(audit_id=audit.id, title="Done", item_codes=[], owner_id=director.id, status=ActionStatus.DONE),
        ]
    )
    db.session.flush()
    # As in the job consumer: no request, the link is built on BASE_URL.
    assert send_action_reminders(2026) == 1
    assert send_action_reminders(2026) == 0
    assert len(outbox) == 1 and "Open" in outbox[0].body
    assert app.config["BASE_URL"] + "/checklists/audits/" in outbox[0].body


def test_director_sets_the_peer_group_and_opts_in(validated, db):
    audit, _director, client = validated
    response = client.post(
        f"/checklists/institutes/{audit.institute_id}/profile", data={"staff_band": "medium", "named": "y"}
    )
    assert response.status_code == 302
    profile = db.session.get(Profile, audit.institute_id)
    assert (profile.staff_band, profile.owns_building, profile.has_hall, profile.named) == (
        "medium",
        False,
        False,
        True,
    )
    assert (
        client.post(f"/checklists/institutes/{audit.institute_id}/profile", data={"staff_band": "huge"}).status_code
        == 400
    )

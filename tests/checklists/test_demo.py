"""The checklists demo: the 2027 template, audits in every state in several countries, earlier years, auditors."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from checklists.models import Action, Answer, Audit, AuditState, Campaign, Item, Score
from sonores_lms.demo import load_demo
from sonores_lms.people.models import User
from tests.fixtures.users import sign_in_client


@pytest.fixture
def demo(db):
    load_demo()


def _counts(db):
    return {
        m.__name__: db.session.scalar(select(func.count()).select_from(m))
        for m in (Campaign, Audit, Answer, Action, Score)
    }


def test_demo_has_every_state_in_several_countries_and_loads_twice_harmlessly(db, demo):
    states = set(db.session.scalars(select(Audit.state)))
    assert states == set(AuditState)
    countries = set(db.session.scalars(select(Audit.institute_id)))
    assert len(countries) >= 10
    items = db.session.scalar(select(func.count()).select_from(Item))
    assert 60 <= items <= 100
    first = _counts(db)
    load_demo()
    assert _counts(db) == first


def test_demo_auditor_lands_on_their_queue(db, demo, app):
    auditor = db.session.scalar(select(User).where(User.email == "natasha.campbell@example.org"))
    client = sign_in_client(app, auditor)
    dashboard = client.get("/", follow_redirects=True).get_data(as_text=True)
    assert "Audits to review" in dashboard or "Auditorías por revisar" in dashboard
    assert "Alliance Française de Bogotá" in dashboard


def test_demo_director_sees_trends_and_last_years_actions(db, demo, app):
    director = db.session.scalar(select(User).where(User.email == "jean-robert.desir@example.org"))
    audit = db.session.scalar(
        select(Audit).join(Campaign).where(Audit.institute_id == director.institute_id).order_by(Campaign.year.desc())
    )
    page = sign_in_client(app, director).get(f"/checklists/audits/{audit.uid}/results").get_data(as_text=True)
    assert page.count("<svg") >= 2
    assert "Mutualiser les invitations" in page


def test_demo_referent_finds_the_returned_audit_and_may_answer(db, demo, app):
    referent = db.session.scalar(select(User).where(User.email == "carlos.mendoza-quispe@example.org"))
    client = sign_in_client(app, referent)
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert "Alliance Française de Lima" in dashboard
    audit = db.session.scalar(select(Audit).where(Audit.state == AuditState.RETURNED))
    page = client.get(f"/checklists/audits/{audit.uid}/themes/ENV-STR").get_data(as_text=True)
    assert f'action="/checklists/audits/{audit.uid}/items/ENV-STR-01"' in page

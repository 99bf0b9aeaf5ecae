"""A mature action plan: cost band and expected effect, evidence of completion (checked by content, downloaded by
those who may see the audit), a reason to drop, the auditor's agreement, the audit log, and next year's view."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from checklists.models import Action, ActionEvidence, ActionStatus, CostBand
from sonores_lms.audit.models import AuditEntry

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def plan(app, db, make_audit, create_institute, director_of, client_as, tmp_path, monkeypatch):
    from tests.fixtures.users import sign_in_client

    monkeypatch.setitem(app.config, "CHECKLISTS_UPLOAD_FOLDER", str(tmp_path / "evidence"))
    institute = create_institute(name="Alliance Française de Arequipa", country="PE")
    director = director_of(institute)
    audit = make_audit(institute, year=2026, state="validated")
    action = Action(audit_id=audit.id, title="Compost with the city", item_codes=["ENV-STR-03"], priority=3.0)
    db.session.add(action)
    db.session.flush()
    return SimpleNamespace(
        audit=audit,
        institute=institute,
        director=director,
        action=action,
        client=sign_in_client(app, director),
        auditor=client_as("auditor"),
    )


def _page(client, audit) -> str:
    return client.get(f"/checklists/audits/{audit.uid}/results").get_data(as_text=True)


def test_an_action_takes_a_cost_band_and_an_expected_effect(plan, db):
    response = plan.client.post(
        f"/checklists/audits/{plan.audit.uid}/actions",
        data={
            "title": "Pool the jazz invitations",
            "codes": ["ENV-STR-03"],
            "cost_band": "under-500",
            "expected_effect": "ENV-MOB-02 -30 % per event",
        },
    )
    assert response.status_code == 302
    added = db.session.scalar(select(Action).where(Action.title == "Pool the jazz invitations"))
    assert (added.cost_band, added.expected_effect) == (CostBand.UNDER_500, "ENV-MOB-02 -30 % per event")
    page = _page(plan.client, plan.audit)
    assert "Under 500 USD" in page and "ENV-MOB-02 -30 % per event" in page
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "checklists.action-added"))
    assert entry.details["cost_band"] == "under-500"


def test_an_unknown_cost_band_or_a_long_effect_is_refused_with_its_message(plan, db):
    url = f"/checklists/audits/{plan.audit.uid}/actions"
    bad = plan.client.post(url, data={"title": "Solar panels", "codes": ["ENV-STR-03"], "cost_band": "millions"})
    assert bad.status_code == 400
    assert "Not a valid choice" in bad.get_data(as_text=True)
    long = plan.client.post(url, data={"title": "Solar panels", "codes": ["ENV-STR-03"], "expected_effect": "x" * 301})
    assert long.status_code == 400
    assert "300" in long.get_data(as_text=True)
    assert db.session.scalar(select(Action).where(Action.title == "Solar panels")) is None


def test_done_needs_evidence_or_a_comment(plan, db):
    url = f"/checklists/actions/{plan.action.uid}"
    refused = plan.client.post(url, data={"status": "done"})
    assert refused.status_code == 400
    assert "Attach evidence of completion, or say in a comment how it was done." in refused.get_data(as_text=True)
    db.session.refresh(plan.action)
    assert plan.action.status == ActionStatus.PLANNED
    # Proportionate for a small institute: a director's note is enough.
    ok = plan.client.post(url, data={"status": "done", "note": "Bins delivered, photo on the wall."})
    assert ok.status_code == 302
    db.session.refresh(plan.action)
    assert (plan.action.status, plan.action.completion_note) == (
        ActionStatus.DONE,
        "Bins delivered, photo on the wall.",
    )


def test_dropping_needs_a_reason_kept_only_while_dropped(plan, db):
    url = f"/checklists/actions/{plan.action.uid}"
    refused = plan.client.post(url, data={"status": "dropped"})
    assert refused.status_code == 400
    assert "Say why this action is dropped." in refused.get_data(as_text=True)
    assert (
        plan.client.post(url, data={"status": "dropped", "drop_reason": "The city stopped collecting."}).status_code
        == 302
    )
    db.session.refresh(plan.action)
    assert (plan.action.status, plan.action.drop_reason) == (ActionStatus.DROPPED, "The city stopped collecting.")
    assert "Dropped because: The city stopped collecting." in _page(plan.client, plan.audit)
    assert plan.client.post(url, data={"status": "in-progress", "drop_reason": "ignored"}).status_code == 302
    db.session.refresh(plan.action)
    assert plan.action.drop_reason is None
    logged = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "checklists.action-updated").order_by(AuditEntry.id)
    ).all()
    assert [entry.details["status"] for entry in logged] == ["dropped", "in-progress"]
    assert logged[0].details["drop_reason"] == "The city stopped collecting."


def test_completion_evidence_is_checked_by_content_and_stored(plan, db):
    url = f"/checklists/actions/{plan.action.uid}"
    liar = plan.client.post(url, data={"status": "done", "file": (io.BytesIO(b"MZ not a pdf"), "letter.pdf")})
    assert liar.status_code == 400
    assert "not accepted" in liar.get_data(as_text=True)
    assert db.session.scalar(select(ActionEvidence.id)) is None
    db.session.refresh(plan.action)
    assert plan.action.status == ActionStatus.PLANNED
    good = plan.client.post(url, data={"status": "done", "file": (io.BytesIO(PDF), "letter from the city.pdf")})
    assert good.status_code == 302
    evidence = db.session.scalar(select(ActionEvidence))
    assert (evidence.filename, evidence.content_type, evidence.size) == (
        "letter from the city.pdf",
        "application/pdf",
        len(PDF),
    )
    assert len(evidence.uid) == 32 and str(evidence.id) != evidence.uid
    assert (
        db.session.scalar(select(AuditEntry.id).where(AuditEntry.action == "checklists.action-evidence-added"))
        is not None
    )
    page = _page(plan.client, plan.audit)
    assert f"/checklists/action-evidence/{evidence.uid}" in page
    # Done again later without a new file: the stored one is the evidence.
    assert plan.client.post(url, data={"status": "done"}).status_code == 302


def test_completion_evidence_too_large_is_413(plan, app, monkeypatch):
    monkeypatch.setitem(app.config, "CHECKLISTS_UPLOAD_MAX", 10)
    response = plan.client.post(
        f"/checklists/actions/{plan.action.uid}", data={"status": "done", "file": (io.BytesIO(PDF), "letter.pdf")}
    )
    assert response.status_code == 413


def test_completion_evidence_download_for_each_role(plan, db, app, client_as, create_user, create_institute):
    from tests.fixtures.users import sign_in_client

    plan.client.post(
        f"/checklists/actions/{plan.action.uid}", data={"status": "done", "file": (io.BytesIO(PDF), "letter.pdf")}
    )
    evidence = db.session.scalar(select(ActionEvidence))
    url = f"/checklists/action-evidence/{evidence.uid}"
    other = create_institute(name="Alliance Française de Cusco", country="PE")
    clients = {
        "director": plan.client,
        "network auditor": plan.auditor,
        "network admin": client_as("admin"),
        "staff of the institute": sign_in_client(app, create_user(institute_id=plan.institute.id)),
        "trainer": client_as("trainer"),
        "director of another institute": sign_in_client(app, create_user(roles=[("admin", other)])),
        "auditor assigned elsewhere": sign_in_client(app, create_user(roles=[("auditor", other)])),
    }
    statuses = {}
    for who, client in clients.items():
        response = client.get(url)
        statuses[who] = response.status_code
        if response.status_code == 200:
            assert response.data == PDF
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        response.close()
    assert statuses == {
        "director": 200,
        "network auditor": 200,
        "network admin": 200,
        "staff of the institute": 404,
        "trainer": 404,
        "director of another institute": 404,
        "auditor assigned elsewhere": 404,
    }
    assert plan.client.get("/checklists/action-evidence/" + "0" * 32).status_code == 404
    from flask.testing import FlaskClient

    anonymous: FlaskClient = app.test_client()
    assert anonymous.get(url).status_code == 302


def test_the_auditor_agrees_with_the_plan_and_it_shows(plan, db):
    url = f"/checklists/audits/{plan.audit.uid}/actions/agree"
    assert plan.client.post(url).status_code == 403  # the director does not agree with their own plan
    assert "The auditor has not agreed with this plan yet." in _page(plan.client, plan.audit)
    assert plan.auditor.post(url).status_code == 302
    db.session.refresh(plan.action)
    assert plan.action.agreed_at is not None and plan.action.agreed_by_id == plan.auditor.user.id
    page = _page(plan.client, plan.audit)
    assert "The auditor agreed with this plan." in page
    assert f"Agreed by {plan.auditor.user.full_name}" in page
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "checklists.action-plan-agreed"))
    assert entry.details == {"uid": plan.audit.uid, "actions": 1}
    # An action added afterwards waits for a new agreement.
    plan.client.post(
        f"/checklists/audits/{plan.audit.uid}/actions", data={"title": "Loop in the hall", "codes": ["ENV-STR-01"]}
    )
    assert "The auditor agreed with part of this plan" in _page(plan.client, plan.audit)


def test_next_year_shows_last_years_new_fields(plan, db, make_audit):
    plan.client.post(
        f"/checklists/actions/{plan.action.uid}",
        data={
            "status": "done",
            "cost_band": "500-5000",
            "expected_effect": "ENV-WST-01 confirmed outlet",
            "file": (io.BytesIO(PDF), "letter.pdf"),
        },
    )
    plan.auditor.post(f"/checklists/audits/{plan.audit.uid}/actions/agree")
    later = make_audit(plan.institute, year=2027, state="in-progress", template=plan.audit.campaign.template)
    page = _page(plan.client, later)
    last_year = page[page.index("checklists-last-year") :]
    evidence = db.session.scalar(select(ActionEvidence))
    assert "Compost with the city" in last_year
    assert "500 to 5,000 USD" in last_year
    assert "ENV-WST-01 confirmed outlet" in last_year
    assert f"/checklists/action-evidence/{evidence.uid}" in last_year
    assert "Agreed by" in last_year

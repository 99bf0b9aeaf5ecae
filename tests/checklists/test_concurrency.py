"""Two people saving the same item at once, against the app served for real: one save wins, the other gets the
409 page with both answers; never a silent overwrite, never a 500 (row lock on PostgreSQL, the write lock and the
version column on SQLite)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from tests.core.test_concurrency import Visitor, all_at_once
from tests.fixtures.users import PASSWORD


@pytest.fixture
def live_audit(live_app: Any) -> dict[str, Any]:
    import secrets

    from checklists.models import Audit, AuditState, Campaign, Referent
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute, InstituteKind
    from sonores_lms.people.models import RoleAssignment, User
    from sonores_lms.permissions import Role
    from tests.fixtures.checklists import SMALL_TEMPLATE, build_template

    token = secrets.token_hex(3)
    with live_app.app_context():
        institute = Institute(
            kind=InstituteKind.ALLIANCE, name=f"AF {token}", country="CO", city="Cali", timezone="America/Bogota"
        )
        db.session.add(institute)
        db.session.flush()
        people = []
        for n, role in enumerate(("admin", "staff")):
            user = User(email=f"c{n}-{token}@example.org", first_name="C", last_name=str(n), institute_id=institute.id)
            user.set_password(PASSWORD)
            user.role_assignments.append(RoleAssignment(role=Role(role), institute_id=institute.id))
            db.session.add(user)
            db.session.flush()
            people.append(user.email)
            if role == "staff":
                db.session.add(Referent(institute_id=institute.id, user_id=user.id))
        template = build_template({**SMALL_TEMPLATE, "code": f"conc-{token}"})
        db.session.flush()
        campaign = Campaign(
            template_id=template.id,
            year=2027,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
            self_deadline=date(2027, 4, 30),
            review_deadline=date(2027, 6, 30),
        )
        db.session.add(campaign)
        db.session.flush()
        audit = Audit(campaign_id=campaign.id, institute_id=institute.id, state=AuditState.IN_PROGRESS)
        db.session.add(audit)
        db.session.commit()
        return {"uid": audit.uid, "people": people, "id": audit.id}


@pytest.mark.parametrize("round_", range(3))
def test_two_people_saving_one_item_at_once_get_one_save_and_one_conflict(live_server, live_audit, round_):
    from checklists.models import Answer, AnswerChange, Item
    from sonores_lms.extensions import db

    theme = f"/checklists/audits/{live_audit['uid']}/themes/ENV-STR"
    url = f"/checklists/audits/{live_audit['uid']}/items/ENV-STR-02"
    with live_server.app.app_context():
        answer = db.session.scalar(
            select(Answer).join(Item).where(Answer.audit_id == live_audit["id"], Item.code == "ENV-STR-02")
        )
        version = str(answer.version) if answer else ""
    visitors = []
    for email, choice in zip(live_audit["people"], ("yes", "no"), strict=True):
        visitor = Visitor(live_server.url)
        visitor.sign_in(email, PASSWORD)
        status, page = visitor.request(theme)
        assert status == 200
        visitor.data = {
            "csrf_token": re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1),
            "ENV-STR-02-choice": choice,
            "ENV-STR-02-version": version,
        }
        visitors.append(visitor)
    results = all_at_once([(lambda v=v: v.request(url, v.data)) for v in visitors])
    statuses = sorted(status for status, _page in results)
    assert statuses == [302, 409], statuses
    loser = next(page for status, page in results if status == 409)
    winner = next(v for v, (status, _p) in zip(visitors, results, strict=True) if status == 302)
    with live_server.app.app_context():
        answer = db.session.scalar(
            select(Answer).join(Item).where(Answer.audit_id == live_audit["id"], Item.code == "ENV-STR-02")
        )
        assert answer.value == {"choice": winner.data["ENV-STR-02-choice"]}
        changes = db.session.scalars(select(AnswerChange).where(AnswerChange.answer_id == answer.id)).all()
        assert changes[-1].after == answer.value
    assert "Keep my answer" in loser or "Garder ma réponse" in loser


def test_two_people_saving_different_items_at_once_both_save(live_server, live_audit):
    from checklists.models import Answer
    from sonores_lms.extensions import db

    visitors = []
    for email, code in zip(live_audit["people"], ("ENV-STR-01", "ENV-STR-02"), strict=True):
        visitor = Visitor(live_server.url)
        visitor.sign_in(email, PASSWORD)
        token = visitor.token(f"/checklists/audits/{live_audit['uid']}/themes/ENV-STR")
        visitor.url = f"/checklists/audits/{live_audit['uid']}/items/{code}"
        visitor.data = {"csrf_token": token, f"{code}-choice": "yes", f"{code}-version": ""}
        visitors.append(visitor)
    results = all_at_once([(lambda v=v: v.request(v.url, v.data)[0]) for v in visitors])
    assert results == [302, 302]
    with live_server.app.app_context():
        saved = db.session.scalars(select(Answer.value).where(Answer.audit_id == live_audit["id"])).all()
    assert saved == [{"choice": "yes"}, {"choice": "yes"}]

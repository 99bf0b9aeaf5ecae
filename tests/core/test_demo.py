from __future__ import annotations

from zoneinfo import available_timezones

import pytest
from sqlalchemy import func, select

from sonores_lms.audit.models import AuditEntry
from sonores_lms.config import LANGUAGES
from sonores_lms.demo import load_demo
from sonores_lms.demo_data import DEMO_PASSWORD, INSTITUTES, PEOPLE, TERRITORIES
from sonores_lms.institutes.models import Institute
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role
from sonores_lms.plugins import Plugin


def _counts(db):
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Institute, User, RoleAssignment, AuditEntry)
    }


@pytest.fixture
def demo(db):
    return load_demo()


def test_second_run_changes_nothing(db, demo):
    first = _counts(db)
    assert first["Institute"] == len(INSTITUTES) >= 30
    assert first["User"] == len(PEOPLE) >= 18
    assert demo.created_people == len(PEOPLE)
    snapshot = {u.email: (u.password_hash, u.version, u.active) for u in db.session.scalars(select(User))}

    again = load_demo()

    assert _counts(db) == first
    assert (again.created_institutes, again.created_people) == (0, 0)
    assert {u.email: (u.password_hash, u.version, u.active) for u in db.session.scalars(select(User))} == snapshot


def test_every_territory_has_an_institute_with_a_real_time_zone(db, demo):
    institutes = db.session.scalars(select(Institute)).all()
    assert {i.country for i in institutes} == set(TERRITORIES)
    assert len(TERRITORIES) == 23
    zones = available_timezones()
    assert [i.name for i in institutes if i.timezone not in zones] == []
    assert all(i.languages for i in institutes)
    per_country = {code: sum(i.country == code for i in institutes) for code in TERRITORIES}
    assert max(per_country.values()) <= 3


def test_every_role_is_represented_and_people_fit_their_institute(db, demo):
    people = db.session.scalars(select(User)).all()
    held = {(a.role, a.institute_id is not None) for u in people for a in u.role_assignments}
    for role in Role:
        assert (role, False) in held, role
    assert (Role.ADMIN, True) in held  # an institute director
    for user in people:
        assert user.locale in LANGUAGES
        assert user.locale in user.institute.languages, user.email
        assert user.timezone == user.institute.timezone
    by_email = {u.email: u for u in people}
    assert by_email["lucas.oliveira-santos@example.org"].locale == "pt"
    assert by_email["natasha.campbell@example.org"].locale == "en"
    assert by_email["marie-claire.joseph@example.org"].locale == "fr"


def test_printed_accounts_sign_in_with_the_demo_password(app, db, demo):
    assert len(demo.password) >= 12
    roles = [role for role, _email in demo.by_role]
    assert roles == ["staff", "trainer", "admin", "director", "auditor"]
    emails = dict(demo.by_role)
    director = db.session.scalar(select(User).where(User.email == emails["director"]))
    assert director.has_role(Role.ADMIN, director.institute_id)
    assert not director.has_role(Role.ADMIN)  # not network-wide
    for _role, email in demo.by_role:
        client = app.test_client()
        response = client.post("/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert response.headers["Location"] == "/dashboard"


def test_rerun_keeps_changed_password_deactivation_and_edits(db, demo):
    people = {u.email: u for u in db.session.scalars(select(User))}
    changed = people["mateo.fernandez@example.org"]
    changed.set_password("my very own new password")
    gone = people["kemar.thompson@example.org"]
    gone.active = False
    institute = db.session.scalar(select(Institute).where(Institute.name == "Alliance Française de Lima"))
    institute.city = "Lima (Miraflores)"
    db.session.flush()

    load_demo()
    db.session.expire_all()

    assert changed.check_password("my very own new password")
    assert not changed.check_password(DEMO_PASSWORD)
    assert gone.active is False
    assert institute.city == "Lima (Miraflores)"


def test_enabled_plugins_add_their_demo_data(app, db, monkeypatch):
    calls = []
    fake = Plugin(name="demoplugin", title="Demo plugin", demo=lambda: calls.append("loaded"))
    quiet = Plugin(name="quietplugin", title="No demo")
    registry = app.extensions["sonores"].plugins
    monkeypatch.setitem(registry, "demoplugin", fake)
    monkeypatch.setitem(registry, "quietplugin", quiet)
    load_demo()
    assert calls == ["loaded"]

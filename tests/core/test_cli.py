from __future__ import annotations

from sqlalchemy import func, select

from sonores_lms.demo_data import DEMO_PASSWORD
from sonores_lms.people.models import User
from sonores_lms.permissions import Role


def _create_admin(app, email, password):
    runner = app.test_cli_runner()
    args = ["sonores", "create-admin", "--email", email, "--first-name", "Rosa", "--last-name", "Núñez"]
    return runner.invoke(args=[*args, "--password", password])


def _find(db, email):
    return db.session.scalar(select(User).where(User.email == email))


def test_create_admin_refuses_a_short_password(app, db):
    result = _create_admin(app, "rosa@example.org", "short")
    assert result.exit_code != 0
    assert "at least 12 characters" in result.output
    assert _find(db, "rosa@example.org") is None


def test_create_admin_creates_a_network_admin(app, db):
    result = _create_admin(app, "Rosa@Example.org", "a long enough password")
    assert result.exit_code == 0, result.output
    assert "rosa@example.org is a network administrator." in result.output
    user = _find(db, "rosa@example.org")
    assert user.has_role(Role.ADMIN)
    assert user.check_password("a long enough password")
    assert user.can("core.manage-institutes")


def test_create_admin_promotes_an_existing_person(app, db, create_user):
    existing = create_user("staff.person@example.org", roles=["staff"])
    result = _create_admin(app, "staff.person@example.org", "another long password")
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert existing.roles == {Role.STAFF, Role.ADMIN}
    assert db.session.scalar(select(func.count()).select_from(User).where(User.email == existing.email)) == 1


def test_demo_command_prints_one_account_per_role(app, db):
    result = app.test_cli_runner().invoke(args=["sonores", "demo"])
    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output
    for role in ("staff", "trainer", "admin", "director", "auditor"):
        assert f"  {role} " in result.output
    again = app.test_cli_runner().invoke(args=["sonores", "demo"])
    assert "(0 institutes and 0 people added)" in again.output

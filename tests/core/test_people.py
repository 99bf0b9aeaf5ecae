from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from sonores_lms import signals
from sonores_lms.audit.models import AuditEntry
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role
from tests.fixtures.users import PASSWORD

PAGES = [
    ("get", "/admin/people/"),
    ("get", "/admin/people/{id}"),
    ("get", "/admin/people/invite"),
    ("post", "/admin/people/invite"),
    ("get", "/admin/people/{id}/edit"),
    ("post", "/admin/people/{id}/edit"),
    ("post", "/admin/people/{id}/roles"),
    ("post", "/admin/people/{id}/roles/{assignment}/remove"),
    ("post", "/admin/people/{id}/resend-invitation"),
    ("post", "/admin/people/{id}/deactivate"),
    ("post", "/admin/people/{id}/reactivate"),
    ("get", "/admin/people/import"),
    ("post", "/admin/people/import"),
    ("get", "/admin/people/import/1"),
    ("post", "/admin/people/import/1/confirm"),
    ("post", "/admin/people/import/1/cancel"),
]


def count_people(db) -> int:
    return db.session.scalar(select(func.count(User.id)))


def actions(db, user) -> list[str]:
    query = select(AuditEntry.action).where(AuditEntry.target_type == "User", AuditEntry.target_id == user.id)
    return list(db.session.scalars(query))


@pytest.fixture
def captured():
    """Signals sent during the test."""
    seen: list[tuple[str, object, dict]] = []

    def on_roles(sender, **kwargs):
        seen.append(("roles", sender, kwargs))

    def on_deactivated(sender, **kwargs):
        seen.append(("deactivated", sender.id, {"actor": kwargs["actor"].id}))

    signals.user_roles_changed.connect(on_roles)
    signals.user_deactivated.connect(on_deactivated)
    yield seen
    signals.user_roles_changed.disconnect(on_roles)
    signals.user_deactivated.disconnect(on_deactivated)


# -- access -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["staff", "trainer", "auditor"])
def test_non_admins_get_403_everywhere(client_as, create_user, role):
    person = create_user(password=None)
    client = client_as(role)
    for method, url in PAGES:
        url = url.format(id=person.id, assignment=person.role_assignments[0].id)
        assert getattr(client, method)(url).status_code == 403, (method, url)


def test_anonymous_is_sent_to_sign_in(client, create_user):
    person = create_user()
    for method, url in PAGES:
        url = url.format(id=person.id, assignment=person.role_assignments[0].id)
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert "/sign-in" in response.headers["Location"]


def test_unknown_person_is_404(admin_client):
    assert admin_client.get("/admin/people/999999").status_code == 404


# -- list ---------------------------------------------------------------------------------------------------------
def test_list_filters(admin_client, create_user, create_institute):
    lima = create_institute(name="AF Lima", country="PE", timezone="America/Lima")
    create_user("ana@example.org", first_name="Ana", last_name="Quispe", institute_id=lima.id)
    create_user("bruno@example.org", first_name="Bruno", last_name="Silva", roles=["trainer"])
    create_user("carla@example.org", first_name="Carla", last_name="Gómez", active=False)

    def names(query):
        page = admin_client.get("/admin/people/" + query).get_data(as_text=True)
        return {n for n in ("Quispe", "Silva", "Gómez") if n in page}

    assert names("") == {"Quispe", "Silva"}  # active people by default
    assert names("?active=") == {"Quispe", "Silva", "Gómez"}
    assert names("?active=no") == {"Gómez"}
    assert names("?q=BRUNO") == {"Silva"}
    assert names("?q=ana+quis") == {"Quispe"}
    assert names(f"?institute={lima.id}") == {"Quispe"}
    assert names("?role=trainer") == {"Silva"}
    assert admin_client.get("/admin/people/?institute=abc&role=king&page=x").status_code == 200


def test_list_paginates(admin_client, create_user):
    for n in range(30):
        create_user(f"p{n:02d}@example.org", last_name=f"Zz{n:02d}")
    first = admin_client.get("/admin/people/?q=zz").get_data(as_text=True)
    second = admin_client.get("/admin/people/?q=zz&page=2").get_data(as_text=True)
    assert "Zz00" in first and "Zz29" not in first
    assert "Zz29" in second and "Zz00" not in second
    assert 'rel="next"' in first


def test_list_query_count_is_constant(admin_client, create_user, create_institute, count_queries):
    def add(n):
        for _ in range(n):
            institute = create_institute()
            create_user(institute_id=institute.id, roles=["staff", ("trainer", institute)])

    add(3)
    admin_client.get("/admin/people/")
    with count_queries() as few:
        assert admin_client.get("/admin/people/").status_code == 200
    add(27)
    with count_queries() as many:
        assert admin_client.get("/admin/people/").status_code == 200
    assert many.count == few.count


# -- detail -------------------------------------------------------------------------------------------------------
def test_detail_shows_roles_sign_in_and_audit(client_as, create_user, create_institute, db):
    from datetime import UTC, datetime

    admin = client_as("admin", timezone="America/Lima", locale="en")
    institute = create_institute(name="AF Port-au-Prince")
    person = create_user(roles=[("trainer", institute)], institute_id=institute.id)
    person.last_sign_in_at = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
    db.session.flush()
    admin.post(f"/admin/people/{person.id}/roles", data={"role": "auditor", "institute_id": "0"})
    page = admin.get(f"/admin/people/{person.id}").get_data(as_text=True)
    assert "Trainer" in page and "AF Port-au-Prince" in page
    assert "10:30" in page  # 15:30 UTC shown in Lima
    assert "core.role-granted" in page


# -- invitations --------------------------------------------------------------------------------------------------
def test_invite_mails_a_working_link(client_as, create_institute, outbox, db, app):
    admin = client_as("admin", first_name="Inés", last_name="Admin")
    institute = create_institute(name="AF Santiago", country="CL", timezone="America/Santiago")
    response = admin.post(
        "/admin/people/invite",
        data={
            "email": "New.Person@Example.org",
            "first_name": "Nuria",
            "last_name": "Nueva",
            "locale": "es",
            "institute_id": str(institute.id),
            "roles": ["staff", "trainer"],
            "role_scope": "0",
        },
    )
    assert response.status_code == 302
    person = db.session.execute(select(User).filter_by(email="new.person@example.org")).scalar_one()
    assert person.password_hash is None
    assert person.institute_id == institute.id
    assert {(a.role, a.institute_id) for a in person.role_assignments} == {(Role.STAFF, None), (Role.TRAINER, None)}
    assert len(outbox) == 1
    mail = outbox[0]
    assert mail.to == ["new.person@example.org"]
    assert "Nuria" in mail.body and "Inés Admin" in mail.body
    link = re.search(r"http://localhost(/invitation/\S+)", mail.body).group(1)
    assert {"core.person-invited", "core.invitation-sent"} <= set(actions(db, person))

    guest = app.test_client()
    assert guest.get(link).status_code == 200
    new = "my own long password"
    assert guest.post(link, data={"password": new, "confirm": new}).status_code == 302
    guest.post("/sign-out")
    assert guest.post("/sign-in", data={"email": "new.person@example.org", "password": new}).status_code == 302
    assert guest.get(link).status_code == 404  # used once


def test_invite_existing_email_rerenders(admin_client, create_user, outbox, db):
    create_user("taken@example.org")
    before = count_people(db)
    response = admin_client.post(
        "/admin/people/invite",
        data={"email": "TAKEN@example.org", "first_name": "T", "last_name": "K", "locale": "fr", "institute_id": "0",
              "role_scope": "0", "roles": ["staff"]},
    )  # fmt: skip
    assert response.status_code == 200
    assert "already has this email" in response.get_data(as_text=True)
    assert count_people(db) == before
    assert outbox == []


def test_resend_invitation_only_without_password(admin_client, create_user, outbox):
    invited = create_user(password=None)
    member = create_user()
    assert admin_client.post(f"/admin/people/{invited.id}/resend-invitation").status_code == 302
    assert len(outbox) == 1 and outbox[0].to == [invited.email]
    admin_client.post(f"/admin/people/{member.id}/resend-invitation")
    assert len(outbox) == 1


# -- editing ------------------------------------------------------------------------------------------------------
def edit_data(person, **overrides):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "job_title": "",
        "locale": "fr",
        "timezone": "",
        "institute_id": str(person.institute_id or 0),
        "version": str(person.version),
    }
    data.update(overrides)
    return data


def test_edit_person(admin_client, create_user, db):
    person = create_user()
    response = admin_client.post(
        f"/admin/people/{person.id}/edit",
        data=edit_data(person, first_name="Renamed", timezone="America/Mexico_City", job_title="Librarian"),
    )
    assert response.status_code == 302
    db.session.refresh(person)
    assert (person.first_name, person.timezone, person.job_title) == ("Renamed", "America/Mexico_City", "Librarian")
    assert "core.person-updated" in actions(db, person)


def test_edit_duplicate_email_rerenders(admin_client, create_user, db):
    create_user("first@example.org")
    person = create_user("second@example.org")
    response = admin_client.post(f"/admin/people/{person.id}/edit", data=edit_data(person, email="FIRST@example.org"))
    assert response.status_code == 200
    assert "already has this email" in response.get_data(as_text=True)
    db.session.refresh(person)
    assert person.email == "second@example.org"


def test_edit_stale_version_is_409(admin_client, create_user, db):
    person = create_user(first_name="Old")
    stale = edit_data(person, first_name="Mine")
    person.first_name = "Theirs"
    db.session.flush()  # someone else saved in between: version 2
    assert admin_client.post(f"/admin/people/{person.id}/edit", data=stale).status_code == 409
    db.session.refresh(person)
    assert person.first_name == "Theirs"


# -- roles --------------------------------------------------------------------------------------------------------
def test_grant_and_revoke_role(admin_client, create_user, create_institute, db, captured):
    institute = create_institute()
    person = create_user()
    response = admin_client.post(
        f"/admin/people/{person.id}/roles", data={"role": "trainer", "institute_id": str(institute.id)}
    )
    assert response.status_code == 302
    db.session.refresh(person)
    assignment = next(a for a in person.role_assignments if a.role == Role.TRAINER)
    assert assignment.institute_id == institute.id
    assignment_id = assignment.id
    assert admin_client.post(f"/admin/people/{person.id}/roles/{assignment_id}/remove").status_code == 302
    db.session.expire_all()
    assert db.session.get(RoleAssignment, assignment_id) is None
    assert {"core.role-granted", "core.role-revoked"} <= set(actions(db, person))
    kinds = [(kind, kwargs["added"], kwargs["removed"]) for kind, _sender, kwargs in captured if kind == "roles"]
    assert kinds == [
        ("roles", {(Role.TRAINER, institute.id)}, set()),
        ("roles", set(), {(Role.TRAINER, institute.id)}),
    ]


def test_granting_a_held_role_rerenders(admin_client, create_user):
    person = create_user(roles=["trainer"])
    response = admin_client.post(f"/admin/people/{person.id}/roles", data={"role": "trainer", "institute_id": "0"})
    assert response.status_code == 200
    assert "already holds this role" in response.get_data(as_text=True)


def test_last_network_admin_cannot_lose_the_role(admin_client, db):
    admin = admin_client.user
    assignment = admin.role_assignments[0]
    admin_client.post(f"/admin/people/{admin.id}/roles/{assignment.id}/remove")
    db.session.expire_all()
    assert db.session.get(RoleAssignment, assignment.id) is not None
    page = admin_client.get(f"/admin/people/{admin.id}").get_data(as_text=True)
    assert "at least one active administrator" in page


def test_an_admin_can_go_when_another_remains(admin_client, create_user, db):
    other = create_user(roles=["admin"])
    assignment = other.role_assignments[0]
    assignment_id = assignment.id
    admin_client.post(f"/admin/people/{other.id}/roles/{assignment_id}/remove")
    db.session.expire_all()
    assert db.session.get(RoleAssignment, assignment_id) is None


# -- directors ----------------------------------------------------------------------------------------------------
@pytest.fixture
def director(client_as, create_institute):
    mine = create_institute(name="AF Mine")
    theirs = create_institute(name="AF Theirs")
    client = client_as(("admin", mine), institute_id=mine.id)
    client.mine, client.theirs = mine, theirs
    return client


def test_director_sees_only_own_institute(director, create_user):
    create_user(last_name="Insider", institute_id=director.mine.id)
    outsider = create_user(last_name="Outsider", institute_id=director.theirs.id)
    page = director.get("/admin/people/").get_data(as_text=True)
    assert "Insider" in page and "Outsider" not in page
    assert "AF Theirs" not in page  # not even in the filter
    for method, url in [page for page in PAGES if "{id}" in page[1]]:
        url = url.format(id=outsider.id, assignment=outsider.role_assignments[0].id)
        assert getattr(director, method)(url).status_code == 403, (method, url)


def test_director_cannot_grant_network_or_foreign_roles(director, create_user, db):
    person = create_user(institute_id=director.mine.id)
    network = director.post(f"/admin/people/{person.id}/roles", data={"role": "admin", "institute_id": "0"})
    foreign = director.post(
        f"/admin/people/{person.id}/roles", data={"role": "trainer", "institute_id": str(director.theirs.id)}
    )
    assert network.status_code == foreign.status_code == 200
    db.session.refresh(person)
    assert person.roles == {Role.STAFF}
    ok = director.post(
        f"/admin/people/{person.id}/roles", data={"role": "trainer", "institute_id": str(director.mine.id)}
    )
    assert ok.status_code == 302
    db.session.refresh(person)
    assert (Role.TRAINER, director.mine.id) in {(a.role, a.institute_id) for a in person.role_assignments}


def test_director_cannot_revoke_network_roles(director, create_user, db):
    person = create_user(institute_id=director.mine.id, roles=["trainer"])
    assignment = person.role_assignments[0]
    director.post(f"/admin/people/{person.id}/roles/{assignment.id}/remove")
    db.session.expire_all()
    assert db.session.get(RoleAssignment, assignment.id) is not None


def test_director_invites_into_own_institute_only(director, outbox, db):
    data = {"email": "d1@example.org", "first_name": "D", "last_name": "One", "locale": "pt",
            "institute_id": str(director.theirs.id), "role_scope": "-1", "roles": ["staff"]}  # fmt: skip
    assert director.post("/admin/people/invite", data=data).status_code == 200
    assert db.session.execute(select(User).filter_by(email="d1@example.org")).scalar_one_or_none() is None
    network = {**data, "institute_id": str(director.mine.id), "role_scope": "0"}
    assert director.post("/admin/people/invite", data=network).status_code == 200
    good = {**data, "institute_id": str(director.mine.id)}
    assert director.post("/admin/people/invite", data=good).status_code == 302
    person = db.session.execute(select(User).filter_by(email="d1@example.org")).scalar_one()
    assert {(a.role, a.institute_id) for a in person.role_assignments} == {(Role.STAFF, director.mine.id)}
    assert len(outbox) == 1


def test_director_cannot_move_someone_out(director, create_user, db):
    person = create_user(institute_id=director.mine.id)
    data = edit_data(person, institute_id=str(director.theirs.id))
    assert director.post(f"/admin/people/{person.id}/edit", data=data).status_code == 200
    db.session.refresh(person)
    assert person.institute_id == director.mine.id


def test_director_is_refused_institutes_pages(director):
    assert director.get("/admin/institutes/").status_code == 403


# -- deactivation -------------------------------------------------------------------------------------------------
def test_deactivate_ends_session_and_sign_in(admin_client, app, create_user, db, captured):
    person = create_user("leaving@example.org")
    theirs = app.test_client()
    assert theirs.post("/sign-in", data={"email": "leaving@example.org", "password": PASSWORD}).status_code == 302
    assert theirs.get("/dashboard").status_code == 200

    assert admin_client.post(f"/admin/people/{person.id}/deactivate").status_code == 302
    db.session.refresh(person)
    assert person.active is False and person.deactivated_at is not None
    assert "core.user-deactivated" in actions(db, person)
    assert [(kind, sender, kwargs["actor"]) for kind, sender, kwargs in captured] == [
        ("deactivated", person.id, admin_client.user.id)
    ]

    assert theirs.get("/dashboard").status_code == 302  # their session is over
    again = app.test_client()
    assert again.post("/sign-in", data={"email": "leaving@example.org", "password": PASSWORD}).status_code == 200

    assert admin_client.post(f"/admin/people/{person.id}/reactivate").status_code == 302
    db.session.refresh(person)
    assert person.active is True and person.deactivated_at is None


def test_cannot_deactivate_self(admin_client, db):
    admin = admin_client.user
    admin_client.post(f"/admin/people/{admin.id}/deactivate")
    db.session.refresh(admin)
    assert admin.active is True


def test_cannot_deactivate_last_network_admin(client_as, create_user, create_institute, db):
    institute = create_institute()
    lone_admin = create_user(roles=["admin"], institute_id=institute.id)
    # Another network admin's client: deactivating the lone one would leave one, so make that one inactive first.
    other = client_as("admin")
    other.user.active = False
    db.session.flush()
    # With the only other admin inactive, a director tries too and is refused as well.
    director = client_as(("admin", institute), institute_id=institute.id)
    director.post(f"/admin/people/{lone_admin.id}/deactivate")
    db.session.refresh(lone_admin)
    assert lone_admin.active is True

    from sonores_lms.people.services import PeopleError, deactivate_person

    with pytest.raises(PeopleError) as info:
        deactivate_person(lone_admin, actor=other.user)
    assert info.value.code == "last-admin"


def test_no_delete_route(app):
    assert not [rule for rule in app.url_map.iter_rules() if "people" in rule.endpoint and "delete" in rule.rule]
    assert not [
        rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("people.") and "DELETE" in rule.methods
    ]

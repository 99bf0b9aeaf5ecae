"""Security review: access marks, institute directors kept inside their institutes, escalation, mass assignment.

Tests marked ``xfail(strict=True)`` prove a known weakness; remove the mark with the fix.
"""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from sonores_lms.people.imports import ImportStatus, PeopleImport
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import ACCESS_ATTR, Role

PUBLIC_ENDPOINTS = {
    "static",
    "main.index",
    "main.set_language",
    "auth.sign_in",
    "auth.sign_out",
    "auth.forgot_password",
    "auth.reset_password",
    "auth.accept_invitation",
    # Anyone checks a certificate, and badge backpacks read its Open Badges assertion, class and issuer.
    "certificates.verify",
    "certificates.verify_form",
    "certificates.badge_assertion",
    "certificates.badge_class",
    "certificates.badge_image",
    "certificates.badge_issuer",
    # Feed readers cannot sign in: the feed of published resources, without what is for signed-in staff only.
    "knowledge.feed",
}


def edit_data(person, **changes):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "job_title": person.job_title or "",
        "locale": person.locale or "fr",
        "timezone": person.timezone or "",
        "institute_id": str(person.institute_id or 0),
        "version": str(person.version),
    }
    data.update(changes)
    return data


@pytest.fixture
def director(client_as, create_institute):
    mine = create_institute(name="AF Mine")
    theirs = create_institute(name="AF Theirs")
    client = client_as(("admin", mine), institute_id=mine.id)
    client.mine, client.theirs = mine, theirs
    return client


# -- access marks ---------------------------------------------------------------------------------------------------
def test_only_the_expected_routes_are_public(app):
    public = {endpoint for endpoint, view in app.view_functions.items() if getattr(view, ACCESS_ATTR) == "public"}
    assert public == PUBLIC_ENDPOINTS, "a new public route must be added here on purpose"


def test_every_admin_route_needs_a_permission(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/admin"):
            access = getattr(app.view_functions[rule.endpoint], ACCESS_ATTR)
            assert isinstance(access, tuple) and access[0] == "permission", rule.endpoint


def test_network_permissions_are_not_granted_by_an_institute_role(app, create_user, create_institute, db):
    institute = create_institute()
    director = create_user(roles=[("admin", institute)], institute_id=institute.id)
    for permission in ("core.manage-institutes", "core.view-audit-log", "core.manage-settings"):
        assert not director.can(permission)
        assert director.scope_of(permission) == set()
    assert director.can("core.manage-people", institute.id)
    assert not director.can("core.manage-people", institute.id + 1000)


# -- directors: IDOR --------------------------------------------------------------------------------------------------
def test_director_cannot_remove_a_role_through_another_persons_url(director, create_user, db):
    insider = create_user(institute_id=director.mine.id)
    outsider = create_user(roles=[("trainer", director.theirs)], institute_id=director.theirs.id)
    assignment = outsider.role_assignments[0]
    # the outsider's assignment id under the insider's URL: the pair must match
    response = director.post(f"/admin/people/{insider.id}/roles/{assignment.id}/remove")
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(RoleAssignment, assignment.id) is not None


def test_director_cannot_remove_a_role_held_in_another_institute(director, create_user, db):
    person = create_user(roles=[("staff", director.mine), ("trainer", director.theirs)], institute_id=director.mine.id)
    elsewhere = next(a for a in person.role_assignments if a.institute_id == director.theirs.id)
    director.post(f"/admin/people/{person.id}/roles/{elsewhere.id}/remove")
    db.session.expire_all()
    assert db.session.get(RoleAssignment, elsewhere.id) is not None


def test_imports_belong_to_their_creator(client_as, director, db):
    other_admin = client_as("admin")
    upload = other_admin.post(
        "/admin/people/import",
        data={"file": (io.BytesIO(b"email,first_name,last_name\nnew@example.org,New,Person\n"), "people.csv")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 302
    import_id = int(upload.headers["Location"].rsplit("/", 1)[1])
    for method, url in [
        ("get", f"/admin/people/import/{import_id}"),
        ("post", f"/admin/people/import/{import_id}/confirm"),
        ("post", f"/admin/people/import/{import_id}/cancel"),
    ]:
        assert getattr(director, method)(url).status_code == 403, url
    db.session.expire_all()
    assert db.session.get(PeopleImport, import_id).status == ImportStatus.PENDING
    assert db.session.scalar(select(User).where(User.email == "new@example.org")) is None


def test_director_import_cannot_touch_people_of_other_institutes(director, create_user, db):
    outsider = create_user("outsider@example.org", first_name="Out", institute_id=director.theirs.id)
    csv = b"email,first_name,last_name,roles\noutsider@example.org,Changed,Name,admin\n"
    upload = director.post(
        "/admin/people/import", data={"file": (io.BytesIO(csv), "p.csv")}, content_type="multipart/form-data"
    )
    import_id = int(upload.headers["Location"].rsplit("/", 1)[1])
    assert director.post(f"/admin/people/import/{import_id}/confirm", data={}).status_code == 302
    db.session.expire_all()
    outsider = db.session.get(User, outsider.id)
    assert outsider.first_name == "Out"
    assert outsider.roles == {Role.STAFF}


def test_director_import_grants_roles_only_in_their_institute(director, db):
    csv = b"email,first_name,last_name,roles,institute\nboss@example.org,Boss,Person,admin,AF Theirs\n"
    csv += b"boss2@example.org,Boss,Two,admin,\n"
    upload = director.post(
        "/admin/people/import", data={"file": (io.BytesIO(csv), "p.csv")}, content_type="multipart/form-data"
    )
    import_id = int(upload.headers["Location"].rsplit("/", 1)[1])
    director.post(f"/admin/people/import/{import_id}/confirm", data={})
    db.session.expire_all()
    assert db.session.scalar(select(User).where(User.email == "boss@example.org")) is None
    boss2 = db.session.scalar(select(User).where(User.email == "boss2@example.org"))
    assert {(a.role, a.institute_id) for a in boss2.role_assignments} == {(Role.ADMIN, director.mine.id)}


# -- directors: escalation --------------------------------------------------------------------------------------------
def test_director_cannot_invite_a_network_role_by_forging_the_scope(director, db, outbox):
    response = director.post(
        "/admin/people/invite",
        data={
            "email": "forged@example.org",
            "first_name": "For",
            "last_name": "Ged",
            "locale": "fr",
            "institute_id": str(director.mine.id),
            "roles": ["admin"],
            "role_scope": "0",  # "the whole network", not offered to directors
        },
    )
    assert response.status_code == 200
    assert db.session.scalar(select(User).where(User.email == "forged@example.org")) is None
    assert outbox == []


def test_director_cannot_make_themselves_a_network_admin(director, db):
    me = director.user
    response = director.post(f"/admin/people/{me.id}/roles", data={"role": "admin", "institute_id": "0"})
    assert response.status_code == 200
    db.session.expire_all()
    assert all(a.institute_id is not None for a in db.session.get(User, me.id).role_assignments)


def test_staff_cannot_touch_their_own_roles(client_as, db):
    staff = client_as("staff")
    response = staff.post(f"/admin/people/{staff.user.id}/roles", data={"role": "admin", "institute_id": "0"})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(User, staff.user.id).roles == {Role.STAFF}


def test_director_cannot_take_over_a_network_admin_of_their_institute(director, create_user, db, outbox):
    boss = create_user("boss@example.org", roles=["admin"], institute_id=director.mine.id)
    response = director.post(f"/admin/people/{boss.id}/edit", data=edit_data(boss, email="director.owns@example.org"))
    director.post("/password/forgot", data={"email": "director.owns@example.org"})
    assert not [mail for mail in outbox if mail.to == ["director.owns@example.org"]], "a reset link for the boss"
    db.session.expire_all()
    assert db.session.get(User, boss.id).email == "boss@example.org"
    assert response.status_code == 403


def test_director_cannot_edit_someone_who_holds_roles_elsewhere(director, create_user, db):
    other_director = create_user(roles=[("admin", director.theirs)], institute_id=director.mine.id)
    response = director.post(
        f"/admin/people/{other_director.id}/edit", data=edit_data(other_director, email="taken@example.org")
    )
    db.session.expire_all()
    assert db.session.get(User, other_director.id).email != "taken@example.org"
    assert response.status_code == 403


def test_director_cannot_deactivate_someone_who_holds_roles_elsewhere(director, create_user, db):
    other_director = create_user(roles=[("admin", director.theirs)], institute_id=director.mine.id)
    director.post(f"/admin/people/{other_director.id}/deactivate")
    db.session.expire_all()
    assert db.session.get(User, other_director.id).active is True


def test_director_cannot_deactivate_a_network_admin_of_their_institute(director, create_user, db):
    boss = create_user(roles=["admin"], institute_id=director.mine.id)
    director.post(f"/admin/people/{boss.id}/deactivate")
    db.session.expire_all()
    assert db.session.get(User, boss.id).active is True


def test_director_cannot_revoke_a_network_role(director, create_user, db):
    boss = create_user(roles=["admin"], institute_id=director.mine.id)
    assignment = boss.role_assignments[0]
    director.post(f"/admin/people/{boss.id}/roles/{assignment.id}/remove")
    db.session.expire_all()
    assert db.session.get(RoleAssignment, assignment.id) is not None


# -- mass assignment ------------------------------------------------------------------------------------------------
def test_profile_ignores_fields_it_does_not_offer(client_as, create_institute, db):
    other = create_institute(active=False)
    c = client_as("staff")
    me = c.user
    response = c.post(
        "/account/profile",
        data={
            "first_name": "Same",
            "last_name": "Person",
            "locale": "fr",
            "timezone": "",
            "institute_id": "0",
            "version": str(me.version),
            # not on the form:
            "email": "new@example.org",
            "active": "0",
            "password_hash": "x",
            "roles": "admin",
            "role": "admin",
            "id": "1",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    me = db.session.get(User, me.id)
    assert (me.first_name, me.email, me.active, me.roles) == ("Same", me.email, True, {Role.STAFF})
    assert me.email != "new@example.org" and me.check_password("correct horse battery staple")
    inactive = c.post(
        "/account/profile",
        data={
            "first_name": "A",
            "last_name": "B",
            "locale": "fr",
            "institute_id": str(other.id),
            "version": me.version,
        },
    )
    assert inactive.status_code == 302  # saved, but the institute is not a field of the profile
    db.session.expire_all()
    assert db.session.get(User, me.id).institute_id is None


def test_people_edit_ignores_fields_it_does_not_offer(admin_client, create_user, db):
    person = create_user("plain@example.org")
    response = admin_client.post(
        f"/admin/people/{person.id}/edit", data=edit_data(person, active="0", password_hash="x", role="admin")
    )
    assert response.status_code == 302
    db.session.expire_all()
    person = db.session.get(User, person.id)
    assert person.active is True and person.roles == {Role.STAFF}
    assert person.check_password("correct horse battery staple")


def test_a_forged_version_cannot_overwrite_a_newer_edit(admin_client, create_user, db):
    person = create_user("v@example.org", first_name="First")
    stale = edit_data(person, first_name="Stale")
    assert admin_client.post(f"/admin/people/{person.id}/edit", data=edit_data(person, first_name="New")).status_code
    assert admin_client.post(f"/admin/people/{person.id}/edit", data=stale).status_code == 409
    db.session.expire_all()
    assert db.session.get(User, person.id).first_name == "New"

"""Choosing an institute in a large network: one country's institutes at a time, a new country listed without
saving anything, and what is chosen now always kept (the ``many_institutes`` fixture lowers the limit)."""

from __future__ import annotations

import re

from sqlalchemy import select

from sonores_lms.people.models import RoleAssignment
from tests.core.test_people import edit_data


def options(page: str, name: str) -> list[str]:
    select_html = re.search(rf'<select[^>]* name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select_html is not None, name
    return re.findall(r"<option[^>]*>([^<]*)</option>", select_html.group(1))


def text(response) -> str:
    return response.get_data(as_text=True)


def test_a_small_network_lists_every_institute_without_a_country(admin_client, create_user, create_institute):
    jacmel = create_institute(name="Alliance Française de Jacmel")
    create_institute(name="Alliance Française de Mérida", country="MX")
    person = create_user(institute_id=jacmel.id)
    page = text(admin_client.get(f"/admin/people/{person.id}/edit"))
    assert 'name="institute_country"' not in page
    assert [o for o in options(page, "institute_id") if "Alliance" in o] == [
        "Alliance Française de Jacmel (Port-au-Prince)",
        "Alliance Française de Mérida (Port-au-Prince)",
    ]


def test_the_persons_country_is_listed_and_a_new_country_saves_nothing(admin_client, create_user, many_institutes, db):
    person = create_user(institute_id=many_institutes.jacmel.id, first_name="Nadège")
    page = text(admin_client.get(f"/admin/people/{person.id}/edit"))
    assert re.search(r'<option selected value="HT">', page)
    assert options(page, "institute_id") == [
        "No institute",
        "Alliance Française de Jacmel (Port-au-Prince)",
        "Alliance Française du Cap-Haïtien (Port-au-Prince)",
    ]
    # Mexico chosen, the form sent (by the button without JavaScript): Mexico's institutes, nothing saved.
    data = edit_data(person, first_name="Renamed", institute_country="MX", listed_country="HT")
    response = admin_client.post(f"/admin/people/{person.id}/edit", data=data)
    assert response.status_code == 200
    page = text(response)
    assert "The institutes of Mexico are listed: choose one, then send the form again." in page
    assert "Alliance Française de Mérida (Port-au-Prince)" in options(page, "institute_id")
    assert 'value="Renamed"' in page and 'aria-invalid="true"' not in page  # what was typed is kept, no error
    db.session.refresh(person)
    assert (person.first_name, person.institute_id) == ("Nadège", many_institutes.jacmel.id)
    # Then an institute of Mexico, sent with the country it was listed for: saved.
    data = edit_data(person, institute_id=str(many_institutes.merida.id), institute_country="MX", listed_country="MX")
    assert admin_client.post(f"/admin/people/{person.id}/edit", data=data).status_code == 302
    db.session.refresh(person)
    assert person.institute_id == many_institutes.merida.id


def test_an_institute_outside_the_listed_country_is_refused(admin_client, create_user, many_institutes, db):
    person = create_user(institute_id=many_institutes.jacmel.id)
    data = edit_data(person, institute_id=str(many_institutes.puebla.id), institute_country="HT", listed_country="HT")
    response = admin_client.post(f"/admin/people/{person.id}/edit", data=data)
    assert response.status_code == 200 and 'aria-invalid="true"' in text(response)
    db.session.refresh(person)
    assert person.institute_id == many_institutes.jacmel.id


def test_an_inactive_current_institute_stays_listed(admin_client, create_user, many_institutes, db):
    many_institutes.cap.active = False
    person = create_user(institute_id=many_institutes.cap.id)
    page = text(admin_client.get(f"/admin/people/{person.id}/edit"))
    assert "Alliance Française du Cap-Haïtien (Port-au-Prince)" in options(page, "institute_id")
    assert admin_client.post(f"/admin/people/{person.id}/edit", data=edit_data(person, institute_country="HT",
                             listed_country="HT")).status_code == 302  # fmt: skip


def test_inviting_starts_from_the_readers_country(client_as, many_institutes, db):
    admin = client_as("admin", institute_id=many_institutes.puebla.id)
    page = text(admin.get("/admin/people/invite"))
    assert re.search(r'<option selected value="MX">', page)
    assert options(page, "institute_id")[1:] == [
        "Alliance Française de Mérida (Port-au-Prince)",
        "Alliance Française de Puebla (Port-au-Prince)",
    ]
    nobody_home = client_as("admin")
    page = text(nobody_home.get("/admin/people/invite"))
    assert options(page, "institute_id") == ["No institute"]
    assert "Choose a country first: its institutes are listed here." in page


def test_a_role_form_lists_another_country_without_granting(admin_client, create_user, many_institutes, db):
    person = create_user(institute_id=many_institutes.jacmel.id)
    data = {
        "role": "trainer",
        "institute_id": str(many_institutes.jacmel.id),
        "institute_country": "MX",
        "listed_country": "HT",
    }
    response = admin_client.post(f"/admin/people/{person.id}/roles", data=data)
    assert response.status_code == 200
    assert "Alliance Française de Puebla (Port-au-Prince)" in options(text(response), "institute_id")
    roles = db.session.scalars(select(RoleAssignment.role).where(RoleAssignment.user_id == person.id)).all()
    assert [role.value for role in roles] == ["staff"]
    data.update(institute_id=str(many_institutes.puebla.id), listed_country="MX")
    assert admin_client.post(f"/admin/people/{person.id}/roles", data=data).status_code == 302
    grants = db.session.execute(
        select(RoleAssignment.role, RoleAssignment.institute_id).where(RoleAssignment.user_id == person.id)
    ).all()
    assert sorted((role.value, institute) for role, institute in grants) == [
        ("staff", None),
        ("trainer", many_institutes.puebla.id),
    ]


def test_a_director_chooses_among_their_own_institutes_only(client_as, create_user, many_institutes, db):
    director = client_as(("admin", many_institutes.jacmel), institute_id=many_institutes.jacmel.id)
    page = text(director.get("/admin/people/invite"))
    assert 'name="institute_country"' not in page
    assert options(page, "institute_id") == ["Alliance Française de Jacmel (Port-au-Prince)"]
    # A country sent anyway changes nothing: a director's list is never narrowed, nor widened.
    person = create_user(institute_id=many_institutes.jacmel.id)
    data = edit_data(person, institute_id=str(many_institutes.merida.id), institute_country="MX", listed_country="HT")
    assert director.post(f"/admin/people/{person.id}/edit", data=data).status_code == 200
    db.session.refresh(person)
    assert person.institute_id == many_institutes.jacmel.id

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from sonores_lms.audit.models import AuditEntry
from sonores_lms.institutes.models import Institute, InstituteKind

PAGES = [
    ("get", "/admin/institutes/"),
    ("get", "/admin/institutes/new"),
    ("post", "/admin/institutes/new"),
    ("get", "/admin/institutes/{id}/edit"),
    ("post", "/admin/institutes/{id}/edit"),
    ("post", "/admin/institutes/{id}/activate"),
    ("post", "/admin/institutes/{id}/deactivate"),
]


def form_data(**overrides):
    data = {
        "kind": "alliance",
        "name": "Alliance Française de Cusco",
        "country": "PE",
        "city": "Cusco",
        "timezone": "America/Lima",
        "languages": ["fr", "es"],
        "active": "y",
        "version": "0",
    }
    data.update(overrides)
    return data


def count_institutes(db) -> int:
    return db.session.scalar(select(func.count(Institute.id)))


@pytest.mark.parametrize("role", ["staff", "trainer", "auditor"])
def test_non_admins_are_refused(client_as, create_institute, role):
    institute = create_institute()
    client = client_as(role)
    for method, url in PAGES:
        response = getattr(client, method)(url.format(id=institute.id))
        assert response.status_code == 403, (method, url)


def test_director_is_refused(client_as, create_institute):
    institute = create_institute()
    client = client_as(("admin", institute))
    assert client.get("/admin/institutes/").status_code == 403


def test_anonymous_is_sent_to_sign_in(client, create_institute):
    institute = create_institute()
    for method, url in PAGES:
        response = getattr(client, method)(url.format(id=institute.id))
        assert response.status_code == 302
        assert "/sign-in" in response.headers["Location"]


def test_list_shows_country_in_readers_language_and_people(client_as, create_institute, create_user):
    admin_client = client_as("admin", locale="es")
    institute = create_institute(name="Alliance Française de Jacmel", country="HT")
    create_user(institute_id=institute.id)
    create_user(institute_id=institute.id)
    page = admin_client.get("/admin/institutes/").get_data(as_text=True)
    assert "Alliance Française de Jacmel" in page
    assert "Haití" in page
    assert re.search(rf'institute={institute.id}">2</a>', page)
    assert "America/Port-au-Prince".replace("_", " ") in page


def test_list_filters(admin_client, create_institute):
    create_institute(name="AF Lima", country="PE", timezone="America/Lima")
    create_institute(name="AF Quito", country="EC", timezone="America/Guayaquil", active=False)
    page = admin_client.get("/admin/institutes/?country=PE").get_data(as_text=True)
    assert "AF Lima" in page and "AF Quito" not in page
    page = admin_client.get("/admin/institutes/?active=no").get_data(as_text=True)
    assert "AF Quito" in page and "AF Lima" not in page


def test_list_query_count_is_constant(admin_client, create_institute, create_user, count_queries):
    for _ in range(3):
        create_user(institute_id=create_institute().id)
    admin_client.get("/admin/institutes/")  # warm caches (settings, session)
    with count_queries() as few:
        assert admin_client.get("/admin/institutes/").status_code == 200
    for _ in range(20):
        create_user(institute_id=create_institute().id)
    with count_queries() as many:
        assert admin_client.get("/admin/institutes/").status_code == 200
    assert many.count == few.count


def test_network_countries_come_first(admin_client):
    page = admin_client.get("/admin/institutes/new").get_data(as_text=True)
    network, others = page.index('value="HT"'), page.index('value="FR"')
    assert network < others
    assert "<optgroup" in page


def test_create(admin_client, db):
    response = admin_client.post("/admin/institutes/new", data=form_data())
    assert response.status_code == 302
    institute = db.session.execute(select(Institute).filter_by(name="Alliance Française de Cusco")).scalar_one()
    assert institute.kind == InstituteKind.ALLIANCE
    assert institute.country == "PE"
    assert institute.languages == ["es", "fr"]
    assert db.session.execute(select(AuditEntry).filter_by(action="core.institute-created")).scalar_one()


def test_duplicate_rerenders_without_writing(admin_client, create_institute, db):
    create_institute(name="Alliance Française de Cusco", country="PE")
    before = count_institutes(db)
    response = admin_client.post("/admin/institutes/new", data=form_data(name="alliance française de cusco"))
    assert response.status_code == 200
    assert "already exists in this country" in response.get_data(as_text=True)
    assert 'value="alliance française de cusco"' in response.get_data(as_text=True)
    assert count_institutes(db) == before


def test_invalid_timezone_and_country_rerender(admin_client, db):
    before = count_institutes(db)
    response = admin_client.post("/admin/institutes/new", data=form_data(timezone="Mars/Olympus", country="XX"))
    assert response.status_code == 200
    assert count_institutes(db) == before


def test_edit_and_stale_version(admin_client, create_institute, db):
    institute = create_institute(name="AF Arequipa", country="PE", timezone="America/Lima")
    url = f"/admin/institutes/{institute.id}/edit"
    page = admin_client.get(url).get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in page or 'value="1"' in page
    response = admin_client.post(url, data=form_data(name="AF Arequipa", city="Arequipa", version="1"))
    assert response.status_code == 302
    db.session.refresh(institute)
    assert institute.city == "Arequipa"
    assert institute.version == 2
    stale = admin_client.post(url, data=form_data(name="AF Arequipa", city="Somewhere", version="1"))
    assert stale.status_code == 409
    db.session.refresh(institute)
    assert institute.city == "Arequipa"


def test_edit_to_duplicate_name_rerenders(admin_client, create_institute, db):
    create_institute(name="AF Lima", country="PE", timezone="America/Lima")
    other = create_institute(name="AF Cusco", country="PE", timezone="America/Lima")
    url = f"/admin/institutes/{other.id}/edit"
    response = admin_client.post(url, data=form_data(name="AF Lima", version=str(other.version)))
    assert response.status_code == 200
    assert "already exists" in response.get_data(as_text=True)
    db.session.refresh(other)
    assert other.name == "AF Cusco"


def test_unknown_institute_is_404(admin_client):
    assert admin_client.get("/admin/institutes/99999/edit").status_code == 404


def test_deactivate_and_activate(admin_client, create_institute, db):
    institute = create_institute()
    assert admin_client.post(f"/admin/institutes/{institute.id}/deactivate").status_code == 302
    db.session.refresh(institute)
    assert institute.active is False
    assert admin_client.post(f"/admin/institutes/{institute.id}/activate").status_code == 302
    db.session.refresh(institute)
    assert institute.active is True
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_id == institute.id)).all()
    assert {"core.institute-deactivated", "core.institute-activated"} <= set(actions)


def test_deactivate_requires_csrf(admin_client, create_institute):
    institute = create_institute()
    assert admin_client.post(f"/admin/institutes/{institute.id}/deactivate", csrf=False).status_code == 400


def test_admin_nav_lists_institutes(admin_client, staff_client):
    assert 'href="/admin/institutes/"' in admin_client.get("/dashboard").get_data(as_text=True)
    assert 'href="/admin/institutes/"' not in staff_client.get("/dashboard").get_data(as_text=True)

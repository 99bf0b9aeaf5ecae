"""The network settings page: access, validation, saving through the store (which audits)."""

from __future__ import annotations

from sqlalchemy import select

from sonores_lms.audit.models import AuditEntry
from sonores_lms.settings.models import Setting


def stored(db, key):
    """The value the requests wrote (they run in sessions of their own)."""
    db.session.expire_all()
    row = db.session.get(Setting, key)
    return row.value if row is not None else None


def test_only_settings_managers_may_open_it(client, staff_client, admin_client):
    assert client.get("/admin/settings/").status_code == 302
    assert staff_client.get("/admin/settings/").status_code == 403
    assert staff_client.post("/admin/settings/", data={"network_name": "X"}).status_code == 403
    page = admin_client.get("/admin/settings/")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert 'value="Alliances sonores"' in text  # the declared default
    assert '<option selected value="America/Bogota">' in text
    assert 'href="/admin/settings/"' in text and 'aria-current="page"' in text


def test_save_changes_settings_and_audits(admin_client, db):
    response = admin_client.post(
        "/admin/settings/", data={"network_name": "  Réseau Caraïbes  ", "default_timezone": "America/Port-au-Prince"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/settings/"
    assert stored(db, "core.network_name") == "Réseau Caraïbes"
    assert stored(db, "core.default_timezone") == "America/Port-au-Prince"
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "core.setting-changed")).all()
    assert {e.target_label for e in entries} == {"core.network_name", "core.default_timezone"}
    assert all(e.actor_id == admin_client.user.id for e in entries)
    page = admin_client.get("/admin/settings/").get_data(as_text=True)
    assert 'value="Réseau Caraïbes"' in page


def test_unchanged_values_are_not_audited(admin_client, db):
    response = admin_client.post(
        "/admin/settings/", data={"network_name": "Alliances sonores", "default_timezone": "America/Bogota"}
    )
    assert response.status_code == 302
    assert db.session.scalars(select(AuditEntry).where(AuditEntry.action == "core.setting-changed")).all() == []


def test_bad_input_rerenders_with_messages_and_saves_nothing(admin_client, db):
    response = admin_client.post("/admin/settings/", data={"network_name": "   ", "default_timezone": "Mars/Olympus"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'class="form-errors"' in page
    assert 'id="network_name-error"' in page and 'id="default_timezone-error"' in page
    assert stored(db, "core.network_name") is None
    assert stored(db, "core.default_timezone") is None

    response = admin_client.post("/admin/settings/", data={"network_name": "x" * 121, "default_timezone": "UTC"})
    assert response.status_code == 200
    assert 'id="network_name-error"' in response.get_data(as_text=True)
    assert stored(db, "core.default_timezone") is None


def test_missing_csrf_is_refused(admin_client, db):
    response = admin_client.post("/admin/settings/", data={"network_name": "N", "default_timezone": "UTC"}, csrf=False)
    assert response.status_code == 400
    assert stored(db, "core.network_name") is None

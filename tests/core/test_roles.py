from __future__ import annotations


def test_roles_overview_lists_core_and_plugin_permissions(admin_client):
    page = admin_client.get("/admin/roles/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for name in ("core.manage-people", "courses.author", "certificates.issue"):
        assert name in html


def test_roles_overview_is_for_admins_only(client_as, client):
    for role in ("staff", "trainer", "auditor"):
        assert client_as(role).get("/admin/roles/").status_code == 403
    assert client.get("/admin/roles/").status_code == 302

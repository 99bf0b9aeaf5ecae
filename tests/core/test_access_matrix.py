"""Endpoint x role: the status each kind of person gets on every route of the URL map.

A new route fails ``test_matrix_covers_every_route`` until it gets its row here, so nobody adds a page without
saying who may open it. POST rows send a valid CSRF token and an empty form: the point is who gets past the door.
"""

from __future__ import annotations

import pytest

ROLES = ("anonymous", "staff", "trainer", "auditor", "admin", "director")
SIGN_IN = 302  # anonymous people are sent to the sign-in page
ALL = {role: 200 for role in ROLES}


def only(allowed: tuple[str, ...], ok: int = 200, *, director: int | None = None) -> dict[str, int]:
    statuses = {role: (ok if role in allowed else 403) for role in ROLES}
    statuses["anonymous"] = SIGN_IN
    if director is not None:
        statuses["director"] = director
    return statuses


SIGNED_IN = only(("staff", "trainer", "auditor", "admin", "director"))
ADMIN = only(("admin",))

# endpoint: (method, url template, statuses by role)
MATRIX: dict[str, tuple[str, str, dict[str, int]]] = {
    "static": ("GET", "/static/css/app.css", ALL),
    "main.index": ("GET", "/", {**{r: 302 for r in ROLES}, "anonymous": 200}),
    "main.dashboard": ("GET", "/dashboard", SIGNED_IN),
    "main.set_language": ("POST", "/language", {r: 400 for r in ROLES}),  # no language chosen
    "auth.sign_in": ("GET", "/sign-in", {**{r: 302 for r in ROLES}, "anonymous": 200}),
    "auth.sign_out": ("POST", "/sign-out", {r: 302 for r in ROLES}),
    "auth.forgot_password": ("GET", "/password/forgot", ALL),
    "auth.reset_password": ("GET", "/password/reset/not-a-token", {r: 404 for r in ROLES}),
    "auth.accept_invitation": ("GET", "/invitation/not-a-token", {r: 404 for r in ROLES}),
    "account.profile": ("GET", "/account/profile", SIGNED_IN),
    "account.change_password": ("GET", "/account/password", SIGNED_IN),
    "roles.overview": ("GET", "/admin/roles/", ADMIN),
    "settings.network": ("GET", "/admin/settings/", ADMIN),
    "audit.index": ("GET", "/admin/audit/", ADMIN),
    "audit.export": ("GET", "/admin/audit/export.csv", ADMIN),
    "institutes.index": ("GET", "/admin/institutes/", ADMIN),
    "institutes.create": ("GET", "/admin/institutes/new", ADMIN),
    "institutes.edit": ("GET", "/admin/institutes/{institute}/edit", ADMIN),
    "institutes.activate": ("POST", "/admin/institutes/{institute}/activate", only(("admin",), 302)),
    "institutes.deactivate": ("POST", "/admin/institutes/{institute}/deactivate", only(("admin",), 302)),
    "people.index": ("GET", "/admin/people/", only(("admin", "director"))),
    "people.detail": ("GET", "/admin/people/{person}", only(("admin", "director"))),
    "people.invite": ("GET", "/admin/people/invite", only(("admin", "director"))),
    "people.edit": ("GET", "/admin/people/{person}/edit", only(("admin", "director"))),
    "people.add_role": ("POST", "/admin/people/{person}/roles", only(("admin", "director"))),
    "people.remove_role": ("POST", "/admin/people/{person}/roles/999999/remove", only(("admin", "director"), 404)),
    "people.resend_invitation": ("POST", "/admin/people/{person}/resend-invitation", only(("admin", "director"), 302)),
    "people.deactivate": ("POST", "/admin/people/{person}/deactivate", only(("admin", "director"), 302)),
    "people.reactivate": ("POST", "/admin/people/{person}/reactivate", only(("admin", "director"), 302)),
    "people.import_upload": ("GET", "/admin/people/import", only(("admin", "director"))),
    "people.import_preview": ("GET", "/admin/people/import/999999", only(("admin", "director"), 404)),
    "people.import_confirm": ("POST", "/admin/people/import/999999/confirm", only(("admin", "director"), 404)),
    "people.import_cancel": ("POST", "/admin/people/import/999999/cancel", only(("admin", "director"), 404)),
}


@pytest.fixture
def ids(create_institute, create_user):
    institute = create_institute(name="Alliance Française de Jacmel", city="Jacmel")
    other = create_institute(name="Alliance Française du Cap-Haïtien", city="Cap-Haïtien")
    person = create_user("member@example.org", institute_id=institute.id)
    outsider = create_user("outsider@example.org", institute_id=other.id)
    return {"institute": institute.id, "other_institute": other.id, "person": person.id, "outsider": outsider.id}


@pytest.fixture
def clients(app, client_as, ids):
    made = {"anonymous": app.test_client()}
    for role in ("staff", "trainer", "auditor", "admin"):
        made[role] = client_as(role)
    made["director"] = client_as(("admin", ids["institute"]), institute_id=ids["institute"])
    return made


def test_matrix_covers_every_route(app):
    assert set(MATRIX) == set(app.view_functions), "add the new routes to MATRIX (and remove the gone ones)"


@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_status_by_role(endpoint, clients, ids):
    method, template, expected = MATRIX[endpoint]
    url = template.format(**ids)
    got = {}
    for role in ROLES:
        client = clients[role]
        response = client.get(url) if method == "GET" else client.post(url, data={})
        got[role] = response.status_code
        response.close()
    assert got == expected


def state_changing_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.methods & {"POST", "PUT", "PATCH", "DELETE"}:
            yield rule


def test_every_state_changing_route_refuses_a_request_without_csrf_token(app, clients, ids):
    checked = []
    for rule in state_changing_rules(app):
        _method, template, _expected = MATRIX[rule.endpoint]
        url = template.format(**ids)
        for role in ("anonymous", "admin"):
            response = clients[role].post(url, data={}, csrf=False)
            assert response.status_code == 400, (rule.endpoint, role, response.status_code)
        checked.append(rule.endpoint)
    assert "main.set_language" in checked and "auth.sign_in" in checked

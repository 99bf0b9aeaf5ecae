"""Access rows for the core's routes."""

from __future__ import annotations

from typing import Any

from tests.access import ADMIN, ALL, ROLES, SIGNED_IN, each, only

ROWS: dict[str, Any] = {
    "static": ("GET", "/static/css/app.css", ALL),
    "main.index": ("GET", "/", {**{r: 302 for r in ROLES}, "anonymous": 200}),
    "main.dashboard": ("GET", "/dashboard", SIGNED_IN),
    "main.set_language": ("POST", "/language", {r: 400 for r in ROLES}),  # no language chosen
    "auth.sign_in": [
        ("GET", "/sign-in", {**{r: 302 for r in ROLES}, "anonymous": 200}),
        ("POST", "/sign-in", {**{r: 302 for r in ROLES}, "anonymous": 200}),  # nothing typed: the form again
    ],
    "auth.sign_out": ("POST", "/sign-out", {r: 302 for r in ROLES}),
    "auth.forgot_password": [
        ("GET", "/password/forgot", ALL),
        # An empty address is one account to the limiter: three requests an hour, then 429 for whoever asks.
        ("POST", "/password/forgot", {**{r: 429 for r in ROLES}, "anonymous": 200, "staff": 200, "trainer": 200}),
    ],
    "auth.reset_password": [
        ("GET", "/password/reset/not-a-token", {r: 404 for r in ROLES}),
        ("POST", "/password/reset/not-a-token", {r: 404 for r in ROLES}),
    ],
    "auth.accept_invitation": [
        ("GET", "/invitation/not-a-token", {r: 404 for r in ROLES}),
        ("POST", "/invitation/not-a-token", {r: 404 for r in ROLES}),
    ],
    "account.profile": [("GET", "/account/profile", SIGNED_IN), ("POST", "/account/profile", each(302))],
    "account.change_password": [("GET", "/account/password", SIGNED_IN), ("POST", "/account/password", SIGNED_IN)],
    "roles.overview": ("GET", "/admin/roles/", ADMIN),
    "settings.network": [("GET", "/admin/settings/", ADMIN), ("POST", "/admin/settings/", ADMIN)],
    "audit.index": ("GET", "/admin/audit/", ADMIN),
    "audit.export": ("GET", "/admin/audit/export.csv", ADMIN),
    "institutes.index": ("GET", "/admin/institutes/", ADMIN),
    "institutes.create": [("GET", "/admin/institutes/new", ADMIN), ("POST", "/admin/institutes/new", ADMIN)],
    "institutes.edit": [
        ("GET", "/admin/institutes/{institute}/edit", ADMIN),
        ("POST", "/admin/institutes/{institute}/edit", ADMIN),
        ("GET", "/admin/institutes/{other_institute}/edit", ADMIN),
    ],
    "institutes.activate": ("POST", "/admin/institutes/{institute}/activate", only(("admin",), 302)),
    "institutes.deactivate": ("POST", "/admin/institutes/{institute}/deactivate", only(("admin",), 302)),
    "people.index": ("GET", "/admin/people/", only(("admin", "director"))),
    "people.detail": [
        ("GET", "/admin/people/{person}", only(("admin", "director"))),
        ("GET", "/admin/people/{outsider}", only(("admin",))),  # another institute's person: not the director's
    ],
    "people.invite": [
        ("GET", "/admin/people/invite", only(("admin", "director"))),
        ("POST", "/admin/people/invite", only(("admin", "director"))),
    ],
    "people.edit": [
        ("GET", "/admin/people/{person}/edit", only(("admin", "director"))),
        ("POST", "/admin/people/{person}/edit", only(("admin", "director"), 302)),  # saved as it was
        ("GET", "/admin/people/{outsider}/edit", only(("admin",))),
        ("POST", "/admin/people/{outsider}/edit", only(("admin",), 302, director=403)),
    ],
    "people.add_role": [
        ("POST", "/admin/people/{person}/roles", only(("admin", "director"))),
        ("POST", "/admin/people/{outsider}/roles", only(("admin",))),
    ],
    "people.remove_role": ("POST", "/admin/people/{person}/roles/999999/remove", only(("admin", "director"), 404)),
    "people.resend_invitation": ("POST", "/admin/people/{person}/resend-invitation", only(("admin", "director"), 302)),
    "people.deactivate": [
        ("POST", "/admin/people/{person}/deactivate", only(("admin", "director"), 302)),
        ("POST", "/admin/people/{outsider}/deactivate", only(("admin",), 302)),
    ],
    "people.reactivate": ("POST", "/admin/people/{person}/reactivate", only(("admin", "director"), 302)),
    "people.import_upload": [
        ("GET", "/admin/people/import", only(("admin", "director"))),
        ("POST", "/admin/people/import", only(("admin", "director"))),
    ],
    "people.import_preview": ("GET", "/admin/people/import/999999", only(("admin", "director"), 404)),
    "people.import_confirm": ("POST", "/admin/people/import/999999/confirm", only(("admin", "director"), 404)),
    "people.import_cancel": ("POST", "/admin/people/import/999999/cancel", only(("admin", "director"), 404)),
}


def objects(make: Any) -> dict[str, Any]:
    institute = make.create_institute(name="Alliance Française de Jacmel", city="Jacmel")
    other = make.create_institute(name="Alliance Française du Cap-Haïtien", city="Cap-Haïtien")
    person = make.create_user("member@example.org", institute_id=institute.id)
    outsider = make.create_user("outsider@example.org", institute_id=other.id)
    # The director of the matrix manages this institute (see tests/core/test_access_matrix.py).
    return {"institute": institute.id, "other_institute": other.id, "person": person.id, "outsider": outsider.id}

"""Endpoint x role: the status each kind of person gets on every route of the URL map.

The rows live beside each area's tests in ``access_<area>.py`` modules (see tests/access.py). A new route fails
``test_matrix_covers_every_route`` until it gets its row, so nobody adds a page without saying who may open it.
POST rows send a valid CSRF token and an empty form: the point is who gets past the door.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.access import ROLES

TESTS = Path(__file__).resolve().parents[1]
AREAS = [
    importlib.import_module(".".join(path.relative_to(TESTS.parent).with_suffix("").parts))
    for path in sorted(TESTS.rglob("access_*.py"))
]


def _merge() -> dict[str, tuple[str, str, dict[str, int]]]:
    matrix: dict[str, tuple[str, str, dict[str, int]]] = {}
    for area in AREAS:
        for endpoint, row in area.ROWS.items():
            assert endpoint not in matrix, f"{endpoint} has two rows"
            matrix[endpoint] = row
    return matrix


MATRIX = _merge()


@pytest.fixture
def ids(db, create_institute, create_user) -> dict[str, Any]:
    make = SimpleNamespace(db=db, create_institute=create_institute, create_user=create_user)
    found: dict[str, Any] = {}
    for area in AREAS:
        if hasattr(area, "objects"):
            found.update(area.objects(make))
    return found


@pytest.fixture
def clients(app, client_as, ids):
    made = {"anonymous": app.test_client()}
    for role in ("staff", "trainer", "auditor", "admin"):
        made[role] = client_as(role)
    made["director"] = client_as(("admin", ids["institute"]), institute_id=ids["institute"])
    return made


def test_matrix_covers_every_route(app):
    assert set(MATRIX) == set(app.view_functions), "add the new routes to an access_<area>.py module"


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


def test_every_state_changing_route_refuses_a_request_without_csrf_token(app, clients, ids):
    checked = []
    for rule in app.url_map.iter_rules():
        if not rule.methods & {"POST", "PUT", "PATCH", "DELETE"}:
            continue
        _method, template, _expected = MATRIX[rule.endpoint]
        url = template.format(**ids)
        for role in ("anonymous", "admin"):
            response = clients[role].post(url, data={}, csrf=False)
            assert response.status_code == 400, (rule.endpoint, role, response.status_code)
        checked.append(rule.endpoint)
    assert "main.set_language" in checked and "auth.sign_in" in checked

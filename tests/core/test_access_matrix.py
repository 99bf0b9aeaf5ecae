"""Endpoint x role: the status each kind of person gets on every route of the URL map, for every method it takes.

The rows live beside each area's tests in ``access_<area>.py`` modules (see tests/access.py). A new route, or a
new method on a route, fails ``test_matrix_covers_every_route_and_method`` until it gets its row, so nobody adds
a page without saying who may open it. POST rows send a valid CSRF token and an empty form: the point is who
gets past the door.
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
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def _merge() -> dict[str, list[tuple[str, str, dict[str, int]]]]:
    matrix: dict[str, list[tuple[str, str, dict[str, int]]]] = {}
    for area in AREAS:
        for endpoint, rows in area.ROWS.items():
            assert endpoint not in matrix, f"{endpoint} has rows in two areas"
            matrix[endpoint] = list(rows) if isinstance(rows, list) else [rows]
    return matrix


MATRIX = _merge()
CASES = [(endpoint, n) for endpoint in sorted(MATRIX) for n in range(len(MATRIX[endpoint]))]


@pytest.fixture
def make(db, create_institute, create_user, app, tmp_path, monkeypatch):
    # Files that the areas store go to a folder of this test's own.
    monkeypatch.setitem(app.config, "COURSES_UPLOAD_FOLDER", str(tmp_path / "uploads"))
    monkeypatch.setitem(app.config, "CHECKLISTS_UPLOAD_FOLDER", str(tmp_path / "evidence"))
    return SimpleNamespace(db=db, create_institute=create_institute, create_user=create_user, app=app)


@pytest.fixture
def ids(make) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for area in AREAS:
        if hasattr(area, "objects"):
            found.update(area.objects(make))
    return found


@pytest.fixture
def clients(app, client_as, ids, make):
    made = {"anonymous": app.test_client()}
    for role in ("staff", "trainer", "auditor", "admin"):
        made[role] = client_as(role)
    made["assigned_trainer"] = client_as("trainer")
    for area in AREAS:
        if hasattr(area, "assign"):
            area.assign(make, made["assigned_trainer"].user, ids)
    made["director"] = client_as(("admin", ids["institute"]), institute_id=ids["institute"])
    return made


def test_matrix_covers_every_route_and_method(app):
    assert set(MATRIX) == set(app.view_functions), "add the new routes to an access_<area>.py module"
    missing = []
    for rule in app.url_map.iter_rules():
        covered = {method for method, _template, _expected in MATRIX[rule.endpoint]}
        missing += [(rule.endpoint, method) for method in sorted(rule.methods - IGNORED_METHODS - covered)]
    assert missing == [], "add a row for each method a route accepts"


def test_every_role_has_a_status_in_every_row():
    for endpoint, rows in MATRIX.items():
        for _method, _template, expected in rows:
            assert set(expected) == set(ROLES), endpoint


@pytest.mark.parametrize(("endpoint", "row"), CASES)
def test_status_by_role(endpoint, row, clients, ids):
    method, template, expected = MATRIX[endpoint][row]
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
        template = next(template for method, template, _e in MATRIX[rule.endpoint] if method != "GET")
        url = template.format(**ids)
        for role in ("anonymous", "admin"):
            response = clients[role].post(url, data={}, csrf=False)
            assert response.status_code == 400, (rule.endpoint, role, response.status_code)
        checked.append(rule.endpoint)
    assert "main.set_language" in checked and "auth.sign_in" in checked

"""Peer groups as the reference sets them: staff size band; owns or rents; has a hall (hidden below 5 institutes)."""

from __future__ import annotations

import pytest

from checklists.models import Profile, Score
from checklists.network import aggregate, peer_key


def test_peer_key_tells_a_hall_apart():
    assert peer_key("medium", True, True) == "medium-owns-hall"
    assert peer_key("medium", True, False) == "medium-owns-no-hall"
    assert peer_key(None, None, None) == "small-rents-no-hall"  # no profile yet


def test_aggregate_splits_peers_by_hall():
    rows = [("ENV", 10.0 * i, i, f"AF {i}", "MX", "small", False, i <= 5, False) for i in range(1, 9)]
    view = aggregate(2027, rows)
    with_hall, without = view.by_peer["small-rents-hall"]["ENV"], view.by_peer["small-rents-no-hall"]["ENV"]
    assert (with_hall.count, with_hall.median) == (5, 30.0)
    assert without.count == 3 and without.hidden


@pytest.fixture
def peers(db, make_checklist_template, make_audit, create_institute):
    """Seven small renting institutes: five with a hall, two without."""
    template = make_checklist_template()
    for n in range(7):
        institute = create_institute(name=f"Alliance Française de Villa {n}", country="CR")
        db.session.add(Profile(institute_id=institute.id, staff_band="small", owns_building=False, has_hall=n < 5))
        audit = make_audit(institute, template=template, year=2027, state="validated")
        db.session.add(Score(audit_id=audit.id, scope="pillar", code="ENV", basis="reviewed", percent=20.0 + n))
    db.session.flush()


def test_network_page_shows_the_hall_group_and_hides_the_small_one(peers, client_as):
    page = client_as("auditor").get("/checklists/network?year=2027").get_data(as_text=True)
    assert "fewer than 10 staff, rents its building, has a hall" in page
    assert "fewer than 10 staff, rents its building, no hall" in page
    assert "2 institutes: hidden" in page


def test_network_export_names_the_hall_groups(peers, admin_client):
    lines = admin_client.get("/checklists/network.csv?year=2027").get_data(as_text=True).splitlines()
    assert any(line.startswith('peer,"fewer than 10 staff, rents its building, has a hall",ENV,5,') for line in lines)
    assert any(line.startswith('peer,"fewer than 10 staff, rents its building, no hall",ENV,2,,,') for line in lines)


def test_director_says_the_institute_has_a_hall(db, make_audit, create_institute, director_of, app):
    from tests.fixtures.users import sign_in_client

    institute = create_institute(name="Alliance Française de Cali", country="CO")
    client = sign_in_client(app, director_of(institute))
    form = client.get(f"/checklists/institutes/{institute.id}/profile").get_data(as_text=True)
    assert 'name="has_hall"' in form
    response = client.post(
        f"/checklists/institutes/{institute.id}/profile", data={"staff_band": "small", "has_hall": "y"}
    )
    assert response.status_code == 302
    profile = db.session.get(Profile, institute.id)
    assert (profile.has_hall, profile.owns_building) == (True, False)
    client.post(f"/checklists/institutes/{institute.id}/profile", data={"staff_band": "small"})
    db.session.refresh(profile)
    assert profile.has_hall is False

"""The network view: quartiles by country and peer group, hidden below 5 institutes, named only on opt-in."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from checklists.models import Profile, Score
from checklists.network import Spread, aggregate, spread


def test_spread_of_five_values_gives_quartiles():
    assert spread([10, 20, 30, 40, 50]) == Spread(5, 20, 30, 40)


def test_spread_below_five_institutes_is_hidden():
    found = spread([10, 20, 30, 40])
    assert found.hidden and found.count == 4 and found.median is None


def test_aggregate_groups_by_country_and_peer_and_counts_needs():
    rows = [
        ("ENV", p, i, f"AF {i}", "MX" if i < 6 else "PE", "small", i % 2 == 0, False, i == 1)
        for i, p in enumerate([10, 20, 30, 40, 50, 60, 70], 1)
    ]
    view = aggregate(2027, rows)
    assert view.overall["ENV"].median == 40
    assert not view.by_country["MX"]["ENV"].hidden and view.by_country["PE"]["ENV"].hidden
    assert view.by_peer["small-rents-no-hall"]["ENV"].count == 4
    assert view.named == [("AF 1", "MX", {"ENV": 10})]
    assert view.needs == {"ENV": 4}


@pytest.fixture
def validated(db, make_checklist_template, make_audit, create_institute):
    template = make_checklist_template()
    audits = []
    for n in range(6):
        institute = create_institute(name=f"Alliance Française de Ciudad {n}", country="CO" if n < 5 else "BO")
        db.session.add(Profile(institute_id=institute.id, staff_band="small", owns_building=False, named=n == 0))
        audit = make_audit(institute, template=template, year=2027, state="validated")
        db.session.add_all(
            [
                Score(audit_id=audit.id, scope="pillar", code="ENV", basis="reviewed", percent=10.0 * (n + 1)),
                Score(audit_id=audit.id, scope="theme", code="ENV-STR", basis="reviewed", percent=10.0 * (n + 1)),
            ]
        )
        audits.append(audit)
    db.session.flush()
    return audits


def test_network_page_hides_small_groups_and_names_only_opted_in(validated, client_as):
    auditor = client_as("auditor")
    page = auditor.get("/checklists/network?year=2027").get_data(as_text=True)
    assert "1 institute: hidden" in page  # Bolivia alone
    assert "Alliance Française de Ciudad 0" in page
    assert "Alliance Française de Ciudad 3" not in page
    assert "<svg" in page
    themes = auditor.get("/checklists/network?year=2027&pillar=ENV").get_data(as_text=True)
    assert "ENV-STR" in themes and "Training needs" in themes


def test_network_exports_csv_and_xlsx(validated, admin_client):
    csv = admin_client.get("/checklists/network.csv?year=2027").get_data(as_text=True)
    lines = csv.lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("group,name,code,institutes")
    assert any(line.startswith("network,,ENV,6,") for line in lines)
    xlsx = admin_client.get("/checklists/network.xlsx?year=2027")
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    assert [c.value for c in sheet[1]][:3] == ["group", "name", "code"]
    assert sheet.max_row == len(lines)


def test_network_view_reads_a_constant_number_of_queries(
    validated, admin_client, count_queries, make_audit, create_institute, db
):
    admin_client.get("/checklists/network?year=2027")
    with count_queries() as few:
        admin_client.get("/checklists/network?year=2027")
    template_audit = validated[0]
    for n in range(5):
        audit = make_audit(create_institute(country="EC"), campaign=template_audit.campaign, state="validated")
        db.session.add(Score(audit_id=audit.id, scope="pillar", code="ENV", basis="reviewed", percent=50.0 + n))
    db.session.flush()
    with count_queries() as more:
        admin_client.get("/checklists/network?year=2027")
    assert more.count == few.count


def test_unknown_pillar_is_404(admin_client):
    assert admin_client.get("/checklists/network?pillar=XYZ").status_code == 404

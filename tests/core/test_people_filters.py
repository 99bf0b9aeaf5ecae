"""The people list stays light when the network grows: past a few hundred institutes, pick a country first."""

from __future__ import annotations

import re


def institute_options(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="institute".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_institutes_are_listed_by_country_past_the_limit(admin_client, create_institute, create_user, monkeypatch):
    haiti = create_institute(name="Alliance Française de Jacmel", country="HT")
    create_institute(name="Alliance Française de Lima", country="PE", city="Lima", timezone="America/Lima")
    create_user("jacmel@example.org", institute_id=haiti.id, last_name="Jacmelien")
    create_user("nobody@example.org", last_name="Sansinstitut")

    page = admin_client.get("/admin/people/").get_data(as_text=True)
    assert {"Alliance Française de Jacmel (Port-au-Prince)", "Alliance Française de Lima (Lima)"} <= set(
        institute_options(page)
    )

    monkeypatch.setattr("sonores_lms.institutes.choices.MAX_LISTED", 1)
    page = admin_client.get("/admin/people/").get_data(as_text=True)
    assert len(institute_options(page)) == 1  # "All institutes" only: choose a country first
    page = admin_client.get("/admin/people/?country=HT").get_data(as_text=True)
    assert [o for o in institute_options(page) if "Alliance" in o] == ["Alliance Française de Jacmel (Port-au-Prince)"]
    assert "Jacmelien" in page and "Sansinstitut" not in page


def test_a_director_sees_no_country_filter(client_as, create_institute):
    institute = create_institute()
    director = client_as(("admin", institute.id), institute_id=institute.id)
    page = director.get("/admin/people/").get_data(as_text=True)
    assert 'name="country"' not in page

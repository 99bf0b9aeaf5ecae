"""The search page: accent-insensitive, ranked, highlighted, with facets; safe with any query, light, flat."""

from __future__ import annotations

import pytest

from tests.core.test_page_weight import first_visit
from tests.core.test_search import HOSTILE


@pytest.fixture
def network(make_resource, create_institute):
    lima = create_institute(name="Alliance Française de Lima", country="PE", city="Lima")
    quito = create_institute(name="Alliance Française de Quito", country="EC", city="Quito")
    made = {
        "fete": make_resource(
            institute=lima,
            kind="programme-kit",
            axis="communication",
            themes=["ENV-DIG"],
            texts={
                "fr": {"title": "Fête de la musique", "summary": "Un concert diffusé pour l'éducation musicale."},
                "es": {"title": "Fiesta de la música", "summary": "Un concierto para la educación musical."},
            },
        ),
        "signs": make_resource(
            institute=quito,
            kind="guide",
            licence="CC-BY-SA-4.0",
            themes=["ACC-SEN"],
            texts={"es": {"title": "Lengua de señas", "summary": "Cada señal cuenta en la educación."}},
        ),
        "draft": make_resource(
            status="draft", institute=quito, texts={"es": {"title": "Borrador de educación", "summary": "Secreto."}}
        ),
    }
    for n in range(25):
        made[f"extra{n}"] = make_resource(
            institute=quito if n % 2 else lima,
            kind="document",
            texts={"fr": {"title": f"Atelier d'éducation {n}", "summary": "Un atelier <b>gras</b> & autres."}},
        )
    return made


def page(client, query_string):
    response = client.get(f"/knowledge/?{query_string}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_search_without_accents_finds_highlighted_published_resources(client_as, network):
    html = page(client_as("staff"), "q=senal")
    assert "1 resource found" in html
    assert "<mark>señal</mark>" in html
    assert "Borrador" not in html  # drafts are never found


def test_facets_narrow_and_count(client_as, network):
    staff = client_as("staff")
    html = page(staff, "q=educacion")
    assert "2 resources found" in html
    assert 'Programme kit</a> <span class="muted">1</span>' in html
    narrowed = page(staff, "q=educacion&country=EC&licence=CC-BY-SA-4.0")
    assert "1 resource found" in narrowed and "Lengua de señas" in narrowed
    two_facets = page(staff, "q=atelier&kind=document&country=PE")
    assert "13 resources found" in two_facets
    # Author's markup in a summary is shown as text, never as markup.
    assert "<b>gras</b>" not in two_facets


def test_without_a_query_the_page_lists_the_latest_resources(client_as, network):
    html = page(client_as("staff"), "")
    assert "27 resources" in html and 'rel="next"' in html
    assert "Page 1 of 2" in html
    assert "Page 2 of 2" in page(client_as("staff"), "page=2")


@pytest.mark.parametrize("query", [q for q in HOSTILE if q is not None])
def test_any_query_gives_a_page(client_as, network, query):
    response = client_as("staff").get("/knowledge/", query_string={"q": query, "kind": query or "x", "page": query})
    assert response.status_code == 200


def test_the_results_page_sends_a_constant_number_of_queries(client_as, network, count_queries, make_resource):
    staff = client_as("staff")
    staff.get("/knowledge/?q=atelier")  # warm: the session's person, the locale
    with count_queries() as few:
        page(staff, "q=atelier&kind=document")
    with count_queries() as listing_few:
        page(staff, "")
    for n in range(15):
        make_resource(kind="document", texts={"fr": {"title": f"Atelier encore {n}"}})
    with count_queries() as many:
        page(staff, "q=atelier&kind=document")
    assert many.count == few.count
    with count_queries() as listing_many:
        page(staff, "")
    assert listing_many.count == listing_few.count


def test_the_results_page_is_light(client_as, network):
    status, html, fetched, off_site = first_visit(client_as("staff"), "/knowledge/?q=atelier")
    assert status == 200 and off_site == []
    assert len(html) + sum(item.size for item in fetched) < 60 * 1024
    assert b'<form method="get"' in html  # a plain form: the search works without JavaScript


def _published_in_bulk(how_many: int, title: str, summary: str, author_id: int) -> None:
    """``how_many`` published resources written at once, then indexed from scratch as ``flask knowledge reindex``
    does: a thousand resources through the services would take minutes."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from knowledge.indexing import rebuild_index
    from knowledge.models import Resource, Status
    from sonores_lms.extensions import db

    now = datetime.now(UTC)
    rows = [
        {
            "uid": f"bulk{number:028x}",
            "kind": "document",
            "status": Status.PUBLISHED,
            "featured": False,
            "country": "PE",
            "authors": "",
            "licence": "CC-BY-4.0",
            "tags": [],
            "themes": [],
            "links": [],
            "kit": {},
            "texts": {"fr": {"title": f"{title} {number}", "summary": summary}},
            "translated_from": {},
            "created_at": now,
            "updated_at": now,
            "published_at": now,
            "review_comment": "",
            "created_by_id": author_id,
            "version": 1,
        }
        for number in range(how_many)
    ]
    db.session.execute(insert(Resource), rows)
    rebuild_index()


def test_more_than_a_thousand_matches_say_so_in_the_readers_language(client_as, network, create_user):
    from sonores_lms import search

    _published_in_bulk(search.CANDIDATES + 20, "Chorale", "Un chant à plusieurs voix.", create_user().id)
    staff = client_as("staff")
    html = page(staff, "q=chorale")
    assert "More than 1,000 resources found" in html
    assert "Counts among the first 1,000 results." in html
    assert 'Document</a> <span class="muted">1,000</span>' in html  # facets over the 1,000 candidates
    assert "Plus de 1\u202f000 ressources trouvées" in page(client_as("staff", locale="fr"), "q=chorale")


def test_a_title_match_comes_before_resources_that_only_mention_the_words(client_as, network, make_resource):
    make_resource(texts={"fr": {"title": "Répétition", "summary": "La chorale chante : chorale, chorale."}})
    make_resource(texts={"es": {"title": "La chorale del barrio", "summary": "Ensayos los sábados."}})
    html = page(client_as("staff"), "q=chorale")
    assert "2 resources found" in html
    assert html.index("del barrio") < html.index("Répétition")


def test_the_statement_count_stays_the_same_past_a_thousand_matches(client_as, network, count_queries, create_user):
    staff = client_as("staff")
    staff.get("/knowledge/?q=atelier")  # warm: the session's person, the locale
    with count_queries() as by_title:
        page(staff, "q=atelier&kind=document")
    with count_queries() as by_text:
        page(staff, "q=autres")  # found in the texts only
    from sonores_lms import search

    _published_in_bulk(search.CANDIDATES + 20, "Atelier", "Un atelier et autres choses.", create_user().id)
    with count_queries() as many_by_title:
        html = page(staff, "q=atelier&kind=document")
    assert "More than 1,000" in html
    with count_queries() as many_by_text:
        page(staff, "q=autres")
    assert many_by_title.count == by_title.count
    assert many_by_text.count == by_text.count


def test_facet_groups_fold_and_the_group_in_use_stays_open(client_as, network):
    """On a phone each facet group is one line (a closed <details>) until it is used: the results are not pushed
    below a screenful of facets. The group holding a chosen value is open and says which one."""
    staff = client_as("staff")
    html = page(staff, "q=educacion")
    groups = html.count('<details class="kn-facet"')
    assert groups >= 4 and '<details class="kn-facet" open>' not in html
    narrowed = page(staff, "q=educacion&country=EC")
    assert narrowed.count('<details class="kn-facet" open>') == 1
    opened = narrowed.split('<details class="kn-facet" open>')[1].split("</details>")[0]
    assert "Country" in opened and 'aria-current="true"' in opened

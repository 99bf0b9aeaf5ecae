"""The network's memory and the knowledge base's links to other pages: reuse, the network view, the lesson embed,
content by topic, the dashboard widget, the Atom feed and the JSON export."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest

from knowledge.models import Reuse
from sonores_lms.links import ResourceKind, content_by_topic, resolve_embed, resource_kinds
from sonores_lms.signals import resource_kinds as resource_kinds_signal

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def places(create_institute):
    return {
        city: create_institute(name=f"Alliance Française de {city}", country=country, city=city)
        for city, country in (("Lima", "PE"), ("Quito", "EC"), ("La Paz", "BO"))
    }


@pytest.fixture
def kit(make_resource, places):
    return make_resource(
        institute=places["Lima"],
        axis="communication",
        themes=["ENV-DIG"],
        tags=["fête de la musique"],
        kit={"contacts": "Ana: ana@example.org"},
        budget=[{"label": "Son", "amount": "1200", "currency": "USD", "note": ""}],
        texts={
            "fr": {"title": "Fête de la musique", "summary": "Un concert diffusé."},
            "es": {"title": "Fiesta de la música", "summary": "Un concierto transmitido."},
        },
    )


def test_an_institute_marks_a_reuse_and_the_page_shows_where_it_travelled(client_as, kit, places, db):
    staff = client_as("staff", institute_id=places["Quito"].id)
    form = staff.get(f"/knowledge/r/{kit.uid}/reuse").get_data(as_text=True)
    assert f'<option selected value="{places["Quito"].id}">' in form
    refused = staff.post(f"/knowledge/r/{kit.uid}/reuse", data={"institute": places["Quito"].id, "reused_on": "juin"})
    assert refused.status_code == 200 and db.session.query(Reuse).count() == 0
    for city, attendance in (("Quito", "350"), ("La Paz", "")):
        response = staff.post(
            f"/knowledge/r/{kit.uid}/reuse",
            data={
                "institute": places[city].id,
                "reused_on": "2026-06-21",
                "note": "Deux groupes.",
                "attendance": attendance,
            },
        )
        assert response.status_code == 302
    page = staff.get(f"/knowledge/r/{kit.uid}").get_data(as_text=True)
    travelled = page.split('id="travelled"')[1]
    assert "Alliance Française de Quito" in travelled and "350 people came" in travelled
    assert "Ecuador" in travelled and "Bolivia" in travelled


def test_the_network_view_draws_who_shares_with_whom(client_as, kit, places, db):
    from datetime import date

    from knowledge import resources

    admin = client_as("admin")
    for city in ("Quito", "Quito", "La Paz"):
        resources.mark_reused(
            kit, institute_id=places[city].id, reused_on=date(2026, 6, 21), note="", attendance=None, actor=admin.user
        )
    html = admin.get("/knowledge/network").get_data(as_text=True)
    assert "reused 3 times" in html
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert svg.count("<line") == 2 and "<title" in svg
    assert 'stroke-width="6.0"' in svg  # PE -> EC, the heaviest
    assert "<td>Peru</td><td>Ecuador</td><td>2</td>" in html


def test_a_lesson_embeds_a_published_resource_with_its_source(app, kit, make_resource, places):
    draft = make_resource(status="draft", institute=places["Lima"])
    with app.test_request_context():
        embed = resolve_embed(f"knowledge:resource:{kit.uid}", locale="es")
        assert embed.title == "Fiesta de la música" and embed.summary == "Un concierto transmitido."
        assert embed.source == "Programación de origen: Alliance Française de Lima"  # in the reader's language
        assert embed.safe_url == f"/knowledge/r/{kit.uid}"
        assert resolve_embed(f"knowledge:resource:{draft.uid}") is None
        assert resolve_embed("knowledge:resource:nothing") is None


def test_content_by_topic_by_theme_code_or_axis(app, kit, make_resource):
    internal = make_resource(licence="network-internal", themes=["ENV-DIG"], texts={"fr": {"title": "Interne"}})
    with app.test_request_context():
        by_item = content_by_topic(themes=["ENV-DIG-03"], locale="fr")
        assert [(item.source, item.name) for item in by_item] == [("knowledge", kit.uid)]
        assert internal.uid not in {item.name for item in by_item}
        assert [item.title for item in content_by_topic(axis="communication", locale="es")] == ["Fiesta de la música"]
        assert content_by_topic(themes=["ACC-PHY"]) == []
        assert content_by_topic(themes=["ENV-DIG"], asker="knowledge") == []


def test_kinds_come_from_a_core_collector_that_plugins_extend(app):
    extra = ResourceKind("sample-podcast", "Podcast", 35)
    with app.test_request_context(), resource_kinds_signal.connected_to(lambda _sender: extra):
        names = [kind.name for kind in resource_kinds()]
    assert names[:5] == ["document", "link", "recording", "sample-podcast", "programme-kit"]
    with app.test_request_context():
        assert "sample-podcast" not in [kind.name for kind in resource_kinds()]


def test_the_dashboard_shows_new_resources_of_the_persons_country(client_as, kit, places, make_resource):
    make_resource(institute=places["Quito"], axis="project-management", texts={"fr": {"title": "Budget équatorien"}})
    peruvian = client_as("staff", institute_id=places["Lima"].id)
    html = peruvian.get("/dashboard").get_data(as_text=True)
    assert "New resources for you" in html and "Fête de la musique" in html and "Budget équatorien" not in html


def test_the_dashboard_adds_the_axes_of_what_the_person_reused_in_one_statement(
    client_as, kit, places, make_resource, count_queries
):
    from datetime import date

    from knowledge.queries import new_for_person
    from knowledge.resources import mark_reused

    budget = make_resource(institute=places["Quito"], axis="project-management", texts={"fr": {"title": "Budget"}})
    peruvian = client_as("staff", institute_id=places["Lima"].id)
    mark_reused(budget, institute_id=places["Lima"].id, reused_on=date(2026, 5, 1), note="", attendance=None,
                actor=peruvian.user)  # fmt: skip
    newer = make_resource(institute=places["Quito"], axis="project-management", texts={"fr": {"title": "Calendrier"}})
    with count_queries() as counted:
        found = new_for_person("PE", peruvian.user.id)
    assert newer in found and counted.count == 1
    # No institute and nothing reused yet: the latest resources of the whole network.
    assert newer in new_for_person(None, peruvian.user.id + 1000)


def test_the_atom_feed_follows_an_axis_tag_or_kind(client, kit, make_resource):
    make_resource(licence="network-internal", axis="communication", texts={"fr": {"title": "Interne"}})
    make_resource(axis="project-management", kind="guide", texts={"fr": {"title": "Guide budgétaire"}})
    response = client.get("/knowledge/feed.atom?axis=communication")
    assert response.status_code == 200 and response.content_type.startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.data)  # noqa: S314 - our own feed
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Fête de la musique"]  # not the network-internal one
    by_kind = ElementTree.fromstring(client.get("/knowledge/feed.atom?kind=guide").data)  # noqa: S314 - our own feed
    assert [e.findtext(f"{ATOM}title") for e in by_kind.iter(f"{ATOM}entry")] == ["Guide budgétaire"]
    by_tag = ElementTree.fromstring(client.get("/knowledge/feed.atom?tag=fête de la musique").data)  # noqa: S314 - our own feed
    assert len(list(by_tag.iter(f"{ATOM}entry"))) == 1
    assert client.get("/knowledge/feed.atom?kind=nothing").status_code == 404


def test_a_resource_exports_as_json_with_its_files_metadata(client_as, kit):
    import io

    from knowledge import files

    files.attach(kit, io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "kit.pdf", actor=None)
    response = client_as("staff").get(f"/knowledge/r/{kit.uid}.json")
    assert response.status_code == 200 and response.content_type.startswith("application/json")
    document = json.loads(response.data)
    assert document["reference"] == f"knowledge:resource:{kit.uid}"
    assert document["texts"]["es"]["title"] == "Fiesta de la música"
    assert document["attachments"][0]["filename"] == "kit.pdf"
    assert document["attachments"][0]["content_type"] == "application/pdf"
    assert len(document["attachments"][0]["sha256"]) == 64
    assert document["budget"] == [{"label": "Son", "amount": "1200", "currency": "USD", "note": ""}]
    assert document["budget_totals"] == {"USD": "1200"} and "budget" not in document["kit"]
    assert document["translation_status"]["pt"] == "missing"


def test_a_kit_shows_its_budget_lines_and_contacts_to_signed_in_staff(client_as, client, kit):
    page = client_as("staff").get(f"/knowledge/r/{kit.uid}").get_data(as_text=True)
    assert '<td>Son</td><td class="kn-amount">$1,200.00</td>' in page
    assert "Ana: ana@example.org" in page
    # Anonymous readers reach no resource page (sign in first), and the public feed carries no contacts.
    assert client.get(f"/knowledge/r/{kit.uid}").status_code == 302
    assert b"ana@example.org" not in client.get("/knowledge/feed.atom").data

"""Issue 12 walked in a real browser: a staff member shares a resource, an administrator curates it (asks for a
change, then publishes), a colleague in another country finds it by searching without accents and narrowing with
facets, and marks that their institute reused it.

The walk runs twice: with JavaScript (axe checks every page) and without it (every step is a plain link or form).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_courses_walk import path_is, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def institutes(live_app: Any) -> dict[str, int]:
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute, InstituteKind

    token = secrets.token_hex(3)
    made = {}
    with live_app.app_context():
        for city, country in (("Lima", "PE"), ("Quito", "EC")):
            institute = Institute(
                kind=InstituteKind.ALLIANCE,
                name=f"Alliance Française de {city} {token}",
                country=country,
                city=city,
                timezone="America/Lima",
                languages=["es", "fr"],
            )
            db.session.add(institute)
            db.session.flush()
            made[city] = institute.id
        db.session.commit()
    return made


def _with_institute(live_app: Any, person: Any, institute_id: int) -> Any:
    from sonores_lms.extensions import db
    from sonores_lms.people.models import User

    with live_app.app_context():
        db.session.get(User, person.id).institute_id = institute_id
        db.session.commit()
    return person


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_share_curate_search_and_reuse(new_context, live_app, live_user, institutes, check_a11y, javascript):
    check = check_a11y if javascript else (lambda _page: [])
    token = secrets.token_hex(3)
    title = f"Señales de radio comunitaria {token}"
    author = _with_institute(live_app, live_user(role="staff", locale="es"), institutes["Lima"])
    curator = live_user(role="admin", locale="fr")
    colleague = _with_institute(live_app, live_user(role="staff", locale="es"), institutes["Quito"])

    # 1. The author shares a resource: a draft.
    page = new_context(java_script_enabled=javascript, locale="es-PE").new_page()
    sign_in(page, author)
    page.goto("/knowledge/")
    check(page)
    page.click("main a[href='/knowledge/new']")
    check(page)
    page.select_option("#kind", "good-practice")
    page.select_option("#institute", str(institutes["Lima"]))
    page.select_option("#licence", "CC-BY-SA-4.0")
    page.select_option("#axis", "communication")
    page.check("input[name=themes][value='CIT-LOC']")
    page.fill("#es-title", title)
    page.fill("#es-summary", "Cápsulas de radio en francés para la radio comunitaria del barrio.")
    page.fill("#es-body", "Cada **señal** cuenta: cinco minutos, una vez por semana.")
    page.fill("#links", "Radio | javascript:alert(1)")
    page.click("main form button[type=submit]")
    expect(page.locator(".form-errors")).to_have_count(1)  # the address is refused, nothing saved
    check(page)
    page.fill("#links", "Radio | https://radio.example.org/")
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/knowledge/r/[0-9a-f]{32}$"))
    uid = page.url.rsplit("/", 1)[1]
    expect(page.locator("main h1")).to_have_text(title)
    check(page)
    page.click("form[action$='/submit'] button")
    expect(page.locator("form[action$='/submit']")).to_have_count(0)

    # 2. The curator asks for a change, then publishes.
    curator_page = new_context(java_script_enabled=javascript).new_page()
    sign_in(curator_page, curator)
    curator_page.goto("/knowledge/review")
    check(curator_page)
    curator_page.click(f"main a[href='/knowledge/r/{uid}']")
    curator_page.fill("#comment", "Ajoutez le nom de la radio partenaire.")
    curator_page.click("button[value='request-changes']")
    expect(curator_page.locator("button[value='request-changes']")).to_have_count(0)
    check(curator_page)
    curator_page.click("button[value='publish']")
    expect(curator_page.locator("button[value='feature']")).to_have_count(1)
    curator_page.click(f"main a[href='/knowledge/r/{uid}/history']")
    expect(curator_page.locator("main tbody tr")).to_have_count(4)  # created, submitted, changes requested, published
    check(curator_page)

    # 3. A colleague in Quito finds it without accents, narrows with two facets, and marks a reuse.
    reader = new_context(java_script_enabled=javascript, locale="es-EC").new_page()
    sign_in(reader, colleague)
    reader.goto("/knowledge/")
    reader.fill("#q", f"senales {token}")
    reader.click("form[role=search] button")
    expect(reader).to_have_url(path_is("/knowledge/"))
    expect(reader.locator(".kn-cards h3 a")).to_have_count(1)
    expect(reader.locator(".kn-cards mark").first).to_be_visible()
    check(reader)
    reader.click(".kn-facets a[href*='kind=good-practice']")
    reader.click(".kn-facets a[href*='country=PE']")
    expect(reader.locator(".kn-facets [aria-current]")).to_have_count(2)
    expect(reader.locator(".kn-cards h3 a")).to_have_text(title)
    check(reader)
    reader.click(".kn-cards h3 a")
    expect(reader).to_have_url(path_is(f"/knowledge/r/{uid}"))
    reader.click(f"main a[href='/knowledge/r/{uid}/reuse']")
    check(reader)
    reader.fill("#reused_on", "2026-11-20")
    reader.fill("#note", "Lo hicimos con la radio de la universidad.")
    reader.fill("#attendance", "80")
    reader.click("main form button[type=submit]")
    expect(reader).to_have_url(re.compile(rf"/knowledge/r/{uid}#travelled"))
    expect(reader.locator(".kn-reuses li")).to_have_count(1)
    expect(reader.locator(".kn-reuses li")).to_contain_text("Alliance Française de Quito")
    check(reader)
    reader.goto("/knowledge/network")
    expect(reader.locator("svg.kn-network line")).not_to_have_count(0)
    check(reader)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_on_a_phone_the_facets_fold_and_the_results_start_on_the_first_screen(
    new_context, live_app, live_user, institutes, javascript
):
    """At 375 px every facet group is one line until it is opened (no JavaScript needed); a chosen group stays
    open. At 1280 px every group's values are shown."""
    from sonores_lms.extensions import db
    from sonores_lms.people.models import User
    from tests.fixtures.knowledge import build_resource

    token = secrets.token_hex(3)
    author = live_user(role="admin")
    with live_app.app_context():
        actor = db.session.get(User, author.id)
        for n, (kind, city, axis, licence, themes) in enumerate(
            (
                ("programme-kit", "Lima", "communication", "CC-BY-4.0", ["ENV-DIG"]),
                ("guide", "Quito", "project-management", "CC-BY-SA-4.0", ["ACC-PHY"]),
                ("document", "Lima", None, "CC0-1.0", ["ENV-WST"]),
            )
        ):
            build_resource(
                actor,
                kind=kind,
                institute=institutes[city],
                axis=axis,
                licence=licence,
                themes=themes,
                texts={"es": {"title": f"Facetas {token} {n}", "summary": "Resumen."}},
            )
        db.session.commit()

    phone = new_context(java_script_enabled=javascript, viewport={"width": 375, "height": 667}).new_page()
    sign_in(phone, author)
    phone.goto(f"/knowledge/?q=facetas+{token}")
    groups = phone.locator(".kn-facets details")
    assert groups.count() >= 5
    expect(phone.locator(".kn-facets details[open]")).to_have_count(0)
    expect(phone.locator(".kn-facets a[href*='country=PE']")).to_be_hidden()
    top = phone.locator("#results-heading").bounding_box()["y"]
    assert top < 667, f"the results start at {top}px, below the first screen"
    phone.locator(".kn-facets summary", has_text=re.compile("Pays|Country")).click()  # opens without JavaScript
    phone.click(".kn-facets a[href*='country=PE']")
    expect(phone.locator(".kn-facets details[open]")).to_have_count(1)
    expect(phone.locator(".kn-facets details[open] [aria-current]")).to_have_count(1)
    expect(phone.locator(".kn-cards h3 a")).to_have_count(2)

    wide = new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 800}).new_page()
    sign_in(wide, author)
    wide.goto(f"/knowledge/?q=facetas+{token}")
    expect(wide.locator(".kn-facets a[href*='country=EC']")).to_be_visible()
    expect(wide.locator(".kn-facets a[href*='kind=guide']")).to_be_visible()

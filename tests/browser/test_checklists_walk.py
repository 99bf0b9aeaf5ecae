"""Issue 11 walked in a real browser: a referent fills audit items (with and without JavaScript), the director
submits, an auditor reviews an answer down and validates, the results page shows its charts, and the auditor adds
an action to the plan and agrees with it; axe checks every page of the JavaScript walk.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.fixtures.users import PASSWORD

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class AuditScene:
    audit_uid: str
    institute: str
    referent: str
    director: str
    auditor: str


def _person(db: Any, email: str, role: str, institute_id: int, *, scoped: bool, locale: str) -> Any:
    from sonores_lms.people.models import RoleAssignment, User
    from sonores_lms.permissions import Role

    user = User(
        email=email, first_name="Camille", last_name=email.split("@")[0], locale=locale, institute_id=institute_id
    )
    user.set_password(PASSWORD)
    user.role_assignments.append(RoleAssignment(role=Role(role), institute_id=institute_id if scoped else None))
    db.session.add(user)
    db.session.flush()
    return user


@pytest.fixture
def audit_scene(live_app: Any) -> AuditScene:
    """Committed for real: an institute, its director, a referent they named, a network auditor, a template and an
    audit in progress."""
    from checklists.models import Audit, AuditState, Campaign, Referent
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute, InstituteKind
    from tests.fixtures.checklists import SMALL_TEMPLATE, build_template

    token = secrets.token_hex(3)
    with live_app.app_context():
        institute = Institute(
            kind=InstituteKind.ALLIANCE,
            name=f"Alliance Française de Cusco {token}",
            country="PE",
            city="Cusco",
            timezone="America/Lima",
            languages=["es", "fr"],
        )
        db.session.add(institute)
        db.session.flush()
        referent = _person(db, f"referente-{token}@example.org", "staff", institute.id, scoped=True, locale="es")
        director = _person(db, f"directora-{token}@example.org", "admin", institute.id, scoped=True, locale="fr")
        auditor = _person(db, f"auditor-{token}@example.org", "auditor", institute.id, scoped=False, locale="en")
        db.session.add(Referent(institute_id=institute.id, user_id=referent.id))
        template = build_template({**SMALL_TEMPLATE, "code": f"walk-{token}"})
        db.session.flush()
        campaign = Campaign(
            template_id=template.id,
            year=2027,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
            self_deadline=date(2027, 4, 30),
            review_deadline=date(2027, 6, 30),
        )
        campaign.set_texts("fr", {"title": "Audit écoresponsable 2027"})
        db.session.add(campaign)
        db.session.flush()
        audit = Audit(campaign_id=campaign.id, institute_id=institute.id, state=AuditState.NOT_STARTED)
        db.session.add(audit)
        db.session.commit()
        return AuditScene(audit.uid, institute.name, referent.email, director.email, auditor.email)


def sign_in(context: Any, email: str) -> Any:
    page = context.new_page()
    page.goto("/sign-in")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#submit")
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    return page


def answer(page: Any, code: str, choice: str, *, js: bool, comment: str | None = None) -> None:
    item = page.locator(f"#item-{code}")
    if comment is not None:
        item.locator("textarea[name$='-comment']").fill(comment)
    item.locator(f"input[type=radio][value='{choice}']").check()
    form = item.locator("form.checklists-answer-form")
    if not (js and choice not in ("partly", "na")):
        form.locator("button[type=submit]").click()
    if js and (choice not in ("partly", "na") or comment):
        # Saved in the background: the item's status says so (not "saving", not "no connection").
        expect(item.locator(".checklists-saved")).to_have_text(form.get_attribute("data-saved"))


def walk(new_context: Callable[..., Any], scene: AuditScene, check: Callable[[Any], Any], *, js: bool) -> float:
    started = time.perf_counter()
    theme = f"/checklists/audits/{scene.audit_uid}/themes/ENV-STR"

    # The referent fills two items: one saves at once, "partly" needs its comment first.
    referent = sign_in(new_context(java_script_enabled=js, locale="es-419"), scene.referent)
    check(referent)
    referent.click(f"main a[href='/checklists/audits/{scene.audit_uid}']")
    check(referent)
    referent.click(f"main a[href='{theme}']")
    expect(referent.locator("html")).to_have_attribute("lang", "es")
    check(referent)
    answer(referent, "ENV-STR-02", "yes", js=js)
    answer(referent, "ENV-STR-01", "partly", js=js)
    expect(referent.locator("#item-ENV-STR-01 .error")).to_be_visible()  # the page the server answered
    referent.wait_for_load_state("load")  # its script attached (with JavaScript) before the next answer
    check(referent)
    answer(referent, "ENV-STR-01", "partly", js=js, comment="La política está en borrador.")
    if not js:  # sent as a plain form: back on the theme page, at the item
        expect(referent).to_have_url(re.compile(r"/themes/ENV-STR#item-ENV-STR-01$"))
    referent.goto(theme)
    expect(referent.locator("#item-ENV-STR-02 input[value='yes']")).to_be_checked()
    expect(referent.locator("#item-ENV-STR-01 input[value='partly']")).to_be_checked()
    expect(referent.locator("#item-ENV-STR-01 details.checklists-history")).to_be_visible()
    check(referent)

    # The director signs off.
    director = sign_in(new_context(java_script_enabled=js), scene.director)
    director.goto(f"/checklists/audits/{scene.audit_uid}")
    check(director)
    director.locator("form[action$='/submit'] button").click()
    expect(director.locator(".checklists-state-submitted").first).to_be_visible()
    check(director)

    # The auditor finds it on the dashboard, reviews one answer down and validates.
    auditor = sign_in(new_context(java_script_enabled=js, locale="en-US"), scene.auditor)
    auditor.click(f"main a[href='/checklists/audits/{scene.audit_uid}']")
    check(auditor)
    auditor.click(f"main a[href='{theme}']")
    item = auditor.locator("#item-ENV-STR-01")
    item.locator("input[type=radio][value='no']").check()
    item.locator("textarea[name$='-comment']").fill("No draft is a policy yet.")
    item.locator("form.checklists-review-form button[type=submit]").click()
    expect(auditor.locator("#item-ENV-STR-01 dl.checklists-answer")).to_contain_text("No draft is a policy yet.")
    check(auditor)
    auditor.goto(f"/checklists/audits/{scene.audit_uid}")
    auditor.locator("form[action$='/validate'] button").click()
    expect(auditor.locator(".checklists-state-validated").first).to_be_visible()
    check(auditor)

    # The results page: server-drawn charts and the gaps, largest first.
    auditor.click(f"main a[href='/checklists/audits/{scene.audit_uid}/results']")
    expect(auditor.locator("main figure.checklists-chart svg").first).to_be_visible()
    expect(auditor.locator("ol.checklists-gaps")).to_contain_text("ENV-STR-03")
    check(auditor)

    # The action plan: a gap becomes an action with its cost band, the auditor agrees with the plan, and the
    # action's update form (status, evidence of completion, reason for dropping) opens.
    auditor.fill("#title", "Write the policy with the board")
    auditor.locator("input[name=codes][value='ENV-STR-01']").check()
    auditor.select_option("#cost_band", "none")
    auditor.fill("#expected_effect", "ENV-STR-01 yes")
    auditor.locator("form[action$='/actions'] button[type=submit]").click()
    plan = auditor.locator("section[aria-labelledby=plan]")
    expect(plan.locator("table")).to_contain_text("Write the policy with the board")
    expect(plan.locator("table")).to_contain_text("No cost")
    plan.locator("form[action$='/actions/agree'] button").click()
    expect(plan).to_contain_text("The auditor agreed with this plan.")
    plan.locator("details.checklists-action-update summary").first.click()
    expect(plan.locator("details.checklists-action-update input[type=file]").first).to_be_visible()
    check(auditor)
    return time.perf_counter() - started


def test_audit_walk_with_javascript(new_context, audit_scene, check_a11y, record_property):
    record_property("walk_seconds", round(walk(new_context, audit_scene, check_a11y, js=True), 2))


def test_audit_walk_without_javascript(new_context, audit_scene, record_property):
    record_property("walk_seconds", round(walk(new_context, audit_scene, lambda _page: None, js=False), 2))


@dataclass(frozen=True)
class CampaignScene:
    admin: str
    auditor: str
    template_title: str
    token: str
    haiti: str
    lima: str


@pytest.fixture
def campaign_scene(live_app: Any) -> CampaignScene:
    """Committed for real: a network administrator, an auditor, a published template and an institute in each of
    the network's 23 countries, named as long as the form allows (the country list and the checklist must hold on
    a phone)."""
    from sonores_lms.extensions import db
    from sonores_lms.institutes.choices import NETWORK_COUNTRIES
    from sonores_lms.institutes.models import Institute, InstituteKind
    from tests.fixtures.checklists import SMALL_TEMPLATE, build_template

    token = secrets.token_hex(3)
    long_word = "Aaaaaaabbbbbbbcccccccdddddddeeeeeeefffffffggggggghhhhhhh"
    with live_app.app_context():
        names = {}
        for country in NETWORK_COUNTRIES:
            name = f"Alliance Française {token} {country} {long_word} et des communes voisines de la vallée"[:200]
            db.session.add(
                Institute(
                    kind=InstituteKind.ALLIANCE, name=name, country=country, city=f"Ciudad-{long_word}",
                    timezone="America/Bogota", languages=["es", "fr"],
                )
            )  # fmt: skip
            names[country] = name
        admin = _person(db, f"admin-{token}@example.org", "admin", None, scoped=False, locale="fr")
        auditor = _person(db, f"auditrice-{token}@example.org", "auditor", None, scoped=False, locale="fr")
        template = build_template({**SMALL_TEMPLATE, "code": f"campaign-{token}"})
        db.session.commit()
        return CampaignScene(
            admin.email, auditor.email, str(template.text("title", "fr")), token, names["HT"], names["PE"]
        )


def test_an_administrator_opens_a_campaign_on_a_phone(new_context, campaign_scene, check_a11y):
    """Countries, a search, a typed list, the confirmation with the hurricane question, then the campaign page with
    an auditor for a whole country; each page measured at 375 px and checked by axe."""
    from tests.browser.test_layout import MEASURE

    scene = campaign_scene
    year = date.today().year + 1
    page = sign_in(new_context(java_script_enabled=True, viewport={"width": 375, "height": 900}), scene.admin)

    def holds(target: Any) -> None:
        problems = target.evaluate(MEASURE)
        assert problems == [], "\n".join(problems)
        check_a11y(target)

    page.goto("/checklists/campaigns/new")
    page.select_option("#template", label=f"{scene.template_title} · v1")
    page.fill("#title", f"Campagne {scene.token}")
    page.fill("#self_deadline", f"{year}-06-30")
    page.fill("#review_deadline", f"{year}-09-15")
    page.check("#countries input[value='HT']")
    page.fill("#search", f"{scene.token} PE")
    page.locator("button[name=step][value=search]").click()
    expect(page.locator("#choose-institutes [role=status]")).to_contain_text("1\u00a0institut")
    expect(page.locator("#title")).to_have_value(f"Campagne {scene.token}")  # kept by the search
    expect(page.locator("#countries input[value='HT']")).to_be_checked()
    holds(page)
    page.locator("#institutes label", has_text=scene.lima[:40]).click()
    page.fill("#listed", f"{scene.token} nowhere")
    page.locator("button[name=step][value=review]").click()
    expect(page.locator("#listed-error")).to_contain_text("Ligne 1")
    page.fill("#listed", f"Alliance Française {scene.token} JM")  # no such institute: the names run longer
    page.locator("button[name=step][value=review]").click()
    expect(page.locator("#listed-error")).to_contain_text("Ligne 1")
    page.fill("#listed", "")
    page.locator("button[name=step][value=review]").click()

    # Haiti's institutes (other walks may have added some to the live database) and Lima: two countries.
    expect(page.locator(".checklists-plan-total")).to_have_text(
        re.compile("Cette campagne ouvrira \\d+\u00a0audits dans 2\u00a0pays.")
    )
    expect(page.locator(".checklists-warning")).to_contain_text(scene.haiti[:40])
    holds(page)
    page.locator("button[name=step][value=confirm]").click()
    expect(page.locator("#hurricane_ok-error")).to_be_visible()
    page.check("#hurricane_ok")
    page.locator("button[name=step][value=confirm]").click()
    expect(page).to_have_url(re.compile(r"/checklists/campaigns/[0-9a-f]{32}$"))
    expect(page.locator("main table")).to_contain_text(scene.lima[:40])
    holds(page)

    page.select_option("#country", "HT")
    page.select_option("#auditor", label=f"Camille auditrice-{scene.token}")
    page.locator("form[action$='/auditors/country'] button").click()
    expect(page).to_have_url(re.compile(r"country=HT"))
    expect(page.locator("main table")).to_contain_text(scene.haiti[:40])
    expect(page.locator("main table")).not_to_contain_text(scene.lima[:40])  # filtered on Haiti
    expect(page.locator("main table")).to_contain_text(f"Camille auditrice-{scene.token}")
    holds(page)

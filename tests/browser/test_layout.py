"""Issue 9, item 10: the main pages of every role hold their layout at 375, 768 and 1280 px.

A person with the longest name the forms accept and a plan whose titles are as long as allowed (with words too long
for a line) are seeded in the live database; each role signs in and opens its pages, and at each width the page is
measured in the browser: nothing may be wider than the window, no element that is not meant to scroll may hold more
than it shows (``scrollWidth`` beyond ``clientWidth``: text cut off or spilling onto its neighbour), and the boxes
laid out side by side in one container may not overlap.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.fixtures.users import PASSWORD

pytestmark = pytest.mark.browser

WIDTHS = (375, 768, 1280)
WIDE = 1280  # from here the brand, the main navigation and the account tools share one line
HEIGHT = 900

# As long as the forms accept (first and last name 100, job title 120, institute name 200, city 120, titles 200),
# with words no line can hold: a long name must wrap, never widen or clip its box.
LONG_WORD = "Aaaaaaabbbbbbbcccccccdddddddeeeeeeefffffffggggggghhhhhhh"  # 56 letters, wider than a phone
FIRST_NAME = ("Maria-Guadalupe-Fernanda-Esperanza-" + LONG_WORD)[:100]
LAST_NAME = ("de los Santos Rodríguez y Pérez de la Concepción " + LONG_WORD + " Vargas")[:100]
JOB_TITLE = ("Coordinadora " + LONG_WORD + " de proyectos culturales y de la programación artística")[:120]
INSTITUTE = ("Alliance Française de " + LONG_WORD + " et des communes voisines de la vallée du fleuve, " * 3)[:200]
CITY = ("San-Cristóbal-de-las-Casas-" + LONG_WORD + " de la Sierra Madre")[:120]


def long_title(kind: str, token: str) -> str:
    return (f"{kind} {token} {LONG_WORD} : " + "un titre très long qui dit tout ce que l'on apprend ici, " * 4)[:200]


# The measurement, run inside the page. Elements meant to scroll (overflow auto/scroll) may hold more than they show;
# form controls and visually hidden text are left alone; boxes in the normal flow of one container must not overlap.
MEASURE = """
() => {
  const TOLERANCE = 1;
  const problems = [];
  const name = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) part += '#' + node.id;
      else if (node.classList.length) part += '.' + Array.from(node.classList).join('.');
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  // A one-line label cut with an ellipsis is meant to be cut when its title attribute holds the whole text.
  const ellipsis = (el, style) => style.textOverflow === 'ellipsis' && el.title && el.title.trim() === el.textContent.trim();
  const hidden = (el, style) => style.display === 'none' || style.visibility === 'hidden'
    || el.closest('.visually-hidden, [hidden], .skip-link, details:not([open]) > :not(summary)');
  const exempt = new Set(['SCRIPT', 'STYLE', 'OPTION', 'OPTGROUP', 'INPUT', 'SELECT', 'TEXTAREA', 'PROGRESS',
    'BR', 'svg', 'IMG', 'VIDEO', 'AUDIO', 'IFRAME']);
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth + TOLERANCE) {
    problems.push(`the page is ${page.scrollWidth}px wide in a ${window.innerWidth}px window`);
  }
  const elements = Array.from(document.body.querySelectorAll('*'));
  for (const el of elements) {
    if (exempt.has(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (hidden(el, style)) continue;
    if (style.overflowX === 'auto' || style.overflowX === 'scroll' || ellipsis(el, style)) continue;
    if (style.display === 'inline' || !el.clientWidth) continue;
    if (el.scrollWidth > el.clientWidth + TOLERANCE) {
      problems.push(`${name(el)} holds ${el.scrollWidth}px of content in ${el.clientWidth}px`);
    }
  }
  const inFlow = (el) => {
    if (exempt.has(el.tagName) && el.tagName !== 'INPUT' && el.tagName !== 'SELECT') return false;
    const style = getComputedStyle(el);
    if (hidden(el, style) || style.display === 'inline' || style.display === 'contents') return false;
    if (style.position === 'absolute' || style.position === 'fixed') return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  for (const parent of elements) {
    const style = getComputedStyle(parent);
    if (hidden(parent, style)) continue;
    const children = Array.from(parent.children).filter(inFlow);
    if (children.length < 2 || children.length > 100) continue;
    const boxes = children.map((child) => child.getBoundingClientRect());
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > TOLERANCE && down > TOLERANCE) {
          problems.push(`${name(children[i])} and ${name(children[j])} overlap (${Math.round(across)}×${Math.round(down)}px)`);
        }
      }
    }
  }
  return problems;
}
"""

# True when the items of the header's row do not all sit on one line (their tops differ by more than a line).
HEADER_WRAPS = """
() => {
  const items = Array.from(document.querySelectorAll('.header-row > *'))
    .filter((el) => getComputedStyle(el).display !== 'none');
  const boxes = items.map((el) => el.getBoundingClientRect());
  return boxes.some((box) => box.top >= Math.min(...boxes.map((b) => b.bottom)));
}
"""


@dataclass
class LayoutScene:
    """Who signs in as each role, and the pages each one opens (paths on the live server)."""

    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # role -> (email, locale)
    pages: dict[str, list[str]] = field(default_factory=dict)  # role -> paths


@pytest.fixture(scope="module")
def layout_scene(live_app: Any) -> LayoutScene:
    """Committed for real: an institute, one person per role (the staff member, trainer and director with the
    longest names), a published plan with long titles, its draft revision, a target and a started course."""
    from sqlalchemy import func, select

    from courses.learning import complete_lesson
    from courses.models import Assignment, Axis, Course, Lesson, Module, Plan, PlanStatus, Target, Track
    from courses.revisions import draft_for
    from sonores_lms.database import utcnow
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute, InstituteKind
    from sonores_lms.people.models import RoleAssignment, User
    from sonores_lms.permissions import Role

    token = secrets.token_hex(3)
    scene = LayoutScene()
    with live_app.app_context():
        institute = Institute(
            kind=InstituteKind.ALLIANCE,
            name=INSTITUTE,
            country="MX",
            city=CITY,
            timezone="America/Argentina/ComodRivadavia",
            languages=["fr", "es", "pt", "en"],
        )
        db.session.add(institute)
        db.session.flush()

        def person(role: str, locale: str, *, scoped: bool = False, long: bool = True) -> User:
            label = "director" if scoped else role
            user = User(
                email=f"layout-{label}-{token}@example.org",
                first_name=FIRST_NAME if long else "Ana",
                last_name=LAST_NAME if long else f"Auditora {token}",
                job_title=JOB_TITLE if long else None,
                locale=locale,
                institute_id=institute.id,
            )
            user.set_password(PASSWORD)
            user.role_assignments.append(RoleAssignment(role=Role(role), institute_id=institute.id if scoped else None))
            if role == "trainer":
                user.role_assignments.append(RoleAssignment(role=Role.STAFF, institute_id=institute.id))
            db.session.add(user)
            scene.people[label] = (user.email, locale)
            return user

        # Spanish and Portuguese run longer than French or English: the widest pages get them.
        staff = person("staff", "es")
        trainer = person("trainer", "pt")
        admin = person("admin", "fr")
        director = person("admin", "es", scoped=True)
        person("auditor", "en", long=False)
        db.session.flush()

        year = max(db.session.scalar(select(func.max(Plan.year))) or 0, 2026) + 1
        plan = Plan(year=year, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
        plan.set_texts("fr", {"title": long_title("Plan", token)})
        axis = Axis(code="communication", position=0)
        axis.set_texts("fr", {"title": long_title("Axe", token), "description": long_title("Description", token)})
        plan.axes.append(axis)
        track = Track(position=0)
        track.set_texts("fr", {"title": long_title("Parcours", token), "summary": long_title("Résumé", token)})
        axis.tracks.append(track)
        course = Course(position=0)
        course.set_texts(
            "fr",
            {
                "title": long_title("Cours", token),
                "summary": long_title("Résumé", token),
                "objectives": f"- {long_title('Objectif', token)}\n- https://example.org/{LONG_WORD}/{LONG_WORD}",
            },
        )
        track.courses.append(course)
        module = Module(position=0)
        module.set_texts("fr", {"title": long_title("Module", token)})
        course.modules.append(module)
        for n in range(3):
            lesson = Lesson(position=n, kind="text", duration_minutes=75)
            body = f"{long_title('Texte', token)}\n\nhttps://example.org/{LONG_WORD}/{LONG_WORD}/{LONG_WORD}"
            lesson.set_texts("fr", {"title": long_title(f"Leçon {n + 1}", token), "body": body})
            module.lessons.append(lesson)
        db.session.add(plan)
        db.session.flush()
        db.session.add(Target(plan_id=plan.id, track_uid=track.uid, role=Role.STAFF, institute_id=institute.id))
        db.session.add(Assignment(user_id=trainer.id, track_uid=track.uid))
        lessons = list(module.lessons)
        complete_lesson(staff, lessons[0], actor=staff)
        draft = draft_for(plan, actor=admin)
        # certificates: the staff member's certificate (the longest name) and a course template with long texts
        from certificates.models import Certificate, CertificateTemplate, SubjectKind

        cert_template = CertificateTemplate(scope=f"course:{course.uid}", name=long_title("Modèle", token))
        cert_template.set_texts("fr", {"title": long_title("Attestation", token), "body": "{name} : {course}"})
        certificate = Certificate(
            user_id=staff.id,
            kind=SubjectKind.COURSE,
            subject_uid=course.uid,
            language="es",
            snapshot={
                "holder": f"{FIRST_NAME} {LAST_NAME}",
                "titles": {"fr": long_title("Cours", token)},
                "institute": INSTITUTE,
                "issuer": INSTITUTE,
                "minutes": 225,
            },  # fmt: skip
            holder_name=f"{FIRST_NAME} {LAST_NAME}",
            institute_id=institute.id,
            country="MX",
            completed_at=utcnow(),
        )
        db.session.add_all([cert_template, certificate])
        db.session.commit()

        draft_track = draft.axes[0].tracks[0]
        draft_course = draft_track.courses[0]
        draft_lesson = draft_course.modules[0].lessons[0]
        learner_pages = [
            "/dashboard",
            "/account/profile",
            "/account/password",
            "/courses/catalogue",
            f"/courses/catalogue?track={track.uid}",
            f"/courses/learn/{course.uid}",
            f"/courses/learn/lesson/{lessons[1].uid}",
        ]
        scene.pages = {
            "staff": [*learner_pages, f"/courses/learn/{course.uid}/offline"],
            "trainer": [
                *learner_pages,
                "/courses/author/",
                f"/courses/author/{year}",
                f"/courses/author/tracks/{draft_track.id}/courses",
                f"/courses/author/courses/{draft_course.id}",
                f"/courses/author/lessons/{draft_lesson.id}",
                f"/courses/author/lessons/{draft_lesson.id}/preview?lang=es",
            ],
            "admin": [
                "/dashboard",
                "/account/profile",
                "/courses/plans/",
                f"/courses/plans/{plan.id}",
                f"/courses/plans/{draft.id}",
                f"/courses/plans/{draft.id}/targets",
                f"/courses/plans/{plan.id}/delivered",
                "/courses/reports/",
                f"/courses/author/tracks/{draft_track.id}",
                f"/courses/author/track/{draft_track.id}/trainers",
                "/admin/people/",
                f"/admin/people/{staff.id}",
                f"/admin/people/{staff.id}/edit",
                "/admin/people/invite",
                "/admin/people/import",
                "/admin/institutes/",
                f"/admin/institutes/{institute.id}/edit",
                "/admin/settings/",
                "/admin/audit/",
                "/admin/roles/",
            ],
            "director": [
                "/dashboard",
                "/admin/people/",
                f"/admin/people/{staff.id}",
                f"/admin/people/{director.id}/edit",
                "/courses/reports/",
            ],
            "auditor": ["/dashboard", "/account/profile", "/courses/catalogue"],
        }
        scene.pages["staff"] += ["/certificates/mine", f"/certificates/verify/{certificate.code}"]
        scene.pages["admin"] += [
            "/certificates/admin/",
            f"/certificates/admin/{certificate.code}",
            "/certificates/admin/issue",
            "/certificates/admin/templates",
            f"/certificates/admin/templates/{cert_template.uid}",
            f"/certificates/admin/courses/{course.uid}",
        ]
        scene.pages["director"] += ["/certificates/admin/", f"/certificates/admin/{certificate.code}"]

        # The knowledge base: a kit with long texts, reused once; its pages for staff and for a curator.
        from datetime import date

        from knowledge.resources import mark_reused
        from tests.fixtures.knowledge import build_resource

        kit = build_resource(
            admin,
            institute=institute,
            axis="communication",
            themes=["ENV-DIG", "ACC-COM"],
            tags=[long_title("Mot-clé", token)[:40]],
            kit={"contacts": long_title("Contact", token)},
            budget=[
                {"label": long_title("Budget", token), "amount": "1200000.50", "currency": "COP", "note": LONG_WORD},
                {"label": "", "amount": None, "currency": None, "note": long_title("Note", token)},
            ],
            links=[{"url": f"https://example.org/{LONG_WORD}/{LONG_WORD}", "label": ""}],
            texts={"es": {"title": long_title("Recurso", token), "summary": long_title("Resumen", token)}},
        )
        mark_reused(
            kit, institute_id=institute.id, reused_on=date(2026, 6, 21), note=LONG_WORD, attendance=80, actor=staff
        )
        db.session.commit()
        knowledge_pages = ["/knowledge/", "/knowledge/?q=recurso&kind=programme-kit", f"/knowledge/r/{kit.uid}"]
        scene.pages["staff"] += [
            *knowledge_pages,
            "/knowledge/new",
            f"/knowledge/r/{kit.uid}/reuse",
            "/knowledge/network",
        ]
        scene.pages["admin"] += [
            f"/knowledge/r/{kit.uid}/edit",
            f"/knowledge/r/{kit.uid}/history",
            f"/knowledge/r/{kit.uid}/history/1",
            "/knowledge/review",
            "/knowledge/curators",
        ]
        _checklists_pages(scene, institute.id, token)
    return scene


def _checklists_pages(scene: LayoutScene, institute_id: int, token: str) -> None:
    """The eco-audit pages (issue 11): an audit of the long-named institute with answers, a review, a comment
    and an action whose texts are as long as allowed."""
    from datetime import date

    from checklists.models import Action, Answer, AnswerChange, Audit, AuditorAssignment, AuditState, Campaign
    from checklists.queries import item_of
    from checklists.results import recompute
    from sonores_lms.extensions import db
    from sonores_lms.people.models import User
    from tests.fixtures.checklists import SMALL_TEMPLATE, build_template

    template = build_template({**SMALL_TEMPLATE, "code": f"layout-{token}"})
    db.session.flush()
    campaign = Campaign(
        template_id=template.id,
        year=2027,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        self_deadline=date(2027, 4, 30),
        review_deadline=date(2027, 6, 30),
    )
    campaign.set_texts("fr", {"title": long_title("Campagne", token)})
    db.session.add(campaign)
    db.session.flush()
    audit = Audit(campaign_id=campaign.id, institute_id=institute_id, state=AuditState.IN_REVIEW)
    db.session.add(audit)
    db.session.flush()
    auditor = db.session.query(User).filter(User.email == scene.people["auditor"][0]).one()
    audit.auditors.append(AuditorAssignment(user_id=auditor.id))
    item = item_of(template.id, "ENV-STR-01")
    comment = long_title("Commentaire", token)
    answer = Answer(
        audit_id=audit.id, item_id=item.id, value={"choice": "yes"}, comment=comment,
        reviewed={"choice": "partly"}, review_comment=comment,
    )  # fmt: skip
    answer.changes.append(AnswerChange(side="self", before=None, after={"choice": "yes"}, comment=comment))
    db.session.add(answer)
    db.session.add(Action(audit_id=audit.id, title=long_title("Action", token), item_codes=["ENV-STR-01"]))
    db.session.flush()
    recompute(audit)
    db.session.commit()
    base = f"/checklists/audits/{audit.uid}"
    scene.pages["director"] += [
        "/checklists/",
        base,
        f"{base}/themes/ENV-STR",
        f"{base}/themes/ACC-SEN",
        f"{base}/results",
        f"/checklists/institutes/{institute_id}/referents",
        f"/checklists/institutes/{institute_id}/profile",
    ]
    scene.pages["auditor"] += ["/checklists/", f"{base}/themes/ENV-STR", f"{base}/results", "/checklists/network"]
    scene.pages["admin"] += [
        "/checklists/campaigns/",
        "/checklists/campaigns/new",
        "/checklists/campaigns/new?search=Alliance",  # the checklist with the long-named institute
        f"/checklists/campaigns/{campaign.uid}",
        f"/checklists/campaigns/{campaign.uid}?state=in-review",
        "/checklists/templates/",
        "/checklists/network",
    ]


@pytest.fixture(scope="module")
def signed_in(browser: Any, live_server: Any, layout_scene: LayoutScene) -> Iterator[Callable[[str], Any]]:
    """``signed_in(role)``: a page of a browser profile signed in as that role's person, in their language."""
    contexts: list[Any] = []

    def factory(role: str) -> Any:
        email, locale = layout_scene.people[role]
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": WIDTHS[-1], "height": HEIGHT}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/sign-in")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.click("#submit")
        page.wait_for_url("**/dashboard")
        return page

    yield factory
    for context in contexts:
        context.close()


def layout_problems(page: Any, paths: list[str]) -> list[str]:
    found = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            found.extend(f"{path} at {width}px: {problem}" for problem in page.evaluate(MEASURE))
            if width >= WIDE and page.evaluate(HEADER_WRAPS):
                found.append(f"{path} at {width}px: the header's row wraps onto a second line")
    return found


@pytest.mark.parametrize("role", ["staff", "trainer", "admin", "director", "auditor"])
def test_main_pages_hold_their_layout_at_phone_tablet_and_desktop_widths(
    role: str, layout_scene: LayoutScene, signed_in: Callable[[str], Any]
) -> None:
    page = signed_in(role)
    problems = layout_problems(page, layout_scene.pages[role])
    if problems:
        pytest.fail(f"{len(problems)} layout problems:\n" + "\n".join(problems), pytrace=False)


def test_the_measurement_sees_clipped_and_overlapping_boxes(signed_in: Callable[[str], Any]) -> None:
    """The check itself can fail: a long word in a narrow box, a row wider than the window, two boxes on top of
    each other are all reported (and a scrolling table wrapper is not)."""
    page = signed_in("auditor")
    page.set_viewport_size({"width": 375, "height": HEIGHT})
    page.goto("/dashboard")
    # Styles are set through the DOM: the site's Content-Security-Policy refuses inline style attributes.
    page.evaluate(
        """(word) => {
        const main = document.querySelector('main');
        const add = (parent, tag, id, text, style) => {
          const el = document.createElement(tag);
          if (id) el.id = id;
          el.textContent = text;
          Object.assign(el.style, style);
          parent.appendChild(el);
          return el;
        };
        add(main, 'div', 't-clip', word, {width: '100px', overflow: 'hidden', overflowWrap: 'normal'});
        add(main, 'div', 't-wide', 'wide', {width: '900px'});
        const pair = add(main, 'div', 't-pair', '', {display: 'grid', gridTemplateColumns: '50px 50px'});
        add(pair, 'p', 't-a', 'a', {marginRight: '-40px'});
        add(pair, 'p', 't-b', 'b', {});
        const wrap = add(main, 'div', 't-scroll', '', {});
        wrap.className = 'table-wrap';
        add(add(add(wrap, 'table', '', '', {}), 'tr', '', '', {}), 'td', '', word + word, {overflowWrap: 'normal'});
        }""",
        LONG_WORD,
    )
    problems = "\n".join(page.evaluate(MEASURE))
    assert "the page is 9" in problems, problems
    assert "div#t-clip holds" in problems, problems
    assert "div#t-pair > p#t-a and main#content > div#t-pair > p#t-b overlap" in problems, problems
    assert "t-scroll" not in problems, problems


@pytest.mark.parametrize("java_script", [True, False], ids=["js", "no-js"])
def test_on_a_phone_the_navigation_is_a_menu_that_opens_and_holds_its_layout(
    browser: Any, live_server: Any, layout_scene: LayoutScene, java_script: bool, check_a11y: Callable[[Any], Any]
) -> None:
    """Below 64rem the main and administration links fold into a <details> menu: it opens with a click (no
    JavaScript needed), lists every link of both bars, and the open menu holds at 375 and 768 px."""
    email, locale = layout_scene.people["admin"]
    context = browser.new_context(
        base_url=live_server.url,
        locale=locale,
        java_script_enabled=java_script,
        viewport={"width": WIDTHS[0], "height": HEIGHT},
    )
    try:
        page = context.new_page()
        page.goto("/sign-in")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.click("#submit")
        page.wait_for_url("**/dashboard")
        expect(page.locator("nav.admin-nav")).to_be_hidden()
        expect(page.locator(".nav-menu a[href='/admin/people/']")).to_be_hidden()
        page.click(".nav-menu summary")
        for path in ("/dashboard", "/courses/catalogue", "/admin/people/", "/admin/audit/", "/courses/plans/"):
            expect(page.locator(f".nav-menu a[href='{path}']")).to_be_visible()
        if java_script:  # the measurement and axe run in the page
            for width in WIDTHS[:2]:
                page.set_viewport_size({"width": width, "height": HEIGHT})
                assert page.evaluate(MEASURE) == []
            check_a11y(page)
        page.click(".nav-menu a[href='/admin/people/']")
        page.wait_for_url("**/admin/people/")
        page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})
        expect(page.locator(".nav-menu")).to_be_hidden()
        expect(page.locator("nav.admin-nav a[href='/admin/people/']")).to_have_attribute("aria-current", "page")
    finally:
        context.close()

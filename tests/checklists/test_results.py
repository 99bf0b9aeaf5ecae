"""The results page and the PDF report: stored scores, server-drawn charts, gaps, KPI trends, training needs."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from checklists.models import Answer, AuditState
from checklists.queries import item_of
from checklists.results import recompute


def answer(db, audit, code, value, reviewed=None):
    item = item_of(audit.campaign.template_id, code)
    db.session.add(Answer(audit_id=audit.id, item_id=item.id, item=item, value=value, reviewed=reviewed))
    db.session.flush()


@pytest.fixture
def history(db, make_audit, make_checklist_template, create_institute, director_of, app):
    """An institute validated in 2026 and again in 2027 on the same template."""
    from tests.fixtures.users import sign_in_client

    institute = create_institute(name="Alliance Française de Arequipa", country="PE")
    template = make_checklist_template()
    earlier = make_audit(institute, template=template, year=2026, state="validated")
    answer(db, earlier, "ENV-ENE-01", {"number": 20000})
    recompute(earlier)
    audit = make_audit(institute, template=template, year=2027, state="validated")
    answer(db, audit, "ENV-STR-01", {"choice": "yes"}, reviewed={"choice": "partly"})
    answer(db, audit, "ENV-STR-02", {"choice": "yes"})
    answer(db, audit, "ENV-ENE-01", {"number": 18000})
    answer(db, audit, "ACC-SEN-02", {"choice": "no"})
    recompute(audit)
    client = sign_in_client(app, director_of(institute))
    client.user = audit.institute and client_user(db, institute)
    return audit, client


def client_user(db, institute):
    from sqlalchemy import select

    from sonores_lms.people.models import User

    return db.session.scalar(select(User).where(User.institute_id == institute.id))


def test_results_show_stored_scores_chart_gaps_and_trend(history, db):
    audit, client = history
    page = client.get(f"/checklists/audits/{audit.uid}/results").get_data(as_text=True)
    assert page.count("<svg") >= 2  # the pillar bars and the ENV-ENE-01 trend line
    title = page[page.index("<title>") + len("<title>") : page.index("</title>")]
    assert "<" not in title and title.startswith("Results: ")
    assert page.count('id="plan"') == 1  # the action plan once, in the page's body
    assert 'role="img"' in page and "Score per pillar" in page
    # ENV-STR reviewed: (2 x 0.5 + 2 x 1 + 3 x 0) / 7
    assert f"{round(100 * 3 / 7)} %" in page
    # The largest gap first: ENV-STR-03, weight 3, unanswered.
    gaps = page[page.index("Largest gaps") :]
    assert gaps.index("ENV-STR-03") < gaps.index("ENV-STR-01")
    assert "2026: 20,000 kWh; 2027: 18,000 kWh" in page


def test_kpi_improving_by_its_step_scores_full_against_last_year(history, db):
    audit, _client = history
    from checklists.results import compute

    _rules, _own, reviewed = compute(audit)
    assert reviewed.items["ENV-ENE-01"] == 1.0  # 18,000 is 10 % under 20,000 (step 5 %)


def test_results_page_reads_a_constant_number_of_queries(history, db, count_queries, make_audit):
    audit, client = history
    client.get(f"/checklists/audits/{audit.uid}/results")
    with count_queries() as few:
        client.get(f"/checklists/audits/{audit.uid}/results")
    for code in ("ENV-STR-03", "ENV-ENE-02", "ACC-SEN-01"):
        answer(
            db,
            audit,
            code,
            {"choice": "none"}
            if code == "ENV-STR-03"
            else {"numerator": 1, "denominator": 2}
            if code == "ENV-ENE-02"
            else {"choices": ["audio"]},
        )
    recompute(audit)
    with count_queries() as more:
        client.get(f"/checklists/audits/{audit.uid}/results")
    assert more.count == few.count


def test_training_lists_courses_teaching_the_weakest_themes(history, db, make_plan):
    audit, client = history
    plan = make_plan(courses=2, lessons=1)
    taught = plan.axes[0].tracks[0].courses[0]
    taught.theme_codes = ["ACC-SEN"]
    taught.set_texts("en", {"title": "Welcoming disabled audiences"})
    db.session.flush()
    page = client.get(f"/checklists/audits/{audit.uid}/results").get_data(as_text=True)
    training = page[page.index("Training for the weakest themes") :]
    assert "Welcoming disabled audiences" in training


def test_pdf_report_in_the_readers_language_with_its_chart(history, app, db):
    audit, client = history
    client.user.locale = "es"
    db.session.flush()
    response = client.get(f"/checklists/audits/{audit.uid}/report.pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "Resultados" in text and "Brechas más grandes" in text
    assert audit.state == AuditState.VALIDATED

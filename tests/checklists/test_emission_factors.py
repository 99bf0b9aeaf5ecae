"""Emission figures keep the factor they were computed with (source, year, value, unit): with the answer, with
each change of it and with the review, shown on the item, beside the KPI trend and in the PDF report."""

from __future__ import annotations

import copy
import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from checklists.models import Answer, AnswerChange, Item
from tests.fixtures.checklists import SMALL_TEMPLATE

CODE = "ENV-ENE-04"


def _with_emissions() -> dict:
    data = copy.deepcopy(SMALL_TEMPLATE)
    data["code"] = "eco-emissions"
    data["pillars"][0]["themes"][1]["items"].append(
        {
            "code": CODE,
            "type": "number",
            "weight": 2,
            "kpi": True,
            "unit": "t CO2e",
            "question": {"fr": "Émissions des déplacements", "en": "Emissions from travel"},
            "rules": {"direction": "down", "step": 5, "step_relative": True, "min": 0, "max": 100000},
        }
    )
    return data


@pytest.fixture
def emissions(app, db, make_checklist_template, make_audit, create_institute, director_of, client_as):
    from types import SimpleNamespace

    from tests.fixtures.users import sign_in_client

    template = make_checklist_template(data=_with_emissions())
    institute = create_institute(name="Alliance Française de Santo Domingo", country="DO")
    director = director_of(institute)
    audit = make_audit(institute, template=template, year=2027, state="in-progress")
    return SimpleNamespace(
        template=template,
        institute=institute,
        audit=audit,
        client=sign_in_client(app, director),
        auditor=client_as("auditor"),
    )


def _save(client, audit, **fields):
    data = {f"{CODE}-{name}": value for name, value in fields.items()}
    return client.post(f"/checklists/audits/{audit.uid}/items/{CODE}", data=data)


def _answer(db, audit) -> Answer | None:
    return db.session.scalar(
        select(Answer).join(Item, Item.id == Answer.item_id).where(Answer.audit_id == audit.id, Item.code == CODE)
    )


def test_only_emission_numbers_ask_for_a_factor(emissions, db):
    items = {i.code: i for i in db.session.scalars(select(Item).where(Item.template_id == emissions.template.id))}
    assert items[CODE].takes_emission_factor
    assert not items["ENV-ENE-01"].takes_emission_factor  # kWh
    page = emissions.client.get(f"/checklists/audits/{emissions.audit.uid}/themes/ENV-ENE").get_data(as_text=True)
    assert page.count("Source of the emission factor") == 1
    assert f'name="{CODE}-factor_source"' in page and 'name="ENV-ENE-01-factor_source"' not in page


NEXT = datetime.now(UTC).year + 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"factor_source": "ADEME Base Carbone", "factor_year": "1989"}, "between 1990 and"),
        ({"factor_source": "ADEME Base Carbone", "factor_year": str(NEXT + 1)}, f"between 1990 and {NEXT}"),
        ({"factor_source": "ADEME Base Carbone", "factor_year": "last year"}, "between 1990 and"),
        ({"factor_source": "ADEME Base Carbone"}, "Give the year of the emission factor"),
        ({"factor_value": "0.152", "factor_year": "2023"}, "Give the source of the emission factor"),
        ({"factor_unit": "kg CO2e/pkm"}, "Give the source of the emission factor"),
        ({"factor_source": "ADEME", "factor_year": "2023", "factor_value": "lots"}, "as a number, such as 0.152"),
        ({"factor_source": "ADEME", "factor_year": "2023", "factor_value": "-1"}, "as a number, such as 0.152"),
        ({"factor_source": "x" * 121, "factor_year": "2023"}, "120"),
    ],
)
def test_a_bad_factor_gets_its_message_and_nothing_is_saved(emissions, db, fields, message):
    response = _save(emissions.client, emissions.audit, number="12.5", **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _answer(db, emissions.audit) is None


def test_a_figure_without_factor_is_still_accepted(emissions, db):
    assert _save(emissions.client, emissions.audit, number="12.5").status_code == 302
    assert _answer(db, emissions.audit).value == {"number": 12.5}


def test_the_factor_is_kept_with_the_answer_and_shown_on_the_item(emissions, db):
    response = _save(
        emissions.client,
        emissions.audit,
        number="12,5",
        factor_source="ADEME Base Carbone",
        factor_year=str(NEXT),
        factor_value="0,152",
        factor_unit="kg CO2e/pkm",
    )
    assert response.status_code == 302
    answer = _answer(db, emissions.audit)
    factor = {"source": "ADEME Base Carbone", "year": NEXT, "value": 0.152, "unit": "kg CO2e/pkm"}
    assert answer.value == {"number": 12.5, "factor": factor}
    assert answer.changes[-1].after == answer.value
    page = emissions.client.get(f"/checklists/audits/{emissions.audit.uid}/themes/ENV-ENE").get_data(as_text=True)
    assert 'value="ADEME Base Carbone"' in page and f'value="{NEXT}"' in page and 'value="0.152"' in page
    assert f"ADEME Base Carbone {NEXT}" in page  # in the item's history


def test_the_factor_is_kept_across_a_review_change(emissions, db):
    _save(emissions.client, emissions.audit, number="20", factor_source="ADEME Base Carbone", factor_year="2023")
    emissions.client.post(f"/checklists/audits/{emissions.audit.uid}/submit", data={})
    url = f"/checklists/audits/{emissions.audit.uid}/items/{CODE}/review"
    review = {
        f"{CODE}-number": "24",
        f"{CODE}-factor_source": "DEFRA conversion factors",
        f"{CODE}-factor_year": "2024",
        f"{CODE}-comment": "The log counts two more flights; the national factor is older.",
    }
    assert emissions.auditor.post(url, data=review).status_code == 302
    answer = _answer(db, emissions.audit)
    db.session.refresh(answer)
    ademe = {"source": "ADEME Base Carbone", "year": 2023}
    defra = {"source": "DEFRA conversion factors", "year": 2024}
    assert answer.value == {"number": 20.0, "factor": ademe}  # the institute's, not overwritten
    assert answer.reviewed == {"number": 24.0, "factor": defra}
    changes = db.session.scalars(
        select(AnswerChange).where(AnswerChange.answer_id == answer.id).order_by(AnswerChange.id)
    ).all()
    assert [(c.side, c.before, c.after) for c in changes] == [
        ("self", None, {"number": 20.0, "factor": ademe}),
        ("review", {"number": 20.0, "factor": ademe}, {"number": 24.0, "factor": defra}),
    ]
    # A second review that changes only the figure keeps the reviewed factor the form showed.
    page = emissions.auditor.get(f"/checklists/audits/{emissions.audit.uid}/themes/ENV-ENE").get_data(as_text=True)
    assert 'value="DEFRA conversion factors"' in page
    again = {**review, f"{CODE}-number": "23"}
    assert emissions.auditor.post(url, data=again).status_code == 302
    db.session.refresh(answer)
    assert answer.reviewed == {"number": 23.0, "factor": defra}
    assert answer.value["factor"] == ademe


def test_trend_notes_a_change_of_factor_source_and_the_pdf_shows_factors(emissions, db, make_audit):
    earlier = make_audit(emissions.institute, template=emissions.template, year=2026, state="validated")
    item = db.session.scalar(select(Item).where(Item.template_id == emissions.template.id, Item.code == CODE))
    db.session.add(
        Answer(
            audit_id=earlier.id,
            item_id=item.id,
            value={"number": 30.0, "factor": {"source": "IEA grid factors", "year": 2022}},
        )
    )
    db.session.flush()
    _save(
        emissions.client,
        emissions.audit,
        number="20",
        factor_source="ADEME Base Carbone",
        factor_year="2023",
        factor_value="0.152",
        factor_unit="kg CO2e/pkm",
    )
    page = emissions.client.get(f"/checklists/audits/{emissions.audit.uid}/results").get_data(as_text=True)
    assert "The emission factor's source changed between 2026 and 2027" in page
    assert "IEA grid factors" in page and "ADEME Base Carbone" in page
    assert "Emission factors used" in page
    pdf = emissions.client.get(f"/checklists/audits/{emissions.audit.uid}/report.pdf")
    assert pdf.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    text = " ".join(text.split())
    assert "ADEME Base Carbone" in text and "IEA grid factors" in text
    assert "not comparable" in text


def test_the_same_source_each_year_gives_no_note(emissions, db, make_audit):
    earlier = make_audit(emissions.institute, template=emissions.template, year=2026, state="validated")
    item = db.session.scalar(select(Item).where(Item.template_id == emissions.template.id, Item.code == CODE))
    db.session.add(
        Answer(
            audit_id=earlier.id,
            item_id=item.id,
            value={"number": 30.0, "factor": {"source": "ademe base carbone ", "year": 2022}},
        )
    )
    db.session.flush()
    _save(emissions.client, emissions.audit, number="20", factor_source="ADEME Base Carbone", factor_year="2023")
    page = emissions.client.get(f"/checklists/audits/{emissions.audit.uid}/results").get_data(as_text=True)
    assert "source changed" not in page

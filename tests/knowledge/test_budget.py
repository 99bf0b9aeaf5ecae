"""A programme kit's budget lines: amounts read as the region writes them, each refused row named with its reason,
totals per currency in the reader's language, kept by revisions, exported, and converted from the free text kits
held before (migration knowledge_0003)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import column, create_engine, select, text
from sqlalchemy import table as sa_table

from knowledge import budget, resources
from knowledge.models import Resource, Revision
from tests.fixtures.app import make_database, test_config
from tests.knowledge.test_resources import form

LINES = [
    {"label": "Sonorisation", "amount": "1200", "currency": "USD", "note": "Régie partagée"},
    {"label": "Diffusion", "amount": "300.50", "currency": "USD", "note": ""},
    {"label": "Bâche", "amount": "95", "currency": "PEN", "note": ""},
    {"label": "", "amount": None, "currency": None, "note": "Salle prêtée par la mairie"},
]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1200", Decimal("1200")),
        ("1 200", Decimal("1200")),
        ("1\u202f200,50", Decimal("1200.50")),
        ("1.200", Decimal("1200")),
        ("1.200,50", Decimal("1200.50")),
        ("1,200.50", Decimal("1200.50")),
        ("1200,5", Decimal("1200.5")),
        ("0.75", Decimal("0.75")),
        ("-40", Decimal("-40")),
        ("", None),
        ("  ", None),
    ],
)
def test_amounts_are_read_as_the_region_writes_them(written, value):
    assert budget.parse_amount(written) == value


@pytest.mark.parametrize("written", ["douze", "12 USD", "1.2.3,4,5", "1200.505", "1e6", "--3", "1000000000000"])
def test_what_is_not_an_amount_is_refused(written):
    with pytest.raises(budget.AmountError):
        budget.parse_amount(written)


def test_free_text_lines_become_structured_lines_and_the_rest_notes():
    text_lines = "Sonorisation | 1 200 USD\n\nFerries | 320 usd\nBénévoles: repas offerts\nDroits | 900 XYZ\n"
    assert budget.from_text(text_lines) == [
        {"label": "Sonorisation", "amount": "1200", "currency": "USD", "note": ""},
        {"label": "Ferries", "amount": "320", "currency": "USD", "note": ""},
        {"label": "", "amount": None, "currency": None, "note": "Bénévoles: repas offerts"},
        {"label": "", "amount": None, "currency": None, "note": "Droits | 900 XYZ"},  # not a currency offered
    ]
    assert budget.totals(LINES) == {"USD": Decimal("1500.50"), "PEN": Decimal("95")}
    assert budget.as_text(LINES[:1]) == "Sonorisation | 1200 USD | Régie partagée"


def rows(*lines):
    """The editor's fields for these rows (label, amount, currency, note)."""
    data = {}
    for index, (label, amount, currency, note) in enumerate(lines):
        data.update({f"budget-{index}-label": label, f"budget-{index}-amount": amount,
                     f"budget-{index}-currency": currency, f"budget-{index}-note": note})  # fmt: skip
    return data


def test_the_editor_saves_filled_rows_and_leaves_blank_ones_out(client_as, create_institute, db):
    lima = create_institute(name="Alliance Française de Lima", country="PE", city="Lima")
    author = client_as("staff", institute_id=lima.id)
    new = author.get("/knowledge/new").get_data(as_text=True)
    assert new.count('name="budget-') == 4 * 3 and "PEN · " in new  # three blank rows, currencies named
    # "Save" is the form's first button, the one Enter presses; "More budget lines" comes after it.
    assert new.index('<button type="submit">') < new.index('name="more_budget_rows"')
    data = form(institute=lima.id, kind="programme-kit") | rows(
        ("Sonorisation", "1 200", "USD", "Régie partagée"),
        ("", "", "", ""),
        ("Diffusion", "300,50", "USD", ""),
        ("", "", "", "Salle prêtée par la mairie"),
    )
    assert author.post("/knowledge/new", data=data).status_code == 302
    resource = db.session.scalars(select(Resource)).one()
    assert resource.budget == [LINES[0], LINES[1], LINES[3]]
    assert "budget" not in resource.kit
    edit = author.get(f"/knowledge/r/{resource.uid}/edit").get_data(as_text=True)
    assert 'value="300.50"' in edit and edit.count('name="budget-') == 4 * (3 + 3)  # its lines, three blank rows


def test_each_refused_row_says_which_line_and_why_and_nothing_is_saved(client_as, create_institute, db):
    lima = create_institute(name="Alliance Française de Lima", country="PE", city="Lima")
    author = client_as("staff", institute_id=lima.id, locale="en")
    data = form(institute=lima.id) | rows(
        ("Sonorisation", "1200", "USD", ""),
        ("Remboursement", "-40", "USD", ""),
        ("Cachet", "500", "XYZ", ""),
        ("", "300", "USD", ""),
        ("Transport", "deux cents", "USD", ""),
        ("Repas", "80", "", ""),
    )
    response = author.post("/knowledge/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Line 2: an amount cannot be negative." in page
    assert "Line 3: XYZ is not one of the currencies offered." in page
    assert "Line 4: say what this amount is for." in page
    assert "Line 5: the amount is not a number (for example 1200 or 1 200,50)." in page
    assert "Line 6: choose the currency of this amount." in page
    assert "Line 1:" not in page
    assert 'id="budget-1-amount-error"' in page and 'aria-describedby="budget-1-amount-error"' in page
    assert db.session.scalar(select(Resource.id)) is None
    spanish = client_as("staff", institute_id=lima.id, locale="es").post("/knowledge/new", data=data)
    assert "Línea 2" in spanish.get_data(as_text=True)


def test_more_rows_come_back_with_what_was_typed_and_nothing_saved(client_as, create_institute, db):
    lima = create_institute(name="Alliance Française de Lima", country="PE", city="Lima")
    author = client_as("staff", institute_id=lima.id)
    data = form(institute=lima.id) | rows(("Son", "10", "USD", ""), ("", "", "", ""), ("Lumière", "-1", "", ""))
    response = author.post("/knowledge/new", data=data | {"more_budget_rows": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and page.count('name="budget-') == 4 * 6
    assert 'value="Lumière"' in page and "cannot be negative" not in page  # checked when saved, not now
    assert db.session.scalar(select(Resource.id)) is None


@pytest.fixture
def kit(make_resource, create_institute):
    lima = create_institute(name="Alliance Française de Lima", country="PE", city="Lima")
    return make_resource(institute=lima, budget=[dict(line) for line in LINES])


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en", ["$1,200.00", "$300.50", "PEN95.00", 'Total (USD)</th><td class="kn-amount">$1,500.50', "PEN95.00"]),
        (
            "fr",
            [
                "1\u202f200,00\u00a0$US",
                "300,50\u00a0$US",
                "95,00\u00a0PEN",
                'Total (USD)</th><td class="kn-amount">1\u202f500,50\u00a0$US',
            ],
        ),
    ],
)
def test_the_page_shows_amounts_and_totals_per_currency_in_the_readers_language(client_as, kit, locale, shown):
    page = client_as("staff", locale=locale).get(f"/knowledge/r/{kit.uid}").get_data(as_text=True)
    for expected in shown:
        assert expected in page, expected
    assert page.count("Total (") == 2  # one per currency, never a sum of dollars and soles
    assert "Salle prêtée par la mairie" in page


def test_the_export_carries_the_lines_and_their_totals(client_as, kit):
    document = json.loads(client_as("staff").get(f"/knowledge/r/{kit.uid}.json").data)
    assert document["budget"] == LINES
    assert document["budget_totals"] == {"USD": "1500.50", "PEN": "95"}


def test_revisions_keep_the_budget_compare_it_and_restore_it(kit, db):
    actor = kit.created_by
    data = resources.ResourceData(
        kind=kit.kind,
        institute_id=kit.institute_id,
        texts={"fr": {"title": "Kit Fête de la musique", "summary": "Un concert diffusé."}},
        budget=[{"label": "Sonorisation", "amount": "1500", "currency": "USD", "note": ""}],
    )
    resources.update(kit, data, actor=actor, version=kit.version)
    revisions = list(
        db.session.scalars(select(Revision).where(Revision.resource_id == kit.id).order_by(Revision.number))
    )
    before, after = revisions[-2], revisions[-1]
    assert before.snapshot["budget"] == LINES and after.snapshot["budget"] == data.budget
    (change,) = [c for c in resources.diff(before.snapshot, after.snapshot) if c.label == "budget"]
    assert ("-", "Sonorisation | 1200 USD | Régie partagée") in change.lines
    assert ("+", "Sonorisation | 1500 USD") in change.lines
    resources.restore(kit, before, actor=actor)
    assert kit.budget == LINES


def test_a_revision_from_before_the_lines_restores_them_structured(kit, db):
    old = Revision(resource_id=kit.id, number=99, action="edited",
                   snapshot={"kind": "programme-kit", "kit": {"budget": "Son | 1 200 USD\nEn nature", "rider": "x"},
                             "texts": {"fr": {"title": "Ancien"}}})  # fmt: skip
    db.session.add(old)
    db.session.flush()
    resources.restore(kit, old, actor=kit.created_by)
    assert kit.budget == [
        {"label": "Son", "amount": "1200", "currency": "USD", "note": ""},
        {"label": "", "amount": None, "currency": None, "note": "En nature"},
    ]
    assert kit.kit == {"rider": "x"}


@pytest.fixture
def old_database(database_kind, tmp_path_factory):
    """A database of its own, migrated up to the knowledge branch's first revision only."""
    yield from make_database(database_kind, tmp_path_factory, "budget")


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_the_migration_turns_the_kits_text_into_lines_and_back(old_database):
    from flask_migrate import downgrade, upgrade

    from sonores_lms import create_app
    from sonores_lms.extensions import db

    app = create_app(test_config(old_database))
    with app.app_context():
        upgrade(revision="knowledge_0001")
    engine = create_engine(old_database)
    now = "2026-01-01 00:00:00"
    kits = {
        "kit": {"budget": "Sonorisation | 1 200 USD\nBénévoles: repas offerts", "rider": "Scène 6 x 4 m"},
        "plain": {},
    }
    ids = {}
    with engine.begin() as connection:
        for name, kit_value in kits.items():
            rows = sa_table("knowledge_resources", column("id"), *(column(c) for c in (
                "uid", "kind", "status", "featured", "authors", "licence", "tags", "themes", "links", "kit",
                "created_at", "updated_at", "review_comment", "version", "texts", "translated_from")))  # fmt: skip
            ids[name] = connection.execute(
                rows.insert()
                .values(
                    uid=name.ljust(32, "0"),
                    kind="programme-kit",
                    status="published",
                    featured=False,
                    authors="",
                    licence="CC-BY-4.0",
                    tags="[]",
                    themes="[]",
                    links="[]",
                    kit=json.dumps(kit_value),
                    created_at=now,
                    updated_at=now,
                    review_comment="",
                    version=1,
                    texts="{}",
                    translated_from="{}",
                )  # fmt: skip
                .returning(rows.c.id)
            ).scalar()

    queries = {name: text(f"SELECT id, {name} FROM knowledge_resources") for name in ("budget", "kit")}  # noqa: S608

    def read(column_name):
        with engine.connect() as connection:
            found = dict(connection.execute(queries[column_name]).all())
        return {key: value if isinstance(value, dict | list) else json.loads(value) for key, value in found.items()}

    try:
        with app.app_context():
            upgrade(revision="heads")
        lines, kit_values = read("budget"), read("kit")
        assert lines[ids["kit"]] == [
            {"label": "Sonorisation", "amount": "1200", "currency": "USD", "note": ""},
            {"label": "", "amount": None, "currency": None, "note": "Bénévoles: repas offerts"},
        ]
        assert kit_values[ids["kit"]] == {"rider": "Scène 6 x 4 m"}
        assert lines[ids["plain"]] == [] and kit_values[ids["plain"]] == {}
        with app.app_context():
            downgrade(revision="knowledge_0001")
        assert read("kit")[ids["kit"]]["budget"] == "Sonorisation | 1200 USD\nBénévoles: repas offerts"
    finally:
        engine.dispose()
        with app.app_context():
            db.engine.dispose()  # before the database is dropped under its connections

"""Templates to and from YAML: line-numbered problems, a preview that writes nothing, versions that freeze."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

from sqlalchemy import func, select

from checklists.demo_data import CONTENT
from checklists.models import Item, Template, TemplateStatus
from checklists.template_io import export, parse

BROKEN = """format: sonores-checklist/1
code: eco
year: 2028
title: {fr: Audit}
pillars:
  - code: ENV
    title: {fr: Environnement}
    themes:
      - code: ENV-ENE
        title: {fr: Énergie}
        items:
          - code: ENV-ENE-01
            type: ypn
            weight: 5
            question: {fr: "Règles ?"}
          - code: ENV-XXX-02
            type: gauge
            question: {en: "Only English"}
"""


def test_demo_template_holds_60_to_100_items_in_four_languages(app):
    with app.test_request_context():
        data, problems = parse(CONTENT.read_text(encoding="utf-8"))
    assert problems == []
    items = [i for p in data["pillars"] for t in p["themes"] for i in t["items"]]
    assert 60 <= len(items) <= 100
    assert [p["code"] for p in data["pillars"]] == ["ENV", "ACC", "CIT"]
    assert all(set(i["question"]) == {"fr", "es", "pt", "en"} for i in items)


def test_problems_name_their_line(app):
    with app.test_request_context():
        _data, problems = parse(BROKEN)
    found = {(p.line, str(p.message)) for p in problems}
    assert (12, "“weight” must be 1, 2 or 3.") in found
    assert any(line == 16 and "does not belong to the theme ENV-ENE" in message for line, message in found)
    assert any(line == 16 and "“type” must be one of" in message for line, message in found)
    assert (18, "“question” needs its French text.") in found


def test_bad_yaml_says_where(app):
    with app.test_request_context():
        _data, problems = parse("code: eco\npillars: [\n  - oops: {")
    assert problems and problems[0].line is not None


def test_export_then_import_gives_the_same_template(app, make_checklist_template):
    template = make_checklist_template()
    text = export(template)
    with app.test_request_context():
        data, problems = parse(text)
    assert problems == []
    assert export(template) == text
    assert [i["code"] for t in data["pillars"][0]["themes"] for i in t["items"]][:2] == ["ENV-STR-01", "ENV-STR-02"]


def _upload(client, text, name="checklist.yaml"):
    return client.post("/checklists/templates/import", data={"file": (io.BytesIO(text.encode()), name)})


def test_import_previews_then_writes_a_draft_only_on_confirmation(admin_client, db, make_checklist_template):
    template = make_checklist_template()
    text = export(template).replace("version: 1", "version: 2")
    preview = _upload(admin_client, text)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Nothing is written yet" in page and "8 items" in page
    assert db.session.scalar(select(func.count()).select_from(Template)) == 1
    content = re.search(r'name="content" value="([^"]+)"', page).group(1)
    assert base64.b64decode(content).decode() == text
    assert admin_client.post("/checklists/templates/import/confirm", data={"content": content}).status_code == 302
    draft = db.session.scalar(select(Template).where(Template.version_number == 2))
    assert draft.status == TemplateStatus.DRAFT
    assert db.session.scalar(select(func.count()).select_from(Item).where(Item.template_id == draft.id)) == 8
    assert admin_client.post(f"/checklists/templates/{draft.id}/publish").status_code == 302
    db.session.refresh(draft)
    assert draft.status == TemplateStatus.PUBLISHED
    assert admin_client.post(f"/checklists/templates/{draft.id}/publish").status_code == 409


def test_import_with_problems_lists_them_and_writes_nothing(admin_client, db):
    response = _upload(admin_client, BROKEN)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "line 12" in page and "nothing was written" in page
    assert db.session.scalar(select(func.count()).select_from(Template)) == 0


def test_a_published_version_cannot_be_imported_again(admin_client, make_checklist_template, db):
    template = make_checklist_template()
    response = _upload(admin_client, export(template))
    assert response.status_code == 400 and "exists already" in response.get_data(as_text=True)


def test_the_readme_documents_the_format():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "sonores-checklist/1" in readme


def test_next_version_starts_a_draft_that_an_import_replaces(admin_client, db, make_checklist_template):
    template = make_checklist_template()
    assert admin_client.post(f"/checklists/templates/{template.id}/next-version").status_code == 302
    draft = db.session.scalar(select(Template).where(Template.version_number == 2))
    assert draft.status == TemplateStatus.DRAFT
    edited = export(draft).replace("Written policy?", "Written and signed policy?")
    preview = _upload(admin_client, edited)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "replaces the draft" in page
    content = re.search(r'name="content" value="([^"]+)"', page).group(1)
    assert admin_client.post("/checklists/templates/import/confirm", data={"content": content}).status_code == 302
    db.session.expire_all()
    versions = db.session.scalars(select(Template).where(Template.version_number == 2)).all()
    assert len(versions) == 1
    item = db.session.scalar(select(Item).where(Item.template_id == versions[0].id, Item.code == "ENV-STR-01"))
    assert item.text("question", "en").text == "Written and signed policy?"

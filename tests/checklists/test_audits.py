"""Filling, reviewing and deciding an audit through its pages, with the answers and scores they leave behind."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from checklists.models import Answer, AnswerChange, AuditState, Evidence, Item, Score


@pytest.fixture
def setting(app, make_audit, create_institute, director_of, client_as, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from tests.fixtures.users import sign_in_client

    monkeypatch.setitem(app.config, "CHECKLISTS_UPLOAD_FOLDER", str(tmp_path / "evidence"))
    institute = create_institute(name="Alliance Française de Cuenca", country="EC")
    audit = make_audit(institute)
    director = director_of(institute)
    client = sign_in_client(app, director)
    auditor = client_as("auditor")
    return SimpleNamespace(audit=audit, institute=institute, director=director, client=client, auditor=auditor)


def _answer(db, audit, code):
    return db.session.scalar(
        select(Answer).join(Item, Item.id == Answer.item_id).where(Answer.audit_id == audit.id, Item.code == code)
    )


def _state(db, audit):
    db.session.refresh(audit)
    return audit.state


def _save(client, audit, code, **fields):
    data = {f"{code}-{name}": value for name, value in fields.items()}
    return client.post(f"/checklists/audits/{audit.uid}/items/{code}", data=data)


def test_director_saves_one_answer_and_the_audit_starts(db, setting):
    response = _save(setting.client, setting.audit, "ENV-STR-02", choice="yes")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/themes/ENV-STR#item-ENV-STR-02")
    answer = _answer(db, setting.audit, "ENV-STR-02")
    assert answer.value == {"choice": "yes"}
    assert _state(db, setting.audit) == AuditState.IN_PROGRESS
    change = db.session.scalar(select(AnswerChange).where(AnswerChange.answer_id == answer.id))
    assert (change.before, change.after, change.user_id) == (None, {"choice": "yes"}, setting.director.id)


def test_saving_stores_theme_and_pillar_scores(db, setting):
    _save(setting.client, setting.audit, "ENV-STR-02", choice="yes")
    rows = {
        (s.scope, s.code, s.basis): s.percent
        for s in db.session.scalars(select(Score).where(Score.audit_id == setting.audit.id))
    }
    # ENV-STR: 2 x 1 over weights 2 + 2 + 3 = 2/7
    assert rows[("theme", "ENV-STR", "self")] == pytest.approx(100 * 2 / 7)
    assert rows[("theme", "ENV-ENE", "self")] == 0
    assert rows[("pillar", "ENV", "self")] == pytest.approx((100 * 2 / 7 + 0) / 2)


def test_partly_without_comment_is_refused_and_nothing_saved(db, setting):
    response = _save(setting.client, setting.audit, "ENV-STR-02", choice="partly")
    assert response.status_code == 400
    assert "Say in a comment why" in response.get_data(as_text=True)
    assert _answer(db, setting.audit, "ENV-STR-02") is None
    assert _save(setting.client, setting.audit, "ENV-STR-02", choice="partly", comment="Half time").status_code == 302


@pytest.mark.parametrize(
    ("code", "fields", "message"),
    [
        ("ENV-ENE-01", {"number": "-4", "unit": "kWh"}, "cannot be below 0"),
        ("ENV-ENE-01", {"number": "12", "unit": "MWh"}, "Give this figure in kWh"),
        ("ENV-ENE-01", {"number": "lots"}, "Enter a number"),
        ("ENV-ENE-02", {"numerator": "3", "denominator": "0"}, "must be above zero"),
        ("ENV-ENE-02", {"numerator": "5", "denominator": "4"}, "between zero and"),
        ("ENV-STR-03", {"choice": "everything"}, "Choose an answer"),
    ],
)
def test_bad_figures_get_a_message_on_the_item(db, setting, code, fields, message):
    response = _save(setting.client, setting.audit, code, **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _answer(db, setting.audit, code) is None


def test_number_with_a_decimal_comma_is_read(db, setting):
    assert _save(setting.client, setting.audit, "ENV-ENE-01", number="1250,5", unit="kWh").status_code == 302
    assert _answer(db, setting.audit, "ENV-ENE-01").value == {"number": 1250.5}


def test_second_save_from_a_stale_page_gets_409_with_both_answers(db, setting, app):
    from tests.fixtures.users import sign_in_client

    _save(setting.client, setting.audit, "ENV-STR-01", choice="yes")
    loaded_version = str(_answer(db, setting.audit, "ENV-STR-01").version)
    _save(setting.client, setting.audit, "ENV-STR-01", choice="no", version=loaded_version)
    # Someone else, who loaded the page at the same version, saves "partly".
    response = _save(
        setting.client, setting.audit, "ENV-STR-01", choice="partly", comment="Draft only", version=loaded_version
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone saved this answer before you" in page
    assert "Draft only" in page and "Keep my answer" in page
    assert _answer(db, setting.audit, "ENV-STR-01").value == {"choice": "no"}
    assert sign_in_client is not None


def test_choosing_mine_after_a_conflict_saves_it(db, setting):
    _save(setting.client, setting.audit, "ENV-STR-01", choice="yes")
    current = str(_answer(db, setting.audit, "ENV-STR-01").version)
    assert _save(setting.client, setting.audit, "ENV-STR-01", choice="no", version=current).status_code == 302


def test_referent_named_by_the_director_fills_and_cannot_submit(db, setting, create_user, app):
    from tests.fixtures.users import sign_in_client

    staff = create_user("referent@example.org", institute_id=setting.institute.id)
    response = setting.client.post(
        f"/checklists/institutes/{setting.institute.id}/referents", data={"email": "Referent@example.org"}
    )
    assert response.status_code == 302
    referent = sign_in_client(app, staff)
    assert _save(referent, setting.audit, "ENV-STR-02", choice="yes").status_code == 302
    assert referent.post(f"/checklists/audits/{setting.audit.uid}/submit").status_code == 403


def test_staff_not_named_cannot_fill(setting, create_user, app):
    from tests.fixtures.users import sign_in_client

    staff = create_user(institute_id=setting.institute.id)
    assert _save(sign_in_client(app, staff), setting.audit, "ENV-STR-02", choice="yes").status_code == 403


def test_submitted_audit_is_read_only_for_the_institute(db, setting):
    _save(setting.client, setting.audit, "ENV-STR-02", choice="yes")
    assert setting.client.post(f"/checklists/audits/{setting.audit.uid}/submit").status_code == 302
    assert _state(db, setting.audit) == AuditState.SUBMITTED
    response = _save(setting.client, setting.audit, "ENV-STR-02", choice="no")
    assert response.status_code == 409
    assert _answer(db, setting.audit, "ENV-STR-02").value == {"choice": "yes"}
    # Submitting twice is an illegal move, not a corrupted row.
    assert setting.client.post(f"/checklists/audits/{setting.audit.uid}/submit").status_code == 409


def test_auditor_reviews_down_keeps_both_answers_and_the_history(db, setting):
    _save(setting.client, setting.audit, "ENV-STR-01", choice="yes")
    setting.client.post(f"/checklists/audits/{setting.audit.uid}/submit")
    response = setting.auditor.post(
        f"/checklists/audits/{setting.audit.uid}/items/ENV-STR-01/review",
        data={"ENV-STR-01-choice": "partly", "ENV-STR-01-comment": "No signed policy attached."},
    )
    assert response.status_code == 302
    answer = _answer(db, setting.audit, "ENV-STR-01")
    assert (answer.value, answer.reviewed) == ({"choice": "yes"}, {"choice": "partly"})
    assert _state(db, setting.audit) == AuditState.IN_REVIEW
    sides = [(c.side, c.before, c.after) for c in answer.changes]
    assert sides == [("self", None, {"choice": "yes"}), ("review", {"choice": "yes"}, {"choice": "partly"})]
    page = setting.auditor.get(f"/checklists/audits/{setting.audit.uid}/themes/ENV-STR").get_data(as_text=True)
    assert "No signed policy attached." in page and "Auditor's answer</dt><dd>Partly" in page
    reviewed = db.session.scalar(
        select(Score.percent).where(
            Score.audit_id == setting.audit.id, Score.code == "ENV-STR", Score.basis == "reviewed"
        )
    )
    own = db.session.scalar(
        select(Score.percent).where(Score.audit_id == setting.audit.id, Score.code == "ENV-STR", Score.basis == "self")
    )
    assert (own, reviewed) == (pytest.approx(100 * 2 / 7), pytest.approx(100 * 1 / 7))


def test_review_needs_a_comment(db, setting):
    setting.client.post(f"/checklists/audits/{setting.audit.uid}/submit")
    response = setting.auditor.post(
        f"/checklists/audits/{setting.audit.uid}/items/ENV-STR-01/review", data={"ENV-STR-01-choice": "no"}
    )
    assert response.status_code == 400
    assert _answer(db, setting.audit, "ENV-STR-01") is None


def test_returned_audit_opens_again_then_validated_is_read_only_for_all(db, setting):
    setting.client.post(f"/checklists/audits/{setting.audit.uid}/submit")
    response = setting.auditor.post(
        f"/checklists/audits/{setting.audit.uid}/return", data={"questions": "Where is the recycler's letter?"}
    )
    assert response.status_code == 302
    assert _state(db, setting.audit) == AuditState.RETURNED
    assert "Where is the recycler" in setting.client.get(f"/checklists/audits/{setting.audit.uid}").get_data(
        as_text=True
    )
    assert _save(setting.client, setting.audit, "ENV-STR-02", choice="yes").status_code == 302
    resubmitted = setting.client.post(
        f"/checklists/audits/{setting.audit.uid}/submit", data={"response": "The letter is attached to ENV-STR-03."}
    )
    assert resubmitted.status_code == 302
    page = setting.auditor.get(f"/checklists/audits/{setting.audit.uid}").get_data(as_text=True)
    assert "The letter is attached to ENV-STR-03." in page
    assert setting.auditor.post(f"/checklists/audits/{setting.audit.uid}/validate").status_code == 302
    assert _state(db, setting.audit) == AuditState.VALIDATED
    assert _save(setting.client, setting.audit, "ENV-STR-02", choice="no").status_code == 409
    review = setting.auditor.post(
        f"/checklists/audits/{setting.audit.uid}/items/ENV-STR-02/review",
        data={"ENV-STR-02-choice": "no", "ENV-STR-02-comment": "late"},
    )
    assert review.status_code == 409


def test_an_auditor_assigned_elsewhere_cannot_review(db, setting, create_user, app):
    from tests.fixtures.users import sign_in_client

    peer = create_user(roles=[("auditor", setting.institute)])  # a peer auditor, not assigned to this audit
    setting.client.post(f"/checklists/audits/{setting.audit.uid}/submit")
    client = sign_in_client(app, peer)
    assert client.get(f"/checklists/audits/{setting.audit.uid}").status_code == 403
    from checklists.models import AuditorAssignment

    db.session.add(AuditorAssignment(audit_id=setting.audit.id, user_id=peer.id))
    db.session.flush()
    db.session.expire(setting.audit)
    assert client.get(f"/checklists/audits/{setting.audit.uid}").status_code == 200


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_evidence_is_checked_by_content_and_kept(db, setting):
    url = f"/checklists/audits/{setting.audit.uid}/items/ENV-STR-01/evidence"
    fake = setting.client.post(url, data={"file": (io.BytesIO(b"MZ not a pdf at all"), "bill.pdf")})
    assert fake.status_code == 400
    assert "not accepted" in fake.get_data(as_text=True)
    liar = setting.client.post(url, data={"file": (io.BytesIO(PNG), "bill.pdf")})
    assert liar.status_code == 400
    assert "not what its name says" in liar.get_data(as_text=True)
    assert db.session.scalar(select(Evidence.id)) is None
    good = setting.client.post(url, data={"file": (io.BytesIO(PNG), "meter.png")})
    assert good.status_code == 302
    evidence = db.session.scalar(select(Evidence))
    assert (evidence.filename, evidence.content_type) == ("meter.png", "image/png")
    download = setting.client.get(f"/checklists/evidence/{evidence.uid}")
    assert download.status_code == 200 and download.data == PNG
    download.close()
    assert setting.auditor.post(f"/checklists/evidence/{evidence.uid}/remove").status_code == 403
    assert setting.client.post(f"/checklists/evidence/{evidence.uid}/remove").status_code == 302
    assert db.session.scalar(select(Evidence.id)) is None


def test_evidence_too_large_is_413(app, setting, monkeypatch):
    monkeypatch.setitem(app.config, "CHECKLISTS_UPLOAD_MAX", 10)
    url = f"/checklists/audits/{setting.audit.uid}/items/ENV-STR-01/evidence"
    assert setting.client.post(url, data={"file": (io.BytesIO(PNG), "meter.png")}).status_code == 413


def test_theme_page_lists_every_item_with_a_form_that_works_without_javascript(setting):
    page = setting.client.get(f"/checklists/audits/{setting.audit.uid}/themes/ENV-ENE").get_data(as_text=True)
    for code in ("ENV-ENE-01", "ENV-ENE-02", "ENV-ENE-03"):
        assert f'action="/checklists/audits/{setting.audit.uid}/items/{code}"' in page
    assert 'name="csrf_token"' in page
    assert "ENV-STR" in page  # the previous theme's link


def test_a_background_save_answers_json_with_the_new_version(db, setting):
    response = setting.client.post(
        f"/checklists/audits/{setting.audit.uid}/items/ENV-STR-02",
        data={"ENV-STR-02-choice": "yes"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.get_json() == {"saved": True, "version": _answer(db, setting.audit, "ENV-STR-02").version}


def test_a_country_specific_item_is_asked_only_in_its_country(
    db, app, make_checklist_template, make_audit, create_institute, director_of
):
    import copy

    from tests.fixtures.checklists import SMALL_TEMPLATE
    from tests.fixtures.users import sign_in_client

    data = copy.deepcopy(SMALL_TEMPLATE)
    data["pillars"][1]["themes"][0]["items"].append(
        {"code": "ACC-SEN-03", "type": "ypn", "weight": 3, "rules": {"countries": ["BR"]},
         "question": {"fr": "Lei 13.146 respectée ?", "en": "Lei 13.146 met?"}}
    )  # fmt: skip
    template = make_checklist_template(data=data)
    for country, shown in (("BR", True), ("MX", False)):
        institute = create_institute(country=country)
        audit = make_audit(institute, template=template)
        client = sign_in_client(app, director_of(institute))
        page = client.get(f"/checklists/audits/{audit.uid}/themes/ACC-SEN").get_data(as_text=True)
        assert ("Lei 13.146 met?" in page) is shown
        status = _save(client, audit, "ACC-SEN-03", choice="yes").status_code
        assert status == (302 if shown else 404)

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sonores_lms.audit.models import AuditEntry
from sonores_lms.people.csv_import import (
    ERROR,
    NEW,
    UNCHANGED,
    UPDATE,
    CsvError,
    ExistingPerson,
    InstituteRef,
    build_plan,
    decode,
)
from sonores_lms.people.imports import ImportStatus, PeopleImport
from sonores_lms.people.models import User
from sonores_lms.permissions import Role

DATA = Path(__file__).resolve().parent.parent / "data" / "people"
INSTITUTES = [
    InstituteRef(1, "AF Bogotá"),
    InstituteRef(2, "AF Lima"),
    InstituteRef(3, "AF Twin"),
    InstituteRef(4, "af twin"),
    InstituteRef(5, "AF Closed", active=False),
]


def plan_of(text, *, existing=None, scope=None):
    return build_plan(text, institutes=INSTITUTES, existing=existing or {}, scope=scope)


# -- the pure planning function -----------------------------------------------------------------------------------
def test_every_kind_of_bad_row(app):
    text = "\n".join(
        [
            "email,first_name,last_name,language,timezone,institute,roles",
            ",No,Email,,,,",
            "not-an-email,Bad,Email,,,,",
            "twice@example.org,Two,Times,,,,",
            "TWICE@example.org,Two,Again,,,,",
            "inst@example.org,Un,Known,,,AF Nowhere,",
            "twin@example.org,Am,Biguous,,,AF Twin,",
            "closed@example.org,Clo,Sed,,,AF Closed,",
            "role@example.org,Ro,Le,,,,staff|king",
            "lang@example.org,Lan,Guage,de,,,",
            "zone@example.org,Ti,Me,,Mars/Olympus,,",
            "noname@example.org,,,,,,",
            "good@example.org,Good,Row,es,America/Lima,af lima,trainer",
        ]
    )
    plan = plan_of(text)
    errors = {row.line: row.errors for row in plan.rows}
    assert errors == {
        2: ["missing-email"],
        3: ["invalid-email"],
        4: ["duplicate-email"],
        5: ["duplicate-email"],
        6: ["unknown-institute"],
        7: ["ambiguous-institute"],
        8: ["unknown-institute"],
        9: ["unknown-role"],
        10: ["unknown-language"],
        11: ["invalid-timezone"],
        12: ["missing-name"],
        13: [],
    }
    good = plan.rows[-1]
    assert good.status == NEW
    assert good.values == {
        "first_name": "Good",
        "last_name": "Row",
        "locale": "es",
        "timezone": "America/Lima",
        "institute_id": 2,
    }
    assert good.add_roles == [("trainer", None)]
    assert plan.counts == {NEW: 1, UPDATE: 0, UNCHANGED: 0, ERROR: 11}
    assert all(row.messages for row in plan.rows if row.status == ERROR)


def test_update_and_unchanged_rows(app):
    existing = {
        "known@example.org": ExistingPerson(
            id=7, email="known@example.org", first_name="Kim", last_name="Known", locale="fr", timezone=None,
            institute_id=1, job_title=None, roles=frozenset({("staff", None)}),
        ),
        "same@example.org": ExistingPerson(
            id=8, email="same@example.org", first_name="Sam", last_name="Same", locale="es", timezone=None,
            institute_id=2, job_title=None, roles=frozenset({("staff", None)}),
        ),
    }  # fmt: skip
    text = (
        "email,firstname,lastname,lang,institution,roles\n"
        "known@example.org,Kim,Known,pt_br,AF Lima,staff|trainer\n"
        "same@example.org,Sam,Same,es,AF Lima,\n"
    )
    plan = plan_of(text, existing=existing)
    known, same = plan.rows
    assert known.status == UPDATE
    assert known.changes == {"locale": ("fr", "pt"), "institute_id": (1, 2)}
    assert known.add_roles == [("trainer", None)]
    assert same.status == UNCHANGED


def test_director_scope(app):
    existing = {
        "elsewhere@example.org": ExistingPerson(
            id=9, email="elsewhere@example.org", first_name="E", last_name="W", locale=None, timezone=None,
            institute_id=1, job_title=None, roles=frozenset(),
        ),
    }  # fmt: skip
    text = (
        "email,first_name,last_name,institute\n"
        "mine@example.org,Mi,Ne,\n"
        "theirs@example.org,The,Irs,AF Bogotá\n"
        "elsewhere@example.org,E,W,\n"
    )
    plan = plan_of(text, existing=existing, scope={2})
    mine, theirs, elsewhere = plan.rows
    assert mine.status == NEW and mine.values["institute_id"] == 2 and mine.add_roles == [("staff", 2)]
    assert theirs.errors == ["other-institute"]
    assert elsewhere.errors == ["person-elsewhere"]


def test_moodle_codes_and_ignored_columns(app):
    text = (DATA / "moodle_users.csv").read_text(encoding="utf-8")
    refs = [InstituteRef(1, "Aliança Francesa de Recife"), InstituteRef(2, "Alliance Française de Guadalajara")]
    plan = build_plan(text, institutes=refs, existing={}, scope=None)
    assert plan.ignored_columns == ["username", "department", "city", "country", "idnumber", "auth"]
    assert plan.columns == ["first_name", "last_name", "email", "language", "timezone", "institute"]
    locales = [row.values.get("locale") for row in plan.rows]
    assert locales == ["pt", "es", "fr", "en", None]  # the last row is an error: nothing kept
    assert [row.status for row in plan.rows] == [NEW, NEW, NEW, NEW, ERROR]
    assert plan.rows[2].values["institute_id"] == 2  # names match whatever their case
    assert "timezone" not in plan.rows[1].values  # Moodle's 99: the server default, so none of their own


def test_decode_refuses_what_is_not_csv(app):
    assert decode("\ufeffemail\na@example.org\n".encode()) == "email\na@example.org\n"
    with pytest.raises(CsvError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(CsvError):
        decode("email\néa@example.org".encode("latin-1"))
    with pytest.raises(CsvError):
        decode(b"a" * (1024 * 1024 + 1))
    with pytest.raises(CsvError):
        plan_of("name,city\nx,y\n")  # no email column
    with pytest.raises(CsvError):
        decode(b"   \n")


# -- through the pages --------------------------------------------------------------------------------------------
@pytest.fixture
def institutes(create_institute):
    return {
        "bogota": create_institute(name="AF Bogotá", country="CO", timezone="America/Bogota"),
        "recife": create_institute(name="Aliança Francesa de Recife", country="BR", timezone="America/Recife"),
        "gdl": create_institute(name="Alliance Française de Guadalajara", country="MX", timezone="America/Mexico_City"),
    }


def upload(client, content: bytes, name: str = "people.csv"):
    """Post the file as a body built here: the test client would spool big bodies to a temporary file it
    never closes (a ResourceWarning)."""
    boundary = "----sonores-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{client.csrf_token()}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.post(
        "/admin/people/import", data=body, content_type=f"multipart/form-data; boundary={boundary}", csrf=False
    )


def count_people(db) -> int:
    return db.session.scalar(select(func.count(User.id)))


MIXED = (
    "email,first_name,last_name,language,timezone,institute,roles,job_title,shoe_size\n"
    "new.one@example.org,New,One,es,America/Bogota,AF Bogotá,staff|trainer,Profesora,42\n"
    "existing@example.org,Exi,Sting,pt,,,,Bibliotecaria,40\n"
    "same@example.org,Sa,Me,,,,,,\n"
    "broken,Bro,Ken,,,,,,\n"
    "lost@example.org,Lo,St,,,Nowhere,,,\n"
).encode()


def test_preview_then_confirm(admin_client, institutes, create_user, db, outbox):
    existing = create_user("existing@example.org", first_name="Exi", last_name="Sting", locale="fr")
    create_user("same@example.org", first_name="Sa", last_name="Me")
    before = count_people(db)

    response = upload(admin_client, MIXED)
    assert response.status_code == 302
    preview = admin_client.get(response.headers["Location"])
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200, page
    for word in ("New", "Update", "Unchanged", "Error", "shoe_size", "The email is not valid.",
                 "No active institute has this name.", "Bibliotecaria"):  # fmt: skip
        assert word in page, word
    assert count_people(db) == before  # nothing written yet
    people_import = db.session.execute(select(PeopleImport)).scalar_one()
    assert people_import.status == ImportStatus.PENDING

    confirm_url = f"/admin/people/import/{people_import.id}/confirm"
    response = admin_client.post(confirm_url, data={})
    assert response.status_code == 302
    assert count_people(db) == before + 1
    new = db.session.execute(select(User).filter_by(email="new.one@example.org")).scalar_one()
    assert new.password_hash is None and new.locale == "es" and new.job_title == "Profesora"
    assert new.institute_id == institutes["bogota"].id
    assert {(a.role, a.institute_id) for a in new.role_assignments} == {(Role.STAFF, None), (Role.TRAINER, None)}
    db.session.refresh(existing)
    assert existing.locale == "pt" and existing.job_title == "Bibliotecaria"
    assert outbox == []  # invitations were not asked for
    entry = db.session.execute(select(AuditEntry).filter_by(action="core.people-imported")).scalar_one()
    assert entry.details["new"] == 1 and entry.details["update"] == 1 and entry.details["error"] == 2
    assert "1 people added" in admin_client.get("/admin/people/").get_data(as_text=True)

    assert admin_client.post(confirm_url, data={}).status_code == 409  # twice
    db.session.refresh(people_import)
    assert people_import.status == ImportStatus.APPLIED

    # The same file again changes nothing.
    again = upload(admin_client, MIXED)
    page = admin_client.get(again.headers["Location"]).get_data(as_text=True)
    second = db.session.scalars(select(PeopleImport).order_by(PeopleImport.id.desc())).first()
    assert "Unchanged: 3" in page and "New people: 0" in page and "Updates: 0" in page
    admin_client.post(f"/admin/people/import/{second.id}/confirm", data={})
    entries = db.session.scalars(
        select(AuditEntry).filter_by(action="core.people-imported").order_by(AuditEntry.id)
    ).all()
    assert entries[-1].details["new"] == entries[-1].details["update"] == 0
    assert entries[-1].details["unchanged"] == 3
    assert count_people(db) == before + 1


def test_invitations_on_request(admin_client, institutes, outbox, db):
    response = upload(admin_client, b"email,first_name,last_name\ninv@example.org,In,Vited\n")
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    admin_client.post(f"/admin/people/import/{import_id}/confirm", data={"send_invitations": "y"})
    assert [m.to for m in outbox] == [["inv@example.org"]]
    assert "/invitation/" in outbox[0].body


def test_moodle_file_through_the_pages(admin_client, institutes, db):
    response = upload(admin_client, (DATA / "moodle_users.csv").read_bytes(), "moodle.csv")
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    admin_client.post(f"/admin/people/import/{import_id}/confirm", data={})
    people = {u.email: u for u in db.session.scalars(select(User).where(User.email.like("%@example.org")))}
    mariana = people["mariana.fernandes@example.org"]
    assert (mariana.first_name, mariana.locale, mariana.timezone) == ("Mariana", "pt", "America/Sao_Paulo")
    assert mariana.institute_id == institutes["recife"].id
    assert people["jose.lopez@example.org"].timezone is None
    assert people["claire.tremblay@example.org"].institute_id == institutes["gdl"].id
    assert people["john.smith@example.org"].institute_id is None
    assert "pedro.perdido@example.org" not in people


def test_semicolons_and_bom(admin_client, institutes, db):
    response = upload(admin_client, (DATA / "semicolon_bom.csv").read_bytes())
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    admin_client.post(f"/admin/people/import/{import_id}/confirm", data={})
    ana = db.session.execute(select(User).filter_by(email="ana@example.org")).scalar_one()
    assert (ana.first_name, ana.job_title, ana.institute_id) == ("Ana", "Profesora", institutes["bogota"].id)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV file."),
        ("email\nélan@example.org\n".encode("latin-1"), "not UTF-8"),
        (b"email,name\n" + b"x" * (1024 * 1024), "larger than 1 MB"),
        (b"name,city\nAna,Lima\n", "no “email” column"),
    ],
)
def test_bad_uploads_rerender_with_a_message(admin_client, db, content, message):
    response = upload(admin_client, content)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(PeopleImport.id))) == 0


def test_huge_upload_is_refused(admin_client, app, db):
    body = b"email\n" + b"a" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    response = upload(admin_client, body)
    assert response.status_code == 413
    assert db.session.scalar(select(func.count(PeopleImport.id))) == 0


def test_only_the_creator_confirms(client_as, admin_client, db):
    response = upload(admin_client, b"email,first_name,last_name\nx@example.org,X,Y\n")
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    other = client_as("admin")
    assert other.get(f"/admin/people/import/{import_id}").status_code == 403
    assert other.post(f"/admin/people/import/{import_id}/confirm", data={}).status_code == 403
    assert db.session.execute(select(User).filter_by(email="x@example.org")).scalar_one_or_none() is None


def test_cancel(admin_client, db):
    response = upload(admin_client, b"email,first_name,last_name\nx@example.org,X,Y\n")
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert admin_client.post(f"/admin/people/import/{import_id}/cancel").status_code == 302
    assert db.session.get(PeopleImport, import_id).status == ImportStatus.CANCELLED
    assert admin_client.post(f"/admin/people/import/{import_id}/confirm", data={}).status_code == 409
    assert db.session.execute(select(User).filter_by(email="x@example.org")).scalar_one_or_none() is None


def test_director_import_is_limited_to_their_institute(client_as, institutes, create_user, db):
    mine = institutes["bogota"]
    director = client_as(("admin", mine), institute_id=mine.id)
    create_user("outsider@example.org", institute_id=institutes["gdl"].id)
    content = (
        "email,first_name,last_name,institute,roles\n"
        "local@example.org,Lo,Cal,,trainer\n"
        "foreign@example.org,For,Eign,Alliance Française de Guadalajara,\n"
        "outsider@example.org,Out,Sider,,\n"
    ).encode()
    response = upload(director, content)
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    page = director.get(f"/admin/people/import/{import_id}").get_data(as_text=True)
    assert "outside the ones you manage" in page
    assert "belongs to an institute you do not manage" in page
    director.post(f"/admin/people/import/{import_id}/confirm", data={})
    local = db.session.execute(select(User).filter_by(email="local@example.org")).scalar_one()
    assert local.institute_id == mine.id
    assert {(a.role, a.institute_id) for a in local.role_assignments} == {(Role.TRAINER, mine.id)}
    assert db.session.execute(select(User).filter_by(email="foreign@example.org")).scalar_one_or_none() is None
    outsider = db.session.execute(select(User).filter_by(email="outsider@example.org")).scalar_one()
    assert outsider.first_name == "Person"


def test_director_import_follows_the_edit_pages_rule(client_as, institutes, create_user, db):
    """A network admin based in the director's institute: the edit page refuses the director (403), so must the
    import, row by row, with the reason in the preview and nothing written on confirmation."""
    mine = institutes["bogota"]
    director = client_as(("admin", mine), institute_id=mine.id)
    boss = create_user("boss@example.org", roles=("admin",), institute_id=mine.id, first_name="Big")
    other_director = create_user(
        "other@example.org", roles=(("admin", mine), ("admin", institutes["gdl"])), institute_id=mine.id
    )
    learner = create_user("learner@example.org", roles=("staff",), institute_id=mine.id)
    assert director.get(f"/admin/people/{boss.id}/edit").status_code == 403
    content = (
        b"email,first_name,last_name,roles\n"
        b"boss@example.org,Renamed,Boss,trainer\n"
        b"other@example.org,Renamed,Other,\n"
        b"learner@example.org,Renamed,Learner,trainer\n"
    )
    response = upload(director, content)
    import_id = int(response.headers["Location"].rsplit("/", 1)[1])
    page = director.get(f"/admin/people/import/{import_id}").get_data(as_text=True)
    assert page.count("holds a role beyond your institutes") == 2
    director.post(f"/admin/people/import/{import_id}/confirm", data={})
    db.session.expire_all()
    assert boss.first_name == "Big"
    assert {(a.role, a.institute_id) for a in boss.role_assignments} == {(Role.ADMIN, None)}
    assert other_director.first_name == "Person"
    assert learner.first_name == "Renamed"
    assert (Role.TRAINER, mine.id) in {(a.role, a.institute_id) for a in learner.role_assignments}

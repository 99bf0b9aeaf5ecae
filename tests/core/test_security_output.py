"""Security review: stored XSS, redirects, mail headers, spreadsheet formulas, SQL, uploads.

Tests marked ``xfail(strict=True)`` prove a known weakness; remove the mark with the fix.
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sonores_lms.audit.services import record
from sonores_lms.export import safe_cell
from sonores_lms.markdown import render_markdown
from sonores_lms.people.imports import PeopleImport
from tests.fixtures.users import PASSWORD

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
SVG = "<svg onload=alert(3)>"
RAW = (SCRIPT, "<img src=x", "<svg onload")


def assert_no_raw_markup(page: str, where: str) -> None:
    for raw in RAW:
        assert raw not in page, (where, raw)


@pytest.fixture
def nasty(create_institute, create_user, db):
    institute = create_institute(name=f"AF {SVG}", city=IMG)
    person = create_user(
        "nasty@example.org",
        first_name=SCRIPT,
        last_name=IMG,
        job_title=SVG,
        institute_id=institute.id,
        roles=[("trainer", institute)],
    )
    record("core.person-updated", actor=person, target=person, details={"note": SCRIPT, SVG: IMG})
    return person


# -- stored XSS -----------------------------------------------------------------------------------------------------
def test_names_and_institutes_are_escaped_on_admin_pages(admin_client, nasty):
    for url in [
        "/admin/people/",
        f"/admin/people/{nasty.id}",
        f"/admin/people/{nasty.id}/edit",
        "/admin/institutes/",
        f"/admin/institutes/{nasty.institute_id}/edit",
        "/admin/audit/",
        "/admin/roles/",
        "/admin/people/invite",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_no_raw_markup(response.get_data(as_text=True), url)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in admin_client.get(f"/admin/people/{nasty.id}").get_data(
        as_text=True
    )


def test_names_are_escaped_on_the_persons_own_pages_and_in_flashes(app, admin_client, nasty):
    from tests.fixtures.users import sign_in_client

    own = sign_in_client(app, nasty)
    for url in ["/dashboard", "/account/profile", "/account/password"]:
        assert_no_raw_markup(own.get(url).get_data(as_text=True), url)
    saved = admin_client.post(
        f"/admin/people/{nasty.id}/edit",
        data={
            "first_name": SCRIPT,
            "last_name": IMG,
            "email": nasty.email,
            "locale": "en",
            "timezone": "",
            "institute_id": str(nasty.institute_id),
            "version": str(nasty.version),
        },
    )
    assert saved.status_code == 302
    assert_no_raw_markup(admin_client.get(saved.headers["Location"]).get_data(as_text=True), "flash")


def test_csv_values_and_file_name_are_escaped_in_the_preview(admin_client, db):
    body = (
        "email,first_name,last_name,job_title,institute,evil<script>\n"
        f'x@example.org,"{SCRIPT}","{IMG.replace(chr(34), chr(34) * 2)}",{SVG},{SVG},1\n'
        f"{SCRIPT}@example.org,a,b,,,\n"
    ).encode()
    response = admin_client.post(
        "/admin/people/import",
        data={"file": (io.BytesIO(body), f"{SCRIPT}.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "&lt;script&gt;" in page
    assert_no_raw_markup(page, "import preview")
    assert "evil<script>" not in page


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="  javascript:alert(1)">x</a>',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        '<img src="x" onerror="alert(1)">',
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<iframe src="https://evil.example"></iframe>',
        '<form action="https://evil.example"><input name="p"></form>',
        '<a href="https://ok.example" style="position:fixed" onclick="alert(1)">x</a>',
        "<object data=x></object><embed src=x>",
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        "<base href='https://evil.example/'>",
    ],
)
def test_markdown_sanitiser_drops_active_content(source):
    tags, attributes = parse(str(render_markdown(source)))
    assert not tags & {"script", "iframe", "form", "input", "object", "embed", "meta", "base", "style", "svg", "math"}
    for name, value in attributes:
        assert not name.startswith("on") and name != "style", (source, name)
        if name in {"href", "src"}:
            assert re.match(r"^(https?:|mailto:|/|#|[^:]*$)", value.strip(), re.IGNORECASE), (source, value)


def parse(html: str) -> tuple[set[str], list[tuple[str, str]]]:
    """The tags and attributes a browser would see in ``html``."""
    from html.parser import HTMLParser

    tags: set[str] = set()
    attributes: list[tuple[str, str]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
            attributes.extend((name, value or "") for name, value in attrs)

    Collector().feed(html)
    return tags, attributes


# -- redirects and links --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "\t//evil.example",
        "http:evil",
    ],
)
def test_next_never_leaves_the_site(client, dummy_user, target):
    signed = client.post("/sign-in", data={"email": "dummy@example.org", "password": PASSWORD, "next": target})
    assert signed.headers["Location"] == "/dashboard"
    language = client.post("/language", data={"language": "en", "next": target})
    assert language.headers["Location"] in {"/", "/dashboard"}


def test_next_is_escaped_in_the_sign_in_form(client):
    page = client.get("/sign-in", query_string={"next": f'/x"{SCRIPT}'}).get_data(as_text=True)
    assert SCRIPT not in page


def test_mailed_links_ignore_the_host_header(app, dummy_user, outbox):
    from sonores_lms.auth.services import request_password_reset

    with app.test_request_context(
        "/password/forgot", method="POST", base_url="http://evil.example", headers={"X-Forwarded-Host": "evil.example"}
    ):
        request_password_reset("dummy@example.org")
    assert len(outbox) == 1
    assert "evil.example" not in outbox[0].body
    assert re.search(r"http://localhost/password/reset/\S+", outbox[0].body)


def test_names_cannot_inject_mail_headers(admin_client, outbox, db):
    response = admin_client.post(
        "/admin/people/invite",
        data={
            "email": "victim@example.org",
            "first_name": "Eve\r\nBcc: spy@evil.example",
            "last_name": "X\nSubject: owned",
            "locale": "en",
            "institute_id": "0",
            "roles": ["staff"],
            "role_scope": "0",
        },
    )
    assert response.status_code == 302
    assert len(outbox) == 1
    for mail in outbox:
        message = mail.message()
        assert message.get_all("Bcc") is None
        assert "owned" not in (message["Subject"] or "")
        assert mail.recipients() == ["victim@example.org"]


# -- spreadsheet formulas -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil.example")', "=cmd|' /C calc'!A0"],
)
def test_export_cells_never_start_a_formula(value):
    assert safe_cell(value).startswith("'")


def test_audit_export_neutralises_what_people_typed(client_as, create_user, db):
    admin = client_as("admin")
    planted = create_user("planted@example.org", first_name="=HYPERLINK(1)", last_name="@x")
    record(
        "core.sign-in-failed", actor=planted, target_label='=HYPERLINK("http://evil.example","x")', details={"a": "=1"}
    )
    response = admin.get("/admin/audit/export.csv")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '\'=HYPERLINK(""http://evil.example' in body
    for line in body.splitlines()[1:]:
        for cell in re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', line):
            assert not cell.strip('"').startswith(("=", "+", "@")), line


# -- SQL ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("needle", ["' OR '1'='1", "%", "_", "\\", "'; DROP TABLE core_users; --", "%' --"])
def test_search_boxes_take_text_literally(admin_client, create_user, needle):
    create_user("someone@example.org", last_name="Ordinary")
    people = admin_client.get("/admin/people/", query_string={"q": needle, "active": ""})
    assert people.status_code == 200
    assert "Ordinary" not in people.get_data(as_text=True)
    audit = admin_client.get("/admin/audit/", query_string={"actor": needle, "target": needle})
    assert audit.status_code == 200


# Modules that write table and column names into SQL, each name checked against a fixed pattern first: the search
# module names its index tables per plugin and per language (and writes as literals only integer keys and the
# query's words, which it checks hold letters and digits alone).
BUILDS_IDENTIFIERS = {"sonores_lms/search.py"}


def test_the_search_module_writes_only_checked_names_into_sql():
    from sonores_lms.search import create_index

    for name in ("knowledge_fts; DROP TABLE users", "knowledge", "x_fts --", "Knowledge_FTS"):
        with pytest.raises(ValueError):
            create_index(None, name)


def test_no_sql_is_built_from_formatted_strings():
    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r"""(text|execute|exec_driver_sql)\(\s*(f["']|["'][^"']*["']\s*(%|\.format\())""")
    offenders = []
    for path in [*root.joinpath("sonores_lms").rglob("*.py"), *root.joinpath("migrations").rglob("*.py")]:
        if str(path.relative_to(root)) in BUILDS_IDENTIFIERS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []


# -- uploads --------------------------------------------------------------------------------------------------------
def upload(client, content: bytes, name: str = "people.csv"):
    return client.post(
        "/admin/people/import", data={"file": (io.BytesIO(content), name)}, content_type="multipart/form-data"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 64, "not a CSV"),  # a zip: never unpacked
        ("email\nç@example.org\n".encode("utf-16"), "not a CSV"),
        ("email,first_name\nx@example.org,Hélène\n".encode("latin-1"), "UTF-8"),
        (b"\n" * 400_000, "empty"),  # below the size where the test client spools to disk
        (b"email\n" + b"x@example.org\n" * 6000, "5000"),
        (b'email\n"' + b"a" * 400_000 + b'"\n', "not a CSV"),
        (b"email," + b"x," * 200_000 + b"\n", "more than"),
    ],
)
def test_hostile_uploads_are_refused_quickly_with_a_message(admin_client, db, content, message):
    started = time.perf_counter()
    response = upload(admin_client, content)
    elapsed = time.perf_counter() - started
    page = response.get_data(as_text=True)
    if message == "more than":  # a huge header line is either refused or read as ignored columns: never a 500
        assert response.status_code in {200, 302}
    else:
        assert response.status_code == 200
        assert message in page, page[:500]
        assert db.session.scalar(select(func.count(PeopleImport.id))) == 0
    assert elapsed < 10

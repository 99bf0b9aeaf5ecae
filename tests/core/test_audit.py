"""The audit log page: access, filters, local times, no N+1, and a safe CSV export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from sonores_lms.audit.models import AuditEntry
from sonores_lms.audit.views import action_label
from sonores_lms.export import safe_cell


@pytest.fixture
def add_entry(db):
    def factory(action="core.sign-in", *, actor=None, at=None, **kwargs):
        entry = AuditEntry(
            action=action,
            actor_id=getattr(actor, "id", None),
            created_at=at or datetime.now(UTC),
            details=kwargs.pop("details", {}),
            **kwargs,
        )
        db.session.add(entry)
        db.session.flush()
        return entry

    return factory


def rows_of(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return [row for row in body.split("<tr>")[1:]]


def test_only_auditors_of_the_log_may_open_it(client, staff_client, admin_client):
    assert client.get("/admin/audit/").status_code == 302
    assert staff_client.get("/admin/audit/").status_code == 403
    assert staff_client.get("/admin/audit/export.csv").status_code == 403
    assert admin_client.get("/admin/audit/").status_code == 200


def test_admin_nav_shows_the_audit_log_to_admins_only(staff_client, admin_client):
    assert 'href="/admin/audit/"' in admin_client.get("/dashboard").get_data(as_text=True)
    assert 'href="/admin/audit/"' not in staff_client.get("/dashboard").get_data(as_text=True)


def test_newest_first_with_labels_and_actor(app, client_as, create_user, add_entry):
    admin_client = client_as("admin", locale="fr")
    marie = create_user("marie@example.org", first_name="Marie", last_name="Curieuse")
    now = datetime.now(UTC)
    add_entry("core.sign-in", actor=marie, at=now - timedelta(hours=2), target_label="older-target")
    add_entry("courses.enrolled", actor=marie, at=now - timedelta(hours=1), target_label="newer-target")
    page = admin_client.get("/admin/audit/").get_data(as_text=True)
    assert page.index("newer-target") < page.index("older-target")
    assert "Marie Curieuse" in page and "marie@example.org" in page
    assert "Connexion" in page  # the admin reads French: the label is translated
    assert "courses.enrolled" in page  # unlabelled codes show as they are


def test_action_labels_cover_core_codes_and_fall_back(app):
    with app.test_request_context():
        assert action_label("core.role-granted") != "core.role-granted"
        assert action_label("plugin.something") == "plugin.something"


def test_filters_by_action_actor_and_target(admin_client, create_user, add_entry):
    marie = create_user("marie@example.org", first_name="Marie", last_name="Curieuse")
    paul = create_user("paul@example.org", first_name="Paul", last_name="Lenoir")
    add_entry("core.sign-in", actor=marie, target_label="alpha-target")
    add_entry("core.profile-updated", actor=paul, target_label="beta-target")
    add_entry("core.sign-in-failed", actor=None, target_label="gamma@example.org")

    page = admin_client.get("/admin/audit/?action=core.profile-updated").get_data(as_text=True)
    assert "beta-target" in page and "alpha-target" not in page and "gamma@" not in page
    # The action select offers the actions present in the log.
    assert 'value="core.sign-in-failed"' in page and 'value="core.person-invited"' not in page

    page = admin_client.get("/admin/audit/?actor=marie+cur").get_data(as_text=True)
    assert "alpha-target" in page and "beta-target" not in page
    page = admin_client.get("/admin/audit/?actor=PAUL@example").get_data(as_text=True)
    assert "beta-target" in page and "alpha-target" not in page

    page = admin_client.get("/admin/audit/?target=gamma").get_data(as_text=True)
    assert "gamma@example.org" in page and "alpha-target" not in page
    # LIKE wildcards are taken literally.
    page = admin_client.get("/admin/audit/?target=%25").get_data(as_text=True)
    assert "alpha-target" not in page


def test_unknown_action_filter_rerenders_with_a_message(admin_client, add_entry):
    add_entry("core.sign-in", target_label="alpha-target")
    response = admin_client.get("/admin/audit/?action=core.nope&date_from=2025-13-45")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'class="form-errors"' in page
    assert "alpha-target" not in page


def test_date_range_uses_the_readers_time_zone(client_as, add_entry):
    # Port-au-Prince is UTC-5 in January: 03:30 UTC on the 16th is still the 15th there.
    admin = client_as("admin", timezone="America/Port-au-Prince")
    add_entry(at=datetime(2025, 1, 16, 3, 30, tzinfo=UTC), target_label="late-evening-15th")
    add_entry(at=datetime(2025, 1, 16, 5, 30, tzinfo=UTC), target_label="early-morning-16th")
    add_entry(at=datetime(2025, 1, 14, 12, 0, tzinfo=UTC), target_label="on-the-14th")

    page = admin.get("/admin/audit/?date_from=2025-01-15&date_to=2025-01-15").get_data(as_text=True)
    assert "late-evening-15th" in page
    assert "early-morning-16th" not in page and "on-the-14th" not in page

    page = admin.get("/admin/audit/?date_from=2025-01-16").get_data(as_text=True)
    assert "early-morning-16th" in page and "late-evening-15th" not in page

    response = admin.get("/admin/audit/?date_from=2025-01-16&date_to=2025-01-15")
    assert 'class="form-errors"' in response.get_data(as_text=True)


def test_times_are_shown_in_the_readers_language_and_zone(client_as, add_entry):
    admin = client_as("admin", timezone="America/Port-au-Prince", locale="es")
    add_entry(at=datetime(2025, 1, 15, 18, 30, tzinfo=UTC), target_label="x")
    page = admin.get("/admin/audit/").get_data(as_text=True)
    assert ">15 ene 2025, 13:30:00</time>" in page


def test_pagination_keeps_the_filters(admin_client, add_entry):
    base = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(55):
        add_entry("core.sign-in", at=base + timedelta(minutes=n), target_label=f"entry-{n:02d}")
    add_entry("core.profile-updated", at=base, target_label="other-action")
    page = admin_client.get("/admin/audit/?action=core.sign-in").get_data(as_text=True)
    assert len(rows_of(page)) == 50
    assert "entry-54" in page and "entry-04" not in page
    assert "action=core.sign-in" in page.split('rel="next"')[0].rsplit("<a", 1)[1]
    page2 = admin_client.get("/admin/audit/?action=core.sign-in&page=2").get_data(as_text=True)
    assert len(rows_of(page2)) == 5
    assert "entry-04" in page2 and "other-action" not in page2


def test_list_does_not_grow_queries_with_rows(admin_client, create_user, add_entry, count_queries):
    def measure(n: int) -> int:
        for i in range(n):
            actor = create_user(first_name=f"Actor{i}")
            add_entry("core.sign-in", actor=actor, target_label=f"t{i}")
        with count_queries() as counted:
            response = admin_client.get("/admin/audit/")
        assert response.status_code == 200
        return counted.count

    few = measure(5)
    many = measure(35)  # 40 entries in all
    assert few == many, (few, many)


def test_export_is_utf8_with_bom_filtered_and_neutralised(client_as, create_user, add_entry):
    admin = client_as("admin", timezone="America/Port-au-Prince")
    hélène = create_user("helene@example.org", first_name="Hélène", last_name="Éléonore")
    add_entry(
        "core.profile-updated",
        actor=hélène,
        at=datetime(2025, 1, 15, 18, 30, tzinfo=UTC),
        target_label='=HYPERLINK("http://evil.example","clic")',
        details={"fields": ["first_name"]},
    )
    add_entry("core.sign-in", actor=hélène, target_label="not-exported")
    response = admin.get("/admin/audit/export.csv?action=core.profile-updated")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2  # the header and the one matching entry
    header, row = rows
    assert len(header) == len(row)
    assert row[0] == "2025-01-15T13:30:00-05:00"
    assert "core.profile-updated" in row and "Hélène Éléonore" in row
    assert '\'=HYPERLINK("http://evil.example","clic")' in row
    assert "not-exported" not in raw.decode("utf-8")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Hélène", "Hélène"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-5, "-5"),
        (3.5, "3.5"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected

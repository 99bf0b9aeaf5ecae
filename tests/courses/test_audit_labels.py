"""Every audit action the courses plugin records has a readable label in the audit log."""

from __future__ import annotations

import re
from pathlib import Path

import courses
from courses.audit_labels import LABELS

NOT_ACTIONS = {
    "courses.author", "courses.manage-plan", "courses.view-reports", "courses.models", "courses.catalogue",
    "courses.reports", "courses.course-completed", "courses.track-completed", "courses.enrolment-changed",
    "courses.lesson-kinds",
}  # fmt: skip


def test_every_recorded_action_has_a_label():
    root = Path(courses.__file__).parent
    found: set[str] = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'"(courses\.[a-z-]+)"', text))
        for kind in ("track", "course", "module", "lesson"):  # f"courses.{name}-updated" and the like
            found |= {f"courses.{kind}-{verb}" for verb in re.findall(r'f"courses\.\{[^}]+\}-([a-z]+)"', text)}
    missing = (found - NOT_ACTIONS) - set(LABELS)
    assert not missing, sorted(missing)


def test_the_audit_log_shows_plugin_labels(client_as, db):
    from sonores_lms.audit.services import record

    admin = client_as("admin", locale="en")
    record("courses.plan-published", actor=admin.user, target_label="Plan 2027")
    page = admin.get("/admin/audit/").get_data(as_text=True)
    assert "Plan published" in page

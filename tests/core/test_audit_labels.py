"""Every action the core records has a readable label in the audit log."""

from __future__ import annotations

import re
from pathlib import Path

import sonores_lms
from sonores_lms.audit.views import ACTION_LABELS

SIGNALS = {"core.user-roles-changed", "core.user-signed-in", "core.user-deactivated", "core.user-updated"}  # signals
PERMISSIONS_AND_SETTINGS = re.compile(r"core\.(manage|view|default|network)")


def recorded_actions() -> set[str]:
    root = Path(sonores_lms.__file__).parent
    found: set[str] = set()
    for path in root.rglob("*.py"):
        found |= set(re.findall(r'"(core\.[a-z-]+)"', path.read_text(encoding="utf-8")))
    return {code for code in found if not PERMISSIONS_AND_SETTINGS.match(code)} - (SIGNALS - set(ACTION_LABELS))


def test_every_core_action_has_a_label():
    missing = recorded_actions() - set(ACTION_LABELS)
    assert not missing, f"label these audit actions in sonores_lms/audit/views.py: {sorted(missing)}"

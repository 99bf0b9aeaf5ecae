"""A learning log: each course a person completes is noted, listed on their dashboard and on the course's page.

The smallest plugin that uses every part of the contract, and the one to copy when starting a new plugin (see
"How to add a plugin" in ARCHITECTURE.md): a table with its own migration branch, a setting, a job queued after
commit, a dashboard widget, a template slot, one page, and a lesson kind declared through ``courses.api``. It is
installed only for ``tests/core/test_plugin_sample.py``, through ``tests/plugins/sonores_sample-0.1.dist-info``.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from sonores_lms.config import Setting
from sonores_lms.plugins import Plugin

from .views import blueprint

SETTINGS = (Setting("NOTES_SHOWN", 3, int, "How many completed courses the dashboard widget lists."),)


def _init(app: Flask) -> None:
    """Connect the receivers; through ``plugin.connect`` they answer only in apps where this plugin is enabled."""
    from courses.api import course_completed, lesson_kinds
    from sonores_lms.signals import dashboard_widgets, template_hook

    from . import jobs, kinds, views

    plugin.connect(lesson_kinds, kinds.declare)
    plugin.connect(course_completed, jobs.on_course_completed)
    plugin.connect(dashboard_widgets, views.widget)
    plugin.connect(template_hook, views.course_note)


plugin = Plugin(
    name="sample",
    title=_l("Learning log"),
    requires=("courses",),
    blueprint=blueprint,
    models="sample.models",
    settings=SETTINGS,
    init=_init,
)

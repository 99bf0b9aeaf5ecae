"""The annual training plan: axes, tracks, courses, modules, lessons, enrolments and progress."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from sonores_lms.config import Setting
from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin

from .blueprint import blueprint

AUTHOR = Permission("courses.author", _l("Author tracks, courses and lessons"), frozenset({Role.TRAINER, Role.ADMIN}))
MANAGE_PLAN = Permission(
    "courses.manage-plan", _l("Run the annual training plan"), frozenset({Role.ADMIN}), network_only=True
)
VIEW_REPORTS = Permission("courses.view-reports", _l("View progress reports"), frozenset({Role.ADMIN}))

MB = 1024 * 1024
SETTINGS = (
    Setting(
        "UPLOAD_MAX_VIDEO",
        50 * MB,
        int,
        "Largest video a trainer may upload to a lesson.",
        shown_default="`52428800` (50 MiB)",
    ),
    Setting(
        "UPLOAD_MAX_OTHER",
        10 * MB,
        int,
        "Largest other file (image, PDF, document).",
        shown_default="`10485760` (10 MiB)",
    ),
    Setting(
        "UPLOAD_FOLDER",
        None,
        str,
        "Where uploaded files are kept (by their SHA-256). Back it up with the database.",
        shown_default="`instance/uploads`",
    ),
)


def _init(app: Flask) -> None:
    from sonores_lms.signals import audit_action_labels, content_by_topic, demo_loaded

    from . import jobs
    from .audit_labels import audit_labels
    from .kinds import _built_in
    from .signals import lesson_kinds
    from .topics import courses_on_topic

    plugin.connect(lesson_kinds, _built_in)
    plugin.connect(content_by_topic, courses_on_topic)
    plugin.connect(audit_action_labels, audit_labels)
    plugin.connect(demo_loaded, _demo_loaded)
    views.connect(plugin)
    jobs.connect(plugin)


def _demo_loaded(_sender: object, **_kwargs: object) -> None:
    """Every plugin's demo is in: the demo plan's lessons that show another plugin's demo item can be added."""
    from .demo import link_demo_items

    link_demo_items()


def _demo() -> None:
    from .demo import load_demo

    load_demo()


# Defined before the modules below are imported: some of them (the jobs, through the services) use it.
plugin = Plugin(
    name="courses",
    title=_l("Courses"),
    blueprint=blueprint,
    models="courses.models",
    permissions=(AUTHOR, MANAGE_PLAN, VIEW_REPORTS),
    settings=SETTINGS,
    demo=_demo,
    init=_init,
)

from . import cli, views  # noqa: E402 - register the commands and routes on the blueprint

__all__ = ["AUTHOR", "MANAGE_PLAN", "VIEW_REPORTS", "SETTINGS", "cli", "plugin", "views"]

"""The plugin contract, proved with the smallest plugin: ``tests/plugins/sample`` is a folder and one entry-point
line (in ``tests/plugins/sonores_sample-0.1.dist-info``), and with nothing changed in ``courses`` or the core it
boots, reads its setting, queues and runs its job, shows its widget and slot, adds a lesson kind learners complete,
and migrates on its own branch.

It is installed for this module only: its folder goes on ``sys.path``, where ``importlib.metadata`` finds the
dist-info as it finds a pip-installed distribution's, and comes off afterwards, so no other test's app sees it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from flask_babel import force_locale
from flask_migrate import downgrade
from jinja2 import ChoiceLoader, FileSystemLoader
from sqlalchemy import inspect, select

from courses.models import Lesson, PlanStatus
from courses.revisions import publish, publish_problems
from sonores_lms import create_app
from sonores_lms.extensions import db as _db
from sonores_lms.extensions import migrate as _migrate
from sonores_lms.jobs import get_huey
from sonores_lms.plugins import PluginError, discover, installed_names
from sonores_lms.schema import CORE_VERSIONS
from sonores_lms.search import is_index_table
from tests.core.test_plugin_boundaries import violations
from tests.fixtures.app import SonoresClient, make_database, migrate, test_config
from tests.fixtures.users import sign_in_client

PLUGINS_FOLDER = Path(__file__).resolve().parents[1] / "plugins"
QUOTE = "Le savoir est la seule richesse qu'on peut partager sans la diminuer."


@pytest.fixture(scope="module")
def sample_installed() -> Iterator[None]:
    """The sample plugin installed, as ``pip install`` would install it, for this module's tests only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(PLUGINS_FOLDER))
        yield
    # Its modules stay imported (a class mapped twice is an error), but nothing finds them any more; its table
    # leaves the shared metadata, which other tests compare with databases that never had it.
    for name in [name for name in _db.metadata.tables if name.startswith("sample_")]:
        _db.metadata.remove(_db.metadata.tables[name])


@pytest.fixture(scope="module")
def app(sample_installed: None, database_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """Every installed plugin, the sample included, on a database of its own upgraded to every head."""
    databases = make_database(database_kind, tmp_path_factory, "sample")
    application = create_app(test_config(next(databases)))
    application.test_client_class = SonoresClient
    # A bundled plugin's templates are in the repository's templates/<name>/; the sample's are in tests/plugins.
    loader = ChoiceLoader([application.jinja_env.loader, FileSystemLoader(str(PLUGINS_FOLDER / "templates"))])
    application.jinja_env.loader = loader
    migrate(application)
    yield application
    with application.app_context():
        _db.engine.dispose()
    databases.close()


@pytest.fixture
def queue(app, db, monkeypatch):
    """The real job queue, emptied before and after; jobs wait in it instead of running at once."""
    monkeypatch.setitem(app.config, "JOBS_IMMEDIATE", False)
    huey = get_huey()
    huey.flush()
    yield huey
    huey.flush()


def text_of(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def notes():
    from sample.models import SampleNote

    return _db.session.scalars(select(SampleNote).order_by(SampleNote.id)).all()


# -- installed by its entry point, enabled like any plugin ---------------------------------------------------------
def test_it_is_found_by_its_entry_point_and_boots_after_what_it_requires(app):
    from sample import plugin

    assert "sample" in installed_names()
    assert discover()["sample"] is plugin
    names = list(app.extensions["sonores"].plugins)
    assert "sample" in names and names.index("courses") < names.index("sample")
    assert "sample" in app.blueprints
    assert app.test_client().get("/sample/log").status_code == 302  # a page like any other: sign in first


def test_without_what_it_requires_it_is_refused_and_disabled_it_leaves_no_trace(app):
    with pytest.raises(PluginError, match="'sample' requires courses"):
        create_app(test_config("sqlite://", PLUGINS="sample"))
    without = create_app(test_config("sqlite://", PLUGINS="courses"))
    assert "sample" not in without.blueprints
    assert "SAMPLE_NOTES_SHOWN" not in without.config


def test_it_imports_only_the_core_and_the_api_of_courses(app):
    from sample import plugin

    assert plugin.requires == ("courses",)
    assert violations("sample", allowed=set(plugin.requires)) == []


# -- a setting ----------------------------------------------------------------------------------------------------
def test_its_setting_has_a_default_and_an_environment_override(app, monkeypatch):
    assert app.config["SAMPLE_NOTES_SHOWN"] == 3
    monkeypatch.setenv("SONORES_SAMPLE_NOTES_SHOWN", "5")
    assert create_app(test_config("sqlite://")).config["SAMPLE_NOTES_SHOWN"] == 5
    monkeypatch.setenv("SONORES_SAMPLE_NOTES_SHOWN", "many")
    with pytest.raises(RuntimeError, match="SONORES_SAMPLE_NOTES_SHOWN must be a whole number"):
        create_app(test_config("sqlite://"))


def test_the_widget_lists_as_many_courses_as_the_setting_says(app, client_as, db, monkeypatch):
    from sample.models import SampleNote

    staff = client_as("staff")
    for day, title in ((1, "Older course"), (2, "Latest course")):
        when = datetime(2027, 3, day, 12, tzinfo=UTC)
        db.session.add(SampleNote(user_id=staff.user.id, course_uid=f"c{day}", title=title, completed_at=when))
    db.session.flush()
    page = text_of(staff.get("/dashboard").get_data(as_text=True))
    assert "My learning log" in page and "Latest course" in page and "Older course" in page
    monkeypatch.setitem(app.config, "SAMPLE_NOTES_SHOWN", 1)
    page = text_of(staff.get("/dashboard").get_data(as_text=True))
    assert "Latest course" in page and "Older course" not in page
    log = text_of(staff.get("/sample/log").get_data(as_text=True))
    assert "2 courses completed." in log and "Older course" in log  # the page lists the whole log


# -- a lesson kind, from authoring to completion; the job, widget and slot it sets off ------------------------------
def editor_data(lesson, **changes):
    data = {"version": lesson.version, "kind": lesson.kind, "duration_minutes": 5, "required": "y"}
    data["fr-title"] = lesson.texts_in("fr")["title"]
    return {**data, **changes}


def test_its_lesson_kind_is_authored_published_shown_and_completed(app, make_plan, client_as, db):
    admin = client_as("admin", locale="en")
    plan = make_plan(courses=1, lessons=1, published=False)
    course = plan.axes[0].tracks[0].courses[0]
    new = f"/courses/author/modules/{course.modules[0].id}/lessons/new"
    assert '<option value="sample-quote">Quotation</option>' in admin.get(new).get_data(as_text=True)
    assert admin.post(new, data={"title": "Une citation", "kind": "sample-quote"}).status_code == 302
    db.session.expire_all()
    lesson = db.session.scalars(select(Lesson).where(Lesson.kind == "sample-quote")).one()

    editor = admin.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    assert 'name="quote"' in editor and 'name="author"' in editor and "Who said or wrote it, and where." in editor
    with app.test_request_context(), force_locale("en"):
        problems = [str(problem) for item, problem in publish_problems(plan) if item is lesson]
    assert problems == ["A quotation lesson needs its quotation."]

    refused = admin.post(f"/courses/author/lessons/{lesson.id}", data=editor_data(lesson, quote="x" * 1001))
    assert refused.status_code == 200 and "1000" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert lesson.data == {}  # nothing half-written
    saved = admin.post(f"/courses/author/lessons/{lesson.id}", data=editor_data(lesson, quote=QUOTE, author="Proverbe"))
    assert saved.status_code == 302
    db.session.expire_all()
    assert lesson.data == {"quote": QUOTE, "author": "Proverbe"}
    publish(plan, actor=admin.user)
    assert plan.status is PlanStatus.PUBLISHED

    staff, other = client_as("staff", locale="en"), client_as("staff", locale="en")
    page = staff.get(f"/courses/learn/lesson/{lesson.uid}").get_data(as_text=True)
    assert "<blockquote>Le savoir est la seule richesse qu&#39;on peut" in page and "<figcaption>Proverbe" in page
    assert "Mark as done" in page
    for each in course.modules[0].lessons:
        assert staff.post(f"/courses/learn/lesson/{each.uid}/done").status_code == 302

    # The course is complete: the job (run at once in these tests) noted it, in the learner's language.
    [note] = notes()
    assert (note.user_id, note.course_uid, note.title) == (staff.user.id, course.uid, "Cours 1")
    dashboard = text_of(staff.get("/dashboard").get_data(as_text=True))
    assert "My learning log Cours 1" in dashboard
    course_page = text_of(staff.get(f"/courses/learn/{course.uid}").get_data(as_text=True))
    assert "In your learning log since" in course_page
    assert "In your learning log since" not in text_of(other.get(f"/courses/learn/{course.uid}").get_data(as_text=True))
    assert "My learning log" not in text_of(other.get("/dashboard").get_data(as_text=True))


def test_its_job_is_queued_when_the_completion_commits_and_runs_in_the_consumer(queue, make_plan, client_as, db):
    course = make_plan(courses=1, lessons=1).axes[0].tracks[0].courses[0]
    staff = client_as("staff")
    assert staff.post(f"/courses/learn/lesson/{course.modules[0].lessons[0].uid}/done").status_code == 302
    [job] = [task for task in queue.pending() if task.name == "note_completed_course"]
    assert job.kwargs == {"user_id": staff.user.id, "course_uid": course.uid}
    assert notes() == []  # the request only asked for it; the consumer writes
    queue.execute(job)
    queue.execute(job)  # a retry writes nothing more
    assert [(n.user_id, n.title) for n in notes()] == [(staff.user.id, "Cours 1")]


def test_where_it_is_disabled_nothing_asks_for_its_job_and_its_job_does_nothing(
    app, queue, make_plan, create_user, caplog
):
    from sample.jobs import note_completed_course

    without = create_app(test_config(app.config["DATABASE_URL"], PLUGINS="courses", JOBS_IMMEDIATE=False))
    without.test_client_class = SonoresClient
    course = make_plan(courses=1, lessons=1).axes[0].tracks[0].courses[0]
    learner = create_user()
    client = sign_in_client(without, learner)
    assert client.post(f"/courses/learn/lesson/{course.modules[0].lessons[0].uid}/done").status_code == 302
    queued = [task.name for task in queue.pending()]
    assert queued and "note_completed_course" not in queued  # courses' own jobs were asked for, not the sample's
    with caplog.at_level(logging.INFO, logger="sonores_lms.plugins"), without.app_context():
        assert note_completed_course.call_local(user_id=learner.id, course_uid=course.uid) is None
    assert "plugin 'sample' is not enabled" in caplog.text
    assert notes() == []
    with without.app_context():
        _db.engine.dispose()


# -- its migration branch -------------------------------------------------------------------------------------------
def _dependencies(script):
    found = script.dependencies
    return {found} if isinstance(found, str) else set(found or ())


def test_its_revisions_form_a_branch_of_their_own(app):
    with app.app_context():
        scripts = ScriptDirectory.from_config(_migrate.get_config())
    head = scripts.get_revision("sample@head")
    assert (head.revision, head.branch_labels, head.down_revision) == ("sample_0001", {"sample"}, None)
    assert Path(head.path).parent == PLUGINS_FOLDER / "sample" / "migrations"
    assert {Path(scripts.get_revision(rev).path).parent for rev in _dependencies(head)} == {CORE_VERSIONS}


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_its_model_and_its_migration_agree(app):
    with app.app_context(), _db.engine.connect() as connection:
        # Search indexes are made by sonores_lms.search for the database in use, not by any model.
        opts = {
            "render_as_batch": True,
            "include_name": lambda name, type_, _parents: not (type_ == "table" and is_index_table(name)),
        }
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, _db.metadata) == []
    assert "sample_notes" in _db.metadata.tables


def test_upgrading_heads_creates_its_table_and_downgrading_its_branch_drops_it_alone(app):
    def tables():
        with app.app_context(), _db.engine.connect() as connection:
            return set(inspect(connection).get_table_names())

    assert "sample_notes" in tables()
    with app.app_context():
        downgrade(revision="sample@base")
    left = tables()
    assert "sample_notes" not in left and {"core_users", "courses_plans", "courses_lessons"} <= left
    migrate(app)
    assert "sample_notes" in tables()

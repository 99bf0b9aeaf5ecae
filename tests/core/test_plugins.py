"""The plugin contract: the loader refuses what breaks it, and a disabled plugin leaves no trace."""

from __future__ import annotations

import importlib
import re
import sys
import textwrap
from pathlib import Path

import pytest
from blinker import Namespace
from flask import Blueprint

from sonores_lms import ROOT, create_app
from sonores_lms.permissions import Permission, Role
from sonores_lms.plugins import Plugin, PluginError, _check_names, check_models, discover, load_plugins, resolve
from tests.fixtures.app import test_config


def build(**overrides):
    return create_app(test_config("sqlite://", **overrides))


def test_installed_plugins_follow_one_name_everywhere():
    plugins = discover()
    assert {"courses", "certificates"} <= set(plugins)
    for name, plugin in plugins.items():
        assert plugin.name == name
        assert plugin.blueprint is not None and plugin.blueprint.name == name
        assert all(p.name.startswith(name + ".") for p in plugin.permissions)


def test_the_sample_plugin_of_the_tests_stays_out_of_other_apps():
    """tests/plugins/sample is installed for tests/core/test_plugin_sample.py alone, which runs before this module
    by name: once it is done, neither the plugins found nor the shared metadata know the sample."""
    from sonores_lms.extensions import db

    assert "sample" not in discover()
    assert not [name for name in db.metadata.tables if name.startswith("sample_")]
    assert "sample" not in build().extensions["sonores"].plugins


def test_all_plugins_enabled_by_default_in_dependency_order():
    app = build()
    # Each plugin after those it requires; certificates requires courses, the others nothing.
    assert list(app.extensions["sonores"].plugins) == ["courses", "checklists", "knowledge", "certificates"]
    assert {"courses", "certificates"} <= set(app.blueprints)
    assert "certificates.issue" in app.extensions["sonores"].permissions


def test_unmet_requirement_stops_the_app():
    with pytest.raises(PluginError, match="requires courses"):
        build(PLUGINS="certificates")


def test_unknown_plugin_stops_the_app():
    with pytest.raises(PluginError, match="Unknown plugin"):
        build(PLUGINS="courses,no-such-plugin")


def test_safe_mode_boots_the_core_alone(app, database_url):
    app = create_app(test_config(database_url, SAFE_MODE=True))
    assert app.extensions["sonores"].plugins == {}
    assert "courses" not in app.blueprints
    assert not any(name.startswith("courses.") for name in app.extensions["sonores"].permissions)
    assert app.test_client().get("/sign-in").status_code == 200
    with app.app_context():
        from sonores_lms.extensions import db

        db.engine.dispose()


def test_disabled_plugin_leaves_no_trace():
    app = build(PLUGINS="courses")
    assert "certificates" not in app.blueprints
    assert "certificates.issue" not in app.extensions["sonores"].permissions
    assert not any(rule.endpoint.startswith("certificates.") for rule in app.url_map.iter_rules())


def test_receivers_answer_only_where_their_plugin_is_enabled():
    signal = Namespace().signal("test-collector")
    plugin = Plugin(name="courses", title="Courses")
    plugin.connect(signal, lambda sender: "from courses")
    plugin.connect(signal, lambda sender: "from courses")  # a new function: connected too
    on, off = build(PLUGINS="courses"), build(SAFE_MODE=True)
    with on.app_context():
        assert [value for _, value in signal.send(None)] == ["from courses", "from courses"]
    with off.app_context():
        assert [value for _, value in signal.send(None)] == [None, None]


def test_connecting_the_same_receiver_twice_is_idempotent():
    signal = Namespace().signal("test-collector-2")
    plugin = Plugin(name="courses", title="Courses")

    def receiver(sender):
        return 1

    plugin.connect(signal, receiver)
    plugin.connect(signal, receiver)
    assert len(signal.receivers) == 1


def _plugin(name, requires=()):
    return Plugin(name=name, title=name, requires=requires, blueprint=Blueprint(name, __name__))


def test_resolve_orders_by_requires_and_detects_cycles():
    installed = {"b": _plugin("b", ("a",)), "a": _plugin("a"), "c": _plugin("c", ("b",))}
    assert [p.name for p in resolve(installed, None)] == ["a", "b", "c"]
    cyclic = {"a": _plugin("a", ("b",)), "b": _plugin("b", ("a",))}
    with pytest.raises(PluginError, match="cycle"):
        resolve(cyclic, None)


def test_names_must_agree():
    with pytest.raises(PluginError, match="disagree"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", blueprint=Blueprint("lessons", __name__)))
    with pytest.raises(PluginError, match="disagree"):
        _check_names("courses", "other_package", Plugin(name="courses", title="x"))
    wrong_permission = Permission("core.author", "x", frozenset({Role.ADMIN}))
    with pytest.raises(PluginError, match="declares permission"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", permissions=(wrong_permission,)))
    with pytest.raises(PluginError, match="models outside"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", models="sonores_lms.models"))


# -- tables and templates, with small fake plugins written into a temporary folder --------------------------------
@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """``fake_package("notes", {"models.py": "..."})``: an importable package, forgotten after the test."""
    monkeypatch.syspath_prepend(str(tmp_path))
    written = []

    def write(name, files):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "__init__.py").write_text("", encoding="utf-8")
        for relative, content in files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        written.append(name)
        return folder

    yield write
    for module in [m for m in sys.modules if m.split(".")[0] in written]:
        del sys.modules[module]


# Its own declarative base: the fake tables never join the app's metadata (nor its migrations check).
FAKE_MODELS = """
    from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

    class Base(DeclarativeBase):
        metadata = MetaData()

    class Note(Base):
        __tablename__ = "{note_table}"
        id: Mapped[int] = mapped_column(primary_key=True)

    note_tags = Table("{link_table}", Base.metadata, Column("note_id", ForeignKey("{note_table}.id")), Column("tag", Integer))
"""


def test_a_plugin_tables_carry_its_name(fake_package):
    fake_package("notes", {"models.py": FAKE_MODELS.format(note_table="notes_notes", link_table="notes_tags")})
    module = check_models(Plugin(name="notes", title="Notes", models="notes.models"))
    assert module is not None and module.Note.__tablename__ == "notes_notes"


def test_a_mapped_table_without_the_prefix_is_refused(fake_package):
    fake_package("memos", {"models.py": FAKE_MODELS.format(note_table="notes", link_table="memos_tags")})
    with pytest.raises(PluginError, match=r"without the prefix 'memos_': notes$"):
        check_models(Plugin(name="memos", title="Memos", models="memos.models"))


def test_a_plain_table_without_the_prefix_is_refused(fake_package):
    fake_package("jotter", {"models.py": FAKE_MODELS.format(note_table="jotter_notes", link_table="tags")})
    with pytest.raises(PluginError, match=r"without the prefix 'jotter_': tags$"):
        check_models(Plugin(name="jotter", title="Jotter", models="jotter.models"))


def test_a_class_mapped_outside_the_models_module_is_checked_too(fake_package):
    """A plugin that keeps a model in another module of its package is still checked, once that module is loaded."""
    fake_package(
        "planner",
        {
            "models.py": FAKE_MODELS.format(note_table="planner_notes", link_table="planner_tags"),
            "slots.py": """
                from sqlalchemy.orm import Mapped, mapped_column

                from planner.models import Base

                class Slot(Base):
                    __tablename__ = "slots"
                    id: Mapped[int] = mapped_column(primary_key=True)
            """,
        },
    )
    plugin = Plugin(name="planner", title="Planner", models="planner.models")
    check_models(plugin)
    importlib.import_module("planner.slots")
    with pytest.raises(PluginError, match="without the prefix 'planner_': slots$"):
        check_models(plugin)


def test_the_loader_refuses_to_start_with_a_table_out_of_its_prefix(fake_package):
    fake_package("memos", {"models.py": FAKE_MODELS.format(note_table="notes", link_table="memos_tags")})
    app = build(SAFE_MODE=True)
    app.config.update(SAFE_MODE=False, PLUGINS="memos")
    with pytest.raises(PluginError, match="without the prefix"):
        load_plugins(app, {"memos": Plugin(name="memos", title="Memos", models="memos.models")})
    assert "memos" not in app.extensions["sonores"].plugins


def test_a_blueprint_with_its_own_template_folder_is_refused():
    blueprint = Blueprint("notes", __name__, template_folder="templates")
    with pytest.raises(PluginError, match=r"template folder .* templates/notes/"):
        _check_names("notes", "notes", Plugin(name="notes", title="Notes", blueprint=blueprint))


def test_a_templates_folder_inside_the_package_is_refused(fake_package):
    fake_package("ledger", {"templates/ledger/index.html": "<p>{{ 1 }}</p>"})
    with pytest.raises(PluginError, match=r"templates folder in its package: .* templates/ledger/"):
        _check_names("ledger", "ledger", Plugin(name="ledger", title="Ledger", blueprint=Blueprint("ledger", "ledger")))


def test_installed_plugins_pass_the_loader_checks():
    for name, plugin in discover().items():
        check_models(plugin)
        assert plugin.blueprint is None or plugin.blueprint.template_folder is None, name


TEMPLATE_NAME = re.compile(r"""["']([\w./-]+\.(?:html|txt))["']""")


def test_plugins_render_only_their_own_templates():
    """Every template a plugin names in its code lies in templates/<name>/ and exists."""
    for name in discover():
        package = ROOT / name
        for source in sorted(package.rglob("*.py")):
            for template in TEMPLATE_NAME.findall(source.read_text(encoding="utf-8")):
                where = f"{source.relative_to(ROOT)} names {template}"
                assert template.startswith(f"{name}/"), f"{where}: {name}'s templates live in templates/{name}/"
                assert (ROOT / "templates" / template).is_file(), f"{where}, which does not exist"


def test_template_folders_belong_to_the_core_or_an_installed_plugin():
    """A folder of templates/ named like no plugin is the core's; the core never names a plugin's templates."""
    plugins = set(discover())
    core_sources = [p for p in (ROOT / "sonores_lms").rglob("*.py")]
    for source in core_sources:
        for template in TEMPLATE_NAME.findall(source.read_text(encoding="utf-8")):
            assert Path(template).parts[0] not in plugins, f"{source.relative_to(ROOT)} names {template}"


# -- a new plugin is found by the packaging, the translation extractor and the test fixtures ----------------------
def _installed_packages():
    from importlib.metadata import entry_points

    from sonores_lms.plugins import ENTRY_POINT_GROUP

    return {ep.name: ep.value.partition(":")[0].partition(".")[0] for ep in entry_points(group=ENTRY_POINT_GROUP)}


def test_packaging_ships_every_installed_plugin():
    import tomllib

    from setuptools import find_packages

    with (ROOT / "pyproject.toml").open("rb") as fh:
        find = tomllib.load(fh)["tool"]["setuptools"]["packages"]["find"]
    shipped = set(find_packages(str(ROOT), include=find.get("include", ("*",)), exclude=find.get("exclude", ())))
    for name, package in _installed_packages().items():
        assert package in shipped, f"pyproject.toml's packages.find leaves out plugin {name}"


def test_translation_extraction_reads_every_installed_plugin():
    from babel.messages.frontend import parse_mapping_cfg
    from babel.util import pathmatch

    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, _ = parse_mapping_cfg(fh)

    def method(relative):
        return next((m for pattern, m in method_map if pathmatch(pattern, relative)), None)

    for name, package in _installed_packages().items():
        sources = [p.relative_to(ROOT).as_posix() for p in (ROOT / package).rglob("*.py")]
        sources = [s for s in sources if "/migrations/" not in s]
        assert sources
        unread = [s for s in sources if method(s) != "python"]
        assert not unread, f"babel.cfg does not read plugin {name}: {unread}"
    assert method("courses/migrations/courses_0001_branch.py") == "ignore"
    assert method("tests/core/test_plugins.py") == "ignore"
    assert method("templates/courses/plans/index.html") == "jinja2"


def test_each_installed_plugin_fixtures_are_loaded(request):
    for name in _installed_packages():
        if (ROOT / "tests" / "fixtures" / f"{name}.py").exists():
            assert request.config.pluginmanager.has_plugin(f"tests.fixtures.{name}"), name
    assert request.config.pluginmanager.has_plugin("tests.fixtures.courses")

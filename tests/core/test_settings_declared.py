"""Settings are declared once, with default, type and meaning: the loader applies them (environment and
``instance/config.py`` override) and the README's tables are the declarations' own."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from courses import SETTINGS as COURSES_SETTINGS
from sonores_lms import create_app
from sonores_lms.config import CORE_SETTINGS, DefaultConfig, Setting, apply_settings, settings_table
from sonores_lms.plugins import Plugin, PluginError, _check_names, discover, load_plugins
from sonores_lms.settings_doc import tables
from tests.fixtures.app import test_config

ROOT = Path(__file__).resolve().parents[2]


def build(**overrides):
    return create_app(test_config("sqlite://", **overrides))


def test_the_readme_tables_are_the_declarations():
    readme = (ROOT / "README.md").read_text()
    for title, table in tables().items():
        assert table in readme, f"README's table for the {title} differs: run python -m sonores_lms.settings_doc"
    assert set(tables()) >= {"core", "job queue (environment only)", "plugin courses"}


def test_every_documented_variable_is_declared():
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Configuration") : readme.index("Read by the test suite only")]
    documented = {line.split("`")[1] for line in section.splitlines() if line.startswith("| `SONORES_")}
    declared = {f"SONORES_{s.name}" for s in CORE_SETTINGS} | {f"SONORES_COURSES_{s.name}" for s in COURSES_SETTINGS}
    for plugin in discover().values():  # every installed plugin's table is in the README
        declared |= {f"SONORES_{plugin.config_prefix}{s.name}" for s in plugin.settings}
    declared |= {"SONORES_JOBS_DB"}  # read by the job queue from the environment (QUEUE_SETTINGS)
    assert documented == declared


def test_a_table_row_shows_name_default_and_meaning():
    table = settings_table([Setting("PORT", 25, int, "SMTP port."), Setting("USER", None, str, "SMTP user.")])
    assert table.splitlines()[2:] == [
        "| `SONORES_PORT` | `25` | SMTP port. |",
        "| `SONORES_USER` | none | SMTP user. |",
    ]


def test_plugin_settings_have_their_defaults(app):
    assert app.config["COURSES_UPLOAD_MAX_VIDEO"] == 50 * 1024 * 1024
    assert app.config["COURSES_UPLOAD_MAX_OTHER"] == 10 * 1024 * 1024
    assert app.config["COURSES_UPLOAD_FOLDER"] is None


def test_the_environment_overrides_a_plugin_setting_under_its_prefixed_name(monkeypatch):
    monkeypatch.setenv("SONORES_COURSES_UPLOAD_MAX_VIDEO", "1234")
    monkeypatch.setenv("SONORES_COURSES_UPLOAD_FOLDER", "/srv/sonores/uploads")
    app = build()
    assert app.config["COURSES_UPLOAD_MAX_VIDEO"] == 1234
    assert app.config["COURSES_UPLOAD_FOLDER"] == "/srv/sonores/uploads"
    with app.app_context():
        from courses.uploads import max_bytes, upload_folder

        assert max_bytes("video") == 1234
        assert str(upload_folder()) == "/srv/sonores/uploads"


def test_instance_config_overrides_the_environment(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text("COURSES_UPLOAD_MAX_OTHER = '2048'\nMAIL_PORT = 587\n")
    monkeypatch.setenv("SONORES_COURSES_UPLOAD_MAX_OTHER", "1024")
    original = Flask.__init__

    def init(self, *args, **kwargs):
        kwargs["instance_path"] = str(tmp_path)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Flask, "__init__", init)
    app = build()
    assert app.config["COURSES_UPLOAD_MAX_OTHER"] == 2048  # read as the declared type
    assert app.config["MAIL_PORT"] == 587


def test_a_value_of_the_wrong_type_stops_the_app_at_start(monkeypatch):
    monkeypatch.setenv("SONORES_COURSES_UPLOAD_MAX_VIDEO", "fifty megabytes")
    with pytest.raises(RuntimeError, match="SONORES_COURSES_UPLOAD_MAX_VIDEO must be a whole number"):
        build()


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("off", False), (0, False), (None, False)])
def test_booleans_read_words_and_numbers(raw, value):
    assert Setting("SAFE_MODE", False, bool, "").coerce(raw, key="SAFE_MODE") is value


def test_a_boolean_setting_refuses_other_words(monkeypatch):
    monkeypatch.setenv("SONORES_MAIL_USE_TLS", "maybe")
    with pytest.raises(RuntimeError, match="SONORES_MAIL_USE_TLS must be true or false"):
        build()


def test_a_number_given_for_a_text_setting_stays_text(monkeypatch):
    monkeypatch.setenv("SONORES_MAIL_PASSWORD", "123456")  # the environment's JSON parsing makes it a number
    assert build().config["MAIL_PASSWORD"] == "123456"


def test_a_disabled_plugin_leaves_no_setting_behind():
    app = build(SAFE_MODE=True)
    assert not any(key.startswith("COURSES_") for key in app.config)


def test_core_defaults_are_declared_once():
    assert DefaultConfig.MAIL_PORT == 25 and DefaultConfig.SECRET_KEY is None
    names = [s.name for s in CORE_SETTINGS]
    assert len(names) == len(set(names))


def test_apply_settings_keeps_given_values_and_fills_the_rest():
    app = Flask(__name__)
    app.config["DEMO_LIMIT"] = "7"
    apply_settings(app, [Setting("LIMIT", 3, int, ""), Setting("NAME", "x", str, "")], prefix="DEMO_")
    assert app.config["DEMO_LIMIT"] == 7 and app.config["DEMO_NAME"] == "x"


def test_the_loader_refuses_badly_declared_settings():
    with pytest.raises(PluginError, match="bad name"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", settings=(Setting("max", 1, int, ""),)))
    with pytest.raises(PluginError, match="twice"):
        twice = (Setting("MAX", 1, int, ""), Setting("MAX", 2, int, ""))
        _check_names("courses", "courses", Plugin(name="courses", title="x", settings=twice))
    with pytest.raises(PluginError, match="not a Setting"):
        _check_names("courses", "courses", Plugin(name="courses", title="x", settings=({"MAX": 1},)))  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="run-time setting with a bad name"):
        bad = (Setting("WELCOME", "", str, ""),)
        _check_names("courses", "courses", Plugin(name="courses", title="x", runtime_settings=bad))


def test_runtime_settings_are_declared_defaults_of_the_settings_store(app):
    welcome = Setting("welcome_text", "Bienvenue", str, "Shown on the home page.")
    extra = Plugin(name="extra", title="Extra", runtime_settings=(welcome,), settings=(Setting("LIMIT", 5, int, ""),))
    standalone = build(SAFE_MODE=True)
    standalone.config["SAFE_MODE"] = False
    load_plugins(standalone, {"extra": extra})
    assert standalone.extensions["sonores"].settings_defaults["extra.welcome_text"] == "Bienvenue"
    assert standalone.config["EXTRA_LIMIT"] == 5
    assert "extra.welcome_text" not in app.extensions["sonores"].settings_defaults

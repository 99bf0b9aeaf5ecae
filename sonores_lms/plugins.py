"""The plugin contract and the loader that enforces it.

A plugin package exports ``plugin = Plugin(...)`` and is found through the ``sonores_lms.plugins`` entry points.
Its slug is its name everywhere: package, entry point, blueprint, endpoint prefix, template folder, table prefix,
permission prefix and CLI group. The loader refuses to start on anything that breaks that rule.

Templates: a plugin's live in the app's ``templates/<name>/``, where one loader finds them and the translation
extractor reads them, so its blueprint sets no ``template_folder`` and its package holds no ``templates/`` folder
(a template there could shadow the core's or another plugin's of the same name).

What a plugin declares besides its name:

- ``settings``: its configuration (:class:`sonores_lms.config.Setting`), read like the core's from
  ``SONORES_<PLUGIN>_<NAME>`` in the environment or ``<PLUGIN>_<NAME>`` in ``instance/config.py``, defaulted and
  typed by the loader, and read with ``current_app.config["<PLUGIN>_<NAME>"]``;
- ``runtime_settings``: values admins change at run time, kept in the settings table under ``<plugin>.<name>``
  (``sonores_lms.settings.store.get_setting``), whose declared defaults apply until someone saves one;
- jobs, through :meth:`Plugin.task` and :meth:`Plugin.periodic_task` in ``<plugin>/jobs.py``.
"""

from __future__ import annotations

import functools
import graphlib
import importlib
import logging
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import Any

from blinker import Signal
from flask import Blueprint, Flask, current_app
from sqlalchemy import Table
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Mapper

from .config import Setting, apply_settings
from .permissions import Permission, register_permissions

ENTRY_POINT_GROUP = "sonores_lms.plugins"
_CONFIG_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_RUNTIME_NAME = re.compile(r"[a-z][a-z0-9_]*")
logger = logging.getLogger(__name__)


class PluginError(RuntimeError):
    """The set of plugins asked for cannot start."""


@dataclass(frozen=True)
class Plugin:
    name: str
    title: Any
    requires: tuple[str, ...] = ()
    blueprint: Blueprint | None = None
    models: str | None = None  # dotted module that defines the plugin's tables
    permissions: tuple[Permission, ...] = ()
    settings: tuple[Setting, ...] = ()
    runtime_settings: tuple[Setting, ...] = ()
    demo: Callable[[], Any] | None = None
    init: Callable[[Flask], None] | None = None

    @property
    def config_prefix(self) -> str:
        """``COURSES_`` for ``courses``: its settings' keys in ``app.config`` (``SONORES_COURSES_...`` outside)."""
        return self.name.upper().replace("-", "_") + "_"

    def task(self, **options: Any) -> Callable[[Callable[..., Any]], Any]:
        """Declare a job of this plugin (options as ``huey.task``): registered with Huey under the plugin's module,
        run in an app context, and skipped (logged) where this plugin is not enabled, e.g. a consumer started with
        another ``SONORES_PLUGINS`` than the web process that queued the job."""
        from .jobs import task

        return lambda fn: task(**options)(self._guard(fn))

    def periodic_task(self, validate_datetime: Callable[..., bool], **options: Any) -> Callable[..., Any]:
        """Declare a periodic job of this plugin, e.g. ``@plugin.periodic_task(crontab(hour="3"))``; see
        :meth:`task`."""
        from .jobs import periodic_task

        return lambda fn: periodic_task(validate_datetime, **options)(self._guard(fn))

    def _guard(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        name = self.name

        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not is_enabled(name):
                logger.info("Job %s.%s skipped: plugin %r is not enabled here", fn.__module__, fn.__name__, name)
                return None
            return fn(*args, **kwargs)

        return guarded

    def connect(self, signal: Signal, receiver: Callable[..., Any], **kwargs: Any) -> None:
        """Connect ``receiver`` so that it answers only in apps where this plugin is enabled."""
        key = (id(signal), receiver)
        if key in _connections:
            return
        name = self.name

        @functools.wraps(receiver)
        def guarded(sender: Any, **kw: Any) -> Any:
            if not is_enabled(name):
                return None
            return receiver(sender, **kw)

        _connections[key] = guarded
        signal.connect(guarded, weak=False, **kwargs)


# Signals are process-wide and apps are not (tests build several): a receiver is connected once.
_connections: dict[tuple[int, Callable[..., Any]], Callable[..., Any]] = {}


def is_enabled(name: str) -> bool:
    return name in current_app.extensions["sonores"].plugins


def enabled_plugins() -> Iterable[Plugin]:
    return current_app.extensions["sonores"].plugins.values()


def _wanted(app: Flask) -> set[str] | None:
    if app.config["SAFE_MODE"]:
        return set()
    value = app.config.get("PLUGINS")
    if value is None:
        return None
    if isinstance(value, str):
        return {part.strip() for part in value.split(",") if part.strip()}
    return set(value)


def installed_names() -> list[str]:
    """The names of the installed plugins, without importing them (Alembic needs no more)."""
    return sorted({ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)})


def discover() -> dict[str, Plugin]:
    """Every installed plugin, checked for one name everywhere."""
    found: dict[str, Plugin] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in found:
            raise PluginError(f"Two plugins are installed under the name {ep.name!r}.")
        plugin = ep.load()
        if not isinstance(plugin, Plugin):
            raise PluginError(f"Entry point {ep.name!r} does not point to a Plugin.")
        _check_names(ep.name, ep.value.partition(":")[0], plugin)
        found[ep.name] = plugin
    return found


def _check_names(key: str, module: str, plugin: Plugin) -> None:
    package = module.partition(".")[0]
    names = {"entry point": key, "package": package, "plugin": plugin.name}
    if plugin.blueprint is not None:
        names["blueprint"] = plugin.blueprint.name
    if plugin.models is not None and plugin.models.partition(".")[0] != plugin.name:
        raise PluginError(f"Plugin {plugin.name!r} keeps its models outside its package: {plugin.models}")
    if len(set(names.values())) != 1:
        raise PluginError(f"Plugin names disagree: {names}")
    for permission in plugin.permissions:
        if permission.prefix != plugin.name:
            raise PluginError(f"Plugin {plugin.name!r} declares permission {permission.name!r}")
    _check_settings(plugin, plugin.settings, _CONFIG_NAME, "configuration")
    _check_settings(plugin, plugin.runtime_settings, _RUNTIME_NAME, "run-time")
    _check_templates(plugin)


def _check_templates(plugin: Plugin) -> None:
    where = f"its templates belong in templates/{plugin.name}/"
    if plugin.blueprint is not None and plugin.blueprint.template_folder is not None:
        raise PluginError(
            f"Plugin {plugin.name!r} gives its blueprint a template folder "
            f"({plugin.blueprint.template_folder!r}): {where}"
        )
    package = _package_folder(plugin.name)
    if package is not None and (package / "templates").is_dir():
        raise PluginError(f"Plugin {plugin.name!r} keeps a templates folder in its package: {where}")


def _package_folder(name: str) -> Path | None:
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def check_models(plugin: Plugin) -> ModuleType | None:
    """Import the plugin's models module and refuse any table of it without the ``<name>_`` prefix.

    The tables are those of the module (``Table`` objects) and of every class mapped in the plugin's package,
    whichever declarative base they use: all of them land in the one schema, where the prefix says whose they are.
    """
    if plugin.models is None:
        return None
    module = _import_models(plugin.models)
    prefix = f"{plugin.name}_"
    wrong = sorted(table.name for table in _tables_of(plugin.name, module) if not table.name.startswith(prefix))
    if wrong:
        raise PluginError(f"Plugin {plugin.name!r} defines tables without the prefix {prefix!r}: {', '.join(wrong)}")
    return module


def _tables_of(name: str, module: ModuleType) -> set[Table]:
    def ours(owner: str) -> bool:
        return owner == name or owner.startswith(name + ".")

    tables: set[Table] = {value for value in vars(module).values() if isinstance(value, Table)}
    # Classes are told by the module that defines them, so the plugin's modules loaded so far are searched too
    # (a model kept beside the code that uses it); their Table objects may be imported ones and are not.
    for module_name, loaded in list(sys.modules.items()):
        if loaded is None or not ours(module_name):
            continue
        for value in list(vars(loaded).values()):
            if isinstance(value, type) and ours(value.__module__):
                mapper = sa_inspect(value, raiseerr=False)
                if isinstance(mapper, Mapper):
                    tables.update(t for t in mapper.tables if isinstance(t, Table))
    return tables


def _check_settings(plugin: Plugin, settings: Iterable[Setting], pattern: re.Pattern[str], kind: str) -> None:
    seen: set[str] = set()
    for setting in settings:
        if not isinstance(setting, Setting):
            raise PluginError(f"Plugin {plugin.name!r} declares a {kind} setting that is not a Setting: {setting!r}")
        if not pattern.fullmatch(setting.name):
            raise PluginError(f"Plugin {plugin.name!r} declares a {kind} setting with a bad name: {setting.name!r}")
        if setting.name in seen:
            raise PluginError(f"Plugin {plugin.name!r} declares the {kind} setting {setting.name!r} twice")
        seen.add(setting.name)


def resolve(installed: Mapping[str, Plugin], wanted: set[str] | None) -> list[Plugin]:
    """The enabled plugins in an order where each comes after what it requires."""
    names = set(installed) if wanted is None else wanted
    unknown = names - set(installed)
    if unknown:
        raise PluginError(f"Unknown plugin(s) in SONORES_PLUGINS: {', '.join(sorted(unknown))}")
    for name in sorted(names):
        unmet = [req for req in installed[name].requires if req not in names]
        if unmet:
            raise PluginError(f"Plugin {name!r} requires {', '.join(unmet)}, which is not enabled.")
    sorter = graphlib.TopologicalSorter({name: installed[name].requires for name in sorted(names)})
    try:
        return [installed[name] for name in sorter.static_order()]
    except graphlib.CycleError as exc:
        raise PluginError(f"Plugins require each other in a cycle: {exc.args[1]}") from None


def load_plugins(app: Flask, installed: Mapping[str, Plugin] | None = None) -> None:
    plugins = resolve(installed if installed is not None else discover(), _wanted(app))
    registry = app.extensions["sonores"]
    for plugin in plugins:
        check_models(plugin)
        register_permissions(app, plugin.name, plugin.permissions)
        apply_settings(app, plugin.settings, prefix=plugin.config_prefix)
        registry.settings_defaults.update({f"{plugin.name}.{s.name}": s.default for s in plugin.runtime_settings})
        if plugin.blueprint is not None:
            app.register_blueprint(plugin.blueprint)
        registry.plugins[plugin.name] = plugin
    for plugin in plugins:
        if plugin.init is not None:
            plugin.init(app)


def _import_models(dotted: str) -> ModuleType:
    return importlib.import_module(dotted)

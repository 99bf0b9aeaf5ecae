"""Dependencies point inward: the core imports no plugin, and a plugin imports another only through its public
``api`` module and only when it declares that plugin in ``requires``."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import pytest

from sonores_lms.plugins import discover

PLUGINS = discover()


def package_dir(name: str) -> Path:
    spec = find_spec(name)
    assert spec is not None and spec.submodule_search_locations, name
    return Path(next(iter(spec.submodule_search_locations)))


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """Absolute module names a file imports, with their line: ``from a.b import c`` gives ``a.b`` and ``a.b.c``
    (``c`` may be a module), relative imports stay inside the package and are skipped."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def violations(package: str, allowed: set[str]) -> list[str]:
    """Imports of plugins by ``package``'s files other than ``<plugin>.api`` of a plugin in ``allowed``."""
    found = []
    root = package_dir(package)
    for path in sorted(root.rglob("*.py")):
        for line, module in imported_modules(path):
            top, _dot, rest = module.partition(".")
            if top not in PLUGINS or top == package:
                continue
            if top in allowed and (rest == "" or rest == "api" or rest.startswith("api.")):
                # ``from courses import api`` names ``courses`` then ``courses.api``; ``import courses`` alone
                # would reach its internals through attributes, so only the api forms pass.
                if rest == "" and not _is_api_import(path, line, top):
                    found.append(f"{path.relative_to(root.parent)}:{line} imports {module}")
                continue
            found.append(f"{path.relative_to(root.parent)}:{line} imports {module}")
    return found


def _is_api_import(path: Path, line: int, top: str) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.lineno == line and node.module == top and node.level == 0:
            return all(alias.name == "api" for alias in node.names)
    return False


def test_the_core_imports_no_plugin():
    assert violations("sonores_lms", allowed=set()) == []


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_a_plugin_imports_only_the_api_of_the_plugins_it_requires(name):
    assert violations(name, allowed=set(PLUGINS[name].requires)) == []


def test_the_check_catches_internals_and_undeclared_plugins(tmp_path, monkeypatch):
    """The rule itself, on a throw-away plugin package: it must fail on what it is meant to catch."""
    package = tmp_path / "sampleplugin"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from courses import api\n"  # allowed: the api, of a required plugin
        "from courses.api import complete_lesson\n"  # allowed
        "from courses.models import Lesson\n"  # internals
        "from courses import models\n"  # internals again
        "import courses.learning\n"  # internals
        "import certificates\n"  # not required
        "from . import helpers\n",  # its own
        encoding="utf-8",
    )
    (package / "helpers.py").write_text("from sampleplugin import x\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(PLUGINS, "sampleplugin", None)
    found = violations("sampleplugin", allowed={"courses"})
    assert [entry.split(" imports ")[1] for entry in found] == [
        "courses.models",
        "courses.models.Lesson",
        "courses",
        "courses.models",
        "courses.learning",
        "certificates",
    ]

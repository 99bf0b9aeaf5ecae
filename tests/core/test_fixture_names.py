"""Each plugin's test fixtures load as one pytest plugin among others: two files offering a fixture of the same name
would make one silently replace the other, and the tests of one plugin would run on the other's objects."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr == "fixture"


def fixture_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(map(_is_fixture, node.decorator_list))
    }


def test_no_two_fixture_files_offer_the_same_fixture():
    offered: dict[str, list[str]] = defaultdict(list)
    for path in sorted(FIXTURES.glob("*.py")):
        for name in fixture_names(path):
            offered[name].append(path.name)
    assert {name: files for name, files in offered.items() if len(files) > 1} == {}
    assert {"make_plan", "make_template", "make_checklist_template"} <= set(offered)

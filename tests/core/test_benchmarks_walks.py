"""The browser walks' benchmark: pytest runs walk tests in a subprocess, their recorded durations are read back
from its JUnit report, and a slow, failed or skipped walk is listed as missing the target."""

from __future__ import annotations

from pathlib import Path

from benchmarks.report import NOTES_MARKER
from benchmarks.walks import MAX_WALK_SECONDS, PROPERTY, markdown, measure_walks, write_walks

WALKS = f"""
import pytest


def test_quick_walk(record_property):
    record_property("{PROPERTY}", 0.5)


def test_slow_walk(record_property):
    record_property("{PROPERTY}", {MAX_WALK_SECONDS + 25})


@pytest.mark.skip(reason="no browser here")
def test_skipped_walk(record_property):
    record_property("{PROPERTY}", 1.0)


def test_broken_walk(record_property):
    assert 1 + 1 == 3
"""


def test_walk_durations_come_back_from_a_real_pytest_run(database_kind: str, tmp_path: Path) -> None:
    tests = tmp_path / "test_fake_walks.py"
    tests.write_text(WALKS, encoding="utf-8")
    run = measure_walks(database_kind, [str(tests)], timeout_s=300)
    by_name = {result.name: result for result in run.results}
    assert set(by_name) == {"test_quick_walk", "test_slow_walk", "test_skipped_walk", "test_broken_walk"}, run.output
    assert (by_name["test_quick_walk"].outcome, by_name["test_quick_walk"].seconds) == ("passed", 0.5)
    assert by_name["test_quick_walk"].misses() == []
    slow = f"{MAX_WALK_SECONDS + 25:.1f} s (target < {MAX_WALK_SECONDS:.0f} s)"
    assert by_name["test_slow_walk"].misses() == [slow]
    assert by_name["test_skipped_walk"].misses() == ["skipped"]
    assert by_name["test_broken_walk"].misses() == ["failed"]
    assert run.seconds > 0 and run.kind == database_kind

    text = markdown([run])
    assert f"| {database_kind} | test_quick_walk | 0.5 |" in text
    assert f"- {database_kind}, test_slow_walk: {slow}" in text
    assert "- Date: " in text and NOTES_MARKER in text

    path = tmp_path / "WALKS.md"
    path.write_text(f"old table\n{NOTES_MARKER}\nA diagnosis worth keeping.\n", encoding="utf-8")
    write_walks([run], path)
    kept = path.read_text(encoding="utf-8")
    assert "old table" not in kept and kept.rstrip().endswith("A diagnosis worth keeping.")

"""The browser walks, timed: how long a whole journey takes in Chromium against the app served for real.

The walks are the browser tests themselves (``tests/browser/test_courses_walk.py``: a trainer writes a course, an
admin publishes the plan, a learner completes it), run by pytest in a subprocess on a database of each kind. Each
walk records its duration as the test property ``walk_seconds``, read back from pytest's JUnit XML report.

The duration is a benchmark figure and not a test assertion: on a loaded machine (parallel workers, other jobs)
a walk is slower without any defect, and a test that fails then teaches nothing. Here the figure is written down
with the machine's load, and a walk slower than the target is listed as missed.

``python -m benchmarks.walks [--db sqlite|postgresql|both] [--no-write]`` writes ``benchmarks/WALKS.md``;
``python -m benchmarks`` (``make bench``) runs it after the pages unless told ``--no-walks``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .report import NOTES_MARKER, machine, now_utc

ROOT = Path(__file__).resolve().parent.parent
WALKS = Path(__file__).resolve().parent / "WALKS.md"
WALK_TESTS = ("tests/browser/test_courses_walk.py",)
PROPERTY = "walk_seconds"  # what a walk test records with ``record_property``
MAX_WALK_SECONDS = 50.0  # "well under a minute" on the development machine, unloaded
CHROMIUM = "/usr/bin/chromium"
KINDS = ("sqlite", "postgresql")
TIMEOUT_S = 900


@dataclass(frozen=True)
class WalkResult:
    name: str
    outcome: str  # "passed", "failed" or "skipped"
    seconds: float | None  # the walk itself, without starting the server and the browser

    def misses(self) -> list[str]:
        if self.outcome != "passed":
            return [self.outcome]
        if self.seconds is None:
            return [f"no {PROPERTY} recorded"]
        if self.seconds >= MAX_WALK_SECONDS:
            return [f"{self.seconds:.1f} s (target < {MAX_WALK_SECONDS:.0f} s)"]
        return []


@dataclass
class WalkRun:
    kind: str
    results: list[WalkResult] = field(default_factory=list)
    seconds: float = 0.0  # the whole pytest run: database, server, Chromium and the walks
    output: str = ""  # pytest's output, shown when a walk did not pass


def read_junit(path: Path) -> list[WalkResult]:
    """The walks of a JUnit XML report (``junit_family=xunit1``, which keeps test properties)."""
    results = []
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("skipped") is not None:
            outcome = "skipped"
        elif case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        else:
            outcome = "passed"
        seconds = None
        for prop in case.iter("property"):
            if prop.get("name") == PROPERTY:
                seconds = float(prop.get("value", "nan"))
        results.append(WalkResult(name=case.get("name", "?"), outcome=outcome, seconds=seconds))
    return results


def measure_walks(kind: str, tests: Sequence[str] = WALK_TESTS, *, timeout_s: float = TIMEOUT_S) -> WalkRun:
    """Run the walk tests on a database of ``kind`` (created and dropped by the suite's fixtures) and read their
    durations back. The subprocess starts from a clean state: its own pytest, its own temporary folders."""
    with tempfile.TemporaryDirectory(prefix="sonores-walks-") as folder:
        report = Path(folder) / "walks.xml"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "--db",
            kind,
            "-c",
            str(ROOT / "pyproject.toml"),
            f"--rootdir={ROOT}",
            "-p",
            "no:cacheprovider",
            "-o",
            "junit_family=xunit1",
            f"--junitxml={report}",
            f"--basetemp={Path(folder) / 'tmp'}",
            "-q",
            *tests,
        ]
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout_s)
        seconds = time.perf_counter() - started
        results = read_junit(report) if report.exists() else []
    return WalkRun(kind=kind, results=results, seconds=seconds, output=done.stdout + done.stderr)


def text_table(run: WalkRun) -> str:
    lines = [f"{run.kind}: {run.seconds:.0f} s in all"]
    for result in run.results:
        figure = "-" if result.seconds is None else f"{result.seconds:.1f} s"
        lines.append(f"  {result.name:<45} {figure:>8}  {'; '.join(result.misses()) or 'ok'}")
    return "\n".join(lines)


def markdown(runs: list[WalkRun], notes: str = "") -> str:
    lines = [
        "# Browser walks",
        "",
        "Refreshed by `make bench` or `python -m benchmarks.walks [--db sqlite|postgresql|both]`: the browser tests "
        f"of {', '.join(f'`{t}`' for t in WALK_TESTS)} run in Debian's Chromium against the app served on a local "
        "port, on a database of each kind; each walk's duration (from its first page to its last check, without "
        "starting the server and the browser) is the figure below. A walk is a benchmark here, not a timed test: "
        "on a loaded machine it is slower without any defect.",
        "",
        f"- Date: {now_utc()}",
        *(f"- {key}: {value}" for key, value in machine().items()),
        "",
        f"Target: each walk under {MAX_WALK_SECONDS:.0f} s (well under a minute) on this machine.",
        "",
        "| database | walk | seconds | run in all s | target |",
        "|---|---|---|---|---|",
    ]
    for run in runs:
        for result in run.results:
            figure = "-" if result.seconds is None else f"{result.seconds:.1f}"
            verdict = "; ".join(result.misses()) or "ok"
            lines.append(f"| {run.kind} | {result.name} | {figure} | {run.seconds:.0f} | {verdict} |")
    missed = [(run, r) for run in runs for r in run.results if r.misses()]
    missed_runs = [run for run in runs if not run.results]
    lines += ["", "## Targets missed", ""]
    if missed or missed_runs:
        lines += [f"- {run.kind}, {r.name}: {'; '.join(r.misses())}" for run, r in missed]
        lines += [f"- {run.kind}: no walk ran" for run in missed_runs]
    else:
        lines.append("None.")
    lines += ["", NOTES_MARKER, ""]
    if notes:
        lines += [notes, ""]
    return "\n".join(lines)


def write_walks(runs: list[WalkRun], path: Path = WALKS) -> Path:
    notes = ""
    if path.exists():
        _, marker, kept = path.read_text(encoding="utf-8").partition(NOTES_MARKER)
        notes = kept.strip("\n") if marker else ""
    path.write_text(markdown(runs, notes), encoding="utf-8")
    return path


def run_walks(kinds: Sequence[str], progress: Callable[[str], object] = print) -> list[WalkRun]:
    """Each kind's walks; PostgreSQL or Chromium missing on a laptop skips them with a word."""
    if not Path(CHROMIUM).exists():
        progress(f"No Chromium at {CHROMIUM}: the browser walks are not measured (make system-deps-test).")
        return []
    runs = []
    for kind in kinds:
        progress(f"Browser walks on {kind}...")
        run = measure_walks(kind)
        if not run.results or any(r.outcome != "passed" for r in run.results):
            progress(run.output[-4000:])
        progress(text_table(run))
        runs.append(run)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.walks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=(*KINDS, "both"), default="both", help="database(s) to walk on")
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave WALKS.md as it is")
    args = parser.parse_args(argv)
    runs = run_walks(KINDS if args.db == "both" else (args.db,))
    if runs and not args.no_write:
        print(f"Written {write_walks(runs)}")
    missed = sum(1 for run in runs for r in run.results if r.misses()) + sum(1 for run in runs if not run.results)
    print(f"{missed} walk(s) miss the target." if missed else "Every walk meets its target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

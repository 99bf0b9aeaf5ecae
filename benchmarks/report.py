"""The results as a plain table and as ``RESULTS.md`` (whose hand-written notes, below a marker, are kept)."""

from __future__ import annotations

import os
import platform
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from .measure import MAX_HTML_BYTES, MAX_P95_MS, MAX_QUERIES, PageResult, Run

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NOTES_MARKER = "<!-- Notes below this line are kept when the results are refreshed. -->"
LOAD_AT_START = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)  # read when the run begins
COLUMNS = ("page", "as", "status", "median ms", "p95 ms", "queries", "HTML KB", "gzip KB", "targets")


def _row(result: PageResult) -> tuple[str, ...]:
    queries = (
        str(result.max_queries)
        if min(result.queries) == result.max_queries
        else (f"{min(result.queries)}-{result.max_queries}")
    )
    misses = result.misses()
    return (
        result.page.label,
        result.page.role,
        str(result.status),
        f"{result.median_ms:.1f}",
        f"{result.p95_ms:.1f}",
        queries,
        f"{result.html_bytes / 1024:.1f}",
        f"{result.gzip_bytes / 1024:.1f}",
        "ok" if not misses else "MISSED: " + "; ".join(misses),
    )


def text_table(run: Run, results: list[PageResult] | None = None, title: str = "") -> str:
    """The core pages of ``run`` (or ``results``) as aligned text."""
    rows = [COLUMNS, *(_row(r) for r in (run.results if results is None else results))]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [f"{run.version}{title}"]
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(run: Run, results: list[PageResult] | None = None) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for result in run.results if results is None else results:
        row = list(_row(result))
        row[0] = f"{row[0]} `{result.page.path}`"
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    memory = "unknown"
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0
    return {
        "processors (nproc)": str(cpus),
        "memory (MemTotal)": memory,
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python": platform.python_version(),
        "SQLite library": sqlite3.sqlite_version,
        # Other work on the machine shows in the p95 column: worth knowing when comparing two runs.
        "load average (1, 5, 15 min) at the start / end": " ".join(f"{x:.2f}" for x in LOAD_AT_START)
        + " / "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def now_utc() -> str:
    """As ``date -u`` prints it."""
    return datetime.now(UTC).strftime("%a %b %d %H:%M:%S UTC %Y")


def _kept_notes(path: Path) -> str:
    if not path.exists():
        return ""
    content = path.read_text(encoding="utf-8")
    _, marker, notes = content.partition(NOTES_MARKER)
    return notes.strip("\n") if marker else ""


def markdown(runs: list[Run], *, repeat: int, warmup: int, scale: float, notes: str = "") -> str:
    lines = [
        "# Benchmarks of the core and courses pages",
        "",
        "Refreshed by `make bench` (`python -m benchmarks [--db sqlite|postgresql|both] [--scale 1.0] "
        "[--repeat 50] [--no-courses]`): each database is created empty, migrated, filled by `benchmarks/generate.py` "
        "and `benchmarks/generate_courses.py`, measured by "
        "`benchmarks/measure.py` through the Flask test client (server time only, no network), then dropped.",
        "",
        f"- Date: {now_utc()}",
        *(f"- {key}: {value}" for key, value in machine().items()),
        *(f"- {run.kind}: {run.version}" for run in runs),
        f"- Requests per page: {repeat} measured after {warmup} warm-ups, one signed-in client per role",
        "",
        "## Targets",
        "",
        f"- fewer than {MAX_QUERIES} SQL statements per page, whatever the size of the data "
        "(transaction control not counted);",
        f"- p95 server time under {MAX_P95_MS:.0f} ms;",
        f"- HTML under {MAX_HTML_BYTES // 1024} KB (KiB, before compression; the gzip column shows what a "
        "compressing server would send).",
        "",
        f"## Data (scale {scale:g})",
        "",
        "| database | institutes | people | role assignments | directors | audit entries | generation s |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        sizes = run.network.sizes
        lines.append(
            f"| {run.kind} | {sizes.institutes:,} | {sizes.people:,} | {run.network.role_assignments:,} | "
            f"{run.network.directors:,} | {sizes.audit_entries:,} | {run.network.seconds:.1f} |"
        )
    lines += [
        "",
        "Everyone holds the staff role network-wide except the 5 network admins; each institute has a director "
        "(an admin role scoped to it); one person in 20 also trains in their institute; 10 network auditors. "
        "Audit entries span two years, 70 % of them sign-ins. PostgreSQL is analysed after loading (as autovacuum "
        "would soon do); SQLite is not (the app never runs ANALYZE).",
    ]
    for run in runs:
        lines += ["", f"## {run.version}", "", markdown_table(run)]
    lines += _courses_section(runs, repeat)
    missed = [(run, r, "") for run in runs for r in run.results if r.misses()]
    missed += [(run, r, "courses, ") for run in runs for r in run.course_results if r.misses()]
    lines += ["", "## Targets missed", ""]
    if missed:
        lines += [f"- {run.kind}, {area}{r.page.label}: {'; '.join(r.misses())}" for run, r, area in missed]
    else:
        lines.append("None.")
    lines += ["", NOTES_MARKER, ""]
    if notes:
        lines += [notes, ""]
    return "\n".join(lines)


def write_results(runs: list[Run], *, repeat: int, warmup: int, scale: float, path: Path = RESULTS) -> Path:
    path.write_text(
        markdown(runs, repeat=repeat, warmup=warmup, scale=scale, notes=_kept_notes(path)), encoding="utf-8"
    )
    return path


def _courses_section(runs: list[Run], repeat: int) -> list[str]:
    """The courses plan, what people did with it, and its pages per database (nothing when not generated)."""
    with_courses = [run for run in runs if run.courses is not None]
    if not with_courses:
        return []
    lines = [
        "",
        "## Courses: data",
        "",
        "| database | lessons (axes x tracks x courses x modules x lessons) | translations (stale) | lesson text MB "
        "| assignments | targets | enrolments | lesson completions | track completions | generation s "
        "| delivered summary rows | summary rebuild s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in with_courses:
        c = run.courses
        assert c is not None
        s = c.sizes
        lines.append(
            f"| {run.kind} | {s.lessons:,} ({s.axes} x {s.tracks_per_axis} x {s.courses_per_track} x "
            f"{s.modules_per_course} x {s.lessons_per_module}) | {c.translations:,} ({c.stale_translations:,}) | "
            f"{c.lesson_text_bytes / 1e6:.1f} | {c.assignments:,} | {c.targets:,} | {c.enrolments:,} | "
            f"{c.completions:,} | {c.track_completions:,} | {c.seconds:.1f} | {c.summary_rows:,} | "
            f"{c.summary_seconds:.2f} |"
        )
    first = with_courses[0].courses
    assert first is not None
    lines += [
        "",
        "One published plan; lessons are Markdown in French (1,500 to 3,500 characters, videos with a transcript), "
        "translated into es, pt and en for 60 %, 35 % and 20 % of the items, a fifth of the translations stale. "
        "Learners (everyone but the network admins and people who never accepted their invitation), in random "
        "order, start 1 to 5 courses of one track (1 % finish a whole track) until the completions are spent; the "
        "rest have started one course. Targets: all staff on each axis's first track, trainers on its second, the "
        "directors of one institute in ten on a project-management track. The *learner* below is a staff member "
        f"with {first.learner_enrolments} enrolments, the last one in progress (the course and lesson pages are "
        "theirs); the *director* directs one institute of about ten people.",
    ]
    for run in with_courses:
        fewer = [r for r in run.course_results if len(r.times_ms) < repeat]
        lines += ["", f"## Courses: {run.version}", "", markdown_table(run, run.course_results)]
        if fewer:
            lines += [
                "",
                "Slow pages are measured fewer times (30 s of requests per page at most, and at least 10): "
                + ", ".join(f"{r.page.label} {len(r.times_ms)}" for r in fewer)
                + ".",
            ]
    return lines

"""``python -m benchmarks.measure_checklists [--db sqlite|postgresql|both] [--scale 1.0] [--repeat 50]``.

The eco-audit pages on 2,000 institutes x 5 yearly audits x 100 items (scale 1.0): the network view and an
institute's results page (p95 under 100 ms, a query count that does not grow with the data), saving one answer
(p95 under 50 ms) and the audit's PDF report (median under 1 s). The figures go into the checklists section of
``benchmarks/RESULTS.md`` (kept with the notes when ``make bench`` refreshes the rest).
"""

from __future__ import annotations

import argparse
import gc
import secrets
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itsdangerous import URLSafeTimedSerializer
from sqlalchemy.exc import OperationalError

from .generate import Sizes, populate
from .generate_checklists import ChecklistsNetwork, populate_checklists
from .measure import (
    KINDS,
    Page,
    PageResult,
    build_app,
    client_as,
    counting,
    measure_pages,
    new_database,
    server_version,
)
from .report import NOTES_MARKER, now_utc

SAVE_P95_MS = 50.0
PDF_MEDIAN_MS = 1000.0
START, END = "<!-- checklists results -->", "<!-- /checklists results -->"
RESULTS = Path(__file__).with_name("RESULTS.md")


@dataclass
class Timing:
    label: str
    times_ms: list[float]
    queries: list[int]
    status: int

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[max(1, -(-95 * len(ordered) // 100)) - 1]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)


@dataclass
class ChecklistsRun:
    kind: str
    version: str
    data: ChecklistsNetwork
    pages: list[PageResult]
    save: Timing
    pdf: Timing


def pages(data: ChecklistsNetwork) -> list[Page]:
    return [
        Page("network view, pillars", "admin", f"/checklists/network?year={data.year}"),
        Page("network view, themes of a pillar", "admin", f"/checklists/network?year={data.year}&pillar=ENV"),
        Page("results page (5 years of history)", "director", f"/checklists/audits/{data.audit_uid}/results"),
        Page("theme page (self-assessment)", "director", f"/checklists/audits/{data.audit_uid}/themes/ENV-TAX"),
    ]


def _csrf(client: Any, app: Any) -> str:
    with client.session_transaction() as session:
        raw = session.setdefault("csrf_token", secrets.token_hex(20))
    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)


def measure_save(app: Any, data: ChecklistsNetwork, *, repeat: int) -> Timing:
    """Saving one answer in the background (what the theme page's script sends), alternating yes and no."""
    client = client_as(app, data.director_id)
    token = _csrf(client, app)
    url = f"/checklists/audits/{data.audit_uid}/items/ENV-TAX-01"
    version = "1"  # the generated answer's
    times: list[float] = []
    queries: list[int] = []
    status = 0
    with counting(app) as sent:
        for n in range(repeat + 3):
            sent.clear()
            started = time.perf_counter()
            response = client.post(
                url,
                data={
                    "csrf_token": token,
                    "ENV-TAX-01-choice": "yes" if n % 2 else "no",
                    "ENV-TAX-01-version": version,
                },
                headers={"Accept": "application/json"},
            )
            elapsed = (time.perf_counter() - started) * 1000
            status = response.status_code
            if status == 200:
                version = str(response.get_json()["version"])
            if n >= 3:  # the first saves warm up
                times.append(elapsed)
                queries.append(len(sent))
    return Timing("save one answer", times, queries, status)


def measure_pdf(app: Any, data: ChecklistsNetwork, *, repeat: int) -> Timing:
    client = client_as(app, data.director_id)
    client.get(f"/checklists/audits/{data.audit_uid}/report.pdf")
    times: list[float] = []
    queries: list[int] = []
    status = 0
    with counting(app) as sent:
        for _ in range(repeat):
            sent.clear()
            started = time.perf_counter()
            response = client.get(f"/checklists/audits/{data.audit_uid}/report.pdf")
            times.append((time.perf_counter() - started) * 1000)
            queries.append(len(sent))
            status = response.status_code
    return Timing("audit PDF report", times, queries, status)


def run(kind: str, *, scale: float, repeat: int, progress: Any = print) -> ChecklistsRun:
    from sonores_lms.extensions import db

    with new_database(kind) as url:
        app = build_app(url)
        try:
            version = server_version(app)
            progress(f"{kind}: generating the network (scale {scale:g})")
            network = populate(app, Sizes.scaled(scale))
            progress(f"{kind}: generating the audits")
            data = populate_checklists(app, network)
            progress(f"{kind}: {data.audits:,} audits, {data.answers:,} answers in {data.seconds:.1f} s")
            gc.collect()
            gc.freeze()
            users = {"admin": network.admin_id, "director": data.director_id}
            results = measure_pages(app, pages(data), users, repeat=repeat, warmup=5, progress=progress)
            save = measure_save(app, data, repeat=repeat)
            pdf = measure_pdf(app, data, repeat=max(5, repeat // 5))
        finally:
            gc.unfreeze()
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
    return ChecklistsRun(kind, version, data, results, save, pdf)


def misses(run: ChecklistsRun) -> list[str]:
    found = [f"{r.page.label}: {', '.join(r.misses())}" for r in run.pages if r.misses()]
    if run.save.status != 200 or run.save.p95_ms >= SAVE_P95_MS:
        found.append(f"save one answer: p95 {run.save.p95_ms:.1f} ms, status {run.save.status}")
    if run.pdf.status != 200 or run.pdf.median_ms >= PDF_MEDIAN_MS:
        found.append(f"PDF: median {run.pdf.median_ms:.0f} ms, status {run.pdf.status}")
    return found


def section(runs: list[ChecklistsRun], *, scale: float, repeat: int) -> str:
    lines = [
        START,
        "## Eco-audits (checklists)",
        "",
        f"Refreshed by `python -m benchmarks.measure_checklists` ({now_utc()}, scale {scale:g}, {repeat} requests a "
        "page): the core network of `benchmarks/generate.py`, then `benchmarks/generate_checklists.py`: a template of "
        "100 items, five yearly campaigns, an audit per institute and year with every item answered, and the stored "
        "scores. Targets: network view and results page p95 under 100 ms with fewer than 15 statements whatever the "
        "data; saving one answer p95 under 50 ms; the audit PDF median under 1 s.",
        "",
        "| database | page | status | median ms | p95 ms | statements | HTML KB |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        lines.append(
            f"| {run.version} | data: {run.data.audits:,} audits, {run.data.answers:,} answers, "
            f"{run.data.score_rows:,} score rows, generated in {run.data.seconds:.0f} s | | | | | |"
        )
        for r in run.pages:
            lines.append(
                f"| {run.version} | {r.page.label} | {r.status} | {r.median_ms:.1f} | {r.p95_ms:.1f} | "
                f"{r.max_queries} | {r.html_bytes / 1024:.1f} |"
            )
        for t in (run.save, run.pdf):
            lines.append(
                f"| {run.version} | {t.label} | {t.status} | {t.median_ms:.1f} | {t.p95_ms:.1f} | {max(t.queries)} | |"
            )
    missed = [f"- {run.kind}: {m}" for run in runs for m in misses(run)]
    lines += ["", "Targets missed:" if missed else "Every eco-audit target is met.", *missed, END]
    return "\n".join(lines)


def write(text: str) -> Path:
    content = RESULTS.read_text(encoding="utf-8")
    if START in content and END in content:
        before, _, rest = content.partition(START)
        _, _, after = rest.partition(END)
        content = before + text + after
    else:
        if NOTES_MARKER not in content:
            content += "\n" + NOTES_MARKER + "\n"
        content = content.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(content, encoding="utf-8")
    return RESULTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure_checklists", description=__doc__)
    parser.add_argument("--db", choices=(*KINDS, "both"), default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: 2,000 institutes x 5 audits x 100 items")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    runs = []
    for kind in KINDS if args.db == "both" else (args.db,):
        try:
            runs.append(run(kind, scale=args.scale, repeat=args.repeat))
        except OperationalError as error:
            if kind != "postgresql" or args.db != "both":
                raise
            print(f"PostgreSQL unreachable: skipped.\n{error}")
    text = section(runs, scale=args.scale, repeat=args.repeat)
    print(text)
    if not args.no_write:
        print(f"Written {write(text)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

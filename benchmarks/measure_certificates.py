"""The certificates benchmark: ``python -m benchmarks.measure_certificates [--db sqlite|postgresql|both]
[--scale 1.0] [--repeat 50] [--no-write]``.

- Rendering one certificate (PDF/A, QR code, fonts): median time and peak memory (Python's, by tracemalloc, and the
  process's resident peak), target median under 150 ms.
- Bulk issue of a course's 500 completers through the job queue (the run job serialised into the Huey queue,
  taken out and executed, committing as it goes, each "ready" mail queued in turn): certificates per second,
  target at least 5.
- The verification page and the admin list with 100,000 certificates: p95 under 30 ms and at most 2 queries for
  the verification page, p95 under 100 ms and a constant number of queries for the list.

The results go to the "Certificates" section of ``benchmarks/RESULTS.md``, between its own markers, below the
notes marker, so the core run keeps them.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from typing import Any

from .generate_certificates import CertificatesData, CertificateSizes, populate_certificates
from .measure import KINDS, Page, PageResult, bench_config, measure_pages, new_database, server_version
from .report import RESULTS, machine, now_utc

START = "<!-- certificates: start (written by python -m benchmarks.measure_certificates) -->"
END = "<!-- certificates: end -->"
RENDER_TARGET_MS = 150.0
BULK_TARGET = 5.0
VERIFY_P95_MS, VERIFY_QUERIES = 30.0, 2
LIST_P95_MS = 100.0


@dataclass
class CertificateRun:
    kind: str
    version: str
    data: CertificatesData
    render_ms: list[float] = field(default_factory=list)
    render_peak_mb: float = 0.0
    rss_peak_mb: float = 0.0
    bulk_issued: int = 0
    bulk_seconds: float = 0.0
    pages: list[PageResult] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.bulk_issued / self.bulk_seconds if self.bulk_seconds else 0.0


def build_app(database_url: str) -> Any:
    from flask_migrate import upgrade

    from sonores_lms import create_app
    from sonores_lms.schema import ALL_HEADS

    # The verification page is rate-limited per address; the benchmark reads it from one address, many times.
    app = create_app({**bench_config(database_url), "CERTIFICATES_VERIFY_LIMITS": "1000000 per minute"})
    with app.app_context():
        upgrade(revision=ALL_HEADS)
    return app


def pages(data: CertificatesData) -> list[Page]:
    return [
        Page("verification, valid", "anonymous", f"/certificates/verify/{data.valid_code}"),
        Page("verification, revoked", "anonymous", f"/certificates/verify/{data.revoked_code}"),
        Page("verification, unknown (404)", "anonymous", "/certificates/verify/SON-2222-2222"),
        Page("badge assertion (JSON-LD)", "anonymous", f"/certificates/badges/assertions/{data.valid_code}"),
        Page("admin list", "admin", "/certificates/admin/"),
        Page("admin list, valid in a country", "admin", f"/certificates/admin/?status=valid&country={data.country}"),
        Page("admin list, page 500", "admin", "/certificates/admin/?page=500"),
        Page("admin list, director", "director", "/certificates/admin/"),
        Page("my certificates", "holder", "/certificates/mine"),
    ]


def measure_render(app: Any, code: str, *, repeat: int) -> tuple[list[float], float, float]:
    """Times first, then one more render under tracemalloc for the peak (tracing slows Python down several times,
    so it must not be on while timing)."""
    from certificates.queries import certificate_by_code
    from certificates.render import certificate_pdf

    times = []
    with app.app_context(), app.test_request_context("/", base_url="http://localhost"):
        certificate = certificate_by_code(code)
        certificate_pdf(certificate)  # fonts and WeasyPrint warmed up
        for _ in range(repeat):
            started = time.perf_counter()
            certificate_pdf(certificate)
            times.append((time.perf_counter() - started) * 1000)
        tracemalloc.start()
        certificate_pdf(certificate)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return times, peak / 1024 / 1024, rss


def measure_bulk(app: Any, data: CertificatesData) -> tuple[int, float]:
    """The bulk run through Huey's queue (the same storage the consumer reads), as the consumer executes it."""
    from sqlalchemy import func, select

    from certificates.bulk import start_run
    from certificates.jobs import run_bulk
    from certificates.models import Certificate, RunKind
    from sonores_lms.extensions import db
    from sonores_lms.jobs import get_huey

    huey = get_huey()
    huey.flush()
    app.config["JOBS_IMMEDIATE"] = False  # queue after the commit, as in production
    try:
        with app.app_context():
            start_run(data.bulk_course_uid, RunKind.ISSUE, actor=None)
            db.session.commit()  # queues the job
            db.session.remove()
        started = time.perf_counter()
        with app.app_context():
            while (message := huey.dequeue()) is not None:
                if message.name.endswith(run_bulk.name.rsplit(".", 1)[-1]):
                    huey.execute(message)
            db.session.remove()
        seconds = time.perf_counter() - started
        with app.app_context():
            issued = db.session.scalar(
                select(func.count()).select_from(Certificate).where(Certificate.subject_uid == data.bulk_course_uid)
            )
    finally:
        app.config["JOBS_IMMEDIATE"] = True
        huey.flush()
    return int(issued or 0), seconds


def run(kind: str, sizes: CertificateSizes, *, repeat: int, warmup: int, progress: Any = print) -> CertificateRun:
    from sonores_lms.extensions import db

    with new_database(kind) as url:
        app = build_app(url)
        try:
            version = server_version(app)
            progress(f"{kind}: generating {sizes.certificates:,} certificates for {sizes.people:,} people")
            data = populate_certificates(app, sizes)
            progress(f"{kind}: generated in {data.seconds:.1f} s")
            result = CertificateRun(kind, version, data)
            gc.collect()
            gc.freeze()
            progress(f"{kind}: rendering")
            result.render_ms, result.render_peak_mb, result.rss_peak_mb = measure_render(
                app, data.valid_code, repeat=max(10, repeat // 2)
            )
            progress(f"{kind}: bulk issue of {sizes.bulk}")
            result.bulk_issued, result.bulk_seconds = measure_bulk(app, data)
            progress(f"{kind}: pages")
            users = {"admin": data.admin_id, "director": data.director_id, "holder": data.holder_id}
            result.pages = measure_pages(app, pages(data), users, repeat=repeat, warmup=warmup, progress=progress)
        finally:
            gc.unfreeze()
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
    return result


def page_misses(result: PageResult) -> list[str]:
    found = []
    verification = result.page.path.startswith(("/certificates/verify/", "/certificates/badges/"))
    limit = VERIFY_P95_MS if verification else LIST_P95_MS
    if result.status not in (200, 404):
        found.append(f"status {result.status}")
    if result.p95_ms >= limit:
        found.append(f"p95 {result.p95_ms:.1f} ms (target < {limit:.0f} ms)")
    if verification and result.max_queries > VERIFY_QUERIES:
        found.append(f"{result.max_queries} queries (target at most {VERIFY_QUERIES})")
    if not verification and min(result.queries) != result.max_queries:
        found.append("query count varies")
    return found


def markdown(runs: list[CertificateRun], *, repeat: int, scale: float) -> str:
    lines = [
        START,
        "## Certificates",
        "",
        f"Measured {now_utc()} by `python -m benchmarks.measure_certificates --scale {scale:g} --repeat {repeat}` "
        "(`benchmarks/generate_certificates.py` fills each database; the core pages' run leaves this section alone).",
        "",
        "Machine: " + "; ".join(f"{k} {v}" for k, v in machine().items()) + ".",
        "",
        "| database | certificates | render median ms (target < 150) | render p95 ms | render peak (Python heap / "
        "process RSS) | bulk issue (through the queue) |",
        "|---|---|---|---|---|---|",
    ]
    for r in runs:
        ordered = sorted(r.render_ms)
        p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
        median = statistics.median(r.render_ms)
        lines.append(
            f"| {r.version} | {r.data.sizes.certificates:,} | {median:.1f}{'' if median < RENDER_TARGET_MS else ' MISSED'}"
            f" | {p95:.1f} | {r.render_peak_mb:.1f} MB / {r.rss_peak_mb:.0f} MB | {r.bulk_issued} in "
            f"{r.bulk_seconds:.1f} s = {r.per_second:.0f}/s{'' if r.per_second >= BULK_TARGET else ' MISSED'} |"
        )
    for r in runs:
        lines += [
            "",
            f"### {r.version}: pages at {r.data.sizes.certificates:,} certificates",
            "",
            "| page | as | status | median ms | p95 ms | queries | HTML KB | targets |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for p in r.pages:
            queries = str(p.max_queries) if min(p.queries) == p.max_queries else f"{min(p.queries)}-{p.max_queries}"
            misses = page_misses(p)
            lines.append(
                f"| {p.page.label} `{p.page.path}` | {p.page.role} | {p.status} | {p.median_ms:.1f} | "
                f"{p.p95_ms:.1f} | {queries} | {p.html_bytes / 1024:.1f} | "
                f"{'ok' if not misses else 'MISSED: ' + '; '.join(misses)} |"
            )
    lines += [
        "",
        "Targets: verification p95 < 30 ms with at most 2 queries; admin list p95 < 100 ms with a constant number of "
        "queries; render median < 150 ms; bulk issue at least 5 certificates per second. The issue does not render "
        "the PDF (it is drawn from the snapshot on each download), which is why bulk issue is fast.",
        END,
    ]
    return "\n".join(lines)


def write(section: str) -> None:
    content = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if START in content and END in content:
        before, _, rest = content.partition(START)
        _, _, after = rest.partition(END)
        content = before + section + after
    else:
        content = content.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure_certificates", description=__doc__)
    parser.add_argument("--db", choices=(*KINDS, "both"), default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: 100,000 certificates, a bulk issue of 500")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    sizes = CertificateSizes.scaled(args.scale)
    runs = [
        run(kind, sizes, repeat=args.repeat, warmup=args.warmup)
        for kind in (KINDS if args.db == "both" else (args.db,))
    ]
    section = markdown(runs, repeat=args.repeat, scale=args.scale)
    print(section)
    if not args.no_write:
        write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())

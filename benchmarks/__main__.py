"""``python -m benchmarks [--db sqlite|postgresql|both] [--scale 1.0] [--repeat 50] [--no-courses] [--no-walks] [--clock wall|cpu]``."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import OperationalError

from . import measure
from .generate import Sizes
from .generate_courses import CourseSizes
from .measure import CLOCKS, KINDS, POSTGRES_ADMIN_URL, run
from .report import text_table, write_results
from .walks import run_walks, write_walks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--db", choices=(*KINDS, "both"), default="both", help="database(s) to measure on")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: 2,000 institutes, 20,000 people")
    parser.add_argument("--repeat", type=int, default=50, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="requests per page before measuring")
    parser.add_argument("--no-courses", action="store_true", help="the core pages only (no plan, no learning)")
    parser.add_argument(
        "--budget", type=float, default=30.0, help="seconds of measuring per courses page at most (min. 10 requests)"
    )
    parser.add_argument("--no-walks", action="store_true", help="leave out the browser walks (benchmarks/WALKS.md)")
    parser.add_argument(
        "--no-certificates", action="store_true", help="leave out the certificates (benchmarks/measure_certificates.py)"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print the tables, leave RESULTS.md and WALKS.md as they are"
    )
    parser.add_argument(
        "--clock",
        choices=tuple(CLOCKS),
        default="wall",
        help="wall time, or the serving thread's CPU time to compare code on a busy machine (implies --no-write)",
    )
    args = parser.parse_args(argv)
    measure.clock = CLOCKS[args.clock]
    if args.clock == "cpu":
        # RESULTS.md holds wall times; CPU times are for comparing two versions side by side.
        args.no_write = True
    if args.scale <= 0 or args.repeat < 1 or args.warmup < 0:
        parser.error("--scale must be positive, --repeat at least 1, --warmup not negative")

    kinds = KINDS if args.db == "both" else (args.db,)
    sizes = Sizes.scaled(args.scale)
    course_sizes = None if args.no_courses else CourseSizes.scaled(args.scale)
    runs = []
    for kind in kinds:
        try:
            result = run(
                kind,
                sizes=sizes,
                course_sizes=course_sizes,
                repeat=args.repeat,
                warmup=args.warmup,
                budget_s=args.budget,
                progress=print,
            )
        except OperationalError as error:
            if kind != "postgresql" or args.db != "both":
                raise
            # A laptop without PostgreSQL still gets its SQLite figures.
            print(f"PostgreSQL unreachable ({POSTGRES_ADMIN_URL}, SONORES_BENCH_POSTGRES_URL): skipped.\n{error}")
            continue
        runs.append(result)
        print()
        print(text_table(result))
        print()
        if result.course_results:
            print(text_table(result, result.course_results, ", courses"))
            print()
    missed = sum(1 for r in runs for page in (*r.results, *r.course_results) if page.misses())
    if not args.no_write:
        path = write_results(runs, repeat=args.repeat, warmup=args.warmup, scale=args.scale)
        print(f"Written {path}")
    print(f"{missed} page measurement(s) miss a target." if missed else "Every page meets its targets.")
    if not args.no_certificates:
        from .measure_certificates import main as measure_certificates

        kinds_done = [run.kind for run in runs]  # PostgreSQL may have been skipped above
        database = "both" if len(kinds_done) == 2 else (kinds_done[0] if kinds_done else "sqlite")
        options = ["--db", database, "--scale", str(args.scale), "--repeat", str(args.repeat)]
        measure_certificates([*options, *(["--no-write"] if args.no_write else [])])
    if not args.no_walks:
        walks = run_walks([run.kind for run in runs])
        if walks and not args.no_write:
            print(f"Written {write_walks(walks)}")
        slow = sum(1 for run in walks for walk in run.results if walk.misses())
        print(f"{slow} browser walk(s) miss the target." if slow else "Every browser walk meets its target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure the core pages on a filled database: server time, SQL statements and HTML size per request.

Requests go through the Flask test client (the whole app, no network and no web server), each in its own app
context as in production. Statements are counted with a ``before_cursor_execute`` listener, leaving out transaction
control (BEGIN, COMMIT, SAVEPOINT...), as the tests' ``count_queries()`` does.
"""

from __future__ import annotations

import gc
import gzip
import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from .generate import Network, Sizes, populate
from .generate_courses import CourseSizes, CoursesNetwork, populate_courses

# Jobs run at once here, but Huey's storage is opened at import: keep it out of instance/.
os.environ.setdefault("SONORES_JOBS_DB", os.path.join(tempfile.gettempdir(), f"sonores-bench-jobs-{os.getpid()}.db"))

POSTGRES_ADMIN_URL = os.environ.get(
    "SONORES_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
KINDS = ("sqlite", "postgresql")
# The targets every page must meet, whatever the size of the data.
MAX_QUERIES = 15  # statements per request: strictly fewer
MAX_P95_MS = 100.0
MAX_HTML_BYTES = 60 * 1024
MIN_REPEAT = 10  # requests per page, however slow the page (see measure_page's budget)
_TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "BEGIN", "COMMIT")


@dataclass(frozen=True)
class Page:
    label: str
    role: str  # who reads it: "admin", "director", "staff" or "anonymous"
    path: str


@dataclass
class PageResult:
    page: Page
    status: int
    times_ms: list[float]
    queries: list[int]
    html_bytes: int
    gzip_bytes: int
    statements: list[str] = field(default_factory=list, repr=False)  # those of the last request

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95_ms(self) -> float:
        """Nearest-rank 95th percentile: the time 95 % of the requests did not exceed."""
        ordered = sorted(self.times_ms)
        rank = max(1, -(-95 * len(ordered) // 100))
        return ordered[rank - 1]

    @property
    def max_queries(self) -> int:
        return max(self.queries)

    def misses(self) -> list[str]:
        """The targets this page misses, in words (empty when it meets them all)."""
        found = []
        if self.status != 200:
            found.append(f"status {self.status}")
        if self.max_queries >= MAX_QUERIES:
            found.append(f"{self.max_queries} queries (target < {MAX_QUERIES})")
        if self.p95_ms >= MAX_P95_MS:
            found.append(f"p95 {self.p95_ms:.1f} ms (target < {MAX_P95_MS:.0f} ms)")
        if self.html_bytes >= MAX_HTML_BYTES:
            found.append(f"HTML {self.html_bytes / 1024:.1f} KB (target < {MAX_HTML_BYTES // 1024} KB)")
        return found


@dataclass
class Run:
    kind: str
    version: str
    network: Network
    results: list[PageResult]
    seconds: float
    courses: CoursesNetwork | None = None
    course_results: list[PageResult] = field(default_factory=list)


def pages(network: Network) -> list[Page]:
    """The pages measured, with the role that reads each."""
    return [
        Page("dashboard", "staff", "/dashboard"),
        Page("people", "admin", "/admin/people/"),
        Page("people, search", "admin", f"/admin/people/?q={network.search_text}"),
        Page("people, director", "director", "/admin/people/"),
        Page("institutes", "admin", "/admin/institutes/"),
        Page("audit log", "admin", "/admin/audit/"),
        Page(
            "audit log, filtered",
            "admin",
            f"/admin/audit/?action={network.audit_action}&date_from={network.audit_date_from}",
        ),
        Page("profile", "staff", "/account/profile"),
        Page("sign-in", "anonymous", "/sign-in"),
    ]


# -- databases ------------------------------------------------------------------------------------------------------
@contextmanager
def new_database(kind: str) -> Iterator[str]:
    """A new, empty database of ``kind`` (a temporary SQLite file or ``sonores_bench_<pid>``); dropped afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="sonores-bench-") as folder:
            yield "sqlite:///" + os.path.join(folder, "bench.db")
        return
    name = f"sonores_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def bench_config(database_url: str) -> dict[str, Any]:
    """The tests' settings (no mail sent, jobs inline, no rate-limit store), on the benchmark's database."""
    return {
        "TESTING": True,
        "ENV": "testing",
        "SECRET_KEY": "benchmark-secret-key-not-for-production",
        "DATABASE_URL": database_url,
        "JOBS_IMMEDIATE": True,
        "MAIL_BACKEND": "locmem",
        "BASE_URL": "http://localhost",
        "RATELIMIT_STORAGE_URI": "memory://",
        "PLUGINS": None,
    }


def build_app(database_url: str) -> Any:
    from flask_migrate import upgrade

    from sonores_lms import create_app
    from sonores_lms.schema import ALL_HEADS

    app = create_app(bench_config(database_url))
    with app.app_context():
        upgrade(revision=ALL_HEADS)
    return app


def server_version(app: Any) -> str:
    from sonores_lms.extensions import db

    with app.app_context():
        engine = db.engine
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                return "SQLite " + conn.execute(text("select sqlite_version()")).scalar_one()
            return "PostgreSQL " + conn.execute(text("show server_version")).scalar_one().split()[0]


# -- measuring ------------------------------------------------------------------------------------------------------
@contextmanager
def counting(app: Any) -> Iterator[list[str]]:
    """The statements sent while the block runs (transaction control left out)."""
    from sonores_lms.extensions import db

    with app.app_context():
        engine = db.engine
    statements: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(_TRANSACTION_CONTROL):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def client_for(app: Any, role: str, network: Network) -> Any:
    """A test client signed in as ``role`` (as the tests' ``sign_in_client`` does), or anonymous."""
    user_id = {"admin": network.admin_id, "director": network.director_id, "staff": network.staff_id}.get(role)
    return client_as(app, user_id)


def client_as(app: Any, user_id: int | None) -> Any:
    """A test client signed in as the person ``user_id`` (anonymous when None)."""
    client = app.test_client()
    if user_id is not None:
        from sonores_lms.extensions import db
        from sonores_lms.people.models import User

        with app.app_context():
            identity = db.session.get(User, user_id).get_id()
        with client.session_transaction() as session:
            session["_user_id"] = identity
            session["_fresh"] = True
    return client


# What a page's time is: wall time (what a person waits), or with ``--clock cpu`` the CPU time of the thread that
# served it, which leaves out the time other processes held the processor. SQLite runs in that thread, so on SQLite
# CPU time compares two versions of the code fairly on a busy machine; PostgreSQL's own work is not in it.
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.thread_time}
clock: Callable[[], float] = CLOCKS["wall"]


def measure_page(
    app: Any, client: Any, page: Page, *, repeat: int, warmup: int, budget_s: float | None = None
) -> PageResult:
    """``repeat`` requests after ``warmup``; with ``budget_s``, a slow page gets fewer requests (at least
    MIN_REPEAT) so that one page cannot hold the run for many minutes."""
    warm_started = time.perf_counter()
    for _ in range(warmup):
        client.get(page.path)
    if budget_s is not None and warmup:
        each = (time.perf_counter() - warm_started) / warmup
        repeat = max(min(repeat, MIN_REPEAT), min(repeat, int(budget_s / max(each, 1e-6))))
    times: list[float] = []
    queries: list[int] = []
    response: Any = None
    statements: list[str] = []
    with counting(app) as sent:
        for _ in range(repeat):
            sent.clear()
            started = clock()
            response = client.get(page.path)
            times.append((clock() - started) * 1000)
            queries.append(len(sent))
            statements = list(sent)
    body = response.get_data()
    return PageResult(
        page=page,
        status=response.status_code,
        times_ms=times,
        queries=queries,
        html_bytes=len(body),
        gzip_bytes=len(gzip.compress(body, compresslevel=6)),
        statements=statements,
    )


def measure(
    app: Any,
    network: Network,
    *,
    repeat: int = 50,
    warmup: int = 5,
    progress: Callable[[str], None] | None = None,
) -> list[PageResult]:
    users = {"admin": network.admin_id, "director": network.director_id, "staff": network.staff_id}
    return measure_pages(app, pages(network), users, repeat=repeat, warmup=warmup, progress=progress)


def measure_pages(
    app: Any,
    measured: list[Page],
    users: dict[str, int],
    *,
    repeat: int = 50,
    warmup: int = 5,
    budget_s: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[PageResult]:
    """Measure ``measured``, each read by the person ``users[page.role]`` (anonymous for an unknown role)."""
    clients: dict[str, Any] = {}
    results = []
    for page in measured:
        if page.role not in clients:
            clients[page.role] = client_as(app, users.get(page.role))
        if progress:
            progress(f"  {page.label} ({page.role}) {page.path}")
        results.append(measure_page(app, clients[page.role], page, repeat=repeat, warmup=warmup, budget_s=budget_s))
    return results


def run(
    kind: str,
    *,
    sizes: Sizes,
    course_sizes: CourseSizes | None = None,
    repeat: int = 50,
    warmup: int = 5,
    budget_s: float | None = 30.0,
    progress: Callable[[str], None] | None = None,
) -> Run:
    """Create a database of ``kind``, fill it (with the courses plan and learning when ``course_sizes`` is given),
    measure every page, drop the database."""
    from sonores_lms.extensions import db

    from .measure_courses import measure_courses

    started = time.perf_counter()
    courses = None
    course_results: list[PageResult] = []
    with new_database(kind) as url:
        app = build_app(url)
        try:
            version = server_version(app)
            if progress:
                progress(
                    f"{kind}: generating {sizes.institutes} institutes, {sizes.people} people, "
                    f"{sizes.audit_entries} audit entries"
                )
            network = populate(app, sizes)
            if progress:
                progress(f"{kind}: generated in {network.seconds:.1f} s")
            if course_sizes is not None:
                if progress:
                    progress(
                        f"{kind}: generating a plan of {course_sizes.lessons} lessons, "
                        f"{course_sizes.completions} lesson completions"
                    )
                courses = populate_courses(app, network, course_sizes)
                if progress:
                    progress(
                        f"{kind}: generated in {courses.seconds:.1f} s; delivered summary ({courses.summary_rows:,} rows) rebuilt in {courses.summary_seconds:.2f} s"
                    )
            # As wsgi.py does once the app is loaded: what exists now is frozen out of the collector's full passes.
            gc.collect()
            gc.freeze()
            if progress:
                progress(f"{kind}: measuring the core pages")
            results = measure(app, network, repeat=repeat, warmup=warmup, progress=progress)
            if courses is not None:
                if progress:
                    progress(f"{kind}: measuring the courses pages")
                course_results = measure_courses(
                    app, network, courses, repeat=repeat, warmup=warmup, budget_s=budget_s, progress=progress
                )
        finally:
            gc.unfreeze()
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
    return Run(
        kind=kind,
        version=version,
        network=network,
        results=results,
        seconds=time.perf_counter() - started,
        courses=courses,
        course_results=course_results,
    )

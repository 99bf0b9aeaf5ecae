"""Concurrent writes against the app served for real (threads, real HTTP, a database file or server of its own).

On SQLite, writers must wait their turn instead of failing with "database is locked" (a 500); on PostgreSQL, the
rule that the network keeps one active administrator must hold when two admins deactivate each other at once.
"""

from __future__ import annotations

import re
import threading
import time
from http.cookiejar import CookieJar
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from sqlalchemy import select, update

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class _Stay(HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer to look at, not to follow


class Visitor:
    """A browser without a browser: cookies, CSRF tokens read from the pages, redirects not followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()), _Stay())

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(Request(self.base + path, data=body), timeout=60) as response:  # noqa: S310 - http to the live server
                return response.status, response.read().decode()
        except HTTPError as error:
            return error.code, error.read().decode()

    def token(self, path: str) -> str:
        status, page = self.request(path)
        assert status == 200, (path, status)
        return CSRF.search(page).group(1)

    def sign_in(self, email: str, password: str) -> None:
        token = self.token("/sign-in")
        status, _page = self.request("/sign-in", {"csrf_token": token, "email": email, "password": password})
        assert status == 302


def all_at_once(calls: list[Any]) -> list[Any]:
    """Run the calls in threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def live_course(live_app: Any) -> str:
    """A published plan of its own year in the live database, with one course of one text lesson; its uid."""
    from courses.models import Plan
    from sonores_lms.extensions import db
    from tests.fixtures.courses import build_plan

    with live_app.app_context():
        year = 3000 + (db.session.scalar(select(db.func.count(Plan.id))) or 0)
        plan = build_plan(year, courses=1, lessons=1)
        db.session.add(plan)
        db.session.commit()
        return plan.axes[0].tracks[0].courses[0].uid


def test_twelve_learners_start_a_course_at_once(live_server, live_user, live_course):
    from courses.models import Enrolment
    from sonores_lms.extensions import db

    learners = [live_user() for _ in range(12)]
    visitors = []
    for learner in learners:
        visitor = Visitor(live_server.url)
        visitor.sign_in(learner.email, learner.password)
        visitor.csrf = visitor.token(f"/courses/learn/{live_course}")
        visitors.append(visitor)
    started = time.monotonic()
    results = all_at_once(
        [(lambda v=v: v.request(f"/courses/learn/{live_course}/start", {"csrf_token": v.csrf})[0]) for v in visitors]
    )
    assert results == [302] * 12
    assert time.monotonic() - started < 30
    with live_server.app.app_context():
        enrolled = set(db.session.scalars(select(Enrolment.user_id).where(Enrolment.course_uid == live_course)))
    assert enrolled == {learner.id for learner in learners}


def test_one_learner_starting_six_times_at_once_gets_one_enrolment(live_server, live_user, live_course):
    from courses.models import Enrolment
    from sonores_lms.extensions import db

    learner = live_user()
    visitor = Visitor(live_server.url)
    visitor.sign_in(learner.email, learner.password)
    token = visitor.token(f"/courses/learn/{live_course}")
    results = all_at_once(
        [(lambda: visitor.request(f"/courses/learn/{live_course}/start", {"csrf_token": token})[0]) for _ in range(6)]
    )
    assert all(status in (302, 409) for status in results), results
    with live_server.app.app_context():
        count = db.session.scalar(
            select(db.func.count(Enrolment.id)).where(
                Enrolment.user_id == learner.id, Enrolment.course_uid == live_course
            )
        )
    assert count == 1


def _only_these_network_admins(app: Any, ids: set[int]) -> None:
    """Deactivate every other network admin of the live database (earlier tests made some)."""
    from sonores_lms.extensions import db
    from sonores_lms.people.models import RoleAssignment, User
    from sonores_lms.permissions import Role

    with app.app_context():
        admins = select(RoleAssignment.user_id).where(
            RoleAssignment.role == Role.ADMIN, RoleAssignment.institute_id.is_(None)
        )
        db.session.execute(update(User).where(User.id.in_(admins), User.id.not_in(ids)).values(active=False))
        db.session.commit()


@pytest.mark.parametrize("round_", range(4))
def test_two_admins_deactivating_each_other_leave_one_active(live_server, live_user, round_):
    from sonores_lms.extensions import db
    from sonores_lms.people.models import User

    first, second = live_user(role="admin"), live_user(role="admin")
    _only_these_network_admins(live_server.app, {first.id, second.id})
    visitors = []
    for me, other in ((first, second), (second, first)):
        visitor = Visitor(live_server.url)
        visitor.sign_in(me.email, me.password)
        visitor.target = other.id
        visitor.csrf = visitor.token(f"/admin/people/{other.id}")
        visitors.append(visitor)
    results = all_at_once(
        [(lambda v=v: v.request(f"/admin/people/{v.target}/deactivate", {"csrf_token": v.csrf})[0]) for v in visitors]
    )
    assert all(status in (302, 409) for status in results), results
    with live_server.app.app_context():
        active = db.session.scalars(select(User.active).where(User.id.in_([first.id, second.id]))).all()
    assert sorted(active) == [False, True]


def test_reading_pages_do_not_wait_for_a_writer_and_writers_wait_their_turn(live_server, live_user, live_course):
    from sonores_lms.extensions import db

    learner = live_user()
    visitor = Visitor(live_server.url)
    visitor.sign_in(learner.email, learner.password)
    token = visitor.token(f"/courses/learn/{live_course}")
    with live_server.app.app_context():
        writer = db.engine.connect()
        transaction = writer.begin()  # on SQLite: BEGIN IMMEDIATE, the write lock held until the rollback
        try:
            started = time.monotonic()
            status, _page = visitor.request(f"/courses/learn/{live_course}")
            assert status == 200
            assert time.monotonic() - started < 3  # read beside the writer, not after it
            result: list[int] = []
            thread = threading.Thread(
                target=lambda: result.append(
                    visitor.request(f"/courses/learn/{live_course}/start", {"csrf_token": token})[0]
                )
            )
            thread.start()
            thread.join(timeout=1)
            if live_server.app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
                assert thread.is_alive()  # waiting for the lock, not failing
        finally:
            transaction.rollback()
            writer.close()
    thread.join(timeout=30)
    assert result == [302]

"""Malformed input is a 404, a clamped page or a form with its message, never a 500.

The walk covers every route of the app (core and plugins): numbers beyond any database column in the path and the
query string, negative and non-numeric values, filters that name nothing, on GET and on POST with a valid CSRF
token, as a network administrator (who reaches the most pages).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest

HUGE = str(10**30)
INT_VALUES = (HUGE, "-1", "abc", str(2**31), str(2**63))
# Every query-string key a list or report page reads, with values that are not what it expects.
JUNK_QUERIES = (
    {"page": HUGE},
    {"page": "-1"},
    {"page": "abc"},
    {
        "page": str(2**63),
        "role": "x",
        "institute": HUGE,
        "country": "ZZZ",
        "year": HUGE,
        "axis": "x",
        "track": "x",
        "course": "x",
        "active": "maybe",
        "q": "%" * 50,
        "action": "x",
        "actor": HUGE,
        "target": "x",
        "date_from": "2026-13-45",
        "date_to": HUGE,
        "plan": HUGE,
        "sort": "x",
        "lang": "xx",
    },
)
JUNK_FORM = {
    "version": HUGE,
    "institute_id": HUGE,
    "institute": HUGE,
    "role": "x",
    "year": HUGE,
    "position": HUGE,
    "weight": HUGE,
    "minutes": HUGE,
    "duration": HUGE,
    "target": HUGE,
    "count": HUGE,
    "locale": "xx",
    "timezone": "Mars/Olympus",
}
ARGUMENT = re.compile(r"<(?:(?P<converter>\w+)(?:\((?P<args>[^)]*)\))?:)?(?P<name>\w+)>")


def _fill(rule: Any, int_value: str) -> str:
    """The rule's path with ``int_value`` in every ``<int:>`` and an acceptable value elsewhere."""

    def value(match: re.Match[str]) -> str:
        converter = rule._converters[match.group("name")]
        if converter.regex == r"\d+":
            return int_value
        if hasattr(converter, "items"):  # any(...)
            return sorted(converter.items)[0]
        return "x"

    return ARGUMENT.sub(value, rule.rule)


def _urls(app: Any) -> list[tuple[str, str, set[str]]]:
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        has_int = any(conv.regex == r"\d+" for conv in rule._converters.values())
        for int_value in INT_VALUES if has_int else ("",):
            urls.append((rule.endpoint, _fill(rule, int_value), set(rule.methods or ())))
    # Signing out renews the admin's session token: walk it last.
    return sorted(urls, key=lambda item: item[0] == "auth.sign_out")


def test_every_route_survives_malformed_numbers_and_filters(app, client_as, create_institute, db):
    create_institute()
    admin = client_as("admin")
    walked, failures = 0, []
    for endpoint, url, methods in _urls(app):
        if "GET" in methods:
            for query in JUNK_QUERIES:
                response = admin.get(url + "?" + urlencode(query))
                walked += 1
                if response.status_code >= 500:
                    failures.append(("GET", endpoint, url, query, response.status_code))
        if "POST" in methods:
            for data in ({}, JUNK_FORM):
                response = admin.post(url + "?" + urlencode(JUNK_QUERIES[-1]), data=dict(data))
                walked += 1
                if response.status_code >= 500:
                    failures.append(("POST", endpoint, url, data, response.status_code))
    assert walked > 300
    assert failures == []


@pytest.mark.parametrize("value", [HUGE, str(2**31), str(2**63)])
def test_an_id_beyond_the_columns_is_a_404(admin_client, value):
    assert admin_client.get(f"/admin/people/{value}").status_code == 404
    assert admin_client.get("/admin/people/2147483647").status_code == 404  # the largest id: simply not there


def test_pages_are_clamped(app, admin_client, create_user, db):
    from sonores_lms.pagination import MAX_PAGE, ListPage, page_arg

    for n in range(3):
        create_user(f"clamp{n}@example.org", last_name=f"Clamp {n}")
    for value in (HUGE, str(MAX_PAGE + 1), "999"):
        response = admin_client.get(f"/admin/people/?q=clamp&page={value}")
        assert response.status_code == 200
        assert "clamp2@example.org" in response.get_data(as_text=True)  # the last page, not an empty one
    with app.test_request_context("/?page=" + HUGE):
        assert page_arg() == MAX_PAGE
    for raw, expected in (("-3", 1), ("x", 1), ("", 1), ("0", 1), ("7", 7)):
        with app.test_request_context("/?page=" + raw):
            assert page_arg() == expected
    assert ListPage.of(list(range(120)), 10**30, 50).page == 3


def test_an_invalid_role_filter_rerenders_with_a_message(client_as, db):
    admin = client_as("admin")
    response = admin.get("/courses/reports/people?role=x")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert "Not a valid choice" in response.get_data(as_text=True)

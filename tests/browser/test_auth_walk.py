"""What a person does before and around signing in, walked in a real browser and checked with axe.

Languages are told apart by ``<html lang>``, never by translated text (the catalogues are filled separately).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a brand new sentence for my account"


def lang(page: Any) -> str | None:
    return page.locator("html").get_attribute("lang")


def focused(page: Any) -> str:
    """The focused element as ``id`` (or ``name``, or its class for links without either)."""
    return page.evaluate(
        "(() => { const e = document.activeElement; return e.id || e.name || e.className || e.tagName; })()"
    )


def path_is(path: str) -> re.Pattern[str]:
    return re.compile(rf"^https?://[^/]+{re.escape(path)}(\?.*)?$")


def sign_in(page: Any, email: str, password: str) -> None:
    page.goto("/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("#submit")
    expect(page).to_have_url(path_is("/dashboard"))


def test_sign_in_see_name_and_sign_out(page, live_user, check_a11y):
    person = live_user(first_name="Mireille", last_name="Saint-Fleur")
    page.goto("/")
    check_a11y(page)
    page.click("header a[href='/sign-in']")
    expect(page).to_have_url(path_is("/sign-in"))
    check_a11y(page)

    page.fill("#email", person.email.upper())  # addresses are matched without regard to case
    page.fill("#password", person.password)
    page.click("#submit")
    expect(page).to_have_url(path_is("/dashboard"))
    expect(page.locator("main h1")).to_contain_text("Mireille")
    expect(page.locator("header .account-link")).to_have_text("Mireille Saint-Fleur")
    check_a11y(page)

    page.click("header form[action='/sign-out'] button")
    expect(page).to_have_url(path_is("/"))
    expect(page.locator("header .account-link")).to_have_count(0)
    expect(page.locator(".flashes")).to_be_visible()
    check_a11y(page)
    page.goto("/dashboard")
    expect(page).to_have_url(path_is("/sign-in"))


def test_wrong_password_shows_error_and_keeps_email(page, live_user, check_a11y):
    person = live_user()
    page.goto("/sign-in")
    page.fill("#email", person.email)
    page.fill("#password", "not my password at all")
    page.click("#submit")

    expect(page).to_have_url(path_is("/sign-in"))
    errors = page.locator(".form-errors[role=alert]")
    expect(errors).to_be_visible()
    expect(errors.locator("li")).to_have_count(1)
    expect(errors.locator("li")).not_to_have_text("")
    expect(page.locator("#email")).to_have_value(person.email)
    expect(page.locator("#password")).to_have_value("")
    expect(page.locator("header .account-link")).to_have_count(0)
    check_a11y(page)


def test_language_switch_with_javascript(page, new_context, live_user, check_a11y):
    person = live_user(locale=None)
    page.goto("/")
    assert lang(page) == "fr"  # the browser asks for fr-FR

    # The select submits its form on change; no button is pressed.
    page.select_option("#lang-select", "es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page).to_have_url(path_is("/"))
    check_a11y(page)

    page.goto("/sign-in")  # the next page keeps it (cookie)
    assert lang(page) == "es"
    expect(page.locator("#lang-select")).to_have_value("es")

    sign_in(page, person.email, person.password)
    assert lang(page) == "es"

    # Signed in, the choice goes into the profile.
    page.select_option("#lang-select", "pt")
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(page).to_have_url(path_is("/dashboard"))
    page.goto("/account/profile")
    assert lang(page) == "pt"
    expect(page.locator("#locale")).to_have_value("pt")
    check_a11y(page)

    # Another browser (French, no cookie) gets the profile's language once signed in.
    other = new_context().new_page()
    other.goto("/sign-in")
    assert lang(other) == "fr"
    sign_in(other, person.email, person.password)
    assert lang(other) == "pt"


def test_language_switch_without_javascript(new_context, live_user):
    person = live_user(locale=None)
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/sign-in")
    assert lang(page) == "fr"

    page.select_option("#lang-select", "en")
    assert lang(page) == "fr"  # nothing happens until the button is pressed
    page.click(".lang-form button[type=submit]")
    expect(page).to_have_url(path_is("/sign-in"))
    assert lang(page) == "en"
    expect(page.locator("#lang-select")).to_have_value("en")

    page.click("a[href='/password/forgot']")
    expect(page).to_have_url(path_is("/password/forgot"))
    assert lang(page) == "en"

    sign_in(page, person.email, person.password)
    assert lang(page) == "en"
    page.select_option("#lang-select", "es")
    page.click(".lang-form button[type=submit]")
    expect(page).to_have_url(path_is("/dashboard"))
    assert lang(page) == "es"
    page.goto("/account/profile")
    assert lang(page) == "es"
    expect(page.locator("#locale")).to_have_value("es")


def test_forgotten_password_link_works_once(page, live_server, live_user, check_a11y):
    person = live_user(locale="fr")
    page.goto("/sign-in")
    page.click("a[href='/password/forgot']")
    expect(page).to_have_url(path_is("/password/forgot"))
    check_a11y(page)
    page.fill("#email", person.email)
    page.click("#submit")
    expect(page).to_have_url(path_is("/sign-in"))
    expect(page.locator(".flashes")).to_be_visible()

    messages = live_server.mail_to(person.email)
    assert len(messages) == 1
    body = messages[0].get_body(preferencelist=("plain",)).get_content()
    links = re.findall(rf"{re.escape(live_server.url)}/password/reset/\S+", body)
    assert len(links) == 1, body
    link = links[0]

    page.goto(link)
    check_a11y(page)
    page.fill("#password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    page.click("#submit")
    expect(page).to_have_url(path_is("/dashboard"))
    expect(page.locator("header .account-link")).to_have_text(person.full_name)

    page.click("header form[action='/sign-out'] button")
    expect(page).to_have_url(path_is("/"))
    page.goto("/sign-in")
    page.fill("#email", person.email)
    page.fill("#password", person.password)  # the old one no longer works
    page.click("#submit")
    expect(page.locator(".form-errors")).to_be_visible()
    sign_in(page, person.email, NEW_PASSWORD)
    page.click("header form[action='/sign-out'] button")

    response = page.goto(link)
    assert response is not None and response.status == 404
    expect(page.locator("input[type=password]")).to_have_count(0)
    expect(page.locator("main a[href='/password/forgot']")).to_have_count(1)
    check_a11y(page)


def test_keyboard_only_sign_in(page, live_user, check_a11y):
    person = live_user(first_name="Teclado")
    page.goto("/sign-in")
    check_a11y(page)

    page.keyboard.press("Tab")
    assert focused(page) == "skip-link"  # the first stop on every page
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # shown on screen once focused

    page.keyboard.press("Enter")
    assert focused(page) == "content"
    order = []
    for text in (person.email, person.password):
        page.keyboard.press("Tab")
        order.append(focused(page))
        page.keyboard.type(text)
    page.keyboard.press("Tab")
    order.append(focused(page))
    page.keyboard.press("Tab")
    order.append(focused(page))
    assert order == ["email", "password", "remember", "submit"]

    page.keyboard.press("Enter")
    expect(page).to_have_url(path_is("/dashboard"))
    expect(page.locator("main h1")).to_contain_text("Teclado")
    check_a11y(page)

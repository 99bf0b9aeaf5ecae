"""Guessable passwords are refused with a reason in the person's language (NIST SP 800-63B): repeats, common
passwords, sequences, the person's own email; the current password is not accepted as the new one."""

from __future__ import annotations

import pytest

from sonores_lms.auth.passwords import password_problem, personal_words
from sonores_lms.auth.tokens import make_token
from sonores_lms.people.services import PeopleError, ensure_admin
from tests.fixtures.users import PASSWORD

STRONG = "le temps des cerises à Lima"


def change(person, new, current=PASSWORD):
    return person.post("/account/password", data={"current_password": current, "password": new, "confirm": new})


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("aaaaaaaaaaaa", "Repeated characters or words"),
        ("password1234", "one of the most common passwords"),
        ("abcdefghijkl", "Sequences"),
        ("pat.quispe@example.org", "your name or email address"),
    ],
)
def test_weak_passwords_are_refused_on_the_profile_with_the_reason(client_as, db, password, reason):
    person = client_as("staff", email="pat.quispe@example.org", first_name="Pat", last_name="Quispe")
    response = change(person, password)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert reason in page
    assert "Use a few uncommon words" in page
    db.session.refresh(person.user)
    assert person.user.check_password(PASSWORD)


def test_a_strong_password_is_accepted(client_as, db):
    person = client_as("staff")
    assert change(person, STRONG).status_code == 302
    db.session.refresh(person.user)
    assert person.user.check_password(STRONG)


def test_the_current_password_is_not_a_new_one(client_as, db):
    person = client_as("staff")
    response = change(person, PASSWORD)
    assert response.status_code == 200
    assert "Choose a password different from your current one." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("fr", "Les caractères ou mots répétés"),
        ("es", "Los caracteres o palabras repetidos"),
        ("pt", "Caracteres ou palavras repetidos"),
        ("en", "Repeated characters or words"),
    ],
)
def test_the_reason_is_in_the_persons_language(client_as, db, lang, reason):
    person = client_as("staff", locale=lang)
    assert reason in change(person, "aaaaaaaaaaaa").get_data(as_text=True)


def test_a_reset_link_refuses_weak_passwords_too(app, client, dummy_user, db):
    with app.test_request_context():
        token = make_token(dummy_user, "reset")
    weak = client.post(f"/password/reset/{token}", data={"password": "aaaaaaaaaaaa", "confirm": "aaaaaaaaaaaa"})
    assert weak.status_code == 200
    assert client.post(f"/password/reset/{token}", data={"password": STRONG, "confirm": STRONG}).status_code == 302


def test_create_admin_refuses_weak_passwords(app, db):
    with app.test_request_context(), pytest.raises(PeopleError, match="Repeated|répétés"):
        ensure_admin(email="boss@example.org", first_name="Bo", last_name="Ss", password="aaaaaaaaaaaa")


def test_the_persons_own_words_count(app):
    words = personal_words("Pat", "Quispe", "pat.quispe@example.org")
    assert {"pat", "quispe", "pat.quispe@example.org"} <= set(words)
    with app.test_request_context():
        assert password_problem("pat.quispe@example.org", user_inputs=words)
        assert password_problem(STRONG, user_inputs=words) is None

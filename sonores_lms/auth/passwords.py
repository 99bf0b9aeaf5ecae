"""Whether a new password is good enough, and why not, in the person's language (NIST SP 800-63B, 5.1.1.2).

Length alone lets ``aaaaaaaaaaaa`` through. zxcvbn (offline, maintained dictionaries of common passwords, names and
words, keyboard patterns, sequences, repeats and dates) estimates how guessable a password is; it is checked
against the person's own name and email too. Its feedback is English prose, so the reason shown is ours, chosen
from the kind of pattern that made the password weak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

# zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline slow-hash attack" (we store scrypt).
MIN_SCORE = 3
# zxcvbn's cost grows with the length; beyond this the rest adds nothing to the estimate.
MAX_CHECKED = 100
SITE_WORDS = ("sonores", "sonores lms", "alliance", "alliance francaise", "institut francais")

REASONS: dict[str, Any] = {
    "common": _l("This is one of the most common passwords."),
    "personal": _l("Do not build your password on your name or email address."),
    "word": _l("A single word or name is easy to guess, even with digits or symbols added."),
    "repeat": _l("Repeated characters or words (like “aaa” or “abcabc”) are easy to guess."),
    "sequence": _l("Sequences (like “abcd” or “6543”) are easy to guess."),
    "keyboard": _l("Keyboard patterns (like “qwerty” or “asdf”) are easy to guess."),
    "date": _l("Dates and years are easy to guess."),
    "weak": _l("This password is too easy to guess."),
}
ADVICE = _l("Use a few uncommon words, for example a short sentence of your own.")
SAME_AS_CURRENT = _l("Choose a password different from your current one.")


def personal_words(first_name: str = "", last_name: str = "", email: str = "") -> list[str]:
    """The person's own words that a password must not lean on."""
    local = email.partition("@")[0]
    words = [first_name, last_name, email, local, *re.split(r"[._+-]", local), *SITE_WORDS]
    return [w.lower() for w in words if w and len(w) >= 3]


def _reason(result: dict[str, Any]) -> str:
    """The kind of the longest weak pattern zxcvbn found (what its own feedback is about)."""
    matches = [m for m in result.get("sequence", []) if m.get("pattern") != "bruteforce"]
    if not matches:
        return "weak"
    match = max(matches, key=lambda m: len(m.get("token", "")))
    pattern = match.get("pattern")
    if pattern == "dictionary":
        name = match.get("dictionary_name")
        if name == "passwords":
            return "common"
        if name == "user_inputs":
            return "personal"
        return "word"
    return {"repeat": "repeat", "sequence": "sequence", "spatial": "keyboard", "date": "date", "regex": "date"}.get(
        pattern or "", "weak"
    )


def password_problem(password: str, *, user_inputs: Iterable[str] = ()) -> str | None:
    """None when ``password`` is strong enough, else the reason and a piece of advice, as one translated text."""
    result = zxcvbn(password[:MAX_CHECKED], user_inputs=list(user_inputs))
    if result["score"] >= MIN_SCORE:
        return None
    return f"{REASONS[_reason(result)]} {ADVICE}"

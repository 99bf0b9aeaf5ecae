"""Certificate codes a person can read aloud and type: ``SON-7KQ4-X2MP``.

Eight characters from 32 (no 0/O, no 1/I, which are read one for the other), drawn by ``secrets``: 2^40
possibilities, so a code cannot be guessed from another, and the verification page is rate-limited on top.
Typing is forgiving: case, spaces, missing or extra dashes and the ``SON`` prefix are all optional.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PREFIX = "SON"
LENGTH = 8
_ALLOWED = frozenset(ALPHABET)
_NOISE = re.compile(r"[\s\-_.·–—]+")


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalise_code(typed: str | None) -> str | None:
    """The canonical ``SON-XXXX-XXXX`` for what a person typed, or None when it cannot be a code at all."""
    if not typed:
        return None
    compact = _NOISE.sub("", typed).upper()
    if len(compact) == LENGTH + len(PREFIX) and compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    if len(compact) != LENGTH or not set(compact) <= _ALLOWED:
        return None
    return f"{PREFIX}-{compact[:4]}-{compact[4:]}"

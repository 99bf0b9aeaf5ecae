"""The life of an audit: its states and the moves between them, in one place.

An illegal move raises :class:`IllegalTransition`, a 409 Conflict: the page says so and nothing is written.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import Conflict

from .models import AuditState

S = AuditState

# move name -> (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[AuditState], AuditState]] = {
    "start": (frozenset({S.NOT_STARTED}), S.IN_PROGRESS),
    "submit": (frozenset({S.NOT_STARTED, S.IN_PROGRESS, S.RETURNED}), S.SUBMITTED),
    "review": (frozenset({S.SUBMITTED}), S.IN_REVIEW),
    "return": (frozenset({S.SUBMITTED, S.IN_REVIEW}), S.RETURNED),
    "validate": (frozenset({S.SUBMITTED, S.IN_REVIEW}), S.VALIDATED),
    "close": (frozenset({S.NOT_STARTED, S.IN_PROGRESS, S.SUBMITTED, S.IN_REVIEW, S.RETURNED, S.VALIDATED}), S.CLOSED),
}

STATE_TITLES = {
    S.NOT_STARTED: _l("Not started"),
    S.IN_PROGRESS: _l("In progress"),
    S.SUBMITTED: _l("Submitted"),
    S.IN_REVIEW: _l("In review"),
    S.RETURNED: _l("Returned"),
    S.VALIDATED: _l("Validated"),
    S.CLOSED: _l("Closed"),
}

# Where the institute's people may change answers, and where auditors may review them.
INSTITUTE_EDITS = frozenset({S.NOT_STARTED, S.IN_PROGRESS, S.RETURNED})
AUDITOR_EDITS = frozenset({S.SUBMITTED, S.IN_REVIEW})


class IllegalTransition(Conflict):
    """A 409: the core's error page shows ``sonores_detail`` under its own message."""

    sonores_detail = _l("This audit cannot make that move from its present state; reload the page to see where it is.")


def can(state: AuditState, move: str) -> bool:
    return state in TRANSITIONS[move][0]


def target(state: AuditState, move: str) -> AuditState:
    """The state ``move`` leads to from ``state``, or :class:`IllegalTransition`."""
    sources, result = TRANSITIONS[move]
    if state not in sources:
        raise IllegalTransition()
    return result

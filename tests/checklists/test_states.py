"""The audit's life: allowed moves in one table, anything else a 409 that changes nothing."""

from __future__ import annotations

import pytest

from checklists import states
from checklists.models import AuditState as S


@pytest.mark.parametrize(
    ("start", "move", "end"),
    [
        (S.NOT_STARTED, "start", S.IN_PROGRESS),
        (S.IN_PROGRESS, "submit", S.SUBMITTED),
        (S.RETURNED, "submit", S.SUBMITTED),
        (S.SUBMITTED, "review", S.IN_REVIEW),
        (S.IN_REVIEW, "return", S.RETURNED),
        (S.IN_REVIEW, "validate", S.VALIDATED),
        (S.SUBMITTED, "validate", S.VALIDATED),
        (S.VALIDATED, "close", S.CLOSED),
    ],
)
def test_allowed_moves(start, move, end):
    assert states.target(start, move) == end


@pytest.mark.parametrize(
    ("start", "move"),
    [
        (S.VALIDATED, "submit"),
        (S.CLOSED, "close"),
        (S.IN_PROGRESS, "validate"),
        (S.RETURNED, "validate"),
        (S.SUBMITTED, "submit"),
        (S.NOT_STARTED, "return"),
    ],
)
def test_illegal_moves_are_conflicts(start, move):
    with pytest.raises(states.IllegalTransition) as raised:
        states.target(start, move)
    assert raised.value.code == 409


def test_every_state_is_reachable_and_titled():
    reached = {S.NOT_STARTED} | {end for _sources, end in states.TRANSITIONS.values()}
    assert reached == set(S)
    assert set(states.STATE_TITLES) == set(S)


def test_validated_audits_are_read_only_for_everyone():
    assert S.VALIDATED not in states.INSTITUTE_EDITS and S.VALIDATED not in states.AUDITOR_EDITS
    assert S.SUBMITTED not in states.INSTITUTE_EDITS

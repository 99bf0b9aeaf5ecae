"""Changing audits: answers saved one at a time, reviews, and the moves of the audit's life.

Every change flushes, is recorded in the answer's history (who, when, before, after) or in the audit log, and
recomputes the audit's stored scores; nothing here commits (the request does, once).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db

from . import states
from .models import Answer, AnswerChange, Audit, AuditState, Item, Referent
from .results import recompute


class AnswerConflict(Exception):
    """Someone else saved this item since the form was loaded: the page shows both answers."""

    def __init__(self, answer: Answer, proposed: dict[str, Any], comment: str | None) -> None:
        super().__init__(answer.item.code)
        self.answer = answer
        self.proposed = proposed
        self.comment = comment


def load_answer(audit: Audit, item: Item, *, lock: bool = False) -> Answer | None:
    """The item's answer; on PostgreSQL ``lock`` holds its row until the request ends, so two saves of one item
    queue up and the second sees the first's version (SQLite writers already take turns)."""
    query = select(Answer).where(Answer.audit_id == audit.id, Answer.item_id == item.id)
    if lock and db.session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Answer)
    return db.session.scalar(query)


def lock(audit: Audit) -> None:
    """On PostgreSQL, hold the audit's row until the request ends and read it afresh: saves of one audit (its
    scores, its state, its version) then follow each other instead of failing on a stale version. SQLite writers
    already take turns for the whole request (``BEGIN IMMEDIATE``)."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(Audit.id).where(Audit.id == audit.id).with_for_update())
        db.session.refresh(audit)  # read after the lock: what the previous save committed


def _move(audit: Audit, move: str) -> None:
    audit.state = states.target(audit.state, move)
    audit.updated_at = utcnow()


def save_answer(
    audit: Audit,
    item: Item,
    value: dict[str, Any],
    comment: str | None,
    *,
    expected_version: int | None,
    actor: Any,
) -> Answer:
    """The institute's answer to ``item``. ``expected_version`` is the version the form was loaded with (None when
    there was no answer yet): anything else means someone saved in between, and :class:`AnswerConflict` is raised
    with nothing written."""
    lock(audit)
    if audit.state not in states.INSTITUTE_EDITS:
        raise states.IllegalTransition()
    answer = load_answer(audit, item, lock=True)
    current = answer.version if answer is not None else None
    if current != expected_version:
        if answer is None:  # loaded with an answer that has since gone: nothing to show, save it
            pass
        else:
            raise AnswerConflict(answer, value, comment)
    if answer is None:
        answer = Answer(audit_id=audit.id, item_id=item.id, item=item, value=None)
        db.session.add(answer)
    before = answer.value
    changed = before != value or (answer.comment or None) != (comment or None) or answer.from_last_year
    if changed:
        answer.value = value
        answer.comment = comment
        answer.from_last_year = False
        answer.updated_at = utcnow()
        answer.updated_by_id = actor.id
        answer.changes.append(AnswerChange(user_id=actor.id, side="self", before=before, after=value, comment=comment))
    if audit.state == AuditState.NOT_STARTED:
        _move(audit, "start")
    db.session.flush()
    recompute(audit)
    return answer


def review_answer(audit: Audit, item: Item, value: dict[str, Any], comment: str, *, actor: Any) -> Answer:
    """The auditor's answer beside the institute's: the first review moves a submitted audit into review."""
    lock(audit)
    if audit.state not in states.AUDITOR_EDITS:
        raise states.IllegalTransition()
    if audit.state == AuditState.SUBMITTED:
        _move(audit, "review")
    answer = load_answer(audit, item, lock=True)
    if answer is None:
        answer = Answer(audit_id=audit.id, item_id=item.id, item=item, value=None)
        db.session.add(answer)
    before = answer.reviewed if answer.reviewed is not None else answer.value
    answer.reviewed = value
    answer.review_comment = comment
    answer.reviewed_at = utcnow()
    answer.reviewed_by_id = actor.id
    answer.changes.append(AnswerChange(user_id=actor.id, side="review", before=before, after=value, comment=comment))
    db.session.flush()
    recompute(audit)
    return answer


def submit(audit: Audit, *, actor: Any, response: str | None = None) -> None:
    """Send the audit to review; after a return, ``response`` answers the auditor's questions."""
    if audit.state == AuditState.RETURNED:
        audit.response = response
    _move(audit, "submit")
    audit.submitted_at = utcnow()
    record("checklists.audit-submitted", actor=actor, target=audit, details={"uid": audit.uid})
    db.session.flush()


def return_audit(audit: Audit, questions: str, *, actor: Any) -> None:
    _move(audit, "return")
    audit.questions = questions
    record("checklists.audit-returned", actor=actor, target=audit, details={"uid": audit.uid})
    db.session.flush()
    from .jobs import schedule_notice

    schedule_notice(audit, "returned")


def validate(audit: Audit, *, actor: Any) -> None:
    _move(audit, "validate")
    audit.validated_at = utcnow()
    record("checklists.audit-validated", actor=actor, target=audit, details={"uid": audit.uid})
    db.session.flush()
    recompute(audit)
    from .jobs import schedule_notice

    schedule_notice(audit, "validated")


def name_referent(institute_id: int, user: Any, *, actor: Any) -> Referent:
    found = db.session.scalar(
        select(Referent).where(Referent.institute_id == institute_id, Referent.user_id == user.id)
    )
    if found is not None:
        return found
    referent = Referent(institute_id=institute_id, user_id=user.id)
    db.session.add(referent)
    record("checklists.referent-named", actor=actor, target=user, details={"institute_id": institute_id})
    db.session.flush()
    return referent


def remove_referent(referent: Referent, *, actor: Any) -> None:
    record(
        "checklists.referent-removed",
        actor=actor,
        target=referent.user,
        details={"institute_id": referent.institute_id},
    )
    db.session.delete(referent)
    db.session.flush()

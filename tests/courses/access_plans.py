"""Access rows for the plan pages: network admins only (an institute director gets 403)."""

from __future__ import annotations

from typing import Any

from tests.access import ADMIN, only

ADMIN_REDIRECT = only(("admin",), 302)

ROWS: dict[str, Any] = {
    "courses.plans_index": ("GET", "/courses/plans/", ADMIN),
    "courses.plans_create": [("GET", "/courses/plans/new", ADMIN), ("POST", "/courses/plans/new", ADMIN)],
    "courses.plans_detail": ("GET", "/courses/plans/{plans_draft}", ADMIN),
    "courses.plans_edit": [
        ("GET", "/courses/plans/{plans_draft}/edit", ADMIN),
        ("POST", "/courses/plans/{plans_draft}/edit", ADMIN),  # no French title: the form and its message
        ("POST", "/courses/plans/{plans_published}/edit", ADMIN_REDIRECT),  # a published plan: sent back
    ],
    "courses.plans_axis_edit": [
        ("GET", "/courses/plans/{plans_draft}/axes/{plans_axis}/edit", ADMIN),
        ("POST", "/courses/plans/{plans_draft}/axes/{plans_axis}/edit", ADMIN),
    ],
    "courses.plans_new_revision": ("POST", "/courses/plans/{plans_published}/revision", ADMIN_REDIRECT),
    "courses.plans_publish": [
        ("GET", "/courses/plans/{plans_draft}/publish", ADMIN),
        ("POST", "/courses/plans/{plans_draft}/publish", ADMIN_REDIRECT),  # published, then its page
    ],
    "courses.plans_copy": [
        ("GET", "/courses/plans/{plans_draft}/copy", ADMIN),
        ("POST", "/courses/plans/{plans_draft}/copy", ADMIN),
    ],
    "courses.plans_targets": [
        ("GET", "/courses/plans/{plans_draft}/targets", ADMIN),
        ("POST", "/courses/plans/{plans_draft}/targets", ADMIN),
    ],
    "courses.plans_target_edit": [
        ("GET", "/courses/plans/{plans_draft}/targets/{plans_target}/edit", ADMIN),
        ("POST", "/courses/plans/{plans_draft}/targets/{plans_target}/edit", ADMIN),
    ],
    "courses.plans_target_delete": (
        "POST",
        "/courses/plans/{plans_draft}/targets/{plans_target}/delete",
        ADMIN_REDIRECT,
    ),
    "courses.plans_delivered": ("GET", "/courses/plans/{plans_published}/delivered", ADMIN),
    "courses.plans_delivered_csv": ("GET", "/courses/plans/{plans_published}/delivered.csv", ADMIN),
    "courses.plans_delivered_recompute": (
        "POST",
        "/courses/plans/{plans_published}/delivered/recompute",
        ADMIN_REDIRECT,
    ),
}


def objects(make: Any) -> dict[str, Any]:
    from courses.models import Axis, Plan, PlanStatus, Target, Track
    from sonores_lms.database import utcnow
    from sonores_lms.permissions import Role

    draft = Plan(year=2040, revision=1, status=PlanStatus.DRAFT)
    draft.set_texts("fr", {"title": "Plan de formation 2040"})
    axis = Axis(code="communication", position=0)
    axis.set_texts("fr", {"title": "Nouvelles formes de communication"})
    track = Track(position=0)
    track.set_texts("fr", {"title": "Stratégie numérique"})
    axis.tracks.append(track)
    draft.axes.append(axis)
    published = Plan(year=2041, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
    published.set_texts("fr", {"title": "Plan de formation 2041"})
    make.db.session.add_all([draft, published])
    make.db.session.flush()
    target = Target(plan_id=draft.id, track_uid=track.uid, role=Role.STAFF)
    make.db.session.add(target)
    make.db.session.flush()
    return {"plans_draft": draft.id, "plans_published": published.id, "plans_axis": axis.id, "plans_target": target.id}

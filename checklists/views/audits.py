"""The self-assessment (one theme a page, one small form per item) and the auditor's review of the same pages.

Every route is open to the roles that may meet an audit (``@signed_in``); each view then narrows to the audit
(:mod:`checklists.access`): the institute's director and referents fill it, its auditors review it, network
administrators read it. Answers save one at a time, so a slow link loses at most the item being sent.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_datetime, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from sonores_lms.audit.services import record
from sonores_lms.extensions import db
from sonores_lms.forms import ConfirmForm
from sonores_lms.navigation import NavItem, Widget
from sonores_lms.people.models import User
from sonores_lms.permissions import Role, requires, signed_in
from sonores_lms.signals import dashboard_widgets, nav_items

from .. import access, audits, states
from ..answer_forms import AnswerForm, ProfileForm, ReferentForm, ReturnForm, ReviewForm, SubmitForm
from ..blueprint import blueprint
from ..evidence import EvidenceError, attach, max_bytes, read_limited, send_evidence
from ..models import Answer, Audit, AuditState, Evidence, Item, Profile, Referent
from ..queries import (
    answered_counts,
    answers_of,
    audit_by_uid,
    item_of,
    my_audits,
    review_queue,
    template_tree,
)


@blueprint.app_template_filter("checklists_number")
def _number_filter(value: Any) -> str:
    return format_decimal(value, "#,##0.##") if isinstance(value, int | float) else str(value or "")


@blueprint.app_template_filter("checklists_date")
def _date_filter(value: Any) -> str:
    return format_date(value, "long") if value else ""


@blueprint.app_template_filter("checklists_datetime")
def _datetime_filter(value: Any) -> str:
    return format_datetime(value, "short") if value else ""


@blueprint.app_template_global("checklists_option")
def _option_label(option: dict[str, Any]) -> str:
    """An option's label in the reader's language (then French, then any)."""
    from sonores_lms.multilingual import pick

    return pick(option.get("label") or {}).text or option.get("key", "")


YPN_LABELS = {"yes": _l("Yes"), "partly": _l("Partly"), "no": _l("No"), "na": _l("Not applicable")}


@blueprint.app_template_global("checklists_choice_label")
def _choice_label(item: Item, key: str) -> str:
    """What an answer's key reads as: yes / partly / no / not applicable, or the option's label."""
    if key in YPN_LABELS and item.answer_type.value == "ypn" or key == "na":
        return str(YPN_LABELS[key])
    for option in item.options or []:
        if option.get("key") == key:
            return _option_label(option)
    return key


@blueprint.app_template_global("checklists_is_director")
def _is_director(institute_id: int) -> bool:
    return current_user.is_authenticated and access.is_director(current_user, institute_id)


def _widget(user: Any) -> Widget | None:
    """On the dashboard: an auditor's queue, or the audits of the institutes a person fills."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    queue = (
        review_queue(user, network=access.is_network_auditor(user), limit=8) if user.can("checklists.review") else []
    )
    mine = my_audits(user)[:4]
    if not queue and not mine:
        return None
    html = render_template("checklists/_widget.html", queue=queue, mine=mine, STATE_TITLES=states.STATE_TITLES)
    title = _l("Audits to review") if queue else _l("Eco-responsibility audits")
    return Widget(name="checklists-audits", title=title, html=Markup(html), weight=5)  # noqa: S704 - rendered by Jinja


def _nav(_sender: Any) -> NavItem:
    """Everyone signed in sees their institute's audits there; auditors their queue."""
    return NavItem("checklists.index", _l("Eco-audits"), weight=45)


def connect(plugin: Any) -> None:
    plugin.connect(nav_items, _nav)
    plugin.connect(dashboard_widgets, _widget)


def _audit_or_404(uid: str) -> Audit:
    audit = audit_by_uid(uid)
    if audit is None:
        abort(404)
    return audit


def _seen(uid: str) -> Audit:
    audit = _audit_or_404(uid)
    if not access.can_see(current_user, audit):
        abort(403)
    return audit


@blueprint.route("/")
@signed_in
def index() -> str:
    """Where each person starts: their institute's audits, their review queue, the campaigns for administrators."""
    network_auditor = access.is_network_auditor(current_user)
    queue = review_queue(current_user, network=network_auditor) if current_user.can("checklists.review") else []
    return render_template(
        "checklists/index.html",
        mine=my_audits(current_user),
        queue=queue,
        network_auditor=network_auditor,
        STATE_TITLES=states.STATE_TITLES,
    )


def _progress(audit: Audit, tree: Any) -> list[dict[str, Any]]:
    counts = answered_counts(audit)
    rows = []
    for pillar in tree.pillars:
        total = sum(len(theme.items) for theme in pillar.themes)
        done = sum(counts.get(theme.id, 0) for theme in pillar.themes)
        rows.append({"pillar": pillar, "total": total, "done": done, "counts": counts})
    return rows


@blueprint.route("/audits/<uid>")
@signed_in
def audit(uid: str) -> Any:
    return _audit_page(_seen(uid))


def _audit_page(audit: Audit, *, return_form: ReturnForm | None = None, status: int = 200) -> Any:
    tree = template_tree(audit.campaign.template_id, audit.institute.country)
    body = render_template(
        "checklists/audits/audit.html",
        audit=audit,
        tree=tree,
        progress=_progress(audit, tree),
        may_fill=access.can_fill(current_user, audit),
        may_review=access.can_review(current_user, audit),
        editable=audit.state in states.INSTITUTE_EDITS,
        reviewable=audit.state in states.AUDITOR_EDITS,
        confirm=ConfirmForm(),
        return_form=return_form or ReturnForm(formdata=None),
        submit_form=SubmitForm(formdata=None),
        STATE_TITLES=states.STATE_TITLES,
        can_move=states.can,
    )
    return body, status


def _theme_page(audit: Audit, code: str, *, forms: dict[int, Any] | None = None, status: int = 200) -> Any:
    tree = template_tree(audit.campaign.template_id, audit.institute.country)
    theme = tree.theme(code)
    if theme is None:
        abort(404)
    themes = tree.themes
    index = [t.id for t in themes].index(theme.id)
    answers = answers_of(audit, [item.id for item in theme.items])
    may_fill = access.can_fill(current_user, audit) and audit.state in states.INSTITUTE_EDITS
    may_review = access.can_review(current_user, audit) and audit.state in states.AUDITOR_EDITS
    built: dict[int, Any] = {}
    for item in theme.items:
        answer = answers.get(item.id)
        if forms and item.id in forms:
            built[item.id] = forms[item.id]
        elif may_fill:
            built[item.id] = _filled(AnswerForm, answer.value if answer else None, answer, prefix=item.code)
        elif may_review:
            reviewed = answer.reviewed if answer and answer.reviewed is not None else answer.value if answer else None
            built[item.id] = _filled(
                ReviewForm, reviewed, None, prefix=item.code, comment=answer.review_comment if answer else None
            )
    users = _people(answers.values())
    body = render_template(
        "checklists/audits/theme.html",
        audit=audit,
        tree=tree,
        theme=theme,
        previous=themes[index - 1] if index > 0 else None,
        following=themes[index + 1] if index + 1 < len(themes) else None,
        answers=answers,
        forms=built,
        may_fill=may_fill,
        may_review=may_review,
        progress=_progress(audit, tree),
        users=users,
        upload_limit=max_bytes(),
        STATE_TITLES=states.STATE_TITLES,
    )
    return body, status


def _people(answers: Any) -> dict[int, User]:
    ids = {c.user_id for a in answers for c in a.changes if c.user_id}
    if not ids:
        return {}
    from sqlalchemy import select

    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}


def _filled(
    form_class: Any, value: dict[str, Any] | None, answer: Answer | None, *, prefix: str, comment: Any = None
) -> Any:
    """A form showing the stored answer (never the request's data: this is a page read, not a send)."""
    value = value or {}
    factor = value.get("factor") or {}
    data = {
        "factor_source": factor.get("source"),
        "factor_year": str(factor["year"]) if factor.get("year") else "",
        "factor_value": _plain(factor.get("value")),
        "factor_unit": factor.get("unit"),
        "choice": value.get("choice"),
        "choices": value.get("choices") or [],
        "number": _plain(value.get("number")),
        "numerator": _plain(value.get("numerator")),
        "denominator": _plain(value.get("denominator")),
        "text": value.get("text"),
        "comment": comment if comment is not None else (answer.comment if answer else None),
        "version": str(answer.version) if answer else "",
    }
    return form_class(formdata=None, prefix=prefix, data=data)


def _plain(number: Any) -> str:
    if number is None:
        return ""
    return f"{number:g}" if isinstance(number, float) else str(number)


@blueprint.route("/audits/<uid>/themes/<code>")
@signed_in
def theme(uid: str, code: str) -> Any:
    return _theme_page(_seen(uid), code)


def _item_or_404(audit: Audit, code: str) -> Item:
    from ..scoring import applies

    item = item_of(audit.campaign.template_id, code)
    if item is None or not applies((item.rules or {}).get("countries"), audit.institute.country):
        abort(404)
    return item


def _back(audit: Audit, item: Item) -> Response:
    return redirect(url_for("checklists.theme", uid=audit.uid, code=item.theme.code, _anchor=f"item-{item.code}"))


@blueprint.route("/audits/<uid>/items/<code>", methods=["POST"])
@requires("checklists.fill")
def save_item(uid: str, code: str) -> Any:
    """Save one answer. A concurrent save of the same item gives a 409 page with both answers to choose from."""
    audit = _audit_or_404(uid)
    if not access.can_fill(current_user, audit):
        abort(403)
    item = _item_or_404(audit, code)
    if audit.state not in states.INSTITUTE_EDITS:
        raise states.IllegalTransition()
    form = AnswerForm(prefix=item.code)
    value = form.answer_for(item) if form.validate() else None
    if value is None:
        if form.problem is None and not form.errors:
            form.problem = _("Check this answer.")
        return _theme_page(audit, item.theme.code, forms={item.id: form}, status=400)
    comment = (form.comment.data or "").strip() or None
    try:
        saved = audits.save_answer(
            audit, item, value, comment, expected_version=form.expected_version(), actor=current_user
        )
    except audits.AnswerConflict as conflict:
        db.session.rollback()
        answer = answers_of(audit, [item.id]).get(item.id)
        keep = _filled(AnswerForm, conflict.proposed, answer, prefix=item.code, comment=conflict.comment)
        return render_template(
            "checklists/audits/conflict.html",
            audit=audit,
            item=item,
            answer=answer,
            mine=conflict.proposed,
            my_comment=conflict.comment,
            form=keep,
        ), 409
    if request.accept_mimetypes.best == "application/json":
        return {"saved": True, "version": saved.version}
    flash(_("Answer saved: %(code)s.", code=item.code), "success")
    return _back(audit, item)


@blueprint.route("/audits/<uid>/items/<code>/evidence", methods=["POST"])
@requires("checklists.fill")
def add_evidence(uid: str, code: str) -> Any:
    audit = _audit_or_404(uid)
    if not access.can_fill(current_user, audit):
        abort(403)
    item = _item_or_404(audit, code)
    if audit.state not in states.INSTITUTE_EDITS:
        raise states.IllegalTransition()
    if not ConfirmForm().validate():
        abort(400)
    upload = request.files.get("file")
    form = AnswerForm(formdata=None, prefix=item.code)
    if upload is None or not upload.filename:
        form.problem = _("Choose a file to attach.")
        return _theme_page(audit, item.theme.code, forms={item.id: form}, status=400)
    content = read_limited(upload.stream, max_bytes())
    answer = answers_of(audit, [item.id]).get(item.id)
    try:
        from ..evidence import check

        check(content, upload.filename)
    except EvidenceError as error:
        form.problem = error.message
        return _theme_page(audit, item.theme.code, forms={item.id: form}, status=413 if error.too_large else 400)
    if answer is None:
        answer = Answer(audit_id=audit.id, item_id=item.id, item=item, value=None)
        db.session.add(answer)
        db.session.flush()
    attach(answer, content, upload.filename, actor=current_user)
    from ..results import recompute

    recompute(audit)
    flash(_("File attached to %(code)s.", code=item.code), "success")
    return _back(audit, item)


@blueprint.route("/evidence/<uid>")
@signed_in
def evidence_file(uid: str) -> Response:
    """An evidence file, for the people who may see its audit; others get 404 (it might as well not exist)."""
    from sqlalchemy import select

    evidence = db.session.scalar(select(Evidence).where(Evidence.uid == uid))
    if evidence is None:
        abort(404)
    audit = db.session.get(Audit, evidence.answer.audit_id)
    if audit is None or not access.can_see(current_user, audit):
        abort(404)
    return send_evidence(evidence)


@blueprint.route("/evidence/<uid>/remove", methods=["POST"])
@requires("checklists.fill")
def remove_evidence(uid: str) -> Response:
    """Take a file off an item while the institute may still edit (the stored file stays for others using it)."""
    from sqlalchemy import select

    evidence = db.session.scalar(select(Evidence).where(Evidence.uid == uid))
    if evidence is None:
        abort(404)
    audit = db.session.get(Audit, evidence.answer.audit_id)
    if audit is None or not access.can_fill(current_user, audit):
        abort(404)
    if not ConfirmForm().validate():
        abort(400)
    audits.lock(audit)
    if audit.state not in states.INSTITUTE_EDITS:
        raise states.IllegalTransition()
    item = evidence.answer.item
    record("checklists.evidence-removed", actor=current_user, target=evidence, target_label=evidence.filename)
    db.session.delete(evidence)
    db.session.flush()
    from ..results import recompute

    recompute(audit)
    flash(_("File removed from %(code)s.", code=item.code), "success")
    return _back(audit, item)


@blueprint.route("/audits/<uid>/submit", methods=["POST"])
@requires("checklists.fill")
def submit(uid: str) -> Response:
    """The director sends the audit to review; referents prepare, the director signs off."""
    audit = _audit_or_404(uid)
    if not access.is_director(current_user, audit.institute_id):
        abort(403)
    form = SubmitForm()
    if not form.validate():
        abort(400)
    audits.submit(audit, actor=current_user, response=(form.response.data or "").strip() or None)
    flash(_("The audit is submitted; an auditor will review it."), "success")
    return redirect(url_for("checklists.audit", uid=audit.uid))


@blueprint.route("/audits/<uid>/items/<code>/review", methods=["POST"])
@requires("checklists.review")
def review_item(uid: str, code: str) -> Any:
    audit = _audit_or_404(uid)
    if not access.can_review(current_user, audit):
        abort(403)
    item = _item_or_404(audit, code)
    if audit.state not in states.AUDITOR_EDITS:
        raise states.IllegalTransition()
    form = ReviewForm(prefix=item.code)
    value = form.answer_for(item, needs_reason=False) if form.validate() else None
    if value is None:
        return _theme_page(audit, item.theme.code, forms={item.id: form}, status=400)
    audits.review_answer(audit, item, value, form.comment.data.strip(), actor=current_user)
    flash(_("Review saved: %(code)s.", code=item.code), "success")
    return _back(audit, item)


@blueprint.route("/audits/<uid>/return", methods=["POST"])
@requires("checklists.review")
def return_audit(uid: str) -> Any:
    audit = _audit_or_404(uid)
    if not access.can_review(current_user, audit):
        abort(403)
    if audit.state not in states.AUDITOR_EDITS:
        raise states.IllegalTransition()
    form = ReturnForm()
    if not form.validate():
        return _audit_page(audit, return_form=form, status=400)
    audits.return_audit(audit, form.questions.data.strip(), actor=current_user)
    flash(_("The audit is returned to the institute with your questions."), "success")
    return redirect(url_for("checklists.audit", uid=audit.uid))


@blueprint.route("/audits/<uid>/validate", methods=["POST"])
@requires("checklists.review")
def validate(uid: str) -> Response:
    audit = _audit_or_404(uid)
    if not access.can_review(current_user, audit):
        abort(403)
    if not ConfirmForm().validate():
        abort(400)
    audits.validate(audit, actor=current_user)
    flash(_("The audit is validated."), "success")
    return redirect(url_for("checklists.audit", uid=audit.uid))


@blueprint.route("/institutes/<int:institute_id>/referents", methods=["GET", "POST"])
@requires("checklists.fill")
def referents(institute_id: int) -> Any:
    """The director names the staff who fill the audit with them."""
    from sqlalchemy import func, select

    from sonores_lms.institutes.models import Institute

    institute = db.session.get(Institute, institute_id)
    if institute is None:
        abort(404)
    if not access.is_director(current_user, institute_id):
        abort(403)
    form = ReferentForm()
    status = 200
    if form.validate_on_submit():
        person = db.session.scalar(
            select(User).where(
                func.lower(User.email) == form.email.data.strip().lower(), User.institute_id == institute_id
            )
        )
        if person is None or not person.active:
            form.email.errors = [_("Nobody of this institute has this email.")]
            status = 400
        else:
            audits.name_referent(institute_id, person, actor=current_user)
            flash(_("%(name)s is now a referent.", name=person.full_name), "success")
            return redirect(url_for("checklists.referents", institute_id=institute_id))
    elif request.method == "POST":
        removing = request.form.get("remove", "")
        if removing.isdigit() and ConfirmForm().validate():
            referent = db.session.get(Referent, int(removing))
            if referent is not None and referent.institute_id == institute_id:
                audits.remove_referent(referent, actor=current_user)
                flash(_("Referent removed."), "success")
                return redirect(url_for("checklists.referents", institute_id=institute_id))
        status = 400
    from sqlalchemy import select as sel

    named = list(db.session.scalars(sel(Referent).where(Referent.institute_id == institute_id).order_by(Referent.id)))
    return render_template(
        "checklists/audits/referents.html", institute=institute, form=form, named=named, confirm=ConfirmForm()
    ), status


@blueprint.route("/institutes/<int:institute_id>/profile", methods=["GET", "POST"])
@requires("checklists.fill")
def profile(institute_id: int) -> Any:
    """The director says the institute's peer group and whether the network view may name it (it does not by
    default: named results are private unless the institute opts in)."""
    from sonores_lms.institutes.models import Institute

    institute = db.session.get(Institute, institute_id)
    if institute is None:
        abort(404)
    if not access.is_director(current_user, institute_id):
        abort(403)
    stored = db.session.get(Profile, institute_id)
    form = ProfileForm(obj=stored)
    if form.validate_on_submit():
        if stored is None:
            stored = Profile(institute_id=institute_id)
            db.session.add(stored)
        stored.staff_band = form.staff_band.data
        stored.owns_building = form.owns_building.data
        stored.has_hall = form.has_hall.data
        stored.named = form.named.data
        db.session.flush()
        flash(_("Saved."), "success")
        return redirect(url_for("checklists.profile", institute_id=institute_id))
    status = 400 if request.method == "POST" else 200
    return render_template("checklists/audits/profile.html", institute=institute, form=form), status


__all__ = ["Role", "AuditState"]

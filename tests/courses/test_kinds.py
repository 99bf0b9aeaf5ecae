"""Lesson kinds that a plugin owns entirely: declared through the collector from ``courses.api`` alone, they add
their fields to the lesson editor, validate and save them, stop publishing, show themselves and complete, and
nothing in courses names them."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import func, select
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from courses.api import CompletionSource, LearningError, LessonKind, complete_lesson
from courses.authoring_forms import lesson_form
from courses.models import Lesson, LessonCompletion, PlanStatus
from courses.revisions import publish, publish_problems
from tests.courses.kinds import registered


def text_of(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


class GlossaryForm(Form):
    term = StringField("Term", validators=[Optional(), Length(max=40)], description="One word or expression.")
    definition = TextAreaField("Definition", validators=[Optional(), Length(max=500)])

    def validate_term(self, field):
        if field.data and any(ch.isdigit() for ch in field.data):
            raise ValidationError("A term has no digits.")


def load_glossary(lesson):
    data = lesson.data or {}
    return {"term": data.get("term", ""), "definition": data.get("definition", "")}


def save_glossary(lesson, form):
    data = dict(lesson.data or {})
    data.update(term=form.term.data.strip(), definition=form.definition.data.strip())
    return data


def glossary_checks(lesson):
    return [] if (lesson.data or {}).get("term") else ["A glossary lesson needs its term."]


GLOSSARY = LessonKind(
    "glossary",
    "Glossary entry",
    form=GlossaryForm,
    load=load_glossary,
    save=save_glossary,
    publish_checks=glossary_checks,
    template="testkinds/_glossary.html",
)
TEMPLATE = '<dl class="glossary"><dt>{{ lesson.data.term }}</dt><dd>{{ lesson.data.definition }}</dd></dl>'
# Completed by something elsewhere (here: attending a workshop), never by the learner.
WORKSHOP = LessonKind(
    "workshop",
    "Workshop",
    completes_by="attended",
    learner_completes=False,
    completion_note="Done when the workshop's trainer records you.",
    template="testkinds/_glossary.html",
)


class StepsForm(Form):
    steps = TextAreaField("Steps", validators=[Optional(), Length(max=500)])


# Lays its field out itself in the editor.
STEPS = LessonKind(
    "steps",
    "Steps",
    form=StepsForm,
    load=lambda lesson: {"steps": (lesson.data or {}).get("steps", "")},
    save=lambda lesson, form: {**(lesson.data or {}), "steps": form.steps.data},
    editor_template="testkinds/_steps_editor.html",
    template="testkinds/_glossary.html",
)
STEPS_EDITOR = '<fieldset class="steps-editor" data-lesson="{{ item.id }}">{{ form.steps() }}</fieldset>'


@pytest.fixture
def glossary(app, monkeypatch):
    """The kinds declared as a plugin would, with their templates in its own folder."""
    templates = {"testkinds/_glossary.html": TEMPLATE, "testkinds/_steps_editor.html": STEPS_EDITOR}
    loader = ChoiceLoader([DictLoader(templates), app.jinja_env.loader])
    monkeypatch.setattr(app.jinja_env, "loader", loader)
    with registered(GLOSSARY, WORKSHOP, STEPS):
        yield GLOSSARY


def editor_data(lesson, **changes):
    data = {"version": lesson.version, "kind": lesson.kind, "duration_minutes": 5, "required": "y"}
    data["fr-title"] = lesson.texts_in("fr")["title"]
    data.update(changes)
    return data


def test_a_plugin_kind_is_authored_published_shown_and_completed(glossary, make_plan, client_as, db):
    admin = client_as("admin", locale="en")
    plan = make_plan(courses=1, lessons=1, published=False)
    module = plan.axes[0].tracks[0].courses[0].modules[0]
    offered = admin.get(f"/courses/author/modules/{module.id}/lessons/new").get_data(as_text=True)
    assert '<option value="glossary">Glossary entry</option>' in offered
    assert admin.post(
        f"/courses/author/modules/{module.id}/lessons/new", data={"title": "Le pitch", "kind": "glossary"}
    ).status_code == 302  # fmt: skip
    db.session.expire_all()
    lesson = db.session.scalars(select(Lesson).where(Lesson.kind == "glossary")).one()

    editor = admin.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    assert 'name="term"' in editor and 'name="definition"' in editor and "One word or expression." in editor
    assert 'name="url"' not in editor and 'name="upload"' not in editor  # the built-in kinds' fields stay theirs
    assert (lesson, "A glossary lesson needs its term.") in publish_problems(plan)

    refused = admin.post(f"/courses/author/lessons/{lesson.id}", data=editor_data(lesson, term="Web 2.0"))
    assert refused.status_code == 200 and "A term has no digits." in refused.get_data(as_text=True)
    db.session.expire_all()
    assert lesson.data == {}  # nothing half-written

    saved = admin.post(
        f"/courses/author/lessons/{lesson.id}",
        data=editor_data(lesson, term="Pitch", definition="Présentation <b>brève</b> d'un projet."),
    )
    assert saved.status_code == 302
    db.session.expire_all()
    assert lesson.data == {"term": "Pitch", "definition": "Présentation <b>brève</b> d'un projet."}
    assert 'value="Pitch"' in admin.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    preview = admin.get(f"/courses/author/lessons/{lesson.id}/preview?lang=fr").get_data(as_text=True)
    assert '<dl class="glossary"><dt>Pitch</dt>' in preview

    assert not [problem for item, problem in publish_problems(plan) if item is lesson]
    publish(plan, actor=admin.user)
    assert plan.status is PlanStatus.PUBLISHED

    staff = client_as("staff", locale="en")
    page = staff.get(f"/courses/learn/lesson/{lesson.uid}").get_data(as_text=True)
    assert "<dd>Présentation &lt;b&gt;brève&lt;/b&gt; d&#39;un projet.</dd>" in page  # escaped by Jinja
    assert "Mark as done" in page and "data-complete-on-read" not in page
    assert staff.post(f"/courses/learn/lesson/{lesson.uid}/done").status_code == 302
    completion = db.session.scalars(select(LessonCompletion).where(LessonCompletion.lesson_uid == lesson.uid)).one()
    assert completion.source is CompletionSource.MANUAL


def test_a_kind_completed_elsewhere_refuses_the_learner_and_takes_the_api(glossary, make_plan, client_as, db, app):
    course = make_plan(courses=1, lessons=2).axes[0].tracks[0].courses[0]
    workshop, reading = course.modules[0].lessons
    workshop.kind = "workshop"
    db.session.flush()
    staff = client_as("staff", locale="en")
    page = staff.get(f"/courses/learn/lesson/{workshop.uid}").get_data(as_text=True)
    assert "Done when the workshop&#39;s trainer records you." in page and "Mark as done" not in page
    assert staff.post(f"/courses/learn/lesson/{workshop.uid}/done").status_code == 403
    with pytest.raises(LearningError):
        complete_lesson(staff.user, workshop.uid, source=CompletionSource.OFFLINE)
    completion = complete_lesson(staff.user, workshop.uid, source=CompletionSource.ATTENDED)
    assert completion.source is CompletionSource.ATTENDED


def test_without_its_plugin_a_kind_is_shown_as_unavailable_and_kept_as_it_is(make_plan, client_as, db, app):
    plan = make_plan(courses=1, lessons=1, published=False)
    lesson = plan.axes[0].tracks[0].courses[0].modules[0].lessons[0]
    lesson.kind, lesson.data = "glossary", {"term": "Pitch"}
    db.session.flush()
    admin = client_as("admin", locale="en")
    editor = admin.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    assert 'name="term"' not in editor and '<option selected value="glossary">glossary</option>' in editor
    assert admin.post(f"/courses/author/lessons/{lesson.id}", data=editor_data(lesson)).status_code == 302
    db.session.expire_all()
    assert lesson.data == {"term": "Pitch"}  # the disabled plugin's data survives an edit of the common fields
    with app.test_request_context(), force_locale("en"):
        assert any("not available" in str(problem) for item, problem in publish_problems(plan) if item is lesson)

    published = make_plan(year=2028, courses=1, lessons=1)
    shown = published.axes[0].tracks[0].courses[0].modules[0].lessons[0]
    shown.kind = "glossary"
    db.session.flush()
    staff = client_as("staff", locale="en")
    page = text_of(staff.get(f"/courses/learn/lesson/{shown.uid}").get_data(as_text=True))
    assert "This kind of lesson cannot be shown at the moment." in page and "Mark as done" not in page
    assert staff.post(f"/courses/learn/lesson/{shown.uid}/done").status_code == 403
    assert db.session.scalar(select(func.count()).select_from(LessonCompletion)) == 0


def test_a_kind_may_lay_out_its_fields_itself(glossary, make_plan, admin_client, db):
    lesson = make_plan(courses=1, lessons=1, published=False).axes[0].tracks[0].courses[0].modules[0].lessons[0]
    lesson.kind = "steps"
    db.session.flush()
    editor = admin_client.get(f"/courses/author/lessons/{lesson.id}").get_data(as_text=True)
    expected = (
        f'<fieldset class="steps-editor" data-lesson="{lesson.id}"><textarea id="steps" maxlength="500" name="steps">'
    )
    assert expected in editor
    saved = admin_client.post(f"/courses/author/lessons/{lesson.id}", data=editor_data(lesson, steps="1. Écouter"))
    assert saved.status_code == 302
    db.session.expire_all()
    assert lesson.data == {"steps": "1. Écouter"}


def test_a_kind_may_not_take_the_editors_own_field_names():
    class Clashing(Form):
        required = StringField("Required")

    with pytest.raises(RuntimeError, match="required"):
        lesson_form(LessonKind("clash", "Clash", form=Clashing))
    with pytest.raises(ValueError, match="completion_note"):
        LessonKind("silent", "Silent", learner_completes=False)
    with pytest.raises(ValueError, match="upload"):
        LessonKind("odd", "Odd", upload="archive")


def test_two_plugins_declaring_one_kind_name_is_an_error(app, db):
    from courses.api import lesson_kinds_registry

    with registered(LessonKind("text", "Another text")), pytest.raises(RuntimeError, match="'text'"):
        lesson_kinds_registry()

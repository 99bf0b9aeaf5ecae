"""Form helpers shared by the core and the plugins: option lists, the confirmation button, checkbox lists.

They live here, once, so that a plugin needs no import from another area's forms (``institutes.forms``) to build a
select or a POST button.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.i18n import translations as wtf_translations
from wtforms import Form, SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget


def choices(pairs: object, optgroup: str | None = None) -> list[SelectChoice]:
    """``(value, label)`` pairs as the option objects WTForms expects."""
    return [SelectChoice(value, label, optgroup=optgroup) for value, label in pairs]  # type: ignore[attr-defined]


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as checkboxes: easier than a multiple select on a phone, and without JavaScript."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ConfirmForm(FlaskForm):
    """A POST button that changes one thing: only the CSRF token is checked."""

    submit = SubmitField(_l("Confirm"))


class SubForm(Form):
    """Base of the forms nested in a FlaskForm through ``FormField``.

    WTForms gives a nested form its own meta, which knows nothing of Flask-WTF's translations: without this base
    its validators answer in English ("This field is required.") on a Spanish page.
    """

    class Meta:
        def get_translations(self, form: Form) -> Any:
            if current_app.config.get("WTF_I18N_ENABLED", True):
                return wtf_translations
            return super().get_translations(form)  # type: ignore[misc]

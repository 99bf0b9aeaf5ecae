"""Forms of the knowledge base: a resource (its facts, its texts in four languages, its kit), curating, reusing.

Forms validate and never save. A resource's form carries its ``version`` so that a save over someone else's newer
one is refused (409) before anything is written.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from babel.numbers import get_currency_name
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from sonores_lms.config import LANGUAGES
from sonores_lms.forms import MultiCheckboxField, SubForm, choices
from sonores_lms.multilingual import TEXT_MAX, TITLE_MAX

from . import budget
from .models import BUDGET_TITLE, KIT_PARTS, LICENCES
from .vocabulary import AXES, THEMES

TEXT_FIELDS: tuple[tuple[str, Any, bool], ...] = (
    ("title", _l("Title"), False),
    ("summary", _l("Summary"), True),
    ("body", _l("Text (Markdown)"), True),
)
MAX_LINKS = 20
MAX_TAGS = 20
TAG_MAX = 40
KIT_PART_MAX = 20_000
ALLOWED_SCHEMES = ("http", "https")
BUDGET_EMPTY_ROWS = 3  # blank budget rows offered below the written ones; "add lines" sends the form for more


def _language_form(language: str) -> type[SubForm]:
    attrs: dict[str, Any] = {}
    for name, label, multiline in TEXT_FIELDS:
        field_class = TextAreaField if multiline else StringField
        limit = TEXT_MAX if multiline else TITLE_MAX
        attrs[name] = field_class(label, validators=[Optional(), Length(max=limit)], render_kw={"lang": language})
    return type(f"Resource{language.title()}Texts", (SubForm,), attrs)


def parse_links(value: str | None) -> list[dict[str, str]]:
    """One link a line, ``label | address`` or the address alone; raises ValueError naming a refused line."""
    links = []
    for line in (value or "").splitlines():
        line = line.strip()
        if not line:
            continue
        label, _sep, url = line.rpartition("|") if "|" in line else ("", "", line)
        url, label = url.strip(), label.strip()
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.netloc or any(ch.isspace() for ch in url):
            raise ValueError(url)
        links.append({"url": url, "label": label[:200] or parts.netloc})
    return links


def parse_tags(value: str | None) -> list[str]:
    """Comma-separated tags, trimmed, lower-cased, each once, in the order written."""
    tags: list[str] = []
    for raw in (value or "").split(","):
        tag = " ".join(raw.split()).lower()[:TAG_MAX]
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def currency_choices() -> list[tuple[str, str]]:
    """The region's currencies, "PEN · sol péruvien" in the reader's language, after a blank choice: an amount is
    never given a currency nobody chose."""
    locale = str(get_locale() or "fr")
    return [("", "—")] + [(code, f"{code} · {get_currency_name(code, locale=locale)}") for code in budget.CURRENCIES]


class BudgetLineForm(SubForm):
    """One budget line; checked with its neighbours by :meth:`ResourceForm.check_budget`."""

    label = StringField(_l("Budget item"), validators=[Optional(), Length(max=budget.LABEL_MAX)])
    amount = StringField(_l("Amount"), validators=[Optional(), Length(max=30)], render_kw={"inputmode": "decimal"})
    currency = SelectField(_l("Currency"), choices=[], validate_choice=False, default="")
    note = StringField(_l("Note"), validators=[Optional(), Length(max=budget.NOTE_MAX)])


class ResourceForm(FlaskForm):
    """A resource's facts, texts and programme-kit parts."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    kind = SelectField(_l("Kind"), choices=[], validators=[DataRequired()])
    institute = SelectField(_l("Institute"), choices=[], coerce=int, validators=[InputRequired()])
    authors = StringField(_l("Authors"), validators=[Optional(), Length(max=300)])
    licence = SelectField(_l("Licence"), choices=choices(LICENCES.items()), default="CC-BY-4.0")
    axis = SelectField(
        _l("Plan axis"), choices=choices([("", _l("None")), *AXES.items()]), validators=[Optional()], default=""
    )
    themes = MultiCheckboxField(
        _l("Eco-checklist themes"), choices=choices((c, f"{c} · {t}") for c, t in THEMES.items())
    )
    tags = StringField(_l("Tags"), validators=[Optional(), Length(max=MAX_TAGS * (TAG_MAX + 2))])
    links = TextAreaField(_l("Links"), validators=[Optional(), Length(max=MAX_LINKS * 600)])
    budget = FieldList(FormField(BudgetLineForm), label=BUDGET_TITLE, min_entries=BUDGET_EMPTY_ROWS)
    rider = TextAreaField(KIT_PARTS["rider"], validators=[Optional(), Length(max=KIT_PART_MAX)])
    timeline = TextAreaField(KIT_PARTS["timeline"], validators=[Optional(), Length(max=KIT_PART_MAX)])
    partners = TextAreaField(KIT_PARTS["partners"], validators=[Optional(), Length(max=KIT_PART_MAX)])
    went_well = TextAreaField(KIT_PARTS["went_well"], validators=[Optional(), Length(max=KIT_PART_MAX)])
    went_badly = TextAreaField(KIT_PARTS["went_badly"], validators=[Optional(), Length(max=KIT_PART_MAX)])
    contacts = TextAreaField(KIT_PARTS["contacts"], validators=[Optional(), Length(max=KIT_PART_MAX)])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._currencies = currency_choices()
        for entry in self.budget:
            entry.form.currency.choices = self._currencies
        self.budget_lines: list[dict[str, Any]] = []

    def add_budget_rows(self, count: int = BUDGET_EMPTY_ROWS) -> None:
        """Blank rows below the others, up to the most a kit holds."""
        for _n in range(max(0, min(count, budget.MAX_LINES - len(self.budget.entries)))):
            entry = self.budget.append_entry()
            entry.form.currency.choices = self._currencies

    def check_budget(self) -> bool:
        """Each filled row becomes a line (``budget_lines``); a row that cannot gets its message, naming it."""
        lines = []
        valid = True
        for number, entry in enumerate(self.budget.entries, start=1):
            row = entry.form
            label, note = (row.label.data or "").strip(), (row.note.data or "").strip()
            currency = (row.currency.data or "").strip().upper()
            try:
                amount = budget.parse_amount(row.amount.data)
            except budget.AmountError:
                row.amount.errors = [
                    _l("Line %(line)s: the amount is not a number (for example 1200 or 1 200,50).", line=number)
                ]
                valid = False
                continue
            if amount is None:
                if label or note:
                    lines.append(budget.line(label, None, None, note))
                continue
            if amount < 0:
                row.amount.errors = [_l("Line %(line)s: an amount cannot be negative.", line=number)]
            elif not label:
                row.label.errors = [_l("Line %(line)s: say what this amount is for.", line=number)]
            elif not currency:
                row.currency.errors = [_l("Line %(line)s: choose the currency of this amount.", line=number)]
            elif currency not in budget.CURRENCIES:
                row.currency.errors = [
                    _l("Line %(line)s: %(currency)s is not one of the currencies offered.", line=number,
                       currency=currency[:10])
                ]  # fmt: skip
            else:
                lines.append(budget.line(label, amount, currency, note))
                continue
            valid = False
        if len(lines) > budget.MAX_LINES:
            self.form_errors.append(_l("At most %(count)s budget lines.", count=budget.MAX_LINES))
            valid = False
        self.budget_lines = lines if valid else []
        return valid

    def validate_links(self, field: Any) -> None:
        try:
            links = parse_links(field.data)
        except ValueError as error:
            raise ValidationError(
                _l("Only http and https addresses are accepted: %(address)s", address=str(error)[:200])
            ) from error
        if len(links) > MAX_LINKS:
            raise ValidationError(_l("At most %(count)s links.", count=MAX_LINKS))

    def validate_tags(self, field: Any) -> None:
        if len(parse_tags(field.data)) > MAX_TAGS:
            raise ValidationError(_l("At most %(count)s tags.", count=MAX_TAGS))

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        valid = self.check_budget() and valid
        if valid and not any((getattr(self, lang)["title"].data or "").strip() for lang in LANGUAGES):
            self.form_errors.append(_l("Give the resource a title in at least one language."))
            getattr(self, LANGUAGES[0])["title"].errors = [_l("A title is needed in at least one language.")]
            return False
        return valid

    def text_values(self) -> dict[str, dict[str, str]]:
        return {
            lang: {name: getattr(self, lang)[name].data or "" for name, _l_, _m in TEXT_FIELDS} for lang in LANGUAGES
        }

    def kit_values(self) -> dict[str, str]:
        return {part: (getattr(self, part).data or "").strip() for part in KIT_PARTS}

    def fill(self, resource: Any) -> None:
        """Show a stored resource (``obj=`` cannot: texts, tags, links and the kit live in JSON columns)."""
        self.version.data = resource.version
        self.kind.data = resource.kind
        self.institute.data = resource.institute_id
        self.authors.data = resource.authors
        self.licence.data = resource.licence
        self.axis.data = resource.axis or ""
        self.themes.data = list(resource.themes or [])
        self.tags.data = ", ".join(resource.tags or [])
        self.links.data = "\n".join(
            f"{link['label']} | {link['url']}" if link.get("label") else link["url"] for link in resource.links or []
        )
        for part in KIT_PARTS:
            getattr(self, part).data = (resource.kit or {}).get(part, "")
        while self.budget.entries:
            self.budget.pop_entry()
        for stored in resource.budget or []:
            entry = self.budget.append_entry()
            entry.form.currency.choices = self._currencies
            entry.form.label.data = stored.get("label", "")
            entry.form.amount.data = stored.get("amount") or ""
            entry.form.currency.data = stored.get("currency") or ""
            entry.form.note.data = stored.get("note", "")
        self.add_budget_rows()
        for lang in LANGUAGES:
            stored = resource.texts_in(lang)
            for name, _label, _m in TEXT_FIELDS:
                getattr(self, lang)[name].data = stored.get(name, "")


for _language in LANGUAGES:
    setattr(ResourceForm, _language, FormField(_language_form(_language), separator="-"))


class CurateForm(FlaskForm):
    """A curator's decision; ``request-changes`` needs a comment for the author."""

    action = HiddenField(validators=[DataRequired()])
    comment = TextAreaField(_l("Comment for the author"), validators=[Length(max=5000)])

    def validate_comment(self, field: Any) -> None:
        if self.action.data == "request-changes" and not (field.data or "").strip():
            raise ValidationError(_l("Say what should change."))


class AttachmentForm(FlaskForm):
    file = FileField(_l("File"), validators=[DataRequired()])


class ReuseForm(FlaskForm):
    """ "We reused this": when, what changed, how many people came."""

    institute = SelectField(_l("Institute"), choices=[], coerce=int, validators=[InputRequired()])
    reused_on = DateField(_l("When"), validators=[InputRequired()])
    note = TextAreaField(_l("What you changed"), validators=[Optional(), Length(max=5000)])
    attendance = IntegerField(_l("How many people came"), validators=[Optional(), NumberRange(min=0, max=1_000_000)])


class CuratorForm(FlaskForm):
    email = StringField(_l("Email of the person to name curator"), validators=[DataRequired(), Length(max=254)])

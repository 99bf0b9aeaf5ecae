"""Templates to and from one YAML file (JSON is valid YAML, so a JSON file imports too).

The format, documented in the README (section "Checklist templates: the file format"):

```yaml
format: sonores-checklist/1
code: eco                      # the template family; versions follow each other under one code
version: 1
year: 2027
title: {fr: ..., es: ..., pt: ..., en: ...}
pillars:
  - code: ENV
    title: {fr: ...}
    themes:
      - code: ENV-STR
        title: {fr: ...}
        items:
          - code: ENV-STR-01
            type: ypn            # ypn, number, percent, choice, multi, text, file
            weight: 2            # 1 to 3
            kpi: false
            evidence: true
            unit: kWh            # number items
            question: {fr: ..., es: ..., pt: ..., en: ...}
            help: {fr: ...}
            options:             # choice and multi items
              - {key: none, score: 0, label: {fr: ...}}
            rules: {thresholds: [[0, 0], [100, 1]], direction: up, step: 5, target: 60, min: 0, max: 1000000}
            replaces: ENV-OLD-01  # a material rewording of an older item
```

:func:`parse` returns the data and a list of :class:`Problem` (line, message); nothing is written until
:func:`build` is called, after the person confirmed the preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from flask_babel import lazy_gettext as _l

from sonores_lms.config import LANGUAGES
from sonores_lms.database import utcnow
from sonores_lms.extensions import db

from .models import AnswerType, Item, Pillar, Template, TemplateStatus, Theme

FORMAT = "sonores-checklist/1"
CODE = re.compile(r"^[A-Z]{2,5}(-[A-Z]{2,5}(-\d{2,3})?)?$")
FAMILY = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
SCORED_OPTIONS = {AnswerType.CHOICE.value, AnswerType.MULTI.value}
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: Any

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else str(self.message)


class _Lines(dict):  # type: ignore[type-arg]
    """A mapping that knows the line it started on."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Lines:
    found = _Lines(loader.construct_mapping(node, deep=True))
    found.line = node.start_mark.line + 1
    return found


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _line(value: Any, fallback: int | None = None) -> int | None:
    return getattr(value, "line", None) or fallback


def _texts(value: Any, where: Any, field: str, problems: list[Problem], *, required: bool) -> dict[str, str]:
    if value is None:
        if required:
            problems.append(Problem(_line(where), _l("“%(field)s” is missing.", field=field)))
        return {}
    if not isinstance(value, dict):
        problems.append(
            Problem(_line(where), _l("“%(field)s” must list texts by language (fr, es, pt, en).", field=field))
        )
        return {}
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        problems.append(
            Problem(
                _line(value),
                _l("Unknown language in “%(field)s”: %(langs)s.", field=field, langs=", ".join(map(str, unknown))),
            )
        )
    if required and not str(value.get("fr") or "").strip():
        problems.append(Problem(_line(value), _l("“%(field)s” needs its French text.", field=field)))
    return {lang: str(text).strip() for lang, text in value.items() if lang in LANGUAGES and text}


def parse(text: str) -> tuple[dict[str, Any], list[Problem]]:
    """Read and check a template file: (data, problems). The data is usable only when there are no problems."""
    problems: list[Problem] = []
    if len(text.encode("utf-8")) > MAX_BYTES:
        return {}, [Problem(None, _l("The file is too large for a template."))]
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [
            Problem(
                mark.line + 1 if mark else None,
                _l("This is not valid YAML or JSON: %(error)s", error=getattr(error, "problem", "") or str(error)),
            )
        ]
    if not isinstance(data, dict):
        return {}, [Problem(1, _l("The file must describe one template (a mapping with code, year and pillars)."))]
    if data.get("format") != FORMAT:
        problems.append(Problem(_line(data), _l("“format” must be %(format)s.", format=FORMAT)))
    if not FAMILY.match(str(data.get("code") or "")):
        problems.append(Problem(_line(data), _l("“code” must be a short lower-case name, such as eco.")))
    for key in ("year", "version"):
        value = data.get(key, 1 if key == "version" else None)
        if not isinstance(value, int) or isinstance(value, bool) or not (1 <= value <= 9999):
            problems.append(Problem(_line(data), _l("“%(field)s” must be a whole number.", field=key)))
    data["title"] = _texts(data.get("title"), data, "title", problems, required=True)
    pillars = data.get("pillars")
    if not isinstance(pillars, list) or not pillars:
        problems.append(Problem(_line(data), _l("“pillars” must list at least one pillar.")))
        return data, problems
    seen: set[str] = set()
    for pillar in pillars:
        _check_node(pillar, "pillar", seen, problems, data)
        for theme in pillar.get("themes") or [] if isinstance(pillar, dict) else []:
            _check_node(theme, "theme", seen, problems, pillar)
            for item in theme.get("items") or [] if isinstance(theme, dict) else []:
                _check_item(item, seen, problems, theme)
    return data, problems


def _check_node(node: Any, kind: str, seen: set[str], problems: list[Problem], parent: Any) -> None:
    if not isinstance(node, dict):
        message = _l("A pillar must be a mapping.") if kind == "pillar" else _l("A theme must be a mapping.")
        problems.append(Problem(_line(parent), message))
        return
    code = str(node.get("code") or "")
    if not CODE.match(code):
        problems.append(
            Problem(_line(node), _l("“%(code)s” is not a valid code (such as ENV, ENV-ENE, ENV-ENE-03).", code=code))
        )
    elif code in seen:
        problems.append(Problem(_line(node), _l("The code %(code)s is used twice.", code=code)))
    seen.add(code)
    node["title"] = _texts(node.get("title"), node, "title", problems, required=True)
    children = "themes" if kind == "pillar" else "items"
    if not isinstance(node.get(children), list) or not node.get(children):
        problems.append(Problem(_line(node), _l("“%(field)s” must list at least one entry.", field=children)))


def _check_item(item: Any, seen: set[str], problems: list[Problem], theme: Any) -> None:
    if not isinstance(item, dict):
        problems.append(Problem(_line(theme), _l("An item must be a mapping.")))
        return
    code = str(item.get("code") or "")
    line = _line(item)
    if not CODE.match(code) or code.count("-") != 2:
        problems.append(Problem(line, _l("“%(code)s” is not a valid item code (such as ENV-ENE-03).", code=code)))
    elif code in seen:
        problems.append(Problem(line, _l("The code %(code)s is used twice.", code=code)))
    elif not code.startswith(str(theme.get("code")) + "-"):
        problems.append(
            Problem(
                line,
                _l("The item %(code)s does not belong to the theme %(theme)s.", code=code, theme=theme.get("code")),
            )
        )
    seen.add(code)
    kind = item.get("type")
    if kind not in {t.value for t in AnswerType}:
        problems.append(
            Problem(line, _l("“type” must be one of: %(types)s.", types=", ".join(t.value for t in AnswerType)))
        )
    weight = item.get("weight", 1)
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 3:
        problems.append(Problem(line, _l("“weight” must be 1, 2 or 3.")))
    item["question"] = _texts(item.get("question"), item, "question", problems, required=True)
    item["help"] = _texts(item.get("help"), item, "help", problems, required=False)
    options = item.get("options") or []
    if kind in SCORED_OPTIONS:
        if not isinstance(options, list) or len(options) < 2:
            problems.append(Problem(line, _l("A choice item needs at least two options.")))
        else:
            for option in options:
                if not isinstance(option, dict) or not option.get("key"):
                    problems.append(Problem(_line(option, line), _l("Each option needs a key.")))
                    continue
                score = option.get("score", 0)
                if not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 1:
                    problems.append(Problem(_line(option, line), _l("An option's score lies between 0 and 1.")))
                option["label"] = _texts(option.get("label"), option, "label", problems, required=True)
    rules = item.get("rules") or {}
    if not isinstance(rules, dict):
        problems.append(Problem(line, _l("“rules” must be a mapping.")))
    elif "countries" in rules and (
        not isinstance(rules["countries"], list)
        or not all(isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in rules["countries"])
    ):
        problems.append(Problem(_line(rules, line), _l("“countries” lists country codes such as BR or MX.")))
    elif "thresholds" in rules:
        thresholds = rules["thresholds"]
        if not isinstance(thresholds, list) or not all(
            isinstance(t, list) and len(t) == 2 and all(isinstance(v, int | float) for v in t) for t in thresholds
        ):
            problems.append(Problem(_line(rules, line), _l("“thresholds” lists pairs [figure, score].")))


def build(data: dict[str, Any], *, publish: bool = False) -> Template:
    """The template tree from checked data (see :func:`parse`), added to the session."""
    template = Template(code=data["code"], version_number=data.get("version", 1), year=data["year"])
    for lang, text in data["title"].items():
        template.set_texts(lang, {"title": text})
    for p, pillar_data in enumerate(data["pillars"]):
        pillar = Pillar(code=pillar_data["code"], position=p)
        _set(pillar, "title", pillar_data["title"])
        template.pillars.append(pillar)
        for t, theme_data in enumerate(pillar_data["themes"]):
            theme = Theme(code=theme_data["code"], position=t)
            _set(theme, "title", theme_data["title"])
            pillar.themes.append(theme)
            for i, item_data in enumerate(theme_data["items"]):
                item = Item(
                    code=item_data["code"],
                    position=i,
                    answer_type=AnswerType(item_data["type"]),
                    unit=item_data.get("unit"),
                    evidence_required=bool(item_data.get("evidence", False)),
                    weight=item_data.get("weight", 1),
                    kpi=bool(item_data.get("kpi", False)),
                    options=[
                        {"key": str(o["key"]), "score": float(o.get("score", 0)), "label": dict(o["label"])}
                        for o in item_data.get("options") or []
                    ],
                    rules=dict(item_data.get("rules") or {}),
                    replaces=item_data.get("replaces"),
                    template=template,
                )
                for lang in LANGUAGES:
                    values = {
                        field: item_data[field].get(lang)
                        for field in ("question", "help")
                        if item_data[field].get(lang)
                    }
                    if values:
                        item.set_texts(lang, values)
                theme.items.append(item)
    if publish:
        template.status = TemplateStatus.PUBLISHED
        template.published_at = utcnow()
    db.session.add(template)
    return template


def _set(row: Any, field: str, texts: dict[str, str]) -> None:
    for lang in sorted(texts, key=lambda lang: lang != "fr"):  # French first: translations record its fingerprint
        row.set_texts(lang, {field: texts[lang]})


def export(template: Template) -> str:
    """The template as the documented YAML, importable again as it is."""

    def texts(row: Any, field: str) -> dict[str, str]:
        return {lang: values[field] for lang, values in sorted((row.texts or {}).items()) if values.get(field)}

    data: dict[str, Any] = {
        "format": FORMAT,
        "code": template.code,
        "version": template.version_number,
        "year": template.year,
        "title": texts(template, "title"),
        "pillars": [],
    }
    for pillar in template.pillars:
        pillar_data: dict[str, Any] = {"code": pillar.code, "title": texts(pillar, "title"), "themes": []}
        for theme in pillar.themes:
            theme_data: dict[str, Any] = {"code": theme.code, "title": texts(theme, "title"), "items": []}
            for item in theme.items:
                entry: dict[str, Any] = {
                    "code": item.code,
                    "type": item.answer_type.value,
                    "weight": item.weight,
                    "kpi": item.kpi,
                    "evidence": item.evidence_required,
                    "question": texts(item, "question"),
                }
                if texts(item, "help"):
                    entry["help"] = texts(item, "help")
                if item.unit:
                    entry["unit"] = item.unit
                if item.options:
                    entry["options"] = item.options
                if item.rules:
                    entry["rules"] = item.rules
                if item.replaces:
                    entry["replaces"] = item.replaces
                theme_data["items"].append(entry)
            pillar_data["themes"].append(theme_data)
        data["pillars"].append(pillar_data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)

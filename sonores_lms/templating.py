"""What every template can use: navigation, template hooks, languages, safe Markdown, local dates."""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from flask_babel import format_number, get_locale, get_timezone

from .config import LANGUAGES
from .i18n import LANGUAGE_NAMES, LANGUAGE_TITLES, format_size, language_in_sentence
from .markdown import render_markdown
from .multilingual import pick
from .navigation import render_template_hook, visible_nav_items


def init_templating(app: Flask) -> None:
    app.jinja_env.globals.update(
        template_hook=render_template_hook,
        nav_items=visible_nav_items,
        LANGUAGES=LANGUAGES,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
        LANGUAGE_TITLES=LANGUAGE_TITLES,
        language_in_sentence=language_in_sentence,
        pick=pick,
    )
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["filesize"] = format_size
    app.jinja_env.filters["number"] = format_number  # 1,000 / 1 000 / 1.000, as the reader's language writes it
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def _page_context() -> dict[str, Any]:
        return {
            "current_locale": str(get_locale() or "fr"),
            "current_timezone": str(get_timezone() or "UTC"),
            "current_path": request.full_path.rstrip("?") if request else "/",
        }

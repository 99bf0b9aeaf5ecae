"""Author Markdown becomes safe HTML: structure kept, scripts and script-like attributes gone."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from sonores_lms.markdown import render_markdown


def test_keeps_structure():
    html = render_markdown(
        "## Objectifs\n\n"
        "Un paragraphe avec **gras** et *italique*.\n\n"
        "- premier\n- second\n\n"
        "1. un\n2. deux\n\n"
        "| Axe | Heures |\n|---|---:|\n| Accueil | 12 |\n"
    )
    assert isinstance(html, Markup)
    assert "<h2>Objectifs</h2>" in html
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<ul>" in html and "<li>premier</li>" in html
    assert "<ol>" in html and "<li>deux</li>" in html
    assert "<table>" in html and "<th>Axe</th>" in html and ">12</td>" in html


def test_top_level_heading_is_demoted_to_text():
    # The page's own title is the only <h1>; an author's "# Title" keeps its words but not the tag.
    html = render_markdown("# Titre\n\ntexte")
    assert "<h1>" not in html and "Titre" in html


def test_links_are_kept_with_rel_noopener():
    html = render_markdown("[Le site](https://example.org/page) et <a href='mailto:a@example.org'>écrire</a>")
    assert 'href="https://example.org/page"' in html
    assert 'href="mailto:a@example.org"' in html
    assert html.count('rel="noopener noreferrer nofollow"') == 2


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>texte", "<script"),
        ("<script>alert(1)</script>texte", "alert(1)"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<p onclick="steal()">clic</p>', "onclick"),
        ("[clic](javascript:alert(1))", 'href="javascript'),  # markdown-it leaves it as plain text
        ('<a href="javascript:alert(1)">clic</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">clic</a>', "alert"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">clic</a>', "data:"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<p style="position:fixed">x</p>', "style="),
        ("<!-- secret -->visible", "secret"),
    ],
)
def test_strips_dangerous_content(source, forbidden):
    html = render_markdown(source)
    assert forbidden.lower() not in html.lower()


def test_text_of_stripped_elements_survives():
    html = render_markdown('<p onclick="steal()">clic ici</p>')
    assert "clic ici" in html


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_input(empty):
    assert render_markdown(empty) == Markup("")

"""Access rows for the knowledge base: everyone signed in reads published resources and contributes; a draft is
seen by its author and the curators (administrators of the network); the feed is public."""

from __future__ import annotations

from typing import Any

from tests.access import ALL, SIGN_IN, SIGNED_IN, each, only

CURATORS = only(("admin",))
FOUND_BY_NOBODY = each(404)
ALL_SIGNED_IN_CONFLICT = {**each(409)}

ROWS: dict[str, Any] = {
    "knowledge.index": [
        ("GET", "/knowledge/", SIGNED_IN),
        ("GET", "/knowledge/?q=musique&kind=programme-kit", SIGNED_IN),
    ],
    "knowledge.resource": [
        ("GET", "/knowledge/r/{kn_published}", SIGNED_IN),
        # Someone else's draft: its author (not in the matrix) and the curators.
        ("GET", "/knowledge/r/{kn_draft}", CURATORS),
        ("GET", "/knowledge/r/nothing-here", FOUND_BY_NOBODY),
    ],
    "knowledge.new": [("GET", "/knowledge/new", SIGNED_IN), ("POST", "/knowledge/new", SIGNED_IN)],
    "knowledge.edit": [
        ("GET", "/knowledge/r/{kn_published}/edit", CURATORS),
        ("POST", "/knowledge/r/{kn_published}/edit", CURATORS),
        ("GET", "/knowledge/r/{kn_archived}/edit", only(("staff", "trainer", "auditor", "admin", "director"), 403)),
    ],
    "knowledge.submit": [("POST", "/knowledge/r/{kn_draft}/submit", only(("admin",), 403))],
    # An empty decision: a curator is sent back to the page (302) to choose one.
    "knowledge.curate": [("POST", "/knowledge/r/{kn_published}/curate", only(("admin",), 302))],
    "knowledge.review": [("GET", "/knowledge/review", CURATORS)],
    # No file: the page comes back with its message.
    "knowledge.attach": [("POST", "/knowledge/r/{kn_published}/files", only(("admin",), 302))],
    "knowledge.attachment": [
        ("GET", "/knowledge/files/{kn_file}", SIGNED_IN),
        ("GET", "/knowledge/files/{kn_draft_file}", CURATORS),
    ],
    "knowledge.history": [
        ("GET", "/knowledge/r/{kn_published}/history", SIGNED_IN),
        ("GET", "/knowledge/r/{kn_draft}/history", CURATORS),
    ],
    "knowledge.revision": [
        ("GET", "/knowledge/r/{kn_published}/history/1", SIGNED_IN),
        ("GET", "/knowledge/r/{kn_published}/history/99", each(404)),
    ],
    "knowledge.restore": [("POST", "/knowledge/r/{kn_published}/history/1/restore", only(("admin",), 302))],
    "knowledge.reuse": [
        ("GET", "/knowledge/r/{kn_published}/reuse", SIGNED_IN),
        ("POST", "/knowledge/r/{kn_published}/reuse", SIGNED_IN),  # an empty form comes back with its messages
        ("GET", "/knowledge/r/{kn_draft}/reuse", {**CURATORS, "admin": 409}),
    ],
    "knowledge.network": [("GET", "/knowledge/network", SIGNED_IN)],
    "knowledge.feed": [
        ("GET", "/knowledge/feed.atom", ALL),
        ("GET", "/knowledge/feed.atom?axis=communication", ALL),
        ("GET", "/knowledge/feed.atom?axis=nowhere", {role: 404 for role in ALL}),
    ],
    "knowledge.export": [
        ("GET", "/knowledge/r/{kn_published}.json", SIGNED_IN),
        ("GET", "/knowledge/r/{kn_draft}.json", CURATORS),
    ],
    "knowledge.curators": [("GET", "/knowledge/curators", CURATORS), ("POST", "/knowledge/curators", CURATORS)],
    "knowledge.remove_curator": [("POST", "/knowledge/curators/{kn_curator}/remove", only(("admin",), 302))],
}

assert SIGN_IN == 302


def objects(make: Any) -> dict[str, Any]:
    import io

    from knowledge import files
    from tests.fixtures.knowledge import build_resource

    make.app.config["KNOWLEDGE_UPLOAD_FOLDER"] = make.app.config.get("COURSES_UPLOAD_FOLDER") + "-knowledge"
    author = make.create_user(roles=("staff",))
    curator = make.create_user(roles=("admin",))
    institute = make.create_institute(name="Alliance Française de Lima", country="PE", city="Lima")
    texts = {"fr": {"title": "Format de débat", "summary": "Un débat citoyen."}}
    published = build_resource(curator, institute=institute, texts=texts, axis="communication")
    draft = build_resource(author, status="draft", institute=institute, texts=texts)
    archived = build_resource(curator, status="archived", institute=institute, texts=texts)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    stored = files.attach(published, io.BytesIO(pdf), "kit.pdf", actor=curator)
    draft_file = files.attach(draft, io.BytesIO(pdf), "brouillon.pdf", actor=author)
    named = make.create_user(roles=("staff",))
    from knowledge.resources import name_curator

    name_curator(named, actor=curator)
    return {
        "kn_published": published.uid,
        "kn_draft": draft.uid,
        "kn_archived": archived.uid,
        "kn_file": stored.uid,
        "kn_draft_file": draft_file.uid,
        "kn_curator": named.id,
    }

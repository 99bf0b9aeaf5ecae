"""A resource's life: contributed as a draft, reviewed, published, featured, archived; revisions, diff, restore."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from knowledge import resources
from knowledge.models import FacetValue, Resource, Revision, Status
from sonores_lms import search
from sonores_lms.audit.models import AuditEntry


def form(**overrides):
    data = {
        "kind": "event-format",
        "institute": "",
        "authors": "Équipe culturelle",
        "licence": "CC-BY-SA-4.0",
        "axis": "communication",
        "themes": ["ACC-COM"],
        "tags": "débat, jeunesse",
        "links": "Vidéo | https://example.org/debat\nhttp://example.org/plain",
        "fr-title": "Format de débat citoyen",
        "fr-summary": "Un débat mené par des lycéens.",
        "fr-body": "**Deux heures**, trois intervenants.",
        "es-title": "Formato de debate ciudadano",
        "contacts": "Ana: ana@example.org",
    }
    data.update(overrides)
    return data


@pytest.fixture
def lima(create_institute):
    return create_institute(name="Alliance Française de Lima", country="PE", city="Lima")


def test_a_staff_member_contributes_a_draft_seen_by_them_and_curators_only(client_as, lima, db):
    author = client_as("staff", institute_id=lima.id)
    response = author.post("/knowledge/new", data=form(institute=lima.id))
    assert response.status_code == 302
    resource = db.session.scalars(select(Resource)).one()
    db.session.expire_all()
    assert resource.status == Status.DRAFT and resource.country == "PE"
    assert resource.tags == ["débat", "jeunesse"] and resource.themes == ["ACC-COM"]
    assert resource.links[0] == {"url": "https://example.org/debat", "label": "Vidéo"}
    assert resource.kit == {"contacts": "Ana: ana@example.org"}
    assert resource.languages == ["fr", "es"]
    page = author.get(f"/knowledge/r/{resource.uid}").get_data(as_text=True)
    assert "<strong>Deux heures</strong>" in page and "Send for review" in page
    assert client_as("staff").get(f"/knowledge/r/{resource.uid}").status_code == 403
    assert client_as("admin").get(f"/knowledge/r/{resource.uid}").status_code == 200
    # Not searchable until published.
    assert search.search("knowledge_fts", "débat").total == 0


@pytest.mark.parametrize(
    "scheme", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://x.org/a"]
)
def test_a_link_with_another_scheme_is_refused_on_the_form(client_as, lima, db, scheme):
    author = client_as("staff")
    response = author.post("/knowledge/new", data=form(institute=lima.id, links=f"Piège | {scheme}"))
    assert response.status_code == 200
    assert "Only http and https addresses are accepted" in response.get_data(as_text=True)
    assert db.session.scalar(select(Resource.id)) is None


def test_a_title_is_needed_in_some_language(client_as, lima, db):
    response = client_as("staff").post(
        "/knowledge/new", data=form(institute=lima.id, **{"fr-title": "", "es-title": ""})
    )
    assert response.status_code == 200 and "at least one language" in response.get_data(as_text=True)
    assert db.session.scalar(select(Resource.id)) is None


def test_review_publish_feature_archive(client_as, lima, db, make_resource):
    author = client_as("staff")
    curator = client_as("admin")
    resource = make_resource(author.user, status="draft", institute=lima)
    assert author.post(f"/knowledge/r/{resource.uid}/submit").status_code == 302
    db.session.expire_all()
    assert resource.status == Status.IN_REVIEW
    assert resource.uid in curator.get("/knowledge/review").get_data(as_text=True)
    # Asking for changes needs a comment.
    curator.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "request-changes", "comment": ""})
    db.session.expire_all()
    assert resource.status == Status.IN_REVIEW
    curator.post(
        f"/knowledge/r/{resource.uid}/curate", data={"action": "request-changes", "comment": "Ajoutez le budget."}
    )
    db.session.expire_all()
    assert resource.status == Status.CHANGES_REQUESTED
    assert "Ajoutez le budget." in author.get(f"/knowledge/r/{resource.uid}").get_data(as_text=True)
    author.post(f"/knowledge/r/{resource.uid}/submit")
    # Staff cannot publish.
    assert author.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "publish"}).status_code == 403
    curator.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "publish"})
    db.session.expire_all()
    assert resource.status == Status.PUBLISHED and resource.published_at is not None
    assert search.search("knowledge_fts", "musique").total == 1
    assert ("kind", "programme-kit") in {(f.facet, f.value) for f in db.session.scalars(select(FacetValue))}
    curator.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "feature"})
    db.session.expire_all()
    assert resource.featured
    # The author may no longer edit it once published; a curator may.
    assert author.get(f"/knowledge/r/{resource.uid}/edit").status_code == 403
    curator.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "archive"})
    db.session.expire_all()
    assert resource.status == Status.ARCHIVED and not resource.featured
    assert search.search("knowledge_fts", "musique").total == 0
    # Archived: read-only for everyone, still readable.
    assert curator.get(f"/knowledge/r/{resource.uid}/edit").status_code == 403
    assert curator.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "publish"}).status_code == 409
    assert author.get(f"/knowledge/r/{resource.uid}").status_code == 200
    actions = [r.action for r in db.session.scalars(select(Revision).order_by(Revision.number))]
    assert actions == [
        "created", "submitted", "changes-requested", "submitted", "published", "featured", "archived",
    ]  # fmt: skip
    audited = set(db.session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("knowledge.%"))))
    assert {"knowledge.resource-published", "knowledge.resource-archived"} <= audited


def test_a_named_curator_curates(client_as, create_user, make_resource, db):
    admin = client_as("admin")
    helper = client_as("staff")
    resource = make_resource(status="in-review")
    assert helper.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "publish"}).status_code == 403
    assert admin.post("/knowledge/curators", data={"email": helper.user.email.upper()}).status_code == 302
    assert helper.post(f"/knowledge/r/{resource.uid}/curate", data={"action": "publish"}).status_code == 302
    db.session.expire_all()
    assert resource.status == Status.PUBLISHED
    # Named curators curate; naming others stays with administrators.
    assert helper.get("/knowledge/curators").status_code == 403
    unknown = admin.post("/knowledge/curators", data={"email": "nobody@example.org"})
    assert unknown.status_code == 200 and "Nobody active has this email address." in unknown.get_data(as_text=True)
    admin.post(f"/knowledge/curators/{helper.user.id}/remove")
    assert not resources.may_curate(helper.user)


def test_every_change_is_a_revision_with_a_diff_and_restore(client_as, lima, db, make_resource):
    curator = client_as("admin")
    resource = make_resource(
        curator.user, institute=lima, texts={"fr": {"title": "Guide", "body": "Ligne un\nLigne deux"}}
    )
    edited = form(institute=lima.id, version=resource.version, **{"fr-title": "Guide", "fr-body": "Ligne un\nLigne 2"})
    assert curator.post(f"/knowledge/r/{resource.uid}/edit", data=edited).status_code == 302
    last = db.session.scalars(select(Revision).order_by(Revision.number.desc())).first()
    assert last.action == "edited" and last.author_id == curator.user.id
    page = curator.get(f"/knowledge/r/{resource.uid}/history/{last.number}").get_data(as_text=True)
    assert "<del>- Ligne deux</del>" in page and "<ins>+ Ligne 2</ins>" in page
    history = curator.get(f"/knowledge/r/{resource.uid}/history").get_data(as_text=True)
    assert curator.user.full_name in history
    # A stale form is refused with 409, nothing written.
    stale = curator.post(f"/knowledge/r/{resource.uid}/edit", data={**edited, "version": 1, "fr-body": "Autre"})
    assert stale.status_code == 409
    db.session.expire_all()
    assert resource.texts_in("fr")["body"] == "Ligne un\nLigne 2"
    # Restore the first revision: its text comes back, as a new revision.
    assert curator.post(f"/knowledge/r/{resource.uid}/history/1/restore").status_code == 302
    db.session.expire_all()
    assert resource.texts_in("fr")["body"] == "Ligne un\nLigne deux"
    assert db.session.scalars(select(Revision).order_by(Revision.number.desc())).first().action == "restored"
    assert search.search("knowledge_fts", "deux").total == 1


def test_diff_of_snapshots():
    changes = resources.diff(
        {"texts": {"fr": {"title": "A"}}, "tags": ["x"]},
        {"texts": {"fr": {"title": "B"}, "es": {"title": "C"}}, "tags": ["x", "y"]},
    )
    labels = [change.label for change in changes]
    assert labels == ["title (fr)", "title (es)", "tags"]
    assert ("-", "A") in changes[0].lines and ("+", "B") in changes[0].lines


def test_translation_status_and_fallback(client_as, make_resource):
    resource = make_resource(texts={"fr": {"title": "Guide d'accessibilité"}, "es": {"title": "Guía"}})
    assert resource.translation_status("es").value == "up-to-date"
    resource.set_texts("fr", {"title": "Guide d'accessibilité, édition 2"})
    assert resource.translation_status("es").value == "stale"
    assert resource.translation_status("pt").value == "missing"
    page = client_as("staff", locale="pt").get(f"/knowledge/r/{resource.uid}").get_data(as_text=True)
    assert 'lang="fr"' in page


def test_the_facet_counts_follow_every_change(make_resource, client_as, db):
    from sqlalchemy import func

    from knowledge.indexing import rebuild_index
    from knowledge.models import FacetCount

    def kept():
        return {(c.facet, c.value): c.count for c in db.session.scalars(select(FacetCount)) if c.count}

    def counted():
        rows = db.session.execute(
            select(FacetValue.facet, FacetValue.value, func.count()).group_by(FacetValue.facet, FacetValue.value)
        )
        return {(f, v): n for f, v, n in rows}

    admin = client_as("admin")
    first = make_resource(admin.user, kind="guide", themes=["ENV-DIG"])
    second = make_resource(admin.user, kind="guide", themes=["ENV-DIG", "ACC-COM"])
    make_resource(admin.user, status="draft", kind="template")
    assert kept() == counted() and kept()[("kind", "guide")] == 2
    resources.curate(second, "archive", actor=admin.user)
    data = resources.ResourceData(kind="template", institute_id=None, texts={"fr": {"title": "Autre"}})
    resources.update(first, data, actor=admin.user, version=None)
    assert kept() == counted()
    assert ("kind", "guide") not in kept() and kept()[("kind", "template")] == 1
    before = kept()
    rebuild_index()
    assert kept() == before


def test_the_index_is_rebuilt_from_the_command_line(app, make_resource, db):
    make_resource(texts={"fr": {"title": "Veillée de contes"}})
    search.rebuild("knowledge_fts", [])  # as after a restore: an empty index
    assert search.search("knowledge_fts", "contes").total == 0
    result = app.test_cli_runner().invoke(args=["knowledge", "reindex"])
    assert result.exit_code == 0 and "1 resources indexed" in result.output
    assert search.search("knowledge_fts", "contes").total == 1

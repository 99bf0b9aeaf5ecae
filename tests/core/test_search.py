"""The core search module: the same cases on SQLite and PostgreSQL (run with ``--db sqlite`` and ``--db postgresql``).

Each test creates a throw-away index inside the test's transaction, as a migration would, so the core's module is
tested without any plugin.
"""

from __future__ import annotations

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import literal, select, text, union_all

from sonores_lms import search

INDEX = "coretest_fts"

DOCUMENTS = {
    1: {"es": ("Educación popular", "La educación como práctica de libertad en los barrios de Lima.")},
    2: {"es": ("Lengua de señas", "Cada señal cuenta: talleres de lengua de señas para el público sordo.")},
    3: {
        "fr": ("Fête de la musique", "Un concert diffusé en direct depuis la cour de l'Alliance, avec les écoles."),
        "en": ("Music day", "A concert streamed live from the Alliance's courtyard, with schools."),
    },
    4: {"pt": ("Exposições acessíveis", "Como preparar exposições acessíveis com audiodescrição e Libras.")},
    5: {"en": ("Touring plans", "Low-carbon touring: pooling dates between institutes, trains over flights.")},
    6: {"fr": ("Débat citoyen", "Un format de débat: <script>alert(1)</script> & les jeunes publics.")},
}


@pytest.fixture
def index(db):
    connection = db.session.connection()
    search.create_index(Operations(MigrationContext.configure(connection)), INDEX)
    for key, texts in DOCUMENTS.items():
        search.index_document(INDEX, key, texts)
    return INDEX


def keys(results: search.Results) -> list[int]:
    return [hit.key for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("educacion", [1]),  # without the accent
        ("EDUCACIÓN", [1]),  # upper case, with it
        ("senal", [2]),  # ñ folded
        ("señal", [2]),
        ("musique", [3]),
        ("fete", [3]),
        ("concert streamed", [3]),  # every word, in the English text
        ("exposicoes acessiveis", [4]),
        ("touring", [5]),
    ],
)
def test_accent_and_case_insensitive(index, query, expected):
    assert keys(search.search(index, query)) == expected


def test_stemming_finds_other_forms(index):
    # English on both databases (FTS5's Porter stemmer; PostgreSQL's english configuration).
    assert keys(search.search(index, "tour")) == [5]
    assert keys(search.search(index, "concerts")) == [3]


@pytest.mark.skipif("config.getoption('--db') != 'postgresql'")
def test_postgresql_stems_each_language_with_its_own_rules(index):
    assert keys(search.search(index, "diffusés")) == [3]  # French: diffusé
    assert keys(search.search(index, "practicas")) == [1]  # Spanish: práctica
    assert keys(search.search(index, "barrio")) == [1]
    assert keys(search.search(index, "preparo")) == [4]  # Portuguese: preparar


def test_all_words_must_match(index):
    assert keys(search.search(index, "concert lima")) == []


def test_ranked_title_before_body(index):
    search.index_document(index, 7, {"fr": ("Un autre texte", "On y parle de musique une fois.")})
    assert keys(search.search(index, "musique")) == [3, 7]


def test_snippets_are_escaped_and_highlighted(index):
    hit = search.search(index, "débat jeunes").hits[0]
    assert hit.key == 6
    # The author's markup is never markup in a snippet (escaped by SQLite, dropped by PostgreSQL's headline).
    assert "<script>" not in str(hit.snippet) and "&amp; les" in str(hit.snippet)
    assert "<mark>jeunes</mark>" in hit.snippet
    assert "<mark>Débat</mark>" in hit.title


def test_snippet_in_the_readers_language_when_it_matches(index):
    assert search.search(index, "concert", language="en").hits[0].language == "en"
    assert search.search(index, "concert", language="fr").hits[0].language == "fr"
    assert search.search(index, "streamed", language="fr").hits[0].language == "en"


def test_one_hit_per_document_and_total(index):
    results = search.search(index, "concert")
    assert keys(results) == [3] and results.total == 1


def test_within_restricts_to_the_owners_rows(index):
    allowed = union_all(select(literal(1).label("id")), select(literal(5).label("id")))
    found = search.search(index, "educacion", within=select(allowed.subquery().c.id))
    assert keys(found) == [1] and found.total == 1
    assert search.count(index, "educacion", within=select(allowed.subquery().c.id)) == 1
    assert keys(search.search(index, "musique", within=select(allowed.subquery().c.id))) == []


def test_paging(index):
    for key in range(10, 25):
        search.index_document(index, key, {"fr": (f"Atelier {key}", "Un atelier de chant.")})
    first = search.search(index, "atelier", limit=10)
    second = search.search(index, "atelier", limit=10, offset=10)
    assert first.total == second.total == 15
    assert len(first.hits) == 10 and len(second.hits) == 5
    assert not set(keys(first)) & set(keys(second))
    beyond = search.search(index, "atelier", limit=10, offset=50)
    assert beyond.hits == [] and beyond.total == 15


def test_reindexing_replaces_and_removing_forgets(index):
    search.index_document(index, 5, {"fr": ("Tournée bas carbone", "Des trains plutôt que des avions.")})
    assert keys(search.search(index, "flights")) == []
    assert keys(search.search(index, "trains")) == [5]
    search.remove_document(index, 5)
    assert keys(search.search(index, "trains")) == []


def test_rebuild(index):
    count = search.rebuild(index, [(40, {"es": ("Plantilla", "Calendario de redes sociales")})])
    assert count == 1
    assert keys(search.search(index, "calendario")) == [40]
    assert keys(search.search(index, "educacion")) == []


HOSTILE = [
    '"',
    '"educación',
    "educación NEAR señal",
    "NEAR(educación señal)",
    "educ*",
    "*",
    "((educación",
    "educación)",
    "title:educación",
    "AND OR NOT",
    "-educación",
    "^educación",
    "🎵🎶",
    "🎵 educación 🎶",
    "x" * 10_000,
    "educación " * 2_000,
    "'; DROP TABLE coretest_fts; --",
    "\x00\x02\x03",
    "",
    "   ",
    None,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_is_safe(index, query):
    results = search.search(index, query)
    assert isinstance(results, search.Results)
    assert set(keys(results)) <= {1}
    # The index is still there and still works.
    assert keys(search.search(index, "educacion")) == [1]


def test_hostile_words_are_searched_as_plain_words(index):
    search.index_document(index, 8, {"en": ("Near and far", "Or not: a title.")})
    assert keys(search.search(index, "NEAR")) == [8]
    assert keys(search.search(index, '"near" (far')) == [8]


def test_terms():
    assert search.terms('  Educación "NEAR" (señal*) 🎵 ') == ["educación", "near", "señal"]
    assert len(search.terms("a b c d e f g h i j k l m n o p")) == search.MAX_TERMS
    assert search.terms("🎵") == []


def test_index_tables_are_recognised():
    assert search.is_index_table("knowledge_fts")
    assert search.is_index_table("knowledge_fts_docsize")
    assert not search.is_index_table("knowledge_resources")
    with pytest.raises(ValueError):
        search.create_index(None, "knowledge_search")


def test_counting_stops_at_the_cap(index):
    for key in range(10, 25):
        search.index_document(index, key, {"fr": (f"Atelier {key}", "Un atelier de chant.")})
    assert search.count(index, "atelier") == 15
    assert search.count(index, "atelier", cap=5) == 5


# --- Two tiers: titles first, then the other matches ranked among the first CANDIDATES -----------------------------


def _many(first_key: int, how_many: int, title: str, body: str) -> list[tuple[int, dict[str, tuple[str, str]]]]:
    return [(key, {"fr": (f"{title} {key}", body)}) for key in range(first_key, first_key + how_many)]


def test_a_title_match_ranks_before_body_only_matches(index):
    # Newer documents that say "chorale" many times in their text, and an older one with it in its title only.
    search.index_document(index, 7, {"es": ("La chorale du quartier", "Ensayos los sábados.")})
    for key in range(30, 60):
        search.index_document(index, key, {"fr": ("Répétitions", "La chorale chante, chorale après chorale.")})
    found = search.search(index, "chorale", limit=5)
    assert keys(found)[0] == 7
    assert len(found.hits) == 5 and found.total == 31 and not found.total_capped
    # The second tier fills the page after the title matches, and pages on through it.
    assert set(keys(found)[1:]) <= set(range(30, 60))
    later = search.search(index, "chorale", limit=5, offset=5)
    assert len(later.hits) == 5 and not set(keys(later)) & set(keys(found))


def test_title_matches_are_ranked_among_themselves(index):
    search.index_document(index, 7, {"fr": ("Chorale, chorale et chorale", "")})
    search.index_document(index, 8, {"fr": ("Une chorale parmi bien d'autres activités du centre culturel", "")})
    assert keys(search.search(index, "chorale")) == [7, 8]


def test_more_than_candidates_matches_are_counted_as_more(index):
    search.rebuild(index, [*_many(100, search.CANDIDATES + 205, "Atelier", "Un chant choral."), *DOCUMENTS.items()])
    found = search.search(index, "chant", limit=20)
    assert found.total == search.CANDIDATES and found.total_capped and not found.counted_all
    assert len(found.candidates) == search.CANDIDATES and len(found.hits) == 20
    # Title matches come first even among more matches than are ranked; one body match stays found.
    titled = search.search(index, "atelier", limit=3)
    assert titled.total_capped and len(titled.hits) == 3
    assert keys(search.search(index, "lima")) == [1]


def test_the_number_of_statements_does_not_grow_with_the_matches(index, count_queries):
    def statements(query: str) -> int:
        with count_queries() as counted:
            search.search(index, query, limit=20)
        return counted.count

    search.rebuild(index, [*_many(100, 40, "Atelier", "Un chant choral."), *DOCUMENTS.items()])
    few_titles, few_bodies = statements("atelier"), statements("chant")
    search.rebuild(index, [*_many(100, search.CANDIDATES + 300, "Atelier", "Un chant choral.")])
    assert statements("atelier") == few_titles
    assert statements("chant") == few_bodies
    # Candidates, titles, second tier, snippets; on PostgreSQL also the planner settings set and put back.
    from sonores_lms.extensions import db

    settings = 0 if db.session.get_bind().dialect.name == "sqlite" else 2
    assert few_bodies <= 4 + settings and few_titles <= 3 + settings


def test_postgresql_planner_settings_are_put_back(index):
    from sonores_lms.extensions import db

    if db.session.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's planner settings")
    search.search(index, "concert", within=select(literal(3).label("id")))
    settings = db.session.execute(
        text("SELECT current_setting('enable_seqscan'), current_setting('enable_mergejoin')")
    ).one()
    assert tuple(settings) == ("on", "on")

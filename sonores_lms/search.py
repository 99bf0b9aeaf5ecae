"""Full-text search in the four languages, one API over SQLite FTS5 and PostgreSQL ``tsvector``.

A plugin owns a *search index*: a table named ``<plugin>_fts`` that its migration creates with
:func:`create_index` and that its services keep current with :func:`index_document` and
:func:`remove_document` whenever the indexed text changes (no trigger: the text lives in JSON columns that a
trigger could not read the same way on both databases). Pages ask :func:`search`, which hides the difference:

- SQLite: an FTS5 table tokenised by ``porter unicode61 remove_diacritics 2``: case- and accent-insensitive
  ("educacion" finds "educación"), with the Porter stemmer, the only one FTS5 offers (English rules; for the
  Romance languages it folds little more than plurals), and a second FTS5 table of the titles alone
  (``<index>_titles``). Ranked by ``bm25``, snippets by ``snippet()``.
- PostgreSQL: a table with a ``tsvector`` per document built with a text search configuration per language
  (``sonores_fr``: French stemming after ``unaccent``, and so on) and a ``titles`` vector of the titles alone, each
  with its GIN index, ranked by ``ts_rank``, snippets by ``ts_headline``.

Ranking is in two tiers, so that its cost does not grow with the number of matches (scoring the tens of thousands
of resources a common word finds took 0.1 s on SQLite and 0.5 to 0.8 s on PostgreSQL at 100,000 resources):

1. the documents whose *title* matches, ranked: few rows, small vectors;
2. only when they do not fill the page asked for, the other matches, ranked among the first :data:`CANDIDATES`
   matches the index gives (the most recent keys on SQLite, the table's order on PostgreSQL), never among all.

Matches are counted up to :data:`CANDIDATES` (past it, :attr:`Results.total_capped`: "more than 1,000"), and a
page's facets are counted over those candidates.

A document is one row per ``key`` (the owner's integer id, a resource's ``id``) with a title and a text column
per language, so one resource is one row to match, rank and count, and its snippet comes from the language that
matched (the reader's when it does). Queries of any content are safe: the text is cut into words (letters and digits only, at most :data:`MAX_TERMS` of them), each
searched as a plain word, so quotes, ``NEAR``, ``*``, parentheses or emoji never reach the database's query syntax;
a query without words finds nothing. Snippets are escaped HTML with ``<mark>`` around the matched words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import text

from .config import LANGUAGES
from .extensions import db

MAX_TERMS = 12  # words of a query that are searched; the rest are ignored
MAX_TERM_LENGTH = 40  # characters of one word
SNIPPET_WORDS = 24
LANGUAGE_ORDER = ("fr", "es", "pt", "en")  # the columns' order: title_fr, body_fr, title_es, ...
COLUMNS = tuple(f"{part}_{language}" for language in LANGUAGE_ORDER for part in ("title", "body"))
TITLE_COLUMNS = tuple(f"title_{language}" for language in LANGUAGE_ORDER)
CANDIDATES = 1000  # matches taken from the index at most: counted, ranked in tier 2, and the facets' base
COUNT_CAP = 10_000  # what count() counts up to by default
PG_CONFIGURATIONS = {"fr": "french", "es": "spanish", "pt": "portuguese", "en": "english"}
INDEX_SUFFIX = "_fts"
TITLES_SUFFIX = "_titles"  # SQLite: the titles' own FTS5 table, <index>_titles
_TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'"
# FTS5 keeps each index in a virtual table and these shadow tables; Alembic's comparison leaves them all out.
_FTS5_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
_START, _STOP = "\x02", "\x03"  # markers no text contains: replaced by <mark> after escaping
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_INDEX_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}_fts")

assert set(LANGUAGE_ORDER) == set(LANGUAGES)


def is_index_table(name: str | None) -> bool:
    """Whether ``name`` is a search index's table (or one of FTS5's shadow tables): the application, not the
    models, defines them, so the migration comparison skips them."""
    if not name:
        return False
    return any(
        name.endswith(INDEX_SUFFIX + titles + suffix)
        for titles in ("", TITLES_SUFFIX)
        for suffix in ("", *_FTS5_SHADOWS)
    )


def _checked(index: str) -> str:
    """``index`` when it is a well-formed index name: names are written into SQL (values are always bound)."""
    if not _INDEX_NAME.fullmatch(index or ""):
        raise ValueError(f"a search index is named <plugin>{INDEX_SUFFIX}, not {index!r}")
    return index


def configuration(language: str) -> str:
    """The PostgreSQL text search configuration that folds accents and stems ``language``."""
    return f"sonores_{language}"


def terms(query: str | None) -> list[str]:
    """The words searched for in ``query``: letters and digits, lower-cased, at most :data:`MAX_TERMS`."""
    words: list[str] = []
    for word in _WORD.findall((query or "")[: MAX_TERMS * (MAX_TERM_LENGTH + 20)]):
        word = unicodedata.normalize("NFC", word.lower())[:MAX_TERM_LENGTH]
        if word not in words:
            words.append(word)
        if len(words) >= MAX_TERMS:
            break
    return words


def fold(value: str) -> str:
    """Lower case without diacritics: what both databases compare."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- Schema (called from migrations) ------------------------------------------------------------------------------


def _titles_table(name: str) -> str:
    return name + TITLES_SUFFIX


def _pg_titles_sql(prefix: str = ":") -> str:
    """The titles' tsvector of a row, each title read by its language's configuration; ``prefix`` ``:`` reads bound
    values, ``""`` the row's own columns."""
    return " || ".join(
        f"to_tsvector('{configuration(language)}'::regconfig, {prefix}title_{language})" for language in LANGUAGE_ORDER
    )


def create_index(op: Any, name: str, *, title_tier: bool = True) -> None:
    """Create the index table ``name`` (it must end in ``_fts``) and its titles' tier in a migration: on
    PostgreSQL, also the ``unaccent`` extension and the four language configurations when they are missing.

    ``title_tier=False`` makes the layout of the indexes made before the titles' tier (``knowledge_0001``: on
    PostgreSQL a ``ranking`` vector instead of ``titles``), which a later revision completes with
    :func:`create_title_tier`; the migrations already written keep building what they built."""
    name = _checked(name)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(COLUMNS)}, {_TOKENIZER})")
        if title_tier:
            create_title_tier(op, name)
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for language, dictionary in PG_CONFIGURATIONS.items():
        config = configuration(language)
        op.execute(
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{config}') THEN
                    CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.{dictionary});
                    ALTER TEXT SEARCH CONFIGURATION {config}
                        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}_stem;
                END IF;
            END $$"""
        )
    columns = ", ".join(f"{column} TEXT NOT NULL DEFAULT ''" for column in COLUMNS)
    op.execute(
        f"CREATE TABLE {name} (key INTEGER NOT NULL, {columns}, document TSVECTOR NOT NULL, "
        f"ranking TSVECTOR NOT NULL, CONSTRAINT pk_{name} PRIMARY KEY (key))"
    )
    op.execute(f"CREATE INDEX ix_{name}_document ON {name} USING gin (document)")
    if title_tier:
        create_title_tier(op, name)


def create_title_tier(op: Any, name: str) -> None:
    """Add the titles' index to the index ``name`` and fill it from the titles it holds: on SQLite the FTS5 table
    ``<name>_titles``, on PostgreSQL the ``titles`` vector and its GIN index (in place of the ``ranking`` vector
    of titles and text heads that an index made before it ranked on)."""
    name = _checked(name)
    if op.get_bind().dialect.name == "sqlite":
        titles = _titles_table(name)
        op.execute(f"CREATE VIRTUAL TABLE {titles} USING fts5({', '.join(TITLE_COLUMNS)}, {_TOKENIZER})")
        filled = " OR ".join(f"{column} <> ''" for column in TITLE_COLUMNS)
        op.execute(
            f"INSERT INTO {titles} (rowid, {', '.join(TITLE_COLUMNS)}) "
            f"SELECT rowid, {', '.join(TITLE_COLUMNS)} FROM {name} WHERE {filled}"
        )
        return
    op.execute(f"ALTER TABLE {name} DROP COLUMN IF EXISTS ranking")
    op.execute(f"ALTER TABLE {name} ADD COLUMN titles TSVECTOR NOT NULL DEFAULT ''")
    op.execute(f"UPDATE {name} SET titles = {_pg_titles_sql('')}")
    op.execute(f"ALTER TABLE {name} ALTER COLUMN titles DROP DEFAULT")
    op.execute(f"CREATE INDEX ix_{name}_titles ON {name} USING gin (titles)")


def drop_title_tier(op: Any, name: str, ranked_text: int = 400) -> None:
    """Undo :func:`create_title_tier`: on PostgreSQL, the ``ranking`` vector (titles and the first
    ``ranked_text`` characters of each text) comes back, computed from the texts the index holds."""
    name = _checked(name)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {_titles_table(name)}")
        return
    op.execute(f"DROP INDEX IF EXISTS ix_{name}_titles")
    op.execute(f"ALTER TABLE {name} DROP COLUMN IF EXISTS titles")
    op.execute(f"ALTER TABLE {name} ADD COLUMN ranking TSVECTOR NOT NULL DEFAULT ''")
    op.execute(f"UPDATE {name} SET ranking = {_document_sql(ranked_text, prefix='')}")
    op.execute(f"ALTER TABLE {name} ALTER COLUMN ranking DROP DEFAULT")


def drop_index(op: Any, name: str) -> None:
    """Drop the index table and its titles' table (the PostgreSQL configurations and extension stay: other
    indexes may use them)."""
    name = _checked(name)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {_titles_table(name)}")
    op.execute(f"DROP TABLE IF EXISTS {name}")


# --- Keeping an index current ---------------------------------------------------------------------------------------


def _sqlite() -> bool:
    return db.session.get_bind().dialect.name == "sqlite"


def _key_column() -> str:
    return "rowid" if _sqlite() else "key"


def remove_document(index: str, key: int) -> None:
    """Take document ``key`` out of ``index``."""
    index = _checked(index)
    db.session.execute(text(f"DELETE FROM {index} WHERE {_key_column()} = :key"), {"key": key})
    if _sqlite():
        db.session.execute(text(f"DELETE FROM {_titles_table(index)} WHERE rowid = :key"), {"key": key})


def _clean(value: str | None) -> str:
    """Text without the snippet markers (which would otherwise become highlights)."""
    return (value or "").replace(_START, " ").replace(_STOP, " ")


def _row(key: int, texts: Mapping[str, tuple[str, str]]) -> dict[str, Any] | None:
    row: dict[str, Any] = {"key": key}
    found = False
    for language in LANGUAGE_ORDER:
        title, body = texts.get(language, ("", ""))
        row[f"title_{language}"], row[f"body_{language}"] = _clean(title), _clean(body)
        found = found or bool(row[f"title_{language}"].strip() or row[f"body_{language}"].strip())
    return row if found else None


def _document_sql(head: int | None = None, prefix: str = ":") -> str:
    """The tsvector of a row, each language read by its own configuration, titles weighted A and texts B; with
    ``head``, only the first ``head`` characters of each text. ``prefix`` ``:`` reads bound values, ``""`` the
    row's own columns."""
    parts = []
    for language in LANGUAGE_ORDER:
        config = f"'{configuration(language)}'::regconfig"
        body = f"{prefix}body_{language}" if head is None else f"left({prefix}body_{language}, {int(head)})"
        parts.append(f"setweight(to_tsvector({config}, {prefix}title_{language}), 'A')")
        parts.append(f"setweight(to_tsvector({config}, {body}), 'B')")
    return " || ".join(parts)


def _insert(index: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    names = ", ".join(COLUMNS)
    values = ", ".join(f":{column}" for column in COLUMNS)
    if _sqlite():
        db.session.execute(text(f"INSERT INTO {index} (rowid, {names}) VALUES (:key, {values})"), list(rows))
        titled = [row for row in rows if any(row[column].strip() for column in TITLE_COLUMNS)]
        if titled:
            title_values = ", ".join(f":{column}" for column in TITLE_COLUMNS)
            db.session.execute(
                text(
                    f"INSERT INTO {_titles_table(index)} (rowid, {', '.join(TITLE_COLUMNS)}) "
                    f"VALUES (:key, {title_values})"
                ),
                titled,
            )
        return
    statement = (
        f"INSERT INTO {index} (key, {names}, document, titles) "
        f"VALUES (:key, {values}, {_document_sql()}, {_pg_titles_sql()})"
    )
    db.session.execute(text(statement), list(rows))


def index_document(index: str, key: int, texts: Mapping[str, tuple[str, str]]) -> None:
    """Replace document ``key`` in ``index`` by ``texts`` (language -> (title, text)); a document without any
    text is left out, so it is simply not found."""
    index = _checked(index)
    remove_document(index, key)
    row = _row(key, texts)
    if row is not None:
        _insert(index, [row])


def rebuild(index: str, documents: Iterable[tuple[int, Mapping[str, tuple[str, str]]]], batch: int = 500) -> int:
    """Empty ``index`` (and its titles' tier) and fill it from ``documents`` ((key, texts) pairs), in batches;
    returns how many."""
    index = _checked(index)
    db.session.execute(text(f"DELETE FROM {index}"))
    if _sqlite():
        db.session.execute(text(f"DELETE FROM {_titles_table(index)}"))
    count = 0
    rows: list[dict[str, Any]] = []
    for key, texts in documents:
        row = _row(key, texts)
        if row is not None:
            rows.append(row)
            count += 1
        if len(rows) >= batch:
            _insert(index, rows)
            rows = []
    _insert(index, rows)
    if _sqlite():
        for table in (index, _titles_table(index)):
            db.session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
    return count


# --- Searching -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One document found: its ``key``, the language whose text is shown (the reader's when it matched), and that
    text's title and snippet as escaped HTML with the matched words in ``<mark>``."""

    key: int
    language: str
    rank: float
    title: Markup
    snippet: Markup


@dataclass(frozen=True)
class Results:
    """A page of hits, best first; how many documents match (counted up to :data:`CANDIDATES`, ``more`` when
    there are more); and the candidates' keys (at most :data:`CANDIDATES`), for counting facets without a second
    search."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    terms: tuple[str, ...] = ()
    candidates: tuple[int, ...] = ()
    more: bool = False

    @property
    def total_capped(self) -> bool:
        """Whether more documents match than were counted: a page says "more than" :attr:`total`."""
        return self.more

    @property
    def counted_all(self) -> bool:
        """Whether ``candidates`` holds every match (facet counts are then exact, not over the candidates)."""
        return not self.more


def _highlight(value: str | None) -> Markup:
    """Escape the database's text, then turn its markers into ``<mark>``: nothing the author wrote is markup."""
    escaped = str(escape(value or "")).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return Markup(escaped)  # noqa: S704 - escaped just above; only our own markers became tags


def _sqlite_match(words: list[str]) -> str:
    # Each word quoted: FTS5 reads it as a plain string, never as NEAR, AND, a column filter or a prefix.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _pg_query(words: list[str]) -> str:
    """One tsquery for the four languages: the words as each language's configuration reads them, any may match.

    Written as a literal, not bound: once psycopg prepares a statement, PostgreSQL may settle on a generic plan
    that cannot see how common the words are (measured: a bitmap scan of a rare word's few matches replaced by a
    scan of every row). :func:`terms` keeps letters and digits only, so the words hold no quote to escape."""
    if not all(_WORD.fullmatch(word) for word in words):
        raise ValueError("only the words terms() gives are searched")
    plain = " ".join(words)
    return " || ".join(
        f"plainto_tsquery('{configuration(language)}'::regconfig, '{plain}')" for language in LANGUAGE_ORDER
    )


def _execute(statement: Any, params: Mapping[str, Any] | None = None) -> Any:
    # On the session's connection, as Core: the textual columns are the cursor's own, whatever ``within`` holds.
    return db.session.connection().execute(statement, dict(params or {}))


def _matching(table: str, words: list[str], within: Any, columns: str, vector: str = "document") -> Any:
    """``SELECT <columns>`` of the rows of ``table`` matching ``words`` (and with their key in ``within``), as a
    subquery named ``matches`` whose first column is ``key``.

    On SQLite the matches are materialised first, then kept when in ``within``: the other way round, the planner
    lists ``within`` whole before matching, slower by far when few documents match (measured: 135 ms against
    0.1)."""
    from sqlalchemy import literal_column, select
    from sqlalchemy import table as sql_table

    if _sqlite():
        statement = select(text(columns)).select_from(sql_table(table)).where(text(f"{table} MATCH :match"))
    else:
        statement = select(text(columns)).select_from(sql_table(table)).where(text(f"{vector} @@ ({_pg_query(words)})"))
        if within is not None:
            statement = statement.where(literal_column("key").in_(within))
        return statement
    if within is None:
        return statement
    matches = statement.cte(f"{table}_matches").prefix_with("MATERIALIZED")
    return select(text("*")).select_from(matches).where(literal_column("key").in_(within))


def _params(words: list[str]) -> dict[str, Any]:
    return {"match": _sqlite_match(words)} if _sqlite() else {}


def candidates(index: str, words: list[str], within: Any = None, limit: int = CANDIDATES + 1) -> list[int]:
    """The keys of at most ``limit`` documents matching ``words``, unranked, as the index gives them (SQLite: the
    most recent keys first; PostgreSQL: the table's order): what the count, the second tier and the facets read."""
    index = _checked(index)
    if _sqlite():
        statement = _matching(index, words, within, "rowid AS key").order_by(text("key DESC"))
    else:
        statement = _matching(index, words, within, "key")
    return [int(key) for (key,) in _execute(statement.limit(limit), _params(words))]


def ranked_titles(
    index: str, words: list[str], within: Any = None, limit: int = CANDIDATES, *, among: Sequence[int] | None = None
) -> list[tuple[int, float]]:
    """Tier 1: the best ``limit`` documents whose title matches ``words``, with their rank (lower is better); only
    those in ``within`` (a select of keys) or, cheaper, ``among`` (a list of keys) when given."""
    index = _checked(index)
    if among is not None:
        if not among:
            return []
        listed = ", ".join(str(int(key)) for key in among)
        if _sqlite():
            titles = _titles_table(index)
            sql = (
                f"SELECT rowid AS key, bm25({titles}) AS rank FROM {titles} WHERE {titles} MATCH :match "
                f"AND rowid BETWEEN {int(min(among))} AND {int(max(among))} AND +rowid IN ({listed}) "
                f"ORDER BY rank, key LIMIT {int(limit)}"
            )
        else:
            sql = (
                f"SELECT key, -ts_rank(titles, {_pg_query(words)}) AS rank FROM {index} "
                f"WHERE key IN ({listed}) AND titles @@ ({_pg_query(words)}) ORDER BY rank, key LIMIT {int(limit)}"
            )
        return [(int(key), float(rank)) for key, rank in _execute(text(sql), _params(words))]
    if _sqlite():
        titles = _titles_table(index)
        statement = _matching(titles, words, within, f"rowid AS key, bm25({titles}) AS rank")
    else:
        # The first CANDIDATES title matches, then ranked: each is a visit to the index table's wide row (a word
        # in 6 % of the titles cost 90 ms to rank whole, 8 ms this way, at 100,000 resources).
        from sqlalchemy import select

        first = _matching(index, words, within, "key, titles", "titles").limit(CANDIDATES).subquery("first_titles")
        statement = select(text(f"key, -ts_rank(titles, {_pg_query(words)}) AS rank")).select_from(first)
    statement = statement.order_by(text("rank, key")).limit(limit)
    return [(int(key), float(rank)) for key, rank in _execute(statement, _params(words))]


_BM25 = ", ".join("10.0" if column.startswith("title") else "1.0" for column in COLUMNS)


def ranked_among(index: str, words: list[str], keys: Sequence[int], limit: int) -> list[tuple[int, float]]:
    """Tier 2: the best ``limit`` of the documents ``keys`` (candidates that match ``words``), ranked on their whole
    text: at most :data:`CANDIDATES` rows to score, however many documents match.

    SQLite ranks inside the match, restricted by a range of keys the index seeks to (``+rowid IN``: the list is
    checked row by row, not seeked key by key); PostgreSQL ranks on ``strip(document)``, the vector without its
    positions and weights, several times faster to read."""
    index = _checked(index)
    if not keys or limit <= 0:
        return []
    listed = ", ".join(str(int(key)) for key in keys)
    if _sqlite():
        sql = (
            f"SELECT rowid AS key, bm25({index}, {_BM25}) AS rank FROM {index} "
            f"WHERE {index} MATCH :match AND rowid BETWEEN {int(min(keys))} AND {int(max(keys))} "
            f"AND +rowid IN ({listed}) ORDER BY rank, key LIMIT {int(limit)}"
        )
    else:
        sql = (
            f"SELECT key, -ts_rank(strip(document), {_pg_query(words)}) AS rank FROM {index} "
            f"WHERE key IN ({listed}) ORDER BY rank, key LIMIT {int(limit)}"
        )
    return [(int(key), float(rank)) for key, rank in _execute(text(sql), _params(words))]


def count(index: str, query: str | None, *, within: Any = None, cap: int = COUNT_CAP) -> int:
    """How many documents match ``query`` (and lie in ``within``), counting no further than ``cap``."""
    from sqlalchemy import func, select

    index = _checked(index)
    words = terms(query)
    if not words:
        return 0
    statement = _matching(index, words, within, "rowid AS key" if _sqlite() else "key")
    counted = select(func.count()).select_from(statement.limit(cap).subquery())
    return int(_execute(counted, _params(words)).scalar_one())


def search(
    index: str,
    query: str | None,
    *,
    within: Any = None,
    language: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    """The documents of ``index`` that ``query`` finds, best first: ``limit`` hits from ``offset`` and the total.

    ``within`` is a select of one column of keys (the owner's visible, filtered rows): only those are found.
    ``language`` is the reader's: when a document matches in it, its snippet is shown in it. Title matches come
    first, ranked; the other matches follow, ranked among the first :data:`CANDIDATES` (see the module's text).
    At most four queries whatever the number of matches (and on PostgreSQL two settings around them): the
    candidates, the titles, the second tier when the titles do not fill the page, and the page's snippets."""
    words = terms(query)
    if not words:
        return Results()
    index = _checked(index)
    limit, offset = max(1, limit), max(0, offset)
    if not _sqlite():
        # PostgreSQL prices testing a row against the query as nothing, while it reads the row's whole document
        # vector: it then prefers a sequential scan to find the first matches (measured: 282 ms for 1,001
        # candidates, against 12 ms through the GIN index), or, within a filter, a merge join walking the keys in
        # order and testing each (580 ms for a common word within one kind, against 120 to 320 ms hashing the
        # filter's keys beside the GIN index's matches). So, for the search's statements only, neither; the
        # transaction's settings are put back afterwards.
        before = _execute(text(_PG_PLANNER_OFF)).one()
        try:
            return _search(index, words, within, language, limit, offset)
        finally:
            _execute(text(_PG_PLANNER_BACK), {"seqscan": before[0], "mergejoin": before[1]})
    return _search(index, words, within, language, limit, offset)


_PG_PLANNER_OFF = (
    "SELECT current_setting('enable_seqscan'), current_setting('enable_mergejoin'), "
    "set_config('enable_seqscan', 'off', true), set_config('enable_mergejoin', 'off', true)"
)
_PG_PLANNER_BACK = (
    "SELECT set_config('enable_seqscan', :seqscan, true), set_config('enable_mergejoin', :mergejoin, true)"
)


def _search(index: str, words: list[str], within: Any, language: str | None, limit: int, offset: int) -> Results:
    wanted = offset + limit
    found = candidates(index, words, within)
    more = len(found) > CANDIDATES
    found = found[:CANDIDATES]
    if not found:
        return Results(terms=tuple(words))
    # Within a filter, the candidates hold every match unless there are more than CANDIDATES: the titles are then
    # looked for among them (a list of keys) rather than through the filter's select a second time.
    among = found if within is not None and not more else None
    best = ranked_titles(index, words, within, limit=wanted, among=among)
    if len(best) < wanted and len(found) > len(best):
        seen = {key for key, _rank in best}
        rest = [key for key in found if key not in seen]
        best += [pair for pair in ranked_among(index, words, rest, wanted - len(best))]
    page = best[offset : offset + limit]
    snippets = _snippets(index, words, [key for key, _rank in page], language)
    hits = []
    for key, rank in page:
        chosen, title, snippet = snippets.get(key, ("", Markup(""), Markup("")))
        hits.append(Hit(key, chosen, rank, title, snippet))
    return Results(hits, len(found), tuple(words), tuple(found), more)


def _choose(language: str | None, values: Mapping[str, tuple[str, str]], has_text: Mapping[str, bool]) -> str:
    """The reader's language when its text matched, else the first language that matched, else any with text."""
    matched = [lang for lang in LANGUAGE_ORDER if _START in values[lang][0] or _START in values[lang][1]]
    if language in matched:
        return language
    if matched:
        return matched[0]
    if language in has_text and has_text[language]:
        return language
    return next((lang for lang in LANGUAGE_ORDER if has_text.get(lang)), LANGUAGE_ORDER[0])


def _snippets(
    index: str, words: list[str], keys: list[int], language: str | None
) -> dict[int, tuple[str, Markup, Markup]]:
    """For each key: the language shown, its highlighted title and its body snippet."""
    index = _checked(index)
    found: dict[int, tuple[str, Markup, Markup]] = {}
    if not keys:
        return found
    marks = f"'{_START}', '{_STOP}'"
    if _sqlite():
        params: dict[str, Any] = {"match": _sqlite_match(words)}
        selected = []
        for position, column in enumerate(COLUMNS):
            if column.startswith("title"):
                selected.append(f"highlight({index}, {position}, {marks}) AS {column}")
            else:
                selected.append(f"snippet({index}, {position}, {marks}, '…', {SNIPPET_WORDS}) AS {column}")
            selected.append(f"length({column}) > 0 AS has_{column}")
        keys_sql = ", ".join(str(int(key)) for key in keys)
        sql = (
            f"SELECT rowid AS key, {', '.join(selected)} FROM {index} "
            f"WHERE {index} MATCH :match AND rowid IN ({keys_sql})"
        )
    else:
        params = {"plain": " ".join(words), "keys": list(keys)}
        selected = []
        for lang in LANGUAGE_ORDER:
            config = f"'{configuration(lang)}'::regconfig"
            lang_query = f"plainto_tsquery({config}, :plain)"
            options = f"'StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS}, MinWords=10'"
            title_options = f"'StartSel={_START}, StopSel={_STOP}, HighlightAll=true'"
            # A language's headline only where that language has text (ts_headline reads the whole text).
            selected.append(
                f"CASE WHEN title_{lang} <> '' THEN ts_headline({config}, title_{lang}, {lang_query}, "
                f"{title_options}) ELSE '' END AS title_{lang}"
            )
            selected.append(
                f"CASE WHEN body_{lang} <> '' THEN ts_headline({config}, body_{lang}, {lang_query}, "
                f"{options}) ELSE '' END AS body_{lang}"
            )
            selected.append(f"title_{lang} <> '' OR body_{lang} <> '' AS has_title_{lang}")
            selected.append(f"false AS has_body_{lang}")
        sql = f"SELECT key, {', '.join(selected)} FROM {index} WHERE key = ANY(:keys)"
    for row in db.session.execute(text(sql), params).mappings():
        values = {lang: (row[f"title_{lang}"] or "", row[f"body_{lang}"] or "") for lang in LANGUAGE_ORDER}
        has_text = {lang: bool(row[f"has_title_{lang}"]) or bool(row[f"has_body_{lang}"]) for lang in LANGUAGE_ORDER}
        chosen = _choose(language, values, has_text)
        title, body = values[chosen]
        found[int(row["key"])] = (chosen, _highlight(title), _highlight(body))
    return found

"""Full-text search in the four languages, one API over SQLite FTS5 and PostgreSQL ``tsvector``.

A plugin owns a *search index*: a table named ``<plugin>_fts`` that its migration creates with
:func:`create_index` and that its services keep current with :func:`index_document` and
:func:`remove_document` whenever the indexed text changes (no trigger: the text lives in JSON columns that a
trigger could not read the same way on both databases). Pages ask :func:`search`, which hides the difference:

- SQLite: an FTS5 table tokenised by ``porter unicode61 remove_diacritics 2``: case- and accent-insensitive
  ("educacion" finds "educación"), with the Porter stemmer, the only one FTS5 offers (English rules; for the
  Romance languages it folds little more than plurals). Ranked by ``bm25`` (titles weigh more), snippets by
  ``snippet()``.
- PostgreSQL: a table with a ``tsvector`` per document and language, built with a text search configuration per
  language (``sonores_fr``: French stemming after ``unaccent``, and so on), a GIN index, ranked by ``ts_rank``,
  snippets by ``ts_headline``.

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
CANDIDATES = 1000  # best matches fetched at once: the page's hits and the facets' counts come from them
COUNT_CAP = 10_000  # matches counted at most: past it, a page says "more than 10,000"
RANKED_TEXT = 400  # characters of each text that PostgreSQL ranks on (with the titles), see _document_sql
PG_CONFIGURATIONS = {"fr": "french", "es": "spanish", "pt": "portuguese", "en": "english"}
INDEX_SUFFIX = "_fts"
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
    return any(name.endswith(INDEX_SUFFIX + suffix) for suffix in ("", *_FTS5_SHADOWS))


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


def create_index(op: Any, name: str) -> None:
    """Create the index table ``name`` (it must end in ``_fts``) in a migration: on PostgreSQL, also the
    ``unaccent`` extension and the four language configurations when they are missing."""
    name = _checked(name)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(COLUMNS)}, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
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
        f"CREATE TABLE {name} (key INTEGER NOT NULL, {columns}, document TSVECTOR NOT NULL, ranking TSVECTOR NOT NULL, "
        f"CONSTRAINT pk_{name} PRIMARY KEY (key))"
    )
    op.execute(f"CREATE INDEX ix_{name}_document ON {name} USING gin (document)")


def drop_index(op: Any, name: str) -> None:
    """Drop the index table (the PostgreSQL configurations and extension stay: other indexes may use them)."""
    name = _checked(name)
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


def _document_sql(head: int | None = None) -> str:
    """The tsvector of a row, each language read by its own configuration; with ``head``, only the titles and the
    first ``head`` characters of each text: a small vector that ``ts_rank`` reads fast (ranking every match of a
    common word on the whole documents would read tens of megabytes)."""
    parts = []
    for language in LANGUAGE_ORDER:
        config = f"'{configuration(language)}'::regconfig"
        body = f":body_{language}" if head is None else f"left(:body_{language}, {int(head)})"
        parts.append(f"setweight(to_tsvector({config}, :title_{language}), 'A')")
        parts.append(f"setweight(to_tsvector({config}, {body}), 'B')")
    return " || ".join(parts)


def _insert(index: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    names = ", ".join(COLUMNS)
    values = ", ".join(f":{column}" for column in COLUMNS)
    if _sqlite():
        statement = f"INSERT INTO {index} (rowid, {names}) VALUES (:key, {values})"
    else:
        statement = (
            f"INSERT INTO {index} (key, {names}, document, ranking) "
            f"VALUES (:key, {values}, {_document_sql()}, {_document_sql(RANKED_TEXT)})"
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
    """Empty ``index`` and fill it from ``documents`` ((key, texts) pairs), in batches; returns how many."""
    index = _checked(index)
    db.session.execute(text(f"DELETE FROM {index}"))
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
        db.session.execute(text(f"INSERT INTO {index}({index}) VALUES ('optimize')"))
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
    """A page of hits, best first; how many documents match in all; and the keys of the best matches (at most
    :data:`CANDIDATES`, or more when the page lies further), for counting facets without a second search."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    terms: tuple[str, ...] = ()
    candidates: tuple[int, ...] = ()

    @property
    def total_capped(self) -> bool:
        """Whether there are more matches than were counted (:data:`COUNT_CAP`)."""
        return self.total >= COUNT_CAP

    @property
    def counted_all(self) -> bool:
        """Whether ``candidates`` holds every match (facet counts are then exact, not over the best ones)."""
        return len(self.candidates) >= self.total


def _highlight(value: str | None) -> Markup:
    """Escape the database's text, then turn its markers into ``<mark>``: nothing the author wrote is markup."""
    escaped = str(escape(value or "")).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return Markup(escaped)  # noqa: S704 - escaped just above; only our own markers became tags


def _sqlite_match(words: list[str]) -> str:
    # Each word quoted: FTS5 reads it as a plain string, never as NEAR, AND, a column filter or a prefix.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _pg_query() -> str:
    """One tsquery for the four languages: the words as each language's configuration reads them, any may match."""
    return " || ".join(
        f"plainto_tsquery('{configuration(language)}'::regconfig, :plain)" for language in LANGUAGE_ORDER
    )


_BM25 = ", ".join("10.0" if column.startswith("title") else "1.0" for column in COLUMNS)


def _select(index: str, words: list[str], columns: str, within: Any) -> tuple[Any, dict[str, Any]]:
    """``SELECT <columns> FROM <index>`` of the documents matching ``words`` and lying in ``within``."""
    from sqlalchemy import literal_column, select
    from sqlalchemy import table as sql_table

    key = literal_column(_key_column())
    if _sqlite():
        params: dict[str, Any] = {"match": _sqlite_match(words)}
        statement = select(text(columns)).select_from(sql_table(index)).where(text(f"{index} MATCH :match"))
    else:
        params = {"plain": " ".join(words)}
        statement = select(text(columns)).select_from(sql_table(index)).where(text(f"document @@ ({_pg_query()})"))
    if within is not None:
        statement = statement.where(key.in_(within))
    return statement, params


def _sqlite_within(index: str, words: list[str], within: Any) -> tuple[Any, dict[str, Any]]:
    """SQLite's matches, materialised first, then kept when in ``within``: the other way round, the planner lists
    ``within`` whole before matching, slower by far when few documents match (measured: 135 ms against 0.1)."""
    from sqlalchemy import literal_column, select
    from sqlalchemy import table as sql_table

    matches = (
        select(literal_column("rowid").label("key"), literal_column(f"bm25({index}, {_BM25})").label("rank"))
        .select_from(sql_table(index))
        .where(text(f"{index} MATCH :match"))
        .cte(f"{index}_matches")
        .prefix_with("MATERIALIZED")
    )
    statement = select(matches.c.key, matches.c.rank).where(matches.c.key.in_(within))
    return statement, {"match": _sqlite_match(words)}


def ranked(index: str, query: str | None, *, within: Any = None, limit: int = CANDIDATES) -> list[tuple[int, float]]:
    """The keys of the best ``limit`` documents matching ``query`` (and in ``within``, a select of keys), with their
    rank (lower is better), best first; empty when the query has no words."""
    index = _checked(index)
    words = terms(query)
    if not words:
        return []
    if _sqlite() and within is not None:
        statement, params = _sqlite_within(index, words, within)
        statement = statement.order_by(text("rank, key")).limit(limit)
        return [(int(key), float(rank)) for key, rank in db.session.connection().execute(statement, params)]
    if _sqlite():
        columns = f"rowid AS key, bm25({index}, {_BM25}) AS rank"
    else:
        columns = f"key, -ts_rank(ranking, ({_pg_query()})) AS rank"
    statement, params = _select(index, words, columns, within)
    statement = statement.order_by(text("rank, key")).limit(limit)
    # On the session's connection, as Core: the textual columns are the cursor's own, whatever ``within`` holds.
    return [(int(key), float(rank)) for key, rank in db.session.connection().execute(statement, params)]


def count(index: str, query: str | None, *, within: Any = None, cap: int = COUNT_CAP) -> int:
    """How many documents match ``query`` (and lie in ``within``), counting no further than ``cap``."""
    from sqlalchemy import func, select

    index = _checked(index)
    words = terms(query)
    if not words:
        return 0
    if _sqlite() and within is not None:
        statement, params = _sqlite_within(index, words, within)
    else:
        statement, params = _select(index, words, "1", within)
    counted = select(func.count()).select_from(statement.limit(cap).subquery())
    return int(db.session.connection().execute(counted, params).scalar_one())


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
    ``language`` is the reader's: when a document matches in it, its snippet is shown in it. At most three
    queries whatever the number of matches: the best :data:`CANDIDATES` keys, their count when there may be more,
    and the page's snippets."""
    words = terms(query)
    if not words:
        return Results()
    limit, offset = max(1, limit), max(0, offset)
    wanted = max(CANDIDATES, offset + limit)
    best = ranked(index, query, within=within, limit=wanted)
    total = len(best) if len(best) < wanted else count(index, query, within=within)
    page = best[offset : offset + limit]
    snippets = _snippets(index, words, [key for key, _rank in page], language)
    hits = []
    for key, rank in page:
        chosen, title, snippet = snippets.get(key, ("", Markup(""), Markup("")))
        hits.append(Hit(key, chosen, rank, title, snippet))
    return Results(hits, total, tuple(words), tuple(key for key, _rank in best))


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

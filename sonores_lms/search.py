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

A document is one row per (key, language): ``key`` is the owner's integer id (a resource's ``id``). Queries of any
content are safe: the text is cut into words (letters and digits only, at most :data:`MAX_TERMS` of them), each
searched as a plain word, so quotes, ``NEAR``, ``*``, parentheses or emoji never reach the database's query syntax;
a query without words finds nothing. Snippets are escaped HTML with ``<mark>`` around the matched words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import text
from sqlalchemy.sql import Select

from .config import LANGUAGES
from .extensions import db

MAX_TERMS = 12  # words of a query that are searched; the rest are ignored
MAX_TERM_LENGTH = 40  # characters of one word
SNIPPET_WORDS = 24
# Languages in a fixed order: the row id of a document on SQLite is key * 8 + position, so one integer says both.
LANGUAGE_SLOTS = {"fr": 0, "es": 1, "pt": 2, "en": 3}
SLOTS = 8
PG_CONFIGURATIONS = {"fr": "french", "es": "spanish", "pt": "portuguese", "en": "english"}
INDEX_SUFFIX = "_fts"
# FTS5 keeps each index in a virtual table and these shadow tables; Alembic's comparison leaves them all out.
_FTS5_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
_START, _STOP = "\x02", "\x03"  # markers no text contains: replaced by <mark> after escaping
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_INDEX_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}_fts")

assert set(LANGUAGE_SLOTS) == set(LANGUAGES)


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
            f"CREATE VIRTUAL TABLE {name} USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
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
    op.execute(
        f"CREATE TABLE {name} (key INTEGER NOT NULL, language VARCHAR(2) NOT NULL, title TEXT NOT NULL, "
        f"body TEXT NOT NULL, document TSVECTOR NOT NULL, CONSTRAINT pk_{name} PRIMARY KEY (key, language))"
    )
    op.execute(f"CREATE INDEX ix_{name}_document ON {name} USING gin (document)")


def drop_index(op: Any, name: str) -> None:
    """Drop the index table (the PostgreSQL configurations and extension stay: other indexes may use them)."""
    name = _checked(name)
    op.execute(f"DROP TABLE IF EXISTS {name}")


# --- Keeping an index current ---------------------------------------------------------------------------------------


def _sqlite() -> bool:
    return db.session.get_bind().dialect.name == "sqlite"


def remove_document(index: str, key: int) -> None:
    """Take every language of document ``key`` out of ``index``."""
    index = _checked(index)
    if _sqlite():
        db.session.execute(
            text(f"DELETE FROM {index} WHERE rowid >= :low AND rowid < :high"),
            {"low": key * SLOTS, "high": (key + 1) * SLOTS},
        )
    else:
        db.session.execute(text(f"DELETE FROM {index} WHERE key = :key"), {"key": key})


def _clean(value: str | None) -> str:
    """Text without the snippet markers (which would otherwise become highlights)."""
    return (value or "").replace(_START, " ").replace(_STOP, " ")


def index_document(index: str, key: int, texts: Mapping[str, tuple[str, str]]) -> None:
    """Replace document ``key`` in ``index`` by ``texts`` (language -> (title, body)); languages without text are
    left out, so a document with no text at all is simply not found."""
    index = _checked(index)
    remove_document(index, key)
    rows = [
        {"key": key, "language": language, "title": _clean(title), "body": _clean(body)}
        for language, (title, body) in texts.items()
        if language in LANGUAGE_SLOTS and ((title or "").strip() or (body or "").strip())
    ]
    if not rows:
        return
    if _sqlite():
        for row in rows:
            row["rowid"] = key * SLOTS + LANGUAGE_SLOTS[row["language"]]
        db.session.execute(text(f"INSERT INTO {index} (rowid, title, body) VALUES (:rowid, :title, :body)"), rows)
    else:
        for row in rows:
            row["config"] = configuration(row["language"])
        db.session.execute(
            text(
                f"INSERT INTO {index} (key, language, title, body, document) VALUES (:key, :language, :title, :body, "
                "setweight(to_tsvector(CAST(:config AS regconfig), :title), 'A') || "
                "setweight(to_tsvector(CAST(:config AS regconfig), :body), 'B'))"
            ),
            rows,
        )


def rebuild(index: str, documents: Iterable[tuple[int, Mapping[str, tuple[str, str]]]]) -> int:
    """Empty ``index`` and fill it from ``documents`` ((key, texts) pairs); returns how many were indexed."""
    index = _checked(index)
    db.session.execute(text(f"DELETE FROM {index}"))
    count = 0
    for key, texts in documents:
        index_document(index, key, texts)
        count += 1
    if _sqlite():
        db.session.execute(text(f"INSERT INTO {index}({index}) VALUES ('optimize')"))
    return count


# --- Searching -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One document found: its ``key``, the language whose text matched best, and that text's title and snippet
    as escaped HTML with the matched words in ``<mark>``."""

    key: int
    language: str
    rank: float
    title: Markup
    snippet: Markup


@dataclass(frozen=True)
class Results:
    """A page of hits, best first, and how many documents match in all."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    terms: tuple[str, ...] = ()


def _highlight(value: str | None) -> Markup:
    """Escape the database's text, then turn its markers into ``<mark>``: nothing the author wrote is markup."""
    escaped = str(escape(value or "")).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return Markup(escaped)  # noqa: S704 - escaped just above; only our own markers became tags


def _sqlite_match(words: list[str]) -> str:
    # Each word quoted: FTS5 reads it as a plain string, never as NEAR, AND, a column filter or a prefix.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def matching(index: str, query: str | None) -> Select[Any] | None:
    """A selectable of ``(key, rank)`` for every document matching ``query`` (lower rank is better), one row per
    key, to join with the owner's own filters and facets; None when the query has no words."""
    from sqlalchemy import column, func, literal_column, select
    from sqlalchemy import table as sql_table

    index = _checked(index)
    words = terms(query)
    if not words:
        return None
    if _sqlite():
        fts = sql_table(index, column("rowid"))
        inner = (
            select(
                literal_column(f"rowid / {SLOTS}").label("key"),
                literal_column(f"bm25({index}, 10.0, 1.0)").label("rank"),
            )
            .select_from(fts)
            .where(literal_column(index).op("MATCH")(_sqlite_match(words)))
            # Materialised: flattened into the grouping below, bm25() would be called outside its match.
            .cte(f"{index}_matches")
            .prefix_with("MATERIALIZED")
        )
        return select(inner.c.key, func.min(inner.c.rank).label("rank")).group_by(inner.c.key)
    plain = " ".join(words)
    fts = sql_table(index, column("key"), column("language"), column("document"))
    conditions = []
    for language in LANGUAGE_SLOTS:
        query_vector = func.plainto_tsquery(literal_column(f"'{configuration(language)}'::regconfig"), plain)
        conditions.append((fts.c.language == language) & fts.c.document.op("@@")(query_vector))
    from sqlalchemy import case, or_

    rank = case(
        *[
            (
                fts.c.language == language,
                func.ts_rank(
                    fts.c.document,
                    func.plainto_tsquery(literal_column(f"'{configuration(language)}'::regconfig"), plain),
                ),
            )
            for language in LANGUAGE_SLOTS
        ],
        else_=0.0,
    )
    return select(fts.c.key.label("key"), func.min(-rank).label("rank")).where(or_(*conditions)).group_by(fts.c.key)


def search(
    index: str,
    query: str | None,
    *,
    within: Select[Any] | None = None,
    language: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    """The documents of ``index`` that ``query`` finds, best first: ``limit`` hits from ``offset`` and the total.

    ``within`` is a select of one column of keys (the owner's visible, filtered rows): only those are found.
    ``language`` is the reader's: when a document matches in it, its snippet is shown in it. Two queries whatever
    the number of hits: the page of keys with the total, then the snippets of that page."""
    from sqlalchemy import func, select

    found = matching(index, query)
    if found is None:
        return Results()
    words = terms(query)
    subquery = found.subquery()
    keyed = select(subquery.c.key, subquery.c.rank, func.count().over().label("total"))
    if within is not None:
        keyed = keyed.where(subquery.c.key.in_(within))
    keyed = keyed.order_by(subquery.c.rank, subquery.c.key).limit(max(1, limit)).offset(max(0, offset))
    rows = db.session.execute(keyed).all()
    if not rows:
        total = 0
        if offset > 0:  # past the last page: count anyway so the page can say how many there are
            counted = select(func.count()).select_from(subquery)
            if within is not None:
                counted = counted.where(subquery.c.key.in_(within))
            total = int(db.session.scalar(counted) or 0)
        return Results([], total, tuple(words))
    total = int(rows[0].total)
    keys = [int(row.key) for row in rows]
    ranks = {int(row.key): float(row.rank) for row in rows}
    snippets = _snippets(index, words, keys)
    hits = []
    for key in keys:
        by_language = snippets.get(key, {})
        chosen = language if language in by_language else next(iter(by_language), None)
        title, snippet = by_language.get(chosen, (Markup(""), Markup(""))) if chosen else (Markup(""), Markup(""))
        hits.append(Hit(key, chosen or "", ranks[key], title, snippet))
    return Results(hits, total, tuple(words))


def _snippets(index: str, words: list[str], keys: list[int]) -> dict[int, dict[str, tuple[Markup, Markup]]]:
    """The highlighted title and body snippet of each matching language of ``keys``, best match first."""
    index = _checked(index)
    found: dict[int, dict[str, tuple[Markup, Markup]]] = {}
    if not keys:
        return found
    by_slot = {slot: language for language, slot in LANGUAGE_SLOTS.items()}
    if _sqlite():
        params: dict[str, Any] = {"match": _sqlite_match(words)}
        ranges = []
        for n, key in enumerate(keys):
            params[f"l{n}"], params[f"h{n}"] = key * SLOTS, (key + 1) * SLOTS
            ranges.append(f"(rowid >= :l{n} AND rowid < :h{n})")
        rows = db.session.execute(
            text(
                f"SELECT rowid, highlight({index}, 0, '{_START}', '{_STOP}') AS title, "
                f"snippet({index}, 1, '{_START}', '{_STOP}', '…', {SNIPPET_WORDS}) AS snippet "
                f"FROM {index} WHERE {index} MATCH :match AND ({' OR '.join(ranges)}) ORDER BY bm25({index}, 10.0, 1.0)"
            ),
            params,
        ).all()
        for row in rows:
            key, slot = divmod(int(row.rowid), SLOTS)
            found.setdefault(key, {})[by_slot[slot]] = (_highlight(row.title), _highlight(row.snippet))
        return found
    plain = " ".join(words)
    options = f"StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS}, MinWords=10, HighlightAll=false"
    title_options = f"StartSel={_START}, StopSel={_STOP}, HighlightAll=true"
    rows = db.session.execute(
        text(
            f"SELECT key, language, "
            f"ts_headline(CAST('sonores_' || language AS regconfig), title, q, :title_options) AS title, "
            f"ts_headline(CAST('sonores_' || language AS regconfig), body, q, :options) AS snippet, "
            f"ts_rank(document, q) AS rank "
            f"FROM (SELECT *, plainto_tsquery(CAST('sonores_' || language AS regconfig), :plain) AS q "
            f"FROM {index} WHERE key = ANY(:keys)) AS docs WHERE document @@ q ORDER BY rank DESC"
        ),
        {"plain": plain, "keys": keys, "options": options, "title_options": title_options},
    ).all()
    for row in rows:
        found.setdefault(int(row.key), {})[row.language] = (_highlight(row.title), _highlight(row.snippet))
    return found

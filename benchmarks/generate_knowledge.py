"""A knowledge base at ten times the size the network could reach: 100,000 published resources in four languages.

Each resource has a title, a summary and a body of a few hundred words (the sentences of ``benchmarks/texts.py``,
so every language reads like the others), in one to four languages; kinds, axes, countries, licences and themes
spread over the network. Rows are inserted in bulk, then the search index and the facet table are built from
scratch with the plugin's own :func:`knowledge.indexing.rebuild_index`, whose time is the "index build" figure.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from .texts import LANGS, TOPICS, paragraph, render

BATCH = 2_000
FULL_RESOURCES = 100_000
SEED = 12
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
COUNTRIES = ("AR", "BO", "BR", "CL", "CO", "CR", "DO", "EC", "GT", "HN", "HT", "MX", "NI", "PA", "PE", "PY", "UY", "VE")
KINDS = ("document", "link", "recording", "programme-kit", "good-practice", "event-format", "template", "guide")
AXES = ("communication", "project-management", "sustainable-development")
LICENCES = ("CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "network-internal")
THEMES = ("ENV-STR", "ENV-ENE", "ENV-MOB", "ENV-EVT", "ENV-WST", "ENV-DIG", "ENV-PUR", "ACC-PHY", "ACC-SEN",
          "ACC-DIG", "ACC-SOC", "ACC-COM", "CIT-GOV", "CIT-WRK", "CIT-DIV", "CIT-LOC", "CIT-TRN")  # fmt: skip


AUTHORS = 2_000  # people who contributed: each wrote about fifty resources


def _authors(db: Any, count: int) -> list[int]:
    """``count`` contributors (staff members without a password: they never sign in here)."""
    from sqlalchemy import insert, select

    from sonores_lms.people.models import User

    start = datetime(2026, 1, 1, tzinfo=UTC)
    db.session.execute(
        insert(User),
        [
            {
                "email": f"author{n}@knowledge.example",
                "first_name": "Autora",
                "last_name": f"Número {n}",
                "active": True,
                "created_at": start,
                "version": 1,
                "session_token": f"{n:032x}",
                "notifications": {},
            }
            for n in range(count)
        ],
    )
    db.session.commit()
    return list(db.session.scalars(select(User.id).where(User.email.like("author%@knowledge.example"))))


@dataclass
class KnowledgeBase:
    resources: int
    documents: int
    seconds_rows: float
    seconds_index: float
    text_mb: float


def _texts(rng: random.Random, number: int) -> dict[str, dict[str, str]]:
    axis = rng.randrange(len(TOPICS))
    topic = TOPICS[axis][rng.randrange(len(TOPICS[axis]))]
    languages = rng.sample(LANGS, rng.choice((1, 1, 2, 2, 3, 4)))
    summary = paragraph(rng, 2)
    body = paragraph(rng, rng.randrange(6, 14))
    texts = {}
    for lang in languages:
        i = LANGS.index(lang)
        texts[lang] = {
            "title": f"{topic[i]} {number}",
            "summary": render(summary, lang),
            "body": render(body, lang),
        }
    return texts


def populate_knowledge(app: Any, *, resources: int = FULL_RESOURCES, progress: Any = None) -> KnowledgeBase:
    from sqlalchemy import insert, select

    from knowledge.indexing import rebuild_index
    from knowledge.models import Resource, Status
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute, InstituteKind

    rng = random.Random(SEED)
    started = time.perf_counter()
    documents = 0
    characters = 0
    with app.app_context():
        institutes = db.session.execute(select(Institute.id, Institute.country)).all()
        if not institutes:
            for n, country in enumerate(COUNTRIES):
                db.session.add(
                    Institute(
                        kind=InstituteKind.ALLIANCE,
                        name=f"Alliance Française {n}",
                        country=country,
                        city=f"Ville {n}",
                        timezone="America/Lima",
                        languages=["fr", "es"],
                    )
                )
            db.session.commit()
            institutes = db.session.execute(select(Institute.id, Institute.country)).all()
        authors = _authors(db, min(AUTHORS, max(1, resources // 50)))
        rows: list[dict[str, Any]] = []
        for number in range(1, resources + 1):
            texts = _texts(rng, number)
            documents += len(texts)
            characters += sum(len(v) for values in texts.values() for v in values.values())
            institute_id, country = institutes[rng.randrange(len(institutes))]
            published = NOW - timedelta(minutes=number)
            rows.append(
                {
                    "uid": f"{number:032x}",
                    "kind": KINDS[rng.randrange(len(KINDS))],
                    "status": Status.PUBLISHED,
                    "featured": number % 5000 == 0,
                    "institute_id": institute_id,
                    "country": country,
                    "authors": "",
                    "licence": LICENCES[rng.randrange(len(LICENCES))],
                    "tags": [],
                    "axis": AXES[rng.randrange(len(AXES))],
                    "themes": sorted(rng.sample(THEMES, rng.randrange(0, 3))),
                    "links": [],
                    "kit": {},
                    "texts": texts,
                    "translated_from": {},
                    "created_at": published,
                    "updated_at": published,
                    "published_at": published,
                    "review_comment": "",
                    "created_by_id": authors[rng.randrange(len(authors))],
                    "version": 1,
                }
            )
            if len(rows) >= BATCH:
                db.session.execute(insert(Resource), rows)
                db.session.commit()
                rows.clear()
                if progress and number % 20_000 == 0:
                    progress(f"{number:,} resources written")
        if rows:
            db.session.execute(insert(Resource), rows)
            db.session.commit()
        seconds_rows = time.perf_counter() - started
        started = time.perf_counter()
        rebuild_index()
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE knowledge_fts")
                connection.exec_driver_sql("VACUUM ANALYZE knowledge_facets")
                connection.exec_driver_sql("VACUUM ANALYZE knowledge_resources")
        else:
            db.session.execute(db.text("ANALYZE"))
            db.session.commit()
        seconds_index = time.perf_counter() - started
    return KnowledgeBase(resources, documents, seconds_rows, seconds_index, characters / 1_000_000)

"""The offline lesson pack: a course as one self-contained HTML file (or a PDF) for people on slow or intermittent
links, and recording the lessons they studied offline once they are back.

The pack carries no script and fetches nothing: its styles are inline, images are embedded as ``data:`` URIs (the
site's own static images) or replaced by their description, and the only web addresses left are links back to
this site (``BASE_URL``), so a learner can open each lesson online and have it marked done.
"""

from __future__ import annotations

import base64
import mimetypes
import os.path
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from flask import current_app, url_for
from flask_babel import format_date, format_time
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.i18n import LANGUAGE_TITLES
from sonores_lms.markdown import render_markdown
from sonores_lms.multilingual import Picked
from sonores_lms.pdf import StaticOnlyFetcher

from .kinds import lesson_kinds_registry
from .models import Course, LessonCompletion

MAX_EMBEDDED_IMAGE = 512 * 1024  # bytes; larger images are described rather than embedded
VIDEO_KIND = "video"
TEXT_KIND = "text"


class OfflineError(Exception):
    """Marking lessons done was refused (a lock, the course's audience); the message is for the learner."""


# -- loading ------------------------------------------------------------------------------------------------------
def pack_course(uid: str) -> Course | None:
    """The course ``uid`` of a published plan, with its lessons, prerequisites and track. By uid, like the
    learners' pages, so a pack's links keep working when a new revision of the plan is published."""
    from .learning import published_course

    return published_course(uid)


# -- what the pack shows ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    """Rendered author text and the language it is in; ``fallback`` when it is not the reader's language."""

    html: Markup
    language: str | None
    fallback: bool

    def __bool__(self) -> bool:
        return bool(self.html)

    @property
    def language_name(self) -> str:
        return str(LANGUAGE_TITLES.get(self.language or "", self.language or ""))


@dataclass
class PackLesson:
    lesson: Any
    anchor: str
    title: Picked
    kind_title: str
    body: Text | None
    transcript: Text | None
    online_url: str
    release_at: datetime | None = None  # set when the lesson opens later: its content is left out
    locked: str | None = None  # why the lesson is closed online (a prerequisite, the track's order): content left out

    @property
    def offline_content(self) -> bool:
        return bool(self.body or self.transcript)


@dataclass
class PackModule:
    title: Picked
    lessons: list[PackLesson] = field(default_factory=list)


@dataclass
class Pack:
    course: Course
    language: str
    title: Picked
    summary: Text | None
    objectives: Text | None
    modules: list[PackModule]
    course_url: str
    offline_url: str
    site_url: str
    generated_at: datetime


def _text(obj: Any, name: str, language: str) -> Text | None:
    picked = obj.text(name, language)
    if not picked.text:
        return None
    return Text(offline_html(render_markdown(picked.text)), picked.language, picked.is_fallback)


def build_pack(course: Course, language: str, *, user: Any, now: datetime | None = None) -> Pack:
    """Everything the pack shows to ``user``, in ``language`` with French as fallback (each text says which it is).

    A lesson that is locked for ``user`` online (the course's prerequisites or its track's order, a later release
    date) keeps its title and its link, not its content; one already done stays open, as it does online. The
    caller checks the course's audience first."""
    from .learning import learner_state
    from .progress import LockReason, lesson_lock

    now = now or utcnow()
    state = learner_state(user, course_uids=[course.uid])
    kinds = lesson_kinds_registry()
    modules = []
    for module in course.modules:
        pack_module = PackModule(module.text("title", language))
        for lesson in module.lessons:
            lock = lesson_lock(lesson, course, state, now)
            later = lock is not None and lock.reason == LockReason.RELEASE
            kind = kinds.get(lesson.kind)
            item = PackLesson(
                lesson=lesson,
                anchor=f"lesson-{lesson.id}",
                title=lesson.text("title", language),
                kind_title=str(kind.title) if kind is not None else lesson.kind,
                body=None if lock else _text(lesson, "body", language),
                transcript=None if lock or lesson.kind != VIDEO_KIND else _text(lesson, "transcript", language),
                online_url=lesson_url(lesson),
                release_at=lesson.release_at if later else None,
                locked=lock_message(lock) if lock is not None and not later else None,
            )
            pack_module.lessons.append(item)
        modules.append(pack_module)
    return Pack(
        course=course,
        language=language,
        title=course.text("title", language),
        summary=_text(course, "summary", language),
        objectives=_text(course, "objectives", language),
        modules=modules,
        course_url=site_url(url_for("courses.learn_course", uid=course.uid)),
        offline_url=site_url(url_for("courses.offline_progress", uid=course.uid)),
        site_url=site_url("/"),
        generated_at=now,
    )


def site_url(path: str) -> str:
    """An absolute address on ``BASE_URL`` (never on the request's Host header)."""
    return current_app.config["BASE_URL"].rstrip("/") + "/" + path.lstrip("/")


def lesson_url(lesson: Any) -> str:
    """The lesson's page online, where the learner marks it done."""
    return site_url(url_for("courses.learn_lesson", uid=lesson.uid))


# -- making rendered HTML stand alone -----------------------------------------------------------------------------
class _Standalone(HTMLParser):
    """Rewrites sanitised HTML so it fetches nothing: images are embedded or described, links to other sites keep
    their text only, links to this site become absolute on ``BASE_URL``."""

    VOID = frozenset({"br", "hr", "img"})

    def __init__(self, base_url: str, static_prefix: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url.rstrip("/") + "/"
        self.static_prefix = static_prefix
        self.out: list[str] = []
        self.open_links: list[bool] = []  # per <a>: whether it was kept as a link

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "img":
            self.out.append(self._image(values))
            return
        if tag == "a":
            href = self._href(values.get("href", ""))
            self.open_links.append(href is not None)
            if href is None:
                self.out.append("<span>")
                return
            values["href"] = href
        self.out.append(self._tag(tag, values))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag == "a":
            kept = self.open_links.pop() if self.open_links else True
            self.out.append("</a>" if kept else "</span>")
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    @staticmethod
    def _tag(tag: str, values: dict[str, str]) -> str:
        attributes = "".join(f' {name}="{escape(value)}"' for name, value in values.items())
        return f"<{tag}{attributes}>"

    def _own_path(self, url: str) -> str | None:
        """The path of ``url`` when it is on this site (relative, or absolute on ``BASE_URL``)."""
        parts = urlsplit(url)
        if not parts.scheme and not parts.netloc:
            return urlsplit(urljoin(self.base_url, url)).path if url.startswith("/") else None
        base = urlsplit(self.base_url)
        if (parts.scheme.lower(), parts.netloc.lower()) == (base.scheme.lower(), base.netloc.lower()):
            return parts.path
        return None

    def _href(self, href: str) -> str | None:
        href = href.strip()
        if not href:
            return None
        if href.startswith("#") or href.lower().startswith("mailto:"):
            return href
        path = self._own_path(href)
        if path is None:
            return None
        return urljoin(self.base_url, href)

    def _image(self, values: dict[str, str]) -> str:
        src = values.get("src", "").strip()
        alt = values.get("alt", "").strip()
        data = src if src.lower().startswith("data:image/") else self._embed(src)
        if data is None:
            if not alt:
                return ""
            return f'<span class="image-omitted">[{escape(_("Image: %(description)s", description=alt))}]</span>'
        kept = {name: values[name] for name in ("alt", "title", "width", "height") if values.get(name)}
        return self._tag("img", {"src": data, **kept})

    def _embed(self, src: str) -> str | None:
        path = self._own_path(src)
        if path is None or not path.startswith(self.static_prefix):
            return None
        filename = StaticOnlyFetcher.static_path(path[len(self.static_prefix) :])
        if filename is None or os.path.getsize(filename) > MAX_EMBEDDED_IMAGE:
            return None
        mime = mimetypes.guess_type(filename)[0] or ""
        if not mime.startswith("image/"):
            return None
        with open(filename, "rb") as handle:
            return f"data:{mime};base64,{base64.b64encode(handle.read()).decode('ascii')}"


def offline_html(html: str) -> Markup:
    """Sanitised HTML (from :func:`render_markdown`) made to stand alone in a downloaded file."""
    if not html:
        return Markup("")
    parser = _Standalone(current_app.config["BASE_URL"], url_for("static", filename=""))
    parser.feed(str(html))
    parser.close()
    return Markup("".join(parser.out))  # noqa: S704 - rebuilt from sanitised HTML, every value escaped


# -- studied offline ----------------------------------------------------------------------------------------------
@dataclass
class OfflineItem:
    lesson: Any
    module_title: Picked
    title: Picked
    done_at: datetime | None
    lock: Any
    lock_message: str | None


def lock_message(lock: Any) -> str | None:
    """Why a lesson is closed, in plain words (the learning pages say the same, with links)."""
    from .progress import LockReason

    if lock is None:
        return None
    if lock.reason == LockReason.RELEASE and lock.until is not None:
        return _(
            "Available on %(date)s at %(time)s, your time.",
            date=format_date(lock.until, "long"),
            time=format_time(lock.until, "short"),
        )
    titles = ", ".join(str(course.text("title")) for course in lock.courses)
    if lock.reason == LockReason.ORDER:
        return _("This track is taken in order: finish %(courses)s first.", courses=titles)
    return _("Finish %(courses)s first.", courses=titles)


def offline_items(course: Course, user: Any, *, now: datetime | None = None) -> list[OfflineItem]:
    """The course's lessons with what the learner did and what is locked (two queries, whatever the lessons)."""
    from .learning import learner_state
    from .progress import lesson_lock

    now = now or utcnow()
    done = dict(
        db.session.execute(
            select(LessonCompletion.lesson_uid, LessonCompletion.completed_at).where(
                LessonCompletion.user_id == user.id, LessonCompletion.course_uid == course.uid
            )
        ).all()
    )
    state = learner_state(user, course_uids=[course.uid])
    items = []
    for module in course.modules:
        for lesson in module.lessons:
            lock = None if lesson.uid in done else lesson_lock(lesson, course, state, now)
            items.append(
                OfflineItem(
                    lesson=lesson,
                    module_title=module.text("title"),
                    title=lesson.text("title"),
                    done_at=done.get(lesson.uid),
                    lock=lock,
                    lock_message=lock_message(lock),
                )
            )
    return items


def by_module(items: list[OfflineItem]) -> list[tuple[Picked, list[OfflineItem]]]:
    """Items grouped by module, in the course's order."""
    groups: list[tuple[Picked, list[OfflineItem]]] = []
    last = None
    for item in items:
        if item.lesson.module_id != last:
            groups.append((item.module_title, []))
            last = item.lesson.module_id
        groups[-1][1].append(item)
    return groups


def record_offline(user: Any, lessons: list[Any], *, actor: Any) -> int:
    """Mark ``lessons`` done with source "offline" through the learning service (which starts the course when
    needed and completes it, and its track, when the last required lesson is done). Idempotent: lessons already
    done are left as they are. Returns how many were newly marked."""
    from .learning import LearningError, complete_lesson
    from .models import CompletionSource

    if not lessons:
        return 0
    course_uid = lessons[0].module.course.uid
    already = set(
        db.session.scalars(
            select(LessonCompletion.lesson_uid).where(
                LessonCompletion.user_id == user.id, LessonCompletion.course_uid == course_uid
            )
        )
    )
    marked = 0
    try:
        with db.session.begin_nested():  # all or nothing: a refusal undoes the lessons marked before it
            for lesson in lessons:
                if lesson.uid in already:
                    continue
                complete_lesson(user, lesson, source=CompletionSource.OFFLINE, actor=actor)
                marked += 1
    except LearningError as error:
        message = lock_message(error.lock) if error.lock is not None else None
        raise OfflineError(message or str(error.message)) from error
    return marked

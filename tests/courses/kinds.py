"""Lesson kinds that tests declare as a plugin would: through the ``courses.lesson-kinds`` collector, from
``courses.api`` only, without touching courses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from courses.api import LessonKind, lesson_kinds

# What the quizzes plugin will declare: completed by passing it, with a score; learners cannot tick it.
QUIZ = LessonKind(
    "quiz",
    "Quiz",
    completes_by="quiz",
    learner_completes=False,
    completion_note="This lesson is done when you pass its quiz.",
    scores=True,
)


@contextmanager
def registered(*kinds: LessonKind) -> Iterator[None]:
    """The kinds answer the registry inside the block, as if the plugin declaring them were enabled."""

    def receiver(_sender: object) -> tuple[LessonKind, ...]:
        return kinds

    with lesson_kinds.connected_to(receiver):
        yield

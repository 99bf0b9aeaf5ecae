"""Authoring pages: the year lists axes and tracks, a track's page its courses, a course's page its modules and
lessons; a published revision is browsed read-only; moves come back to the list they changed; query counts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from courses.models import Assignment, Course, Plan, PlanStatus

from .test_authoring import courses_of, lessons_of, text_of


@pytest.fixture
def draft(make_plan):
    return make_plan(published=False)


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def track_url(track) -> str:
    return f"/courses/author/tracks/{track.id}/courses"


# -- the year: axes and tracks ---------------------------------------------------------------------------------------
def test_the_year_lists_tracks_with_their_figures_not_courses(draft, admin_client):
    track = draft.axes[0].tracks[0]
    page = page_of(admin_client, f"/courses/author/{draft.year}")
    text = text_of(page)
    assert "Stratégie numérique" in page and "Cours 1" not in page and "Leçon" not in page
    assert "2 courses · 6 lessons · 60 min" in text  # two courses of three 10-minute lessons
    assert f'<a href="{track_url(track)}">Stratégie numérique</a>' in page
    assert f'href="/courses/author/tracks/{track.id}"' in page  # Edit
    assert "Add a track" in page and "Add a course" not in page
    assert 'aria-label="Breadcrumb"' in page


def test_the_year_moves_tracks_and_comes_back_to_them(make_plan, admin_client, db):
    plan = make_plan(published=False, tracks=2, courses=1)
    first, second = plan.axes[0].tracks
    page = page_of(admin_client, f"/courses/author/{plan.year}")
    assert f'formaction="/courses/author/track/{first.id}/move" name="direction" value="down"' in page
    response = admin_client.post(f"/courses/author/track/{second.id}/move", data={"direction": "up"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/courses/author/{plan.year}#track-{second.id}")
    db.session.expire_all()
    assert [t.id for t in plan.axes[0].tracks] == [second.id, first.id]


# -- a track's page: its courses -------------------------------------------------------------------------------------
def test_the_track_page_lists_its_courses_in_order_and_moves_them(draft, admin_client, db):
    track = draft.axes[0].tracks[0]
    first, second = track.courses
    page = page_of(admin_client, track_url(track))
    text = text_of(page)
    assert text.index("Cours 1") < text.index("Cours 2") and "3 lessons · 30 min" in text
    assert "fr · es, pt, en missing" in text
    assert f'href="/courses/author/courses/{first.id}"' in page and "Add a course" in page
    assert f'href="/courses/author/{draft.year}#track-{track.id}"' in page  # the way back to the year
    assert f'formaction="/courses/author/course/{first.id}/move" name="direction" value="down"' in page

    response = admin_client.post(f"/courses/author/course/{second.id}/move", data={"direction": "up"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{track_url(track)}#course-{second.id}")
    db.session.expire_all()
    assert [c.id for c in track.courses] == [second.id, first.id]
    page = page_of(admin_client, track_url(track))
    assert text_of(page).index("Cours 2") < text_of(page).index("Cours 1")

    # A new course's page leads back to its track.
    new = page_of(admin_client, f"/courses/author/tracks/{track.id}/courses/new")
    assert f'href="{track_url(track)}"' in new


def test_the_course_page_outlines_modules_and_lessons_with_moves_and_previews(draft, admin_client, db):
    course = courses_of(draft)[0]
    module = course.modules[0]
    first, second, third = module.lessons
    page = page_of(admin_client, f"/courses/author/courses/{course.id}")
    assert 'class="editor"' in page and "Leçon 1.2" in page and "Add a lesson" in page and "Add a module" in page
    assert f'href="/courses/author/lessons/{first.id}/preview"' in page
    assert f'href="/courses/author/{draft.year}#track-{course.track.id}"' in page
    assert f'href="{track_url(course.track)}#course-{course.id}"' in page
    assert f'formaction="/courses/author/lesson/{second.id}/move" name="direction" value="up"' in page

    response = admin_client.post(f"/courses/author/lesson/{third.id}/move", data={"direction": "up"})
    assert response.headers["Location"].endswith(f"/courses/author/courses/{course.id}#lesson-{third.id}")
    response = admin_client.post(f"/courses/author/module/{module.id}/move", data={"direction": "up"})
    assert response.headers["Location"].endswith(f"/courses/author/courses/{course.id}#module-{module.id}")
    db.session.expire_all()
    assert [lesson.id for lesson in module.lessons] == [first.id, third.id, second.id]


# -- who sees what ---------------------------------------------------------------------------------------------------
def test_a_trainer_of_one_course_finds_it_and_nothing_else(draft, trainer_on, client_as):
    track = draft.axes[0].tracks[0]
    first, second = track.courses
    trainer = trainer_on(course=first)
    year = page_of(trainer, f"/courses/author/{draft.year}")
    assert "Stratégie numérique" in year and "Cours 1" in year and "Cours 2" not in year
    assert f'href="/courses/author/courses/{first.id}"' in year  # their course, under its track
    assert "3 lessons · 30 min" in text_of(year) and "2 courses" not in text_of(year)  # not the track's figures
    assert f'href="/courses/author/tracks/{track.id}"' not in year  # the track is not theirs to edit
    assert "formaction" not in year and "Add a track" not in year

    page = page_of(trainer, track_url(track))
    assert "Cours 1" in page and "Cours 2" not in page
    assert "Add a course" not in page and "formaction" not in page
    assert trainer.get(f"/courses/author/courses/{second.id}").status_code == 403
    assert trainer.get(f"/courses/author/tracks/{track.id}").status_code == 403
    assert trainer.post(f"/courses/author/course/{first.id}/move", data={"direction": "down"}).status_code == 403

    nobody = client_as("trainer")
    assert nobody.get(track_url(track)).status_code == 403
    assert nobody.get(f"/courses/author/{draft.year}").status_code == 403
    assert nobody.get("/courses/author/tracks/999999/courses").status_code == 404
    assert client_as("staff").get(track_url(track)).status_code == 403


def test_a_trainer_of_a_track_sees_and_orders_all_its_courses(draft, trainer_on):
    track = draft.axes[0].tracks[0]
    trainer = trainer_on(track=track)
    year = page_of(trainer, f"/courses/author/{draft.year}")
    assert "2 courses · 6 lessons · 60 min" in text_of(year) and "Cours 1" not in year
    assert "Add a track" not in year and "formaction" not in year  # tracks are the admins' to add and order
    page = page_of(trainer, track_url(track))
    assert "Cours 1" in page and "Cours 2" in page and "Add a course" in page and "formaction" in page


# -- a published revision, read-only ---------------------------------------------------------------------------------
def test_a_published_revision_is_browsed_read_only_with_previews(make_plan, trainer_on, db):
    published = make_plan()
    track = published.axes[0].tracks[0]
    course = track.courses[0]
    lesson = course.modules[0].lessons[0]
    trainer = trainer_on(track=track)

    year = page_of(trainer, f"/courses/author/{published.year}")
    assert "Open the draft of 2027" in year and f'href="{track_url(track)}"' in year
    assert "formaction" not in year and f'href="/courses/author/tracks/{track.id}"' not in year

    page = page_of(trainer, track_url(track))
    assert f'<a href="/courses/author/courses/{course.id}">Cours 1</a>' in page and "Open the draft" in page
    assert "formaction" not in page and "Add a course" not in page and ">Edit<" not in page

    outline = page_of(trainer, f"/courses/author/courses/{course.id}")
    assert "Module 1.1" in outline and "Leçon 1.1" in outline and "Leçon 1.3" in outline
    assert 'class="editor"' not in outline and 'name="version"' not in outline and "formaction" not in outline
    assert "Add a module" not in outline and "Add a lesson" not in outline and "Delete" not in outline
    assert f'href="/courses/author/lessons/{lesson.id}"' not in outline  # no editor link
    preview = re.search(rf'href="(/courses/author/lessons/{lesson.id}/preview[^"]*)"', outline)
    assert preview is not None
    shown = page_of(trainer, preview.group(1))
    assert "Leçon 1.1" in shown and f'href="/courses/author/courses/{course.id}#lesson-{lesson.id}"' in shown

    # The editors of a published item send the author to where it is read; a save changes nothing.
    response = trainer.get(f"/courses/author/lessons/{lesson.id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/courses/author/courses/{course.id}#lesson-{lesson.id}")
    response = trainer.get(f"/courses/author/tracks/{track.id}")
    assert response.headers["Location"].endswith(track_url(track))
    response = trainer.post(f"/courses/author/courses/{course.id}", data={"version": course.version, "fr-title": "X"})
    assert response.status_code == 302
    db.session.expire_all()
    assert course.texts_in("fr")["title"] == "Cours 1"
    assert trainer.post(f"/courses/author/course/{course.id}/move", data={"direction": "down"}).status_code == 302
    db.session.expire_all()
    assert [c.id for c in track.courses][0] == course.id  # a published revision keeps its order


def test_a_published_course_is_not_shown_to_whom_it_was_not_before(make_plan, trainer_on, client_as):
    published = make_plan()
    first, second = courses_of(published)
    trainer = trainer_on(course=first)
    assert trainer.get(f"/courses/author/courses/{first.id}").status_code == 200
    assert trainer.get(f"/courses/author/courses/{second.id}").status_code == 403
    assert trainer.get(f"/courses/author/lessons/{lessons_of(published)[3].id}/preview").status_code == 403
    assert "Cours 2" not in page_of(trainer, track_url(first.track))
    assert client_as("trainer").get(f"/courses/author/courses/{first.id}").status_code == 403


def test_an_archived_revision_is_read_only_too(make_plan, admin_client, db):
    archived = make_plan()
    archived.status = PlanStatus.ARCHIVED
    db.session.flush()
    course = courses_of(archived)[0]
    page = page_of(admin_client, f"/courses/author/courses/{course.id}")
    assert "archived" in page and "Open the draft" not in page and 'class="editor"' not in page
    assert "Leçon 1.1" in page and "formaction" not in page
    track = page_of(admin_client, track_url(course.track))
    assert "Cours 2" in track and "Add a course" not in track and "formaction" not in track


def test_opening_the_draft_from_a_course_lands_on_its_draft_copy(make_plan, trainer_on, db):
    published = make_plan()
    course = courses_of(published)[1]
    trainer = trainer_on(course=course)
    response = trainer.post(f"/courses/author/{published.year}/draft", data={"kind": "course", "uid": course.uid})
    assert response.status_code == 302
    draft = db.session.scalars(select(Plan).where(Plan.status == PlanStatus.DRAFT)).one()
    copy = db.session.scalars(select(Course).where(Course.uid == course.uid, Course.id != course.id)).one()
    assert copy.track.axis.plan_id == draft.id
    assert response.headers["Location"].endswith(f"/courses/author/courses/{copy.id}")
    assert 'class="editor"' in page_of(trainer, f"/courses/author/courses/{copy.id}")

    track = draft.axes[0].tracks[0]
    response = trainer.post(f"/courses/author/{published.year}/draft", data={"kind": "track", "uid": track.uid})
    assert response.headers["Location"].endswith(track_url(track))  # the draft exists already: its page
    unknown = trainer.post(f"/courses/author/{published.year}/draft", data={"kind": "course", "uid": "nope"})
    assert unknown.headers["Location"].endswith(f"/courses/author/{published.year}")
    bad = trainer.post(f"/courses/author/{published.year}/draft", data={"kind": "lesson", "uid": course.uid})
    assert bad.status_code == 400


# -- query counts ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["admin", "track trainer", "course trainer"])
@pytest.mark.parametrize("published", [False, True], ids=["draft", "published"])
def test_page_query_counts_do_not_grow_with_the_plan(make_plan, client_as, db, count_queries, role, published):
    """The year's, a track's and a course's pages cost the same for 1 track of 2 courses as for 4 tracks of 8; their
    Up/Down buttons share one form, so the number of CSRF tokens does not grow either."""
    counts: dict[str, list[int]] = {"year": [], "track": [], "course": []}
    tokens: dict[str, list[int]] = {"year": [], "track": [], "course": []}
    for year, tracks, courses in ((2031, 1, 2), (2032, 4, 8)):
        plan = make_plan(year, tracks=tracks, courses=courses, lessons=3 if tracks == 1 else 6, published=published)
        track = plan.axes[0].tracks[-1]
        course = track.courses[-1]
        client = client_as("admin" if role == "admin" else "trainer")
        if role != "admin":
            target = {"track_uid": track.uid} if role == "track trainer" else {"course_uid": course.uid}
            db.session.add(Assignment(user_id=client.user.id, **target))
            db.session.flush()
        for name, url in (
            ("year", f"/courses/author/{year}"),
            ("track", track_url(track)),
            ("course", f"/courses/author/courses/{course.id}"),
        ):
            client.get(url)  # warm caches (settings, the person)
            db.session.expire_all()
            with count_queries() as counted:
                response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
            counts[name].append(counted.count)
            tokens[name].append(response.get_data(as_text=True).count('name="csrf_token"'))
    for name, (small, large) in counts.items():
        assert small == large < 15, (name, counts)
    assert all(small == large for small, large in tokens.values()), tokens

"""The offline lesson pack (one self-contained HTML file, and a PDF) and recording lessons studied offline."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader

from courses.models import CompletionSource, Enrolment, EnrolmentStatus, LessonCompletion
from sonores_lms.database import utcnow

BASE_URL = "http://localhost"  # the test configuration's BASE_URL


def _lessons(course):
    return [lesson for module in course.modules for lesson in module.lessons]


@pytest.fixture
def course(make_plan, db):
    """A published course: a text lesson translated into Spanish, a text lesson in French only with outside links and
    images, a video with its transcript, a link lesson, and a lesson released next month."""
    plan = make_plan(2027, courses=1, lessons=5)
    course = plan.axes[0].tracks[0].courses[0]
    course.set_texts("fr", {"title": "Diffuser un concert", "objectives": "Préparer la **captation** d'un concert."})
    course.set_texts("es", {"title": "Transmitir un concierto", "objectives": "Preparar la grabación de un concierto."})
    first, second, video, link, later = _lessons(course)
    first.set_texts("es", {"title": "Señal y sonido", "body": "La mañana del ensayo, revisa la señal: ¿está lista?"})
    second.set_texts(
        "fr",
        {
            "title": "Régie et éclairage",
            "body": "Voir [le guide](https://evil.example/guide) et [la leçon](/courses/1).\n\n"
            "![schéma de scène](https://evil.example/stage.png) ![logo](/static/img/favicon.svg)\n\n"
            "<script>alert(1)</script>Fin de la leçon : l'été à Port-au-Prince.",
        },
    )
    video.kind, video.data = "video", {"url": "https://video.example/concert"}
    video.set_texts("fr", {"title": "Le concert en vidéo", "transcript": "Bonjour à toutes et à tous, bienvenue."})
    link.kind, link.data = "link", {"url": "https://partner.example/"}
    link.set_texts("fr", {"title": "Ressource du partenaire"})
    later.release_at = utcnow() + timedelta(days=30)
    later.set_texts("fr", {"title": "Bilan du festival", "body": "Texte secret du bilan."})
    db.session.flush()
    return course


@pytest.fixture
def learner(client_as):
    return client_as("staff", locale="es", timezone="America/Mexico_City")


def test_the_html_pack_is_one_self_contained_download(course, learner):
    response = learner.get(f"/courses/learn/{course.uid}/pack.html")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    html = response.get_data(as_text=True)
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()  # styles are inline, nothing is fetched
    for url in re.findall(r"https?://[^\s\"'<>)]+", html):
        assert url.startswith(BASE_URL + "/"), url
    assert re.findall(r'src="([^"]+)"', html) == [
        m for m in re.findall(r'src="([^"]+)"', html) if m.startswith("data:")
    ]
    assert "data:image/svg+xml;base64," in html  # the site's own image travels inside the file
    assert "[Image: schéma de scène]" in html  # an outside image is described, not fetched
    assert "le guide" in html and "evil.example" not in html


def test_the_pack_holds_the_course_in_the_readers_language_with_the_french_fallback_marked(course, learner):
    html = learner.get(f"/courses/learn/{course.uid}/pack.html").get_data(as_text=True)
    assert '<html lang="es">' in html
    assert "Transmitir un concierto" in html and "Preparar la grabación de un concierto." in html
    assert "La mañana del ensayo, revisa la señal: ¿está lista?" in html
    assert (
        "Fin de la leçon : l&#39;été à Port-au-Prince." in html or "Fin de la leçon : l'été à Port-au-Prince." in html
    )
    assert 'lang="fr"' in html and "Todavía no está traducido a su idioma: este texto está en" in html
    assert "Bonjour à toutes et à tous, bienvenue." in html  # the video's transcript
    assert "Texte secret du bilan." not in html  # released later: not in the pack yet
    first, second, *_rest = _lessons(course)
    # A table of contents, and for every lesson a link back to its page online.
    assert f'href="#lesson-{first.id}"' in html and f'id="lesson-{second.id}"' in html
    for lesson in _lessons(course):
        assert f'href="{BASE_URL}/courses/learn/lesson/{lesson.uid}"' in html
    assert f'href="{BASE_URL}/courses/learn/{course.uid}/offline"' in html


def test_the_pdf_pack_has_the_accented_text(course, learner):
    response = learner.get(f"/courses/learn/{course.uid}/pack.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.get_data())).pages)
    text = " ".join(text.split())
    assert "Transmitir un concierto" in text
    assert "La mañana del ensayo, revisa la señal: ¿está lista?" in text
    assert "Régie et éclairage" in text and "l'été à Port-au-Prince" in text
    assert "Bonjour à toutes et à tous" in text


def test_courses_outside_a_published_plan_have_no_pack(make_plan, learner, db):
    draft = make_plan(2028, published=False)
    uid = draft.axes[0].tracks[0].courses[0].uid
    for url in (f"/courses/learn/{uid}/pack.html", f"/courses/learn/{uid}/pack.pdf", f"/courses/learn/{uid}/offline"):
        assert learner.get(url).status_code == 404
    assert learner.get("/courses/learn/no-such-course/pack.html").status_code == 404


def test_anonymous_people_are_sent_to_sign_in(course, client):
    assert client.get(f"/courses/learn/{course.uid}/pack.html").status_code == 302


def _completions(db, user):
    return {
        row.lesson_uid: row.source
        for row in db.session.query(LessonCompletion).filter(LessonCompletion.user_id == user.id)
    }


def test_studied_offline_marks_the_ticked_lessons_done_once(course, learner, db):
    first, second, *_rest = _lessons(course)
    page = learner.get(f"/courses/learn/{course.uid}/offline").get_data(as_text=True)
    assert "Señal y sonido" in page and f'value="{second.id}"' in page
    data = {"lessons": [str(first.id), str(second.id)]}
    response = learner.post(f"/courses/learn/{course.uid}/offline", data=data)
    assert response.status_code == 302
    assert _completions(db, learner.user) == {first.uid: CompletionSource.OFFLINE, second.uid: CompletionSource.OFFLINE}
    enrolment = db.session.query(Enrolment).filter_by(user_id=learner.user.id, course_uid=course.uid).one()
    assert enrolment.status is EnrolmentStatus.ACTIVE  # started by the learning service
    # Sending the same form again (a second trip online) changes nothing.
    again = learner.post(f"/courses/learn/{course.uid}/offline", data=data, follow_redirects=True)
    assert again.status_code == 200
    assert db.session.query(LessonCompletion).filter_by(user_id=learner.user.id).count() == 2


def test_locked_lessons_are_refused_with_a_message(course, learner, db):
    first, *_middle, later = _lessons(course)
    response = learner.post(f"/courses/learn/{course.uid}/offline", data={"lessons": [str(first.id), str(later.id)]})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert (
        "Bilan du festival" in page and "Las lecciones bloqueadas todavía no se pueden marcar como completadas" in page
    )
    assert _completions(db, learner.user) == {}  # nothing half-done


def test_marking_every_required_lesson_offline_completes_the_course(course, learner, db):
    course_lessons = _lessons(course)
    later = course_lessons[-1]
    later.release_at = None
    db.session.flush()
    response = learner.post(
        f"/courses/learn/{course.uid}/offline", data={"lessons": [str(x.id) for x in course_lessons]}
    )
    assert response.status_code == 302
    enrolment = db.session.query(Enrolment).filter_by(user_id=learner.user.id, course_uid=course.uid).one()
    assert enrolment.status is EnrolmentStatus.COMPLETED


def test_an_empty_or_foreign_choice_is_a_message_not_an_error(course, learner, make_plan, db):
    assert "Marque las lecciones que estudió." in learner.post(f"/courses/learn/{course.uid}/offline").get_data(
        as_text=True
    )
    other = make_plan(2029, courses=1)
    foreign = _lessons(other.axes[0].tracks[0].courses[0])[0]
    response = learner.post(f"/courses/learn/{course.uid}/offline", data={"lessons": [str(foreign.id)]})
    assert response.status_code == 200 and _completions(db, learner.user) == {}


def test_the_course_page_offers_the_pack_and_the_offline_form(course, learner):
    page = learner.get(f"/courses/learn/{course.uid}").get_data(as_text=True)
    for path in ("pack.html", "pack.pdf", "offline"):
        assert f'href="/courses/learn/{course.uid}/{path}"' in page


# -- a pack holds what its reader may read online -------------------------------------------------------------------
PACKS = ("pack.html", "pack.pdf")


def _pack_text(client, uid, name):
    response = client.get(f"/courses/learn/{uid}/{name}")
    if name == "pack.pdf" and response.status_code == 200:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.get_data())).pages)
        return response.status_code, " ".join(text.split())
    return response.status_code, response.get_data(as_text=True)


@pytest.mark.parametrize("name", PACKS)
def test_a_course_reserved_for_staff_has_no_pack_for_trainers_nor_auditors(course, client_as, db, name):
    course.audience = ["staff"]
    db.session.flush()
    for role in ("trainer", "auditor"):
        status, text = _pack_text(client_as(role, locale="fr"), course.uid, name)
        assert status == 403, role
        assert "Texte de la leçon" not in text and "Bonjour à toutes et à tous" not in text
        assert "réservé" in text  # the lesson pages' own reason
        # Online, the same person gets the same answer.
        assert client_as(role).get(f"/courses/learn/lesson/{_lessons(course)[0].uid}").status_code == 403
    status, text = _pack_text(client_as("staff", locale="fr"), course.uid, name)
    assert status == 200 and "Bonjour à toutes et à tous" in text


@pytest.mark.parametrize("name", PACKS)
def test_a_course_locked_by_its_tracks_order_leaves_its_lessons_out(make_plan, client_as, db, name):
    plan = make_plan(2030, courses=2, lessons=2, enforce_order=True)
    first, second = plan.axes[0].tracks[0].courses
    learner = client_as("staff", locale="fr")
    lesson = _lessons(second)[0]
    assert learner.get(f"/courses/learn/lesson/{lesson.uid}").status_code == 403  # locked online
    status, text = _pack_text(learner, second.uid, name)
    assert status == 200
    assert "Leçon 2.1" in text  # titles and links stay: the learner sees what comes
    assert "Texte de la leçon 1." not in text and "Texte de la leçon 2." not in text
    assert "Ce parcours se suit dans l'ordre" in text.replace("’", "'") and "Cours 1" in text
    # The first course is open: its pack has its text.
    assert "Texte de la leçon 1." in _pack_text(learner, first.uid, name)[1]


def test_a_course_locked_by_a_prerequisite_leaves_its_lessons_out_until_it_is_done(make_plan, client_as, db):
    plan = make_plan(2030, courses=2, lessons=1)
    first, second = plan.axes[0].tracks[0].courses
    second.prerequisites.append(first)
    db.session.flush()
    learner = client_as("staff", locale="fr")
    html = learner.get(f"/courses/learn/{second.uid}/pack.html").get_data(as_text=True)
    assert "Texte de la leçon 1." not in html and "Terminez" in html
    # Once the prerequisite is done online, the pack carries the lessons.
    learner.post(f"/courses/learn/lesson/{_lessons(first)[0].uid}/done")
    html = learner.get(f"/courses/learn/{second.uid}/pack.html").get_data(as_text=True)
    assert "Texte de la leçon 1." in html

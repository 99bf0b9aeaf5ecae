from __future__ import annotations


def profile_data(user, **changes):
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": "",
        "locale": "fr",
        "timezone": "",
        "institute_id": "0",
        "notifications-course_updates": "y",
        "version": str(user.version),
    }
    data.update(changes)
    return data


def test_profile_edit_saves_and_audits(client_as, create_institute, db):
    from sonores_lms.audit.models import AuditEntry

    institute = create_institute()
    c = client_as("staff", institute_id=institute.id)
    other = create_institute()
    response = c.post(
        "/account/profile",
        data=profile_data(
            c.user,
            first_name="Wideline",
            locale="es",
            timezone="America/Port-au-Prince",
            institute_id=str(other.id),  # not a field of the profile: people do not move themselves
        ),
    )
    assert response.status_code == 302
    db.session.refresh(c.user)
    assert (c.user.first_name, c.user.locale, c.user.timezone, c.user.institute_id) == (
        "Wideline",
        "es",
        "America/Port-au-Prince",
        institute.id,
    )
    assert c.user.notifications == {"course_updates": True, "reminders": False, "network_news": False}
    assert db.session.query(AuditEntry).filter_by(action="core.profile-updated", target_id=c.user.id).count() == 1
    page = c.get("/account/profile")
    assert '<html lang="es">' in page.get_data(as_text=True)


def test_profile_rejects_bad_input_and_keeps_what_was_typed(client_as, db):
    c = client_as("staff")
    response = c.post(
        "/account/profile", data=profile_data(c.user, first_name="", last_name="Kept", timezone="Mars/Base")
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'value="Kept"' in html
    assert html.count('aria-invalid="true"') == 2
    db.session.refresh(c.user)
    assert c.user.last_name != "Kept"


def test_stale_profile_edit_is_a_conflict(client_as, db):
    c = client_as("staff")
    stale = profile_data(c.user, first_name="First")
    assert c.post("/account/profile", data=profile_data(c.user, first_name="Second")).status_code == 302
    response = c.post("/account/profile", data=stale)
    assert response.status_code == 409
    db.session.refresh(c.user)
    assert c.user.first_name == "Second"

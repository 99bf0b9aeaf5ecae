"""Mail is rendered in the recipient's language and sent once, even when its job runs again."""

from __future__ import annotations

from email import message_from_bytes

from sonores_lms.jobs import enqueue, send_mail
from sonores_lms.mail import send_templated_mail


def test_a_repeated_mail_job_sends_once(app, outbox):
    with app.test_request_context():
        enqueue(send_mail, key="k-1", to="a@example.org", subject="Hello", body="Body")
        enqueue(send_mail, key="k-1", to="a@example.org", subject="Hello", body="Body")
        enqueue(send_mail, key="k-2", to="a@example.org", subject="Hello", body="Body")
    assert len(outbox) == 2


def test_templated_mail_has_subject_and_body(app, outbox, dummy_user):
    with app.test_request_context():
        send_templated_mail(dummy_user.email, "mail/password_reset", locale="fr", user=dummy_user, link="http://x/y")
    assert len(outbox) == 1
    assert outbox[0].to == ["dummy@example.org"]
    assert outbox[0].subject and "\n" not in outbox[0].subject
    assert "http://x/y" in outbox[0].body
    assert "Dana" in outbox[0].body


def test_outbox_backend_writes_eml_files(app, tmp_path, capsys):
    from flask_mailman import EmailMessage

    from sonores_lms.extensions import mail

    app.config["MAIL_OUTBOX"] = str(tmp_path)
    try:
        with app.app_context():
            connection = mail.get_connection(backend="sonores_lms.mail_outbox")
            EmailMessage(subject="Bienvenue", body="Bonjour à tous", to=["b@example.org"], connection=connection).send()
    finally:
        app.config["MAIL_OUTBOX"] = None
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1
    message = message_from_bytes(files[0].read_bytes())
    assert message["To"] == "b@example.org"
    assert "Bonjour à tous" in message.get_payload(decode=True).decode()
    assert "Bienvenue" in capsys.readouterr().err

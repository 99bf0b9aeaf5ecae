"""Entry point for WSGI servers: ``gunicorn -w 4 wsgi:app``."""

from sonores_lms import create_app

app = create_app()

"""Entry point for WSGI servers: ``gunicorn -w 4 wsgi:app``."""

import gc

from sonores_lms import create_app

app = create_app()
# What is loaded at start (modules, templates, translations, locale data) lives as long as the process: frozen out of
# the garbage collector's full passes, which would otherwise rescan all of it and add some 50 ms to an unlucky
# request.
gc.freeze()

"""Benchmarks for the core and courses pages: generators for a large network, its training plan and what people
did with it, and a measurement of server time, queries and HTML.

``python -m benchmarks [--db sqlite|postgresql|both] [--scale 1.0] [--repeat 50] [--no-courses]`` (or ``make bench``)
fills a new database per kind, measures each page with the Flask test client and refreshes ``benchmarks/RESULTS.md``.
"""

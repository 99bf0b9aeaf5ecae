"""Benchmarks for the core pages: a generator for a large network and a measurement of server time, queries and HTML.

``python -m benchmarks [--db sqlite|postgresql|both] [--scale 1.0] [--repeat 50]`` (or ``make bench``) fills a new
database per kind, measures each page with the Flask test client and refreshes ``benchmarks/RESULTS.md``.
"""

"""The one blueprint of the courses plugin; its routes live in courses/views/."""

from flask import Blueprint

blueprint = Blueprint("courses", __name__, url_prefix="/courses")

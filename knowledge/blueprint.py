"""The one blueprint of the knowledge plugin; its routes live in knowledge/views/."""

from flask import Blueprint

blueprint = Blueprint("knowledge", __name__, url_prefix="/knowledge")

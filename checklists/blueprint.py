"""The one blueprint of the checklists plugin; its routes live in checklists/views/."""

from flask import Blueprint

blueprint = Blueprint("checklists", __name__, url_prefix="/checklists")

"""The one blueprint of the certificates plugin; its routes live in certificates/views/."""

from flask import Blueprint

blueprint = Blueprint("certificates", __name__, url_prefix="/certificates")

"""knowledge: a programme kit's budget as structured lines

Revision ID: knowledge_0003
Revises: knowledge_0001
Create Date: 2026-12-07

Kits held their budget as free text in ``kit["budget"]``, one line each, ``label | 1 200 USD``. It becomes the JSON
column ``budget``: a list of ``{"label", "amount", "currency", "note"}``, the amount a decimal string. Each line
that reads ``label | amount CUR`` (a currency of the region) becomes a line with its amount; any other line is kept
whole as a note, so nothing written is lost. Downgrading writes the lines back as text into the kit.

The parsing is copied here rather than imported: a migration must keep doing what it did when the code moves on.
"""

import json
import re
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "knowledge_0003"
down_revision = "knowledge_0002"
branch_labels = None
depends_on = None

CURRENCIES = {
    "USD", "EUR", "MXN", "GTQ", "HNL", "NIO", "CRC", "PAB", "CUP", "DOP", "HTG", "JMD", "TTD", "XCD", "BBD", "BSD",
    "BZD", "GYD", "SRD", "COP", "VES", "PEN", "BOB", "BRL", "ARS", "CLP", "PYG", "UYU", "CAD",
}  # fmt: skip
LEGACY = re.compile(r"^(?P<label>.*\S)\s*\|\s*(?P<amount>[\d\s\u00a0\u202f.,']+?)\s*(?P<currency>[A-Za-z]{3})$")
GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")

resources = sa.table(
    "knowledge_resources",
    sa.column("id", sa.Integer),
    sa.column("kit", sa.JSON),
    sa.column("budget", sa.JSON),
)


def _amount(text):
    raw = re.sub(r"[\s\u00a0\u202f']", "", text)
    if "." in raw and "," in raw:
        mark = "." if raw.rfind(".") > raw.rfind(",") else ","
        raw = raw.replace("," if mark == "." else ".", "").replace(mark, ".")
    elif GROUPED.match(raw):
        raw = raw.replace(".", "").replace(",", "")
    else:
        raw = raw.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", raw):
        return None
    try:
        value = Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return str(value.quantize(Decimal(1))) if value == value.to_integral_value() else str(value)


def lines_of(text):
    lines = []
    for raw in (text or "").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        match = LEGACY.match(raw)
        amount = _amount(match["amount"]) if match and match["currency"].upper() in CURRENCIES else None
        if amount is not None:
            lines.append({"label": match["label"][:200], "amount": amount, "currency": match["currency"].upper(),
                          "note": ""})  # fmt: skip
        else:
            lines.append({"label": "", "amount": None, "currency": None, "note": raw[:500]})
    return lines


def _loaded(value):
    return json.loads(value) if isinstance(value, str) else (value or {})


def upgrade():
    # Plain ALTER TABLE on every database: a batch rebuild of knowledge_resources on SQLite drops the old table, and
    # with foreign keys on that deletes (cascades to) every revision, file and reuse of every resource.
    op.add_column("knowledge_resources", sa.Column("budget", sa.JSON(), nullable=False, server_default="[]"))
    bind = op.get_bind()
    for row in bind.execute(sa.select(resources.c.id, resources.c.kit)).all():
        kit = dict(_loaded(row.kit))
        text = kit.pop("budget", None)
        values = {"budget": lines_of(text if isinstance(text, str) else "")}
        if text is not None:
            values["kit"] = kit
        bind.execute(resources.update().where(resources.c.id == row.id).values(**values))
    if bind.dialect.name != "sqlite":
        # SQLite keeps the harmless default: removing it would need that same rebuild.
        op.alter_column("knowledge_resources", "budget", server_default=None)


def downgrade():
    bind = op.get_bind()
    for row in bind.execute(sa.select(resources.c.id, resources.c.kit, resources.c.budget)).all():
        lines = _loaded(row.budget) or []
        if not lines:
            continue
        texts = []
        for line in lines:
            amount = f"{line['amount']} {line.get('currency') or ''}".strip() if line.get("amount") else ""
            parts = [part for part in (line.get("label", ""), amount) if part]
            text = " | ".join(parts)
            if line.get("note"):
                text = f"{text} ({line['note']})" if text else line["note"]
            texts.append(text)
        kit = dict(_loaded(row.kit))
        kit["budget"] = "\n".join(texts)
        bind.execute(resources.update().where(resources.c.id == row.id).values(kit=kit))
    op.drop_column("knowledge_resources", "budget")  # SQLite 3.35+ drops a plain column in place

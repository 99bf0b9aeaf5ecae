"""A programme kit's budget lines: label, amount, currency, note; parsed, checked and added up without a query.

A line is stored in ``Resource.budget`` as ``{"label", "amount", "currency", "note"}``: the amount as a decimal
string (``"1200.50"``, JSON has no exact decimals) or None for a line that only says something (a contribution in
kind, a line kept from the free text the kits had before), and the currency as an ISO 4217 code of the region.
Totals are per currency: the network spends in a dozen of them, and no rate of the day belongs in a kit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

# The currencies the network's institutes pay in, then the two its partners often quote in (EUR, CAD). Babel
# names them in the reader's language.
CURRENCIES: tuple[str, ...] = (
    "USD",
    "EUR",
    "MXN",
    "GTQ",
    "HNL",
    "NIO",
    "CRC",
    "PAB",
    "CUP",
    "DOP",
    "HTG",
    "JMD",
    "TTD",
    "XCD",
    "BBD",
    "BSD",
    "BZD",
    "GYD",
    "SRD",
    "COP",
    "VES",
    "PEN",
    "BOB",
    "BRL",
    "ARS",
    "CLP",
    "PYG",
    "UYU",
    "CAD",
)
LABEL_MAX = 200
NOTE_MAX = 500
MAX_LINES = 60
AMOUNT_MAX = Decimal("1000000000000")  # a trillion, in any currency, is a typing error
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
# "Sonorisation | 1 200 USD", "Ferries | 320 USD": what kits held as free text before the lines were structured.
_LEGACY = re.compile(r"^(?P<label>.*\S)\s*\|\s*(?P<amount>[\d\s\u00a0\u202f.,']+?)\s*(?P<currency>[A-Za-z]{3})$")


class AmountError(ValueError):
    """Not an amount: not a number, or more than two decimals."""


def parse_amount(text: str | None) -> Decimal | None:
    """``"1 200"``, ``"1.200"``, ``"1,200.50"``, ``"1200,5"`` -> a Decimal; blank -> None. The last of ``.`` and
    ``,`` is the decimal mark when both are written; one mark followed by groups of three digits groups thousands
    (``1.200`` is twelve hundred, as the region writes it); otherwise it is the decimal mark. Raises AmountError.
    The sign is kept: refusing a negative amount is the form's rule, with its own message."""
    raw = _SPACES.sub("", text or "")
    if not raw:
        return None
    sign = ""
    if raw[0] in "+-":
        sign, raw = ("-" if raw[0] == "-" else ""), raw[1:]
    if "." in raw and "," in raw:
        decimal_mark = "." if raw.rfind(".") > raw.rfind(",") else ","
        raw = raw.replace("," if decimal_mark == "." else ".", "").replace(decimal_mark, ".")
    elif _GROUPED.match(raw):
        raw = raw.replace(".", "").replace(",", "")
    else:
        raw = raw.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?|\.\d{1,2}", raw):
        raise AmountError(text)
    try:
        value = Decimal(sign + raw)
    except InvalidOperation as error:  # pragma: no cover - the pattern above already refused it
        raise AmountError(text) from error
    if abs(value) >= AMOUNT_MAX:
        raise AmountError(text)
    return value


def amount_text(value: Decimal) -> str:
    """How an amount is stored: plain digits, two decimals when it has any (``"1200"``, ``"1200.50"``)."""
    value = value.quantize(Decimal("0.01"))
    return str(value.quantize(Decimal(1))) if value == value.to_integral_value() else str(value)


def line(label: str = "", amount: Decimal | None = None, currency: str | None = None, note: str = "") -> dict[str, Any]:
    """A stored line; a currency without an amount says nothing and is dropped."""
    return {
        "label": label.strip()[:LABEL_MAX],
        "amount": amount_text(amount) if amount is not None else None,
        "currency": currency if amount is not None else None,
        "note": note.strip()[:NOTE_MAX],
    }


def from_text(text: str | None) -> list[dict[str, Any]]:
    """Free-text lines as kits held them, one a line: ``label | 1 200 USD`` becomes a line with its amount; any
    other line is kept whole, as a note (nothing a contributor wrote is lost)."""
    lines = []
    for raw in (text or "").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        match = _LEGACY.match(raw)
        currency = match["currency"].upper() if match else None
        if match and currency in CURRENCIES:
            try:
                amount = parse_amount(match["amount"])
            except AmountError:
                amount = None
            if amount is not None and amount >= 0:
                lines.append(line(match["label"], amount, currency))
                continue
        lines.append(line(note=raw))
    return lines


def amount_of(stored: Mapping[str, Any]) -> Decimal | None:
    """A stored line's amount, or None (a note, or a value that is not one)."""
    try:
        return Decimal(str(stored["amount"])) if stored.get("amount") not in (None, "") else None
    except InvalidOperation:
        return None


def totals(lines: Iterable[Mapping[str, Any]]) -> dict[str, Decimal]:
    """The sum of the amounts per currency, currencies in the order the lines first name them."""
    found: dict[str, Decimal] = {}
    for stored in lines:
        amount = amount_of(stored)
        currency = stored.get("currency")
        if amount is not None and currency:
            found[currency] = found.get(currency, Decimal(0)) + amount
    return found


def as_text(lines: Iterable[Mapping[str, Any]]) -> str:
    """One line of text per budget line (``label | 1200 USD | note``), for the differences between revisions."""
    texts = []
    for stored in lines:
        amount = f"{stored['amount']} {stored.get('currency') or ''}".strip() if stored.get("amount") else ""
        texts.append(" | ".join(part for part in (stored.get("label", ""), amount, stored.get("note", "")) if part))
    return "\n".join(texts)


def of_snapshot(snapshot: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A revision's budget lines; revisions saved before lines were structured kept them as the kit's text."""
    if "budget" in snapshot:
        return list(snapshot.get("budget") or [])
    return from_text((snapshot.get("kit") or {}).get("budget"))

"""Fill missing entries of a catalogue from a JSON object {msgid: msgstr}: python scripts/po_fill.py LANG FILE.json"""

import json
import sys

from babel.messages.pofile import read_po, write_po

lang, table_path = sys.argv[1], sys.argv[2]
path = f"translations/{lang}/LC_MESSAGES/messages.po"
with open(table_path, encoding="utf-8") as fh:
    table = json.load(fh)
with open(path, "rb") as fh:
    catalog = read_po(fh, locale=lang)
for message in catalog:
    if message.id in table and not message.string:
        message.string = table[message.id]
with open(path, "wb") as fh:
    write_po(fh, catalog, width=120)

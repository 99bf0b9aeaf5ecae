"""Print the entries of a catalogue that still need a translation (for translators)."""

import sys

from babel.messages.pofile import read_po

with open(sys.argv[1], "rb") as fh:
    catalog = read_po(fh)
for message in catalog:
    if message.id and (
        message.fuzzy or not all(message.string if isinstance(message.string, tuple) else [message.string])
    ):
        print(repr(message.id))

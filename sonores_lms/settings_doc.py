"""The README's settings tables, printed from the declarations: ``python -m sonores_lms.settings_doc``.

Paste its output over the tables of the README's "Configuration" section after declaring or changing a setting;
``tests/core/test_settings_declared.py`` fails while they differ.
"""

from __future__ import annotations

from .config import CORE_SETTINGS, settings_table
from .jobs import QUEUE_SETTINGS
from .plugins import discover


def tables() -> dict[str, str]:
    """Title -> Markdown table: the core's settings, the job queue's, then each installed plugin's (by name)."""
    result = {
        "core": settings_table(CORE_SETTINGS),
        "job queue (environment only)": settings_table(QUEUE_SETTINGS),
    }
    for name, plugin in sorted(discover().items()):
        if plugin.settings:
            result[f"plugin {name}"] = settings_table(plugin.settings, prefix="SONORES_" + plugin.config_prefix)
    return result


def main() -> None:
    for title, table in tables().items():
        print(f"<!-- {title} -->\n{table}\n")


if __name__ == "__main__":
    main()

"""Deprecated: the plugins are the package `saylav_site` now and import each other relatively.

`sibling(__file__, "charts")` is kept for plugin files written before that change: it returns the
package's own module (`saylav_site.charts`), so there is one copy of each. Use
`from . import charts` in plugin files instead; this module will be removed.

`python -m etl.plugin_support plugins/*.py` rewrites the old import lines of plugin files in place:
`from etl.plugin_support import sibling` goes, `x = sibling(__file__, "y")` becomes
`from . import y as x`, and site_data's `... import sibling as _load_sibling` becomes relative.
"""
from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path


def sibling(plugin_file: str, name: str):
    """The module `saylav_site.NAME` (the plugin package's module of that name)."""
    return importlib.import_module("saylav_site." + name)


def relative_imports(source: str) -> str:
    """The plugin file's text with the sibling loader's import lines made relative imports."""
    source = source.replace("from etl.plugin_support import sibling as _load_sibling\n",
                            "from . import sibling as _load_sibling\n")
    source = re.sub(r"^from etl\.plugin_support import sibling\n\n?", "", source, flags=re.M)
    return re.sub(r'^(\w+) = sibling\(__file__, "(\w+)"\)$',
                  lambda m: f"from . import {m.group(2)}" + ("" if m.group(1) == m.group(2) else f" as {m.group(1)}"),
                  source, flags=re.M)


def main(paths: list[str]) -> int:
    for p in map(Path, paths):
        text = p.read_text(encoding="utf-8")
        new = relative_imports(text)
        if new != text:
            p.write_text(new, encoding="utf-8")
            print(f"relative imports: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

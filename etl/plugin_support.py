"""Deprecated: the plugins are the package `saylav_site` now and import each other relatively.

`sibling(__file__, "charts")` is kept for plugin files written before that change: it returns the
package's own module (`saylav_site.charts`), so there is one copy of each. Use
`from . import charts` in plugin files instead; this module will be removed.
"""
from __future__ import annotations

import importlib


def sibling(plugin_file: str, name: str):
    """The module `saylav_site.NAME` (the plugin package's module of that name)."""
    return importlib.import_module("saylav_site." + name)

"""saylav_site: the archive's public site as one Datasette plugin package.

Installed from the folder `plugins/` under the name `saylav_site` (see pyproject.toml) and
registered through the `datasette` entry point, so `datasette saylav.db` or `saylav serve` in any
environment where saylav-archive is installed serves the whole site: pages, feeds, templates,
static files and metadata. One concern per module; each module that declares hooks is registered
with Datasette's plugin manager here (pluggy only sees hooks that are attributes of the module it
registers, and several modules implement the same hook).

Modules import each other with normal relative imports (`from . import site_data as site`).
"""
from __future__ import annotations

import importlib
import pkgutil

__all__ = ["plugin_modules"]


def plugin_modules() -> list:
    """Every module of the package that declares Datasette hooks, in name order."""
    out = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.ispkg or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if any(hasattr(getattr(module, attr, None), "datasette_impl") for attr in dir(module)):
            out.append(module)
    return out


def _register() -> None:
    from datasette.plugins import pm

    for module in plugin_modules():
        if not pm.is_registered(module):
            pm.register(module, name=module.__name__)


_register()

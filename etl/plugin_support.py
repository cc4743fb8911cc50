"""Support for the Datasette plugins in plugins/.

Datasette loads each file of a plugins directory by its path, not as a package, so one plugin
cannot `import` another. `sibling(__file__, "charts")` loads a helper module from the same folder
once (cached in sys.modules under `saylav_plugins.NAME`) and returns it.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def sibling(plugin_file: str, name: str):
    """The module `NAME.py` that sits beside `plugin_file`, loaded once."""
    key = "saylav_plugins." + name
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, Path(plugin_file).with_name(name + ".py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]

"""The project's version, read from the installed package's metadata (pyproject.toml is the one source).

Used by `saylav --version`, the crawler's User-Agent, the site's footer and the release files.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version

DISTRIBUTION = "saylav-archive"

try:
    __version__ = _version(DISTRIBUTION)
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

#: Home of the code (for CITATION.cff, the release and the package metadata).
REPOSITORY_NAME = "saylav-archive"

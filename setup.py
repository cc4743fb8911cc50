"""Only the package list lives here (everything else is in pyproject.toml): every package under etl/
is found by itself, so a new subpackage (etl/fetch/, ...) ships without editing a list; the site's
packages are mapped from plugins/, templates/, static/ and the root (see [tool.setuptools.package-dir])."""
from setuptools import find_packages, setup

SITE = ["saylav_site", "saylav_site.templates", "saylav_site.static", "saylav_site.meta"]

setup(packages=find_packages(include=["etl", "etl.*"]) + SITE)

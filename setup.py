"""The package list and one build step (everything else is in pyproject.toml).

- Every package under etl/ is found by itself, so a new subpackage (etl/fetch/, ...) ships without
  editing a list; the site's packages are mapped from plugins/, templates/ and static/ (see
  [tool.setuptools.package-dir] in pyproject.toml).
- metadata.yml, LICENSE and CITATION.cff stay at the repository root for editing and are copied
  into the wheel as saylav_site/meta/ (an editable install reads them from the root).
"""
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

SITE = ["saylav_site", "saylav_site.templates", "saylav_site.static"]
META_FILES = ["metadata.yml", "LICENSE", "CITATION.cff"]


class build_py_with_meta(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "saylav_site" / "meta"
        target.mkdir(parents=True, exist_ok=True)
        for name in META_FILES:
            self.copy_file(name, str(target / name))

    def get_outputs(self, include_bytecode=True):
        target = Path(self.build_lib) / "saylav_site" / "meta"
        return super().get_outputs(include_bytecode) + [str(target / name) for name in META_FILES]


setup(packages=find_packages(include=["etl", "etl.*"]) + SITE, cmdclass={"build_py": build_py_with_meta})

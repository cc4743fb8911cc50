"""What the installed package brings besides code: templates, static files, metadata, version.

In the wheel, templates/, static/ and metadata.yml sit inside the package (saylav_site/templates,
saylav_site/static, saylav_site/meta/metadata.yml); in a
checkout they sit beside plugins/ at the repository root. `TEMPLATES_DIR`, `STATIC_DIR` and
`METADATA` name whichever exists, so `saylav serve`, plain `datasette saylav.db` and the tests
find the same files either way.

Hooks (all for plain `datasette`, which gets no command-line options from us):
- the site's templates come first in the template search path;
- `/static/...` serves the site's static files (the pages link /static/site.css);
- the metadata (titles, descriptions, licence, source) is the packaged metadata.yml when the
  instance was given none of its own;
- templates get `saylav_version` (the site's footer shows it).

And one guard: Datasette 0.65's own error handler prints every handled error (a 404 too) with
`rich`, locals included, whenever `rich` happens to be installed (frictionless and many tools
bring it), and that call raises ValueError outside an `except` block, so the visitor gets a crash
instead of the error page. Errors are answers here: it is switched off (`_no_rich_tracebacks`).
"""
from __future__ import annotations

import copy
import functools
from pathlib import Path

from datasette import hookimpl

PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for base in (PACKAGE_DIR, PACKAGE_DIR / "meta", PACKAGE_DIR.parent):
        if (base / name).exists():
            return base / name
    return PACKAGE_DIR / name


def _no_rich_tracebacks() -> None:
    try:
        import datasette.handle_exception as handler
    except ImportError:  # pragma: no cover - another Datasette layout
        return
    if getattr(handler, "rich", None) is not None:
        handler.rich = None


_no_rich_tracebacks()

TEMPLATES_DIR = _find("templates")
STATIC_DIR = _find("static")
METADATA = _find("metadata.yml")


def version() -> str:
    """The installed package's version (single-sourced in pyproject.toml; see etl/version.py)."""
    from etl.version import __version__

    return __version__


@functools.lru_cache(maxsize=1)
def _site_metadata() -> dict:
    import yaml

    return yaml.safe_load(METADATA.read_text(encoding="utf-8")) or {}


def site_metadata() -> dict:
    """The packaged metadata.yml as a dict (a fresh copy)."""
    return copy.deepcopy(_site_metadata())


@hookimpl
def get_metadata(datasette, key, database, table):
    if getattr(datasette, "_metadata_local", None):
        return {}
    if not hasattr(datasette, "_saylav_packaged_metadata"):
        datasette._saylav_packaged_metadata = site_metadata()
    return datasette._saylav_packaged_metadata


@hookimpl
def prepare_jinja2_environment(env, datasette):
    from jinja2 import ChoiceLoader, FileSystemLoader

    ours = str(TEMPLATES_DIR)
    loader = env.loader
    if TEMPLATES_DIR.is_dir() and isinstance(loader, ChoiceLoader) and loader.loaders \
            and isinstance(loader.loaders[0], FileSystemLoader):
        paths = loader.loaders[0].searchpath
        if ours not in paths:  # a checkout: after --template-dir, before Datasette's own
            paths.insert(max(len(paths) - 1, 0), ours)
    elif TEMPLATES_DIR.is_dir() and not isinstance(loader, ChoiceLoader):
        env.loader = ChoiceLoader([FileSystemLoader(ours), loader])
    env.globals["saylav_version"] = version()


@hookimpl
def register_routes(datasette):
    from datasette.utils.asgi import asgi_static

    if STATIC_DIR.is_dir():
        return [(r"^/static/(?P<path>.*)$", asgi_static(STATIC_DIR))]
    return []

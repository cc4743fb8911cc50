"""`saylav publish`: a container build context that serves the archive anywhere, and how to deploy it.

The context folder (default dist/publish) holds:

    Dockerfile        pinned slim Python base; a venv with the wheel installed (dependency versions
                      pinned by constraints.txt to the ones this build was tested with); the
                      database and its inspect data baked in; `saylav serve` (Datasette with the
                      project's settings, as `make serve` runs it) on 0.0.0.0:$PORT, non-root
    wheels/           the saylav-archive wheel (site plugins, templates, static files, metadata)
    constraints.txt   exact versions of the runtime dependencies
    data/             saylav.db and inspect.json
    fly.toml          Fly.io app configuration (port, health check, concurrency)
    .dockerignore     keeps publish.json and DEPLOY.md out of the image
    publish.json      what was published: the database's content hash, version, wheel, base image
    DEPLOY.md         the deploy commands (also printed)

Replicas are stateless: every instance serves the same immutable database, so a container
platform scales them out (Cloud Run, Fly, Kubernetes), and a CDN in front caches by the headers of
plugins/cdn_cache.py (keyed to the database's content hash, `SAYLAV_DB_SHA256`).

`--if-changed` does nothing when the database's content hash equals the one in the last
publish.json. No Docker is needed to make the context; the platforms build it remotely.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .release import _sha256_file, content_hash
from .version import DISTRIBUTION, __version__

ROOT = Path(__file__).resolve().parent.parent
#: Python base images by minor version: the host's minor, so the pinned dependency versions have wheels.
BASE_IMAGES = {
    (3, 10): "python:3.10.16-slim-bookworm",
    (3, 11): "python:3.11.11-slim-bookworm",
    (3, 12): "python:3.12.8-slim-bookworm",
    (3, 13): "python:3.13.1-slim-bookworm",
}
DEFAULT_BASE_IMAGE = BASE_IMAGES.get(sys.version_info[:2], BASE_IMAGES[(3, 12)])
CONTAINER_DATA = "/data"
CONTAINER_PORT = 8080
DEFAULT_NAME = "saylav-archive"
DEFAULT_REGION = "europe-west1"
SOURCE_FILES = ["pyproject.toml", "setup.py", "README.md", "LICENSE", "CITATION.cff", "metadata.yml"]
SOURCE_DIRS = ["etl", "plugins", "templates", "static"]


class PublishError(Exception):
    """The context cannot be made (no database, no wheel, a failed build, ...)."""


@dataclass
class Context:
    folder: Path
    content_hash: str
    wheel: str
    changed: bool
    commands: str

    def __str__(self) -> str:
        if not self.changed:
            return (f"unchanged: database content {self.content_hash[:16]} is already published in {self.folder}; "
                    "nothing to do")
        return f"context for saylav-archive {__version__} (database content {self.content_hash[:16]}) in {self.folder}"


def source_root() -> Path | None:
    """The checkout this module runs from, when it is one (pyproject.toml of saylav-archive)."""
    pyproject = ROOT / "pyproject.toml"
    if pyproject.is_file() and f'name = "{DISTRIBUTION}"' in pyproject.read_text(encoding="utf-8"):
        return ROOT
    return None


def build_wheel(outdir: Path, root: Path | None = None, timeout: float = 600) -> Path:
    """Build the saylav-archive wheel from a copy of the checkout (the checkout itself is not touched)."""
    root = root or source_root()
    if root is None:
        raise PublishError("no source checkout to build the wheel from: pass --wheel PATH "
                           "(a saylav-archive wheel, e.g. from `pip wheel --no-deps .` in a checkout)")
    import tempfile

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="saylav-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name in SOURCE_FILES:
            if (root / name).exists():
                shutil.copy2(root / name, src / name)
        for name in SOURCE_DIRS:
            if (root / name).is_dir():
                shutil.copytree(root / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
               "-w", str(Path(tmp) / "out"), str(src)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            raise PublishError(f"building the wheel took over {timeout:.0f}s") from e
        if done.returncode != 0:
            raise PublishError(f"building the wheel failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        wheels = sorted((Path(tmp) / "out").glob("saylav_archive-*.whl"))
        if not wheels:
            raise PublishError("building the wheel produced no saylav_archive-*.whl")
        target = outdir / wheels[-1].name
        shutil.copy2(wheels[-1], target)
    return target


def runtime_constraints() -> list[str]:
    """`name==version` of every installed runtime dependency of saylav-archive (recursively)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        from packaging.requirements import Requirement
    except ImportError:  # pragma: no cover - pip always vendors it
        from pip._vendor.packaging.requirements import Requirement

    seen: dict[str, str] = {}
    todo = [(DISTRIBUTION, ())]
    while todo:
        name, extras = todo.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        key = dist.metadata["Name"].lower().replace("_", "-")
        first = key not in seen
        seen[key] = dist.version
        if not first and not extras:
            continue
        for spec in dist.requires or []:
            req = Requirement(spec)
            envs = [{"extra": e} for e in extras] or [{"extra": ""}]
            if req.marker is None or any(req.marker.evaluate(env) for env in envs):
                todo.append((req.name, tuple(req.extras)))
    for tool in (DISTRIBUTION, "pip", "setuptools", "wheel"):  # the image's own installer stays as it is
        seen.pop(tool, None)
    return [f"{name}=={version}" for name, version in sorted(seen.items())]


def container_command(port_var: str = "PORT") -> list[str]:
    """What the container runs: `saylav serve`, i.e. `datasette serve` with the project's settings
    (immutable database with its inspect file, SQL limits, metadata, plugins), on 0.0.0.0:$PORT.
    One command for `make serve` and the container, so a setting or limit added there applies here."""
    return ["saylav", "serve", "--db", f"{CONTAINER_DATA}/saylav.db", "-h", "0.0.0.0", "-p", f"${{{port_var}}}"]


def shell_command(argv: list[str]) -> str:
    """The command for `sh -c`: every word quoted, the port variable left for the shell."""
    return "exec " + " ".join(f'"{a}"' if a.startswith("${") else shlex.quote(a) for a in argv)


def dockerfile(wheel_name: str, db_hash: str, base_image: str) -> str:
    cmd = json.dumps(["/bin/sh", "-c", shell_command(container_command())])
    return f"""# saylav-archive {__version__}: the archive's public site serving one immutable database.
# Made by `saylav publish`. Database content sha256: {db_hash}
# Stateless: run as many replicas as needed behind a CDN (see plugins/cdn_cache.py for the headers).
FROM {base_image}

ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1

# the package in a venv of its own; dependency versions as tested (constraints.txt)
RUN python -m venv /opt/saylav
ENV PATH=/opt/saylav/bin:$PATH
COPY constraints.txt /tmp/install/constraints.txt
COPY wheels/{wheel_name} /tmp/install/{wheel_name}
RUN pip install --constraint /tmp/install/constraints.txt /tmp/install/{wheel_name} \\
    && rm -rf /tmp/install \\
    && datasette plugins | grep -q saylav_site

# the database and its inspect data (row counts, hash), read-only
COPY data/saylav.db data/inspect.json {CONTAINER_DATA}/

RUN useradd --system --no-create-home --uid 10001 saylav
USER saylav

ENV PORT={CONTAINER_PORT} \\
    SAYLAV_DB_SHA256={db_hash}
EXPOSE {CONTAINER_PORT}
CMD {cmd}
"""


def fly_toml(name: str) -> str:
    return f"""# Fly.io: `fly deploy` in this folder builds the Dockerfile on Fly's builders.
app = "{name}"
primary_region = "ams"

[build]
  dockerfile = "Dockerfile"

[env]
  PORT = "{CONTAINER_PORT}"

[http_service]
  internal_port = {CONTAINER_PORT}
  force_https = true
  auto_stop_machines = "stop"
  auto_start_machines = true
  min_machines_running = 1

  [http_service.concurrency]
    type = "requests"
    soft_limit = 40
    hard_limit = 80

  [[http_service.checks]]
    grace_period = "15s"
    interval = "30s"
    method = "GET"
    path = "/-/versions.json"
    timeout = "5s"

[[vm]]
  size = "shared-cpu-1x"
  memory = "512mb"
"""


def deploy_commands(folder: Path, name: str, region: str) -> str:
    f = shlex.quote(str(folder))
    return f"""Deploy the context in {folder} (no local Docker needed; both platforms build it remotely):

Google Cloud Run:
  gcloud run deploy {name} --source {f} --region {region} --allow-unauthenticated \\
    --port {CONTAINER_PORT} --cpu 1 --memory 1Gi --concurrency 40 --min-instances 0 --max-instances 20

Fly.io:
  fly apps create {name}    # once
  fly deploy {f} --config {f}/fly.toml --remote-only
  fly scale count 2         # more replicas: every one serves the same immutable database

Put a CDN in front: responses carry Cache-Control, ETag and Surrogate-Key/Cache-Tag keyed to the
database's content hash; /saylav-<hash>/... URLs are immutable.
"""


def read_manifest(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def make_context(db_path: Path, out: Path, wheel: Path | None = None, if_changed: bool = False,
                 name: str = DEFAULT_NAME, region: str = DEFAULT_REGION,
                 base_image: str = DEFAULT_BASE_IMAGE, state: Path | None = None) -> Context:
    """Write the build context `out` (replaced whole, only when complete)."""
    db_path, out = Path(db_path), Path(out)
    if not db_path.is_file():
        raise PublishError(f"{db_path} does not exist: run `saylav load` (or `make load`) first")
    state = Path(state) if state else out / "publish.json"
    db_hash = content_hash(db_path)
    commands = deploy_commands(out, name, region)
    last = read_manifest(state)
    if if_changed and last and last.get("db_content_sha256") == db_hash:
        return Context(folder=out, content_hash=db_hash, wheel=last.get("wheel", ""), changed=False, commands=commands)

    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "wheels").mkdir(parents=True)
    (tmp / "data").mkdir()
    if wheel is not None:
        wheel = Path(wheel)
        if not wheel.is_file() or not wheel.name.startswith("saylav_archive-") or wheel.suffix != ".whl":
            raise PublishError(f"{wheel} is not a saylav_archive-*.whl file")
        built = tmp / "wheels" / wheel.name
        shutil.copy2(wheel, built)
    else:
        built = build_wheel(tmp / "wheels")
    shutil.copyfile(db_path, tmp / "data" / "saylav.db")
    _inspect(tmp / "data" / "saylav.db", tmp / "data" / "inspect.json")
    (tmp / "constraints.txt").write_text("\n".join(runtime_constraints()) + "\n", encoding="utf-8")
    (tmp / "Dockerfile").write_text(dockerfile(built.name, db_hash, base_image), encoding="utf-8")
    (tmp / "fly.toml").write_text(fly_toml(name), encoding="utf-8")
    (tmp / ".dockerignore").write_text("publish.json\nDEPLOY.md\n*.tmp\n", encoding="utf-8")
    (tmp / "DEPLOY.md").write_text("# Deploying saylav-archive\n\n```\n" + commands + "```\n", encoding="utf-8")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    manifest = {
        "version": __version__,
        "db_content_sha256": db_hash,
        "db_file_sha256": _sha256_file(tmp / "data" / "saylav.db"),
        "wheel": built.name,
        "wheel_sha256": _sha256_file(built),
        "base_image": base_image,
        "created": now.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    }
    (tmp / "publish.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, out)
    if state != out / "publish.json":
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return Context(folder=out, content_hash=db_hash, wheel=built.name, changed=True, commands=commands)


def _inspect(db: Path, target: Path) -> None:
    """Datasette's inspect data for the database (as `saylav load` writes it beside the database)."""
    from .load import write_inspect

    write_inspect(db, target)


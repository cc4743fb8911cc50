"""The `saylav` command: thin wrappers over the pipeline's modules."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .capture import MAX_CAPTURE_BYTES, MAX_LINE_CHARS


@click.group()
@click.version_option(package_name="saylav-archive")
def cli():
    """saylav-archive: an open-data archive of saylav.gov.tm (Turkmenistan's Central Commission
    for Elections and Referendums), in English, Turkmen and Russian."""


def _progress_factory(enabled: bool):
    if not enabled:
        return lambda it, **kw: it
    from tqdm import tqdm

    def progress(it, desc=None, unit="it", total=None):
        total = total if total is not None else (len(it) if hasattr(it, "__len__") else None)
        return tqdm(it, desc=desc, unit=unit, total=total, leave=False,
                    disable=(total or 0) < 200 or not sys.stderr.isatty())

    return progress


@cli.command()
@click.option("--raw", "raw", type=click.Path(file_okay=False, path_type=Path), default=Path("data/raw"),
              show_default=True, help="Folder of captures to read (searched recursively).")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=Path("data/saylav.db"),
              show_default=True, help="Database to build; replaced only when the new build passes its checks.")
@click.option("--strict", is_flag=True, help="Exit non-zero (and keep the old database) if any parse issue is found.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show progress bars on long loads.")
@click.option("--max-capture-bytes", type=click.IntRange(min=1), default=MAX_CAPTURE_BYTES, show_default=True,
              help="Skip a capture file larger than this, with a parse issue saying so.")
@click.option("--max-line-chars", type=click.IntRange(min=1), default=MAX_LINE_CHARS, show_default=True,
              help="Cut a line of page text longer than this, with a parse issue saying so.")
@click.option("--full", is_flag=True, help="Read and parse every capture afresh, ignoring the cache of what each "
              "capture yielded (kept beside the database, in .saylav-cache/); the cache is refilled.")
def load(raw: Path, db: Path, strict: bool, progress: bool, max_capture_bytes: int, max_line_chars: int,
         full: bool):
    """Rebuild the database from the captures in RAW, atomically."""
    from .capture import Limits
    from .load import LoadError, StrictError
    from .load import load as run_load

    try:
        summary, issues = run_load(raw, db, progress=_progress_factory(progress), strict=strict,
                                   limits=Limits(max_capture_bytes, max_line_chars), full=full,
                                   use_cache=True)
    except StrictError as e:
        for issue in e.issues[:20]:
            click.echo(f"parse issue: line {issue['line']}: {issue['problem']}: {issue['excerpt'][:80]!r}", err=True)
        raise click.ClickException(f"--strict: {len(e.issues)} parse issues; {db} left unchanged")
    except LoadError as e:
        raise click.ClickException(f"load failed, {db} left unchanged: {e}")
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    for issue in issues[:10]:
        click.echo(f"parse issue: line {issue['line']}: {issue['problem']}: {issue['excerpt'][:80]!r}", err=True)
    if len(issues) > 10:
        click.echo(f"... and {len(issues) - 10} more parse issues (table parse_issues)", err=True)
    click.echo(f"loaded {summary} into {db} in {summary.seconds['total']:.1f}s")


from .fetch import (  # noqa: E402
    COMMAND_HELP,
    DEFAULT_BASE_URL,
    DEFAULT_DELAY,
    DEFAULT_RAW,
    LANGS,
    OPTION_HELP,
)


@cli.command(help=COMMAND_HELP)
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True, help=OPTION_HELP["base_url"])
@click.option("--raw", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_RAW, show_default=True,
              help=OPTION_HELP["raw"])
@click.option("--lang", "langs", multiple=True, type=click.Choice(LANGS), help=OPTION_HELP["lang"])
@click.option("--delay", type=float, default=DEFAULT_DELAY, show_default=True, help=OPTION_HELP["delay"])
@click.option("--full", is_flag=True, help=OPTION_HELP["full"])
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar while fetching.")
def fetch(base_url: str, raw: Path, langs: tuple, delay: float, full: bool, progress: bool):
    from .fetch import FetchError, crawl

    try:
        summary = crawl(base_url, raw, list(langs) or list(LANGS), delay, full, progress=progress)
    except FetchError as e:
        raise click.ClickException(str(e))
    except ValueError as e:
        raise click.BadParameter(str(e))
    click.echo(f"fetch: {summary}")
    if summary.failed:
        sys.exit(2)


@cli.command()
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=Path("data/saylav.db"),
              show_default=True, help="Database to serve (built by `saylav load`).")
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
def serve(db: Path, host: str, port: int):
    """Serve the archive with Datasette, with the project's metadata, plugins and settings."""
    from .serve import serve as run_server

    if not db.exists():
        raise click.ClickException(f"{db} does not exist: run `saylav load` (or `make load`) first")
    from .build import pin_for_serving

    # the server's own snapshot: a load while it runs leaves it wholly on the data it started with
    run_server(pin_for_serving(db), host, port)


@cli.command()
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=Path("data/saylav.db"),
              show_default=True, help="Database to release (built by `saylav load`); it is only read.")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("dist/release"),
              show_default=True, help="Release folder to write; replaced whole, only when the release is complete.")
@click.option("--metadata", "metadata", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="metadata.yml describing the tables and columns (default: the one installed with the site).")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check datapackage.json with `frictionless validate` when frictionless is installed.")
def release(db: Path, out: Path, metadata: Path | None, validate: bool):
    """Write a dataset release: database, CSVs (UTF-8 and Excel), datapackage.json, Popolo JSON,
    CITATION.cff and SHA256SUMS."""
    from .release import ReleaseError, make_release, validate_datapackage

    try:
        made = make_release(db, out, metadata_path=metadata)
    except ReleaseError as e:
        raise click.ClickException(str(e))
    click.echo(f"release: {made} in {out}/")
    if validate:
        problems = validate_datapackage(out / "datapackage.json")
        if problems is None:
            click.echo("frictionless is not installed: datapackage.json not validated "
                       "(pip install frictionless, then `frictionless validate " f"{out}/datapackage.json`)")
        elif problems:
            for p in problems[:20]:
                click.echo(f"invalid: {p}", err=True)
            raise click.ClickException(f"{out}/datapackage.json is not valid ({len(problems)} problems)")
        else:
            click.echo(f"frictionless: {out}/datapackage.json is valid")


@cli.command()
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=Path("data/saylav.db"),
              show_default=True, help="Database to bake into the image (built by `saylav load`); it is only read.")
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("dist/publish"),
              show_default=True, help="Build context folder to write; replaced whole, only when complete.")
@click.option("--wheel", "wheel", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="A saylav-archive wheel to ship (default: build one from this checkout).")
@click.option("--if-changed", is_flag=True,
              help="Do nothing when the database's content hash equals the last published one (publish.json).")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where the last published hash is kept for --if-changed (default: OUT/publish.json).")
@click.option("--name", default="saylav-archive", show_default=True,
              help="Service name on Cloud Run and app name on Fly, in the printed commands and fly.toml.")
@click.option("--region", default="europe-west1", show_default=True, help="Cloud Run region in the printed command.")
@click.option("--base-image", default=None,
              help="Pinned Python base image for the Dockerfile (default: slim Debian image of this Python's minor version).")
def publish(db: Path, out: Path, wheel: Path | None, if_changed: bool, state: Path | None, name: str, region: str,
            base_image: str | None):
    """Make a container build context (Dockerfile, wheel, database) and print how to deploy it
    to Cloud Run and Fly."""
    from .publish import DEFAULT_BASE_IMAGE, PublishError, make_context

    try:
        ctx = make_context(db, out, wheel=wheel, if_changed=if_changed, name=name, region=region,
                           base_image=base_image or DEFAULT_BASE_IMAGE, state=state)
    except PublishError as e:
        raise click.ClickException(str(e))
    click.echo(f"publish: {ctx}")
    if ctx.changed:
        click.echo("")
        click.echo(ctx.commands.rstrip("\n"))


if __name__ == "__main__":
    cli()

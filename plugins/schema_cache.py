"""The schema of an immutable database, read once: its tables' columns, keys and full-text tables.

Datasette 0.65 asks SQLite about a table's schema on every page that shows it: a row page reads the
table's primary keys twice, its column details, its outgoing foreign keys and every table's foreign
keys (`PRAGMA foreign_key_list` of each table, for the "links from other tables"); the site's row
pages read the foreign keys once more (plugins/site_links.py). Each is a round trip to a database
thread. A database served immutable (`saylav serve`, the container) cannot change while the
process runs, so the answers cannot either: here they are kept per database and table, and each
caller gets its own copy (callers may change what they are given). Mutable databases are asked
every time, as Datasette does. The same functions answer, once per table.

Only the database's own tables and views are remembered (their names are read once): a table name
comes from the URL, so a name that is not in the schema is passed on as it is, and what is kept
stays bounded by the schema.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.database import Database

# Database method -> copy of its answer handed to each caller
METHODS = {
    "table_columns": list,
    "table_column_details": list,
    "primary_keys": list,
    "fts_table": lambda value: value,
    "foreign_keys_for_table": lambda fks: [dict(fk) for fk in fks],
    "get_all_foreign_keys": lambda tables: {
        table: {direction: [dict(fk) for fk in fks] for direction, fks in keys.items()}
        for table, keys in tables.items()},
}
NAMES_SQL = "select name from sqlite_master where type in ('table', 'view')"


async def _kept(db: Database) -> tuple[dict, frozenset] | None:
    """(the answers kept for `db`, the names of its tables and views), or None when the database
    may change (mutable)."""
    if db.is_mutable:
        return None
    kept = db.__dict__.get("_saylav_schema")
    if kept is None:
        names = await db.execute_fn(lambda conn: frozenset(row[0] for row in conn.execute(NAMES_SQL)))
        kept = db.__dict__["_saylav_schema"] = ({}, names)
    return kept


def _memoised(name: str, original, copy):
    async def method(self, *args, **kwargs):
        kept = await _kept(self)
        if kept is None:
            return await original(self, *args, **kwargs)
        answers, names = kept
        given = (*args, *kwargs.values())
        if not all(isinstance(arg, str) and arg in names for arg in given):
            return await original(self, *args, **kwargs)
        key = (name, args, tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = await original(self, *args, **kwargs)
        return copy(answers[key])

    method.__name__ = method.__qualname__ = name
    method.__doc__ = original.__doc__
    method.__wrapped__ = original  # Datasette's own method, for tests holding this one to it
    method._saylav_schema_cached = True
    return method


def install() -> None:
    """Keep the answers of Database's schema methods for immutable databases (once per process)."""
    for name, copy in METHODS.items():
        original = getattr(Database, name)
        if not getattr(original, "_saylav_schema_cached", False):
            setattr(Database, name, _memoised(name, original, copy))


@hookimpl
def startup(datasette):
    install()

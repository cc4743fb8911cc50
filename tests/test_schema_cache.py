"""The schema of an immutable database is read once (plugins/schema_cache.py) and answers as
Datasette's own methods do: the same values, a copy for each caller, mutable databases and names
outside the schema asked every time, and the same pages."""
from __future__ import annotations

import re
import sqlite3

import pytest
from datasette.app import Datasette
from datasette.database import Database

from etl.serve import make_app
from saylav_site import schema_cache

SCHEMA = """
create table authors (id text primary key, name text);
create table books (id integer primary key, author_id text references authors(id), title text);
create virtual table books_fts using fts5(title, content="books");
insert into authors values ('a1', 'Ann');
insert into books values (1, 'a1', 'Sands');
"""
BOOKS_FK = {"column": "author_id", "other_table": "authors", "other_column": "id"}


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.close()
    return path


async def served(path, immutable=True):
    ds = Datasette(immutables=[str(path)]) if immutable else Datasette([str(path)])
    await ds.invoke_startup()
    return ds, ds.get_database("library")


def count_calls(db, monkeypatch) -> list:
    calls = []
    execute_fn = db.execute_fn

    async def counted(fn):
        calls.append(fn)
        return await execute_fn(fn)

    monkeypatch.setattr(db, "execute_fn", counted)
    return calls


async def test_an_immutable_database_answers_as_before_and_is_asked_once(library, monkeypatch):
    ds, db = await served(library)
    calls = count_calls(db, monkeypatch)
    for _ in range(2):
        assert await db.table_columns("books") == ["id", "author_id", "title"]
        assert [c.name for c in await db.table_column_details("authors")] == ["id", "name"]
        assert await db.primary_keys("authors") == ["id"]
        assert await db.fts_table("books") == "books_fts"
        assert await db.foreign_keys_for_table("books") == [BOOKS_FK]
        all_keys = await db.get_all_foreign_keys()
        assert all_keys["authors"] == {"incoming": [{"other_table": "books", "other_column": "author_id",
                                                     "column": "id"}], "outgoing": []}
        assert all_keys["books"] == {"incoming": [], "outgoing": [BOOKS_FK]}
    # the table names once, then each of the six answers once
    assert len(calls) == 7


async def test_the_kept_answers_equal_datasettes_own(library):
    ds, db = await served(library)
    for name in schema_cache.METHODS:
        method = getattr(Database, name)
        assert method._saylav_schema_cached
        args = () if name == "get_all_foreign_keys" else ("books",)
        assert await method(db, *args) == await method.__wrapped__(db, *args)


async def test_each_caller_gets_its_own_copy(library):
    ds, db = await served(library)
    (await db.foreign_keys_for_table("books"))[0]["column"] = "changed"
    (await db.primary_keys("authors")).append("name")
    (await db.get_all_foreign_keys())["books"]["outgoing"].clear()
    assert await db.foreign_keys_for_table("books") == [BOOKS_FK]
    assert await db.primary_keys("authors") == ["id"]
    assert (await db.get_all_foreign_keys())["books"]["outgoing"] == [BOOKS_FK]


async def test_a_name_outside_the_schema_is_asked_every_time_and_not_kept(library, monkeypatch):
    ds, db = await served(library)
    await db.primary_keys("authors")
    calls = count_calls(db, monkeypatch)
    for _ in range(3):
        assert await db.primary_keys("no such table") == []
        assert await db.table_columns("AUTHORS") == ["id", "name"]  # SQLite's spelling differs: asked
    assert len(calls) == 6
    answers, names = db._saylav_schema
    assert names == {"authors", "books", "books_fts", "books_fts_data", "books_fts_idx",
                     "books_fts_docsize", "books_fts_config"}
    assert list(answers) == [("primary_keys", ("authors",), ())]


async def test_a_mutable_database_is_asked_every_time(library):
    ds, db = await served(library, immutable=False)
    assert await db.table_columns("authors") == ["id", "name"]
    await db.execute_write("alter table authors add column born integer")
    assert await db.table_columns("authors") == ["id", "name", "born"]
    assert "_saylav_schema" not in db.__dict__


def _plain(monkeypatch):
    for name in schema_cache.METHODS:
        monkeypatch.setattr(Database, name, getattr(Database, name).__wrapped__)


async def test_the_site_pages_are_the_same_without_the_kept_schema(bundled_db, monkeypatch):
    item = sqlite3.connect(bundled_db).execute("select id from news_items order by id limit 1").fetchone()[0]
    paths = [f"/saylav/news_items/{item}", f"/saylav/news_items/{item}.json?_extras=foreign_key_tables",
             "/saylav/news_items?_size=3", "/saylav/elected_members.json?_size=3", "/saylav", f"/news/{item}"]

    async def pages():
        ds = make_app(bundled_db)
        await ds.invoke_startup()
        out = []
        for path in paths:
            response = await ds.client.get(path)
            out.append((response.status_code, re.sub(r'"query_ms": [0-9.e-]+', "", response.text)))
        return out

    kept = await pages()
    with monkeypatch.context() as m:
        _plain(m)
        plain = await pages()
    assert [status for status, _ in kept] == [200] * len(paths)
    assert kept == plain

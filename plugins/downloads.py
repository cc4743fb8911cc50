"""Complete downloads: a CSV export is either whole or visibly broken, never silently cut short.

Two ways Datasette 0.65 hands out a short CSV with a 200:

1. It streams a CSV (`?_stream=1`) page by page, and when something goes wrong half way (the
   `max_csv_mb` limit, a page running past the SQL time limit) it writes the error text into the
   CSV and ends the response normally.
2. Its pages of a sorted table (a `_sort`, or a `sort`/`sort_desc` in metadata, as news_items,
   captures, elections, meetings and turnout_snapshots have) disagree about ties: the first page is
   ordered by the sort column alone, the following ones by the sort column and the primary key. Rows
   that share a sort value are skipped or repeated across pages, so a streamed export of such a
   table silently loses rows.

So a streamed CSV of a table or view of the archive (`/saylav/{table}.csv?_stream=on`, with any
column filters, `_search`, `_where`, `_sort`/`_sort_desc`) is served here instead: one query in
one read transaction, ordered by the sort and then the primary key, written from a worker thread
with back-pressure, and checked at the end against `count(*)` of the same query. Anything else
(`_col`, `_labels`, canned queries, `?sql=`) goes to Datasette, whose writer is replaced by one
that turns both failure paths into `IncompleteDownload`.

`IncompleteDownload` is a BaseException, which Datasette's `except Exception` does not swallow:
the server drops the connection before the final chunk, so curl, browsers and httpx report an
incomplete transfer instead of saving a short file.

`_bom=1` starts the full export with a UTF-8 byte-order mark, so Excel opens Turkmen and Russian
text ungarbled (the "CSV for Excel" links of the table pages and /news use it). The database file itself is served whole by
Datasette (`/saylav.db`, immutable, `allow_download`).
"""
from __future__ import annotations

import asyncio
import contextvars
import csv
import io
import sys
import threading

import datasette.views.base as _views_base
from datasette import hookimpl
from datasette.utils import escape_sqlite

CHUNK = 64 * 1024
QUEUE = 8
# query-string arguments the full export understands; others go to Datasette
HANDLED = {"_stream", "_bom", "_size", "_dl", "_header", "_nofacet", "_nocount", "_nosuggest", "_sort", "_sort_desc",
           "_search", "_searchmode", "_where", "_through"}


class IncompleteDownload(BaseException):
    """A streamed download could not be completed; the connection must be dropped, not closed."""


class CompleteOrAbortWriter:
    """Drop-in for datasette.utils.LimitedWriter (same constructor and write())."""

    aborts_incomplete = True

    def __init__(self, writer, limit_mb):
        self._write = writer.write
        self.limit_bytes = (limit_mb or 0) * 1024 * 1024
        self.bytes_count = 0
        # Datasette writes its mid-stream error message straight to the underlying writer:
        # any such write means the export has failed.
        writer.write = self._refuse

    async def write(self, chunk):
        self.bytes_count += len(chunk)
        if self.limit_bytes and self.bytes_count > self.limit_bytes:
            raise IncompleteDownload(
                f"CSV export stopped: more than {self.limit_bytes} bytes (max_csv_mb); the download is incomplete")
        await self._write(chunk)

    async def _refuse(self, message):
        sys.stderr.write(f"CSV export failed mid-stream, dropping the connection: {message}\n")
        raise IncompleteDownload(f"CSV export failed mid-stream: {message}")


_views_base.LimitedWriter = CompleteOrAbortWriter


class FullExport:
    """An ASGI response streaming one query as CSV from a worker thread, verified by count."""

    def __init__(self, datasette, database, sql, params, count_sql, headings, headers, content_type, header_row,
                 bom=False):
        self.ds, self.database = datasette, database
        self.bom = bom
        self.sql, self.params, self.count_sql = sql, params, count_sql
        self.headings, self.headers, self.content_type = headings, headers, content_type
        self.header_row = header_row

    def _produce(self, loop, queue, stop):
        def put(item):
            future = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
            while not stop.is_set():
                try:
                    return future.result(timeout=0.5)
                except TimeoutError:
                    continue
            future.cancel()
            raise IncompleteDownload("client went away")

        conn = None
        try:
            db = self.ds.get_database(self.database)
            conn = db.connect()
            self.ds._prepare_connection(conn, self.database)
            conn.row_factory = None
            conn.execute("begin")  # one snapshot for the rows and the count
            buf = io.StringIO()
            if self.bom:
                buf.write("\ufeff")  # Excel reads the file as UTF-8 only when it starts with a BOM
            writer = csv.writer(buf)
            if self.header_row:
                writer.writerow(self.headings)
            written = 0
            limit = (self.ds.setting("max_csv_mb") or 0) * 1024 * 1024
            sent = 0
            for row in conn.execute(self.sql, self.params):
                writer.writerow([cell.hex() if isinstance(cell, bytes) else cell for cell in row])
                written += 1
                if buf.tell() >= CHUNK:
                    sent += buf.tell()
                    if limit and sent > limit:
                        raise IncompleteDownload(f"CSV export stopped: more than {limit} bytes (max_csv_mb)")
                    put(buf.getvalue())
                    buf.seek(0)
                    buf.truncate()
            expected = conn.execute(self.count_sql, self.params).fetchone()[0]
            if written != expected:
                raise IncompleteDownload(f"wrote {written} rows of {expected}")
            put(buf.getvalue())
            put(None)
        except BaseException as e:  # noqa: B036 - hand every failure to the response
            if not stop.is_set():
                try:
                    put(e if isinstance(e, IncompleteDownload) else IncompleteDownload(f"CSV export failed: {e}"))
                except BaseException:
                    pass
        finally:
            if conn is not None:
                conn.close()

    async def asgi_send(self, send):
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE)
        stop = threading.Event()
        # run in this request's context: plugins/sql_limits.py bounds its SQL and stops it when the client leaves
        worker = threading.Thread(target=contextvars.copy_context().run, args=(self._produce, loop, queue, stop),
                                  daemon=True, name="saylav-csv-export")
        headers = [(k.lower().encode(), v.encode()) for k, v in self.headers.items()]
        headers.append((b"content-type", self.content_type.encode()))
        worker.start()
        try:
            first = await queue.get()
            if isinstance(first, BaseException):
                raise first
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            item = first
            while item is not None:
                if isinstance(item, BaseException):
                    sys.stderr.write(f"CSV export failed mid-stream, dropping the connection: {item}\n")
                    raise item
                if item:
                    await send({"type": "http.response.body", "body": item.encode("utf-8"), "more_body": True})
                item = await queue.get()
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            stop.set()
            while not queue.empty():
                queue.get_nowait()


async def _full_export(datasette, request, database: str, table: str):
    """A FullExport for a streamed CSV of a whole (filtered) table or view, or None to let Datasette do it."""
    from datasette.filters import Filters
    from datasette.plugins import pm
    from datasette.utils import add_cors_headers, await_me_maybe

    if not request.args.get("_stream") or not datasette.setting("allow_csv_stream"):
        return None
    if any(k.startswith("_") and "__" not in k and k not in HANDLED and not k.startswith("_search_")
           for k in request.args):
        return None
    db = datasette.get_database(database)
    is_view = table in await db.view_names()
    if not is_view and table not in await db.table_names():
        return None  # a canned query, or nothing: Datasette answers
    await datasette.ensure_permissions(request.actor, [("view-table", (database, table)),
                                                       ("view-database", database), "view-instance"])
    columns = await db.table_columns(table)
    pks = [] if is_view else await db.primary_keys(table)
    use_rowid = not pks and not is_view
    meta = datasette.table_metadata(database, table)
    filter_args = [(k, v) for k in request.args if not (k.startswith("_") and "__" not in k)
                   for v in request.args.getlist(k)]
    where, params = Filters(sorted(filter_args), meta.get("units", {}), _views_base.ureg).build_where_clauses(table)
    for hook in pm.hook.filters_from_request(request=request, table=table, database=database, datasette=datasette):
        extra = await await_me_maybe(hook)
        if extra:
            where.extend(extra.where_clauses)
            params.update(extra.params)
    sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
    if not sort and not sort_desc:
        sort, sort_desc = meta.get("sort"), meta.get("sort_desc")
    order = []
    for col, direction in ((sort, ""), (sort_desc, " desc")):
        if col:
            if col not in columns and not (use_rowid and col == "rowid"):
                return None  # Datasette reports the error
            order.append(escape_sqlite(col) + direction)
    order += ["rowid"] if use_rowid else [escape_sqlite(pk) for pk in pks]
    select = ("rowid, " if use_rowid else "") + ", ".join(escape_sqlite(c) for c in columns)
    from_where = f"from {escape_sqlite(table)}" + (f" where {' and '.join(where)}" if where else "")
    sql = f"select {select} {from_where}" + (f" order by {', '.join(order)}" if order else "")
    try:  # a bad filter or sort: let Datasette explain the error
        await db.execute("explain " + sql, params)
    except Exception:
        return None
    headers = {}
    if datasette.cors:
        add_cors_headers(headers)
    content_type = "text/plain; charset=utf-8"
    if request.args.get("_dl"):
        content_type = "text/csv; charset=utf-8"
        headers["content-disposition"] = f'attachment; filename="{table}.csv"'
    headings = (["rowid"] if use_rowid else []) + list(columns)
    return FullExport(datasette, database, sql, params, f"select count(*) {from_where}", headings, headers,
                      content_type, request.args.get("_header") != "off", bool(request.args.get("_bom")))


async def table_csv(datasette, request, send):
    database, table = request.url_vars["database"], request.url_vars["table"]
    from datasette.utils import tilde_decode

    export = await _full_export(datasette, request, database, tilde_decode(table))
    if export is not None:
        return export
    from datasette.views.table import TableView

    view = getattr(datasette, "_saylav_table_view", None)
    if view is None:
        view = datasette._saylav_table_view = TableView.as_view(datasette)
    return await view(request, send)


@hookimpl
def register_routes():
    return [(r"^/(?P<database>[^/.]+)/(?P<table>[^/.]+)\.(?P<format>csv)$", table_csv)]


@hookimpl
def startup(datasette):
    # (plugins are module objects re-created per Datasette instance: compare a marker, not the class)
    assert getattr(_views_base.LimitedWriter, "aborts_incomplete", False), "CSV download guard not installed"

"""Complete downloads: a CSV export is either whole or visibly broken, never silently cut short.

Datasette 0.65 streams a CSV (`?_stream=1`) page by page. When something goes wrong half way (the
`max_csv_mb` limit, a page of the query running past the SQL time limit) it writes the error text
into the CSV and finishes the response normally: a 200 with a truncated file that looks complete.

Here the writer Datasette streams through is replaced by one that refuses both ways of failing
quietly: going over the size limit, and any write that bypasses it (which is how Datasette reports
an error mid-stream). Either raises `IncompleteDownload`, a BaseException that Datasette's
`except Exception` does not swallow, so the server drops the connection before the final chunk:
clients (curl, browsers, httpx) report an incomplete transfer instead of saving a short file.
The settings keep `max_csv_mb` at 0 (no limit), so a full-table export runs to the end.

The database file itself is served by Datasette (`/saylav.db`, immutable, `allow_download`).
"""
from __future__ import annotations

import sys

from datasette import hookimpl
import datasette.views.base as _views_base


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


@hookimpl
def startup(datasette):
    # the guard must still be in place (another plugin or an upgrade could undo it)
    # (plugins are module objects re-created per Datasette instance: compare a marker, not the class)
    assert getattr(_views_base.LimitedWriter, "aborts_incomplete", False), "CSV download guard not installed"

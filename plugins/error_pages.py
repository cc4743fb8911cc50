"""Error pages in the site's look and the reader's language.

Datasette renders its error pages without the request, so they miss the stylesheet's context,
the language and the site's templates' helpers. Here the same answer (status and message, JSON
for .json paths, as Datasette gives it) is rendered through `render_template` with the request:
templates/error.html, in the page's language, with the site bar, the search box and ways back.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup


def status_and_message(exception) -> tuple[int, object, str | None]:
    if isinstance(exception, Base400):
        return exception.status, exception.args[0] if exception.args else "", None
    if isinstance(exception, DatasetteError):
        message = Markup(exception.message) if exception.message_is_html else exception.message
        return exception.status, message, exception.title
    return 500, None, None


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    if request is None or request.path.split("?")[0].endswith(".json"):
        return None  # Datasette's own JSON error answer
    status, message, title = status_and_message(exception)
    if status == 500:
        return None  # Datasette logs it and answers; unexpected errors are not dressed up

    async def inner():
        from datasette.utils import add_cors_headers

        headers = {}
        if datasette.cors:
            add_cors_headers(headers)
        html = await datasette.render_template(
            ["error.html"], {"ok": False, "error": message, "status": status, "title": title,
                             "page_title": title}, request=request, view_name="site_error")
        return Response.html(html, status=status, headers=headers)

    return inner

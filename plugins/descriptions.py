"""metadata.yml's descriptions as Markdown: `code`, **strong**, *emphasis* and [links](https://...).

Datasette shows a table's `description` as plain text, so the backticks of metadata.yml reached
the public pages. The `markdown` template filter renders the small inline subset the descriptions
use: the text is escaped first and only then are the marks turned into elements, so a description
can never inject markup; only http(s) and site-relative links become links. Used by the table
page (description and column notes, the notes folded under a <details>) and the API page.
"""
from __future__ import annotations

import re

from datasette import hookimpl
from markupsafe import Markup, escape

CODE = re.compile(r"`([^`\n]+)`")
STRONG = re.compile(r"\*\*([^*\n]+)\*\*")
EM = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|/)[^)\s\"'<>]*)\)")


def markdown_inline(text) -> Markup:
    """A description's inline Markdown as safe HTML."""
    if text is None:
        return Markup("")
    if isinstance(text, Markup):
        return text
    codes: list[str] = []

    def keep_code(m):  # code spans are literal: no other marks inside them
        codes.append(str(escape(m.group(1))))
        return f"\ue010{len(codes) - 1}\ue011"

    out = CODE.sub(keep_code, str(text).replace("\ue010", "").replace("\ue011", ""))
    out = str(escape(out))
    out = LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', out)
    out = STRONG.sub(r"<strong>\1</strong>", out)
    out = EM.sub(r"<em>\1</em>", out)
    out = re.sub("\ue010(\\d+)\ue011", lambda m: f"<code>{codes[int(m.group(1))]}</code>", out)
    return Markup(out)


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["markdown"] = markdown_inline

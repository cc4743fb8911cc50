"""HTML page -> page text, the only place where markup is read.

`html_to_page(html, url)` turns a crawled page into the same kind of page text as the hand-made
text captures (SITE.md layouts 1 and 6), so the page parser serves both:

- block elements become lines, inline elements join (``<span>29</span> <span>Mar</span>`` is the
  line ``29 Mar``); ``<br>`` breaks a line; whitespace collapses;
- scripts, styles, forms, navigation, the site header and footer, language switchers, share
  buttons and the like never reach the text (by tag, ARIA role, ``hidden``, and class/id words);
- where the markup tells the main article from the sidebar (``<article>``, ``<main>``,
  ``role=main``, ``<aside>``, classes such as ``news-detail`` / ``sidebar`` / ``last-news``), the
  main article comes first (date line, title, body paragraphs), then every sidebar or listing item
  as its date line / title / snippet lines;
- where it does not, the lines stay in document order and ``main_line_count`` is None: the text
  rules of SITE.md then apply in the page parser.

Text layout: every main-article line is its own block; the lines of one sidebar/listing item are
joined by single newlines and form one block; blocks are separated by one blank line. The first
``main_line_count`` lines of ``text.split("\\n")`` are the main article (0 on a listing page).

Only the standard library's ``html.parser`` is used; broken markup (unclosed or stray tags) is
repaired the forgiving way browsers do it, closely enough for text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

__all__ = [
    "HtmlPage",
    "html_to_page",
    "parse_news_url",
    "canonical_url",
    "decode_html",
    "is_date_line",
    "CANONICAL_HOST",
    "SITE_HOSTS",
]

LANGS = ("en", "tk", "ru")
#: Sections whose pages carry their own numeric id (`/{lang}/{section}/{id}`).
ID_SECTIONS = ("news", "articles", "elections")
CANONICAL_HOST = "saylav.gov.tm"
#: Every host name under which the site's pages are served; all are the same page.
SITE_HOSTS = frozenset(
    {"saylav.gov.tm", "www.saylav.gov.tm", "saylav.st.com.tm", "www.saylav.st.com.tm"}
)


@dataclass
class HtmlPage:
    text: str
    main_line_count: int | None
    links: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# URLs


def parse_news_url(url: str | None) -> tuple[str | None, str | None, int | None]:
    """`(lang, section, site_id)` of a site URL on any host (or a bare path).

    `/en/news/128` -> ("en", "news", 128); `/ru/news?page=2` -> ("ru", "news", None);
    `/tk/law?id=4` -> ("tk", "law", 4); anything else -> the parts that could be read, else None.
    """
    if not url:
        return (None, None, None)
    url = url.strip()
    if "://" not in url and not url.startswith(("/", "//")):
        url = "//" + url  # "saylav.gov.tm/en/news/5"
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL ("https://[x/en/news/5"): it says nothing
        return (None, None, None)
    segs = [s for s in parts.path.split("/") if s]
    if not segs or segs[0].lower() not in LANGS:
        return (None, None, None)
    lang = segs[0].lower()
    if len(segs) < 2:
        return (lang, None, None)
    section = segs[1].lower()
    site_id = None
    if len(segs) >= 3 and segs[2].isdigit():
        site_id = int(segs[2])
    elif section not in ID_SECTIONS:
        ids = parse_qs(parts.query).get("id")
        if ids and ids[0].isdigit():
            site_id = int(ids[0])
    return (lang, section, site_id)


def _split_host(netloc: str) -> tuple[str, str]:
    """("host", ":port" or "") with the host lower-cased and credentials dropped."""
    netloc = netloc.rsplit("@", 1)[-1].lower()
    if netloc.startswith("["):  # IPv6 literal
        end = netloc.find("]")
        return netloc[: end + 1], netloc[end + 1 :]
    host, sep, port = netloc.partition(":")
    return host, (":" + port if sep and port else "")


def _strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


_SITE_FAMILY = frozenset(_strip_www(h) for h in SITE_HOSTS)  # the site's hosts without `www.`


def canonical_url(href: str | None, base_url: str | None, aliases=()) -> str | None:
    """Absolute URL of `href` with the site's host names folded into one.

    `www.` of the base host, every host in SITE_HOSTS and any of `aliases` ("host" or
    "host:port") become the base URL's host without `www.` (saylav.gov.tm when the base is any
    of the site's own hosts). The fragment is dropped; path and query are kept. Returns None for
    links that are not http(s) or that point to another site.
    """
    if not href:
        return None
    href = href.strip()
    if href.startswith(("mailto:", "javascript:", "tel:", "#", "data:")):
        return None
    try:
        absolute = urljoin(base_url or "", href)
        parts = urlsplit(absolute)
        base = urlsplit(base_url or "")
    except ValueError:  # not a URL ("//[x": an unclosed IPv6 host): a link to nowhere
        return None
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if not parts.netloc:
        return absolute.split("#", 1)[0] or None  # no base: keep the path as it is
    base_host, base_port = _split_host(base.netloc)
    target = _strip_www(base_host) + base_port if base_host else CANONICAL_HOST
    if _strip_www(base_host) in _SITE_FAMILY:
        target = CANONICAL_HOST
    host, port = _split_host(parts.netloc)
    family = _SITE_FAMILY
    same = (
        (_strip_www(host) + port) == target
        or _strip_www(host) in family and not port
        or (host + port) in {a.lower() for a in aliases}
        or (base_host and _strip_www(host) == _strip_www(base_host) and port == base_port)
    )
    if not same:
        return None
    scheme = base.scheme or parts.scheme or "https"
    path = parts.path or "/"
    return urlunsplit((scheme, target, path, parts.query, ""))


# --------------------------------------------------------------------------------------------
# Bytes -> str

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a page's bytes: charset from Content-Type, else <meta charset>, else UTF-8."""
    candidates = []
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", content_type, re.I)
        if m:
            candidates.append(m.group(1))
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    if data.startswith(b"\xef\xbb\xbf"):
        candidates.insert(0, "utf-8-sig")
    for enc in candidates:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------------------------
# Date lines

# First three letters of month names and abbreviations in English, Turkmen (with and without
# Turkmen letters) and Russian (nominative and genitive).
_MONTH_PREFIXES = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec "
    "ýan few maý iýu awg sen okt noý dek yan iyu noy "
    "янв фев мар апр май мая июн июл авг сен окт ноя дек".split()
)
_MONTH_WORD = r"[^\W\d_]{3,10}\.?"
_DATE_RES = (
    re.compile(rf"^(\d{{1,2}})\s+({_MONTH_WORD})(?:,?\s+\d{{4}})?(?:,?\s+\d{{1,2}}:\d{{2}})?$"),
    re.compile(rf"^({_MONTH_WORD})\s+(\d{{1,2}})(?:,?\s+\d{{4}})?$"),
)
_NUMERIC_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?$")


def _is_month(word: str) -> bool:
    return word.rstrip(".").lower()[:3] in _MONTH_PREFIXES


def is_date_line(line: str) -> bool:
    """A short line that is only a date: `29 Mar`, `04 Sept`, `22 Mart`, `31 Март`, `29.03.2023`.
    Texts of up to 64 characters are remembered (a site's short texts, "07", "Nov", titles, repeat
    from page to page); a longer one is told at once (a date line is at most 30 without blanks)."""
    return _is_short_date_line(line) if len(line) <= 64 else _is_date_line(line)


@lru_cache(maxsize=1 << 14)  # pure
def _is_short_date_line(line: str) -> bool:
    return _is_date_line(line)


def _is_date_line(line: str) -> bool:
    line = line.strip()
    if len(line) > 30:
        return False
    if _NUMERIC_DATE.match(line):
        return True
    m = _DATE_RES[0].match(line)
    if m:
        return _is_month(m.group(2))
    m = _DATE_RES[1].match(line)
    return bool(m) and _is_month(m.group(1))


# --------------------------------------------------------------------------------------------
# A forgiving tree builder, linear in the page's size whatever its nesting

VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol
    option p pre section summary table tbody td tfoot th thead tr ul""".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Start tags that close an open <p> (HTML's "close a p element" rule, simplified).
_P_CLOSERS = BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "caption",
                      "option", "legend", "summary", "li", "dd", "dt"} | {"table"}
_SCOPE = frozenset("html body td th table button #root".split())
# (tag that is opened, tags it closes, tags that bound the search)
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "#root"} | _SCOPE),
    "dt": ({"dt", "dd"}, {"dl", "#root"} | _SCOPE),
    "dd": ({"dt", "dd"}, {"dl", "#root"} | _SCOPE),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot", "#root"}),
    "td": ({"td", "th"}, {"tr", "table", "#root"}),
    "th": ({"td", "th"}, {"tr", "table", "#root"}),
    "option": ({"option"}, {"select", "datalist", "#root"}),
    "a": ({"a"}, {"#root"} | _SCOPE),
}
_HEADING_BOUNDS = _SCOPE | {"div", "section", "article"}
# Start tags that may end open elements (see _TreeBuilder._close_implied)
_ENDS_OTHERS = _P_CLOSERS | HEADINGS | frozenset(_IMPLIED)


class _Node:
    """An element. `index` is its place in document order, `end` the index of its last
    descendant (so `a` is within `b` when b.index <= a.index <= b.end), `depth` its level;
    `size` counts the characters of its text (stripped strings, <script> and the like left out)
    and `nonblank` the non-blank ones. `kind` is what its tag and attributes alone tell (_Kind),
    `attrs` its attributes (shared with other elements of the same kind: never changed)."""

    __slots__ = ("tag", "attrs", "kind", "children", "parent", "index", "end", "depth", "size", "nonblank")

    def __init__(self, tag: str, kind: "_Kind", parent: "_Node | None", index: int = 0, depth: int = 0):
        self.tag = tag
        self.kind = kind
        self.attrs = kind.attrs
        self.children: list = []
        self.parent = parent
        self.index = self.end = index  # (its last descendant is set when it is closed)
        self.depth = depth
        self.size = self.nonblank = 0


class _TreeBuilder(HTMLParser):
    """Builds the tree, repairing markup the forgiving way. Where each tag is open is kept per
    tag (`open`), so finding or closing an open element costs the same at any depth.

    Each element's `index`, `depth`, `end`, `size` and `nonblank` (see _Node) are set as the tree
    grows, with no pass over it afterwards: elements are made in document order (a new element is
    the last child of the innermost open one), an element's depth is the height of the stack of
    open elements it is made under, and its text and descendants are complete once it is closed
    (nothing is added to a closed element)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", _kind("#root", ""), None)
        self.stack = [self.root]
        self.open: dict[str, list[int]] = {"#root": [0]}  # tag -> its places in the stack
        self.order: list[_Node] = [self.root]  # every element, in document order

    def _close_to(self, i: int) -> None:
        """Close the open elements from the innermost down to place `i` of the stack: each one's
        last descendant is the last element made, and its text counts in its parent's (unless
        it is never text, as <script>)."""
        stack, open_, last = self.stack, self.open, len(self.order) - 1
        while len(stack) > i:
            node = stack.pop()
            open_[node.tag].pop()
            node.end = last
            if node.tag not in _DROP_TAGS:
                parent = node.parent
                parent.size += node.size
                parent.nonblank += node.nonblank

    def finish(self) -> list[_Node]:
        """Close what is still open at the end of the page; the page's elements in document order."""
        self._close_to(1)
        self.root.end = len(self.order) - 1
        return self.order

    def _find_open(self, tags, bounds) -> int | None:
        """Place of the innermost open element of `tags`, unless one of `bounds` is open inside
        it (the root never counts)."""
        open_, top = self.open, 0
        for tag in tags:  # the innermost open element of `tags`: its place, 0 when none is open
            places = open_.get(tag)
            if places and places[-1] > top:
                top = places[-1]
        if top == 0:
            return None
        for tag in bounds:
            places = open_.get(tag)
            if places and places[-1] >= top:
                return None
        return top

    def handle_starttag(self, tag, attrs):
        kind = _parser_kind(tag, tuple(attrs))
        self.start(kind.tag, kind)

    def start(self, tag: str, kind: "_Kind") -> None:
        """A start tag, its name lower-cased; `kind` holds its attributes with lower-case names and
        text values. The new element is the last child of the innermost open one."""
        if tag in _ENDS_OTHERS:
            self._close_implied(tag)
        stack, order = self.stack, self.order
        parent = stack[-1]
        depth = len(stack)
        node = _Node(tag, kind, parent, len(order), depth)
        order.append(node)
        parent.children.append(node)
        if tag not in VOID:
            places = self.open.get(tag)
            if places is None:
                self.open[tag] = [depth]
            else:
                places.append(depth)
            stack.append(node)

    def _close_implied(self, tag: str) -> None:
        """Close the elements that a start tag `tag` ends: an open <p>, heading, <li> and the like."""
        if tag in _P_CLOSERS and self.open.get("p"):
            i = self._find_open(("p",), _SCOPE)
            if i is not None:
                self._close_to(i)
        if tag in HEADINGS:
            i = self._find_open(HEADINGS, _HEADING_BOUNDS)
            if i is not None:
                self._close_to(i)
        if tag in _IMPLIED:
            closes, bounds = _IMPLIED[tag]
            i = self._find_open(closes, bounds)
            if i is not None:
                self._close_to(i)

    def handle_startendtag(self, tag, attrs):
        kind = _parser_kind(tag, tuple(attrs))
        self.start_end(kind.tag, kind)

    def start_end(self, tag: str, kind: "_Kind") -> None:
        """A tag closed as it opens (<br/>, <div/>), as `start` takes it."""
        depth = len(self.stack)
        self.start(tag, kind)
        if len(self.stack) > depth:  # <div/> written as if void
            self._close_to(len(self.stack) - 1)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "br":  # </br> is a line break in every browser
            self.start("br", _kind("br", ""))  # (a void element, which ends nothing)
            return
        places = self.open.get(tag)
        if places and places[-1] > 0:
            self._close_to(places[-1])
        # else a stray end tag: ignored

    def handle_data(self, data):
        _add_text(self.stack[-1], data)

    def leaf(self, tag: str, kind: "_Kind", text: str) -> None:
        """`start(tag, kind)`, `handle_data(text)` when there is text, then `handle_endtag(tag)`, of
        a tag that is not void: the element is closed as soon as it is made (the end tag closes the
        innermost open element of its tag, this one), so it need not go on the stack."""
        if tag in _ENDS_OTHERS:
            self._close_implied(tag)
        stack, order = self.stack, self.order
        parent = stack[-1]
        node = _Node(tag, kind, parent, len(order), len(stack))
        order.append(node)
        parent.children.append(node)
        if text:
            _add_text(node, text)
        if tag not in _DROP_TAGS:  # (as _close_to)
            parent.size += node.size
            parent.nonblank += node.nonblank


def _add_text(node: _Node, text: str) -> None:
    """Text as the last child of `node`, counted in its size (see _Node)."""
    node.children.append(text)
    if not text.isspace():
        node.size += len(text.strip())
        node.nonblank += sum(map(len, text.split()))


# The plain markup most pages are made of, read by one regular expression: text, comments, the
# doctype, end tags, and start tags whose attributes are written the usual way. These give the very
# events `html.parser` gives for them; a page with anything else (a stray "<", an unclosed comment
# or <script>, attributes written oddly) is read by `html.parser` instead.
_ATTRS = r"""(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*
                  (?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`/]+(?![^\s"'=<>`])))?)*"""
_FAST_TOKEN = re.compile(r"""
    (?P<text>[^<]+)
  | <!--.*?--\s*>
  | <![dD][oO][cC][tT][yY][pP][eE][^<>]*>
  | </(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
  | <(?P<start>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>%s)\s*
     (?: (?P<close>/)>
       | >(?:(?P<leaf_text>[^<]*)</(?P=start)\s*>)?)
  | (?P<other><)  # none of the above: markup left to html.parser
""" % _ATTRS, re.S | re.X)
# A start tag followed by nothing but text and an end tag written as its name is read as one
# `leaf` token, with `leaf_text` (an element with only text in it: `<span class="day">07</span>`).
# It stands for the very tokens the pattern would read there one by one: the start tag, the text
# if any (as the `text` token reads it) and the end tag (as the `end` token reads it). Where the
# end tag does not follow, the start tag alone is read, as when the pattern had no leaf tokens.
_FAST_ATTR = re.compile(r"""\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`/]+)))?""")
_CDATA_ELEMENTS = ("script", "style")
_CDATA_END = {tag: re.compile(r"</\s*%s\s*>" % tag, re.I) for tag in _CDATA_ELEMENTS}


def _attr_value(value: str) -> str:
    return unescape(value) if "&" in value else value  # (unescape leaves text without "&" as it is)


@lru_cache(maxsize=1 << 14)  # pure; a site's pages repeat their attributes (classes, menu links)
def _read_attrs(raw: str) -> tuple[tuple[str, str], ...]:
    """The (name, value) pairs of a start tag's attributes written as `raw`, as html.parser gives
    them (a value left out reads as "", as the tree builder reads html.parser's None)."""
    return tuple((name.lower(), _attr_value(d or q or u)) for name, d, q, u in _FAST_ATTR.findall(raw))


def _fast_feed(builder: "_TreeBuilder", html: str) -> bool:
    """Feed `html` to `builder` as `html.parser` would; False when the page holds markup this
    reader leaves to `html.parser` (the builder is then to be thrown away)."""
    pos, n = 0, len(html)
    while pos < n:
        pos, raw_tag = _feed_tokens(builder, html, pos)
        if pos < 0:
            return False
        if raw_tag is not None:  # <script> or <style>: raw text up to its end tag
            closing = _CDATA_END[raw_tag].search(html, pos)
            if closing is None:
                return False
            if closing.start() > pos:
                builder.handle_data(html[pos:closing.start()])
            builder.handle_endtag(raw_tag)
            pos = closing.end()
    return True


def _feed_tokens(builder: "_TreeBuilder", html: str, pos: int) -> tuple[int, str | None]:
    """Feed the tokens of `html` from `pos` on, up to the end or to just after the start tag of a
    <script> or <style> (whose raw text the caller reads): (where it stopped, "script", "style"
    or None). (-1, None) when markup left to `html.parser` is met.

    `_FAST_TOKEN` reads every position: text is every run without "<", and a "<" that starts no
    other token is the `other` token; so its matches, one after another, cover the page."""
    start, start_end, end, stack = builder.start, builder.start_end, builder.handle_endtag, builder.stack
    for m in _FAST_TOKEN.finditer(html, pos):
        text, end_tag, tag, raw_attrs, close, leaf_text, other = m.groups()
        if text is not None:  # (as builder.handle_data)
            if text.isspace():  # most often the line breaks between tags: no size, no entity
                stack[-1].children.append(text)
            else:
                _add_text(stack[-1], unescape(text) if "&" in text else text)
        elif end_tag is not None:
            end(end_tag)
        elif leaf_text is not None:
            _feed_leaf(builder, _kind(tag, raw_attrs), leaf_text)
        elif tag is not None:
            kind = _kind(tag, raw_attrs)
            tag = kind.tag  # (lower-case)
            if close:
                start_end(tag, kind)
            else:
                start(tag, kind)
                if tag in _CDATA_ELEMENTS:
                    return m.end(), tag
        elif other is not None:
            return -1, None
        # else a comment or the doctype
    return len(html), None


def _feed_leaf(builder: "_TreeBuilder", kind: "_Kind", text: str) -> None:
    """Feed a `leaf` token (see _FAST_TOKEN): what its start tag, text and end tag would feed."""
    tag = kind.tag
    if tag in VOID or tag in _CDATA_ELEMENTS:  # as the tokens one by one
        builder.start(tag, kind)
        if text:  # (the raw text of a <script> or <style>, as _fast_feed reads it, or plain text)
            builder.handle_data(text if tag in _CDATA_ELEMENTS or "&" not in text else unescape(text))
        builder.handle_endtag(tag)
        return
    builder.leaf(tag, kind, unescape(text) if "&" in text else text)


def _parse(html: str) -> tuple[_Node, list[_Node]]:
    """The page's tree and its elements in document order (`order[n.index] is n`), each with its
    place, depth and text size set."""
    builder = _TreeBuilder()
    if not _fast_feed(builder, html):
        _tear_down(builder.order)  # the part read so far is thrown away
        builder = _TreeBuilder()
        builder.feed(html)
        builder.close()
    order = builder.finish()
    return order[0], order


def _visible(order: list[_Node], skip=frozenset()) -> list[_Node]:
    """The elements of the page (`order`, in document order) that lie within none of `skip`, in
    document order: what lies within an element in `skip` is passed over by its last descendant."""
    out = []
    i, n = 0, len(order)
    while i < n:
        node = order[i]
        if node in skip:
            i = node.end + 1
            continue
        out.append(node)
        i += 1
    return out


def _text_sizes(visible: list[_Node], skip=frozenset()) -> dict:
    """Characters of non-blank text under every element of `visible` (_visible(order, skip));
    elements in `skip` count 0."""
    sizes: dict = {}
    for node in reversed(visible):  # children before parents
        total = 0
        for child in node.children:
            if isinstance(child, str):
                total += len(child.strip())
            elif child not in skip and child.tag not in _DROP_TAGS:
                total += sizes.get(child, 0)
        sizes[node] = total
    return sizes


def _is_within(node: _Node, ancestor: _Node) -> bool:
    return ancestor.index <= node.index <= ancestor.end


# --------------------------------------------------------------------------------------------
# What is chrome, what is main, what is sidebar

# Never text: dropped wherever they are.
_DROP_TAGS = frozenset(
    """script style noscript template svg iframe object embed canvas head title button select
    textarea input map audio video dialog""".split()
)
# Usually chrome; dropped unless they hold most of the page's text (some sites wrap the whole
# page in a <form> or put a `lang-en` class on the wrapper).
_SOFT_DROP_TAGS = frozenset("nav form".split())
_CHROME_ROLES = frozenset("navigation banner contentinfo search menu menubar toolbar dialog".split())
# Words of class/id values (split on space, - and _) that mark page chrome.
_CHROME_WORDS = frozenset(
    """nav navbar navigation menu menus submenu breadcrumb breadcrumbs share sharing social socials
    pagination pager paging cookie cookies copyright topbar toolbar lang langs language languages
    locale search logo modal popup skip subscribe""".split()
)
# Whole class tokens that hide an element.
_HIDDEN_CLASSES = frozenset(
    "hidden d-none sr-only visually-hidden screen-reader-text print-only".split()
)
# Words that mark the site header/footer, unless inside the article itself.
_HEADER_FOOTER_WORDS = frozenset("header footer head foot masthead bottom".split())
_SIDEBAR_WORDS = frozenset(
    "sidebar aside side widget widgets related latest recent popular lastnews".split()
)
_SIDEBAR_PAIRS = frozenset({("last", "news"), ("other", "news"), ("more", "news"),
                            ("news", "sidebar"), ("right", "col"), ("col", "right")})
_MAIN_WORDS = frozenset(
    "article detail details single post entry story fulltext full newsdetail".split()
)
_MAIN_PAIRS = frozenset({("news", "detail"), ("news", "details"), ("news", "content"),
                         ("news", "body"), ("news", "text"), ("news", "full"), ("news", "inner"),
                         ("article", "body"), ("post", "content"), ("entry", "content")})
_DATE_WORDS = frozenset("date time day published pubdate datetime".split())
_READ_MORE = frozenset(
    """read more|more|details|read|подробнее|далее|читать далее|читать полностью|все новости|
    giňişleýin|ginisleyin|dowamy|doly oka|okamak|ähli habarlar|all news|»|→|>>""".replace("\n", "")
    .split("|")
)
_CONTAINERS = frozenset("#root html body main article".split())


_WORD_SEPARATORS = re.compile(r"[-_]+")


class _Kind:
    """What an element's tag and attributes alone tell of it, worked out once per distinct start
    tag (see _kind): its class/id words, and the answers of the tests that read nothing else."""

    __slots__ = ("tag", "attrs", "words", "main_rank", "sidebar", "dateish", "opens_article", "chrome")

    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs = tag, attrs
        self.words = _class_words(attrs.get("class", "") + " " + attrs.get("id", ""))
        self.main_rank = _main_rank(self)
        self.sidebar = _is_sidebar(self)
        self.dateish = _is_dateish(self)
        # whether the element makes what lies within it "within an article" (see _mark)
        self.opens_article = tag == "article" or (("class" in attrs or "id" in attrs) and self.main_rank >= 2)
        self.chrome = _chrome_rule(self)


@lru_cache(maxsize=1 << 14)  # a site's pages repeat their start tags (classes, menu links)
def _kind(tag: str, raw_attrs: str) -> _Kind:
    """The _Kind of a start tag named `tag` (as written: its kind's `tag` is lower-case) whose
    attributes are written as `raw_attrs` (see _FAST_TOKEN). (names lower-case, values text: as
    handle_starttag makes them)"""
    return _Kind(tag.lower(), dict(_read_attrs(raw_attrs)) if raw_attrs else {})


@lru_cache(maxsize=1 << 12)  # a site's pages repeat their start tags
def _parser_kind(tag: str, attrs: tuple) -> _Kind:
    """The _Kind of a start tag as html.parser gives it: its name as written, its (name, value or
    None) attributes. (names lower-case, values text)"""
    return _Kind(tag.lower(), {k.lower(): (v or "") for k, v in attrs})


def _words(kind: _Kind) -> tuple[str, ...]:
    """The words of the class and id of elements of this kind: each token whole (without - and _),
    then its parts."""
    return kind.words


@lru_cache(maxsize=1 << 12)  # pure; a site's pages use the same few classes again and again
def _class_words(raw: str) -> tuple[str, ...]:
    """_words of an element whose class and id, joined by a blank, are `raw`."""
    words = []
    for token in raw.lower().split():
        if "-" not in token and "_" not in token:
            words += (token, token)  # the token whole, and as its only part
            continue
        words.append(token.replace("-", "").replace("_", ""))
        words.extend(w for w in _WORD_SEPARATORS.split(token) if w)
    return tuple(words)


def _has_pair(words: tuple[str, ...], pairs) -> bool:
    return any((a, b) in pairs for a, b in zip(words, words[1:]))


def _main_rank(node: "_Kind") -> int:
    """How surely an element of this kind is the article: 3 <article>, 2 article-like class,
    1 <main>/content."""
    if node.tag == "article":
        return 3
    words = _words(node)
    if _MAIN_WORDS.intersection(words) or _has_pair(words, _MAIN_PAIRS):
        return 2
    if node.tag == "main" or node.attrs.get("role") == "main" or "content" in words:
        return 1
    return 0


def _is_hidden(attrs: dict) -> bool:
    """Attributes that hide an element: `hidden`, `aria-hidden`, an inline style, a class."""
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(_HIDDEN_CLASSES.intersection(attrs.get("class", "").lower().split()))


# How an element's kind bears on whether it is chrome (see _chrome_rule)
_NEVER, _ALWAYS, _UNLESS_LARGE, _UNLESS_LARGE_OR_IN_ARTICLE = range(4)


def _chrome_rule(kind: "_Kind") -> int:
    """Whether elements of this kind are page chrome: _NEVER, _ALWAYS, _UNLESS_LARGE (not when
    they hold over half the page's text), _UNLESS_LARGE_OR_IN_ARTICLE (nor within an
    article-like element, whose own <header> holds its title and date). See _is_chrome."""
    tag, attrs = kind.tag, kind.attrs
    if tag in _DROP_TAGS or (attrs and _is_hidden(attrs)):
        return _ALWAYS
    if tag in _CONTAINERS:
        return _NEVER
    if tag in _SOFT_DROP_TAGS:
        return _UNLESS_LARGE
    if not attrs:  # no role, no class or id words: only the tag can tell
        return _UNLESS_LARGE_OR_IN_ARTICLE if tag in ("header", "footer") else _NEVER
    if attrs.get("role", "").lower() in _CHROME_ROLES:
        return _UNLESS_LARGE
    words = kind.words
    if _CHROME_WORDS.intersection(words):
        return _UNLESS_LARGE
    if tag in ("header", "footer") or _HEADER_FOOTER_WORDS.intersection(words):
        return _UNLESS_LARGE_OR_IN_ARTICLE
    return _NEVER


def _is_chrome(node: _Node, share: float, in_article: bool = False) -> bool:
    """Whether `node` is page chrome; `share` is its part of the page's text (0..1), `in_article`
    whether it lies within an article-like element (whose own <header> holds its title and date)."""
    rule = node.kind.chrome
    if rule == _NEVER:
        return False
    if rule == _ALWAYS:
        return True
    if share > 0.5:
        return False
    return rule == _UNLESS_LARGE or not in_article


def _plain_text(node: _Node) -> str:
    parts = []
    todo: list = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag not in _DROP_TAGS:
            todo.extend(reversed(item.children))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


# Elements with more non-blank characters than this are never read as a short text (a date, a
# "Read more"): so reading short texts costs no more than the page's size, whatever its nesting.
_SHORT_TEXT = 64


class _ShortTexts:
    """The texts of a page's short elements (see _short_text), each worked out once."""

    def __init__(self, order: list[_Node]):
        self.order = order  # the page's elements in document order
        self.memo: dict = {}  # element -> its _plain_text

    def text(self, node: _Node) -> str:
        """_plain_text(node). The elements within it not read yet are found in document order,
        passing over those read and those never text by their last descendant, then read from
        the last (children before parents)."""
        memo = self.memo
        if node in memo:
            return memo[node]
        order, todo = self.order, []
        i, end = node.index, node.end
        while i <= end:
            item = order[i]
            if item in memo:
                i = item.end + 1
            elif item.tag in _DROP_TAGS:
                memo[item] = ""
                i = item.end + 1
            else:
                todo.append(item)
                i += 1
        for item in reversed(todo):
            # (str.split and the regex's \s know the same whitespace: see test_read_fast_paths)
            memo[item] = " ".join(" ".join([c if c.__class__ is str else memo[c] for c in item.children]).split())
        return memo[node]


def _short_text(node: _Node, texts: _ShortTexts) -> str | None:
    """`_plain_text(node)` when its text is short (at most _SHORT_TEXT non-blank characters),
    else None; the texts of the elements within are kept in `texts`, so that asking again for any
    of them costs nothing."""
    if node.nonblank > _SHORT_TEXT:
        return None
    return texts.text(node)


def _is_read_more(anchor: _Node, texts: _ShortTexts) -> bool:
    text = _short_text(anchor, texts)
    if not text:
        return False
    text = text.lower()
    return text in _READ_MORE or text.rstrip(" .:»>→") in _READ_MORE


def _is_sidebar(node: "_Kind") -> bool:
    if node.tag == "aside" or node.attrs.get("role", "").lower() == "complementary":
        return True
    words = _words(node)
    return bool(_SIDEBAR_WORDS.intersection(words)) or _has_pair(words, _SIDEBAR_PAIRS)


def _is_dateish(node: "_Kind") -> bool:
    return node.tag == "time" or bool(_DATE_WORDS.intersection(_words(node)))


def _is_date_element(node: _Node, texts: _ShortTexts) -> bool:
    """An inline element whose whole text is a date line ('<span>12 Mar</span><a>Title</a>'): it
    stands on a line of its own, as the site's pages show it, rather than gluing onto the title."""
    if len(node.children) > 4 or not 0 < node.nonblank <= 24:
        return False
    text = _short_text(node, texts)
    return text is not None and len(text) <= 24 and _is_short_date_line(text)


# --------------------------------------------------------------------------------------------
# Lines


@dataclass(eq=False)
class _Line:
    text: str
    block: _Node  # nearest block-level element
    region: str | None  # "main", "sidebar" or None
    item: int | None  # index into the page's item blocks
    href: str | None  # canonical href of a site link the line sits in
    foreign: bool  # the line sits in a link that is not an item link
    heading: bool
    order: int


class _Context:
    __slots__ = ("region", "item", "href", "foreign", "heading", "block")

    def __init__(self, region=None, item=None, href=None, foreign=False, heading=False, block=None):
        self.region, self.item, self.href = region, item, href
        self.foreign, self.heading, self.block = foreign, heading, block


def _emit_lines(root, chrome, main, sidebars, item_of, link_of, short: _ShortTexts) -> list[_Line]:
    """Walk the tree in document order and cut its text into lines."""
    lines: list[_Line] = []
    pieces: list[str] = []
    first_ctx: list[_Context] = []

    def flush():
        if pieces:
            text = " ".join("".join(pieces).split())  # whitespace collapsed (as etl.text.squash)
            if text:
                ctx = first_ctx[0]
                lines.append(_Line(text, ctx.block, ctx.region, ctx.item, ctx.href, ctx.foreign,
                                   ctx.heading, len(lines)))
        pieces.clear()
        first_ctx.clear()

    def add(piece: str, ctx: _Context) -> None:
        """A piece of text; a line starts with the context of its first non-blank piece."""
        if pieces:
            pieces.append(piece)
        elif piece.strip():
            first_ctx.append(ctx)
            pieces.append(piece)

    if root in chrome:
        return lines
    # one frame per open element: (its children still to walk, its context, whether it is
    # block-like, whether it is <pre>); iteratively, as broken pages nest deeply
    frames = [(iter(root.children), _child_context(root, _Context(block=root), False, main, sidebars,
                                                   item_of, link_of), False, root.tag == "pre")]
    while frames:
        children, ctx, blockish, pre = frames[-1]
        for child in children:
            if child.__class__ is str:
                if pre:  # its own lines
                    parts = child.split("\n")
                    add(parts[0], ctx)
                    for part in parts[1:]:
                        if pieces:
                            flush()
                        add(part, ctx)
                elif pieces:
                    pieces.append(child)
                elif child.strip():
                    first_ctx.append(ctx)
                    pieces.append(child)
                continue
            if child in chrome:
                continue
            tag = child.tag
            if tag == "br":
                if pieces:
                    flush()
                continue
            child_blockish = tag in BLOCK or (
                tag not in VOID and (child.kind.dateish or (0 < child.nonblank <= 24 and _is_date_element(child, short))))
            if child_blockish and pieces:
                flush()
            if child_blockish or tag == "a" or tag in HEADINGS or child in item_of or child is main or child in sidebars:
                child_ctx = _child_context(child, ctx, child_blockish, main, sidebars, item_of, link_of)
            else:
                child_ctx = ctx  # (as _child_context would give: the child changes nothing of it)
            frames.append((iter(child.children), child_ctx, child_blockish, tag == "pre"))
            break  # into the child
        else:  # the element's end
            frames.pop()
            if blockish and pieces:
                flush()
    flush()
    return lines


def _child_context(node: _Node, ctx: _Context, blockish: bool, main, sidebars, item_of, link_of) -> _Context:
    """The context of the text within `node`, an element in the context `ctx`: `ctx` itself when
    `node` changes none of it (contexts are never changed once made)."""
    tag = node.tag
    if not (blockish or node is main or node in sidebars or node in item_of or tag == "a" or tag in HEADINGS):
        return ctx
    new = _Context(ctx.region, ctx.item, ctx.href, ctx.foreign, ctx.heading, node if blockish else ctx.block)
    if node is main:
        new.region = "main"
    elif node in sidebars:
        new.region = "sidebar"
    if node in item_of:
        new.item = item_of[node]
    if tag == "a":
        href = link_of.get(node)
        if href is not None:
            new.href, new.foreign = href, False
        elif node.attrs.get("href"):
            new.foreign = True
    if tag in HEADINGS:
        new.heading = True
    return new


_DAY = re.compile(r"\d{1,2}")


def _merge_split_dates(lines: list[_Line]) -> list[_Line]:
    """`29` / `Mar` on two lines (day and month in separate blocks) -> `29 Mar`."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (nxt is not None and _DAY.fullmatch(line.text)
                and line.item == nxt.item and line.region == nxt.region
                and is_date_line(f"{line.text} {nxt.text}")):
            out.append(_Line(f"{line.text} {nxt.text}", line.block, line.region, line.item,
                             line.href, line.foreign, line.heading, line.order))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _date_first(lines: list[str], window: int = 4) -> list[str]:
    """Move a date line found among the first lines to the front (date, title, body)."""
    for i, text in enumerate(lines[:window]):
        if is_date_line(text):
            return [text] + lines[:i] + lines[i + 1 :] if i else lines
    return lines


# --------------------------------------------------------------------------------------------
# The page, step by step. Every step costs at most the page's size (times a small constant),
# however deeply its elements nest.

# An item block lies at most this many levels above its link (the site's lie 2 to 5 above).
_MAX_ITEM_LEVELS = 32
_MANY = None  # "two or more stories" in _StoryKeys


class _StoryKeys:
    """Which stories (lang, section, id) the links under each element point to, up to two: enough
    to tell "none", "only this one" and "more than one". Adding a link walks up from it only as
    far as something changes, so adding every link of a page costs at most three steps per
    element."""

    def __init__(self):
        self.keys: dict = {}  # node -> frozenset of one key, or _MANY

    def add(self, anchor: _Node, key) -> None:
        node = anchor
        while node is not None:
            have = self.keys.get(node, frozenset())
            if have is _MANY or key in have:
                return
            self.keys[node] = frozenset([key]) if not have else _MANY
            node = node.parent

    def get(self, node: _Node):
        return self.keys.get(node, frozenset())

    def only(self, node: _Node, key) -> bool:
        have = self.keys.get(node, frozenset())
        return have is not _MANY and len(have) == 1 and key in have

    def count(self, node: _Node) -> int:
        have = self.keys.get(node, frozenset())
        return 2 if have is _MANY else len(have)


@dataclass
class _Marks:
    """What the first pass found: chrome, sidebars and the links to stories."""

    chrome: set = field(default_factory=set)
    sidebars: set = field(default_factory=set)
    links: list = field(default_factory=list)  # (anchor, canonical href, key), same language
    link_of: dict = field(default_factory=dict)  # anchor -> canonical href
    in_sidebar: dict = field(default_factory=dict)  # anchor -> whether an ancestor is a sidebar
    silent: set = field(default_factory=set)  # "Read more" links: their story counts, not their words
    pagers: list = field(default_factory=list)  # indexes of links to a listing page, in order
    site_keys: _StoryKeys = field(default_factory=_StoryKeys)  # every story link, any language
    main_keys: _StoryKeys = field(default_factory=_StoryKeys)  # same-language links outside sidebars
    short: _ShortTexts | None = None  # the page's short texts (see _short_text)

    def holds_pager(self, node: _Node) -> bool:
        """Whether a link back to a listing page lies strictly within `node`."""
        i = bisect.bisect_right(self.pagers, node.index)
        return i < len(self.pagers) and self.pagers[i] <= node.end


class _PageLinks:
    """What each link of one page points to: (canonical href, lang, section, id), each href as
    written worked out once.

    A link written as a path from the site's root ("/en/news/5", most of a page's links) becomes
    the same URL on every page of the same scheme and host (the rest of the page's URL plays no
    part in it: see urljoin), so those are remembered across pages too."""

    def __init__(self, url: str | None, aliases):
        self.url, self.aliases = url, aliases
        self.shared = isinstance(aliases, tuple) and _hashable(aliases)  # (the memo's key holds them)
        self.seen: dict = {}
        self._origin: tuple[str, str] | None | bool = False  # (scheme, host) of `url`, once asked for

    def origin(self) -> tuple[str, str] | None:
        """(scheme, netloc) of the page's URL when it has both, else None."""
        if self._origin is False:
            try:
                parts = urlsplit(self.url or "")
                self._origin = (parts.scheme, parts.netloc) if parts.scheme and parts.netloc else None
            except ValueError:
                self._origin = None  # not a URL: canonical_url reads no link against it
        return self._origin

    def target(self, written: str | None) -> tuple:
        if written in self.seen:
            return self.seen[written]
        href = written.strip() if written else written
        origin = self.origin() if href and href[0] == "/" and href[1:2] != "/" else None
        if origin is not None and self.shared:
            found = _rooted_link_target(href, *origin, self.aliases)
        else:
            found = _link_target(written, self.url, self.aliases)
        self.seen[written] = found
        return found


def _hashable(value) -> bool:
    try:
        hash(value)
        return True
    except TypeError:
        return False


def _link_target(href: str | None, url: str | None, aliases) -> tuple:
    """(canonical href, lang, section, id) of a link on the page at `url`."""
    target = canonical_url(href, url, aliases)
    return (target, *parse_news_url(target))


@lru_cache(maxsize=1 << 14)  # pure; the links of a site's menus and sidebars repeat from page to page
def _rooted_link_target(href: str, scheme: str, netloc: str, aliases: tuple) -> tuple:
    """_link_target of a link written as a path from the root ("/en/news/5") on any page whose URL
    has this scheme and host."""
    if _PLAIN_ROOTED.fullmatch(href):
        prefix = _root_prefix(scheme, netloc, aliases)
        target = None if prefix is None else prefix + href
        return (target, *parse_news_url(target))
    return _link_target(href, f"{scheme}://{netloc}/", aliases)


# A plain path from the root, with a plain query or none: no empty, "." or ".." segment, no
# parameters (;), fragment, escapes or blanks: urljoin keeps it as it is, urlsplit reads it back
# as the path (and query) of the URL, and canonical_url writes it out unchanged after the host.
_PLAIN_ROOTED = re.compile(r"(?:/[A-Za-z0-9_-]+)+/?(?:\?[A-Za-z0-9_=&-]+)?")


@lru_cache(maxsize=1 << 8)
def _root_prefix(scheme: str, netloc: str, aliases: tuple) -> str | None:
    """What canonical_url puts before a plain path from the root (see _PLAIN_ROOTED) on a page of
    this scheme and host ("https://saylav.gov.tm"); None when it takes no link there (another
    scheme than http(s)). Neither depends on the path: the host, port and scheme it works out
    come from the page's URL alone."""
    probe = canonical_url("/x", f"{scheme}://{netloc}/", aliases)
    return None if probe is None else probe[: -len("/x")]


def _mark(root: _Node, order: list[_Node], url: str | None, aliases, page_lang: str | None) -> _Marks:
    """Step 1: chrome, sidebars and links, in one pass from the top (in document order, over
    `order`, skipping what lies within chrome and "Read more" links)."""
    marks = _Marks(short=_ShortTexts(order))
    total = max(root.size, 1)
    links = _PageLinks(url, aliases)
    # what each element hands its children: _IN_SIDEBAR, _IN_ARTICLE (the root hands nothing)
    handed = [0] * len(order)
    i = 1
    while i < len(order):
        node = order[i]
        kind = node.kind
        state = handed[node.parent.index]
        if kind.chrome and _is_chrome(node, node.size / total, state & _IN_ARTICLE):
            marks.chrome.add(node)
            i = node.end + 1  # (nothing within it is looked at)
            continue
        inherited = state & _IN_SIDEBAR
        if not inherited and kind.sidebar:
            marks.sidebars.add(node)
            state |= _IN_SIDEBAR
        if node.tag == "a" and _mark_link(node, marks, links, page_lang, inherited):
            i = node.end + 1
            continue
        if kind.opens_article:
            state |= _IN_ARTICLE
        handed[i] = state
        i += 1
    marks.links.sort(key=lambda t: t[0].index)
    marks.pagers.sort()
    return marks


_IN_SIDEBAR, _IN_ARTICLE = 1, 2


def _mark_link(anchor: _Node, marks: _Marks, links: "_PageLinks", page_lang, in_sidebar) -> bool:
    """Note what the link `anchor` points to (see _mark); whether it is a "Read more" link (whose
    words are left out)."""
    href, lang, section, site_id = links.target(anchor.attrs.get("href"))
    if href and site_id is None and section in ID_SECTIONS:
        marks.pagers.append(anchor.index)  # a link back to a listing page
    if href and site_id is not None and section in ID_SECTIONS:
        key = (lang, section, site_id)
        marks.site_keys.add(anchor, key)
        if page_lang is None or lang == page_lang:  # else a language switcher
            marks.links.append((anchor, href, key))
            marks.link_of[anchor] = href
            marks.in_sidebar[anchor] = bool(in_sidebar)
            if not in_sidebar:
                marks.main_keys.add(anchor, key)
    if _is_read_more(anchor, marks.short):
        marks.silent.add(anchor)
        return True
    return False


def _find_main(order: list[_Node], marks: _Marks) -> _Node | None:
    """Step 2: the main article: markup that says so, outside every sidebar, holding at most one
    story's links."""
    skip = marks.chrome | marks.sidebars
    visible = _visible(order, skip)
    if not any(n.kind.main_rank > 0 for n in visible[1:]):
        return None  # (no element is article-like: none is eligible, whatever the sizes)
    own_sizes = _text_sizes(visible, skip=skip)
    root = order[0]
    eligible = [n for n in visible
                if n is not root and n.kind.main_rank > 0 and own_sizes.get(n, 0) > 0
                and marks.main_keys.count(n) <= 1]
    if not eligible:
        return None
    largest = max(own_sizes[n] for n in eligible)
    eligible = [n for n in eligible if own_sizes[n] >= 0.6 * largest]
    # the most specific kind of marker wins (<article>, then news-detail-like classes, then
    # <main>/"content"); among equals, the outermost
    return max(eligible, key=lambda n: (n.kind.main_rank, -n.depth))


@lru_cache(maxsize=1 << 14)  # pure; the words of a site's pages repeat from page to page
def _is_date_chunk(chunk: str) -> bool:
    """A run of non-blanks that is a number, a month name or a numeric date (see _TextBefore)."""
    # a chunk holds no blank, so of the date-line forms only the numeric one can match it
    return bool(chunk.isdigit() or _is_month(chunk) or len(chunk) <= 30 and _NUMERIC_DATE.match(chunk))


def _text_weight(text: str) -> int:
    """Characters of the chunks of `text` that are not dates or numbers: all the non-blank ones
    less those of the date chunks (summed in C, with no loop in Python)."""
    chunks = text.split()
    return sum(map(len, chunks)) - sum(map(len, filter(_is_date_chunk, chunks)))


@lru_cache(maxsize=1 << 13)  # pure; titles and snippets of a site's sidebars repeat from page to page
def _short_text_weight(text: str) -> int:
    """_text_weight of a text of up to 320 characters."""
    return _text_weight(text)


class _TextBefore:
    """Characters of text in an element before a descendant of it, not counting dates and numbers
    (see _find_items). Each element's weight and each parent's running sums over its children
    are worked out once, so climbing from a link costs one step per level."""

    def __init__(self, chrome, order: list[_Node]):
        self.chrome, self.order = chrome, order
        self.weights: dict = {}
        self.before: dict = {}  # child -> weight of its earlier siblings
        self.progress: dict = {}  # parent -> (children weighed, their weight)

    @staticmethod
    def _words(text: str) -> int:
        """Characters of the chunks of `text` that are not dates or numbers (see _text_weight)."""
        return _short_text_weight(text) if len(text) <= 320 else _text_weight(text)

    def weight(self, node: _Node) -> int:
        """Text of `node` (see _TextBefore). The elements within it not weighed yet are found in
        document order, passing over those weighed and those never text by their last
        descendant, then weighed from the last (children before parents)."""
        weights = self.weights
        if node in weights:
            return weights[node]
        order, chrome = self.order, self.chrome
        todo = []
        i, end = node.index, node.end
        while i <= end:
            item = order[i]
            if item in weights:
                i = item.end + 1
            elif item in chrome or item.tag in _DROP_TAGS:
                weights[item] = 0
                i = item.end + 1
            else:
                todo.append(item)
                i += 1
        words = self._words
        for item in reversed(todo):
            weights[item] = sum(words(c) if c.__class__ is str else weights[c] for c in item.children)
        return weights[node]

    def step(self, parent: _Node, child: _Node) -> int:
        """Text of `parent` before `child`, outside `child`. The children of `parent` are weighed
        from the first up to `child` only, resuming where an earlier call stopped."""
        if child in self.before:
            return self.before[child]
        pos, running = self.progress.get(parent, (0, 0))
        kids = parent.children
        while pos < len(kids):
            c = kids[pos]
            pos += 1
            if isinstance(c, str):
                running += self._words(c)
                continue
            self.before[c] = running
            if c is child:
                break
            running += self.weight(c)
        self.progress[parent] = (pos - 1, running)  # next time, from `child` on
        return self.before[child]


def _find_items(marks: _Marks, main: _Node | None, order: list[_Node]) -> tuple[dict, list, list]:
    """Step 3: item blocks: the largest element around a site link that holds no other story
    (nor a section heading, a pager, much text before the link, or over 1,500 characters).
    Returns (block -> item number, item blocks, their hrefs)."""
    headings = [n.index for n in _visible(order, marks.chrome) if n.tag in HEADINGS and n.nonblank]
    text_before = _TextBefore(marks.chrome, order)
    item_of: dict = {}
    item_hrefs: list[str] = []
    item_blocks: list[_Node] = []
    outer: list[tuple[int, int]] = []  # (index, end) of item blocks holding no other, in order
    sidebars, only = marks.sidebars, marks.site_keys.only
    for anchor, href, key in marks.links:
        titled = anchor not in marks.silent and anchor.nonblank > 0
        in_sidebar = marks.in_sidebar[anchor]
        if main is not None and _is_within(anchor, main) and not in_sidebar:
            continue
        block = anchor
        before = 0  # text before the anchor in the element reached
        own_headings = 1 if anchor.tag in HEADINGS and anchor.nonblank else 0
        child, node, level = anchor, anchor.parent, 0
        while node is not None:  # (the anchor's ancestors, from its parent up)
            if node.tag in HEADINGS and node.nonblank:
                own_headings += 1
            if (level >= _MAX_ITEM_LEVELS
                    or node.tag in _PAGE_LEVEL or node is main or node in sidebars
                    or node.parent is None or node.parent.tag in _PAGE_LEVEL
                    or not only(node, key)
                    or (main is not None and node.index <= main.index <= node.end)  # (main within node)
                    or node.size > 1500
                    or marks.holds_pager(node)
                    or (titled and _count_between(headings, node.index, node.end) > own_headings)):
                break
            before += text_before.step(node, child)  # last: the costliest test
            if before > 400:
                break
            block = child = node
            node, level = node.parent, level + 1
        if block in item_of:
            continue
        # an item block within an earlier one is part of it
        i = bisect.bisect_right(outer, (block.index, float("inf"))) - 1
        if i >= 0 and outer[i][0] < block.index <= outer[i][1]:
            continue
        lo = bisect.bisect_left(outer, (block.index, -1))
        hi = bisect.bisect_right(outer, (block.end, float("inf")))
        outer[lo:hi] = [(block.index, block.end)]
        item_of[block] = len(item_blocks)
        item_blocks.append(block)
        item_hrefs.append(href)
    return item_of, item_blocks, item_hrefs


_PAGE_LEVEL = ("#root", "html", "body")  # never an item block, nor a parent of one


def _count_between(sorted_indexes: list[int], lo: int, hi: int) -> int:
    return bisect.bisect_right(sorted_indexes, hi) - bisect.bisect_left(sorted_indexes, lo)


def _page_lines(root, marks: _Marks, main, item_of) -> list[_Line]:
    """Step 4: the page's lines, without "Read more" lines, day and month put back together."""
    lines = _emit_lines(root, marks.chrome | marks.silent, main, marks.sidebars, item_of, marks.link_of,
                        marks.short)
    lines = [ln for ln in lines if ln.text.lower().rstrip(" .:»>→") not in _READ_MORE
             and ln.text.strip() not in _READ_MORE]
    return _merge_split_dates(lines)


def _line_links(lines: list[_Line]) -> dict[str, str]:
    """Step 5: every title/link line to its story."""
    link_map: dict[str, str] = {}
    for ln in lines:
        if ln.href and not ln.foreign and not is_date_line(ln.text):
            link_map.setdefault(ln.text, ln.href)
    return link_map


def _group_items(lines, main, item_blocks) -> tuple[dict[int, list[_Line]], list[_Line]]:
    """Step 6: the lines of each item, with loose date and snippet lines of flat lists attached;
    and the lines of no item."""
    groups: dict[int, list[_Line]] = {}
    loose: list[_Line] = []
    last_item: int | None = None
    body_lines = [ln for ln in lines if main is None or ln.region != "main"]
    for i, ln in enumerate(body_lines):
        if ln.item is not None:
            groups.setdefault(ln.item, []).append(ln)
            last_item = ln.item
            continue
        nxt = body_lines[i + 1] if i + 1 < len(body_lines) else None
        if (is_date_line(ln.text) and nxt is not None and nxt.item is not None
                and item_blocks[nxt.item].parent is not None
                and _is_within(ln.block, item_blocks[nxt.item].parent)):
            groups.setdefault(nxt.item, []).append(ln)
            continue
        if (last_item is not None and not ln.foreign and not ln.heading
                and item_blocks[last_item].parent is not None
                and _is_within(ln.block, item_blocks[last_item].parent)
                and not is_date_line(ln.text)):
            groups[last_item].append(ln)
            continue
        loose.append(ln)
        last_item = None if ln.heading or ln.foreign else last_item
    return groups, loose


def _title_links(groups, item_hrefs, link_map) -> None:
    """Step 7: an item whose link has no words of its own ("Read more", an image): its title line
    to its story."""
    for idx, group in groups.items():
        if not any(ln.href and not is_date_line(ln.text) for ln in group):
            title = next((ln.text for ln in group if not is_date_line(ln.text)), None)
            if title:
                link_map.setdefault(title, item_hrefs[idx])


def _item_text(group: list[_Line]) -> str:
    return "\n".join(_date_first([ln.text for ln in group], window=3))


def _main_page(lines, loose, groups, url, page_id, aliases, link_map) -> HtmlPage:
    """Step 8a: a page whose markup tells its article: the article (date, title, body), then every
    other item."""
    main_lines = [ln.text for ln in lines if ln.region == "main"]
    first_main = next((ln.order for ln in lines if ln.region == "main"), None)
    if first_main is not None:
        # a title or date printed just before the article container belongs to it
        before = [ln for ln in loose if ln.order < first_main and ln.region is None]
        head = main_lines[:4]
        has_title = any(ln.heading for ln in lines if ln.region == "main")
        has_date = any(is_date_line(t) for t in head)
        extra = []
        for ln in reversed(before[-3:]):
            if not has_title and ln.heading:
                extra.insert(0, ln.text)
                has_title = True
            elif not has_date and is_date_line(ln.text):
                extra.insert(0, ln.text)
                has_date = True
        main_lines = extra + main_lines
    main_lines = _date_first(main_lines)
    if page_id is not None and url:
        title = next((ln.text for ln in lines if ln.region == "main" and ln.heading), None)
        if title is None:  # no heading: the line after the date, when it is short
            rest = [t for t in main_lines[:2] if not is_date_line(t)]
            if rest and len(rest[0]) <= 200 and len(main_lines) > 2:
                title = rest[0]
        own = canonical_url(url, url, aliases)
        if title and own:
            link_map.setdefault(title, own)
    blocks = main_lines + [_item_text(groups[i]) for i in sorted(groups)]
    main_count = len("\n\n".join(main_lines).split("\n")) if main_lines else 0
    return HtmlPage("\n\n".join(blocks), main_count, link_map)


def _document_order_page(lines, groups, link_map) -> HtmlPage:
    """Step 8c: markup that does not tell: the lines in document order, items kept together."""
    group_of = {id(ln): idx for idx, group in groups.items() for ln in group}
    blocks: list[str] = []
    done: set = set()
    for ln in lines:
        idx = ln.item if ln.item is not None else group_of.get(id(ln))
        if idx is None:
            blocks.append(ln.text)
            continue
        if idx not in done:
            done.add(idx)
            blocks.append(_item_text(groups[idx]))
    return HtmlPage("\n\n".join(blocks), None, link_map)


def html_to_page(html: str, url: str | None = None, *, aliases=()) -> HtmlPage:
    """Page text of an HTML page; see the module docstring for the layout of `text`."""
    root, order = _parse(html or "")
    try:
        return _page_of(root, order, url, aliases)
    finally:
        _tear_down(order)


def _tear_down(nodes) -> None:
    """Break the parent/child cycles of a page's tree, so that it is freed as soon as it is no
    longer used rather than left to the cyclic garbage collector (see etl.sightings.read_all)."""
    for node in nodes:
        node.children = []
        node.parent = None


def _page_of(root: _Node, order: list[_Node], url: str | None, aliases) -> HtmlPage:
    """html_to_page of a parsed page."""
    page_lang, page_section, page_id = parse_news_url(url)
    is_listing = page_lang is not None and page_section == "news" and page_id is None

    marks = _mark(root, order, url, aliases, page_lang)
    main = None if is_listing else _find_main(order, marks)
    item_of, item_blocks, item_hrefs = _find_items(marks, main, order)
    lines = _page_lines(root, marks, main, item_of)
    link_map = _line_links(lines)
    groups, loose = _group_items(lines, main, item_blocks)
    _title_links(groups, item_hrefs, link_map)

    if main is not None:
        return _main_page(lines, loose, groups, url, page_id, aliases, link_map)
    if is_listing and groups:  # step 8b: a listing page: its items
        return HtmlPage("\n\n".join(_item_text(groups[i]) for i in sorted(groups)), 0, link_map)
    return _document_order_page(lines, groups, link_map)

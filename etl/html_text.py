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

import re
from dataclasses import dataclass, field
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
    parts = urlsplit(url)
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
    absolute = urljoin(base_url or "", href)
    parts = urlsplit(absolute)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if not parts.netloc:
        return absolute.split("#", 1)[0] or None  # no base: keep the path as it is
    base = urlsplit(base_url or "")
    base_host, base_port = _split_host(base.netloc)
    target = _strip_www(base_host) + base_port if base_host else CANONICAL_HOST
    if _strip_www(base_host) in {_strip_www(h) for h in SITE_HOSTS}:
        target = CANONICAL_HOST
    host, port = _split_host(parts.netloc)
    family = {_strip_www(h) for h in SITE_HOSTS}
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
    """A short line that is only a date: `29 Mar`, `04 Sept`, `22 Mart`, `31 Март`, `29.03.2023`."""
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
# A forgiving tree builder

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


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent", "index")

    def __init__(self, tag: str, attrs: dict, parent: "_Node | None"):
        self.tag = tag
        self.attrs = attrs
        self.children: list = []
        self.parent = parent
        self.index = 0  # document order, set after parsing

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.stack = [self.root]

    def _close_to(self, i: int) -> None:
        del self.stack[i:]

    def _find_open(self, tags, bounds) -> int | None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                return i
            if tag in bounds:
                return None
        return None

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in _P_CLOSERS:
            i = self._find_open({"p"}, _SCOPE)
            if i is not None:
                self._close_to(i)
        if tag in HEADINGS:
            i = self._find_open(HEADINGS, _SCOPE | {"div", "section", "article"})
            if i is not None:
                self._close_to(i)
        if tag in _IMPLIED:
            closes, bounds = _IMPLIED[tag]
            i = self._find_open(closes, bounds)
            if i is not None:
                self._close_to(i)
        node = _Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        depth = len(self.stack)
        self.handle_starttag(tag, attrs)
        if len(self.stack) > depth:  # <div/> written as if void
            self.stack.pop()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "br":  # </br> is a line break in every browser
            self.stack[-1].children.append(_Node("br", {}, self.stack[-1]))
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                self._close_to(i)
                return
        # stray end tag: ignored

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _parse(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    # number the elements in document order (iteratively: broken pages nest deeply)
    order = 0
    todo = [builder.root]
    while todo:
        node = todo.pop()
        node.index = order
        order += 1
        todo.extend(c for c in reversed(node.children) if isinstance(c, _Node))
    return builder.root


def _iter_elements(root: _Node, skip=frozenset()):
    todo = [root]
    while todo:
        node = todo.pop()
        if node in skip:
            continue
        yield node
        todo.extend(c for c in reversed(node.children) if isinstance(c, _Node))


def _depth(node: _Node) -> int:
    return sum(1 for _ in node.ancestors())


def _text_sizes(root: _Node, skip=frozenset()) -> dict:
    """Characters of non-blank text under every element (elements in `skip` count 0)."""
    sizes: dict = {}
    for node in reversed(list(_iter_elements(root, skip))):  # children before parents
        total = 0
        for child in node.children:
            if isinstance(child, str):
                total += len(child.strip())
            elif child not in skip and child.tag not in _DROP_TAGS:
                total += sizes.get(child, 0)
        sizes[node] = total
    return sizes


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


def _words(node: _Node) -> list[str]:
    raw = (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).lower()
    words = []
    for token in raw.split():
        words.append(token.replace("-", "").replace("_", ""))
        words.extend(w for w in re.split(r"[-_]+", token) if w)
    return words


def _has_pair(words: list[str], pairs) -> bool:
    return any((a, b) in pairs for a, b in zip(words, words[1:]))


def _is_article_like(node: _Node) -> bool:
    return _main_rank(node) > 0


def _main_rank(node: _Node) -> int:
    """How surely `node` is the article: 3 <article>, 2 article-like class, 1 <main>/content."""
    if node.tag == "article":
        return 3
    words = _words(node)
    if _MAIN_WORDS.intersection(words) or _has_pair(words, _MAIN_PAIRS):
        return 2
    if node.tag == "main" or node.attrs.get("role") == "main" or "content" in words:
        return 1
    return 0


def _is_chrome(node: _Node, share: float) -> bool:
    """Whether `node` is page chrome; `share` is its part of the page's text (0..1)."""
    tag, attrs = node.tag, node.attrs
    if tag in _DROP_TAGS:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if _HIDDEN_CLASSES.intersection(attrs.get("class", "").lower().split()):
        return True
    if tag in _CONTAINERS or share > 0.5:
        return False
    if tag in _SOFT_DROP_TAGS or attrs.get("role", "").lower() in _CHROME_ROLES:
        return True
    words = _words(node)
    if _CHROME_WORDS.intersection(words):
        return True
    if tag in ("header", "footer") or _HEADER_FOOTER_WORDS.intersection(words):
        # the article's own <header> holds its title and date
        return not any(_main_rank(a) >= 2 for a in node.ancestors())
    return False


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


def _is_read_more(anchor: _Node) -> bool:
    text = _plain_text(anchor).lower()
    return text in _READ_MORE or text.rstrip(" .:»>→") in _READ_MORE


def _is_sidebar(node: _Node) -> bool:
    if node.tag == "aside" or node.attrs.get("role", "").lower() == "complementary":
        return True
    words = _words(node)
    return bool(_SIDEBAR_WORDS.intersection(words)) or _has_pair(words, _SIDEBAR_PAIRS)


def _is_dateish(node: _Node) -> bool:
    return node.tag == "time" or bool(_DATE_WORDS.intersection(_words(node)))


def _is_date_element(node: _Node) -> bool:
    """An inline element whose whole text is a date line ('<span>12 Mar</span><a>Title</a>'): it
    stands on a line of its own, as the site's pages show it, rather than gluing onto the title."""
    if len(node.children) > 4:
        return False
    text = _plain_text(node)
    return len(text) <= 24 and is_date_line(text)


# --------------------------------------------------------------------------------------------
# Lines


@dataclass
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


def _emit_lines(root, chrome, main, sidebars, item_of, link_of) -> list[_Line]:
    """Walk the tree in document order and cut its text into lines."""
    lines: list[_Line] = []
    pieces: list[str] = []
    first_ctx: list[_Context] = []

    def flush():
        if pieces:
            text = re.sub(r"\s+", " ", "".join(pieces)).strip()
            if text:
                ctx = first_ctx[0]
                lines.append(_Line(text, ctx.block, ctx.region, ctx.item, ctx.href, ctx.foreign,
                                   ctx.heading, len(lines)))
        pieces.clear()
        first_ctx.clear()

    # stack of ("open", node, ctx) / ("close", node) / ("text", str, ctx)
    todo: list = [("open", root, _Context(block=root))]
    while todo:
        op, obj, *rest = todo.pop()
        if op == "text":
            ctx = rest[0]
            if obj.strip() and not first_ctx:
                first_ctx.append(ctx)
            if first_ctx or obj.strip():
                pieces.append(obj)
            continue
        node = obj
        blockish = node.tag in BLOCK or node.tag == "br" or (
            node.tag != "#root" and node.tag not in VOID and (_is_dateish(node) or _is_date_element(node))
        )
        if op == "close":
            if blockish:
                flush()
            continue
        if node in chrome:
            continue
        if node.tag == "br":
            flush()
            continue
        ctx = rest[0]
        if blockish:
            flush()
        new = _Context(ctx.region, ctx.item, ctx.href, ctx.foreign, ctx.heading,
                       node if (node.tag in BLOCK or blockish) else ctx.block)
        if node is main:
            new.region = "main"
        elif node in sidebars:
            new.region = "sidebar"
        if node in item_of:
            new.item = item_of[node]
        if node.tag == "a":
            href = link_of.get(node)
            if href is not None:
                new.href, new.foreign = href, False
            elif node.attrs.get("href"):
                new.foreign = True
        if node.tag in HEADINGS:
            new.heading = True
        if node.tag == "pre":
            todo.append(("close", node))
            for child in reversed(node.children):
                if isinstance(child, str):
                    for i, part in enumerate(reversed(child.split("\n"))):
                        if i:
                            todo.append(("close", _Node("br", {}, node)))
                        todo.append(("text", part, new))
                else:
                    todo.append(("open", child, new))
            continue
        todo.append(("close", node))
        for child in reversed(node.children):
            if isinstance(child, str):
                todo.append(("text", child, new))
            else:
                todo.append(("open", child, new))
    flush()
    return lines


def _merge_split_dates(lines: list[_Line]) -> list[_Line]:
    """`29` / `Mar` on two lines (day and month in separate blocks) -> `29 Mar`."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (nxt is not None and re.fullmatch(r"\d{1,2}", line.text)
                and line.item == nxt.item and line.region == nxt.region
                and is_date_line(f"{line.text} {nxt.text}")):
            out.append(_Line(f"{line.text} {nxt.text}", line.block, line.region, line.item,
                             line.href, line.foreign, line.heading, line.order))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _text_before(container: _Node, anchor: _Node, chrome) -> int:
    """Characters of text in `container` before `anchor`, not counting dates and numbers.

    An item block (date, image, title, snippet) holds at most a title and a snippet before its
    link (a "Read more" at the end); a container with more than that is larger than the item.
    """
    total = 0
    todo = [container]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            for chunk in node.split():
                if not (chunk.isdigit() or _is_month(chunk) or is_date_line(chunk)):
                    total += len(chunk)
            continue
        if node is anchor:
            break
        if node in chrome or node.tag in _DROP_TAGS:
            continue
        todo.extend(reversed(node.children))
    return total


def _has_other_heading(container: _Node, anchor: _Node, chrome) -> bool:
    """Whether `container` holds a heading that is not the anchor's own (a section title)."""
    for node in _iter_elements(container, chrome):
        if node.tag in HEADINGS and not _is_within(anchor, node) and _plain_text(node):
            return True
    return False


def _is_within(node: _Node, ancestor: _Node) -> bool:
    return node is ancestor or any(a is ancestor for a in node.ancestors())


def _date_first(lines: list[str], window: int = 4) -> list[str]:
    """Move a date line found among the first lines to the front (date, title, body)."""
    for i, text in enumerate(lines[:window]):
        if is_date_line(text):
            return [text] + lines[:i] + lines[i + 1 :] if i else lines
    return lines


# --------------------------------------------------------------------------------------------
# The page


def html_to_page(html: str, url: str | None = None, *, aliases=()) -> HtmlPage:
    """Page text of an HTML page; see the module docstring for the layout of `text`."""
    root = _parse(html or "")
    page_lang, page_section, page_id = parse_news_url(url)
    is_listing = page_lang is not None and page_section == "news" and page_id is None

    # 1. chrome, sidebars and links, in one pass from the top
    sizes = _text_sizes(root)
    total = max(sizes.get(root, 0), 1)
    chrome: set = set()
    sidebars: set = set()
    links: list[tuple[_Node, str, tuple]] = []  # (anchor, canonical href, (lang, section, id))
    site_links: list[tuple[_Node, tuple]] = []  # every link to a story, any language
    link_of: dict = {}
    silent: set = set()  # "Read more" links
    holds_pager: set = set()  # elements holding a link to a listing page (pager, "All news")
    todo = [(root, False)]
    while todo:
        node, in_sidebar = todo.pop()
        if node is not root and _is_chrome(node, sizes.get(node, 0) / total):
            chrome.add(node)
            continue
        if node is not root and not in_sidebar and _is_sidebar(node):
            sidebars.add(node)
            in_sidebar = True
        if node.tag == "a":
            href = canonical_url(node.attrs.get("href"), url, aliases)
            lang, section, site_id = parse_news_url(href)
            if href and site_id is None and section in ID_SECTIONS:
                holds_pager.update(node.ancestors())  # a link back to a listing page
            if href and site_id is not None and section in ID_SECTIONS:
                site_links.append((node, (lang, section, site_id)))
                if page_lang is None or lang == page_lang:  # else a language switcher
                    links.append((node, href, (lang, section, site_id)))
                    link_of[node] = href
            if _is_read_more(node):  # its story counts, its words do not
                silent.add(node)
                continue
        todo.extend((c, in_sidebar) for c in reversed(node.children) if isinstance(c, _Node))
    links.sort(key=lambda t: t[0].index)

    # 2. the main article: markup that says so, outside every sidebar
    main = None
    if not is_listing:
        own_sizes = _text_sizes(root, skip=chrome | sidebars)
        candidates = [n for n in _iter_elements(root, skip=chrome | sidebars)
                      if n is not root and _is_article_like(n) and own_sizes.get(n, 0) > 0]

        def n_stories(node):
            return len({key for a, _, key in links
                        if _is_within(a, node) and not any(x in sidebars for x in a.ancestors())})

        eligible = [n for n in candidates if n_stories(n) <= 1]
        if eligible:
            largest = max(own_sizes[n] for n in eligible)
            eligible = [n for n in eligible if own_sizes[n] >= 0.6 * largest]
            # the most specific kind of marker wins (<article>, then news-detail-like classes,
            # then <main>/"content"); among equals, the outermost
            main = max(eligible, key=lambda n: (_main_rank(n), -_depth(n)))

    # 3. item blocks: the largest element around a site link that holds no other story
    ids_under: dict = {}
    for anchor, key in site_links:
        for node in [anchor, *anchor.ancestors()]:
            ids_under.setdefault(node, set()).add(key)
    item_of: dict = {}
    item_hrefs: list[str] = []
    item_blocks: list[_Node] = []
    for anchor, href, key in links:
        titled = anchor not in silent and bool(_plain_text(anchor))
        in_sidebar = any(a in sidebars for a in anchor.ancestors())
        if main is not None and _is_within(anchor, main) and not in_sidebar:
            continue
        block = anchor
        for node in anchor.ancestors():
            if (node.tag in ("#root", "html", "body") or node is main or node in sidebars
                    or node.parent is None or node.parent.tag in ("#root", "html", "body")
                    or ids_under.get(node) != {key}
                    or (main is not None and _is_within(main, node))
                    or sizes.get(node, 0) > 1500
                    or node in holds_pager
                    or (titled and _has_other_heading(node, anchor, chrome))
                    or _text_before(node, anchor, chrome) > 400):
                break
            block = node
        if block in item_of:
            continue
        if any(a in item_of for a in block.ancestors()):
            continue
        item_of[block] = len(item_blocks)
        item_blocks.append(block)
        item_hrefs.append(href)

    lines = _emit_lines(root, chrome | silent, main, sidebars, item_of, link_of)
    lines = [ln for ln in lines if ln.text.lower().rstrip(" .:»>→") not in _READ_MORE
             and ln.text.strip() not in _READ_MORE]
    lines = _merge_split_dates(lines)

    # 4. the links: every title/link line to its story
    link_map: dict[str, str] = {}
    for ln in lines:
        if ln.href and not ln.foreign and not is_date_line(ln.text):
            link_map.setdefault(ln.text, ln.href)

    # 5. items, with loose date and snippet lines of flat lists attached
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

    for idx, group in groups.items():
        # an item whose link has no words of its own ("Read more", an image): its title line
        if not any(ln.href and not is_date_line(ln.text) for ln in group):
            title = next((ln.text for ln in group if not is_date_line(ln.text)), None)
            if title:
                link_map.setdefault(title, item_hrefs[idx])

    def item_text(idx: int) -> str:
        return "\n".join(_date_first([ln.text for ln in groups[idx]], window=3))

    if main is not None:
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
        blocks = main_lines + [item_text(i) for i in sorted(groups)]
        main_count = len("\n\n".join(main_lines).split("\n")) if main_lines else 0
        return HtmlPage("\n\n".join(blocks), main_count, link_map)

    if is_listing and groups:
        blocks = [item_text(i) for i in sorted(groups)]
        return HtmlPage("\n\n".join(blocks), 0, link_map)

    # markup does not tell: document order, items kept together
    blocks: list[str] = []
    done: set = set()
    for ln in lines:
        if ln.item is None:
            grouped = next((k for k, v in groups.items() if ln in v), None)
            if grouped is None:
                blocks.append(ln.text)
                continue
            idx = grouped
        else:
            idx = ln.item
        if idx not in done:
            done.add(idx)
            blocks.append(item_text(idx))
    return HtmlPage("\n\n".join(blocks), None, link_map)

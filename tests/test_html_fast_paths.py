"""The HTML reader's fast paths give what the plain forms they stand for give.

Each specialised routine of etl/html_text.py is held here to the straightforward form it replaces
(html.parser's events, a pass over the finished tree, a tree walk with a stack, canonical_url), on
crafted markup: malformed and unclosed tags, entities, nesting, <script>/<style>, comments, CDATA,
attributes without quotes, upper-case tags, non-ASCII text, and random mixtures of them."""
from __future__ import annotations

import random
import re

import pytest

from etl import html_text as H

# Markup the fast reader reads, markup it leaves to html.parser, and everything in between.
_PIECES = [
    "<p>", "</p>", "<P CLASS=x>", "<div>", "</div>", "<DIV ID=news-detail>", "<div class='sidebar'>", "<div/>",
    "<span>", "</span>", "<span>07</span>", "<SPAN>Nov</SPAN>", "<span>a</SPAN>", "<span>x</span >", "<b>", "</b>",
    "<br>", "<br/>", "</br>", "<img src=x alt='y'>", "<img src=x>text</img>", "<input value=x>",
    "<ul>", "</ul>", "<li>", "</li>", "<li class=\"news-item\">", "<dl><dt>a<dd>b</dl>", "<option>o", "<select>",
    "<table>", "<tr>", "<td>", "<th>", "</table>", "<h1>", "</h1>", "<h2>T</h2>", "<h3>", "<a href='/en/news/5'>",
    "<a href=\"/ru/news?page=2\">»</a>", "<a href=/en/news/7>t</a>", "</a>", "<a class=more href=\"/en/news/9\">Read more</a>",
    "<article>", "</article>", "<main>", "</main>", "<aside>", "<nav>", "</nav>", "<header>", "</footer>",
    "<time>", "</time>", "<pre>a\nb</pre>", "<pre>", "</pre>",
    "<script>var a = 1;</script>", "<script>if (a<b) x()</script>", "<SCRIPT>x</script >", "<script></script>",
    "<script/>", "<script>", "<style>p{}</style>", "<style>a&amp;b</style>", "<title>t &amp; u</title>",
    "<textarea>a<b></textarea>", "<svg><p>x</svg>", "<!-- c -->", "<!--", "-->", "<!DOCTYPE html>", "<!doctype x>",
    "<![CDATA[x]]>", "<?php x ?>", "<x-foo a=b c>", "<a b='1' c=\"2\" d=3 e>", "<a  href = \"/tk/news/4\" >",
    "<p\n class=a>", "<a href=`x`>", "</ p>", "< p>", "<", ">", "&amp;", "&#x41;", "&nbsp;", "&raquo", "&bogus;",
    "a", "word ", " ", "  ", "\n", "\t", "\r\n", "12 Mar", "29", "Ýaňy", "Выборы", "ß", "—", "\u00a0", "\u2028",
    "<div hidden>", "<p style='display: none'>x</p>", "<div class=\"content\">", "<span class=\"date\">01.02.2023</span>",
]


def _crafted(seed: int, count: int = 300):
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 60)))


_FIXED = [
    "", "plain text", "<p>a &amp; b<P CLASS=x>c", "<div><span>07</span> <SPAN>Nov</SPAN></div>", "<ul><li>a<li>b</ul>",
    "<script>if (a<b) x()</script><p>t", "<style>p{}</style>", "<!-- c --><p>x</p>", "<a href=/en/news/5>t</a>",
    "<b>Ýaňy &nbsp;Выборы</b>", "<img src=x><br/><div/>text</div>", "<table><tr><td>1<td>2</table>",
    "<h1>a<h2>b</h1>", "<p>a</P>", "<span>a</span >", "<pre>a\nb</pre>", "<a b='1' c=\"2\" d=3 e>x</a>",
    "<title>t &amp; u</title>", "<div>" * 50 + "deep" + "</div>" * 20, "<p>unclosed <b>bold <i>italic",
    "<SCRIPT>a</SCRIPT><Style>b</STYLE>", "<script>a</script", "<br>x</br>", "<hr>y</hr>",
]


def _tree(order):
    """Everything the steps read of a tree, element by element."""
    return [(n.tag, tuple(n.attrs.items()), n.index, n.end, n.depth, n.size, n.nonblank,
             tuple(c if isinstance(c, str) else ("#", c.index) for c in n.children)) for n in order]


def _parser_tree(html: str):
    builder = H._TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.finish()


def _plain_pass(root) -> list:
    """The page's elements with place, depth, last descendant and sizes worked out by one pass over
    the finished tree (as _parse did before the builder set them)."""
    order, todo = [], [root]
    while todo:
        node = todo.pop()
        order.append(node)
        todo.extend(c for c in reversed(node.children) if isinstance(c, H._Node))
    info = {}
    depth = {root: 0}
    for i, node in enumerate(order):
        if node is not root:
            depth[node] = depth[node.parent] + 1
    for i in reversed(range(len(order))):
        node = order[i]
        end, size, nonblank = i, 0, 0
        for child in node.children:
            if isinstance(child, str):
                if not child.isspace():
                    size += len(child.strip())
                    nonblank += sum(map(len, child.split()))
            else:
                end = info[child][1]
                if child.tag not in H._DROP_TAGS:
                    size += info[child][3]
                    nonblank += info[child][4]
        info[node] = (i, end, depth[node], size, nonblank)
    return [info[n] for n in order]


def _all_inputs():
    yield from _FIXED
    for seed in range(6):
        yield from _crafted(seed)


def test_fast_reader_builds_the_tree_html_parser_builds():
    taken = 0
    for html in _all_inputs():
        builder = H._TreeBuilder()
        if not H._fast_feed(builder, html):
            continue  # left to html.parser
        taken += 1
        assert _tree(builder.finish()) == _tree(_parser_tree(html)), html
    assert taken > 100


def test_places_and_sizes_set_while_building_are_those_of_a_pass_over_the_tree():
    for html in _all_inputs():
        for order in (H._parse(html)[1], _parser_tree(html)):
            assert [(n.index, n.end, n.depth, n.size, n.nonblank) for n in order] == _plain_pass(order[0]), html
            assert all(n.index == i for i, n in enumerate(order))


# the tokens of the fast reader without the `leaf` token: what _fast_feed read before it
_PLAIN_TOKEN = re.compile(r"""
    (?P<text>[^<]+)
  | <!--.*?--\s*>
  | <![dD][oO][cC][tT][yY][pP][eE][^<>]*>
  | </(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
  | <(?P<start>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>%s)\s*(?P<close>/?)>
  | (?P<other><)
""" % H._ATTRS, re.S | re.X)


def _plain_feed(builder, html: str) -> bool:
    pos, n = 0, len(html)
    while pos < n:
        m = _PLAIN_TOKEN.match(html, pos)
        if m is None or m.group("other") is not None:
            return False
        pos = m.end()
        text, end, tag, raw_attrs, close = m.group("text", "end", "start", "attrs", "close")
        if text is not None:
            builder.handle_data(H.unescape(text) if "&" in text else text)
        elif end is not None:
            builder.handle_endtag(end)
        elif tag is not None:
            tag = tag.lower()
            kind = H._Kind(tag, dict(H._read_attrs(raw_attrs)) if raw_attrs else {})  # (tag lower-case)
            if close:
                builder.start_end(tag, kind)
                continue
            builder.start(tag, kind)
            if tag in H._CDATA_ELEMENTS:
                closing = H._CDATA_END[tag].search(html, pos)
                if closing is None:
                    return False
                if closing.start() > pos:
                    builder.handle_data(html[pos:closing.start()])
                builder.handle_endtag(tag)
                pos = closing.end()
    return True


def test_leaf_tokens_feed_what_their_tokens_one_by_one_feed():
    assert "leaf_text" in H._FAST_TOKEN.groupindex and "leaf_text" not in _PLAIN_TOKEN.groupindex
    for html in _all_inputs():
        fast, plain = H._TreeBuilder(), H._TreeBuilder()
        ok = H._fast_feed(fast, html)
        assert ok == _plain_feed(plain, html), html
        if ok:
            assert _tree(fast.finish()) == _tree(plain.finish()), html


def _is_chrome_plain(node, share: float, in_article: bool = False) -> bool:
    """_is_chrome as first written: every test on the element's tag and attributes, each time."""
    tag, attrs = node.tag, node.attrs
    if tag in H._DROP_TAGS:
        return True
    if attrs and H._is_hidden(attrs):
        return True
    if tag in H._CONTAINERS or share > 0.5:
        return False
    if tag in H._SOFT_DROP_TAGS:
        return True
    if not attrs:
        return tag in ("header", "footer") and not in_article
    if attrs.get("role", "").lower() in H._CHROME_ROLES:
        return True
    words = H._class_words(attrs.get("class", "") + " " + attrs.get("id", ""))
    if H._CHROME_WORDS.intersection(words):
        return True
    if tag in ("header", "footer") or H._HEADER_FOOTER_WORDS.intersection(words):
        return not in_article
    return False


_TAGS = ["div", "span", "a", "header", "footer", "nav", "form", "main", "article", "body", "html", "#root", "script",
         "aside", "section", "p", "time", "li"]
_ATTR_SETS = [{}, {"class": "menu"}, {"class": "site-header"}, {"id": "footer"}, {"role": "navigation"},
              {"role": "Main"}, {"role": "complementary"}, {"class": "hidden x"}, {"hidden": ""},
              {"aria-hidden": "TRUE"}, {"style": "display: none"}, {"class": "news-detail"}, {"class": "content"},
              {"class": "last_news"}, {"class": "post-date"}, {"id": "head"}, {"class": "x", "id": "y"},
              {"class": "Share-Buttons"}, {"class": "news-body"}, {"class": "col right"}, {"href": "/en/news/1"}]


def test_element_kinds_as_the_plain_tests():
    for tag in _TAGS:
        for attrs in _ATTR_SETS:
            kind = H._Kind(tag, attrs)
            node = H._Node(tag, kind, None)
            assert kind.words == H._class_words(attrs.get("class", "") + " " + attrs.get("id", ""))
            for share in (0.0, 0.3, 0.5, 0.51, 1.0):
                for in_article in (False, True):
                    assert H._is_chrome(node, share, in_article) == _is_chrome_plain(node, share, in_article), \
                        (tag, attrs, share, in_article)
            assert kind.opens_article == (tag == "article" or (
                ("class" in attrs or "id" in attrs) and H._main_rank(kind) >= 2))


def _iter_elements_plain(root, skip=frozenset()):
    todo = [root]
    while todo:
        node = todo.pop()
        if node in skip:
            continue
        yield node
        todo.extend(c for c in reversed(node.children) if isinstance(c, H._Node))


def _plain_text(node) -> str:
    parts, todo = [], [node]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag not in H._DROP_TAGS:
            todo.extend(reversed(item.children))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _weight_plain(node, chrome) -> int:
    if node in chrome or node.tag in H._DROP_TAGS:
        return 0
    return sum(sum(len(w) for w in c.split() if not H._is_date_chunk(w)) if isinstance(c, str)
               else _weight_plain(c, chrome) for c in node.children)


@pytest.mark.parametrize("seed", range(3))
def test_walks_in_document_order_as_the_plain_walks(seed):
    rnd = random.Random(seed)
    for html in list(_FIXED) + list(_crafted(seed + 10, 150)):
        root, order = H._parse(html)
        skip = {n for n in order[1:] if rnd.random() < 0.15}
        # _visible as the walk with a stack
        assert H._visible(order, skip) == list(_iter_elements_plain(root, skip)), html
        # short texts as _plain_text, asked for in any order
        texts = H._ShortTexts(order)
        for node in rnd.sample(order, len(order)):
            assert texts.text(node) == _plain_text(node), html
        # text weights as the plain recursion, chrome left out; nested chrome as _mark never makes it too
        weigh = H._TextBefore(skip, order)
        for node in rnd.sample(order, len(order)):
            assert weigh.weight(node) == _weight_plain(node, skip), html
        H._tear_down(order)


def test_text_weight_in_c_as_the_loop():
    rnd = random.Random(5)
    words = ["12", "Mar", "2023", "01.02.2023", "word", "Ýaňy", "мая", "", " ", "\n", "\u00a0", "a1", "12:30"]
    for _ in range(3000):
        size = rnd.choice([12, 200])  # (texts of over 320 characters are not memoised)
        text = "".join(rnd.choice(words) + rnd.choice(["", " ", "\t"]) for _ in range(rnd.randint(0, size)))
        for _ in range(2):  # (the second time from the memo)
            assert H._TextBefore._words(text) == sum(
                len(chunk) for chunk in text.split() if not H._is_date_chunk(chunk)), repr(text)


_ROOTED = ["/en/news/5", "/en/news/5/", "/EN/News/5", "/en", "/en/", "/en/news?page=2", "/en/news?", "/tk/law?id=4",
           "/ru/news?page=2&x=1", "/a-b_c/d?x=1&y=", "/en;x", "/en/news/5#f", "/en/./news", "/en//news", "/%41",
           "/en/news/5?a=b=c", "/x:y", "/ä", "/en/news/5 ", "/", "//x", "/en/news/5?#"]
_ORIGINS = [("https", "saylav.gov.tm"), ("http", "www.saylav.gov.tm"), ("https", "saylav.st.com.tm:443"),
            ("http", "127.0.0.1:8"), ("https", "Example.org"), ("ftp", "saylav.gov.tm"), ("https", "user@Host:443"),
            ("https", "[::1]:80")]


@pytest.mark.parametrize("aliases", [(), ("127.0.0.1:8",), ("example.org",)])
def test_plain_rooted_links_as_canonical_url(aliases):
    for scheme, netloc in _ORIGINS:
        for href in _ROOTED:
            assert H._rooted_link_target(href, scheme, netloc, aliases) == \
                H._link_target(href, f"{scheme}://{netloc}/", aliases), (scheme, netloc, href)

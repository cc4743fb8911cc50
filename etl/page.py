"""Page text -> news items.

A page's text is split into its main story (date line, title, body) and the items listed beside or
below it (sidebar items: date line, title, snippet ending in "..."; undated one-line snippets;
listing pairs of title and snippet). Six layouts occur on the real site (SITE.md); none of header,
date line or title can be relied on, so the split works from the shape of the lines.

Excerpts of one address joined by a line "-----" are split each by itself. Home pages give their
previews as listing items and their navigation links as none. Pages of other sites that copy the
Commission's statements carry chrome (mastheads, site and section names, a date alone, counters,
"Loading...", navigation) that is never a title; their headline sits before a time stamp or a
dateline, and their story ends at the site's footer ("Read also", "Comments").

`split_page(lines)` is pure: lines in, items and problems out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .dates import (
    DATE_LINE_RE, DayMonth, is_update_stamp, looks_like_date_line, parse_dateline, parse_site_date_line,
    parse_time_stamp,
)
from .text import fold, squash

HEADER_LINES = {
    "central commission for holding elections and referendums in turkmenistan",
    "центральная комиссия по проведению выборов и референдумов в туркменистане",
    "türkmenistanda saýlawlary",
    "we sala salşyklary geçirmek",
    "baradaky merkezi topar",
    "boýunça merkezi topar",
    "türkmenistanda saýlawlary we sala salşyklary geçirmek baradaky merkezi topar",
    "türkmenistanda saýlawlary we sala salşyklary geçirmek boýunça merkezi topar",
}
CHROME_LINES = {"news-img", "news img"}
ELLIPSIS = ("...", "…")
TITLE_MAX = 300
HEADLINE_CUT_MAX = 120  # a heading cut with "..." is at most this long and has at most so many
HEADLINE_CUT_WORDS = 8  # words; a longer line cut so is text
STORY_LINE_MIN = 80  # a story before a sidebar of snippets has at least one line this long
SNIPPET_MAX = 400  # previews are about 200 characters; a longer line cut with "..." is a story's text


@dataclass
class RawItem:
    """One news item as seen on one page."""

    position: str  # main / sidebar / listing
    line: int  # 1-based line of the page text where the item starts
    date: DayMonth | None = None
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    is_snippet: bool = False  # the text is a cut-off preview, not the whole body
    url: str | None = None  # the item's own URL, when the page links it
    excerpt: int = 0  # which excerpt of the capture (excerpts of one address are joined by "-----")

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def date_text(self) -> str | None:
        return self.date.text if self.date else None


@dataclass
class PageSplit:
    layout: str
    items: list[RawItem]
    problems: list[tuple[int, str, str]]  # (line, problem, excerpt)


_BOILERPLATE_MAX = max(len(x) for x in HEADER_LINES | CHROME_LINES) + 20


def is_header(line: str) -> bool:
    return len(line) <= _BOILERPLATE_MAX and squash(line).casefold() in HEADER_LINES


def is_chrome(line: str) -> bool:
    return len(line) <= _BOILERPLATE_MAX and squash(line).casefold() in CHROME_LINES


def _is_boilerplate(line: str) -> bool:
    """is_header(line) or is_chrome(line), the line squashed and folded once."""
    return len(line) <= _BOILERPLATE_MAX and _is_short_boilerplate(line)


@lru_cache(maxsize=1 << 14)  # pure; blank lines, headers, dates and titles repeat across captures
def _is_short_boilerplate(line: str) -> bool:
    """_is_boilerplate of a line no longer than _BOILERPLATE_MAX (only those are remembered)."""
    key = squash(line).casefold()
    return key in HEADER_LINES or key in CHROME_LINES


def ends_cut(line: str) -> bool:
    return line.rstrip().endswith(ELLIPSIS)


@lru_cache(maxsize=1 << 14)  # pure; sidebar and listing lines repeat across captures
def is_title_like(line: str) -> bool:
    """A line that can be a title: short, and not ending as a sentence or a label does."""
    s = line.strip()
    if not s or len(s) > TITLE_MAX or ends_cut(s):
        return False
    if s.endswith((":", ";", ",")):
        return False
    if s.endswith(".") and not s.endswith("..") and len(s.split()) > 12 and not s.isupper():
        return False
    return True


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    return [(i + 1, line.rstrip()) for i, line in enumerate(lines)]


def _page_lines(lines: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The lines of a page that are no boilerplate, numbered from 1 and stripped on the right
    (`_numbered(lines)` without the lines `_is_boilerplate` tells), and of those the lines with text
    (the same pairs): one pass over the page instead of three. (A line stripped on the right has
    text exactly when it is not empty.)"""
    numbered: list[tuple[int, str]] = []
    content: list[tuple[int, str]] = []
    for n, line in enumerate(map(str.rstrip, lines), 1):
        if not line:
            numbered.append((n, line))  # a blank line: no boilerplate (squashed, it is "")
            continue
        if len(line) <= _BOILERPLATE_MAX and _is_short_boilerplate(line):
            continue
        pair = (n, line)
        numbered.append(pair)
        content.append(pair)
    return numbered, content


def _blocks(numbered: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, separated by blank lines."""
    blocks, cur = [], []
    for n, line in numbered:
        if line.strip():
            cur.append((n, line))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def split_page(
    lines: list[str],
    *,
    main_line_count: int | None = None,
    is_listing_page: bool = False,
    links: dict[str, str] | None = None,
) -> PageSplit:
    """Split a page's text lines into items.

    `main_line_count` (from HTML markup) says how many leading lines belong to the main story;
    `is_listing_page` says the page is a listing (no main story); `links` maps a title's text to the
    item's URL.
    """
    links = links or {}
    problems: list[tuple[int, str, str]] = []
    numbered, content = _page_lines(lines)
    if not content:
        return PageSplit("empty", [], [(0, "page has no text", "")])

    problems += _date_line_problems(content)

    parts = _excerpts(numbered) if main_line_count is None and not is_listing_page \
        and _may_have_excerpts(lines) else [numbered]
    if len(parts) > 1:
        # several crawls of one address joined by a line "-----": each is a page of its own
        items, layouts = [], []
        for k, part in enumerate(parts):
            if not any(line.strip() for _, line in part):
                continue
            found, layout = _split_by_shape(part)
            for item in found:
                item.excerpt = k
            items += found
            layouts.append(layout)
        layout = "+".join(layouts)
    elif is_listing_page:
        items = _listing_items(content, "listing")  # (list items pass over blank lines)
        layout = "listing"
    elif main_line_count is not None:
        # (the main item and the sidebar's pass over blank lines: only the lines with text are split)
        last_main = lines_upto = main_line_count
        main_part = [(n, l) for n, l in content if n <= lines_upto]
        rest = [(n, l) for n, l in content if n > last_main]
        items = []
        main = _main_item(main_part)
        if main:
            items.append(main)
        items += _sidebar_items(rest)
        layout = "html"
    else:
        items, layout = _split_by_shape(numbered, content)

    if links:  # (with none, every item's URL stays as it is)
        for item in items:
            if item.title and item.url is None:
                item.url = links.get(squash(item.title))
    if not items:
        problems.append((content[0][0], "no news item found in page", content[0][1][:200]))
    return PageSplit(layout, items, problems)


def _may_look_like_date_line(line: str) -> bool:
    """Whether `line` can be one that looks_like_date_line: its first character that is no white
    space is a digit (DATE_LINE_LIKE_RE begins `^\\s*\\d`; str.lstrip and str.isdecimal know the
    regex's \\s and \\d: tests/test_read_fast_paths.py). Most lines of a page open with a letter,
    and are neither looked up in nor put into the memo of _date_line_problem."""
    return line.lstrip()[:1].isdecimal()


def _date_line_problems(content: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, problem, excerpt) of each line with text that looks like the site's date line but is
    none. Only a line for which _may_look_like_date_line holds is asked (the test written out here,
    as it is made of every line of the page)."""
    return [(n, problem, line.strip()[:200]) for n, line in content
            if line.lstrip()[:1].isdecimal() and (problem := _date_line_problem(line))]


@lru_cache(maxsize=1 << 14)  # pure; date lines repeat across captures
def _date_line_problem(line: str) -> str | None:
    """What is wrong with a line that looks like the site's date line but is none, or None."""
    if looks_like_date_line(line) and not parse_site_date_line(line):
        known_month = DATE_LINE_RE.match(line) is not None
        return "impossible date" if known_month else "unknown date format"
    return None


EXCERPT_SEPARATOR = re.compile(r"^\s*-{5,}\s*$")


def _is_excerpt_separator(line: str) -> bool:
    return "-----" in line and EXCERPT_SEPARATOR.match(line) is not None  # (the first test is necessary)


def _may_have_excerpts(lines: list[str]) -> bool:
    """Whether a page's lines can hold a line "-----" that joins excerpts: one search of the whole
    text in C (a line "\n" cannot make up "-----" with the next) instead of a test of each line."""
    return "-----" in "\n".join(lines)


def _excerpts(numbered: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The excerpts of a capture, split at the lines "-----" that join them."""
    if not any(_is_excerpt_separator(line) for _, line in numbered):
        return [list(numbered)]  # one excerpt (most captures)
    parts: list[list[tuple[int, str]]] = [[]]
    for n, line in numbered:
        if _is_excerpt_separator(line):
            parts.append([])
        else:
            parts[-1].append((n, line))
    return parts


def _split_by_shape(numbered: list[tuple[int, str]],
                    content: list[tuple[int, str]] | None = None) -> tuple[list[RawItem], str]:
    """The items of one page (or excerpt) from the shape of its lines; `content`: the lines of
    `numbered` with text, when the caller has them.

    The list items (sidebar, listing, featured previews) are read from slices of `content`: they
    pass over blank lines, so these give what the runs of `numbered` from there on would."""
    if content is None:
        content = [(n, line) for n, line in numbered if line.strip()]
    if not content:
        return [], "empty"
    dates = [parse_site_date_line(line) for _, line in content]
    date_idx = [i for i, dm in enumerate(dates) if dm]
    # the date of each date line by its number, for the list items below (of lines of `content`)
    date_at = {content[i][0]: dates[i] for i in date_idx}

    # Listing page: title / snippet pairs, no date lines, most previews cut with "...".
    if not date_idx and _is_listing(content):
        return _listing_items(content, "listing", date_at), "listing"

    # Home page: navigation links and featured previews (title, cut snippet) with no date line,
    # then dated previews: every item is a listing item, the links are none.
    if date_idx and _is_home_listing(content, date_idx[0]):
        head, rest = content[:date_idx[0]], content[date_idx[0]:]
        return _featured_items(head) + _listing_items(rest, "listing", date_at), "home-listing"

    # page chrome above the date line (a stray mark on mirror pages, a site name, a section name)
    # is no part of the story
    lead = _leading_chrome(content)
    first = next((i for i in date_idx if i >= lead), None)
    if first is not None and first == lead > 0 and _is_site_name(content[lead - 1][1]):
        # the date right under the site's name is the masthead's (the day of the visit)
        lead += 1
        first = next((i for i in date_idx if i >= lead), None)
    if first is not None and (first == lead or (first == lead + 1 and _title_then_date(content[lead:]))):
        # Layouts 1, 2, 5: the page opens with a date line (or with the title, then the date line).
        end = _main_end(content, first, date_idx)
        main = _main_item(content[lead:end])
        return [main] + _sidebar_items(content[end:], date_at), "dated"
    # Layouts 3, 4: no date line first; the main story runs until the first sidebar date line
    # or the trailing run of cut-off snippets. On pages of other sites it ends at their footer
    # ("Read also", "Comments", "Follow us"): what follows is that site's own news, not ours.
    foot = next((k for k, (_, line) in enumerate(content) if k > 0 and is_footer_line(line)), None)
    if foot is not None:
        content = content[:foot]
        date_idx = [i for i in date_idx if i < foot]
    # a date line above the story's first paragraph, below the page's chrome and headline, is the
    # story's own date line, not a sidebar item's
    first_body = next((k for k, (_, line) in enumerate(content)
                       if _is_body_paragraph(line) or len(line.strip()) > HEADLINE_CUT_MAX
                       or (ends_cut(line) and len(line.split()) > HEADLINE_CUT_WORDS)), len(content))
    head_dates = [i for i in date_idx if i < first_body]
    end = _main_end(content, head_dates[-1] if head_dates else -1, date_idx)
    tail = _snippet_tail_start(content[:end])
    if any(len(line.strip()) >= STORY_LINE_MIN for _, line in content[:tail]):
        end = min(end, tail)  # else the cut line is the story's own text, cut by the page: no sidebar
    starts = _statement_starts(content[:end])
    main = _main_item(content[:starts[0] if starts else end])
    more = [_undated_main(content[a:b]) for a, b in zip(starts, starts[1:] + [end])]
    for item in more:
        item.position = "listing"
    items = ([main] if main else []) + more + _sidebar_items(content[end:], date_at)
    layout = "title-body" if main and main.title else "body-only"
    return items, layout


def _leading_chrome(content) -> int:
    """How many lines at the top of a page are its chrome: lines that are chrome by themselves,
    and one-word labels or short upper-case section names above a headline."""
    k = 0
    while k < min(len(content) - 1, 12):
        line = content[k][1]
        if parse_site_date_line(line):
            break
        below = [x for _, x in content[k + 1:k + 4] if not is_chrome_line(x)]
        headline_below = bool(below) and _headline_like(below[0]) and not below[0].isupper()
        if is_chrome_line(line) or (headline_below and (
                len(line.split()) == 1 or (line.isupper() and len(line.split()) < UPPER_HEADING_WORDS))):
            k += 1
            continue
        break
    return k


def _is_home_listing(content, first_date: int) -> bool:
    """Before the first date line only short link lines and featured previews (a title-like line
    then a snippet cut with '...'), and after it dated previews (date line, title, cut snippet)."""
    head = content[:first_date]
    if not head:
        return False
    pairs = links = 0
    k = 0
    while k < len(head):
        line = head[k][1]
        if not is_title_like(line) or len(line.split()) > 30:
            return False
        if k + 1 < len(head) and ends_cut(head[k + 1][1]):
            pairs += 1
            k += 2
        else:
            links += 1
            k += 1
    if pairs + links < 2:
        return False

    def preview(k):  # date line, title, cut snippet
        part = content[k:k + 3]
        return len(part) == 3 and bool(parse_site_date_line(part[0][1])) and is_title_like(part[1][1]) \
            and ends_cut(part[2][1])

    # without a featured preview, the links must be followed by at least two dated previews
    return preview(first_date) and (pairs > 0 or preview(first_date + 3))


def _featured_items(numbered) -> list[RawItem]:
    """Featured previews of a home page (title, cut snippet); link lines with no snippet are
    navigation, not news."""
    content = [(n, line) for n, line in numbered if line.strip()]
    items = []
    for k in range(len(content) - 1):
        (n, line), (_, nxt) = content[k], content[k + 1]
        if is_title_like(line) and ends_cut(nxt):
            items.append(RawItem("listing", n, None, squash(line), [squash(nxt)], is_snippet=True))
    return items


def _title_then_date(content) -> bool:
    """'Title' then '02 Dec' then body: the title printed before the date line."""
    return len(content) > 2 and is_title_like(content[0][1]) and not ends_cut(content[2][1]) \
        and not is_chrome_line(content[0][1])


def _main_end(content, start, date_idx) -> int:
    """Index in `content` where the main story ends: the next date line that opens a sidebar item."""
    for i in date_idx:
        if i > start + 1:
            return i
    return len(content)


def _snippet_tail_start(content) -> int:
    """Start of the trailing run of cut-off one-line snippets (undated sidebar of layout 3)."""
    n = len(content)
    while n > 1 and is_chrome_line(content[n - 1][1]):
        n -= 1  # widgets below the snippets ("Loading...", "See more") belong to no item
    i = n

    def snippet(line):
        return ends_cut(line) and len(line.strip()) <= SNIPPET_MAX and not is_chrome_line(line)

    # the very last line may itself be cut mid-word by the capture
    if i >= 3 and not ends_cut(content[i - 1][1]) and snippet(content[i - 2][1]):
        i -= 1
    while i > 1 and snippet(content[i - 1][1]):
        i -= 1
    if i == 1 and _headline_like(content[0][1]) and not ends_cut(content[0][1]):
        return len(content)  # a headline over its own text, cut by the capture: no sidebar
    return i if i < n else len(content)


def _is_listing(content) -> bool:
    cut = sum(1 for _, line in content if ends_cut(line))
    if cut < 2:
        return False
    # pairs: a title-like line followed by a cut snippet, from the very first line
    return is_title_like(content[0][1]) and len(content) > 1 and ends_cut(content[1][1])


def _main_item(part) -> RawItem | None:
    content = [(n, line) for n, line in part if line.strip()]
    if not content:
        return None
    first_line = content[0][0]
    dm = None
    title = None
    if len(content) > 2 and not parse_site_date_line(content[0][1]) and parse_site_date_line(content[1][1]) \
            and is_title_like(content[0][1]) and not is_chrome_line(content[0][1]):
        title = squash(content[0][1])  # the title printed before the date line
        dm = parse_site_date_line(content[1][1])
        return RawItem("main", first_line, dm, title, [squash(line) for _, line in content[2:]], is_snippet=False)
    if parse_site_date_line(content[0][1]):
        dm = parse_site_date_line(content[0][1])
        content = content[1:]
    else:
        return _undated_main(content)
    if content and _has_title(content, dated=dm is not None):
        title = squash(content[0][1])
        content = content[1:]
    paras = [squash(line) for _, line in content]
    return RawItem("main", first_line, dm, title, paras, is_snippet=False)


# ---------------------------------------------------------------------------------------------
# The headline of a page without the site's date line (layouts 3 and 4, and pages of other sites
# that copy the Commission's statements): page chrome (mastheads, site names, section names, a
# date alone, "Loading...", navigation) is never the title.

REPEAT_WITHIN = 12  # a headline printed again this many lines below opens the article proper
UPPER_HEADING_WORDS = 6  # an upper-case line this long is a heading, not a section name
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*$")
# words that make up navigation, section names and widgets, in the languages of the pages read
CHROME_WORDS = frozenset("""
latest news all see more read loading search topics topic currency converter filter use home main menu
share print version comments comment subscribe follow us login sign skip to content accessibility links
related popular most top headlines breaking photo video gallery archive region world society politics
economy sport culture lenta skip main
доступность ссылок перейти к основному содержанию
главная новости новость все лента поиск печатная версия для печати читать далее ещё еще комментарии
подписаться газета регионе в мире мир общество политика экономика спорт культура фото видео архив
популярное последние
soňky sonky habar habarlar habarlary dünýä dunya ähli ahli gözleg gozleg teswirler teswirle teswir iň in
okaň okan ýene-de yene-de sepleriň seplerin elýeterliligi elyeterliligi jemgyýet jemgyyet syýasat
ykdysadyýet sport medeniýet surat wideo arhiw
""".split())
_DOMAIN = re.compile(r"\b[\w-]+\.(?:az|ru|com|net|org|tm|uz|kz|kg|tj|info|news|tv|ua|uk|de|fr|tr|gov|eu|asia|me)\b",
                     re.I)
# bylines and credits: "By Staff", "Author: ...", "Автор: ...", "Awtor: ...", "Photo: ...", "Фото: ..."
_BYLINE = re.compile(r"^(?:by|author|written by|автор|avtor|awtor|ýazan|yazan|photo|фото|surat|source|источник"
                     r"|çeşme|cesme)\b", re.I)
_COUNTER = re.compile(r"^[^\W\d_][\w-]*\s+(?!(?:19|20)\d\d\b)\d[\d\s.,]*$|^[\d\s.,:/|-]+$")
# a heading that opens with the date it is about, as a sentence of its own: "2026-njy ýylyň 29-njy
# marty. ...", "March 29, 2026. ...", "29 марта 2026 года. ..."
_DATE_LED = re.compile(
    r"^(?:\d{4}\s*-?\s*(?:nji|njy|nju|njü)\s+[ýy]yl[yý][ňn]\s+\d{1,2}\s*-?\s*(?:nji|njy|nju|njü)\s+\w+"
    r"|[^\W\d_]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[^\W\d_]+\s+\d{4}(?:\s*(?:года|г\.?))?)\.\s+\S", re.I)


_LETTER = re.compile(r"[^\W\d_]")


def _has_letters(text: str, count: int) -> bool:
    """Whether `text` holds at least `count` letters (the search stops at the count-th)."""
    return len(list(islice(_LETTER.finditer(text), count))) == count


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip())) and not ends_cut(line)


@lru_cache(maxsize=1 << 14)  # pure; sidebar and listing lines repeat across captures
def is_chrome_line(line: str) -> bool:
    """A line of page furniture rather than of a story: a date and time alone, a number or a
    counter, a site name, a line made of navigation and section words, a byline."""
    s = squash(line)
    if not _has_letters(s, 3) and not re.search(r"\d{3}", s):
        return True  # a stray mark, "XS", "0"
    if parse_time_stamp(s) or is_update_stamp(s) or _COUNTER.match(s):
        return True
    words = s.split()
    if len(words) <= 4 and _DOMAIN.search(s):
        return True
    if len(words) <= 5 and _BYLINE.match(s):
        return True
    if len(words) > 6:
        return False  # too long for a line of navigation words
    folded = [w.strip(".,:;!?…«»\"'()|").casefold() for w in words]
    chrome = sum(1 for w in folded if w in CHROME_WORDS or not w)
    return chrome / len(words) >= 0.75


# the line where a news site's story ends and its furniture begins: further reading, comments,
# subscriptions, sharing (English, Russian, Turkmen)
_FOOTER = re.compile(
    r"^(?:read (?:also|more|next)|see also|related(?: news| articles| stories)?|more (?:news|stories|on)"
    r"|you may also like|recommended|most (?:read|popular)|comments\b|comment\s*$|to leave a comment"
    r"|leave a (?:comment|reply)|follow us|subscribe\b|share (?:this|on)|tags\s*:"
    r"|читайте (?:также|еще|ещё)|читать (?:полностью|также|далее)|смотрите также|по теме|похожие (?:новости|материалы)"
    r"|рекомендуем|комментарии\b|следите за|подписывайтесь|наши (?:новостные )?каналы|поделиться|теги\s*:"
    r"|ýene-de okaň|yene-de okan|iň soňky teswirler|in sonky teswirler|teswir(?:ler|le)?\b|meňzeş habarlar"
    r"|menzes habarlar|paýlaş\b|paylas\b|degişli habarlar)",
    re.I)
FOOTER_MORE_WORDS = 3


@lru_cache(maxsize=1 << 14)  # pure; sidebar and listing lines repeat across captures
def is_footer_line(line: str) -> bool:
    """A short line that opens a news site's footer: 'Read also', 'Читайте также', 'Ýene-de okaň',
    'Follow us on Twitter @site' (the marker and at most three words more, not a sentence)."""
    s = squash(line)
    if re.fullmatch(r"-{3,4}|_{3,}", s):
        return True
    m = _FOOTER.match(s)
    return bool(m) and len(s[m.end():].split()) <= FOOTER_MORE_WORDS and not ends_sentence(s)


def _is_site_name(line: str) -> bool:
    """A news site's name as its masthead prints it: 'Azernews.Az', 'www.example.ru'."""
    s = squash(line)
    return len(s.split()) <= 4 and bool(_DOMAIN.search(s))


def _date_led_heading(line: str) -> bool:
    return bool(_DATE_LED.match(line.strip()))


def _is_body_paragraph(line: str) -> bool:
    """A paragraph of the story: a sentence of some length, or a line too long for a title."""
    s = line.strip()
    if len(s) > TITLE_MAX:
        return True
    return ends_sentence(s) and len(s.split()) >= 6 and not _date_led_heading(s) and not s.isupper()


def _headline_like(line: str) -> bool:
    """A line that can be a headline on a page without date line: title-like, or a short heading
    whose last word is cut with '...' ("BAHAR SAÝLAWLARY: GOLLANMALAR, ÝATLAMALAR...")."""
    s = line.strip()
    if s[:1].islower():
        return False  # the rest of a line above
    if is_title_like(s):
        return True
    return ends_cut(s) and len(s.split()) <= HEADLINE_CUT_WORDS and len(s) <= HEADLINE_CUT_MAX


def _undated_main(content) -> RawItem:
    """The main story of a page that does not open with a date line.

    The lines before the first paragraph of the story are its head: headline, subtitle, time
    stamp, dateline, byline, and above them the page's chrome. The headline is, in order: a line
    printed twice in the head (the page title and the heading); the line just before a time stamp;
    the first line that is no chrome (a one-word label, a short upper-case section name or a
    masthead sharing no word with the story are chrome above a headline). When the headline is
    printed again below the page's description, the article starts there. A date comes from the
    time stamp after the headline (else the one before it, unless it is the masthead's, right under
    the site's name), else from the dateline opening the story.
    """
    first_line = content[0][0]
    lines = [squash(line) for _, line in content]
    top = next((k for k, line in enumerate(lines) if not is_chrome_line(line)), 0)
    if _date_led_heading(lines[top]) and len(lines) > top + 1 and len(lines[top]) <= TITLE_MAX:
        return RawItem("main", content[top][0], None, lines[top], lines[top + 1:], is_snippet=False)
    head_end = next((k for k, line in enumerate(lines) if _is_body_paragraph(line)), len(lines))
    if head_end == len(lines) and len(lines) > 1:
        head_end = max(1, len(lines) - 1)  # no sentence at all: at most the first lines are head
    head = lines[:head_end]
    stamps = {k: parse_time_stamp(line) or parse_site_date_line(line) for k, line in enumerate(head)}
    stamps = {k: v for k, v in stamps.items() if v}
    cands = [k for k, line in enumerate(head)
             if k not in stamps and not is_chrome_line(line) and _headline_like(line)
             and not parse_dateline(line)]
    # an upper-case heading of some length (articles, elections pages) is the page's own title;
    # above a headline, a one-word label or a short upper-case section name is chrome
    heading = bool(cands) and head[cands[0]].isupper() and len(head[cands[0]].split()) >= UPPER_HEADING_WORDS
    if heading:
        cands = cands[:1]
    elif len(cands) > 1:
        longer = [k for k in cands if len(head[k].split()) >= 2]
        if longer:
            cands = [k for k in cands if k >= longer[0]]
        mixed = [k for k in cands if not head[k].isupper()]
        if mixed:
            cands = [k for k in cands if not head[k].isupper() or k > mixed[0]]
        # a masthead shares no word with the story; its headline does
        text = _stems(" ".join(lines[head_end:head_end + 3]))
        shared = {k: len(_stems(head[k]) & text) for k in cands}
        while len(cands) > 1 and shared[cands[0]] == 0 and any(shared[k] >= 2 for k in cands[1:]):
            cands = cands[1:]
    title_at = None
    twice = None if heading else _printed_twice(head)
    if twice is not None:
        title_at = twice
    elif cands:
        before_stamp = [k for k in cands if k + 1 in stamps]
        title_at = before_stamp[0] if before_stamp else cands[0]
        if len(head) == len(lines) == 1 or (title_at == 0 and not stamps and not _title_over(head, lines, title_at)):
            title_at = None
    if title_at is None:
        # no headline: a time stamp or a dateline above the story still dates it
        dm = next((stamps[k] for k in sorted(stamps) if not (k and _is_site_name(lines[k - 1]))), None)
        body = [line for k, line in enumerate(lines) if k not in stamps
                and not (k < head_end and is_chrome_line(line))] or lines
        if dm is None:
            dm = next((parse_dateline(line) for line in body[:3] if parse_dateline(line)), None)
        return RawItem("main", first_line, dm, None, body, is_snippet=False)
    title = head[title_at]
    again = next((r for r in range(head_end, min(len(lines), title_at + REPEAT_WITHIN))
                  if fold(lines[r]) == fold(title)), None)
    if again is not None:
        # the page's title and description above, then the article: chrome, time stamp, the headline
        # again, the text. The article proper starts at the headline printed again.
        near = range(max(head_end, again - 3), min(len(lines), again + 2))
        stamps = {k: parse_time_stamp(lines[k]) or parse_site_date_line(lines[k]) for k in near}
        stamps = {k: v for k, v in stamps.items() if v}
        title_at, head_end = again, again + 1
    # a date right under the site's name is the masthead's date of the visit, not the story's
    masthead = {k for k in stamps if 0 < k < len(lines) and _is_site_name(lines[k - 1])}
    dm = next((stamps[k] for k in sorted(stamps) if k > title_at), None) \
        or next((stamps[k] for k in sorted(stamps, reverse=True) if k < title_at and k not in masthead), None)
    body = [line for k, line in enumerate(lines) if k > title_at and k not in stamps
            and not (k < head_end + 2 and is_chrome_line(line)) and fold(line) != fold(title)]
    if dm is None:
        dm = next((parse_dateline(line) for line in body[:3] if parse_dateline(line)), None)
    return RawItem("main", content[title_at][0], dm, title, body, is_snippet=False)


def _statement_starts(content) -> list[int]:
    """Where further statements start on a page that lists several, each with its headline and
    time stamp or dateline: below the first paragraph of text, a headline next to a time stamp
    ('Turnout reached 60%' / '26 March 2023 15:10'), or a headline over a paragraph that opens
    with a dateline ('ASHGABAT, March 26 (Agency) — ...')."""
    lines = [squash(line) for _, line in content]
    first_body = next((k for k, line in enumerate(lines) if _is_body_paragraph(line)), None)
    if first_body is None:
        return []

    seen = {fold(line) for line in lines[:first_body + 1]}

    def headline(k):
        # a headline printed again (the page's title above, the article's heading here) opens
        # the same statement, not another
        return 0 <= k < len(lines) and _headline_like(lines[k]) and not ends_sentence(lines[k]) \
            and not is_chrome_line(lines[k]) and not parse_dateline(lines[k]) \
            and not any(fold(lines[k]) in s for s in seen)

    starts = []
    k = first_body + 1
    while k < len(lines) - 1:
        # headline, then a time stamp and text, or a paragraph opening with a dateline
        if headline(k) and (parse_dateline(lines[k + 1]) or (parse_time_stamp(lines[k + 1]) and k + 2 < len(lines))):
            starts.append(k)
            k += 2
            continue
        # time stamp, then headline and text
        if parse_time_stamp(lines[k]) and headline(k + 1) and k + 2 < len(lines):
            starts.append(k)
            k += 2
            continue
        k += 1
    return starts


def _stems(text: str) -> set[str]:
    """The first five letters of each word of four letters or more: enough to match a word across
    its inflections ('elections'/'election', 'выборы'/'выборах', 'saýlawlar'/'saýlawlaryň')."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", fold(text))}


def _title_over(head, lines, k) -> bool:
    """The page's first line is its headline unless it reads as the first line of the story."""
    first = head[k]
    nxt = lines[k + 1] if k + 1 < len(lines) else ""
    if not ends_sentence(first):
        return True
    return len(first) < len(nxt) or first.isupper()


def _printed_twice(head: list[str]) -> int | None:
    """A headline printed twice at the top (the page's title, then its heading), perhaps with a
    stray mark before one of them: the later, clean one."""
    keys = [fold(line) for line in head]
    for j in range(1, len(head)):
        if len(head[j].split()) < 3 or is_chrome_line(head[j]) or not _headline_like(head[j]):
            continue
        for i in range(j):
            a, b = keys[i], keys[j]
            if a == b or (a.endswith(" " + b) and len(a) - len(b) <= 3):
                return j
    return None


def _has_title(content, dated: bool = False) -> bool:
    first = content[0][1]
    if not is_title_like(first):
        return False
    if len(content) == 1:
        return True
    nxt = content[1][1]
    # After a date line comes the title (layouts 1, 2, 5): a line that does not end as a sentence
    # does, even when the first paragraph is shorter than it.
    if dated and not re.search(r"[.!?:;,]$", first.rstrip()):
        return True
    # A title is followed by body text; a one-line paragraph that merely opens a list is not one.
    return len(first) < len(nxt) or first.isupper()


def _sidebar_items(numbered, date_at: dict[int, DayMonth] | None = None) -> list[RawItem]:
    """Items after the main story: date line, title, snippet; or undated cut-off snippets."""
    return _list_items(numbered, "sidebar", undated_titles=False, date_at=date_at)


def _listing_items(numbered, position, date_at: dict[int, DayMonth] | None = None) -> list[RawItem]:
    """Items of a listing: as in a sidebar, and an undated title-like line opens a title-only item."""
    return _list_items(numbered, position, undated_titles=True, date_at=date_at)


def _list_items(numbered, position: str, undated_titles: bool,
                date_at: dict[int, DayMonth] | None = None) -> list[RawItem]:
    """The items of a run of lines. `date_at`: the site date (parse_site_date_line) of each date line among
    them, by line number, when the caller has read every line with text of `numbered` (the rest
    are none); a line is read again only when stripping changes it."""
    items: list[RawItem] = []
    cur: RawItem | None = None
    for n, line in numbered:
        s = line.strip()
        if not s:
            continue
        dm = date_at.get(n) if date_at is not None and s is line else parse_site_date_line(s)
        if dm:
            cur = RawItem(position, n, dm)
            items.append(cur)
        elif is_footer_line(s):
            break  # "Read also", "Comments": the rest is the other site's own
        elif is_chrome_line(s):
            continue  # "Loading...", "See more", a counter: the page's widgets, not news
        elif cur is not None and cur.title is None and not cur.paragraphs and is_title_like(s):
            cur.title = squash(s)
        elif cur is not None and not cur.paragraphs and (cur.title or cur.date):
            cur.paragraphs.append(squash(s))
            cur.is_snippet = True
        elif undated_titles and is_title_like(s):
            cur = RawItem(position, n, None, squash(s))
            items.append(cur)
        else:
            # an undated one-line snippet, or text after a complete item
            cur = RawItem(position, n, None, None, [squash(s)], is_snippet=True)
            items.append(cur)
    return items


_CUT_WORD = re.compile(r"\S*(\.\.\.|…)\s*$")


_TRAILING_ELLIPSIS = re.compile(r"\s*(\.\.\.|…)\s*$")


def strip_ellipsis(text: str) -> str:
    """A snippet without its trailing '...'; the cut word stays as printed.

    What `_TRAILING_ELLIPSIS.sub("", text)` gives (the last '...' or '…' and the blanks around it
    taken off), without running the pattern from every character of the text."""
    stripped = text.rstrip()
    for mark in ELLIPSIS:
        if stripped.endswith(mark):
            return stripped[:-len(mark)].rstrip()
    return text

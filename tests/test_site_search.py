"""Search: one box over the three languages, folding Turkmen letters and case, matching word
beginnings, and finding Latin and Cyrillic spellings of the same name."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.site_fixtures import get

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"


def plugin(name):
    spec = importlib.util.spec_from_file_location(f"test_plugin_{name}", PLUGINS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translit = plugin("translit")


async def found(ds, query: str, **args) -> list[str]:
    """Ids of the news items the search page lists for a query, in order."""
    extra = "".join(f"&{k}={v}" for k, v in args.items())
    html = (await get(ds, f"/search?q={quote(query)}{extra}")).text
    return re.findall(r'<a class="result-title" href="/news/([^"]+)"', html)


@pytest.mark.parametrize("query", ["saylaw", "SAYLAW", "saýlaw", "Saýlaw"])
async def test_turkmen_letters_and_case_fold(site_ds, query):
    assert "tk-431" in await found(site_ds, query)


async def test_words_match_as_beginnings(site_ds):
    # "saylaw" finds "Saýlawlary" (the title of tk-431) and "saýlawçylaryň"
    ids = await found(site_ds, "saylaw")
    assert {"tk-431", "tk-461", "tk-466"} <= set(ids)
    assert "tk-461" in await found(site_ds, "saylawcy")


@pytest.mark.parametrize("query, expected", [
    ("Myradov", {"en-430", "ru-430"}),        # Latin finds Cyrillic Мырадов
    ("Мырадов", {"en-430", "ru-430"}),        # and back
    ("Myradow", {"en-430", "ru-430"}),        # Turkmen -ow spelling
    ("Gromov", {"en-430", "ru-430"}),         # Громова (Russian genitive) by prefix
    ("Громов", {"en-430", "ru-430"}),
    ("Garashsyzlyk", {"ru-461"}),             # Гарашсызлык
])
async def test_latin_and_cyrillic_spellings_find_each_other(site_ds, query, expected):
    assert expected <= set(await found(site_ds, query))


async def test_all_words_must_match(site_ds):
    assert set(await found(site_ds, "Gromov Myradov")) == {"en-430", "ru-430"}
    assert await found(site_ds, "Gromov turnout") == []


async def test_results_have_highlighted_snippets_and_counts(site_ds):
    html = (await get(site_ds, "/search?q=Myradov")).text
    assert "<mark>Myradov</mark>" in html and "<mark>Мырадов</mark>" in html
    assert re.search(r"<strong>2 items found</strong>", html)
    assert 'href="/search?q=Myradov&amp;lang=ru"' in html
    # the names found among people link to their pages
    assert '<a href="/people/muradov-g">Gulmyrat Myradov</a>' in html


async def test_filter_by_language(site_ds):
    assert await found(site_ds, "Myradov", lang="ru") == ["ru-430"]


async def test_the_same_search_as_a_faceted_table(site_ds):
    html = (await get(site_ds, "/search?q=Myradov")).text
    link = re.search(r'<a href="(/saylav/news_items\?[^"]+)">As a table with facets', html).group(1)
    table = await get(site_ds, link.replace("&amp;", "&").replace("/saylav/news_items?", "/saylav/news_items.json?_shape=array&"))
    assert {row["id"] for row in table.json()} == {"en-430", "ru-430"}


async def test_empty_and_odd_queries_do_not_fail(site_ds):
    for q in ["", "   ", '"', "*", "AND", "NEAR(", "a OR", "-x", "((", "%", "🙂"]:
        r = await get(site_ds, f"/search?q={quote(q)}")
        assert "<h1>" in r.text


def test_query_in_both_scripts_with_prefixes():
    q = translit.fts_query("Myradov")
    assert q.startswith('("myradov"* OR "myradow"* OR "мырадов"*')
    assert translit.fts_query("Мырадов").startswith('("мырадов"* OR "myradov"*')
    assert translit.fts_query("saýlaw") == translit.fts_query("SAYLAW")
    assert translit.fts_query("  ") is None


def test_name_skeletons_agree_across_scripts():
    assert translit.skeleton("Мырадов") == translit.skeleton("Myradow") == translit.skeleton("Muradov")

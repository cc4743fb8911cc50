"""Properties of the parsers on any text: they never crash, every number they return is printed in
the text, and percentages lie between 0 and 100."""
from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.dates import dates_in_text, parse_date_line, year_from_text, DayMonth
from etl.entities import Registry, organizations_in
from etl.facts.elections import KNOWN_ELECTIONS, elections_in
from etl.facts.kinds import KINDS, classify
from etl.facts.meetings import parse_meeting
from etl.facts.results import parse_results
from etl.facts.turnout import parse_turnout
from etl.page import split_page
from etl.text import detect_lang, parse_count, parse_pct

# Pieces of the site's wording, so that random texts reach deep into the parsers.
FRAGMENTS = [
    "By the elections of deputies of the Mejlis of Turkmenistan", "to 19 o'clock", "By 17:00,", "к 11 часам",
    "sagat 9-a çenli", "sagat 15-00-a çenli", "there were voted", "91,32%", "97,3 %", "100 %", "131,5%",
    "91.02 percent", "91,32 göterimine deňdir", "of voters", "проголосовало", "избирателей", "ses berdi",
    "In the constituency 1 «Garaşsyzlyk»", "1-nji «Garaşsyzlyk» saýlaw okrugy boýunça", "По избирательному округу 54 “Байдак” –",
    "# 106 “Vekil” of Mary velayat – G.Ataeva", "Bazarow Rejep –", "Ahal welaýatynda", "По Ахалскому велаяту",
    "in Balkan velayat", "abroad", "daşary ýurtdaky saýlaw uçastoklarynda", "на участках за рубежом",
    "218 out of 236 voters", "79 müň 121", "3 435 950", "3.460.080", "86,641", "saýlawçydan", "-si",
    "took part in the voting", "приняли участие", "Gengesh members", "Халк маслахаты велаятов",
    "welaýat, etrap, şäher halk maslahatlarynyň", "President of Turkmenistan", "Prezidentiniň saýlawlary",
    "a meeting was held", "with the participation of", "Alexei Gromov, senior advisor of the OSCE",
    "председатель ЦИК Г.Мурадовым", "Merkezi saýlaw toparynyň başlygy Gulmyrat Myradow", "On November 29, 2022,",
    "2024-nji ýylyň 7-nji iýulynda", "21 мая 2017 года", "From November 28 to December 2, 2022",
    "the 30th anniversary of our sacred Independence", "02 Dec", "22 Mart", "31 Март", "...", ".", ",", "–", "\n",
    "Azerbaýjan Respublikasynyň", "0", "7", "19", "2023", "99,99", "%",
    # the families of the precision rules: approximate, shares, comparisons, hours per figure, closing,
    # back-references, counts of an area
    "about", "more than", "около", "свыше", "göterimden gowrak", "received", "набрал", "of the votes",
    "in the previous elections", "на прошлых выборах", "by noon", "by 10 a.m.", "For 9 hours,", "до 19 часов",
    "Voting started at 8 a.m.", "с 07:00 до 19:00", "(14.00 мск)", "по состоянию на 15.00", "Такие данные",
    "These figures are as of 15:00.", "by the polling station closing time", "на момент закрытия избирательных участков",
    "Голосование продолжалось до 19.00", "final results were summed up", "окончательные итоги",
    "Munuň özi saýlawçylaryň umumy sanynyň", "что составляет", "274 müň 739 saýlawçy ses berdi",
    "Ahal welaýaty boýunça", "parliamentary elections", "Sixth Convocation", "held on July 7",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map(" ".join),
)
FAST = settings(max_examples=int(__import__("os").environ.get("PROPERTY_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def printed_percentages(text: str) -> set[float]:
    return {v for v in (parse_pct(m) for m in re.findall(r"\d{1,3}(?:[.,]\d{1,3})?", text)) if v is not None}


def digits_in(text: str) -> set[int]:
    return {int(d) for d in re.findall(r"\d+", text)}


@FAST
@given(texts)
def test_turnout_numbers_are_printed_and_percentages_lie_in_0_to_100(text):
    for f in parse_turnout(text):
        pcts = [f.overall_pct, f.abroad_pct] + [a.pct for a in f.areas]
        for p in pcts:
            if p is not None:
                assert 0 <= p <= 100
                assert p in printed_percentages(text)
        if f.hour is not None:
            assert 0 <= f.hour <= 24
            assert f.hour in digits_in(text) or (f.hour == 12 and re.search(r"noon|midday|полудн|günorta", text, re.I))
        for value, printed in [(f.registered, f.registered_printed), (f.voted, f.voted_printed)]:
            if value is not None:
                assert printed in text and parse_count(printed) == value
        for a in f.areas:
            if a.constituency_number is not None:
                assert a.constituency_number in digits_in(text)


@FAST
@given(texts)
def test_results_numbers_are_printed(text):
    for lang in ("en", "tk", "ru"):
        for r in parse_results(text, lang):
            assert r.constituency_number in digits_in(text)
            assert r.name in text and r.constituency_name in text


@FAST
@given(texts)
def test_dates_are_printed(text):
    for d in dates_in_text(text):
        assert d.year in digits_in(text) and 1990 <= d.year <= 2100
    y = year_from_text(DayMonth(2, 12, "02 Dec"), text)
    assert y is None or 1990 <= y <= 2101


@FAST
@given(texts)
def test_meetings_and_people_never_crash_and_names_are_printed(text):
    m = parse_meeting(text, None, detect_lang(text) or "en")
    if m:
        if m.held_on:
            assert m.held_on.year in digits_in(text)
        reg = Registry()
        for p in m.participants:
            assert p.name in text
            reg.person(p.name, "ru", nominative_form=p.nominative)
        list(reg.person_rows())


@FAST
@given(texts)
def test_pages_kinds_elections_orgs_never_crash(text):
    page = split_page(text.split("\n"))
    for item in page.items:
        assert item.position in ("main", "sidebar", "listing")
        if item.date:
            assert parse_date_line(item.date.text) == item.date
    assert classify(text[:40], text) in KINDS
    known = {d for _, d, _ in KNOWN_ELECTIONS}
    for ref in elections_in(text, None):
        # a polling day is a known one, or a date printed in the text
        assert ref.polling_day in known or date.fromisoformat(ref.polling_day) in dates_in_text(text)
    for org, printed in organizations_in(text):
        assert printed in text
    assert detect_lang(text) in (None, "en", "tk", "ru")


@FAST
@given(st.text(max_size=40))
def test_counts_and_percentages_parse_or_refuse(text):
    n = parse_count(text)
    assert n is None or (n >= 0 and n <= int(re.sub(r"\D", "", text) or 0) * 10**6 + 10**6)
    p = parse_pct(text)
    assert p is None or 0 <= p < 1000

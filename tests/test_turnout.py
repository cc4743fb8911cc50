"""Turnout statements in English, Turkmen and Russian: hours, overall, areas, abroad, counts, finals."""
from __future__ import annotations

from pathlib import Path

import pytest

from etl.facts.turnout import classify_figure, counts_in, parse_turnout

TEXTS = Path(__file__).parent / "fixtures" / "texts"


def text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def summary(facts):
    return [(f.body, f.hour, f.is_final, f.overall_pct, f.abroad_pct, f.registered, f.voted) for f in facts]


def areas(fact):
    return [(a.constituency_number, a.constituency_name, a.region_id, a.pct) for a in fact.areas]


def test_turkmen_hourly_figure_with_regions_and_abroad():
    facts = parse_turnout(text("tk_turnout_president_hour.txt"))
    assert summary(facts) == [("president", 17, False, 88.16, 71.05, None, None)]
    assert areas(facts[0]) == [
        (None, None, "ahal", 89.02), (None, None, "balkan", 87.45), (None, None, "dashoguz", 88.70),
        (None, None, "lebap", 86.93), (None, None, "mary", 89.11), (None, None, "ashgabat", 87.60),
    ]


def test_russian_post_with_three_bodies_each_with_its_own_figure():
    facts = parse_turnout(text("ru_turnout_several_bodies.txt"))
    assert summary(facts) == [
        ("mejlis", 13, False, 55.18, None, None, None),
        ("etrap-maslahaty", 13, False, 57.40, None, None, None),
        ("gengesh", 13, False, 60.02, None, None, None),
    ]
    assert areas(facts[0]) == [(12, "Ак бугдай", None, 56.02), (87, "Векил", None, 54.30)]
    assert areas(facts[1]) == [(None, None, "ahal", 58.11), (None, None, "balkan", 56.09),
                               (None, None, "lebap", 57.75), (None, None, "arkadag", 59.90)]
    assert areas(facts[2]) == [(None, None, "dashoguz", 61.30), (None, None, "mary", 58.44)]


def test_english_regions_after_the_figure_and_abroad():
    facts = parse_turnout(text("en_turnout_president_regions.txt"))
    assert summary(facts) == [("president", 15, False, 75.40, 61.50, None, None)]
    assert [a.region_id for a in facts[0].areas] == ["ahal", "balkan", "dashoguz", "lebap", "mary", "ashgabat"]
    assert [a.pct for a in facts[0].areas] == [76.02, 74.65, 75.10, 73.88, 76.31, 74.12]


def test_english_constituencies_numbered_and_named_in_three_orders():
    facts = parse_turnout(text("en_turnout_constituencies.txt"))
    assert summary(facts) == [("mejlis", 9, False, 22.18, None, None, None)]
    assert areas(facts[0]) == [(12, "Ak bugday", None, 23.40), (87, "Vekil", None, 21.05),
                               (109, "Sakarchage", None, 20.66)]


def test_final_figures_with_counts_in_three_languages():
    assert summary(parse_turnout(text("en_turnout_final_counts.txt"))) == [
        ("mejlis", None, True, 91.02, None, None, 3281446)]
    tk = parse_turnout(text("tk_turnout_final_counts.txt"))
    assert summary(tk) == [("mejlis", None, True, 91.32, None, 86641, 79121)]
    assert (tk[0].registered_printed, tk[0].voted_printed) == ("86 müň 641", "79 müň 121")
    ru = parse_turnout(text("ru_turnout_final_counts.txt"))
    assert summary(ru) == [("president", None, True, 97.12, None, 3460080, 3364930)]
    assert (ru[0].registered_printed, ru[0].voted_printed) == ("3.460.080", "3.364.930")
    assert summary(parse_turnout(text("en_turnout_gengesh_counts.txt"))) == [
        ("gengesh", None, True, 92.37, None, 236, 218)]


def test_one_sentence_several_bodies_turkmen_and_english():
    # "velayat, etrap and city halk maslahaty 43,10%": one figure for two bodies is kept once, for the
    # first named, with the other listed; it is never copied onto each
    want = [("mejlis", 11, False, 42.37, None, None, None),
            ("velayat-maslahaty", 11, False, 43.10, None, None, None),
            ("gengesh", 11, False, 44.20, None, None, None)]
    for name in ("tk_turnout_several_bodies.txt", "en_turnout_several_bodies.txt"):
        facts = parse_turnout(text(name))
        assert summary(facts) == want
        assert [f.joint_bodies for f in facts] == [(), ("etrap-maslahaty",), ()]


def test_another_countrys_turnout_is_not_ours():
    assert parse_turnout(text("tk_foreign_observation.txt")) == []


@pytest.mark.parametrize("sentence, hour, pct", [
    ("By the elections of early retired deputies of the Mejlis of Turkmenistan to 19 o'clock, there were voted 91,32% of voters.", 19, 91.32),
    ("On elections of President of Turkmenistan to the 19 o'clock 97,12% of voters voted.", 19, 97.12),
    ("By 17:00, 83,88% of voters voted in the elections of deputies of the Mejlis.", 17, 83.88),
    ("As of 11.00 hours, 31,5 % of voters took part in the voting in the elections of deputies of the Mejlis.", 11, 31.5),
    ("By 5 p.m., 83,88 percent of voters voted in the presidential election.", 17, 83.88),
    ("Türkmenistanyň Prezidentiniň saýlawlary boýunça sagat 19-a çenli saýlawçylaryň 97,12% ses berdi.", 19, 97.12),
    ("Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça sagat 15-00-a çenli saýlawçylaryň 76,11% ses berdi.", 15, 76.11),
    ("Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça sagat 9-a çenli saýlawçylaryň 20,22 göterimi ses berdi.", 9, 20.22),
    ("Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça 11:00-a çenli saýlawçylaryň 41,29% ses berdi.", 11, 41.29),
    ("По выборам депутатов Меджлиса Туркменистана к 11 часам проголосовало 31,99% избирателей.", 11, 31.99),
    ("По выборам Президента Туркменистана к 17.00 часам проголосовали 83,88 процента избирателей.", 17, 83.88),
    ("По состоянию на 13:00 по выборам депутатов Меджлиса проголосовало 62,91% избирателей.", 13, 62.91),
])
def test_hour_forms(sentence, hour, pct):
    facts = parse_turnout(sentence)
    assert [(f.hour, f.overall_pct, f.is_final) for f in facts] == [(hour, pct, False)]


def test_area_before_or_after_the_figure():
    assert classify_figure("", " in Balkan velayat, 85,10%")[1].region_id == "balkan"
    what, fig = classify_figure("По Ахалскому велаяту проголосовало ", ", Лебапскому")
    assert (what, fig.region_id, fig.printed) == ("area", "ahal", "По Ахалскому велаяту")
    what, fig = classify_figure("Ahal welaýatynda ", ", Balkan")
    assert (what, fig.region_id) == ("area", "ahal")
    what, fig = classify_figure(", in the constituency 1 «Garaşsyzlyk» ", ", in the constituency 2 «Bitaraplyk» 90,12%")
    assert (what, fig.constituency_number, fig.constituency_name) == ("area", 1, "Garaşsyzlyk")
    what, fig = classify_figure("", " in the constituency 2 «Bitaraplyk»")
    assert (what, fig.constituency_number, fig.constituency_name) == ("area", 2, "Bitaraplyk")
    # "76,02% in Ahal velayat, 74,65% in Balkan velayat": the comma parts the second figure from Ahal
    assert classify_figure(" in Ahal velayat, ", " in Balkan velayat")[1].region_id == "balkan"
    assert classify_figure("54-nji «Baýdak» saýlaw okrugy boýunça ", "")[1].constituency_number == 54
    assert classify_figure("daşary ýurtdaky saýlaw uçastoklarynda ", " saýlawçy")[0] == "abroad"
    assert classify_figure("на участках за рубежом проголосовало ", " избирателей")[0] == "abroad"
    assert classify_figure("there were voted ", " of voters.")[0] == "plain"


@pytest.mark.parametrize("sentence, registered, voted", [
    ("218 out of 236 voters took part", ("236", 236), ("218", 218)),
    ("86 müň 641 saýlawçydan 79 müň 121-si gatnaşdy", ("86 müň 641", 86641), ("79 müň 121", 79121)),
    ("sanawyna girizilen 3 460 080 saýlawçynyň 3 364 930-sy ses berdi", ("3 460 080", 3460080), ("3 364 930", 3364930)),
    ("из 86,641 избирателей в голосовании приняли участие 79,121", ("86,641", 86641), ("79,121", 79121)),
    ("3 435 950 voters or 91.02 percent took part", None, ("3 435 950", 3435950)),
    ("In 2023 elections 91,02% took part", None, None),
])
def test_counts_of_voters(sentence, registered, voted):
    reg, vot = counts_in(sentence)
    assert ((reg[1], reg[0]) if reg else None) == registered
    assert ((vot[1], vot[0]) if vot else None) == voted


def test_a_figure_over_100_is_an_anomaly_not_a_figure():
    facts = parse_turnout("По выборам депутатов Меджлиса к 11 часам проголосовало 131,99% избирателей.")
    assert [(f.body, f.hour, f.overall_pct, f.anomalies) for f in facts] == [("mejlis", 11, None, ["131,99%"])]
    facts = parse_turnout("По выборам депутатов Меджлиса к 11 часам проголосовало 31,99% избирателей. "
                          "По избирательному округу 54 “Байдак” – 132,47%.")
    assert [(f.overall_pct, f.areas, f.anomalies) for f in facts] == [(31.99, [], ["132,47%"])]


def test_a_body_and_a_percentage_without_a_vote_is_not_turnout():
    t = ("For the election of members of the Gengesh constituencies are formed. "
         "The number of voters in each constituency should not exceed 10 percent.")
    assert parse_turnout(t) == []


def test_a_title_repeating_the_body_is_one_statement():
    t = ("By 11:00, 41,29% of voters voted in the elections of deputies of the Mejlis\n"
         "By 11:00, 41,29% of voters voted in the elections of deputies of the Mejlis. In the constituency 1 «Garaşsyzlyk» 40,76%.")
    facts = parse_turnout(t)
    assert summary(facts) == [("mejlis", 11, False, 41.29, None, None, None)]
    assert areas(facts[0]) == [(1, "Garaşsyzlyk", None, 40.76)]


def test_an_hour_told_in_a_sentence_of_its_own():
    t = ("Turnout as of 11:00\n"
         "In the elections of deputies of the Mejlis of Turkmenistan 41,29% of voters voted. "
         "In the constituency 1 «Garaşsyzlyk» 40,76%.")
    facts = parse_turnout(t)
    assert summary(facts) == [("mejlis", 11, False, 41.29, None, None, None)]
    assert areas(facts[0]) == [(1, "Garaşsyzlyk", None, 40.76)]


def test_a_figure_with_a_body_and_a_vote_but_no_hour_is_not_final_without_final_words():
    facts = parse_turnout("In the elections of deputies of the Mejlis 91,02% of voters voted.")
    assert summary(facts) == [("mejlis", None, False, 91.02, None, None, None)]


@pytest.mark.parametrize("sentence, facts", [
    ("By 11:00, 41.17% of voters took part in the elections of deputies of the Mejlis of Turkmenistan, members of "
     "velayat, etrap and city halk maslahaty and members of Gengesh.",
     [("mejlis", 11, False, 41.17)]),
    ("Türkmenistanyň Mejlisiniň deputatlarynyň, welaýat, etrap, şäher halk maslahatlarynyň we Geňeşleriň agzalarynyň "
     "saýlawlaryna sagat 11:00-a çenli saýlawçylaryň 41,17 göterimi gatnaşdy.",
     [("mejlis", 11, False, 41.17)]),
    ("Выборы Президента Туркменистана. По состоянию на 13:00 в голосовании приняли участие 62,91% избирателей.",
     [("president", 13, False, 62.91)]),
    ("The voting for the elections of the President of Turkmenistan has ended. 97,17 percent of voters took part in the voting.",
     [("president", None, True, 97.17)]),
    ("Türkmenistanyň Prezidentiniň saýlawlaryna gatnaşan saýlawçylaryň sany saýlawçylaryň sanawlaryna goşulan "
     "saýlawçylaryň umumy sanynyň 97,17 göterimine deňdir.", [("president", None, True, 97.17)]),
    ("Явка избирателей на выборах Президента Туркменистана составила 97,17 процента.", [("president", None, True, 97.17)]),
    ("According to the preliminary data, the turnout in the presidential election was 97.17%.",
     [("president", None, True, 97.17)]),
])
def test_joint_and_final_phrasings(sentence, facts):
    assert [(f.body, f.hour, f.is_final, f.overall_pct) for f in parse_turnout(sentence)] == facts


@pytest.mark.parametrize("sentence, areas_", [
    ("Geňeşleriň agzalarynyň saýlawlary boýunça sagat 11-e çenli Altyn Asyr etrabynda 45,10%, Arkadag şäherinde 48,20% ses berdi.",
     [(None, "Altyn Asyr etrabynda", 45.10), ("arkadag", "Arkadag şäherinde", 48.20)]),
    ("By 11:00, in the elections of Gengesh members 45,10% of voters voted in Altyn Asyr etrap and 48,20% in Arkadag city.",
     [(None, "Altyn Asyr etrap", 45.10), ("arkadag", "Arkadag city", 48.20)]),
    ("По выборам членов Генгешей к 11 часам по этрапу Алтын Асыр проголосовало 45,10%, по городу Аркадаг 48,20%.",
     [(None, "этрапу Алтын Асыр", 45.10), ("arkadag", "по городу Аркадаг", 48.20)]),
])
def test_places_the_region_list_does_not_know_are_areas_not_the_overall_figure(sentence, areas_):
    (fact,) = parse_turnout(sentence)
    assert fact.overall_pct is None
    assert [(a.region_id, a.printed, a.pct) for a in fact.areas] == areas_


def test_a_region_in_brackets():
    (fact,) = parse_turnout("By 17:00, 83,88% of voters voted in the elections of deputies of the Mejlis. "
                            "Most active were voters of Ahal velayat (86,02%).")
    assert (fact.overall_pct, [(a.region_id, a.printed, a.pct) for a in fact.areas]) == (
        83.88, [("ahal", "Ahal velayat", 86.02)])


def test_an_hour_of_something_else_does_not_date_a_later_figure():
    t = ("At 7 o'clock in the morning polling stations opened throughout the country. "
         "In the elections of deputies of the Mejlis 91,02% of voters took part in the voting.")
    assert summary(parse_turnout(t)) == [("mejlis", None, True, 91.02, None, None, None)]


def test_a_body_only_turnout_page_keeps_its_statement_without_guessing_the_election(raw_dir):
    import sqlite3

    from etl.load import load
    from tests.conftest import write_capture

    write_capture(raw_dir, "t.txt", text("capture_en_turnout_body_only.txt"), url="https://saylav.gov.tm/en/news/9001")
    db = raw_dir.parent / "t.db"
    load(raw_dir, db)
    conn = sqlite3.connect(db)
    try:
        snaps = conn.execute("select id, election_id, as_of, as_of_hour, overall_pct from turnout_snapshots").fetchall()
        areas_ = conn.execute("select constituency_id, pct from turnout_by_area order by pct").fetchall()
        problems = conn.execute("select problem from parse_issues").fetchall()
    finally:
        conn.close()
    assert snaps == [("en-9001-mejlis-11", None, None, 11, 41.29)]
    assert areas_ == [("mejlis-1", 40.76), ("mejlis-2", 42.10)]
    assert problems == [("turnout figure whose polling day is unknown",)]


def test_ordinal_number_before_the_word_constituency():
    t = ("By 11:00, 41,29% of voters voted in the elections of deputies of the Mejlis. "
         "In the 1st constituency «Garaşsyzlyk» 40,76%, in the 2nd constituency «Bitaraplyk» 42,10%.")
    assert areas(parse_turnout(t)[0]) == [(1, "Garaşsyzlyk", None, 40.76), (2, "Bitaraplyk", None, 42.10)]
    t = "По выборам депутатов Меджлиса к 11 часам проголосовало 31,99%. По 54-му избирательному округу «Байдак» – 32,47%."
    assert areas(parse_turnout(t)[0]) == [(54, "Байдак", None, 32.47)]


def test_turkmen_regions_written_with_boyunca():
    facts = parse_turnout(
        "Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça sagat 11-e çenli saýlawçylaryň 41,29%-i ses "
        "berdi. Ahal welaýaty boýunça 42,1%, Balkan welaýaty boýunça 40,05%, Aşgabat şäheri boýunça 39,9%.")
    assert summary(facts) == [("mejlis", 11, False, 41.29, None, None, None)]
    assert areas(facts[0]) == [(None, None, "ahal", 42.1), (None, None, "balkan", 40.05), (None, None, "ashgabat", 39.9)]


def test_english_final_with_the_voted_count_before_the_share():
    facts = parse_turnout("Final results: 3 435 950 voters, or 91,12 percent of the total number of voters, "
                          "took part in the elections of the President of Turkmenistan.")
    assert summary(facts) == [("president", None, True, 91.12, None, None, 3435950)]


def test_the_year_pattern_beginning_with_a_digit_finds_what_the_plain_form_finds():
    """turnout._YEAR begins with the year's first digit and checks what stands before it after
    reading it; on random runs of digits and other characters it finds what the plain form finds."""
    import random

    from etl.facts import turnout as T

    alphabet = ["1", "2", "9", "0", "5", "4", "19", "20", "195", "204", "2023", "1999", "\u0661", "²", " ", ".", "a",
                "\n", "-"]
    rnd = random.Random(20261130)
    found = 0
    for _ in range(30000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        got = [(m.span(), m.groups()) for m in T._YEAR.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in T._YEAR_PLAIN.finditer(text)], repr(text)
        assert T._YEAR.findall(text) == T._YEAR_PLAIN.findall(text)
        found += len(got)
    assert found > 3000

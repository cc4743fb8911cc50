"""Which elections an item is about: body, polling day, by-election, several bodies at once."""
from __future__ import annotations

from datetime import date

import pytest

from etl.facts.elections import body_mentions, bodies_in, election_for, elections_in


def ids(refs):
    return [r.id for r in refs]


@pytest.mark.parametrize("phrase, bodies", [
    ("elections of deputies of the Mejlis of Turkmenistan", ("mejlis",)),
    ("Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary", ("mejlis",)),
    ("Türkmenistanyň Mejlisiniň möhletinden öň çykyp giden deputatlarynyň", ("mejlis",)),
    ("выборы депутатов Меджлиса Туркменистана", ("mejlis",)),
    ("the March 2023 parliamentary elections", ("mejlis",)),
    ("On elections of President of Turkmenistan", ("president",)),
    ("Türkmenistanyň Prezidentiniň saýlawlary", ("president",)),
    ("По выборам Президента Туркменистана", ("president",)),
    ("members of the Halk Maslahaty of Milli Gengesh", ("halk-maslahaty",)),
    ("Милли Генгеша Халк Маслахаты", ()),
    ("членов Халк маслахаты Милли Генгеша", ("halk-maslahaty",)),
    ("Халк маслахаты велаятов и города Ашхабада", ("velayat-maslahaty",)),
    ("welaýatlaryň we Aşgabat şäheriniň halk maslahatlarynyň agzalarynyň", ("velayat-maslahaty",)),
    ("Халк маслахаты этрапов, городов", ("etrap-maslahaty",)),
    ("выборы членов этрапских халк маслахатов", ("etrap-maslahaty",)),
    ("в этрапские и городские халк маслахаты", ("etrap-maslahaty",)),
    ("members of the etrap halk maslahaty", ("etrap-maslahaty",)),
    ("etrap halk maslahatlarynyň agzalygyna", ("etrap-maslahaty",)),
    ("halk maslahaty of the newly formed etraps", ("etrap-maslahaty",)),
    ("welaýat, etrap, şäher halk maslahatlarynyň", ("velayat-maslahaty", "etrap-maslahaty")),
    ("velayat, etrap and city halk maslahaty", ("velayat-maslahaty", "etrap-maslahaty")),
    ("Geňeşleriň agzalarynyň saýlawlary", ("gengesh",)),
    ("members of gengesh of Aba Annayev township", ("gengesh",)),
    ("По выборам членов Генгешей", ("gengesh",)),
    # not bodies elected in Turkmenistan, or not elections at all
    ("Azerbaýjan Respublikasynyň Milli Mejlisiniň deputatlarynyň saýlawlary", ()),
    ("hormatly Prezidentimiziň saýlawlary guramak baradaky tabşyryklary", ()),
    ("Türkmenistanyň hormatly Prezidentiniň saýlawlary guramak baradaky", ()),
])
def test_body_phrases(phrase, bodies):
    assert tuple(b for m in body_mentions(phrase) for b in m.bodies) == bodies


def test_bodies_in_with_positions():
    assert bodies_in("По выборам депутатов Меджлиса ... По выборам членов Генгешей") == [(11, "mejlis"), (45, "gengesh")]


def test_known_polling_day_in_the_text_and_several_bodies():
    t = ("2023-nji ýylyň 26-njy martynda geçiriljek Türkmenistanyň Mejlisiniň deputatlarynyň, welaýat, etrap, "
         "şäher halk maslahatlarynyň we Geňeşleriň agzalarynyň saýlawlary")
    assert ids(elections_in(t, None)) == [
        "mejlis-2023-03-26", "velayat-maslahaty-2023-03-26", "etrap-maslahaty-2023-03-26", "gengesh-2023-03-26"]


def test_by_election_from_the_known_list_and_from_the_text():
    assert ids(elections_in("deputies of the Mejlis instead of those who have quitted their positions on May 21",
                            date(2017, 3, 25))) == ["mejlis-by-2017-05-21"]
    ref = election_for("mejlis", "выборы депутатов Меджлиса вместо выбывших", date(2026, 3, 29))
    assert ref.id == "mejlis-by-2026-03-29"


def test_a_vote_day_told_after_the_body():
    t = ("based on the decision of Mejlis of Turkmenistan on May 10, 2023, it was decided to hold the elections of "
         "members of gengesh of Aba Annayev township of Karizek etrap of Arkadag city on July 23, 2023, on Sunday.")
    assert ids(elections_in(t, None)) == ["gengesh-2023-07-23"]


def test_a_year_next_to_the_body():
    t = "preparation for the March 2023 parliamentary elections"
    assert ids(elections_in(t, date(2022, 12, 2))) == ["mejlis-2023-03-26"]


def test_publication_date_names_only_a_near_election():
    t = "the election campaign for the elections of deputies of the Mejlis and members of Gengesh"
    assert ids(elections_in(t, date(2017, 12, 2))) == ["mejlis-2018-03-25", "gengesh-2018-03-25"]
    # a year later, no election of these bodies is near: none is guessed
    assert ids(elections_in(t, date(2019, 10, 9))) == []


def test_a_year_in_the_text_far_from_the_body_does_not_name_the_election():
    t = ("Türkmenistanda Saýlawlary we sala salşyklary geçirmek baradaky Merkezi toparyň 2017-njy ýylyň 2-nji "
         "dekabrynda kabul eden karary esasynda, Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça "
         "saýlaw möwsüminiň başlanýandygy yglan edildi.")
    assert ids(elections_in(t, None)) == []


@pytest.mark.parametrize("phrase", [
    "Aşgabat şäher halk maslahatynyň agzalarynyň saýlawlary", "Ashgabat city halk maslahaty",
    "Халк маслахаты города Ашхабада", "Welaýat, Aşgabat şäher halk maslahatlarynyň agzalarynyň saýlawlary"])
def test_cities_with_the_status_of_a_velayat(phrase):
    assert [b for m in body_mentions(phrase) for b in m.bodies] == ["velayat-maslahaty"]


@pytest.mark.parametrize("text, ids", [
    ("The results of the elections of deputies of the Mejlis, held on July 7 in three constituencies, were summed up.",
     ["mejlis-by-2024-07-07"]),
    ("Mejlisiň deputatlarynyň ýerine 7-nji iýulda geçirilen saýlawlaryň netijeleri jemlenildi.", ["mejlis-by-2024-07-07"]),
    ("Подведены итоги выборов депутатов Меджлиса, прошедших 7 июля.", ["mejlis-by-2024-07-07"]),
    # a day and month on which no election of that body was ever held names none
    ("The elections of deputies of the Mejlis, held on July 9, were discussed.", []),
])
def test_the_day_and_month_of_the_vote_name_the_one_election_held_on_it(text, ids):
    # published eight months after the vote: too long after it for the publication date alone
    assert elections_in("The elections of deputies of the Mejlis were discussed.", date(2025, 3, 1)) == []
    assert [e.id for e in elections_in(text, date(2025, 3, 1))] == ids
    # an item with no date: the one election of that body ever held on that day and month
    assert [e.id for e in elections_in(text, None)] == ids
    # published more than a year before or after it: not that election
    assert elections_in(text, date(2025, 7, 9)) == elections_in(text, date(2023, 7, 5)) == []


@pytest.mark.parametrize("text", [
    # a meeting held on 29 March 2023 ("this year"), not the by-election of 29 March 2026
    "A meeting of the Commission was held on March 29 this year, at which the final results of the elections "
    "of deputies of the parliament were summed up.",
    "Состоявшееся 29 марта заседание Комиссии подвело итоги выборов депутатов Меджлиса Туркменистана.",
    "29-njy martda geçirilen mejlisde Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlarynyň netijeleri jemlenildi.",
])
def test_a_day_and_month_name_an_election_only_near_the_items_publication(text):
    # published four days after 26 March 2023 (the general election, which the publication names)
    assert [e.id for e in elections_in(text, date(2023, 3, 30))] == ["mejlis-2023-03-26"]
    # published the day after 29 March 2026, the same words name that by-election
    assert [e.id for e in elections_in(text, date(2026, 3, 30))] == ["mejlis-by-2026-03-29"]


@pytest.mark.parametrize("text, ids", [
    ("The results of the elections to the Mejlis of the fifth convocation were summed up.", ["mejlis-2013-12-15"]),
    ("Подведены итоги выборов депутатов Меджлиса VI созыва.", ["mejlis-2018-03-25"]),
    ("Türkmenistanyň ýedinji çagyrylyş Mejlisiniň deputatlarynyň saýlawlarynyň netijeleri jemlenildi.",
     ["mejlis-2023-03-26"]),
])
def test_the_convocation_of_the_mejlis_names_its_election(text, ids):
    assert [e.id for e in elections_in(text, None)] == ids

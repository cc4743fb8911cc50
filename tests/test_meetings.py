"""Meetings in English, Russian and Turkmen: the day, the place, who took part with role and organisation."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from etl.facts.meetings import name_candidates, parse_meeting, people_in

TEXTS = Path(__file__).parent / "fixtures" / "texts"


def text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def people(m):
    return [(p.nominative, p.role, p.organization_text) for p in m.participants]


def test_english_delegation_roles_after_and_before_names_one_person_per_spelling():
    m = parse_meeting(text("en_meeting_delegation.txt"), lang="en")
    assert (m.held_on, m.place) == (date(2023, 3, 14), "the office of the Central Election Commission")
    assert people(m) == [
        ("Alexei Lebedev", "head of the OSCE/ODIHR needs assessment mission", "OSCE/ODIHR needs assessment mission"),
        ("Maria Petrova", "election adviser of the OSCE/ODIHR", "OSCE/ODIHR"),
        ("Gulmyrat Myradov", "chairman of the Central election commission", "Central election commission"),
    ]
    # the same people spelled otherwise later; the President, the street and the namesake are not participants
    assert [p.aliases for p in m.participants] == [["Alexey Lebedev"], [], ["G. Myradov"]]


def test_russian_names_in_the_genitive_and_instrumental_become_nominative():
    m = parse_meeting(text("ru_meeting_cis.txt"), lang="ru")
    assert m.held_on == date(2023, 3, 3)
    assert m.place == "здании Центральной комиссии по проведению выборов и референдумов в Туркменистане"
    assert [(p.name, p.nominative, p.aliases) for p in m.participants] == [
        ("Г.Мурадова", "Г.Мурадов", ["Г.Мырадов"]),
        ("Виктором Гуминским", "Виктор Гуминский", ["В. Гуминский"]),
        ("Огулджерен Аннаева", "Огулджерен Аннаева", []),
    ]
    assert [p.organization_text for p in m.participants] == [
        "Центральной избирательной комиссии Туркменистана", "СНГ", "Центральной избирательной комиссии Туркменистана"]


def test_turkmen_roles_before_names_and_initials():
    m = parse_meeting(text("tk_meeting_undp.txt"), lang="tk")
    assert (m.held_on, m.place) == (date(2025, 2, 27), "Merkezi saýlaw toparynyň binasynda")
    assert people(m) == [
        ("Gulmyrat Myradow", "Merkezi saýlaw toparynyň başlygy", "Merkezi saýlaw toparynyň"),
        ("Narine Saakýan", "BMG-niň Ösüş maksatnamasynyň Türkmenistandaky hemişelik wekili",
         "BMG-niň Ösüş maksatnamasynyň Türkmenistandaky"),
    ]
    assert m.participants[0].aliases == ["G.Myradow"]


def test_candidate_meeting_with_a_possessive_and_a_party():
    m = parse_meeting(text("en_meeting_candidate.txt"), lang="en")
    assert m.place == "conference hall of the Palace of Culture of Balkanabat city"
    assert people(m) == [(
        "Bekmyrat Annamyradov",
        "candidate for the President of Turkmenistan – the Chairman of the Party of Industrialists and Entrepreneurs",
        "Party of Industrialists and Entrepreneurs")]
    assert m.participants[0].aliases == ["B.Annamyradov"]


def test_a_meeting_held_today_is_held_on_the_publication_day():
    m = parse_meeting("Today, a meeting was held with the representatives of the UNDP.", date(2024, 5, 3), "en")
    assert m.held_on == date(2024, 5, 3)


def test_no_meeting_sentence_no_meeting():
    assert parse_meeting("The Law of Turkmenistan was adopted.", None, "en") is None


def test_name_candidates_split_where_a_word_cannot_be_a_name():
    s = "First Deputy Chairman of the CIS Executive Committee Viktor Guminsky met D. Alakova."
    assert [s[a:b] for a, b in name_candidates(s)] == ["Viktor Guminsky", "D. Alakova"]


def test_people_who_are_not_participants():
    assert people_in("the instructions of our esteemed President Serdar Berdimuhamedov", "en") == []
    assert people_in("Gurbanguly Berdimuhamedow adyndaky uniwersitetiň talyplary", "tk") == []
    assert people_in("the houses of Bajam Kowusov street", "en") == []
    assert people_in("По поручению Президента Туркменистана Сердара Бердымухамедова", "ru") == []
    # a candidate for President is a participant
    assert [p.nominative for p in people_in(
        "a meeting with the candidate for the President of Turkmenistan Durdy Orazov", "en")] == ["Durdy Orazov"]


def test_role_after_a_name_that_opens_the_next_persons_mention_is_not_its_role():
    ps = people_in("приняли участие председатель ЦИК Гулмырат Мырадов, постоянный представитель ПРООН Нарине Саакян", "ru")
    assert [(p.nominative, p.role) for p in ps] == [
        ("Гулмырат Мырадов", "председатель ЦИК"), ("Нарине Саакян", "постоянный представитель ПРООН")]


def test_the_day_of_the_elections_is_not_the_day_of_the_meeting():
    m = parse_meeting("A meeting was held on the preparation for the elections to be held on March 26, 2023.", None, "en")
    assert m.held_on is None
    m = parse_meeting("The head of the commission met the guests and informed them about the elections on March 12, 2022.",
                      None, "en")
    assert m.held_on is None
    m = parse_meeting("A meeting of apparatus of the Commission for holding Elections and referendums in Turkmenistan "
                      "was held on May 16, 2023.", None, "en")
    assert m.held_on == date(2023, 5, 16)


def test_english_session_chaired_and_attended():
    m = parse_meeting(text("en_meeting_cec_session.txt"), lang="en")
    assert m.held_on == date(2024, 4, 5)
    assert [(p.nominative, p.role) for p in m.participants] == [
        ("Kim Sung Kwon", "Ambassador of the Republic of Korea to Turkmenistan"),
        ("G.Myradov", "Chairman of the Central Election Commission"),
        ("Bayramgeldi Nurmuhammedov", "Deputy Chairman of the CEC"),
        ("Ogulgerek Annayeva", "Secretary of the CEC"),
    ]


def test_turkmen_session_the_session_is_not_part_of_the_role():
    m = parse_meeting(text("tk_meeting_session.txt"), lang="tk")
    assert [(p.nominative, p.role) for p in m.participants] == [
        ("G.Myradow", "Merkezi saýlaw toparynyň başlygy"), ("O.Annaýewa", "Merkezi saýlaw toparynyň sekretary")]


def test_russian_role_starts_after_the_previous_person():
    m = parse_meeting(text("ru_meeting_ambassador.txt"), lang="ru")
    assert [(p.nominative, p.role, p.aliases) for p in m.participants] == [
        ("Г.Мырадов", "председатель ЦИК", ["Гулмыратом Мырадовым", "Гулмырат Мырадов"]),
        ("Ким Сон Квон", "посол Республики Корея в Туркменистане", []),
        ("О.Аннаева", "Секретарь ЦИК", []),
    ]


def test_places_named_after_people_are_not_people():
    assert people_in("выборы членов Генгеша посёлка Аба Аннаев этрапа Кёризек", "ru") == []
    assert people_in("the elections of members of gengesh of Aba Annayev township", "en") == []
    assert people_in("Aba Annaýew şäherçesiniň Geňeşiniň agzalarynyň saýlawlary", "tk") == []


def test_turkmen_verb_dusushdy_reports_a_meeting():
    m = parse_meeting("2023-nji ýylyň 20-nji fewralynda Merkezi saýlaw toparynyň başlygy G.Myradow "
                      "ÝHHG-niň wekiliýetiniň ýolbaşçysy Aleksandr Gromow bilen duşuşdy.", lang="tk")
    assert m.held_on == date(2023, 2, 20)
    assert [p.name for p in m.participants] == ["G.Myradow", "Aleksandr Gromow"]
    assert m.participants[0].role == "Merkezi saýlaw toparynyň başlygy"


@pytest.mark.parametrize("text, reported", [
    ("A meeting of the Central Commission was held today. 91.2% of voters took part in the elections.", True),
    ("Состоялось заседание Центральной комиссии, на котором подведены итоги выборов.", True),
    ("Merkezi saýlaw toparynyň mejlisi geçirildi, onda saýlawlaryň netijeleri jemlenildi.", True),
    ("The next meeting of the Halk Maslahaty will be held on 19 September.", False),
    ("Очередное заседание Халк Маслахаты состоится 19 сентября.", False),
    ("Halk Maslahatynyň nobatdaky mejlisi 19-njy sentýabrda geçiriler.", False),
])
def test_a_meeting_that_took_place_is_read_whatever_the_items_kind(text, reported):
    from etl.facts.meetings import reports_meeting

    assert reports_meeting(text) is reported


def test_the_token_pattern_beginning_with_its_capital_finds_what_the_plain_form_finds():
    """meetings._TOKEN begins with the capital every branch begins with and checks what stands
    before it after reading it; on random runs of name-like characters it finds what the plain form
    (the lookbehind first) finds, span for span."""
    import random

    from etl.facts import meetings as M

    alphabet = ["A", "G", "Ý", "Ž", "Г", "Ё", "a", "ý", "я", "ß", ".", ". ", " ", "\u00a0", "-", "’s", "'s", "’",
                "'", "1", "_", "\n", "(", "İ", "ı", "Ǆ", "ǅ"]
    words = ["G.", "G. ", "Gulmyrat", "Myradow", "Г.Мурадов", "А. С.", "Kurban-Ali", "Jean-Pierre",
             "Abdy-yew", "O’Neil", "Ann’s", "ABC", "McDonald", "Ýazmyrat", "G.M.Ataýew"]
    rnd = random.Random(20261130)
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(6000)]
    texts += [" ".join(rnd.choice(words + alphabet) for _ in range(rnd.randint(1, 8))) for _ in range(6000)]
    texts += ["".join(rnd.choice(words + alphabet) for _ in range(rnd.randint(1, 8))) for _ in range(6000)]
    found = 0
    for text in texts:
        got = [m.span() for m in M._TOKEN.finditer(text)]
        assert got == [m.span() for m in M._TOKEN_PLAIN.finditer(text)], text
        found += len(got)
    assert found > 10000


def test_end_punctuation_made_one_space_as_the_pattern_does():
    """meetings._end_punctuation_to_space is _TRAILING_PUNCTUATION.sub(" ", ...): str.isspace is the
    regex engine's \\s on every character, and random texts end as the pattern leaves them."""
    import random
    import sys

    from etl.facts import meetings as M

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert spaces == [m.group() for m in re.finditer(r"\s", "".join(chr(c) for c in range(sys.maxunicode + 1)))]
    alphabet = ["a", "я", ",", "–", "—", "-", ".", ";", " ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "x\n"]
    rnd = random.Random(20261130)
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert M._end_punctuation_to_space(text) == M._TRAILING_PUNCTUATION.sub(" ", text), repr(text)


def test_memoised_word_tests_answer_as_their_patterns():
    from etl.facts import meetings as M

    for word in ["Myradow", "Мырадовым", "Saakýan’s", "Nurnepesov\n", "Smith", "ov", "OVA", "Ataýewa", "", "2025-nji",
                 "ýylyň", "Fewralynda", "martda", "Dekabr", "x"]:
        assert M.has_surname_end(word) == bool(M.SURNAME_END.search(word)), word
        assert M._is_date_word(word) == bool(M._DATE_WORD.search(word)), word


def test_a_courtesy_title_is_looked_for_in_the_last_word_only():
    """meetings._honorific_at_end finds what _HONORIFIC.search finds, and cutting the text there is
    _HONORIFIC.sub("", text), on random texts of titles, words, white space and punctuation."""
    import random

    from etl.facts import meetings as M

    pieces = ["Mr", "Mrs.", "Ms", "Dr.", "Prof", "Mister", "Madame", "Sir", "Dame", "г-н.", "г-жа", "господину",
              "госпожа", "jenap", "hanym", "xMr", "aSir", "Mr.x", "г-", "н", "the", "a", " ", "  ", "\n", "\t",
              "\u00a0", "\u3000", ".", ",", "-", "_", "1", "ý", "я"]
    rnd = random.Random(20261130)
    found = 0
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 7)))
        m, plain = M._honorific_at_end(text), M._HONORIFIC.search(text)
        assert (m and m.span()) == (plain and plain.span()), repr(text)
        assert (text[:m.start()] if m else text) == M._HONORIFIC.sub("", text), repr(text)
        found += m is not None
    assert found > 2000

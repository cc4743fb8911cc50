"""People: a name that an institution carries is not a person present; Russian names in any case
come to the nominative; a name cut short joins the full name only when exactly one fits. Every
sentence here is written for the test."""
from __future__ import annotations

import pytest

from etl.entities import russian_nominative
from etl.facts.meetings import Participant, _join_cut_short, people_in


@pytest.mark.parametrize("sentence, people", [
    ("The A.Kerimov State Music Theatre hosted the meeting with B.Orazova, the candidate.", ["B.Orazova"]),
    ("Voters met the candidate K.Annayev at the M.Kashgari Polytechnic College.", ["K.Annayev"]),
    ("The candidate T.Hojayev met voters in the Kemine Regional Drama Theatre.", ["T.Hojayev"]),
    ("Встреча с кандидатом Б.Оразовой прошла в Государственном музыкальном театре имени А.Керимова.", ["Б.Оразовой"]),
    ("Кандидат К.Аннаев встретился с избирателями в колледже имени М.Кашгари.", ["К.Аннаев"]),
    ("Dalaşgär B.Orazowa bilen duşuşyk A.Kerimow adyndaky döwlet sazly teatrynda geçirildi.", ["B.Orazowa"]),
])
def test_a_name_carried_by_an_institution_is_not_a_participant(sentence, people):
    assert [p.name for p in people_in(sentence)] == people


@pytest.mark.parametrize("sentence", [
    "Director of the Balkan Cement Production Association Batyr Orazov took part in the meeting.",
    "General Director of the Lebap Textile Concern Batyr Orazov took part in the meeting.",
    "Генеральный директор производственного объединения «Балканцемент» Батыр Оразов принял участие во встрече.",
])
def test_the_words_of_an_organisation_are_never_a_person(sentence):
    assert [p.name for p in people_in(sentence)] == [next(w for w in ("Batyr Orazov", "Батыр Оразов") if w in sentence)]


@pytest.mark.parametrize("printed, nominative", [
    ("Натальей Ивановой", "Наталья Иванова"),
    ("Игорем Сидоровым", "Игорь Сидоров"),
    ("Ильёй Павловым", "Илья Павлов"),
    ("Сергеем Николаевичем Лебедевым", "Сергей Николаевич Лебедев"),
    ("Лебедевым Сергеем Николаевичем", "Сергей Николаевич Лебедев"),
    ("Марии Ивановны Сидоровой", "Мария Ивановна Сидорова"),
    # Turkmen given names the dictionary does not know keep the project's own rules
    ("Гулмыратом Мырадовым", "Гулмырат Мырадов"),
    ("Джуманазаром Аннаевым", "Джуманазар Аннаев"),
])
def test_russian_given_names_and_patronymics_to_the_nominative(printed, nominative):
    assert russian_nominative(printed) == nominative


def _p(name):
    return Participant(name, None, None)


def test_a_surname_alone_joins_the_one_full_name_that_fits():
    joined = _join_cut_short([_p("Gulmyrat Myradov"), _p("Alexei Gromov"), _p("Myradov")])
    assert [(p.name, p.aliases) for p in joined] == [("Gulmyrat Myradov", ["Myradov"]), ("Alexei Gromov", [])]


def test_a_cut_short_name_that_fits_two_people_is_not_guessed():
    people = [_p("Gulmyrat Myradov"), _p("Amanmyrat Myradov"), _p("Myradov")]
    assert [p.name for p in _join_cut_short(people)] == ["Gulmyrat Myradov", "Amanmyrat Myradov", "Myradov"]


def test_a_given_name_with_the_surname_initial_joins_when_one_fits():
    joined = _join_cut_short([_p("Гулмырат Мырадов"), _p("Гулмырат М.")])
    assert [(p.name, p.aliases) for p in joined] == [("Гулмырат Мырадов", ["Гулмырат М."])]
    joined = _join_cut_short([_p("Gulmyrat Myradov"), _p("Gulmyrat Muhammedov"), _p("Gulmyrat M.")])
    assert [p.name for p in joined] == ["Gulmyrat Myradov", "Gulmyrat Muhammedov", "Gulmyrat M."]


@pytest.mark.parametrize("text, people", [
    ("Chairman of the Commission Gulmyrat Myradov received the Ambassador of Japan Mr. Hiroshi Kawamura. "
     "During the meeting, the sides discussed cooperation.", ["Gulmyrat Myradov", "Hiroshi Kawamura"]),
    ("A meeting was held with the OSCE/ODIHR delegation led by Ms. Anna Kowalska, Head of the Needs Assessment "
     "Mission, and Mr. Peter Novak, election expert.", ["Anna Kowalska", "Peter Novak"]),
    ("Состоялась встреча с г-жой Анной Ковальской, руководителем миссии по оценке потребностей.", ["Анной Ковальской"]),
    ("Merkezi saýlaw toparynyň başlygy G.Myradow Ýaponiýanyň Türkmenistandaky ilçisi Hiroşi Kawamura bilen duşuşdy.",
     ["G.Myradow", "Hiroşi Kawamura"]),
])
def test_courtesy_titles_mission_names_and_initialled_names(text, people):
    from etl.facts.meetings import parse_meeting

    assert [p.name for p in parse_meeting(text).participants] == people


@pytest.mark.parametrize("before, printed, nominative", [
    ("заместитель председателя ЦИК ", "Бахар Оразова", "Бахар Оразова"),  # heads with a nominative noun: a woman
    ("члены комиссии Мердан Аннаев и ", "Джерен Ходжаева", "Джерен Ходжаева"),
    ("визит председателя ЦИК ", "Г.Мурадова", "Г.Мурадов"),
    ("с участием ", "Г.Мурадова", "Г.Мурадов"),
])
def test_a_russian_surname_in_ova_is_genitive_only_after_a_genitive_head(before, printed, nominative):
    assert russian_nominative(printed, before) == nominative


@pytest.mark.parametrize("full, initialled", [
    ("Джуманазар Аннаев", "Д.Аннаев"),  # 'Дж' is 'j' in Latin letters: the ids differ, the letters agree
    ("Jumanazar Annaev", "J. Annaev"),
    ("Jumanazar Annaýew", "J.Annaýew"),
])
def test_a_name_with_an_initial_joins_the_one_full_name_of_that_letter(full, initialled):
    joined = _join_cut_short([_p(full), _p("Alexei Gromov"), _p(initialled)])
    assert [(p.name, p.aliases) for p in joined] == [(full, [initialled]), ("Alexei Gromov", [])]


def test_a_name_with_an_initial_is_not_guessed():
    # two full names of that surname and letter
    people = [_p("Джуманазар Аннаев"), _p("Довлет Аннаев"), _p("Д.Аннаев")]
    assert [p.name for p in _join_cut_short(people)] == ["Джуманазар Аннаев", "Довлет Аннаев", "Д.Аннаев"]
    # another letter, or another script (the letters cannot be compared)
    for initialled in ("Г.Аннаев", "D.Annaev"):
        people = [_p("Джуманазар Аннаев"), _p(initialled)]
        assert [p.name for p in _join_cut_short(people)] == ["Джуманазар Аннаев", initialled]


def test_a_candidate_named_in_full_and_then_by_initial_is_one_participant():
    from etl.facts.meetings import parse_meeting

    text = ("В Мары состоялась встреча избирателей с кандидатом в депутаты Джуманазаром Аннаевым. "
            "Доверенное лицо Д.Аннаева рассказало о кандидате. Д.Аннаев ответил на вопросы избирателей.")
    meeting = parse_meeting(text, lang="ru")
    assert [(p.name, p.aliases) for p in meeting.participants] == [
        ("Джуманазаром Аннаевым", ["Д.Аннаева", "Д.Аннаев"])]

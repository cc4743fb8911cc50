"""Elected members per constituency, with occupation: Turkmen (surname first), English, Russian."""
from __future__ import annotations

from pathlib import Path

from etl.entities import person_id, split_name
from etl.facts.results import parse_results

TEXTS = Path(__file__).parent / "fixtures" / "texts"


def text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def rows(members):
    return [(m.constituency_number, m.constituency_name, m.name, m.surname_first, m.occupation, m.region)
            for m in members]


def test_turkmen_results_surname_first_with_occupation():
    assert rows(parse_results(text("tk_results_by_election.txt"), "tk")) == [
        (12, "Ak bugdaý", "Orazowa Maýsa", True, "Ahal welaýatynyň Ak bugdaý etrabyndaky 5-nji orta mekdebiň mugallymy", None),
        (87, "Wekil", "Hojamuhammedow Batyr", True, "Mary welaýat hassahanasynyň baş lukmany", None),
        (109, "Sakarçäge", "Annaýew Kerim", True, "«Türkmennebit» döwlet konserniniň bölüm başlygy", None),
    ]


def test_english_results_name_then_number_and_number_then_name():
    assert rows(parse_results(text("en_results_by_election.txt"), "en")) == [
        (12, "Ak bugday", "M.Orazova", False, None, "Ahal velayat"),
        (87, "Vekil", "B.Hojamuhammedov", False, None, "Mary velayat"),
        (109, "Sakarchage", "K.Annayev", False, None, "Mary velayat"),
    ]


def test_russian_results():
    assert rows(parse_results(text("ru_results_by_election.txt"), "ru")) == [
        (12, "Ак бугдай", "Оразова Майса", True, "учитель средней школы № 5 Ак бугдайского этрапа Ахалского велаята", None),
        (87, "Векил", "Ходжамухаммедов Батыр", True, "главный врач Марыйской велаятской больницы", None),
    ]


def test_the_same_member_in_three_languages_is_one_person():
    ids = set()
    for f, lang in [("tk_results_by_election.txt", "tk"), ("en_results_by_election.txt", "en"),
                    ("ru_results_by_election.txt", "ru")]:
        m = parse_results(text(f), lang)[1]
        ids.add(person_id(split_name(m.name, surname_first=m.surname_first)))
    assert ids == {"hojamuhamedov-b"}


def test_a_cut_occupation_keeps_its_ellipsis():
    t = "1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Bazarow Rejep – Türkmenistanyň Halk Maslahatynyň Diwanynyň bo..."
    assert rows(parse_results(t, "tk")) == [
        (1, "Garaşsyzlyk", "Bazarow Rejep", True, "Türkmenistanyň Halk Maslahatynyň Diwanynyň bo...", None)]


def test_elected_before_the_constituency():
    t = "Rejep Bazarov was elected in the constituency No. 1 «Garashsyzlyk»."
    assert rows(parse_results(t, "en")) == [(1, "Garashsyzlyk", "Rejep Bazarov", False, None, None)]


def test_turnout_and_constituency_registers_are_not_results():
    assert parse_results("In the constituency 1 «Garaşsyzlyk» 91,84%, in the constituency 2 «Bitaraplyk» 90,11%.") == []
    assert parse_results("1-nji «Garaşsyzlyk» saýlaw okrugy\n\nMerkezi: Türkmenistanyň Daşary işler ministrligi", "tk") == []


def test_a_list_of_candidates_is_not_a_list_of_seats():
    t = ("1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Bazarow Rejep – mugallym.\n"
         "1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Annaýewa Jeren – lukman.\n"
         "2-nji «Bitaraplyk» saýlaw okrugy boýunça Orazow Myrat – inžener.")
    assert [(m.constituency_number, m.name) for m in parse_results(t, "tk")] == [(2, "Orazow Myrat")]


def test_elected_words_in_three_languages():
    from etl.facts.results import ELECTED_RE

    assert ELECTED_RE.search("saýlawlarda saýlanylan deputatlar barada maglumat")
    assert ELECTED_RE.search("Information on the deputies elected")
    assert ELECTED_RE.search("Сведения об избранных депутатах")
    assert not ELECTED_RE.search("Dalaşgärleri bellige almak tamamlandy")


def test_ordinal_number_before_the_word_constituency():
    t = "Deputies elected: in the 1st constituency «Garashsyzlyk» – R.Bazarov; in the 2nd constituency «Bitaraplyk» – M.Orazova."
    assert rows(parse_results(t, "en")) == [(1, "Garashsyzlyk", "R.Bazarov", False, None, None),
                                            (2, "Bitaraplyk", "M.Orazova", False, None, None)]


# --- names and constituencies listed apart, paired "respectively" ---------------------------------

def seats(text, lang):
    from etl.facts.results import results_in

    return [(m.constituency_number, m.constituency_name, m.name, m.region)
            for m in results_in(text, text, lang) if type(m).__name__ == "ElectedMember"]


def test_respectively_in_three_languages():
    en = ("Dovlet Annayev, Aylar Hojayeva and Serdar Rejepov were elected deputies in constituencies "
          "No. 14 «Bagtyyarlyk», No. 33 «Parahat» and No. 71 «Dayhan» respectively.")
    assert seats(en, "en") == [(14, "Bagtyyarlyk", "Dovlet Annayev", None), (33, "Parahat", "Aylar Hojayeva", None),
                               (71, "Dayhan", "Serdar Rejepov", None)]
    ru = ("По избирательным округам № 14 «Багтыярлык» и № 33 «Парахат» депутатами избраны соответственно "
          "Довлет Аннаев и Айлар Ходжаева.")
    assert seats(ru, "ru") == [(14, "Багтыярлык", "Довлет Аннаев", None), (33, "Парахат", "Айлар Ходжаева", None)]
    tk = ("14-nji «Bagtyýarlyk» we 33-nji «Parahat» saýlaw okruglary boýunça degişlilikde Annaýew Döwlet "
          "we Hojaýewa Aýlar deputatlyga saýlandy.")
    assert seats(tk, "tk") == [(14, "Bagtyýarlyk", "Annaýew Döwlet", None), (33, "Parahat", "Hojaýewa Aýlar", None)]


def test_respectively_with_unquoted_names_and_regions():
    t = ("Aman Gurbanov and Jeren Orazova were elected in electoral districts No. 41 Bereket, Balkan Velayat "
         "and No. 88 Yoloten, Mary Velayat respectively.")
    assert seats(t, "en") == [(41, "Bereket", "Aman Gurbanov", "Balkan Velayat"),
                              (88, "Yoloten", "Jeren Orazova", "Mary Velayat")]


def test_respectively_with_counts_that_disagree_is_not_paired():
    t = ("Aman Gurbanov, Jeren Orazova and Batyr Saparov were elected in constituencies No. 41 «Bereket» "
         "and No. 88 «Yoloten» respectively.")
    assert seats(t, "en") == []


# --- constituency names without quotes, after a number sign ---------------------------------------

def test_unquoted_constituency_names():
    assert seats("Elected: constituency No. 41 Bereket – Aman Gurbanov, teacher.", "en") == [
        (41, "Bereket", "Aman Gurbanov", None)]
    assert seats("Избраны: по избирательному округу № 41 Берекет – Гурбанов Аман, учитель.", "ru") == [
        (41, "Берекет", "Гурбанов Аман", None)]
    # a region or a word of the sentence is not a constituency's name
    assert seats("Elected in constituency No. 5 Ahal velayat – Aman Gurbanov.", "en") == []
    assert seats("Aman Gurbanov was elected; No. 5 The school was a polling station.", "en") == []


# --- the name first, the constituency after (Russian and Turkmen order) ---------------------------

def test_name_before_the_constituency():
    assert seats("Гурбанов Аман избран депутатом по избирательному округу № 41 «Берекет».", "ru") == [
        (41, "Берекет", "Гурбанов Аман", None)]
    assert seats("Gurbanow Aman 41-nji «Bereket» saýlaw okrugy boýunça deputatlyga saýlandy.", "tk") == [
        (41, "Bereket", "Gurbanow Aman", None)]
    assert seats("Aman Gurbanov won in the constituency No. 41 «Bereket».", "en") == [
        (41, "Bereket", "Aman Gurbanov", None)]


def test_a_name_before_a_constituency_without_a_word_of_election_is_not_a_seat():
    assert seats("Gurbanow Aman 41-nji «Bereket» saýlaw okrugy boýunça dalaşgär hökmünde bellige alyndy.", "tk") == []
    assert seats("Гурбанов Аман зарегистрирован кандидатом по избирательному округу № 41 «Берекет».", "ru") == []


# --- the word of being elected between the constituency and the name -------------------------------

def test_elected_between_constituency_and_name():
    assert seats("В избирательном округе № 41 «Берекет» избран Гурбанов Аман.", "ru") == [
        (41, "Берекет", "Гурбанов Аман", None)]
    assert seats("In constituency No. 41 «Bereket», Aman Gurbanov was elected.", "en") == [
        (41, "Bereket", "Aman Gurbanov", None)]
    assert seats("41-nji «Bereket» saýlaw okrugy boýunça saýlanan Gurbanow Aman – mugallym.", "tk") == [
        (41, "Bereket", "Gurbanow Aman", None)]


def test_no_occupation_without_a_separator():
    from etl.facts.results import results_in

    got = results_in("In constituency No. 41 «Bereket», Aman Gurbanov was elected.",
                     "In constituency No. 41 «Bereket», Aman Gurbanov was elected.", "en")
    assert [m.occupation for m in got] == [None]


# --- the constituency by name only: the seat, but no number ----------------------------------------

def test_constituency_by_name_only():
    assert seats("In the «Bereket» constituency Aman Gurbanov was elected.", "en") == [
        (None, "Bereket", "Aman Gurbanov", None)]
    assert seats("По избирательному округу «Берекет» избран Гурбанов Аман.", "ru") == [
        (None, "Берекет", "Гурбанов Аман", None)]
    assert seats("«Bereket» saýlaw okrugy boýunça Gurbanow Aman saýlandy.", "tk") == [
        (None, "Bereket", "Gurbanow Aman", None)]
    # parse_results keeps only seats whose number is printed
    assert parse_results("In the «Bereket» constituency Aman Gurbanov was elected.", "en") == []


def test_a_list_of_candidates_for_a_vote_to_come_is_not_a_list_of_seats():
    en = ("Candidates registered for the seats to be elected on March 26: constituency No. 41 «Bereket» – "
          "Aman Gurbanov, teacher.")
    ru = ("Зарегистрированы кандидаты, которые могут быть избраны депутатами: по избирательному округу № 41 «Берекет» – "
          "Гурбанов Аман, учитель.")
    tk = "Deputatlyga saýlanmak üçin dalaşgärler: 41-nji «Bereket» saýlaw okrugy boýunça Gurbanow Aman – mugallym."
    assert seats(en, "en") == [] and seats(ru, "ru") == [] and seats(tk, "tk") == []
    # the same list reported as elected is a list of seats
    assert seats(en.replace("to be elected on March 26", "elected on March 26"), "en") == [
        (41, "Bereket", "Aman Gurbanov", None)]


def test_a_school_number_in_an_occupation_is_not_a_constituency():
    t = ("Elected in constituency No. 41 Bereket – Aman Gurbanov, teacher at school No. 5 Bagtyyarlyk etrap, "
         "and No. 42 Serdar – Jeren Orazova, doctor.")
    assert [(m.constituency_number, m.name, m.occupation) for m in parse_results(t, "en")] == [
        (41, "Aman Gurbanov", "teacher at school No. 5 Bagtyyarlyk etrap"), (42, "Jeren Orazova", "doctor")]


def test_respectively_that_does_not_pair_up_is_reported():
    from etl.facts.results import ResultIssue, results_in

    en = ("Aman Gurbanov, Jeren Orazova and Batyr Saparov were elected in constituencies No. 41 «Bereket» "
          "and No. 88 «Yoloten» respectively.")
    ru = "Соответственно избраны Гурбанов Аман и Оразова Джерен по избирательным округам № 41 «Берекет», № 88 «Йолотен» и № 90 «Мургап»."
    for text, lang in [(en, "en"), (ru, "ru")]:
        got = results_in(text, text, lang)
        assert [type(r) for r in got] == [ResultIssue] and got[0].statement == text


def test_the_words_that_lead_into_the_next_constituency_are_not_an_occupation():
    """A list on one line: what is left between a name and the next constituency is its link word
    ("по", "in the"), not an occupation; an occupation before it keeps its own words."""
    assert rows(parse_results("Депутатами Меджлиса избраны: по избирательному округу № 54 «Байдак» – Гурбангуль "
                              "Атаева, по округу № 106 «Векил» – Ата Сердаров.", "ru")) == [
        (54, "Байдак", "Гурбангуль Атаева", False, None, None),
        (106, "Векил", "Ата Сердаров", False, None, None),
    ]
    assert rows(parse_results("Депутатами Меджлиса избраны: по избирательному округу № 54 «Байдак» – Атаева "
                              "Гурбангуль, учитель школы № 5, в округе № 106 «Векил» – Сердаров Ата, врач.", "ru")) == [
        (54, "Байдак", "Атаева Гурбангуль", True, "учитель школы № 5", None),
        (106, "Векил", "Сердаров Ата", True, "врач", None),
    ]
    assert rows(parse_results("Elected deputies of the Mejlis: in the constituency No. 54 «Baydak» – Gurbangul "
                              "Atayeva, teacher, in the constituency No. 106 «Vekil» – Ata Serdarov, doctor.", "en")) == [
        (54, "Baydak", "Gurbangul Atayeva", False, "teacher", None),
        (106, "Vekil", "Ata Serdarov", False, "doctor", None),
    ]

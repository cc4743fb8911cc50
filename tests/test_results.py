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

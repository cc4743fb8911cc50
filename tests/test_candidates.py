"""Candidates' shares of the vote and people elected President, in English, Russian and Turkmen.

Every fixture here is written for the test (invented names and figures), one per wording of a
family, so that a rule serves the family and not one page."""
from __future__ import annotations

import pytest

from etl.facts.results import candidate_shares, elected_to_office, people_spans, results_in, statement_spans


def shares(text, lang=None):
    return [(c.name, c.nominative, c.pct, c.votes, c.is_elected) for c in candidate_shares(text, lang)]


def figures(text):
    """The figures the shares were read from, as printed (the spans the turnout parser skips)."""
    return [text[c.start:c.end] for c in candidate_shares(text)]


# --- the winner, with "of the vote" / "голосов" / "sesleriniň ... göterimini" -------------------

@pytest.mark.parametrize("text, lang, want", [
    ("Atajan Hojayev was elected President of Turkmenistan with 88.4% of the vote.", "en",
     [("Atajan Hojayev", None, 88.4, None, True)]),
    ("Mekan Gurbanov has won the election, receiving 76,31 percent of the votes cast.", "en",
     [("Mekan Gurbanov", None, 76.31, None, True)]),
    ("The incumbent, Kerim Nurmuhammedov, scored the largest number of votes - 70.5 percent.", "en",
     [("Kerim Nurmuhammedov", None, 70.5, None, True)]),
    ("Атаджан Ходжаев избран Президентом Туркменистана, набрав 88,4% голосов.", "ru",
     [("Атаджан Ходжаев", None, 88.4, None, True)]),
    ("Наибольшее число голосов — 70,5% — получил Керим Нурмухаммедов.", "ru",
     [("Керим Нурмухаммедов", None, 70.5, None, True)]),
    ("Atajan Hojaýew saýlawçylaryň sesleriniň 88,4 göterimini alyp, Türkmenistanyň Prezidenti saýlandy.", "tk",
     [("Atajan Hojaýew", None, 88.4, None, True)]),
])
def test_the_winners_share(text, lang, want):
    assert shares(text, lang) == want


# --- the other candidates: a share without a word of winning is not a seat ----------------------

@pytest.mark.parametrize("text, lang, want", [
    ("The Minister of Energy Batyr Orazov was second with 6.25 percent of the vote.", "en",
     [("Batyr Orazov", None, 6.25, None, False)]),
    ("Batyr Orazow 6,25 göterim ses aldy.", "tk", [("Batyr Orazow", None, 6.25, None, False)]),
    ("Кандидат от Аграрной партии Батыр Оразов получил 6,25 процента голосов.", "ru",
     [("Батыр Оразов", None, 6.25, None, False)]),
])
def test_a_runner_up(text, lang, want):
    assert shares(text, lang) == want


# --- a list of shares in one sentence ------------------------------------------------------------

def test_a_list_of_shares_in_one_sentence():
    assert shares("Batyr Orazov received 6.25 percent of the votes, and Merdan Saparov – 3.1 percent.") == [
        ("Batyr Orazov", None, 6.25, None, False), ("Merdan Saparov", None, 3.1, None, False)]
    assert shares("Гурбан Аннаев набрал 12,4% голосов, Мерген Сапаров – 3,1%, Дурды Оразов – 2,05%.", "ru") == [
        ("Гурбан Аннаев", None, 12.4, None, False), ("Мерген Сапаров", None, 3.1, None, False),
        ("Дурды Оразов", None, 2.05, None, False)]


# --- the votes went to a person: figures that read like turnout are shares -----------------------

@pytest.mark.parametrize("text, lang, want", [
    ("According to the final count, 61,02 % of the vote went to Annamyrat Durdyyev.", "en",
     [("Annamyrat Durdyyev", None, 61.02, None, True)]),
    ("The CEC said 58.3% of voters voted for Aman Charyyev.", "en", [("Aman Charyyev", None, 58.3, None, True)]),
    ("За Батыра Оразова проголосовали 6,25% избирателей, за Айну Сапарову – 3,1%.", "ru",
     [("Батыра Оразова", "Батыр Оразов", 6.25, None, False), ("Айну Сапарову", "Айна Сапарова", 3.1, None, False)]),
    ("Saýlawçylaryň 61,02 göterimi Annamyrat Durdyýewe ses berdi.", "tk",
     [("Annamyrat Durdyýewe", "Annamyrat Durdyýew", 61.02, None, True)]),
    ("Saýlawçylaryň 3,5 göterimi Merdan Saparowyň peýdasyna ses berdi.", "tk",
     [("Merdan Saparowyň", "Merdan Saparow", 3.5, None, False)]),
])
def test_votes_that_went_to_a_person(text, lang, want):
    assert shares(text, lang) == want


def test_a_dative_that_may_be_a_womans_name_keeps_no_name():
    # "Orazowa" is a woman's name or the dative of Orazow: the statement does not say which
    assert shares("Saýlawçylaryň 2,5 göterimi Aýna Orazowa ses berdi.", "tk") == [(None, None, 2.5, None, False)]


# --- counts of votes, when printed ----------------------------------------------------------------

def test_votes_printed_beside_the_share():
    assert shares("Aman Charyyev received 1 203 551 votes (58.3%).") == [("Aman Charyyev", None, 58.3, 1203551, True)]
    assert shares("Аман Чарыев получил 1.203.551 голос, или 58,3% голосов.", "ru") == [
        ("Аман Чарыев", None, 58.3, 1203551, True)]


# --- never turnout, never a guess --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "By 19:00, 91.3% of voters voted.",
    "К 17 часам проголосовали 83,4% избирателей.",
    "Sagat 19-a çenli saýlawçylaryň 91,3% ses berdi.",
    "The turnout reached 97.27 per cent.",
    "В голосовании приняли участие 91,12 процента избирателей.",
])
def test_turnout_is_not_a_share(text):
    assert candidate_shares(text) == []


@pytest.mark.parametrize("text, lang", [
    ("По результатам голосования он набрал 97,5% голосов.", "ru"),
    ("He received 97.5 percent of the vote.", "en"),
    ("Ol saýlawçylaryň sesleriniň 97,5 göterimini aldy.", "tk"),
])
def test_a_share_whose_candidate_is_not_named_keeps_the_span_but_no_name(text, lang):
    got = candidate_shares(text, lang)
    assert [(c.name, c.pct, c.is_elected) for c in got] == [(None, 97.5, False)]
    assert text[got[0].start:got[0].end].startswith("97")


def test_a_name_before_a_verb_of_saying_is_not_the_candidate():
    assert shares("Chairman Gulmyrat Myradov announced that the incumbent received 97.5 percent of the vote.") == [
        (None, None, 97.5, None, False)]


def test_a_share_in_one_area_is_marked_as_such():
    got = candidate_shares("In Ahal velayat 64.2% of voters voted for Gurban Annayev.")
    assert [(c.name, c.pct, c.area, c.is_elected) for c in got] == [("Gurban Annayev", 64.2, "Ahal", False)]
    got = candidate_shares("Гурбан Аннаев получил 64,2% голосов по Лебапскому велаяту.")
    assert [(c.name, c.pct, c.area, c.is_elected) for c in got] == [("Гурбан Аннаев", 64.2, "Лебапскому", False)]


def test_years_of_the_statement_are_kept():
    got = candidate_shares("In 2012 Aman Charyyev received 58.3% of the vote.")
    assert [(c.name, c.years) for c in got] == [("Aman Charyyev", (2012,))]


def test_spans_point_at_the_figures():
    text = "Turnout was 95.1%. Aman Charyyev received 58.3% of the vote; Merdan Saparov got 40,2 %."
    assert figures(text) == ["58.3%", "40,2 %"]


# --- a table of shares flattened into one line ----------------------------------------------------

def test_a_numbered_table_of_shares():
    text = ("Candidate Party % of votes 1 Aman Charyyev Democratic Party 58.3 2 Merdan Saparov Agrarian Party "
            "of Turkmenistan 30.5 3 Aýna Orazowa Citizens' group, Mary province 11.2")
    assert shares(text) == [("Aman Charyyev", None, 58.3, None, True), ("Merdan Saparov", None, 30.5, None, False),
                            ("Aýna Orazowa", None, 11.2, None, False)]
    text = "Кандидат Выдвинут % голосов 1 Аман Чарыев Демократическая партия 58,3 2 Мерген Сапаров Аграрная партия 41,7"
    assert shares(text, "ru") == [("Аман Чарыев", None, 58.3, None, True), ("Мерген Сапаров", None, 41.7, None, False)]


# --- elected President, with or without a share -----------------------------------------------------

@pytest.mark.parametrize("text, lang, want", [
    ("Aman Charyyev was elected President of Turkmenistan.", "en", ["Aman Charyyev"]),
    ("Aman Charyyev wins presidential elections in Turkmenistan", "en", ["Aman Charyyev"]),
    ("The former minister Aman Charyyev, 45, has been elected the new President.", "en", ["Aman Charyyev"]),
    ("Аман Чарыев переизбран президентом страны на второй срок.", "ru", ["Аман Чарыев"]),
    ("Президентом Туркменистана избран Аман Чарыев.", "ru", ["Аман Чарыев"]),
    ("Aman Çaryýew Türkmenistanyň Prezidenti wezipesine saýlandy.", "tk", ["Aman Çaryýew"]),
])
def test_elected_president(text, lang, want):
    got = elected_to_office(text, lang)
    assert [(o.name, o.body) for o in got] == [(n, "president") for n in want]


@pytest.mark.parametrize("text", [
    "Aman Charyyev was registered as a candidate for President of Turkmenistan.",
    "Аман Чарыев встретился с Президентом Туркменистана.",
    "Aman Çaryýew Türkmenistanyň Prezidentligine dalaşgär hödürlenildi.",
    "President Aman Charyyev received the delegation.",
])
def test_not_elected_president(text):
    assert elected_to_office(text) == []


# --- pieces -------------------------------------------------------------------------------------

def test_people_spans_either_order_with_initials_and_patronymics():
    s = "Bazarow Rejep, Rejep Bazarov, R.Bazarov, Бердыев Мурат Аннаевич and the Minister of Water Resources Aman Charyyev"
    assert [s[a:b] for a, b in people_spans(s)] == [
        "Bazarow Rejep", "Rejep Bazarov", "R.Bazarov", "Бердыев Мурат Аннаевич", "Aman Charyyev"]


def test_statement_spans_do_not_break_after_initials_or_numbers():
    text = "G. Myradov spoke. No. 5 was closed.\nNew line"
    assert [text[a:b] for a, b in statement_spans(text)] == ["G. Myradov spoke.", "No. 5 was closed.", "New line"]


def test_results_in_reads_seats_shares_and_offices_together():
    full = "Aman Charyyev wins\nAman Charyyev was elected President with 58.3% of the vote."
    kinds = [type(r).__name__ for r in results_in(full, full.split("\n", 1)[1], "en")]
    assert kinds == ["CandidateShare", "ElectedToOffice"]


# --- a place in the count ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, name", [
    ("Batyr Orazov came third with 2.4%.", "en", "Batyr Orazov"),
    ("Merdan Saparov was fourth with 1,9 per cent.", "en", "Merdan Saparov"),
    ("Батыр Оразов оказался на третьем месте с 2,4%.", "ru", "Батыр Оразов"),
])
def test_a_place_in_the_count(text, lang, name):
    assert [(c.name, c.is_elected) for c in candidate_shares(text, lang)] == [(name, False)]


# --- "the votes were distributed as follows": a list of names and shares ------------------------------

def test_a_distribution_of_the_votes_in_one_sentence():
    assert shares("The votes were distributed as follows: Aman Charyyev – 58.3%, Merdan Saparov – 30,5%, "
                  "and Jeren Orazova – 11.2%.") == [
        ("Aman Charyyev", None, 58.3, None, True), ("Merdan Saparov", None, 30.5, None, False),
        ("Jeren Orazova", None, 11.2, None, False)]


def test_a_distribution_of_the_votes_on_lines():
    ru = ("Голоса избирателей распределились следующим образом:\nАман Чарыев — 58,3%\nМерген Сапаров — 30,5%\n"
          "В Ахалском велаяте проголосовали 97,1% избирателей.")
    assert shares(ru, "ru") == [("Аман Чарыев", None, 58.3, None, True), ("Мерген Сапаров", None, 30.5, None, False)]
    tk = "Ses beriş netijeleri:\nAman Çaryýew – 58,3 göterim\nMerdan Saparow – 30,5 göterim\n\nSaýlawa 97,1 göterim gatnaşdy."
    assert shares(tk, "tk") == [("Aman Çaryýew", None, 58.3, None, True), ("Merdan Saparow", None, 30.5, None, False)]


@pytest.mark.parametrize("text", [
    "3,362,052 voters cast their votes – 97.17%.",
    "Ahal velayat – 97,68%, Balkan velayat – 97,29%.",
    "Aman Charyyev – 58.3%, Merdan Saparov – 30,5%.",  # no word says these are shares of the vote
    "Подсчёт голосов: явка составила 97,1%.",
])
def test_dashes_and_votes_alone_are_not_shares(text):
    assert candidate_shares(text) == []


# --- Turkmen: a share and a victory ------------------------------------------------------------------

def test_turkmen_share_with_victory():
    assert shares("Serdar Annaýew saýlawçylaryň 72,9 göterim sesini alyp, ýeňiş gazandy.", "tk") == [
        ("Serdar Annaýew", None, 72.9, None, True)]


# --- support of voters: figures that read like turnout ------------------------------------------------

@pytest.mark.parametrize("text, lang, want", [
    ("Aman Charyyev was supported by 58.3% of voters.", "en", [("Aman Charyyev", None, 58.3, None, True)]),
    ("Аман Чарыев получил поддержку 58,3% избирателей.", "ru", [("Аман Чарыев", None, 58.3, None, True)]),
    ("Аман Чарыева поддержали 58,3% избирателей.", "ru", [("Аман Чарыева", "Аман Чарыев", 58.3, None, True)]),
])
def test_support_of_voters_is_a_share(text, lang, want):
    assert shares(text, lang) == want


@pytest.mark.parametrize("text", [
    "За него проголосовали 97,69% избирателей.",
    "97.69% of voters voted for him.",
    "Saýlawçylaryň 97,69 göterimi oňa ses berdi.",
])
def test_votes_for_a_pronoun_are_a_share_without_a_name(text):
    assert [(c.name, c.pct) for c in candidate_shares(text)] == [(None, 97.69)]


# --- properties on any text ------------------------------------------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from tests.test_properties import FAST, FRAGMENTS, digits_in, printed_percentages  # noqa: E402

RESULT_FRAGMENTS = FRAGMENTS + [
    "Aman Charyyev", "was elected President", "with", "88,4%", "of the vote", "received", "scored", "набрав",
    "голосов", "За Батыра Оразова", "проголосовали", "sesleriniň", "göterimini alyp", "Prezidenti saýlandy",
    "Annamyrat Durdyýewe ses berdi", "respectively", "соответственно", "degişlilikde", "No. 41 Bereket,",
    "Balkan Velayat", "14-nji «Bagtyýarlyk» we", "% of votes 1 Aman Charyyev Party 58.3 2", "Гурбанов Аман",
    "избран депутатом по избирательному округу № 41 «Берекет»", "saýlaw okruglary boýunça", "he", "он",
    "1 203 551 votes (", "58.3%)", "In Ahal velayat", "In 2012",
]
result_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(RESULT_FRAGMENTS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(RESULT_FRAGMENTS), st.text(max_size=6)), max_size=30).map(" ".join),
)


@FAST
@given(result_texts)
def test_shares_are_printed_and_lie_in_0_to_100(text):
    for lang in ("en", "ru", "tk"):
        for c in candidate_shares(text, lang):
            assert 0 <= c.pct <= 100 and c.pct in printed_percentages(text)
            assert text[c.start:c.end].startswith(c.pct_printed)
            assert c.name is None or c.name in text
            if c.votes is not None:
                assert c.votes_printed in text
            assert not (c.is_elected and c.name is None)


@FAST
@given(result_texts)
def test_every_result_is_printed(text):
    for lang in ("en", "ru", "tk"):
        for r in results_in(text, text, lang):
            assert r.name is None or r.name in text
            number = getattr(r, "constituency_number", None)
            if number is not None:
                assert number in digits_in(text)
        for o in elected_to_office(text, lang):
            assert o.name in text


@pytest.mark.parametrize("text, lang", [
    ("Aman Charyyev, who was first elected President in 2007 with 89.2% of the vote, met the delegation.", "en"),
    ("На прошлых выборах Аман Чарыев набрал 89,2% голосов.", "ru"),
    ("Öňki saýlawlarda Aman Çaryýew sesleriň 89,2 göterimini aldy.", "tk"),
])
def test_background_results_are_not_this_items_results(text, lang):
    assert results_in(text, text, lang) == []
    assert [c.pct for c in candidate_shares(text, lang)] == [89.2]  # still no turnout


@pytest.mark.parametrize("text, want", [
    ("Aman Charyyev received 30.5% of the vote, while Merdan Saparov was elected with 65.1% of the vote.",
     [("Aman Charyyev", 30.5, False), ("Merdan Saparov", 65.1, True)]),
    ("Аман Чарыев получил 30,5% голосов, а Мерген Сапаров избран президентом, набрав 65,1% голосов.",
     [("Аман Чарыев", 30.5, False), ("Мерген Сапаров", 65.1, True)]),
    ("Aman Charyyev received 45.1% of the vote and was elected President.", [("Aman Charyyev", 45.1, True)]),
    ("Аман Чарыев получил 45,1% голосов и был избран президентом.", [("Аман Чарыев", 45.1, True)]),
])
def test_the_words_of_winning_belong_to_their_own_candidate(text, want):
    assert [(c.name, c.pct, c.is_elected) for c in candidate_shares(text)] == want


@pytest.mark.parametrize("text, lang, want", [
    ("Победителем выборов стал Сердар Аннаев, за которого проголосовали 72,9% избирателей.", "ru",
     [("Сердар Аннаев", None, 72.9, None, True)]),
    ("The winner was Serdar Annayev, for whom 72.9% of voters voted.", "en", [("Serdar Annayev", None, 72.9, None, True)]),
    ("Aman Charyyev, in whose favour 12.4% of voters voted, came second.", "en",
     [("Aman Charyyev", None, 12.4, None, False)]),
])
def test_votes_for_whom(text, lang, want):
    assert shares(text, lang) == want


@pytest.mark.parametrize("text, lang, name", [
    ("Победителем президентских выборов стал Сердар Аннаев.", "ru", "Сердар Аннаев"),
    ("The winner of the presidential election was Serdar Annayev.", "en", "Serdar Annayev"),
    ("Победителем выборов Президента Туркменистана признан Сердар Аннаев.", "ru", "Сердар Аннаев"),
])
def test_the_winner_of_the_presidential_election(text, lang, name):
    assert [o.name for o in elected_to_office(text, lang)] == [name]


@pytest.mark.parametrize("text, lang, want", [
    ("Aman Charyyev was nominated by the Agrarian Party. Charyyev received 58.3 percent of the vote.", "en",
     [("Aman Charyyev", 58.3, True)]),
    ("Аман Чарыев выдвинут Аграрной партией. По итогам Чарыев набрал 58,3% голосов.", "ru",
     [("Аман Чарыев", 58.3, True)]),
    # two people of that surname: no one
    ("Aman Charyyev and Jeren Charyyeva met. Merdan Charyyev spoke. Charyyev received 58.3 percent of the vote.", "en",
     [(None, 58.3, False)]),
    # no full name in the text: no one
    ("Charyyev received 58.3 percent of the vote.", "en", [(None, 58.3, False)]),
])
def test_a_surname_alone_is_the_one_full_name_that_fits(text, lang, want):
    assert [(c.name, c.pct, c.is_elected) for c in candidate_shares(text, lang)] == want


@pytest.mark.parametrize("text", [
    "The incumbent won re-election with a 97.2% turnout.",
    "Aman Charyyev won the election, with 97.2 percent turnout.",
    "Аман Чарыев победил; получено 97,2% явки избирателей.",
])
def test_turnout_told_beside_a_victory_is_not_a_share(text):
    assert candidate_shares(text) == []


@pytest.mark.parametrize("text, lang, want", [
    ("Явка составила 97,27%, за Амана Чарыева проголосовали 58,3% избирателей.", "ru", [("Амана Чарыева", 58.3)]),
    ("За Амана Чарыева проголосовали 58,3% избирателей, явка составила 97,27%.", "ru", [("Амана Чарыева", 58.3)]),
    ("Turnout was 97.27%, and 58.3% voted for Aman Charyyev.", "en", [("Aman Charyyev", 58.3)]),
    ("97.69% of voters voted for him, while turnout was 97.27%.", "en", [(None, 97.69)]),
    ("За него проголосовали 97,69% избирателей, явка составила 97,27%.", "ru", [(None, 97.69)]),
])
def test_turnout_in_the_same_sentence_as_a_share_stays_turnout(text, lang, want):
    assert [(c.name, c.pct) for c in candidate_shares(text, lang)] == want


def test_share_spans_for_the_turnout_parser():
    from etl.facts.results import share_spans

    text = "К 19 часам проголосовали 97,27% избирателей. За Амана Чарыева проголосовали 58,3% избирателей."
    assert [text[a:b] for a, b in share_spans(text)] == ["58,3%"]
    text = "By 19:00, 97.27% of voters voted. Aman Charyyev received 58.3 percent of the vote."
    assert [text[a:b] for a, b in share_spans(text)] == ["58.3 percent"]

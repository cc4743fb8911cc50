"""The kind of an item from its title and lead, in English, Turkmen and Russian."""
from __future__ import annotations

import pytest

from etl.facts.kinds import classify


@pytest.mark.parametrize("title, lead, kind", [
    ("Voting continues", "", "turnout"),
    ("The voting for the elections has ended", "", "turnout"),
    ("Ses beriş dowam edýär", "", "turnout"),
    ("Голосование продолжается", "", "turnout"),
    ("Голосование завершено", "", "turnout"),
    ("Information on the deputies elected in the elections", "", "results"),
    ("Saýlawlarda saýlanylan deputatlar barada maglumat", "", "results"),
    ("Сведения об избранных депутатах", "", "results"),
    ("A meeting was held with the OSCE delegation", "", "meeting"),
    ("Head of the Central Election Commission met with representatives of the Council", "", "meeting"),
    ("Состоялась встреча с представителями ПРООН", "", "meeting"),
    ("BMG-niň wekilleri bilen duşuşyk geçirildi", "", "meeting"),
    ("Merkezi saýlaw toparynyň mejlisi geçirildi", "", "meeting"),
    ("Проведены учебные семинары", "", "seminar"),
    ("Okuw-maslahat geçirildi", "", "seminar"),
    ("Training seminars for the members of precinct election commissions", "", "seminar"),
    ("The nomination process for candidates has begun", "", "nomination"),
    ("Dalaşgärleri hödürlemek tamamlandy", "", "nomination"),
    ("Началась регистрация кандидатов", "", "registration"),
    ("Early voting has begun", "", "early-voting"),
    ("Möhletinden öň ses bermek başlandy", "", "early-voting"),
    ("International observers arrive", "", "observers"),
    ("Halkara synçylar", "", "observers"),
    ("The election campaign continues in an organized manner", "", "campaign"),
    ("Velayat, Ashgabat city election commissions have been re-established", "", "commissions"),
    ("On the Law of Turkmenistan “On the Unified State Register of Voters”", "", "law"),
    ("Hormatly Prezidentimiz iş saparyny amala aşyrdy", "", "head-of-state"),
    ("Turkmenistan – Italy: a new stage of mutually beneficial cooperation", "", "other"),
])
def test_kind_from_the_title(title, lead, kind):
    assert classify(title, lead) == kind


@pytest.mark.parametrize("lead, kind", [
    ("Состоялось заседание Центральной комиссии, на котором обсуждены итоги учебных семинаров.", "meeting"),
    ("A seminar-meeting for the heads of election commissions was held.", "seminar"),
    ("In a municipal hall of the Drama Theatre it was held a meeting of voters with the candidate.", "meeting"),
    ("2025-nji ýylyň 27-nji fewralynda BMG-niň wekilleri bilen duşuşyk geçirildi.", "meeting"),
    ("According to Article 63 of the Electoral Code the campaign begins. During these meetings voters...", "campaign"),
    ("A total of 24 meetings were held for the candidates.", "other"),
])
def test_kind_from_the_lead_the_first_named_wins(lead, kind):
    assert classify(None, lead) == kind


def test_facts_decide_first():
    assert classify("A meeting was held", "", has_turnout=True) == "turnout"  # figures beat words
    assert classify("A meeting was held", "", has_results=True) == "results"


def test_results_are_who_was_elected_a_results_title_with_only_turnout_is_turnout():
    assert classify("Preliminary results of the elections", "91.02 percent took part", has_turnout=True) == "turnout"
    assert classify("Saýlawlaryň deslapky netijeleri", "", has_turnout=True) == "turnout"
    assert classify("Итоги выборов", "", has_turnout=True) == "turnout"
    assert classify("Итоги выборов", "", has_turnout=True, has_results=True) == "results"
    assert classify("Итоги выборов", "") == "results"
    assert classify("The voting for the elections has ended", "", has_turnout=True) == "turnout"


@pytest.mark.parametrize("title, text, kind", [
    ("Elections of the Mejlis: facts and figures", "The elections are scheduled for 26 March. "
     "The commission announced at a meeting on 13 February that the campaign would begin.", "other"),
    ("Выборы депутатов Меджлиса: цифры и факты", "Выборы назначены на 26 марта. "
     "Комиссия на заседании 13 февраля объявила о начале кампании.", "other"),
    (None, "In accordance with the resolution, the next meeting of the Halk Maslahaty will be held on 19 September.",
     "other"),
    (None, "В соответствии с постановлением очередное заседание Халк Маслахаты состоится 19 сентября.", "other"),
    (None, "Kararyna laýyklykda Halk Maslahatynyň nobatdaky mejlisi 19-njy sentýabrda geçiriler.", "other"),
    # "regular" (очередное, nobatdaky) is not "next": a regular session that was held is a meeting
    (None, "Merkezi saýlaw toparynyň nobatdaky mejlisi geçirildi.", "meeting"),
    (None, "Состоялось очередное заседание Центральной комиссии.", "meeting"),
    (None, "The regular session of the Central Commission was held.", "meeting"),
    (None, "A delegation of the OSCE Office visited the capital from 3 to 6 May. The purpose of the visit...", "meeting"),
    (None, "Делегация Бюро ОБСЕ посетила столицу с 3 по 6 мая.", "meeting"),
    ("Pre-election meetings of candidates with voters have ended", "", "campaign"),
    ("Предвыборные встречи кандидатов с избирателями завершились", "", "campaign"),
])
def test_the_kind_is_what_the_item_is_about_not_a_word_in_passing(title, text, kind):
    assert classify(title, text) == kind


@pytest.mark.parametrize("title", ["Early voting has ended", "Möhletinden öň ses bermek tamamlandy",
                                   "Досрочное голосование завершено"])
def test_the_end_of_early_voting_is_not_turnout(title):
    assert classify(title, "") == "early-voting"


@pytest.mark.parametrize("title", ["Meeting of the Central Election Commission", "Meetings with voters"])
def test_titles_opening_with_meeting_or_naming_meetings_with_someone(title):
    assert classify(title, "") == "meeting"

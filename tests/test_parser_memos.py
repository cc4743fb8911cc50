"""The parsers' speed-ups give what the plain code gave: memoised functions hand out fresh values,
and the covered-characters check of constituency mentions is the overlap test it replaces."""
from __future__ import annotations

import random

from etl.facts.results import _Covered
from etl.facts.turnout import hour_mentions


def test_covered_characters_answer_the_overlap_test():
    rnd = random.Random(20261129)
    for _ in range(300):
        length = rnd.randint(0, 60)
        covered, spans = _Covered(length), []
        for _ in range(rnd.randint(0, 12)):
            a = rnd.randint(0, length)
            b = rnd.randint(a, length)
            expected = any(x <= a < y or x < b <= y for x, y in spans)
            assert covered.starts_or_ends_inside(a, b) == expected, (spans, a, b)
            if rnd.random() < 0.6:
                spans.append((a, b))
                covered.add(a, b)


def test_memoised_hour_mentions_are_fresh_lists():
    sentence = "К 11 часам проголосовали 45,2%, к 15:00 — 80,1% избирателей"
    first = hour_mentions(sentence)
    first.clear()
    assert [h.hour for h in hour_mentions(sentence)] == [11, 15]


def test_memoised_people_are_copies_the_caller_may_change():
    from etl.facts.meetings import people_in

    sentence = "Во встрече приняли участие председатель ЦИК Гулмырат Мырадов и советник Нарине Саакян."
    first = people_in(sentence, "ru")
    assert first
    first[0].aliases.append("changed")
    first[0].role = "changed"
    again = people_in(sentence, "ru")
    assert again[0].aliases == [] and again[0].role != "changed"
    assert again[0] is not first[0]


def test_memoised_lists_are_fresh():
    from etl.dates import _full_dates
    from etl.facts.elections import body_mentions
    from etl.facts.results import people_spans
    from etl.facts.memo import sentences_of

    for function, text in [(_full_dates, "Held on March 26, 2023 and 26 марта 2023 года."),
                           (body_mentions, "elections of deputies of the Mejlis of Turkmenistan"),
                           (people_spans, "Rejep Bazarov and Aman Charyyev"),
                           (sentences_of, "One. Two. Three.")]:
        first = function(text)
        assert first
        expected = list(first)
        first.clear()
        assert function(text) == expected


def test_memoised_statement_spans_are_fresh_lists():
    from etl.facts.results import statement_spans

    text = "G. Myradov was elected. Turnout was 97%.\nNo. 12 constituency"
    first = statement_spans(text)
    expected = list(first)
    first.clear()
    assert statement_spans(text) == expected == statement_spans.__wrapped__(text)

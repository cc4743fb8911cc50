"""Sentences, as both the turnout and the meeting parsers read them."""
from etl.text import sentences


def test_breaks_before_capitals_quotes_and_digits_and_at_line_breaks():
    assert sentences("Voting continues. «Garaşsyzlyk» 91,84%. 2024-nji ýylyň 7-nji iýulynda.\nNew line") == [
        "Voting continues.", "«Garaşsyzlyk» 91,84%.", "2024-nji ýylyň 7-nji iýulynda.", "New line"]


def test_initials_and_abbreviations_do_not_end_a_sentence():
    assert sentences("Chairman G. Myradov met Г. Мурадов. In the constituency No. 12 “Ak bugday” – 23,40%.") == [
        "Chairman G. Myradov met Г. Мурадов.", "In the constituency No. 12 “Ak bugday” – 23,40%."]

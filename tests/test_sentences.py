"""Sentences, as both the turnout and the meeting parsers read them."""
from etl.text import sentences


def test_breaks_before_capitals_quotes_and_digits_and_at_line_breaks():
    assert sentences("Voting continues. «Garaşsyzlyk» 91,84%. 2024-nji ýylyň 7-nji iýulynda.\nNew line") == [
        "Voting continues.", "«Garaşsyzlyk» 91,84%.", "2024-nji ýylyň 7-nji iýulynda.", "New line"]


def test_initials_and_abbreviations_do_not_end_a_sentence():
    assert sentences("Chairman G. Myradov met Г. Мурадов. In the constituency No. 12 “Ak bugday” – 23,40%.") == [
        "Chairman G. Myradov met Г. Мурадов.", "In the constituency No. 12 “Ak bugday” – 23,40%."]


def test_the_end_of_a_sentence_is_read_from_its_last_characters_only():
    """`sentences` asks whether the sentence so far ends with an initial or an abbreviation by
    looking at its last characters; on endings of every kind, in three scripts, and on random
    strings of those characters, that is the answer of a search of the whole sentence."""
    import random

    from etl import text as T

    def whole(s):
        return bool(T._ENDS_WITH_INITIAL.search(s) or T._ENDS_WITH_ABBREVIATION.search(s))

    endings = ["No.", "Nos.", "Art.", "Prof.", "г-жа.", "ст.", "гг.", "G.", "Г.", "Ý.", "x.", "end.", "(Dr.", "a(St.",
               "pp.", "Mrs.", "I.", "Ş.", "им."]
    openings = ["", " ", "a ", "(", "x(", "The meeting was opened by ", "Заседание открыл ", "Mejlisi açan "]
    for opening in openings:
        for ending in endings:
            assert T._ends_without_a_break(opening + ending) == whole(opening + ending), opening + ending
    rng = random.Random(20261129)
    alphabet = "abXYŞ.() -гГжаNoProfст"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert T._ends_without_a_break(s) == whole(s), repr(s)

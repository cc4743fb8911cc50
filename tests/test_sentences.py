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


def test_the_sentence_break_pattern_finds_what_its_plain_form_finds():
    """etl.text.sentence_break begins with the white-space character both of its branches need, so
    the regex engine can skip to it; its matches (as split and finditer give them) are those of the
    plain `(?<=[.!?])\\s+(?=[…])|\\n+`, on random strings of the characters that matter to it."""
    import random
    import re

    from etl import text as T
    from etl.facts import kinds, results

    patterns = [(T._SENTENCE_BREAK, rf"{T._UPPER}«“\"(0-9"), (results._SENT_BREAK, rf"{results.UP}«“\"(0-9"),
                (kinds._SENTENCE_END, "A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ«“\"")]
    for fast, next_chars in patterns:
        assert fast.pattern == T.sentence_break(next_chars).pattern
    alphabet = ".!?.!? \n\n\t\r\u00a0\u2028\u3000\u0085\x1c aAzZ Яя«“\"(0)9;,-ŞşÝý"
    rnd = random.Random(20261130)
    texts = ["", " ", "\n", ". A", ".\n\nA", "a. \n b", "x.  \u00a0 Y", "Voting continues. «Garaşsyzlyk» 91,84%.\n\nNew"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))) for _ in range(20000)]
    for fast, next_chars in patterns:
        plain = re.compile(rf"(?<=[.!?])\s+(?=[{next_chars}])|\n+")
        for text in texts:
            assert fast.split(text) == plain.split(text), (next_chars, text)
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text

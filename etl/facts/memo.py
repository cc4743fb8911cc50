"""Bounded memoisation of the parsers' pure functions of a text.

The parsers ask the same question of the same sentence several times (the turnout parser of each
sentence's hours, the results parser of each statement's names, once per figure), and items repeat
sentences (leads, titles, boilerplate). A memoised function keeps a bounded number of answers; the
cache holds immutable values (tuples of tuples, frozen dataclasses) and every caller gets a fresh
list, so no caller can change what the next one receives.
"""
from __future__ import annotations

from functools import lru_cache, wraps

from ..text import sentences


def memo_list(maxsize: int):
    """Memoise a pure function whose arguments are hashable (strings) and that returns a list of
    immutable values: the cache keeps a tuple, each call returns a new list."""
    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(lambda *args: tuple(function(*args)))

        @wraps(function)
        def fresh(*args):
            return list(cached(*args))

        fresh.cache_clear = cached.cache_clear
        fresh.cache_info = cached.cache_info
        return fresh
    return decorate


@memo_list(maxsize=512)
def sentences_of(text: str) -> list[str]:
    """etl.text.sentences, memoised: the turnout parser splits a text for the closing hour and again
    for its statements, the meetings parser to tell whether it reports a meeting and again to read it."""
    return sentences(text)

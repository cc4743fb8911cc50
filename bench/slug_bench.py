"""id_words before and after etl.slug: python-slugify's slugify(text, max_length=48,
word_boundary=True) against etl.slug.id_words, on the synthetic corpus's words.

    python -m bench.slug_bench    # (a) 10,000 titles, (b) 2,000 texts of 3 KB in tk/ru/en

Prints the median of 5 runs of each and the ratio; checks the two agree on every input.
"""
from __future__ import annotations

import random
import statistics
import time

from slugify import slugify

from bench.corpus import filler, make_stories
from etl.slug import id_words

RUNS = 5


def old(text: str) -> str:
    return slugify(text, max_length=48, word_boundary=True)


def inputs(seed: int = 20240707) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    stories = make_stories(3000, rng)
    titles = [title for s in stories for title, _ in s.texts.values()]
    rng.shuffle(titles)
    titles = (titles * (10_000 // len(titles) + 1))[:10_000]  # ~8,600 distinct, some twice
    texts = []
    langs = ("tk", "ru", "en")
    for k in range(2000):
        lang = langs[k % 3]
        story = stories[rng.randrange(len(stories))]
        title, paras = story.texts.get(lang) or next(iter(story.texts.values()))
        body = "\n\n".join(paras)
        while len(body) < 3000:
            body += "\n\n" + "\n\n".join(filler(lang, rng, 2))
        texts.append(body[:3000])
    return titles[:10_000], texts


def run(fn, items: list[str]) -> float:
    start = time.perf_counter()
    for text in items:
        fn(text)
    return time.perf_counter() - start


def main() -> None:
    titles, texts = inputs()
    for name, items in (("10,000 titles", titles), ("2,000 texts of 3 KB", texts)):
        assert all(old(t) == id_words(t) for t in items)
        befores, afters = [], []
        for _ in range(RUNS):  # interleaved, so that a busy machine slows both alike
            befores.append(run(old, items))
            afters.append(run(id_words, items))
        before, after = statistics.median(befores), statistics.median(afters)
        print(f"{name:22} slugify {before * 1e3:8.1f} ms   etl.slug {after * 1e3:7.1f} ms   "
              f"x{before / after:.1f}   ({before / len(items) * 1e6:.0f} -> {after / len(items) * 1e6:.1f} us each)")


if __name__ == "__main__":
    main()

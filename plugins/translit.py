"""Search folding for the site: the archive's one transliteration (`etl/translit.py`), as the
plugins use it. `fts_query(text)` turns what a person typed into an FTS5 query that finds every
spelling (prefixes, both scripts, v/w); `skeleton(text)` is the key entities are matched by.
"""
from __future__ import annotations

from etl.translit import MAX_TERMS, MAX_VARIANTS, MIN_PREFIX, fts_query, skeleton, terms, variants  # noqa: F401
from etl.translit import fts_fold as fold  # noqa: F401

"""Benchmarks on synthetic corpora, built in temporary folders (never in data/).

    python -m bench.load_bench    # `saylav load` on 10,000 synthetic captures vs plain executemany
    python -m bench.site_bench    # Datasette page latency on a 100,000-item archive vs plain sqlite3
"""

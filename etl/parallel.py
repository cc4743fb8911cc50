"""Worker processes for the load's independent steps (reading captures, parsing items).

    pmap(fn, jobs)      a list
    pimap(fn, jobs)     an iterator, so that the caller works while the workers do

maps in a pool of worker processes when there is enough work to pay for one, serially otherwise;
results come back in job order, so the outcome is the same either way. Workers end with the load.
"""
from __future__ import annotations

import os
import time

PARALLEL_MIN_ITEMS = 400

def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the load that started it ends, however it ends
    (kill -9 included), rather than leaving it to run on."""
    if os.getppid() == parent:  # forked by the load itself (Linux): the kernel kills it with it
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    import threading

    first_parent = os.getppid()

    def alive() -> bool:
        if os.getppid() != first_parent:  # re-parented: the parent is gone
            return False
        try:
            os.kill(parent, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    def watch():  # everywhere else: look twice a second
        while alive():
            time.sleep(0.5)
        os._exit(1)

    if not alive():
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _pool(workers: int):
    """A pool of worker processes that end with the process that made it."""
    import concurrent.futures as cf

    return cf.ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),))


def pmap(fn, jobs: list, workers: int | None = None, chunksize: int = 64) -> list:
    """map(fn, jobs) in a pool of worker processes when there is enough work to pay for one."""
    return list(pimap(fn, jobs, workers, chunksize))


def pimap(fn, jobs: list, workers: int | None = None, chunksize: int = 64, min_jobs: int | None = None):
    """pmap's results one by one, in job order, as the workers finish them: the caller works on the
    first while the workers compute the rest (consume it whole: the pool ends with it). A pool is
    started for `min_jobs` jobs or more (PARALLEL_MIN_ITEMS by default)."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= (PARALLEL_MIN_ITEMS if min_jobs is None else min_jobs):
        with _pool(workers) as pool:
            yield from pool.map(fn, jobs, chunksize=chunksize)
    else:
        for job in jobs:
            yield fn(job)

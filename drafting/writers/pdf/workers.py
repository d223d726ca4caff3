"""Worker processes for rendering PDFs: one per core, gone when their parent is.

- Ctrl-C reaches every process of the terminal's group: workers ignore it and
  the parent, which gets ``KeyboardInterrupt``, ends them (``terminate``), so
  the user sees one line from the command and no worker's traceback.
- A parent killed outright (``kill -9``) cannot end its workers, so each worker
  asks Linux to send it SIGKILL when its parent dies (``PR_SET_PDEATHSIG``), and
  stops at once if the parent was already gone when it started.
- Any failure in the parent (an error in one job, an interrupt) terminates the
  pool before the error goes on.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from typing import Callable, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a worker: ignore Ctrl-C (the parent answers it) and die when ``parent`` does (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the parent's terminate() still ends the workers
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def run_parallel(function: Callable[[Job], Result], jobs: Sequence[Job], order: Sequence[int],
                 workers: int) -> list[Result]:
    """``function`` of every job in ``workers`` processes, started in ``order``; results in the jobs' order."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = context.Pool(workers, initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        pending = {index: pool.apply_async(function, (jobs[index],)) for index in order}
        results = [pending[index].get() for index in range(len(jobs))]
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return results

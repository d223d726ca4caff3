"""Render the web site's pages on two cores: groups of jobs split between this process and one forked child.

The site's pages are independent once the rows and the comparisons are made:
each job renders one file and writes it into the build's staging folder. Jobs
come in groups that share a cache (the pages of one text, the redlines of one
version); the groups are shared out by estimated cost (largest first, each to
the lighter side), the child renders its share and exits, this process renders
the rest and waits for it. A file is the same whichever process renders it, so
the bytes do not depend on the split.

Each process then runs ``finish`` (it waits for what its jobs started in the
background: the search index of each version it rendered), and ``abort`` if its
share failed. The child reports a failure through a pipe (the message, never a traceback) and
this process raises it; Ctrl-C reaches both (one process group): the child ends
quietly, this process kills and reaps it and lets the interrupt through. With one
core, or where ``fork`` does not exist, everything runs here, in order.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass, field
from typing import Callable

from drafting.diagnostics import DraftingError


@dataclass
class Group:
    """Jobs that share a cache, and what they cost (in units of one uncached page)."""

    cost: float
    jobs: list[Callable[[], None]] = field(default_factory=list)


def split(groups: list[Group]) -> tuple[list[Group], list[Group]]:
    """Two shares of about equal cost: largest group first, each to the lighter share; order kept inside."""
    shares: tuple[list[Group], list[Group]] = ([], [])
    totals = [0.0, 0.0]
    for group in sorted(groups, key=lambda g: -g.cost):
        side = 0 if totals[0] <= totals[1] else 1
        shares[side].append(group)
        totals[side] += group.cost
    order = {id(g): i for i, g in enumerate(groups)}
    return (sorted(shares[0], key=lambda g: order[id(g)]), sorted(shares[1], key=lambda g: order[id(g)]))


def _run(groups: list[Group]) -> None:
    for group in groups:
        for job in group.jobs:
            job()


def _nothing() -> None:
    pass


def run_on_two_cores(groups: list[Group], finish: Callable[[], None] = _nothing,
                     abort: Callable[[], None] = _nothing) -> None:
    """Run every job once; a child process takes about half of the work when there is a second core.

    ``finish`` runs in each process after its share (it waits for what the jobs started in the background,
    such as a version's search index); ``abort`` in a process whose share failed or was interrupted.
    """
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or len(groups) < 2:
        try:
            _run(groups)
            finish()
        except BaseException:
            abort()
            raise
        return
    mine, theirs = split(groups)
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: its share, then out without running any of the parent's clean-up
        os.close(read)
        code = 0
        try:
            try:
                _run(theirs)
                finish()
            except BaseException:
                abort()
                raise
        except KeyboardInterrupt:
            code = 130
        except BaseException as error:  # reported to the parent, which raises it as a DraftingError
            os.write(write, str(error).encode("utf-8", "replace")[:4000] or b"failed")
            code = 1
        os._exit(code)
    os.close(write)
    try:
        _run(mine)
        finish()
    except BaseException:
        abort()
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        raise
    message = b""
    while chunk := os.read(read, 4096):
        message += chunk
    os.close(read)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 130:
        raise KeyboardInterrupt
    if code != 0:
        raise DraftingError(f"rendering the site's pages failed: {message.decode('utf-8', 'replace') or code}")

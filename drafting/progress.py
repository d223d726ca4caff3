"""Progress for long commands: rich on a terminal, plain lines (or nothing) in CI.

A command makes one ``Reporter`` from its ``--quiet``/``--verbose`` options and
passes it down. On an interactive terminal outside CI a ``task`` shows a rich
progress bar on stderr; in CI (``CI`` set) or without a terminal it prints one
plain line per step, and only when ``--verbose`` asked for it. ``--quiet``
silences everything but errors.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO

from drafting.console import interactive

Advance = Callable[[str], None]


class Reporter:
    def __init__(self, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None,
                 rich: bool | None = None) -> None:
        self.quiet = quiet
        self.verbose = verbose and not quiet
        self.stream = stream if stream is not None else sys.stderr
        self.rich = (interactive() if rich is None else rich) and not quiet

    def info(self, message: str) -> None:
        """A result the drafter asked for (stdout), unless --quiet."""
        if not self.quiet:
            print(message, flush=True)

    def step(self, message: str) -> None:
        """What is happening now: on stderr with --verbose, or on a terminal."""
        if self.verbose or (self.rich and not self.quiet):
            print(message, file=self.stream, flush=True)

    def warn(self, message: str) -> None:
        """Something the drafter should look at; shown even with --quiet."""
        print(f"warning: {message}", file=self.stream, flush=True)

    @contextmanager
    def task(self, description: str, total: int) -> Iterator[Advance]:
        """A counted task: ``advance(label)`` after each item."""
        if self.rich:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            from rich.console import Console

            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns, console=Console(file=self.stream), transient=True) as bar:
                task_id = bar.add_task(description, total=total)
                yield lambda label: bar.advance(task_id)
            self.step(f"{description}: {total} done")
            return
        self.step(f"{description} ({total})")
        counter = [0]

        def advance(label: str) -> None:
            counter[0] += 1
            if self.verbose:
                print(f"  [{counter[0]}/{total}] {label}", file=self.stream, flush=True)

        yield advance

"""Printing for the command line: diagnostics, errors, and quiet/verbose modes.

Progress and colour only on a terminal outside CI; plain lines otherwise.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable, NoReturn

import typer

from drafting.diagnostics import Diagnostic, DraftingError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def print_diagnostics(items: Iterable[Diagnostic], fmt: str = "text") -> None:
    for item in items:
        typer.echo(item.format_github() if fmt == "github" else item.format())


def fail(error: DraftingError, code: int = EXIT_FINDINGS) -> NoReturn:
    print_diagnostics(error.diagnostics)
    typer.echo(f"error: {error.message}", err=True)
    raise typer.Exit(code)


def usage(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)

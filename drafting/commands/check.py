"""`drafting check`: every mistake in the sources, at once, as path:line:col."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_OK, print_diagnostics, usage
from drafting.diagnostics import Diagnostics, DraftingError, Severity, summary, to_json
from drafting.source.load import load, load_library
from drafting.source.scope import library_root


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def check(
    source: Path = typer.Argument(None, help="The source folder (holds work.yaml); default: every act of the "
                                             "repository when drafting.yaml is here, else constitution."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, or github (workflow annotations)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also say what was read."),
    cache: bool = typer.Option(True, "--cache/--no-cache",
                               help="Reuse the parses of unchanged files from the last run (.drafting-cache/parse)."),
) -> None:
    """Check the sources' structure, numbering, languages and references."""
    root = library_root(source)
    if root is not None:
        _check_library(root, fmt, strict, quiet, verbose, cache)
    try:
        loaded = load(source or Path("constitution"), cache=cache)
    except DraftingError as error:
        usage(error.message)
    items = loaded.diagnostics.sorted()
    if fmt is Format.json:
        typer.echo(to_json(items))
    else:
        print_diagnostics(items, fmt.value)
        if verbose and loaded.work is not None:
            for lang, expression in loaded.work.expressions.items():
                typer.echo(f"{lang}: {len(expression.sections)} sections, {len(expression.articles())} articles", err=True)
        if not quiet:
            typer.echo(summary(loaded.diagnostics, loaded.files))
    failing = any(d.severity is Severity.ERROR or strict for d in items)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _check_library(root: Path, fmt: Format, strict: bool, quiet: bool, verbose: bool, cache: bool) -> None:
    """Every act of the repository, and the references between them."""
    found = load_library(root, cache=cache)
    every = Diagnostics(list(found.library.diagnostics.items))
    files = 0
    for short, loaded in found.works.items():
        every.extend(loaded.diagnostics.items)
        files += loaded.files
        if verbose and loaded.work is not None:
            articles = len(loaded.work.expression(loaded.work.meta.codes[0]).articles())
            typer.echo(f"{short}: {found.library.works[short]} ({articles} articles)", err=True)
    items = every.sorted()
    if fmt is Format.json:
        typer.echo(to_json(items))
    else:
        print_diagnostics(items, fmt.value)
        if not quiet:
            acts = len(found.works)
            typer.echo(f"{summary(every, files)} ({acts} act{'' if acts == 1 else 's'})")
    failing = any(d.severity is Severity.ERROR or strict for d in items)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)

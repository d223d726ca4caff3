"""`drafting check`: every mistake in the sources, at once, as path:line:col."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_OK, print_diagnostics, usage
from drafting.diagnostics import DraftingError, Severity, summary, to_json
from drafting.source.load import load


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def check(
    source: Path = typer.Argument(Path("constitution"), help="The source folder (holds work.yaml)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, or github (workflow annotations)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also say what was read."),
) -> None:
    """Check the sources' structure, numbering, languages and references."""
    try:
        loaded = load(source)
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

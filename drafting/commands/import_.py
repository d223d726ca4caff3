"""`drafting import`: AKN 3.0 acts (one file per language) -> a source tree that `drafting check` reads."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, fail, print_diagnostics, usage
from drafting.diagnostics import DraftingError


def import_(
    files: list[Path] = typer.Argument(..., metavar="FILE.xml",
                                       help="AKN 3.0 files, one per expression (language) of the same work."),
    out: Path = typer.Option(..., "--out", "-o", help="The source folder to create."),
    force: bool = typer.Option(False, "--force", help="Replace OUT if it exists and is not empty."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when anything could not be mapped."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
) -> None:
    """Convert Akoma Ntoso 3.0 acts into a source tree; report every element that could not be mapped."""
    from drafting.importer.acts import import_to
    from drafting.source.load import load

    for path in files:
        if not path.is_file():
            usage(f"{path}: no such file")
    try:
        imported = import_to(files, out, force)
    except DraftingError as error:
        fail(error, EXIT_USAGE)
    findings = imported.diagnostics.sorted()
    print_diagnostics(findings)
    checked = load(out)
    if not quiet:
        work = imported.work
        count = len(work.expression(work.meta.codes[0]).articles())
        typer.echo(f"imported {count} articles in {', '.join(work.meta.codes)} into {out} "
                   f"({len(findings)} finding{'s' if len(findings) != 1 else ''})")
        problems = checked.diagnostics.sorted()
        if problems:
            typer.echo(f"drafting check {out}: {len(problems)} finding(s) in the imported tree; run it to see them")
    raise typer.Exit(EXIT_FINDINGS if strict and findings else EXIT_OK)

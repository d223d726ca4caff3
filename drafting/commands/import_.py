"""`drafting import`: AKN 3.0 acts (one file per language, a portion, or a documentCollection) -> source trees
that `drafting check` reads, with a report of what was kept (words and units before and after)."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, fail, print_diagnostics, usage
from drafting.diagnostics import DraftingError

KEPT_AT_LEAST = 0.98


def import_(
    files: list[Path] = typer.Argument(..., metavar="FILE.xml",
                                       help="AKN 3.0 files: one per expression (language) of a work, or a "
                                            "documentCollection of several works."),
    out: Path = typer.Option(..., "--out", "-o", help="The source folder to create (one subfolder per work when "
                                                      "the files hold several)."),
    work: str = typer.Option(None, "--work", help="Import only this work of a collection: its FRBR URI, number, "
                                                  "component eId or folder name."),
    force: bool = typer.Option(False, "--force", help="Replace OUT if it exists and is not empty."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when anything could not be mapped or kept."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
) -> None:
    """Convert Akoma Ntoso 3.0 acts into source trees; report every element that could not be mapped."""
    from drafting.importer.acts import import_trees
    from drafting.importer.census import kept, level_differences, tree_census
    from drafting.source.load import load

    for path in files:
        if not path.is_file():
            usage(f"{path}: no such file")
    try:
        works = import_trees(files, out, force, work)
    except DraftingError as error:
        fail(error, EXIT_USAGE)
    findings = works[0].diagnostics.sorted()
    print_diagnostics(findings)
    shortfall = False
    for imported in works:
        tree = out / imported.folder if imported.folder else out
        checked = load(tree)
        meta = imported.work.meta
        count = len(imported.work.expression(meta.codes[0]).articles())
        if not quiet:
            typer.echo(f"imported {count} articles in {', '.join(meta.codes)} into {tree}")
        for lang, before in imported.before.items():
            if checked.work is None or lang not in checked.work.expressions:
                continue
            after = tree_census(checked.work, lang)
            share = kept(before, after)
            differences = level_differences(before, after)
            shortfall = shortfall or share < KEPT_AT_LEAST or bool(differences)
            if not quiet:
                typer.echo(f"  {lang}: kept {share:.1%} of {before.word_count} words; units per level "
                           + ("as in the XML: " + _levels(before.levels) if not differences
                              else "differ: " + "; ".join(differences)))
        problems = checked.diagnostics.sorted()
        if problems and not quiet:
            typer.echo(f"drafting check {tree}: {len(problems)} finding(s) in the imported tree; run it to see them")
    if not quiet:
        typer.echo(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} while importing")
    raise typer.Exit(EXIT_FINDINGS if strict and (findings or shortfall) else EXIT_OK)


def _levels(levels: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(levels.items())) or "none"

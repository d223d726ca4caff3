"""`drafting renumber`: numbers in document order, file names and references to match."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, fail, usage
from drafting.diagnostics import DraftingError


def renumber(
    source: Path = typer.Argument(Path("constitution"), help="The source folder (holds work.yaml)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Print the plan; change nothing."),
    paragraphs: bool = typer.Option(False, "--paragraphs", help="Also renumber paragraphs and points in each article."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors and warnings."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list every file edited or renamed "
                                 "(a dry run always does)."),
) -> None:
    """Give every article its number in order; rename files and rewrite cross-references to match."""
    from drafting.progress import Reporter
    from drafting.tools.renumbering import apply_plan, plan_renumber

    if not source.is_dir():
        usage(f"{source}: no such source folder")
    report = Reporter(quiet, verbose)
    report.step(f"reading {source}")
    try:
        plan = plan_renumber(source, paragraphs)
    except DraftingError as error:
        fail(error, EXIT_FINDINGS)
    for line in plan.describe(verbose or dry_run):
        report.info(line)
    for note in plan.notes:
        report.warn(note)
    if dry_run or plan.empty:
        if dry_run and not plan.empty:
            report.info("dry run: nothing was changed")
        return
    try:
        with report.task("writing", len(plan.edited)) as advance:
            apply_plan(plan, advance)
    except OSError as error:
        fail(DraftingError(f"cannot write {error.filename or source}: {error.strerror or error}"), EXIT_FINDINGS)
    report.info(f"renumbered {source}: run 'drafting check {source}' to confirm")

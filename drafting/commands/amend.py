"""`drafting amend OLD NEW [SOURCE] --out DIR`: the amending act that turns OLD into NEW (docs/amend.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import EXIT_USAGE, fail, interactive, usage
from drafting.diagnostics import DraftingError


def amend(
    old: str = typer.Argument(..., help="The version amended: a tag, branch, SHA, HEAD~N, or a named version."),
    new: str = typer.Argument(..., help="The version the act makes of it, the same way, or WORKTREE."),
    source: Path = typer.Argument(Path("constitution"), help="The source folder (holds work.yaml)."),
    out: Path = typer.Option(..., "--out", "-o", help="The amending act's folder (sources: work.yaml, articles)."),
    tables: Path = typer.Option(None, "--tables", help="Where the comparative tables go, one PDF per language "
                                "(default: DIR-table beside DIR)."),
    no_tables: bool = typer.Option(False, "--no-tables", help="Write the act only."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say each step."),
) -> None:
    """Write the amending act (instructions in the official formulas, every language) that turns OLD into NEW."""
    from drafting.amending.act import install, prepare
    from drafting.writers.redline.revisions import RevisionError

    if not source.is_dir():
        usage(f"{source}: no such source folder")
    show = verbose or (interactive() and not quiet)

    def say(message: str) -> None:
        if show:
            typer.echo(message, err=True)

    tables_out = None if no_tables else (tables or out.parent / f"{out.name}-table")
    try:
        for folder in [out, *([tables_out] if tables_out else [])]:
            for above in (folder, *folder.parents):
                if above.exists() and not above.is_dir():
                    raise DraftingError(f"{above}: is a file, not a folder; choose another --out")
        written = prepare(source, old, new, tables_out is not None, say)
        install(written, out, tables_out)
    except RevisionError as error:
        fail(error, EXIT_USAGE)
    except DraftingError as error:
        fail(error, EXIT_USAGE)
    except OSError as error:
        fail(DraftingError(f"{out}: cannot write the amending act: {error.strerror or error}"), EXIT_USAGE)
    if not quiet:
        typer.echo(f"{out}: {len(written.amendment.groups)} numbered instructions "
                   f"({len(written.amendment.instructions())} changes) in {', '.join(written.amendment.languages)}")
        if tables_out is not None:
            for name in sorted(written.tables):
                typer.echo(f"{tables_out / name}")

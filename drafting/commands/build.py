"""`drafting build`: every publication artifact, or the ones named with --only."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, fail, interactive, usage

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
from drafting.diagnostics import DraftingError


def _split(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def build(
    source: Path = typer.Argument(None, help="The source folder (holds work.yaml); default: every act of the "
                                             "repository when drafting.yaml is here, else constitution."),
    out: Path = typer.Option(Path("build"), "--out", "-o", help="Where the artifacts go."),
    only: str = typer.Option(None, "--only", help="Comma-separated kinds: akn,html,pdf,site."),
    lang: str = typer.Option(None, "--lang", help="Comma-separated languages, e.g. kk,ru."),
    page: str = typer.Option(None, "--page", help="PDF page profiles, e.g. a2,a3,a4 (default: the settings' list)."),
    bleed: str = typer.Option(None, "--bleed", help="Bleed of the print-shop PDFs, e.g. 5mm."),
    marks: bool = typer.Option(None, "--marks/--no-marks", help="Crop marks on the print-shop PDFs."),
    print_settings: Path = typer.Option(None, "--print-settings", help="Page profiles and fonts (default: schemas/print.yaml)."),
    versions: bool = typer.Option(False, "--versions", help="Also every named version's AKN as of its date "
                                  "(read from git; as work.yaml's build: {versions: true})."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say each step."),
) -> None:
    """Check the sources, then write AKN, HTML and PDF into OUT (all or nothing) with a manifest."""
    from drafting.source.scope import library_root
    from drafting.writers.artifacts import build as run_build
    from drafting.writers.artifacts import build_library

    root = library_root(source)
    source = source or Path("constitution")
    if not source.is_dir():
        usage(f"{source}: no such source folder")
    options: dict[str, object] = {}
    if page:
        options["pages"] = _split(page)
    if bleed is not None:
        if not re.fullmatch(r"(0|[0-9]+(\.[0-9]+)?(mm|cm|pt|in))", bleed):
            usage(f"--bleed {bleed}: give a length such as 3mm")
        options["bleed"] = bleed
    if marks is not None:
        options["marks"] = marks
    if print_settings is not None:
        options["print_settings"] = print_settings
    if versions:
        options["versions"] = True
    show = verbose or (interactive() and not quiet)
    progress = (lambda message: typer.echo(message, err=True)) if show else None
    try:
        if root is not None:
            entries = build_library(root, out, _split(only), _split(lang), options, progress)
        else:
            entries = run_build(source, out, _split(only), _split(lang), options, progress)
    except DraftingError as error:
        fail(error, EXIT_FINDINGS if error.diagnostics else 2)
    except KeyboardInterrupt:
        typer.echo(f"interrupted: nothing was written to {out}", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if not quiet:
        for entry in entries:
            typer.echo(f"{out / str(entry['path'])}")
        typer.echo(f"{len(entries)} artifacts written to {out}")

"""`drafting serve`: the HTML edition on localhost, rebuilt when a source file is saved."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import print_diagnostics, usage


def serve(
    source: Path = typer.Argument(Path("constitution"), help="The source folder (holds work.yaml)."),
    port: int = typer.Option(8000, "--port", "-p", help="The local port (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on (default: this machine only)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the address and errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every diagnostic after each rebuild."),
) -> None:
    """Serve the HTML edition at http://HOST:PORT/, rebuilt on every save, diagnostics on the page and here."""
    from drafting.tools.preview import Site
    from drafting.progress import Reporter
    from drafting.tools.server import PreviewServer

    if not source.is_dir():
        usage(f"{source}: no such source folder")
    report = Reporter(quiet, verbose)

    def notify(site: Site, seconds: float) -> None:
        state = "" if site.fresh else " (errors: showing the last good build)"
        report.info(f"built in {seconds:.2f} s: {site.summary}{state}")
        shown = site.diagnostics if verbose else site.errors
        if not quiet:
            print_diagnostics(shown)
        elif site.errors:
            print_diagnostics(site.errors)

    try:
        server = PreviewServer(source, host, port, notify=notify)
    except OSError as error:
        usage(f"cannot listen on {host}:{port}: {error.strerror or error}")
    typer.echo(f"serving {source} at {server.url} (Ctrl-C stops)")
    server.start()
    try:
        server.watch()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()

"""The `drafting` command: registers the commands and nothing else.

Each command lives in drafting/commands/ and imports heavy libraries (WeasyPrint,
git) only when it runs, so `drafting check` stays instant.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

import typer

app = typer.Typer(
    name="drafting",
    help="A legislative drafting toolkit: check, build, redline and maintain a constitution kept in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# command name -> (module in drafting.commands, function name)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "check"),
    "build": ("build", "build"),
    "redline": ("redline", "redline"),
    "amend": ("amend", "amend"),
    "consolidate": ("consolidate", "consolidate"),
    "import": ("import_", "import_"),
    "renumber": ("renumber", "renumber"),
    "new": ("new", "new"),
    "stats": ("stats", "stats"),
    "translations": ("translations", "translations"),
    "serve": ("serve", "serve"),
    "lsp": ("langserver", "lsp"),
}


def _lazy(module: str, function: str) -> Callable[..., Any]:
    return getattr(importlib.import_module(f"drafting.commands.{module}"), function)  # type: ignore[no-any-return]


def _print_version(value: bool) -> None:
    if value:
        from drafting import __version__

        typer.echo(f"drafting {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="Print the toolkit's version and stop."),
) -> None:
    """A legislative drafting toolkit: check, build, redline and maintain a constitution kept in git."""


for _name, (_module, _function) in COMMANDS.items():
    app.command(_name)(_lazy(_module, _function))


def main() -> None:
    app()

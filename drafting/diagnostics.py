"""Diagnostics: every finding a drafter sees, with file, line and a stable code."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Iterable, Iterator


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value} {self.code} {self.message}"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def format_github(self) -> str:
        kind = "error" if self.severity is Severity.ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.column},title={self.code}::{message}"


@dataclass
class Diagnostics:
    """A collector: checks add findings, the command prints all of them at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str, line: int, code: str, message: str, column: int = 1) -> None:
        self.items.append(Diagnostic(path, max(line, 1), max(column, 1), Severity.ERROR, code, message))

    def warning(self, path: str, line: int, code: str, message: str, column: int = 1) -> None:
        self.items.append(Diagnostic(path, max(line, 1), max(column, 1), Severity.WARNING, code, message))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def _noun(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(diagnostics: Diagnostics, files: int) -> str:
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    return f"{_noun(errors, 'error')}, {_noun(warnings, 'warning')} in {_noun(files, 'file')}"


def to_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2)


class DraftingError(Exception):
    """A user-caused failure that stops a command: carries diagnostics, never a traceback."""

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = list(diagnostics)

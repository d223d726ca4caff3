"""A pytest plugin: every diagnostic code in the registry is raised by some test with its exact message.

While the suite runs, every diagnostic made in the test process is recorded
(code and message). When the whole suite has run (no -k, -m, file or
deselection), the session fails if a registered code was never raised, or if
none of the messages it was raised with is written out in full in a test file
(so some test states the exact message, not only the code). With a partial run
nothing is checked.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from drafting.codebook import load_codes
from drafting.diagnostics import Diagnostics

TESTS = Path(__file__).resolve().parent
RAISED: dict[str, set[str]] = defaultdict(set)
_STATE = {"full": False}
# Codes no test raises with an exact message yet: none. A code added to the registry without such a test fails the
# session; listing it here is a defect to fix (add the test, then remove it). A covered code still listed fails too.
KNOWN_GAPS: set[str] = set()


def _record(real: Any) -> Any:
    def recording(self: Diagnostics, path: str, line: int, code: str, message: str, column: int = 1) -> None:
        RAISED[code].add(message)
        real(self, path, line, code, message, column)
    return recording


Diagnostics.error = _record(Diagnostics.error)  # type: ignore[method-assign]
Diagnostics.warning = _record(Diagnostics.warning)  # type: ignore[method-assign]


def missing_codes(raised: dict[str, set[str]], test_text: str, gaps: set[str] = KNOWN_GAPS) -> list[str]:
    """Registered codes never raised, or raised only with messages no test writes out."""
    problems = []
    for code in load_codes():
        messages = raised.get(code, set())
        covered = bool(messages) and any(message in test_text for message in messages)
        if code in gaps:
            if covered:
                problems.append(f"{code}: covered now; remove it from KNOWN_GAPS")
            continue
        if not messages:
            problems.append(f"{code}: never raised by a test")
        elif not any(message in test_text for message in messages):
            sample = min(messages, key=len)
            problems.append(f"{code}: raised, but no test states an exact message (for instance {sample!r})")
    return problems


def test_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(TESTS.rglob("*.py")))


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    default = [str(Path(config.rootpath) / p) for p in config.getini("testpaths")]
    whole = not config.args or [str(Path(a).resolve()) for a in config.args] == default
    _STATE["full"] = whole and not config.option.keyword and not config.option.markexpr \
        and not config.option.deselect and not config.getoption("lf", False)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _STATE["full"] or session.testsfailed or exitstatus != 0:
        return
    problems = missing_codes(RAISED, test_text())
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = ["diagnostic codes not covered by the tests (tests/emitted_codes.py):", *problems]
        if reporter is not None:
            reporter.write_line("\n".join(lines), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config: pytest.Config) -> None:
    import json
    import os
    dump = os.environ.get("DRAFTING_RAISED_DUMP")
    if dump:
        Path(dump).write_text(json.dumps({k: sorted(v) for k, v in RAISED.items()}, ensure_ascii=False, indent=1))

"""Progress: rich on a terminal, plain lines with --verbose, nothing with --quiet or in CI by default."""

from __future__ import annotations

import io

import pytest

from drafting.progress import Reporter


def test_ci_is_plain_and_quiet_unless_verbose(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CI", "true")
    stream = io.StringIO()
    report = Reporter(stream=stream)
    assert not report.rich
    report.step("reading")
    with report.task("writing", 2) as advance:
        advance("a")
        advance("b")
    report.info("done")
    assert stream.getvalue() == ""
    assert capsys.readouterr().out == "done\n"

    verbose = Reporter(verbose=True, stream=stream)
    verbose.step("reading")
    with verbose.task("writing", 2) as advance:
        advance("a.md")
    assert stream.getvalue() == "reading\nwriting (2)\n  [1/2] a.md\n"


def test_quiet_keeps_warnings_only(capsys: pytest.CaptureFixture[str]) -> None:
    stream = io.StringIO()
    report = Reporter(quiet=True, verbose=True, stream=stream, rich=True)
    assert not report.rich and not report.verbose
    report.step("reading")
    report.info("result")
    report.warn("look at this")
    assert stream.getvalue() == "warning: look at this\n"
    assert capsys.readouterr().out == ""


def test_terminal_gets_a_progress_bar() -> None:
    stream = io.StringIO()
    report = Reporter(stream=stream, rich=True)
    with report.task("writing", 3) as advance:
        for name in "abc":
            advance(name)
    assert "writing: 3 done" in stream.getvalue()

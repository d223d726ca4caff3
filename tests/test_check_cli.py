"""`drafting check` as a drafter runs it: exit codes, formats, and no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import KZ1995, MINI, REPO
from drafting.cli import app

runner = CliRunner()


def test_clean_tree_exits_zero() -> None:
    result = runner.invoke(app, ["check", str(MINI)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 errors, 0 warnings in 81 files")


def test_second_profile_with_inserted_numbers_passes() -> None:
    result = runner.invoke(app, ["check", str(KZ1995)])
    assert result.exit_code == 0, result.output


def test_errors_exit_one_and_json_lists_them(mini: Path) -> None:
    (mini / "01-foundations/002-foundations-2.ru.md").unlink()
    (mini / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["check", str(mini), "--format", "json"])
    assert result.exit_code == 1
    items = json.loads(result.output)
    assert [sorted(item) for item in items] == [["code", "column", "line", "message", "path", "severity"]] * len(items)
    assert {item["code"] for item in items} == {"A401", "S107"}
    assert all(item["severity"] == "error" for item in items)


def test_text_output_is_path_line_col_and_summary(mini: Path) -> None:
    (mini / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["check", str(mini)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"{mini}/notes.txt:1:1: error S107 ")
    assert lines[-1] == "1 error, 0 warnings in 82 files"


def test_warnings_pass_unless_strict(mini: Path) -> None:
    path = mini / "01-foundations/001-foundations-1.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("the first measure", "TODO"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(mini)]).exit_code == 0
    assert runner.invoke(app, ["check", str(mini), "--strict"]).exit_code == 1


def test_github_annotations(mini: Path) -> None:
    (mini / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["check", str(mini), "--format", "github"])
    assert result.output.startswith(f"::error file={mini}/notes.txt,line=1,col=1,title=S107::file outside")


def test_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no such source folder" in result.output


def test_unknown_option_is_a_usage_error() -> None:
    assert runner.invoke(app, ["check", "--bogus"]).exit_code == 2


def test_real_subprocess_never_prints_a_traceback(mini: Path) -> None:
    (mini / "work.yaml").write_bytes(b"\xff\xfe not yaml")
    (mini / "01-foundations/section.yaml").write_text("number: [", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for args in (["check", str(mini)], ["check", str(mini), "--format", "json"], ["check", "/nonexistent"]):
        proc = subprocess.run([sys.executable, "-m", "drafting", *args], capture_output=True, text=True, env=env,
                              cwd=REPO, timeout=60)
        assert "Traceback" not in proc.stderr + proc.stdout
        assert proc.returncode in (1, 2)
    proc = subprocess.run([sys.executable, "-m", "drafting", "check", str(mini)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=60)
    assert f"{mini}/work.yaml:1:1: error S102 not UTF-8 text (byte 0xff)" in proc.stdout
    assert f"{mini}/01-foundations/section.yaml:1:10: error F201 invalid YAML" in proc.stdout

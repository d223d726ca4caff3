"""The pre-commit hook and the publication workflow: they parse, and the commands they run exist and work."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from drafting.cli import COMMANDS
from drafting.source.load import load_valid
from drafting_repo import make_repo, run

REPO = Path(__file__).resolve().parent.parent


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return list(workflow()["jobs"]["publish"]["steps"])


def test_workflow_checks_builds_redlines_and_uploads() -> None:
    data = workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    assert {"push", "workflow_dispatch"} <= set(triggers)
    checkout = next(s for s in steps() if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    script = "\n".join(str(s.get("run", "")) for s in steps())
    assert 'drafting check "$SOURCE" --format github' in script
    assert 'drafting build "$SOURCE" --out "$OUT"' in script
    assert re.search(r"drafting redline \"\$\{\{ steps\.previous\.outputs\.name \}\}\" HEAD \"\$SOURCE\" --out", script)
    upload = next(s for s in steps() if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].startswith("${{ env.OUT }}")


def test_workflow_runs_only_commands_that_exist() -> None:
    used = set()
    for step in steps():
        for line in str(step.get("run", "")).splitlines():
            words = shlex.split(line, comments=True) if line.strip() else []
            if words[:1] == ["drafting"]:
                used.add(words[1])
    assert {"check", "build", "stats", "redline"} <= used
    assert used <= set(COMMANDS), used - set(COMMANDS)


def test_previous_version_step(tmp_path: Path) -> None:
    step = next(s for s in steps() if s.get("id") == "previous")
    snippet = str(step["run"]).split("<<'PY'\n", 1)[1].split("\nPY\n", 1)[0]
    source = make_repo(tmp_path)
    namespace: dict[str, Any] = {}
    code = snippet.replace("sys.argv[1]", repr(str(source))).replace("print(", "result = (")
    exec(compile(code, "publish.yml", "exec"), namespace)  # noqa: S102  (our own workflow's snippet)
    assert namespace["result"] == "first-draft"
    assert load_valid(source).meta.previous_version is not None


def test_pre_commit_hook(tmp_path: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "drafting-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "constitution/01-foundations/001-state.kk.md")
    assert re.search(hook["files"], "constitution/work.yaml")
    command = shlex.split(hook["entry"]) + list(hook.get("args", []))
    assert command[0] == "drafting"
    source = make_repo(tmp_path)  # pre-commit runs the hook at the repository's top: SOURCE defaults to constitution
    good = run(*command[1:], cwd=source.parent)
    assert good.returncode == 0 and good.stdout == ""
    broken = source / "01-foundations" / "002-foundations-2.en.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("number: 2", "number: 3"), encoding="utf-8")
    bad = run(*command[1:], cwd=source.parent)
    assert bad.returncode == 1
    assert "constitution/01-foundations/002-foundations-2.en.md:3:1: error A406" in bad.stdout

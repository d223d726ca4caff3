"""`drafting redline OLD NEW` with no SOURCE at a repository's root (drafting.yaml): every act compared, each
act's files under its own folder of --out (issue #11). A real subprocess in a temporary git repository holding
the two-act fixture (tests/fixtures/library: the constitution and the elections law).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from redline_edits import GIT_ENV, commit, git

LIBRARY = Path(__file__).parent / "fixtures" / "library"
FILES = ["comparative-table.pdf", "manifest.json", "redline.html", "redline.pdf", "summary.json"]


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", "redline", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV})


def test_every_act_of_the_repository_compared_each_under_its_own_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(LIBRARY, repo)
    git(repo, "init", "-q")
    commit(repo, "First", "2026-01-31T12:00:00+05:00", tag="v1")
    law = repo / "laws" / "elections" / "01-general" / "002-right-to-vote.en.md"
    law.write_text(law.read_text(encoding="utf-8").replace("The right to vote is", "The right to vote freely is"), encoding="utf-8")
    commit(repo, "Second", "2026-02-12T12:00:00+05:00", tag="v2")
    before = {p.relative_to(repo) for p in repo.rglob("*")}

    done = run(repo, "v1", "v2", "--out", "out", "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "out/elections/redline.pdf" in lines and "out/constitution/summary.json" in lines
    assert any(line.startswith("elections: v1 (") and "1 amended" in line for line in lines), lines
    assert any(line.startswith("constitution: v1 (") and "0 amended" in line for line in lines), lines
    assert sorted(p.name for p in (repo / "out").iterdir()) == ["constitution", "elections"]
    for short in ("constitution", "elections"):
        assert sorted(p.name for p in (repo / "out" / short).iterdir()) == FILES
    law_summary = json.loads((repo / "out" / "elections" / "summary.json").read_text(encoding="utf-8"))
    constitution = json.loads((repo / "out" / "constitution" / "summary.json").read_text(encoding="utf-8"))
    assert (law_summary["amended"], constitution["amended"]) == (1, 0)
    assert [a["id"] for a in law_summary["articles"] if a["amended"]] == ["right-to-vote"]

    failed = run(repo, "v1", "no-such-revision", "--out", "third")  # nothing written when one act cannot be read
    assert failed.returncode == 2 and "unknown revision 'no-such-revision'" in failed.stderr
    assert "Traceback" not in failed.stderr and not (repo / "third").exists()
    assert {p.relative_to(repo) for p in repo.rglob("*") if not str(p.relative_to(repo)).startswith(
        ("out", ".drafting-cache", ".git"))} == {p for p in before if not str(p).startswith(".git")}

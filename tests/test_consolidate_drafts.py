"""The two published drafts through the real commands: `amend first-draft final-draft`, then `consolidate first-draft`.

Both run as subprocesses on this repository's history (the drafts are commits 6e314c1 and fd1912b, named in
constitution/work.yaml). The consolidated tree must be the final draft file by file; its work.yaml is the first
draft's with the version the amending act made, and it passes `drafting check`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FINAL = "fd1912bffa06e253ea5b4bd3aafda8c61ccc9945"


def drafting(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "CI": "1", "PYTHONPATH": str(ROOT)})


def final_draft() -> dict[str, bytes]:
    listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", FINAL, "constitution"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    return {path.removeprefix("constitution/"): subprocess.run(["git", "show", f"{FINAL}:{path}"], cwd=ROOT,
                                                               capture_output=True, check=True).stdout
            for path in listing}


@pytest.mark.skipif(not (ROOT / "drafting" / "commands" / "amend.py").is_file(),
                    reason="drafting amend (the amend branch) is not merged yet")
@pytest.mark.skipif(subprocess.run(["git", "cat-file", "-e", FINAL], cwd=ROOT).returncode != 0,
                    reason="a clone without the drafts' history")
def test_the_final_draft_again_from_the_first_draft_and_the_amending_act(tmp_path: Path) -> None:
    act, out = tmp_path / "amendment", tmp_path / "consolidated"
    made = drafting("amend", "first-draft", "final-draft", "constitution", "--out", str(act))
    assert made.returncode == 0, made.stderr
    done = drafting("consolidate", "first-draft", str(act), "constitution", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    expected = final_draft()
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(written) == sorted(expected)
    assert [path for path in expected if path != "work.yaml" and written[path] != expected[path]] == []
    work = written["work.yaml"].decode()
    assert "event: amendment\n" in work and "modifications:\n" in work
    assert drafting("check", str(out)).returncode == 0

"""`drafting build --only akn`: artifacts, manifest, all or nothing, byte-identical across runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from akn_common import MINI, RICH, assert_valid
from typer.testing import CliRunner

from drafting.writers import artifacts as build_module
from drafting.writers.artifacts import Artifact, BuildContext, build, sha256
from drafting.cli import app
from drafting.diagnostics import DraftingError
from drafting.model import Work


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_only_akn_writes_every_language_and_the_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(RICH), "--out", str(out), "--only", "akn"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = {e["path"]: e for e in manifest["artifacts"]}
    assert sorted(entries) == ["akn/en.xml", "akn/kk.xml", "akn/ru.xml"]
    for path, entry in entries.items():
        assert entry["kind"] == "akn" and path == f"akn/{entry['language']}.xml"
        assert entry["sha256"] == sha256(out / path)
        assert_valid((out / path).read_bytes(), path)
    assert "commit" in manifest["source"] and "dirty" in manifest["source"]


def test_build_one_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(MINI, out, ["akn"], ["ru"])
    assert sorted(snapshot(out)) == ["akn/ru.xml", "manifest.json"]


def _failing_writer(work: Work, ctx: BuildContext) -> list[Artifact]:
    ctx.path("akn/kk.xml").write_bytes(b"half-written")
    raise DraftingError("the writer failed on purpose")


def test_a_failing_writer_leaves_dir_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build(MINI, out, ["akn"])
    before = snapshot(out)
    monkeypatch.setitem(build_module.WRITERS, "akn", f"{__name__}:_failing_writer")
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    with pytest.raises(DraftingError, match="on purpose"):
        build(RICH, out, ["akn"])
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.staging")]


def test_an_invalid_document_fails_the_build_and_keeps_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.akn import schema

    out = tmp_path / "out"
    build(MINI, out, ["akn"])
    before = snapshot(out)
    monkeypatch.setattr(schema, "validate", lambda data: [schema.SchemaError(7, "invented error")])
    result = CliRunner().invoke(app, ["build", str(RICH), "--out", str(out), "--only", "akn"])
    assert result.exit_code != 0
    assert "akn/kk.xml:7: invented error" in result.output
    assert snapshot(out) == before


def test_byte_identical_across_processes_in_a_git_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(RICH, repo / "law")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid", "SOURCE_DATE_EPOCH": "1770854400"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "sources"]):
        subprocess.run(command, cwd=repo, check=True, env=env)
    outputs = []
    for name in ("one", "two"):
        subprocess.run([sys.executable, "-m", "drafting", "build", "law", "--out", name, "--only", "akn", "-q"],
                       cwd=repo, check=True, env=env)
        outputs.append(snapshot(repo / name))
    assert outputs[0] == outputs[1]
    for path, data in outputs[0].items():
        if path.endswith(".xml"):
            assert_valid(data, path)
    manifest = json.loads(outputs[0]["manifest.json"])
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    assert manifest["source"] == {"commit": head, "dirty": False}

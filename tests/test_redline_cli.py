"""`drafting redline`: the files it writes, their contents, and exit codes for revisions it cannot read.

The full runs render the two PDFs of the mini fixture (a few pages each); the
error cases stop before any rendering.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafting.cli import app
from drafting.diagnostics import DraftingError
from drafting.writers.manifest import sha256
from drafting.writers.redline.summary import COUNT_KEYS
from redline_edits import two_versions

runner = CliRunner()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    return two_versions(tmp_path_factory.mktemp("cli"))


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["redline", *args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def pdf_text(path: Path, page: int) -> str:
    done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True)
    return done.stdout


def bookmarks(path: Path) -> list[str]:
    """Outline titles (WeasyPrint writes them in compressed object streams)."""
    data = path.read_bytes()
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return [t.decode("latin-1").replace("\\(", "(").replace("\\)", ")")
            for t in re.findall(rb"/Title \(((?:[^()\\]|\\.)*)\)", b"\n".join(chunks))]


def test_writes_the_redline_the_table_the_summary_and_a_manifest(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, first, second = history
    out = tmp_path / "out"
    code, output = run("v1", "v2", str(source), "--out", str(out), "--lang", "en")
    assert code == 0, output
    assert "22 -> 22 articles; 2 amended (9.1%), 1 inserted, 1 deleted, 1 moved, 12 renumbered" in output
    names = ["comparative-table.pdf", "redline.html", "redline.pdf", "summary.json"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "manifest.json"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in manifest["artifacts"]] == names
    assert all(e["sha256"] == sha256(out / e["path"]) and e["language"] == "en" for e in manifest["artifacts"])
    assert manifest["source"]["old"] == {"revision": "v1", "commit": first, "date": "2026-01-31"}
    assert manifest["source"]["new"]["commit"] == second
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert list(summary)[: len(COUNT_KEYS)] == list(COUNT_KEYS)
    assert set(summary["articles"][0]) == {"id", "old_id", "old_number", "new_number", "class", "status", "amended",
                                           "renumbered", "moved", "words_inserted", "words_deleted", "words_moved"}
    assert summary["old"]["title"] is None and summary["table"][0] == {
        "number": 1, "key": "foundations-2/1", "unit": "Article 2, paragraph 1", "change": "Amended.",
        "justified": False}
    assert "warning J701 no justifications for v1 -> v2: all 8 rows of the comparative table are flagged" in output

    first_page = pdf_text(out / "redline.pdf", 1)
    assert "Summary of changes" in first_page and "2 of 22 articles amended (9.1%)" in first_page
    assert "Changed articles" in pdf_text(out / "redline.pdf", 2)
    marks = bookmarks(out / "redline.pdf")
    assert "Article 6 (formerly 5) renumbered and amended" in marks and "Article 12 deleted" in marks
    assert not any(m.startswith("Article 1 ") or m == "Article 1" for m in marks)  # unchanged: no bookmark
    table = pdf_text(out / "comparative-table.pdf", 1)
    for heading in ("No.", "Structural unit", "Current wording", "Proposed wording", "Justification"):
        assert heading in table
    assert "primary" in table and "formerly Article 5" in " ".join(table.split())

    again = tmp_path / "again"
    assert run("v1", "v2", str(source), "--out", str(again), "--lang", "en")[0] == 0
    assert all((again / n).read_bytes() == (out / n).read_bytes() for n in names)  # same versions, same bytes


def test_a_failure_leaves_the_previous_redline_intact(history, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _, source, _, _ = history
    out = tmp_path / "out"
    out.mkdir()
    (out / "redline.html").write_text("previous", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise DraftingError("the PDF engine failed")

    monkeypatch.setattr("drafting.writers.redline.printing.redline_pdf", broken)
    code, output = run("v1", "v2", str(source), "--out", str(out), "-q")
    assert code == 2 and "the PDF engine failed" in output
    assert [p.name for p in out.iterdir()] == ["redline.html"]
    assert (out / "redline.html").read_text(encoding="utf-8") == "previous"
    assert not list(tmp_path.glob(".out.staging-*"))


@pytest.mark.parametrize("old, message", [
    ("no-such-tag", "error: unknown revision 'no-such-tag'"),
    ("empty", "has no folder 'constitution'"),
])
def test_revisions_it_cannot_read_exit_2(history, tmp_path: Path, old: str, message: str) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _ = history
    code, output = run(old, "v2", str(source), "--out", str(tmp_path / "out"))
    assert code == 2 and message in output
    assert "Traceback" not in output and not (tmp_path / "out").exists()


def test_a_shallow_clone_exits_2_and_says_how_to_fetch(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo, _, _, _ = history
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.resolve().as_uri(), str(clone)], check=True,
                   capture_output=True)
    code, output = run("HEAD~1", "HEAD", str(clone / "constitution"), "--out", str(tmp_path / "out"))
    assert code == 2 and "git fetch --unshallow" in output


def test_a_language_the_work_does_not_have(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _ = history
    code, output = run("v1", "v2", str(source), "--out", str(tmp_path / "out"), "--lang", "de")
    assert code == 2 and "has no language 'de'" in output


def test_sources_with_errors_exit_1_with_their_diagnostics(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _ = history
    path = source / "01-foundations" / "001-foundations-1.en.md"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("number: 1\n", "number: 1\nbogus: x\n"), encoding="utf-8")
    try:
        code, output = run("v1", "WORKTREE", str(source), "--out", str(tmp_path / "out"))
    finally:
        path.write_text(original, encoding="utf-8")
    assert code == 1 and "001-foundations-1.en.md" in output and "--allow-errors" in output


def test_the_installed_command_exits_2_without_a_traceback(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _ = history
    done = subprocess.run([sys.executable, "-m", "drafting", "redline", "v0", "v2", str(source), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: unknown revision 'v0'")

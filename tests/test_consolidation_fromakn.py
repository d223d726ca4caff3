"""Consolidation from an amending act's Akoma Ntoso (consolidation.fromakn): the same result as from its sources.

Random edits of small acts in temporary git repositories: ``amend`` writes the act between OLD and NEW, the
act is built to AKN in every language (validated against the strict schema), the AKN files are read back
and applied to OLD; the result must be NEW file by file, as it is from the act's sources. Then the errors a
user can make with AKN files: a language missing, a destination that is no unit of BASE, an act of another work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from akn_common import assert_valid
from consolidation_edits import Draft, drafts, edited
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.fromact import read_instructions, steps_of
from drafting.consolidation.fromakn import read_akn_act
from drafting.diagnostics import DraftingError
from drafting.model import Work
from drafting.source.load import load_tree
from drafting.source.tree import FileTree, MemoryTree
from drafting.writers.akn.document import ActWriter

prepare = pytest.importorskip("drafting.amending.act").prepare

ROOT = Path(__file__).resolve().parents[1]
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e"}


def commit(root: Path, files: dict[str, str], message: str) -> None:
    law = root / "law"
    shutil.rmtree(law, ignore_errors=True)
    for relative, text in files.items():
        path = law / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A", "."], cwd=root, check=True, env=GIT_ENV, capture_output=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=root, check=True, env=GIT_ENV, capture_output=True)


def load(files: dict[str, str], label: str = "") -> Work:
    loaded = load_tree(MemoryTree({path: text.encode() for path, text in files.items()}, label))
    assert loaded.work is not None and not loaded.diagnostics.has_errors(), \
        [d.format() for d in loaded.diagnostics.sorted()]
    return loaded.work


def write_akn(act: Work, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for lang in act.meta.codes:
        data = ActWriter(act, lang).to_bytes()
        assert_valid(data)
        (folder / f"{lang}.xml").write_bytes(data)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Draft, Draft]:
    old = draw(drafts())
    new, _ = draw(edited(old, valid=True, headings=True))
    return old, new


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_the_act_read_from_its_akn_gives_new_file_by_file(tmp_path_factory: object, pair: tuple[Draft, Draft]) -> None:
    old, new = pair
    assume(old.files() != new.files())
    root: Path = tmp_path_factory.mktemp("fromakn")  # type: ignore[attr-defined]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=GIT_ENV)
    commit(root, old.files(), "old")
    commit(root, new.files(), "new")
    written = prepare(root / "law", "HEAD~1", "HEAD", tables=False)
    act = load(written.files, "amendment")
    write_akn(act, root / "akn")
    files = old.files()
    base = load(files)
    read = read_akn_act(root / "akn" / "ru.xml", base, act.meta.amends.work if act.meta.amends else "")
    assert read.amends == act.meta.amends.uri if act.meta.amends else False
    located, diagnostics = read_instructions(read.text, base)
    assert [d.format() for d in diagnostics.sorted()] == []
    from_sources, _ = read_instructions(act, base)
    assert [entry.instruction for entry in located] == [entry.instruction for entry in from_sources]
    result = consolidate_files(files, base, steps_of(located))
    assert [d.format() for d in result.diagnostics.sorted()] == []
    assert result.files == new.files()


# -- the published drafts and the command ---------------------------------------------------------

FINAL = "fd1912bffa06e253ea5b4bd3aafda8c61ccc9945"
HISTORY = subprocess.run(["git", "cat-file", "-e", FINAL], cwd=ROOT, capture_output=True).returncode == 0


def drafting(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "CI": "1", "PYTHONPATH": str(ROOT)})


@pytest.fixture(scope="module")
def drafts_act(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not HISTORY:
        pytest.skip("a clone without the drafts' history")
    root = tmp_path_factory.mktemp("drafts")
    made = drafting("amend", "first-draft", "final-draft", "constitution", "--out", str(root / "act"),
                    "--no-tables")
    assert made.returncode == 0, made.stderr
    built = drafting("build", str(root / "act"), "--out", str(root / "build"), "--only", "akn")
    assert built.returncode == 0, built.stdout + built.stderr
    return root


def final_draft() -> dict[str, bytes]:
    listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", FINAL, "constitution"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    return {path.removeprefix("constitution/"): subprocess.run(["git", "show", f"{FINAL}:{path}"], cwd=ROOT,
                                                               capture_output=True, check=True).stdout
            for path in listing}


def test_the_final_draft_again_from_the_amending_acts_akn(drafts_act: Path, tmp_path: Path) -> None:
    akn = drafts_act / "build" / "akn"
    for lang in ("kk", "ru", "en"):
        assert_valid((akn / f"{lang}.xml").read_bytes())
    out = tmp_path / "consolidated"
    done = drafting("consolidate", "first-draft", str(akn / "kk.xml"), "constitution", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    expected = final_draft()
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(written) == sorted(expected)
    assert [path for path in expected if path != "work.yaml" and written[path] != expected[path]] == []
    from_sources = tmp_path / "from-sources"
    assert drafting("consolidate", "first-draft", str(drafts_act / "act"), "constitution",
                    "--out", str(from_sources)).returncode == 0
    assert (from_sources / "work.yaml").read_bytes() == written["work.yaml"]


def test_a_language_missing_beside_the_file_is_exit_2(drafts_act: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(drafts_act / "build" / "akn" / "ru.xml", alone / "ru.xml")
    out = tmp_path / "out"
    done = drafting("consolidate", "first-draft", str(alone / "ru.xml"), "constitution", "--out", str(out))
    assert done.returncode == 2
    assert "has no expression in kk, en beside it" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_destination_that_is_no_unit_of_base_is_reported_at_its_line(drafts_act: Path, tmp_path: Path) -> None:
    broken = tmp_path / "akn"
    shutil.copytree(drafts_act / "build" / "akn", broken)
    text = (broken / "ru.xml").read_text(encoding="utf-8")
    first = text.index("#art_1__para_3__point_5\">")
    line = text.count("\n", 0, first) + 1
    (broken / "ru.xml").write_text(text[:first] + "#art_1__para_3__point_55\">" + text[first + 24:], encoding="utf-8")
    out = tmp_path / "out"
    done = drafting("consolidate", "first-draft", str(broken / "ru.xml"), "constitution", "--out", str(out))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{broken / 'ru.xml'}:{line}:" in done.stdout + done.stderr
    assert "C801" in done.stdout + done.stderr and "art_1__para_3__point_55" in done.stdout + done.stderr
    assert not out.exists()


def test_an_act_of_another_work_is_exit_2(drafts_act: Path, tmp_path: Path) -> None:
    other = tmp_path / "akn"
    shutil.copytree(drafts_act / "build" / "akn", other)
    for path in other.glob("*.xml"):
        path.write_text(path.read_text(encoding="utf-8").replace("/2026-03-15/constitution", "/2026-03-15/other"),
                        encoding="utf-8")
    done = drafting("consolidate", "first-draft", str(other), "constitution", "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "amends /akn/kz/act/constitution/2026-03-15/other" in done.stderr and "Traceback" not in done.stderr


def test_read_akn_act_refuses_a_folder_without_akn(tmp_path: Path) -> None:
    loaded = load_tree(FileTree(ROOT / "constitution"))
    assert loaded.work is not None
    base = loaded.work
    with pytest.raises(DraftingError, match="no Akoma Ntoso file"):
        read_akn_act(tmp_path, base, "constitution")

"""`drafting check` of a repository: acts checked in worker processes and kept between runs; an unchanged act is
not read again, an act whose target changed is checked again against it, and every answer is the one a check
from scratch gives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafting import signedcache
from drafting.source import librarycheck
from drafting.source.librarycheck import cache_path, check_library

LIBRARY = Path(__file__).parent / "fixtures" / "library"
LAW = "laws/elections/01-general"


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(librarycheck, "RACY_SECONDS", -3600.0)  # the copied files count as old ones
    where = tmp_path / "library"
    shutil.copytree(LIBRARY, where)
    (where / ".git").mkdir()
    return where


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def findings(root: Path, **options: object) -> list[str]:
    return [d.format() for d in check_library(root, **options).diagnostics.sorted()]  # type: ignore[arg-type]


def test_an_unchanged_act_is_not_read_again(root: Path) -> None:
    first = check_library(root)
    assert first.rechecked == ["constitution", "elections"] and not first.diagnostics.items
    assert check_library(root).rechecked == []
    edit(root / f"{LAW}/002-right-to-vote.ru.md", "(constitution:art:rights-1/2)", "(constitution:art:rights-1/9)")
    again = check_library(root)
    assert again.rechecked == ["elections"]
    assert [d.format() for d in again.diagnostics.sorted()] == findings(root, cache=False)
    assert any("R502 reference to paragraph 9 of article 3 of 'constitution'" in line for line in findings(root))


def test_an_act_is_checked_again_against_a_changed_target(root: Path) -> None:
    check_library(root)
    for lang in ("kk", "ru", "en"):
        edit(root / f"constitution/01-foundations/001-foundations-1.{lang}.md", "number: 1\n", "number: 5\n")
    again = check_library(root)
    assert again.rechecked == ["constitution"]  # the law's files are the same: its references are checked again
    lines = [d.format() for d in again.diagnostics.sorted()]
    assert lines == findings(root, cache=False)
    assert any(line.startswith(f"{root}/{LAW}/001-purpose.ru.md:6:") and "R504 reference text 'статьей 1 "
               "Конституции' does not name article 5 of 'constitution'" in line for line in lines), lines


def test_an_edit_that_keeps_size_and_time_is_seen(root: Path) -> None:
    check_library(root)
    path = root / f"{LAW}/001-purpose.en.md"
    before = path.stat()
    edit(path, "This Law governs", "This Law directs")  # the same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert check_library(root).rechecked == ["elections"]  # its change time and its content hash tell


def test_files_changed_just_before_a_run_are_not_trusted(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(librarycheck, "RACY_SECONDS", 3600.0)  # every file is "just changed"
    check_library(root)
    assert check_library(root).rechecked == ["constitution", "elections"]


def test_parallel_and_serial_checks_agree(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(root / f"{LAW}/001-purpose.kk.md", "(constitution:art:foundations-1)", "(constitution:art:nowhere)")
    edit(root / "constitution/02-rights/003-rights-1.ru.md", "number: 3", "number: 4")
    serial = findings(root, cache=False, jobs=1)
    from drafting.writers.pdf import workers

    used: list[int] = []
    original = workers.run_parallel

    def spy(*args: object) -> object:
        used.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "run_parallel", spy)
    monkeypatch.setattr(librarycheck, "MIN_PARALLEL_FILES", 0)
    assert findings(root, cache=False, jobs=2) == serial and used == [1]
    assert any("R501 reference to unknown article id 'nowhere'" in line for line in serial)


@pytest.mark.parametrize("damage", ["garbage", "foreign", "empty"])
def test_a_damaged_or_foreign_cache_file_is_rebuilt(root: Path, damage: str) -> None:
    expected = findings(root, cache=False)
    check_library(root)
    path = cache_path(root)
    assert path.is_file()
    if damage == "garbage":
        path.write_bytes(os.urandom(200))
    elif damage == "foreign":
        signedcache.dump(path, {"acts": "from another toolkit"})
    else:
        path.write_bytes(b"")
    again = check_library(root)
    assert again.rechecked == ["constitution", "elections"]
    assert [d.format() for d in again.diagnostics.sorted()] == expected
    assert isinstance(signedcache.load(path), librarycheck._Kept)


def test_check_at_the_root_twice_prints_the_same(root: Path) -> None:
    edit(root / f"{LAW}/001-purpose.ru.md", "[статьей 1 Конституции]", "[статьей 2 Конституции]")
    env = {**os.environ}
    runs = [subprocess.run([sys.executable, "-m", "drafting", "check", "-v"], cwd=root, capture_output=True,
                           text=True, env=env) for _ in range(2)]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and "R504" in runs[0].stdout
    assert "elections: laws/elections (2 articles, checked)" in runs[0].stderr


def test_renumbering_an_act_rewrites_the_references_to_it_in_the_other_acts(root: Path) -> None:
    for lang in ("kk", "ru", "en"):
        (root / f"constitution/01-foundations/002-foundations-2.{lang}.md").unlink()  # article 3 becomes 2
    done = subprocess.run([sys.executable, "-m", "drafting", "renumber", "constitution", "-v"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    law = root / f"{LAW}"
    assert "[Article 2(2) of the Constitution](constitution:art:rights-1/2)" in \
        (law / "002-right-to-vote.en.md").read_text(encoding="utf-8")
    assert "[Конституцияның 2-бабының 2-тармағында](constitution:art:rights-1/2)" in \
        (law / "002-right-to-vote.kk.md").read_text(encoding="utf-8")
    assert "[пунктом 2 статьи 2 Конституции](constitution:art:rights-1/2)" in \
        (law / "002-right-to-vote.ru.md").read_text(encoding="utf-8")
    assert "[статьей 1 Конституции](constitution:art:foundations-1)" in \
        (law / "001-purpose.ru.md").read_text(encoding="utf-8")  # article 1 stays 1
    assert "laws/elections/01-general/002-right-to-vote.ru.md" in done.stdout  # listed among the edits
    lines = findings(root, cache=False)
    assert not [line for line in lines if "R504" in line or "R502" in line], lines


def test_renumbering_across_acts_is_all_or_nothing(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.source import transaction
    from drafting.source.transaction import ChangeFailed
    from drafting.tools.renumbering import renumber

    for lang in ("kk", "ru", "en"):
        (root / f"constitution/01-foundations/002-foundations-2.{lang}.md").unlink()
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    original = transaction.os.replace

    def failing(source: str, target: object) -> None:
        if "right-to-vote.ru" in str(target):
            raise PermissionError(13, "Permission denied", str(target))
        original(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(transaction.os, "replace", failing)
    with pytest.raises(ChangeFailed):
        renumber(root / "constitution")
    monkeypatch.setattr(transaction.os, "replace", original)
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before
    assert not list(root.rglob("*.tmp"))


def test_acts_that_refer_to_each_other_in_a_cycle(root: Path) -> None:
    """The constitution refers to the law that refers to it: each reference is checked once, renumbering follows
    it both ways, and nothing loops."""
    for lang, text in (("en", "[Article 2 of the Elections Law](elections:art:right-to-vote)"),
                       ("ru", "[статья 2 Закона о выборах](elections:art:right-to-vote)"),
                       ("kk", "[Сайлау туралы заңның 2-бабы](elections:art:right-to-vote)")):
        path = root / f"constitution/01-foundations/001-foundations-1.{lang}.md"
        body = path.read_text(encoding="utf-8").splitlines()
        body[4] = body[4].rstrip(".") + f", see {text}."
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
    assert findings(root) == [] == findings(root, cache=False)
    for lang in ("kk", "ru", "en"):  # the law's article 2 is to become 1
        (root / f"{LAW}/001-purpose.{lang}.md").unlink()
    gap = findings(root)
    assert gap == findings(root, cache=False) and any("N303" in line for line in gap), gap
    done = subprocess.run([sys.executable, "-m", "drafting", "renumber", "laws/elections"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[Article 1 of the Elections Law](elections:art:right-to-vote)" in \
        (root / "constitution/01-foundations/001-foundations-1.en.md").read_text(encoding="utf-8")
    after = findings(root)
    assert after == findings(root, cache=False) and not [line for line in after if "R504" in line], after


def test_loops_and_strays_in_the_repository(root: Path) -> None:
    """A symbolic link looping back to the root under a find: folder, a listed folder that is the root itself,
    an act whose work.yaml does not read: each a finding (or nothing to find), and the other acts checked."""
    (root / "laws" / "loop").symlink_to(root, target_is_directory=True)
    (root / "drafting.yaml").write_text("find:\n  - .\n  - laws/loop\nworks:\n  - .\n", encoding="utf-8")
    broken = root / "laws" / "broken"
    broken.mkdir()
    (broken / "work.yaml").write_text("country: [kz\n", encoding="utf-8")
    found = check_library(root)
    lines = [d.format() for d in found.diagnostics.sorted()]
    assert list(found.acts) == ["constitution", "broken", "elections"]
    assert f"{root}/drafting.yaml:5:1: error S108 no work.yaml in '.': every work folder has one" in lines
    assert any(line.startswith(f"{root}/laws/broken/work.yaml:2:1: error F201 invalid YAML") for line in lines), lines
    assert not [line for line in lines if "constitution/" in line or "elections/" in line], lines
    assert [d.format() for d in check_library(root).diagnostics.sorted()] == lines

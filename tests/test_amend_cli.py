"""`drafting amend`: the amending act it writes for known edits of every kind and for the two published drafts
(golden files, reviewed), that `check` passes it and `build` makes valid AKN of it, and bad input (exit 2, nothing
written)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from akn_common import check_golden
from drafting.akn.schema import strict_schema
from drafting.cli import app
from redline_edits import LANGS, article_path, commit, git, two_versions

GOLDEN = Path(__file__).parent / "golden" / "amend"
PROJECT = Path(__file__).parent.parent
DRAFTS = {"first-draft": "6e314c1866a260016de5c5a00a5c479c7515e3c2",
          "final-draft": "fd1912bffa06e253ea5b4bd3aafda8c61ccc9945"}
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
runner = CliRunner()


def amend(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, ["amend", *map(str, args)])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _replace(source: Path, section: str, stem: str, pairs: dict[str, tuple[str, str]]) -> None:
    for lang, (before, after) in pairs.items():
        path = article_path(source, section, stem, lang)
        text = path.read_text(encoding="utf-8")
        assert before in text, (path, before)
        path.write_text(text.replace(before, after, 1), encoding="utf-8")


def hand_edits(source: Path) -> None:
    """Edits of every kind, in every language: words replaced, added and deleted, a paragraph and a point
    inserted, a point repealed, a paragraph restated."""
    _replace(source, "01-foundations", "001-foundations-1", {
        "ru": ("первая мера;", "основная мера;"), "kk": ("бірінші шара;", "негізгі шара;"),
        "en": ("the first measure;", "the main measure;")})
    _replace(source, "02-rights", "004-rights-2", {
        "ru": ("обеспечивает следующие", "обеспечивает и гарантирует следующие"),
        "kk": ("шараларды қамтамасыз", "шараларды толық қамтамасыз"),
        "en": ("ensures the following", "ensures and guarantees the following")})
    _replace(source, "04-kurultai", "008-kurultai-2", {
        "ru": ("   2) вторая мера.", "   2) вторая мера;\n   3) третья мера."),
        "kk": ("   2) екінші шара.", "   2) екінші шара;\n   3) үшінші шара."),
        "en": ("   2) the second measure.", "   2) the second measure;\n   3) the third measure.")})
    _replace(source, "05-government", "010-government-2", {
        "ru": ("\n   2) вторая мера.", ""), "kk": ("\n   2) екінші шара.", ""), "en": ("\n   2) the second measure.", "")})
    for lang, text in {"ru": "3. Закон устанавливает порядок.", "kk": "3. Тәртібін заң белгілейді.",
                       "en": "3. The law lays down the procedure."}.items():
        path = article_path(source, "08-justice", "016-justice-2", lang)
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text + "\n", encoding="utf-8")
    for lang, text in {"ru": "1. Полностью новый текст первого пункта.", "kk": "1. Бірінші тармақтың мүлде жаңа мәтіні.",
                       "en": "1. An entirely new text of the first paragraph."}.items():
        path = article_path(source, "07-court", "014-court-2", lang)
        path.write_text(re.sub(r"\n1\. [^\n]*", "\n" + text, path.read_text(encoding="utf-8"), count=1),
                        encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str, str]:
    repo, source, first, second = two_versions(tmp_path_factory.mktemp("amend"))
    hand_edits(source)
    third = commit(repo, "Hand edits", "2026-02-20T12:00:00+05:00", tag="v3")
    return repo, source, first, second, third


@pytest.fixture(scope="module")
def acts(history, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    _, source, _, _, _ = history
    out = tmp_path_factory.mktemp("acts")
    found = {}
    for name, (old, new) in {"known": ("v1", "v2"), "hand": ("v2", "v3")}.items():
        code, output = amend(old, new, source, "--out", out / name, "--no-tables")
        assert code == 0, output
        found[name] = out / name
    return found


@pytest.mark.parametrize("name", ["known", "hand"])
def test_the_amending_act_is_the_reviewed_one(acts, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = acts[name]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["work.yaml", *(f"001-amendments.{lang}.md" for lang in LANGS),
         *(f"002-entry-into-force.{lang}.md" for lang in LANGS)])
    for path in sorted(folder.iterdir()):
        check_golden(GOLDEN / name / path.name, path.read_bytes())


def test_hand_edits_give_every_kind_of_instruction(acts) -> None:  # type: ignore[no-untyped-def]
    text = (acts["hand"] / "001-amendments.ru.md").read_text(encoding="utf-8")
    for formula in ("слово «первая» заменить словом «основная»", "после слова «обеспечивает» дополнить словами «и гарантирует»",
                    "дополнить подпунктом 3) следующего содержания:", "исключить", "дополнить пунктом 3 следующего содержания:",
                    "изложить в следующей редакции:"):
        assert formula in text, formula


def test_check_passes_and_build_writes_valid_akn_with_its_modifications(acts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, folder in acts.items():
        done = subprocess.run([sys.executable, "-m", "drafting", "check", str(folder)], capture_output=True, text=True)
        assert done.returncode == 0 and "0 errors, 0 warnings" in done.stdout, done.stdout + done.stderr
        out = tmp_path / name
        result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--only", "akn,html"])
        assert result.exit_code == 0, result.output
        schema = strict_schema()
        for lang in LANGS:
            document = etree.parse(str(out / "akn" / f"{lang}.xml"))
            assert schema.validate(document), schema.error_log
            mods = document.xpath("//a:body//a:mod", namespaces=NS)
            textual = document.xpath("//a:activeModifications/a:textualMod", namespaces=NS)
            # one textualMod per mod, in order; a range of renumbered articles has one per article
            sources = [change.find("a:source", NS).get("href") for change in textual]
            assert mods and list(dict.fromkeys(sources)) == [f"#{mod.get('eId')}" for mod in mods]
            for change in textual:
                assert change.find("a:destination", NS).get("href").startswith("/akn/kz/act/constitution/")
            for source in {s for s in sources if sources.count(s) > 1}:
                ranged = [c for c in textual if c.find("a:source", NS).get("href") == source]
                assert {c.get("type") for c in ranged} == {"renumbering"}
                numbers = [int(c.find("a:destination", NS).get("href").rpartition("#art_")[2]) for c in ranged]
                assert numbers == list(range(numbers[0], numbers[0] + len(numbers))) and len(numbers) >= 3
            types = {t.get("type") for t in textual}
            assert {"substitution", "insertion", "repeal"} <= types, types
            if name == "hand":
                assert document.xpath("//a:mod//a:quotedStructure", namespaces=NS)
                assert document.xpath("//a:textualMod[a:old and a:new]", namespaces=NS)


def test_the_comparative_tables_in_every_language(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _, _ = history
    code, output = amend("v2", "v3", source, "--out", tmp_path / "act")
    assert code == 0, output
    tables = sorted(p.name for p in (tmp_path / "act-table").iterdir())
    assert tables == [f"comparative-table.{lang}.pdf" for lang in sorted(LANGS)]
    text = subprocess.run(["pdftotext", str(tmp_path / "act-table" / "comparative-table.ru.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "основная" in text and "первая" in text


@pytest.mark.parametrize("old,message", [
    ("no-such-tag", "unknown revision 'no-such-tag'"),
])
def test_unknown_revisions_exit_2_and_write_nothing(history, tmp_path: Path, old: str, message: str) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _, _ = history
    code, output = amend(old, "v3", source, "--out", tmp_path / "act")
    assert code == 2 and message in output, output
    assert not (tmp_path / "act").exists() and not (tmp_path / "act-table").exists()


def test_out_a_file_or_a_foreign_folder_exit_2(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _, _ = history
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, output = amend("v2", "v3", source, "--out", tmp_path / "file")
    assert code == 2 and "is a file, not a folder" in output, output
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    code, output = amend("v2", "v3", source, "--out", tmp_path / "other", "--no-tables")
    assert code == 2 and "holds other files" in output, output
    assert [p.name for p in (tmp_path / "other").iterdir()] == ["notes.txt"]


def test_a_version_with_errors_or_of_another_work_exits_2(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo, source, _, _, _ = history
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    copy = clone / "constitution"
    broken = article_path(copy, "01-foundations", "001-foundations-1", "ru")
    broken.write_text(broken.read_text(encoding="utf-8").replace("number: 1", "number: 7"), encoding="utf-8")
    code, output = amend("v3", "WORKTREE", copy, "--out", tmp_path / "act", "--no-tables")
    assert code == 2 and "the sources have errors" in output, output
    broken.write_text(broken.read_text(encoding="utf-8").replace("number: 7", "number: 1"), encoding="utf-8")
    work = copy / "work.yaml"
    work.write_text(work.read_text(encoding="utf-8").replace("number: constitution", "number: other"), encoding="utf-8")
    code, output = amend("v3", "WORKTREE", copy, "--out", tmp_path / "act", "--no-tables")
    assert code == 2 and "an amending act changes one work" in output, output
    assert not (tmp_path / "act").exists()


def test_a_rerun_replaces_the_earlier_act(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _, _ = history
    assert amend("v1", "v2", source, "--out", tmp_path / "act", "--no-tables")[0] == 0
    assert amend("v2", "v3", source, "--out", tmp_path / "act", "--no-tables")[0] == 0
    assert "основная" in (tmp_path / "act" / "001-amendments.ru.md").read_text(encoding="utf-8")


def _drafts_repo(tmp: Path) -> Path:
    """The two published drafts of constitution/ from this project's history, committed into a new repository."""
    repo = tmp / "drafts"
    repo.mkdir()
    git(repo, "init", "-q")
    for name, sha in DRAFTS.items():
        archive = subprocess.run(["git", "-C", str(PROJECT), "archive", sha, "constitution"], capture_output=True)
        if archive.returncode != 0:
            pytest.skip(f"the published draft {name} ({sha[:7]}) is not in this clone's history")
        shutil.rmtree(repo / "constitution", ignore_errors=True)
        subprocess.run(["tar", "-x", "-C", str(repo)], input=archive.stdout, check=True)
        shutil.rmtree(repo / "constitution" / "laws", ignore_errors=True)
        commit(repo, name, "2026-01-31T12:00:00+05:00", tag=f"published-{name}")
    return repo / "constitution"


def test_the_published_drafts(tmp_path: Path) -> None:
    source = _drafts_repo(tmp_path)
    code, output = amend("published-first-draft", "published-final-draft", source, "--out", tmp_path / "act",
                         "--no-tables")
    assert code == 0, output
    for lang in LANGS:
        check_golden(GOLDEN / "drafts" / f"001-amendments.{lang}.md",
                     (tmp_path / "act" / f"001-amendments.{lang}.md").read_bytes())
    check_golden(GOLDEN / "drafts" / "work.yaml", (tmp_path / "act" / "work.yaml").read_bytes())


def test_a_change_no_instruction_can_say_exits_2(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo, _, _, _, _ = history
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    section = clone / "constitution" / "01-foundations" / "section.yaml"
    # more than the heading (a heading alone is a retitle: tests/test_amend_headings.py): a new intro text
    for lang, words in (("kk", "Бөлімнің кіріспесі."), ("ru", "Вводные слова раздела."), ("en", "The intro.")):
        (section.parent / f"intro.{lang}.md").write_text(words + "\n", encoding="utf-8")
    section.write_text("# the section's first line\n" + section.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = amend("v3", "WORKTREE", clone / "constitution", "--out", tmp_path / "act", "--no-tables")
    assert code == 2 and "cannot say yet what changed in 01-foundations/intro.en.md, 01-foundations/intro.kk.md, " \
        "01-foundations/intro.ru.md, 01-foundations/section.yaml" in output, output
    assert not (tmp_path / "act").exists()

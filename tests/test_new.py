"""`drafting new article|section` in temporary git repositories."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from drafting.source.load import load
from drafting.tools.scaffold import new_article
from drafting_repo import append_lines, cli, commit, git, make_repo, run

KURULTAI_REF = {"en": "See [Article 8](art:kurultai-2).", "ru": "См. [статью 8](art:kurultai-2).",
                "kk": "[8-бапты](art:kurultai-2) қараңыз."}


def codes(source: Path) -> list[str]:
    return [d.code for d in load(source).diagnostics.sorted()]


def test_new_article_in_every_language_then_renumbered(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    append_lines(source / "01-foundations", "001-foundations-1", {k: f"3. {v}" for k, v in KURULTAI_REF.items()})
    commit(source.parent, "a reference to article 8")

    result = run("new", "article", source, "--section", "IV", "--after", "7", "--id", "new-powers")
    assert result.returncode == 0, result.stderr
    assert "new article 8 'new-powers'" in result.stdout
    folder = source / "04-kurultai"
    for lang in ("kk", "ru", "en"):
        assert (folder / f"008-new-powers.{lang}.md").read_text(encoding="utf-8") == \
            "---\nid: new-powers\nnumber: 8\n---\nTODO\n"
        assert (folder / f"009-kurultai-2.{lang}.md").is_file()
    assert "[9-бапты](art:kurultai-2)" in (source / "01-foundations" / "001-foundations-1.kk.md").read_text(
        encoding="utf-8")
    assert codes(source) == ["M602"] * 3  # the TODO text, in each language: a warning
    assert cli("check", source).exit_code == 0
    strict = cli("check", source, "--strict")
    assert strict.exit_code == 1 and "unfinished text (TODO)" in strict.stdout


def test_generated_ids_are_fresh_and_valid(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    first = new_article(source, "XI")
    second = new_article(source, "XI")
    assert first.id != second.id
    assert re.fullmatch(r"article-[0-9a-f]{6}", first.id)
    assert (first.number, second.number) == ("23", "24")
    assert second.paths[0] == source / "11-final" / f"024-{second.id}.kk.md"
    assert codes(source) == ["M602"] * 6


def test_first_article_of_a_section_and_the_last_of_all(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("new", "article", source, "--section", "III", "--after", "4", "--id", "opening").exit_code == 0
    assert (source / "03-president" / "005-opening.ru.md").is_file()
    assert (source / "03-president" / "006-president-1.ru.md").is_file()
    result = cli("new", "article", source, "--after", "23", "--slug", "closing")
    assert result.exit_code == 0, result.output
    assert (source / "11-final" / "024-closing.en.md").read_text(encoding="utf-8").startswith(
        "---\nid: closing\nnumber: 24\n")


def test_mistakes_are_messages_not_tracebacks(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    for args, message in (
        (["--section", "XV"], "no section 'XV'"),
        (["--section", "IV", "--after", "3"], "article 3 is not in section IV"),
        (["--after", "99"], "no article 99"),
        (["--section", "IV", "--id", "kurultai-1"], "the id 'kurultai-1' is already used"),
        (["--section", "IV", "--id", "Bad_Id"], "--id 'Bad_Id'"),
        ([], "say where the article goes"),
    ):
        result = cli("new", "article", source, *args)
        assert result.exit_code == 1, args
        assert message in result.output, (args, result.output)
    assert git(source.parent, "status", "--porcelain") == ""


def test_new_section_shifts_the_folders_after_it(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    shutil.rmtree(source / "10-amendment")  # ten sections left, articles 19 and 20 gone
    commit(source.parent, "section X removed")
    result = cli("new", "section", source, "--after", "II", "--slug", "economy")
    assert result.exit_code == 0, result.output
    assert (source / "03-economy" / "section.yaml").read_text(encoding="utf-8") == \
        "number: III\ntitle:\n  kk: TODO\n  ru: TODO\n  en: TODO\n"
    assert (source / "04-president" / "section.yaml").read_text(encoding="utf-8").startswith("number: IV\n")
    assert (source / "11-final" / "section.yaml").read_text(encoding="utf-8").startswith("number: XI\n")
    assert (source / "11-final" / "019-final-1.kk.md").is_file()  # renumbered: 21 -> 19
    assert codes(source) == ["M602"] * 3  # one TODO title per language

"""`drafting stats`: figures per section and language, completeness, changes since a revision."""

from __future__ import annotations

import json
from pathlib import Path

from drafting.source.load import load_valid
from drafting.tools.statistics import collect, words
from drafting_repo import append_lines, cli, commit, git, make_repo, run


def test_figures_per_section_and_language(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    result = cli("stats", source)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["section", "title", "articles", "kk", "articles", "ru", "articles", "en",
                                "words", "kk", "words", "ru", "words", "en"]
    assert lines[2].split()[:5] == ["I", "Негіздер", "2", "2", "2"]
    assert "kk: 22/22 articles written (100%)" in result.stdout
    work = load_valid(source)
    first = work.expression("en").articles()[0]
    assert words(first) == len("This is Article 1 on foundations The State ensures the following measures "
                               "the first measure the second measure".split())
    figures = collect(work)
    assert sum(s.words["en"] for s in figures.sections) == next(f for f in figures.languages if f.lang == "en").words


def test_completeness_counts_todo_and_missing_translations(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("new", "article", source, "--section", "XI", "--id", "draft-article").exit_code == 0
    (source / "11-final" / "023-draft-article.kk.md").write_text(
        "---\nid: draft-article\nnumber: 23\n---\nМәтін.\n", encoding="utf-8")
    (source / "11-final" / "022-final-2.en.md").unlink()
    result = cli("stats", source, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    by_lang = {f["lang"]: f for f in data["languages"]}
    assert by_lang["kk"]["unfinished"] == [] and by_lang["kk"]["complete"] == 1.0
    assert by_lang["ru"]["unfinished"] == ["draft-article"]
    assert by_lang["en"]["missing"] == ["final-2"] and by_lang["en"]["complete"] == round(21 / 23, 4)


def test_changes_since_a_revision_by_stable_id(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    repo = source.parent
    git(repo, "tag", "first-draft")
    path = source / "03-president" / "006-president-2.ru.md"
    path.write_text(path.read_text(encoding="utf-8").replace("вторая мера", "иная мера"), encoding="utf-8")
    assert cli("new", "article", source, "--section", "II", "--after", "3", "--id", "inserted").exit_code == 0
    for lang in ("kk", "ru", "en"):
        (source / "11-final" / f"023-final-2.{lang}.md").unlink()
    commit(repo, "second draft")
    result = run("stats", source, "--since", "first-draft", "--verbose", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "since first-draft: 1 changed, 1 added, 1 removed, 18 renumbered, 0 moved" in out
    assert "  added      4 inserted" in out
    assert "  removed    22 final-2" in out
    assert "  changed    7 president-2 (ru)" in out
    assert "  changed    4 inserted" not in out
    assert "  renumbered 4 -> 5 rights-2" in out


def test_unknown_revision_and_no_repository(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    result = cli("stats", source, "--since", "no-such-tag")
    assert result.exit_code == 2 and "unknown revision 'no-such-tag'" in result.output
    assert cli("stats", tmp_path / "missing").exit_code == 2


def test_since_a_named_version_that_records_its_commit(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    repo = source.parent
    first = git(repo, "rev-parse", "HEAD").strip()
    work = source / "work.yaml"
    work.write_text(work.read_text(encoding="utf-8").replace(
        "{name: first-draft, date: 2026-01-31}", f"{{name: first-draft, date: 2026-01-31, commit: {first}}}"),
        encoding="utf-8")
    path = source / "01-foundations" / "001-foundations-1.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("first measure", "primary measure"), encoding="utf-8")
    result = cli("stats", source, "--since", "first-draft")
    assert result.exit_code == 0, result.output
    assert "since first-draft: 1 changed, 0 added" in result.stdout
    assert "  changed    1 foundations-1 (en)" in result.stdout


def test_shallow_clone_says_how_to_get_the_history(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    commit(source.parent, "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source.parent}", str(clone))
    result = cli("stats", clone / "constitution", "--since", "HEAD~1")
    assert result.exit_code == 2
    assert "shallow clone" in result.output and "git fetch --unshallow" in result.output


def test_a_reference_renumbered_with_its_target_is_no_change(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    append_lines(source / "01-foundations", "001-foundations-1", {"ru": "3. См. [статью 9](art:government-1).",
                                                                  "kk": "3. [9-бапты](art:government-1) қараңыз.",
                                                                  "en": "3. See [Article 9](art:government-1)."})
    path = source / "01-foundations" / "001-foundations-1.ru.md"
    commit(source.parent, "a reference")
    git(source.parent, "tag", "before")
    assert cli("new", "article", source, "--section", "II", "--id", "inserted").exit_code == 0
    assert "[статью 10](art:government-1)" in path.read_text(encoding="utf-8")
    result = cli("stats", source, "--since", "before")
    assert "since before: 0 changed, 1 added, 0 removed" in result.stdout

"""`drafting renumber` in temporary git repositories: numbers, names and references in all three languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.source.load import load
from drafting.tools.renumbering import plan_renumber, renumber, sequence_targets
from drafting.source.reftext import number_edits
from drafting_repo import append_lines, cli, commit, git, make_repo, run, write_article

REFS = {  # a third paragraph for article 4 (rights-2), naming articles 9 and 14 (paragraph 2)
    "en": "3. Under [Article 9](art:government-1) and [paragraph 2 of Article 14](art:court-2/2).",
    "ru": "3. Согласно [статье 9](art:government-1) и [пункту 2 статьи 14](art:court-2/2).",
    "kk": "3. [9-бапқа](art:government-1) және [14-баптың 2-тармағына](art:court-2/2) сәйкес.",
}
INSERTED = {
    "en": "Unlike [Article 4](art:rights-2), this article was inserted.",
    "ru": "В отличие от [статьи 4](art:rights-2), эта статья вставлена.",
    "kk": "[4-баптан](art:rights-2) өзгеше, бұл бап енгізілді.",
}


def with_references(tmp_path: Path) -> Path:
    source = make_repo(tmp_path)
    append_lines(source / "02-rights", "004-rights-2", REFS)
    assert load(source).ok
    commit(source.parent, "references in all three languages")
    return source


def changed_lines(repo: Path) -> dict[str, list[tuple[str, str]]]:
    """new path -> [(old line, new line)] for every line that differs, after `git add -A`."""
    git(repo, "add", "-A")
    out: dict[str, list[tuple[str, str]]] = {}
    for row in git(repo, "diff", "--cached", "-M30%", "--name-status").splitlines():
        status, *paths = row.split("\t")
        if status.startswith("A"):
            continue
        old_text = git(repo, "show", f"HEAD:{paths[0]}")
        new_text = (repo / paths[-1]).read_text(encoding="utf-8")
        old_lines, new_lines = old_text.split("\n"), new_text.split("\n")
        assert len(old_lines) == len(new_lines), paths
        out[paths[-1]] = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    return out


def test_insertion_renumbers_and_rewrites_references_in_every_language(tmp_path: Path) -> None:
    source = with_references(tmp_path)
    write_article(source / "02-rights", "003a-inserted", "inserted", "4", INSERTED)
    assert not load(source).ok  # two articles numbered 4

    result = run("renumber", source)
    assert result.returncode == 0, result.stderr
    assert "article 4 -> 5  'rights-2'" in result.stdout

    assert load(source).ok, load(source).diagnostics.sorted()
    rights = source / "02-rights"
    assert (rights / "004-inserted.kk.md").is_file() and (rights / "005-rights-2.ru.md").is_file()
    assert "[Article 10](art:government-1) and [paragraph 2 of Article 15](art:court-2/2)" in (
        rights / "005-rights-2.en.md").read_text(encoding="utf-8")
    assert "[статье 10](art:government-1) и [пункту 2 статьи 15](art:court-2/2)" in (
        rights / "005-rights-2.ru.md").read_text(encoding="utf-8")
    assert "[10-бапқа](art:government-1) және [15-баптың 2-тармағына](art:court-2/2)" in (
        rights / "005-rights-2.kk.md").read_text(encoding="utf-8")
    assert "[5-баптан](art:rights-2)" in (rights / "004-inserted.kk.md").read_text(encoding="utf-8")

    diff = changed_lines(source.parent)
    assert len(diff) == 19 * 3  # rights-2 .. final-2, in three languages
    for path, lines in diff.items():
        for old, new in lines:
            assert old.startswith("number: ") or "](art:" in old, (path, old, new)
    assert diff["constitution/02-rights/005-rights-2.ru.md"] == [
        ("number: 4", "number: 5"),
        (REFS["ru"], "3. Согласно [статье 10](art:government-1) и [пункту 2 статьи 15](art:court-2/2)."),
    ]
    assert diff["constitution/11-final/023-final-2.kk.md"] == [("number: 22", "number: 23")]


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    source = with_references(tmp_path)
    write_article(source / "02-rights", "003a-inserted", "inserted", "4", INSERTED)
    assert cli("renumber", source).exit_code == 0
    commit(source.parent, "renumbered")
    again = cli("renumber", source)
    assert again.exit_code == 0
    assert "nothing to renumber" in again.stdout
    assert git(source.parent, "status", "--porcelain") == ""


def test_dry_run_prints_the_plan_and_changes_nothing(tmp_path: Path) -> None:
    source = with_references(tmp_path)
    write_article(source / "02-rights", "003a-inserted", "inserted", "4", INSERTED)
    result = cli("renumber", source, "--dry-run", "--verbose")
    assert result.exit_code == 0
    assert "article 13 -> 14  'court-1'  (07-court/013-court-1.* -> 014-court-1.*)" in result.stdout
    assert "references rewritten: 9" in result.stdout
    assert "rename 07-court/013-court-1.kk.md -> 07-court/014-court-1.kk.md" in result.stdout
    assert "edit 02-rights/004-rights-2.kk.md (line 3, 9)" in result.stdout
    assert "dry run" in result.stdout
    assert git(source.parent, "status", "--porcelain").strip().splitlines() == [
        "?? constitution/02-rights/003a-inserted.en.md", "?? constitution/02-rights/003a-inserted.kk.md",
        "?? constitution/02-rights/003a-inserted.ru.md"]


def test_deleting_and_moving_articles(tmp_path: Path) -> None:
    source = with_references(tmp_path)
    for lang in ("kk", "ru", "en"):
        (source / "01-foundations" / f"002-foundations-2.{lang}.md").unlink()
        final = source / "11-final" / f"021-final-1.{lang}.md"  # it cited foundations-2: cite rights-1 instead
        final.write_text(final.read_text(encoding="utf-8").replace("foundations-2/2", "rights-1/2"), encoding="utf-8")
        # court-1 (13) moves to the end of section III
        (source / "07-court" / f"013-court-1.{lang}.md").rename(source / "03-president" / f"009-court-1.{lang}.md")
    assert cli("renumber", source).exit_code == 0
    loaded = load(source)
    assert loaded.ok, loaded.diagnostics.sorted()
    numbers = {a.id: a.num for a in loaded.work.expression("ru").articles()}  # type: ignore[union-attr]
    assert numbers["rights-1"] == "2" and numbers["court-1"] == "6" and numbers["court-2"] == "13"
    assert numbers["government-1"] == "9"
    assert (source / "03-president" / "006-court-1.en.md").is_file()
    text = (source / "02-rights" / "003-rights-2.en.md").read_text(encoding="utf-8")
    assert "[Article 9](art:government-1) and [paragraph 2 of Article 13](art:court-2/2)" in text


def test_paragraphs_and_points_on_request(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    bodies = {
        "en": "1. First.\n2. Second:\n   1) one;\n   3) three.\n4. Fourth, see [paragraph 4 of Article 2](art:odd/4).",
        "ru": "1. Первый.\n2. Второй:\n   1) один;\n   3) три.\n4. Четвёртый, см. [пункт 4 статьи 2](art:odd/4).",
        "kk": "1. Бірінші.\n2. Екінші:\n   1) бір;\n   3) үш.\n4. Төртінші, [2-баптың 4-тармағын](art:odd/4) қараңыз.",
    }
    for lang in bodies:
        (source / "01-foundations" / f"002-foundations-2.{lang}.md").unlink()
    write_article(source / "01-foundations", "002-odd", "odd", "2", bodies)
    final = source / "11-final" / "021-final-1.en.md"
    final.write_text(final.read_text(encoding="utf-8").replace("foundations-2/2", "odd/4"), encoding="utf-8")

    plain = cli("renumber", source)
    assert plain.exit_code == 0 and "nothing to renumber" in plain.stdout  # paragraphs only on request
    result = cli("renumber", source, "--paragraphs")
    assert result.exit_code == 0, result.output
    assert "paragraphs of article 2 'odd': 1, 2, 4 -> 1, 2, 3" in result.stdout
    assert "points of paragraph 2 of article 2 'odd': 1, 3 -> 1, 2" in result.stdout
    assert load(source).ok, load(source).diagnostics.sorted()
    assert (source / "01-foundations" / "002-odd.ru.md").read_text(encoding="utf-8").endswith(
        "   2) три.\n3. Четвёртый, см. [пункт 3 статьи 2](art:odd/3).\n")
    assert "[2-баптың 3-тармағын](art:odd/3)" in (source / "01-foundations" / "002-odd.kk.md").read_text(encoding="utf-8")
    assert "[](art:odd/3)" in final.read_text(encoding="utf-8")


def test_refuses_a_tree_with_errors_it_cannot_reason_about(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    broken = source / "03-president" / "005-president-1.ru.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("number: 5", "number: [5"), encoding="utf-8")
    duplicate = source / "04-kurultai" / "008-kurultai-2.kk.md"
    duplicate.write_text(duplicate.read_text(encoding="utf-8").replace("id: kurultai-2", "id: kurultai-x"),
                         encoding="utf-8")
    before = git(source.parent, "status", "--porcelain")
    result = run("renumber", source)
    assert result.returncode == 1
    assert "cannot renumber" in result.stderr
    assert "005-president-1.ru.md:3:" in result.stdout and "F201" in result.stdout
    assert "008-kurultai-2.ru.md:2:1: error A406 id 'kurultai-2' differs from 'kurultai-x'" in result.stdout
    assert "Traceback" not in result.stderr
    assert git(source.parent, "status", "--porcelain") == before


def test_refuses_duplicate_ids(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    for lang in ("kk", "ru", "en"):
        path = source / "04-kurultai" / f"008-kurultai-2.{lang}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("id: kurultai-2", "id: kurultai-1"), encoding="utf-8")
    result = cli("renumber", source)
    assert result.exit_code == 1
    assert "A404" in result.stdout


def test_unclear_reference_text_is_left_and_reported(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    append_lines(source / "02-rights", "003-rights-1", {"en": "3. See [the next article](art:rights-2).",
                                                        "ru": "3. См. [статью 4](art:rights-2).",
                                                        "kk": "3. [4-бапты](art:rights-2) қараңыз."})
    write_article(source / "02-rights", "003a-new", "new", "4", {"kk": "Мәтін.", "ru": "Текст.", "en": "Text."})
    result = cli("renumber", source)
    assert result.exit_code == 0
    assert "003-rights-1.en.md:9: reference text 'the next article' does not name article 4" in result.output
    assert "[статью 5](art:rights-2)" in (source / "02-rights" / "003-rights-1.ru.md").read_text(encoding="utf-8")


def test_crlf_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    for lang in ("kk", "ru", "en"):
        path = source / "11-final" / f"022-final-2.{lang}.md"
        data = path.read_bytes().replace(b"\n", b"\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + data.replace(b"number: 22", b"number: 30"))
    renumber(source)
    data = (source / "11-final" / "022-final-2.ru.md").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\nid: final-2\r\nnumber: 22\r\n---\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_sections_are_numbered_and_folders_follow(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    (source / "05-government").rename(source / "12-government")  # moved to the end
    plan = plan_renumber(source)
    assert ("12-government", "11-government") in plan.folder_moves
    renumber(source)
    loaded = load(source)
    assert loaded.ok, loaded.diagnostics.sorted()
    assert (source / "11-government" / "section.yaml").read_text(encoding="utf-8").startswith("number: XI\n")
    assert (source / "05-council" / "section.yaml").read_text(encoding="utf-8").startswith("number: V\n")
    assert (source / "11-government" / "021-government-1.kk.md").is_file()


@pytest.mark.parametrize(("nums", "inserted", "expected"), [
    (["1", "2", "2", "5"], False, ["1", "2", "3", "4"]),
    (["1", "1-1", "2"], False, ["1", "2", "3"]),
    (["1", "1-1", "1-2", "3"], True, ["1", "1-1", "1-2", "2"]),
    (["4-1", "5"], True, ["1", "2"]),
])
def test_sequence_targets(nums: list[str], inserted: bool, expected: list[str]) -> None:
    assert sequence_targets(nums, inserted) == expected


@pytest.mark.parametrize(("text", "article", "paragraph", "first", "expected"), [
    ("статьей 5", ("5", "6"), None, True, "статьей 6"),
    ("5-бапқа", ("5", "6"), None, True, "6-бапқа"),
    ("Article 15", ("5", "6"), None, True, None),
    ("paragraph 2 of Article 2", ("2", "3"), ("2", "2"), False, "paragraph 2 of Article 3"),
    ("2-баптың 2-тармағы", ("2", "3"), ("2", "2"), True, "3-баптың 2-тармағы"),
    ("пункт 4 статьи 7", ("7", "7"), ("4", "3"), False, "пункт 3 статьи 7"),
    ("Articles 5 and 5", ("5", "6"), None, True, None),
])
def test_number_edits(text: str, article: tuple[str, str], paragraph: tuple[str, str] | None, first: bool,
                      expected: str | None) -> None:
    edits, problem = number_edits(text, article, paragraph, first)
    if expected is None:
        assert problem and not edits
        return
    out = text
    for start, end, digits in sorted(edits, reverse=True):
        out = out[:start] + digits + out[end:]
    assert out == expected and problem is None

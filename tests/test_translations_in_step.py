"""Translations in step (A409): `drafting translations mark`, `check` against translations.yaml or `--since REV`,
and `stats`' counts, in real temporary git repositories."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, check_tree, lines_of
from drafting.checks.instep import every_unit, followed, hashes, out_of_step
from drafting.source.load import load, load_valid
from drafting.source.translationfile import read_marks, write_marks
from drafting.diagnostics import Diagnostics
from drafting_repo import cli, commit, make_repo, run

STEM = "01-foundations/002-foundations-2"
RU_EDIT = ("1. Это статья 2 о разделе «Основы».", "1. Это вторая статья раздела «Основы».")


def _edit(source: Path, lang: str, old: str, new: str) -> None:
    path = source / f"{STEM}.{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _stale(kk: str, en: str, since: str | None = None) -> list[str]:
    after = (f"since {since}, not in" if since else "since the translations were marked, not in")
    tail = "bring {0} in step" + ("" if since else ", then run 'drafting translations mark'")
    return [f"constitution/{STEM}.{lang}.md:5:1: warning A409 article 2 (foundations-2), paragraph 1: changed in ru "
            f"{after} {lang}; " + tail.format(lang) for lang in (en, kk)]


def test_russian_only_edit_warns_in_kazakh_and_english(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    repo = source.parent
    marked = run("translations", "mark", "constitution", cwd=repo)
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout == "constitution/translations.yaml: 66 units marked in step in kk, ru, en\n"
    assert "Traceback" not in marked.stderr
    commit(repo, "translations marked")
    clean = run("check", "constitution", cwd=repo)
    assert clean.returncode == 0 and clean.stdout.endswith("0 errors, 0 warnings in 82 files\n"), clean.stdout
    _edit(source, "ru", *RU_EDIT)
    done = run("check", "constitution", cwd=repo)
    assert done.returncode == 0, done.stderr  # warnings: the drafter decides
    assert done.stdout.splitlines() == [*_stale("kk", "en"), "0 errors, 2 warnings in 82 files"]
    assert run("check", "constitution", "--strict", cwd=repo).returncode == 1
    # in-process, for the registry of codes: the exact message
    loaded = load(source)
    assert sorted(d.message for d in loaded.diagnostics.warnings) == [
        "article 2 (foundations-2), paragraph 1: changed in ru since the translations were marked, not in en; bring en in step, then run 'drafting translations mark'",  # noqa: E501
        "article 2 (foundations-2), paragraph 1: changed in ru since the translations were marked, not in kk; bring kk in step, then run 'drafting translations mark'"]  # noqa: E501
    # the other languages follow, then the drafter marks: clean again
    _edit(source, "kk", "1. Бұл 2-бап, негіздер туралы.", "1. Бұл негіздер бөлімінің екінші бабы.")
    _edit(source, "en", "1. This is Article 2, on foundations.", "1. This is the second article on foundations.")
    assert run("check", "constitution", cwd=repo).stdout == "0 errors, 0 warnings in 82 files\n"
    assert run("translations", "mark", "constitution", cwd=repo).returncode == 0
    _edit(source, "ru", "1. Это вторая статья раздела «Основы».", "1. Это статья 2 раздела «Основы».")
    assert len(run("check", "constitution", cwd=repo).stdout.splitlines()) == 3


def test_a_translation_alone_moves_nothing_and_kazakh_moves_russian_only(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("translations", "mark", source).exit_code == 0
    _edit(source, "en", "1. This is Article 2, on foundations.", "1. This is the second article on foundations.")
    assert not [d for d in load(source).diagnostics if d.code == "A409"]
    _edit(source, "kk", "   2) екінші шара.", "   2) екінші маңызды шара.")
    found = [d for d in load(source).diagnostics if d.code == "A409"]
    # kk and ru are parallel authoritative texts; en follows ru, which has not changed
    assert [(Path(d.path).name, d.line) for d in found] == [("002-foundations-2.ru.md", 6)]
    assert found[0].message.startswith("article 2 (foundations-2), paragraph 2: changed in kk since")


def test_reflowed_text_and_renumbered_references_stay_in_step(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("translations", "mark", source).exit_code == 0
    _edit(source, "ru", "1. Это статья 2 о разделе «Основы».", "1. Это статья 2\n   о разделе «Основы».")
    assert not [d for d in load(source).diagnostics if d.code == "A409"]


def test_since_a_revision_without_translations_file(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    repo = source.parent
    _edit(source, "ru", *RU_EDIT)
    commit(repo, "ru only")
    done = run("check", "constitution", "--since", "HEAD~1", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [*_stale("kk", "en", "HEAD~1"), "0 errors, 2 warnings in 81 files"]
    assert run("check", "constitution", "--since", "HEAD", cwd=repo).stdout == "0 errors, 0 warnings in 81 files\n"
    unknown = run("check", "constitution", "--since", "no-such-tag", cwd=repo)
    assert unknown.returncode == 2 and unknown.stderr.startswith("error: unknown revision 'no-such-tag'")
    assert "Traceback" not in unknown.stderr
    # --since replaces the file's comparison: marked now, but still out of step since HEAD~1
    assert run("translations", "mark", "constitution", cwd=repo).returncode == 0
    assert run("check", "constitution", cwd=repo).stdout == "0 errors, 0 warnings in 82 files\n"
    assert len(run("check", "constitution", "--since", "HEAD~1", cwd=repo).stdout.splitlines()) == 3
    result = cli("check", source, "--since", "HEAD~1")
    assert ("warning A409 article 2 (foundations-2), paragraph 1: changed in ru since HEAD~1, not in kk; "
            "bring kk in step") in result.stdout


def test_stats_counts_units_out_of_step_per_language(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("stats", source, "--format", "json").exit_code == 0
    assert json.loads(cli("stats", source, "--format", "json").stdout)["out_of_step"] is None
    assert cli("translations", "mark", source).exit_code == 0
    commit(source.parent, "marked")
    _edit(source, "ru", *RU_EDIT)
    figures = json.loads(cli("stats", source, "--format", "json", "--since", "HEAD").stdout)
    assert figures["out_of_step"] == {"kk": 1, "ru": 0, "en": 1}
    assert figures["changes"]["out_of_step"] == {"kk": 1, "ru": 0, "en": 1}
    text = cli("stats", source).stdout
    assert "out of step with translations.yaml (units): kk 1, ru 0, en 1" in text


def test_mark_one_article_keeps_the_others_record(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("translations", "mark", source).exit_code == 0
    _edit(source, "ru", *RU_EDIT)
    other = source / "01-foundations/001-foundations-1.ru.md"
    other.write_text(other.read_text(encoding="utf-8").replace("1. ", "1. Итак, ", 1), encoding="utf-8")
    result = cli("translations", "mark", source, "--article", "foundations-1")
    assert result.exit_code == 0 and result.stdout.endswith(" 3 units marked in step in kk, ru, en (2 were out of step)\n")
    assert {Path(d.path).name for d in load(source).diagnostics if d.code == "A409"} == {
        "002-foundations-2.kk.md", "002-foundations-2.en.md"}
    unknown = cli("translations", "mark", source, "--article", "nothing-here")
    assert unknown.exit_code == 2 and "no article with the id 'nothing-here'" in unknown.stderr


def test_mark_refuses_sources_with_errors_and_changes_nothing(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    (source / f"{STEM}.en.md").unlink()
    result = cli("translations", "mark", source)
    assert result.exit_code == 1
    assert "the sources have errors; run 'drafting check' and fix them first" in result.stderr
    assert not (source / "translations.yaml").exists()


def test_a_malformed_file_is_named_at_its_line(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("translations", "mark", source).exit_code == 0
    path = source / "translations.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].split(":")[0] + ":" + lines[5].split(":")[1] + ': {kk: "zz"}'
    path.write_text("\n".join(lines) + "\nextra: 1\n", encoding="utf-8")
    found = lines_of(check_tree(source))
    assert "src/translations.yaml:4:1: error F203 Additional properties are not allowed ('extra' was unexpected)" in found
    assert any(line.startswith("src/translations.yaml:6:1: error F203 units/") and "'zz'" in line for line in found)
    path.write_text("units:\n  art:x: &a {kk: \"0123456789abcdef\"}\n  art:y: *a\n", encoding="utf-8")
    assert [l for l in lines_of(check_tree(source)) if "translations.yaml" in l] == [
        "src/translations.yaml:3:10: error F207 YAML refused: aliases (*name) are not allowed in sources; "
        "write the value out"]
    assert cli("translations", "mark", source).exit_code == 0  # marking everything writes it afresh
    assert not load(source).diagnostics.items


def test_the_constitution_and_its_law_are_in_step() -> None:
    for folder in (REPO / "constitution", REPO / "constitution/laws/peoples-council"):
        assert (folder / "translations.yaml").is_file()
        loaded = load(folder, others=False)
        assert not [d for d in loaded.diagnostics if d.code == "A409" or "translations.yaml" in d.path]


def test_the_file_round_trips_and_digits_stay_strings() -> None:
    table = {"art:a": {"kk": "0123456789012345", "ru": "1e10000000000000"}, "art:a/1": {"kk": "abcdefabcdefabcd"}}
    assert read_marks(write_marks(table), "t.yaml", Diagnostics()) == table
    assert read_marks(write_marks({}), "t.yaml", Diagnostics()) == {}


LANGS = ("kk", "ru", "en")


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(LANGS)), st.data())
def test_out_of_step_follows_the_languages_rule(changed: set[str], data: st.DataObject) -> None:
    """Whatever set of languages changed: an unchanged authoritative language is stale when another authoritative
    one changed; the translation (en, of ru) when ru changed; nothing when nothing changed."""
    from conftest import MINI

    work = load_valid(MINI)
    now = every_unit(work)
    keys = sorted(now["kk"])
    key = data.draw(st.sampled_from(keys))
    before = hashes(work)
    before[key] = {lang: ("f" * 16 if lang in changed else digest) for lang, digest in before[key].items()}
    stale = out_of_step(before, now, work.meta)
    follows = followed(work.meta)
    assert follows == {"kk": ("ru",), "ru": ("kk",), "en": ("ru",)}
    expected = {lang for lang in LANGS if lang not in changed and set(follows[lang]) & changed}
    assert {s.lang for s in stale} == expected
    assert all(s.unit.key == key and s.unit.loc.path.endswith(f".{s.lang}.md") for s in stale)


def test_a_field_the_model_gains_later_keeps_the_recorded_hashes() -> None:
    """The marks must outlive the model: a new field with a default (unused) leaves every hash as it was."""
    import dataclasses

    from drafting.checks.instep import _canon, digest
    from drafting.model import Text

    @dataclasses.dataclass(frozen=True)
    class Point:  # as it was
        num: str
        text: tuple[Text, ...]

    before = digest(_canon(Point("1", (Text("a  text"),))))

    @dataclasses.dataclass(frozen=True)  # type: ignore[no-redef]
    class Point:  # a field added later
        num: str
        text: tuple[Text, ...]
        quoted: tuple[str, ...] = ()

    assert digest(_canon(Point("1", (Text("a text"),)))) == before
    assert digest(_canon(Point("1", (Text("a text"),), ("x",)))) != before


def test_the_quick_reading_agrees_with_yamldoc_and_leaves_every_problem_to_it() -> None:
    from drafting.source.translationfile import _fast
    from drafting.source.yamldoc import parse_yaml

    text = (REPO / "constitution" / "translations.yaml").read_text(encoding="utf-8")
    doc = parse_yaml(text, "t", 1, Diagnostics())
    assert doc is not None and _fast(text) == doc.data
    twice = 'units:\n  art:a: {kk: "0123456789abcdef"}\n  art:a: {kk: "0123456789abcdef"}\n'
    assert _fast(twice) is None
    diags = Diagnostics()
    read_marks(twice, "t.yaml", diags)  # the slow way: the key named at its line
    assert [d.format() for d in diags] == ["t.yaml:3:3: error F202 duplicate key 'art:a'"]
    inner = 'units:\n  art:a: {kk: "0123456789abcdef", kk: "0123456789abcdef"}\n'
    assert _fast(inner) is None and _fast("units: [" * 40 + "]" * 40) is None
    assert _fast('units: {art:a: &x {kk: "0123456789abcdef"}, art:b: *x}\n') is None
    for resolved in ('units: {art:a: {no: "0123456789abcdef"}}\n', "units: {art:a: {kk: 1234567890123456}}\n"):
        assert _fast(resolved) is None  # a key or value libyaml reads as no string: yamldoc's reading decides

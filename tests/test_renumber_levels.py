"""Renumbering at every level the profile declares: containers in each level's style (continuous or restarting in
their parent), nested folders, inserted numbers as letters, paragraph, point and sub-point markers in their
formats; and the property that renumbered numbers always pass the numbering check, in every style."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.numbering import format_ordinal, parse_number, sequence_problems
from drafting.source.load import load
from drafting.tools.renumbering import renumber, sequence_targets

ACTS = Path(__file__).parent / "fixtures" / "acts"


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(ACTS / name, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def errors(root: Path) -> list[str]:
    return [f"{d.code} {d.message}" for d in load(root).diagnostics.errors]


def test_a_code_renumbered_at_every_level(tmp_path: Path) -> None:
    root = copy("kz-code", tmp_path)
    (root / "01-general/02-use").rename(root / "01-general/07-use")
    edit(root / "01-general/07-use/chapter.yaml", "number: 2", "number: 5")
    for lang in ("kk", "ru"):
        edit(root / f"01-general/07-use/01-common/003-common-use.{lang}.md", "number: 3", "number: 9")
        edit(root / f"01-general/01-basics/002-principles.{lang}.md", "      б) ", "      в) ")
    assert errors(root)
    plan = renumber(root, paragraphs=True)
    assert plan.changes == [
        "chapter 5 -> 2  (folder 01-general/07-use -> 01-general/02-use)",
        "article 9 -> 3  'common-use'",
        "sub-points of point 2 of paragraph 1 of article 2 'principles': а, в -> а, б",
    ]
    assert errors(root) == []
    assert (root / "01-general/02-use/01-common/003-common-use.ru.md").read_text(encoding="utf-8").count("number: 3")
    assert renumber(root, paragraphs=True).empty  # a second run finds nothing to do


def test_restarting_sections_and_roman_chapters(tmp_path: Path) -> None:
    root = copy("eu-regulation", tmp_path)
    (root / "02-registers/02-access").rename(root / "02-registers/05-access")
    edit(root / "02-registers/05-access/section.yaml", "number: 2", "number: 4")
    edit(root / "02-registers/chapter.yaml", "number: II", "number: V")
    for lang in ("en", "ru"):
        edit(root / f"01-general/001-subject.{lang}.md", "   (b) ", "   (c) ")
    plan = renumber(root, paragraphs=True)
    assert plan.changes == [
        "chapter V -> II",
        "section 4 -> 2  (folder 02-registers/05-access -> 02-registers/02-access)",
        "points of paragraph 2 of article 1 'subject': a, c -> a, b",
    ]
    assert errors(root) == []
    assert "   (b) 'entry'" in (root / "01-general/001-subject.en.md").read_text(encoding="utf-8")


def test_letters_for_inserted_sections(tmp_path: Path) -> None:
    root = copy("westminster-act", tmp_path)
    edit(root / "01-harbour-authorities/01-membership/002a-terms-of-office.en.md", "number: 2A", "number: 2C")
    edit(root / "02-final/003-short-title.en.md", "number: 3", "number: 4")
    plan = renumber(root)
    assert plan.changes == ["article 2C -> 2A  'terms-of-office'", "article 4 -> 3  'short-title'"]
    assert errors(root) == []


def test_the_constitution_shaped_tree_is_untouched_by_the_new_rules(tmp_path: Path) -> None:
    for name in ("kz-code", "westminster-act", "eu-regulation"):
        assert renumber(copy(name, tmp_path), paragraphs=True, dry_run=True).empty


STYLES = st.sampled_from(["arabic", "roman", "roman-lower", "alpha", "alpha-upper", "cyrillic"])


@settings(max_examples=200, deadline=None)
@given(style=STYLES, values=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=30))
def test_renumbered_numbers_always_pass_the_check(style: str, values: list[int]) -> None:
    nums = [format_ordinal(v, style) for v in values]
    targets = sequence_targets(nums, False, style=style, inserted=None)
    assert sequence_problems(targets, False, style, None) == []


@settings(max_examples=200, deadline=None)
@given(shape=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=20),
       inserted=st.sampled_from(["dash", "letter"]))
def test_inserted_numbers_renumber_into_a_valid_sequence(shape: list[int], inserted: str) -> None:
    nums: list[str] = []
    for base, extra in enumerate(shape, start=1):
        nums.append(str(base * 2))  # gaps everywhere
        for k in range(extra):
            nums.append(f"{base * 2}-{k + 3}" if inserted == "dash" else f"{base * 2}{'ACE'[k]}")
    targets = sequence_targets(nums, True, inserted=inserted)
    assert sequence_problems(targets, True, "arabic", inserted) == []
    assert [parse_number(t, "arabic", inserted).inserted for t in targets] == \
        [parse_number(n, "arabic", inserted).inserted for n in nums]  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(value=st.integers(min_value=1, max_value=3999), style=STYLES)
def test_every_style_reads_back_what_it_writes(value: int, style: str) -> None:
    text = format_ordinal(value, style)
    parsed = parse_number(text, style, None)
    assert parsed is not None and parsed.parts == (value,)


def test_new_units_at_every_level(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = copy("kz-code", tmp_path)

    def new(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "drafting", "new", *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    assert "new chapter 2 'wells'" in new("chapter", str(root), "--in", "01-general", "--after", "1", "--slug", "wells")
    assert (root / "01-general/02-wells/chapter.yaml").is_file()
    assert (root / "01-general/03-use/chapter.yaml").read_text(encoding="utf-8").startswith("number: 3")
    assert "new article 3 'depth'" in new("article", str(root), "--in", "01-general/02-wells", "--slug", "depth")
    assert (root / "01-general/03-use/01-common/004-common-use.ru.md").read_text(encoding="utf-8").count("number: 4")
    assert "new paragraph-group 3 'reserve'" in new("paragraph-group", str(root), "--in", "chapter 3", "--slug",
                                                    "reserve")
    assert (root / "01-general/03-use/03-reserve/paragraph-group.yaml").is_file()
    assert errors(root) == []
    done = subprocess.run([sys.executable, "-m", "drafting", "new", "title", str(root)], capture_output=True,
                          text=True)
    assert done.returncode == 1 and "'title' is not a container level of the profile 'kz-code'" in done.stderr

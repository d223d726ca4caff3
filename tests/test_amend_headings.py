"""A section's heading changed: `amend` writes a retitle instruction, `consolidate` applies it, the AKN records it.

The heading is rewritten in the section's metadata file through PyYAML's positions (amending.headings): the
property test checks that only the value changes, for any title. Then the small act of the consolidation tests
in a temporary git repository: the exact instruction in every language, the AKN mod and textualMod, the
consolidated file byte for byte, the note in the consolidated AKN's heading; a container change that is more
than its heading is still refused, and a retitle of a container BASE does not have is C801.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from akn_common import assert_valid
from consolidation_edits import FOLDERS, LANGS, Art, Draft, Para
from drafting.amending.headings import CannotRetitle, retitle, titles
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.consolidated import consolidate
from drafting.consolidation.fromact import read_instructions, steps_of
from drafting.consolidation.record import AmendingAct
from drafting.consolidation.steps import Address, Step
from drafting.diagnostics import DraftingError
from drafting.model import Loc, Work
from drafting.source.load import load_tree
from drafting.source.tree import MemoryTree
from drafting.writers.akn.document import ActWriter

prepare = pytest.importorskip("drafting.amending.act").prepare

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e"}
SECTION = "number: II\ntitle:\n  kk: Бөлім\n  ru: 'Раздел: второй'\n  en: \"Section Two\"  # kept\nid: second\n"


# -- the heading in its file -----------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.sampled_from(("kk", "ru", "en")),
       st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40))
def test_only_the_title_in_that_language_changes(lang: str, title: str) -> None:
    text = retitle(SECTION, lang, title)
    data = yaml.safe_load(text)
    assert data["title"][lang] == title
    assert {k: v for k, v in data["title"].items() if k != lang} == \
        {k: v for k, v in yaml.safe_load(SECTION)["title"].items() if k != lang}
    assert data["number"] == "II" and data["id"] == "second"
    assert text.splitlines()[0] == "number: II" and text.endswith("id: second\n")
    assert "# kept" in text  # the comment after a value stays


def test_the_style_of_the_old_value_is_kept() -> None:
    assert retitle(SECTION, "en", "New") == SECTION.replace('"Section Two"', '"New"')
    assert retitle(SECTION, "ru", "Новый") == SECTION.replace("'Раздел: второй'", "'Новый'")
    assert retitle(SECTION, "kk", "Жаңа") == SECTION.replace("kk: Бөлім", "kk: Жаңа")
    assert retitle(SECTION, "kk", "a: b") == SECTION.replace("kk: Бөлім", 'kk: "a: b"')
    assert titles(SECTION) == {"kk": "Бөлім", "ru": "Раздел: второй", "en": "Section Two"}
    with pytest.raises(CannotRetitle):
        retitle(SECTION, "de", "x")


# -- amend and consolidate ---------------------------------------------------------------------------

def small() -> Draft:
    return Draft([Art("art-1", "1", FOLDERS[0], [Para("1", {lang: "закон право" for lang in LANGS})]),
                  Art("art-2", "2", FOLDERS[1], [Para("1", {lang: "суд совет" for lang in LANGS})])])


def repository(root: Path, old: dict[str, str], new: dict[str, str]) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=GIT_ENV)
    for files, message in ((old, "old"), (new, "new")):
        for relative, text in files.items():
            path = root / "law" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        subprocess.run(["git", "add", "-A", "."], cwd=root, check=True, env=GIT_ENV)
        subprocess.run(["git", "commit", "-qm", message], cwd=root, check=True, env=GIT_ENV)
    return root / "law"


def load(files: dict[str, str]) -> Work:
    loaded = load_tree(MemoryTree({path: text.encode() for path, text in files.items()}))
    assert loaded.work is not None and not loaded.diagnostics.has_errors(), \
        [d.format() for d in loaded.diagnostics.sorted()]
    return loaded.work


@pytest.fixture()
def retitled(tmp_path: Path) -> tuple[Draft, Draft, Path]:
    old, new = small(), small()
    new.titles[FOLDERS[1]] = {"kk": "Жаңа бөлім", "ru": "Новый раздел", "en": "A New Section"}
    new.articles[0].paras[0].text = {lang: "закон право народ" for lang in LANGS}
    return old, new, repository(tmp_path, old.files(), new.files())


def test_the_instruction_in_every_language(retitled: tuple[Draft, Draft, Path]) -> None:
    old, new, law = retitled
    written = prepare(law, "HEAD~1", "HEAD", tables=False)
    short = written.amendment.work
    lines = {lang: written.files[f"001-amendments.{lang}.md"].split("\n") for lang in LANGS}
    link = f"({short}:container:second)"
    assert f"2) заголовок [раздела II]{link} изложить в следующей редакции: «Новый раздел»." in lines["ru"]
    assert f"2) [II бөлімнің]{link} тақырыбы мынадай редакцияда жазылсын: «Жаңа бөлім»." in lines["kk"]
    assert f"2) the heading of [Section II]{link} shall read as follows: «A New Section»." in lines["en"]
    assert "  containers:\n    second: sec_II\n" in written.files["work.yaml"]
    # the section's heading comes before the articles of that section: after article 1's change
    assert lines["ru"][5].startswith("1) ") and "art-1" in lines["ru"][5]
    act = load(written.files)
    document = ActWriter(act, "ru").to_bytes()
    assert_valid(document)
    text = document.decode()
    assert '#sec_II">раздела II</ref> изложить в следующей редакции: <quotedText' in text
    assert '<textualMod type="substitution" eId="amod_2">' in text and text.count("#sec_II\"/>") == 1

    base = load(old.files())
    located, diagnostics = read_instructions(act, base)
    assert [d.format() for d in diagnostics.sorted()] == []
    assert [entry.instruction.kind for entry in located] == ["add-words", "retitle"]
    result = consolidate(old.files(), base, AmendingAct("/akn/kz/act/2026-12-01/12", act.meta.date,
                                                        dict(act.meta.title)), steps_of(located), "amended-12")
    assert {path: text for path, text in result.files.items() if path != "work.yaml"} == \
        {path: text for path, text in new.files().items() if path != "work.yaml"}
    assert "change: heading" in result.files["work.yaml"] and "unit: second" in result.files["work.yaml"]
    consolidated = ActWriter(result.work, "ru").to_bytes()
    assert_valid(consolidated)
    assert "<heading>Новый раздел<authorialNote" in consolidated.decode()
    assert "Сноска. Заголовок – в редакции Закона РК от 01.12.2026 № 12." in consolidated.decode()
    assert '<destination href="#sec_II"/>' in consolidated.decode()


def test_more_than_the_heading_is_still_refused(tmp_path: Path) -> None:
    old, new = small(), small()
    files = new.files()
    files[f"{FOLDERS[1]}/section.yaml"] = files[f"{FOLDERS[1]}/section.yaml"].replace("ru: Раздел 2",
                                                                                     "ru: Раздел 2 # note")
    law = repository(tmp_path, old.files(), files)
    with pytest.raises(DraftingError, match="02-second/section.yaml"):
        prepare(law, "HEAD~1", "HEAD", tables=False)


def test_a_retitle_of_a_container_base_lacks_is_c801() -> None:
    old = small()
    base = load(old.files())
    step = Step("retitle", Address(""), {"ru": Loc("act.ru.md", 7)}, new={"ru": "x"}, container="third")
    result = consolidate_files(old.files(), base, [step])
    assert [d.format() for d in result.diagnostics.sorted()] == \
        ["act.ru.md:7:1: error C801 no container 'third' in the amended version"]

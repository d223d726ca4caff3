"""Planning an amending act: the granularity a drafter would choose, the same in every language, and a plan that,
applied to OLD as docs/amend.md says, gives NEW's sources byte for byte (a property test over random edits)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from amend_support import apply_plan, revision, sources
from drafting.amending.planning import plan
from drafting.source.load import load_tree
from drafting.source.tree import FileTree
from redline_edits import LANGS, MINI, articles, article_path, delete_article, insert_article, move_article, renumber

URI = "/akn/kz/act/constitution/2026-03-15/constitution"
WORDS = {"kk": ["жаңа", "мемлекеттік", "заң", "барлық"], "ru": ["новый", "государственный", "закон", "всякий"],
         "en": ["new", "public", "law", "every"]}
_WORD = re.compile(r"[^\W\d_]{2,}")


def _edit_lines(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 4) + 5
    lines = text[front_end:].split("\n")
    path.write_text(text[:front_end] + "\n".join(change(lines)), encoding="utf-8")


def _word_edit(kind: str, line_pick: int, word_pick: int, lang: str, choice: int):  # type: ignore[no-untyped-def]
    def change(lines: list[str]) -> list[str]:
        body = [k for k, line in enumerate(lines) if _WORD.search(line)]
        k = body[line_pick % len(body)]
        words = list(_WORD.finditer(lines[k]))
        match = words[word_pick % len(words)]
        word = WORDS[lang][choice % 4]
        line = lines[k]
        if kind == "replace":
            line = line[:match.start()] + word + line[match.end():]
        elif kind == "add":
            line = line[:match.end()] + " " + word + line[match.end():]
        elif kind == "delete" and len(words) > 2 and match.start() > 0 and line[match.start() - 1] == " ":
            line = line[:match.start() - 1] + line[match.end():]
        lines[k] = line
        return lines
    return change


EDIT = st.one_of(
    st.tuples(st.sampled_from(["replace", "add", "delete"]), st.integers(0, 9), st.integers(0, 9), st.integers(0, 3)),
    st.tuples(st.sampled_from(["rewrite", "add-paragraph", "add-point", "drop-point"]), st.just(0), st.just(0),
              st.integers(0, 3)),
    st.tuples(st.sampled_from(["insert-article", "delete-article", "move-article"]), st.just(0), st.just(0),
              st.integers(0, 3)),
)


def _apply(source: Path, target: int, edit: tuple[str, int, int, int]) -> bool:
    """One edit to one article in every language; True when it renumbers the articles."""
    kind, a, b, choice = edit
    found = articles(source)
    section, stem = found[target % len(found)]
    if kind in ("replace", "add", "delete"):
        for lang in LANGS:
            _edit_lines(article_path(source, section, stem, lang), _word_edit(kind, a, b, lang, choice))
        return False
    if kind == "rewrite":
        for lang in LANGS:
            _edit_lines(article_path(source, section, stem, lang),
                        lambda lines, lang=lang: [f"1. {' '.join(WORDS[lang] * 3)}." if line.startswith("1. ")
                                                  else line for line in lines])
        return False
    if kind == "add-paragraph":
        numbered = {lang: [int(m.group(1)) for m in re.finditer(
            r"^(\d+)\. ", article_path(source, section, stem, lang).read_text(encoding="utf-8"), re.M)]
            for lang in LANGS}
        if not all(numbered.values()):  # one unnumbered text: no paragraph to add after (the edit does nothing)
            return False
        for lang in LANGS:
            path = article_path(source, section, stem, lang)
            text = path.read_text(encoding="utf-8").rstrip("\n")
            last = max(numbered[lang])
            path.write_text(f"{text}\n{last + 1}. {WORDS[lang][choice]} {WORDS[lang][(choice + 1) % 4]}.\n",
                            encoding="utf-8")
        return False
    if kind in ("add-point", "drop-point"):
        for lang in LANGS:
            path = article_path(source, section, stem, lang)
            text = path.read_text(encoding="utf-8")
            points = re.findall(r"^   (\d+)\) .*$", text, re.M)
            if not points:
                return False
            if kind == "add-point":
                text = text.rstrip("\n") + f"\n   {int(points[-1]) + 1}) {WORDS[lang][choice]}.\n"
            elif len(points) > 1:
                text = re.sub(r"\n   " + points[-1] + r"\) [^\n]*", "", text)
            path.write_text(text, encoding="utf-8")
        return False
    if kind == "insert-article":
        insert_article(source, section, stem.split("-")[0] + "a-added", "added-article",
                       {lang: f"{WORDS[lang][choice]} {WORDS[lang][(choice + 2) % 4]}." for lang in LANGS})
    elif kind == "delete-article":
        delete_article(source, section, stem)
    else:
        to_section, to_stem = found[(target + 3) % len(found)]
        move_article(source, section, stem, to_section, to_stem.split("-")[0] + "b-" + stem.split("-", 1)[1])
    renumber(source)
    return True


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 21), EDIT), min_size=1, max_size=4))
def test_the_plan_applied_to_old_gives_new_byte_for_byte(edits: list[tuple[int, tuple[str, int, int, int]]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        old_dir, new_dir = Path(tmp) / "old", Path(tmp) / "new"
        shutil.copytree(MINI, old_dir)
        shutil.copytree(MINI, new_dir)
        renumbered = False
        for target, edit in edits:
            if renumbered and edit[0].endswith("-article"):
                continue  # one structural change per example keeps the fixture's numbering valid
            renumbered |= _apply(new_dir, target, edit)
        loaded = load_tree(FileTree(new_dir))
        assume(loaded.work is not None and not loaded.diagnostics.has_errors())  # an edit inside a link's address
        old, new = revision(old_dir), revision(new_dir)
        assume(sources(old.texts) != sources(new.texts))
        amendment = plan(old, new, "constitution", URI)
        assert apply_plan(amendment, old.texts, old.work.profile) == sources(new.texts)
        assert [g.number for g in amendment.groups] == list(range(1, len(amendment.groups) + 1))
        for instruction in amendment.instructions():
            assert set(instruction.words or instruction.quoted or {lang: None for lang in LANGS}) == set(LANGS)


def _pair(tmp_path: Path, change) -> tuple:  # type: ignore[no-untyped-def]
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old_dir)
    shutil.copytree(MINI, new_dir)
    change(new_dir)
    old, new = revision(old_dir), revision(new_dir)
    return old, plan(old, new, "constitution", URI)


def _replace(source: Path, stem: str, pairs: dict[str, tuple[str, str]]) -> None:
    section = next(s for s, st_ in articles(source) if st_ == stem)
    for lang, (before, after) in pairs.items():
        path = article_path(source, section, stem, lang)
        text = path.read_text(encoding="utf-8")
        assert before in text
        path.write_text(text.replace(before, after), encoding="utf-8")


def test_a_few_changed_words_are_a_word_replacement_in_every_language(tmp_path: Path) -> None:
    _, amendment = _pair(tmp_path, lambda d: _replace(d, "005-president-1", {
        "ru": ("первая мера;", "основная мера;"), "kk": ("бірінші шара;", "негізгі шара;"),
        "en": ("the first measure;", "the main measure;")}))
    [group] = amendment.groups
    [instruction] = group.instructions
    assert instruction.kind == "replace-words"
    assert instruction.target.path == ("2", "1") and instruction.target.level == "point"
    assert instruction.words["ru"].old == "первая" and instruction.words["ru"].new == "основная"
    assert instruction.words["kk"].old == "бірінші" and instruction.words["en"].new == "main"


def test_a_rewritten_paragraph_is_restated_and_a_rewritten_article_too(tmp_path: Path) -> None:
    def change(source: Path) -> None:
        _replace(source, "005-president-1", {lang: (line, f"1. {' '.join(WORDS[lang] * 4)}.") for lang, line in {
            "ru": "1. Это статья 5 о разделе «Президент».", "kk": "1. Бұл 5-бап, президент туралы.",
            "en": "1. This is Article 5, on the president."}.items()})
        for lang in LANGS:
            section = next(s for s, st_ in articles(source) if st_ == "007-kurultai-1")
            path = article_path(source, section, "007-kurultai-1", lang)
            text = path.read_text(encoding="utf-8")
            head = text[:text.index("\n---\n", 4) + 5]
            path.write_text(head + f"1. {' '.join(WORDS[lang])}.\n2. {' '.join(reversed(WORDS[lang]))}.\n",
                            encoding="utf-8")

    _, amendment = _pair(tmp_path, change)
    kinds = [(i.kind, i.target.article, i.target.path) for i in amendment.instructions()]
    assert kinds == [("restate", "president-1", ("1",)), ("restate", "kurultai-1", ())]


def test_inserted_and_repealed_units_keep_the_other_numbers(tmp_path: Path) -> None:
    def change(source: Path) -> None:
        for lang in LANGS:
            section = next(s for s, st_ in articles(source) if st_ == "003-rights-1")
            path = article_path(source, section, "003-rights-1", lang)
            path.write_text(path.read_text(encoding="utf-8") + f"3. {WORDS[lang][0]} {WORDS[lang][1]}.\n",
                            encoding="utf-8")
            section = next(s for s, st_ in articles(source) if st_ == "009-government-1")
            path = article_path(source, section, "009-government-1", lang)
            path.write_text(re.sub(r"\n   2\) [^\n]*", "", path.read_text(encoding="utf-8")), encoding="utf-8")

    _, amendment = _pair(tmp_path, change)
    found = [(g.number, i.kind, i.target.article, i.target.path, i.insertion.number if i.insertion else None)
             for g in amendment.groups for i in g.instructions]
    assert found == [(1, "insert", "rights-1", (), "3"), (2, "repeal", "government-1", ("2", "2"), None)]

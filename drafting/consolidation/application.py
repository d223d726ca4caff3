"""Steps applied to a version's source files, in memory: the consolidated files, or every reason they cannot be.

``consolidate_files(files, work, steps)`` takes the amended version's files (relative
path -> text) and its model, and applies the steps in order, language by language,
on the source text itself: a restated article is the new file's text, a restated
or inserted paragraph or point replaces or joins the lines of its span
(``consolidation.unittree``), words are found and replaced in the span of their unit. So
the result is the new version byte for byte, front matter and all. Inserted and
renumbered articles get the file names ``drafting renumber`` gives (``003a-slug``
for 3-1). Every step that cannot apply is a diagnostic at the instruction's line in
the amending act (C801..C804); the caller writes nothing when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from drafting.amending.headings import CannotRetitle, retitle
from drafting.diagnostics import Diagnostics
from drafting.model import Loc, Work
from drafting.numbering import parse_number
from drafting.source.reader import ARTICLE_RE, SECTION_DIR_RE
from drafting.source.sourcetext import SourceText
from drafting.consolidation.unittree import ArticleSpans, UnitSpan, article_spans
from drafting.source.yamldoc import split_front_matter
from drafting.consolidation.steps import PREAMBLE, UNNUMBERED, WORD_KINDS, Address, Step

PUNCTUATION = ",.;:)»!?"  # added words that start with one of these take no space before them (docs/amend.md)


@dataclass(frozen=True)
class Applied:
    """A change that was made: what the consolidated AKN records (a textualMod and a note)."""

    kind: str  # the step's kind
    target: Address
    article_num: str  # the article's number after the change (before it, for a repeal)
    loc: Loc
    previous: str | None = None  # renumber: the article's number before


@dataclass
class Result:
    files: dict[str, str]
    applied: list[Applied] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)


class _Article:
    """Where one article's files are while the steps run."""

    def __init__(self, ident: str, num: str, folder: str, stem: str, paths: dict[str, str]) -> None:
        self.id = ident
        self.num = num
        self.folder = folder
        self.stem = stem
        self.paths = paths  # language -> path
        self.renamed = False  # inserted or renumbered: its file name follows its number


class Consolidation:
    def __init__(self, files: dict[str, str], work: Work) -> None:
        self.files = dict(files)
        self.work = work
        self.profile = work.profile
        self.codes = work.meta.codes
        self.diags = Diagnostics()
        self.applied: list[Applied] = []
        self.articles: dict[str, _Article] = {}
        self.renumbered: set[str] = set()  # articles the steps renumber
        for lang in self.codes:
            for article in work.expression(lang).articles():
                path = article.loc.path
                folder = path.rpartition("/")[0]
                entry = self.articles.setdefault(article.id, _Article(article.id, article.num, folder, article.stem, {}))
                entry.paths[lang] = path
        self.folders: dict[str, str] = {}  # container slug -> folder path
        for path in self.files:
            parts = path.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                match = SECTION_DIR_RE.match(parts[depth - 1])
                if match:
                    self.folders.setdefault(match.group(2), "/".join(parts[:depth]))

    # -- diagnostics ----------------------------------------------------------------------------

    def error(self, step: Step, lang: str | None, code: str, message: str) -> None:
        loc = step.loc(lang) if lang else step.loc(next(iter(step.locs)))
        self.diags.error(loc.path, loc.line, code, message, loc.column)

    # -- the steps ------------------------------------------------------------------------------

    def run(self, steps: list[Step]) -> Result:
        """Every step in order; the renumberings together at the end (their targets carry OLD's numbers)."""
        self.renumbered = {step.target.article for step in steps if step.kind == "renumber" and not step.target.path}
        inserted = {step.target.article for step in steps if step.kind == "insert" and not step.target.path}
        moves = [step for step in steps if step.kind == "repeal" and not step.target.path
                 and step.target.article in inserted and step.target.article in self.articles]
        for step in moves:  # an article moved: repealed where it was, inserted where it goes (any order in the act)
            self.apply(step)
        for step in steps:
            if step.kind != "renumber" and not any(step is move for move in moves):
                self.apply(step)
        self.renumber_units([step for step in steps if step.kind == "renumber" and step.target.path])
        for step in steps:
            if step.kind == "renumber" and not step.target.path:
                self.apply(step)
        self.check_article_numbers([step for step in steps if step.kind == "renumber" and not step.target.path])
        self.rename()
        return Result(self.files, self.applied, self.diags)

    def retitle(self, step: Step) -> None:
        """A container's heading: its title in every language, in its metadata file (``amending.headings``)."""
        ident = step.container or ""
        folder = self.folders.get(ident)
        container = next((c for c in self.work.expression(self.codes[0]).containers() if c.id == ident), None)
        if folder is None or container is None:
            self.error(step, None, "C801", f"no container '{ident}' in the amended version")
            return
        path = f"{folder}/{container.level}.yaml"
        text = self.files.get(path)
        if text is None:
            self.error(step, None, "C801", f"no {path} in the amended version")
            return
        for lang in self.codes:
            if lang not in step.new:
                continue
            try:
                text = retitle(text, lang, step.new[lang])
            except CannotRetitle as error:
                self.error(step, lang, "C801", f"{path}: {error}")
                return
        self.files[path] = text
        self.applied.append(Applied(step.kind, Address(ident), container.num, step.loc(self.codes[0])))

    def renumber_units(self, steps: list[Step]) -> None:
        """Paragraph and point renumberings: every target found before any marker changes, then the markers."""
        by_article: dict[str, list[Step]] = {}
        for step in steps:
            by_article.setdefault(step.target.article, []).append(step)
        for ident, mine in by_article.items():
            article = self.articles.get(ident)
            if article is None:
                for step in mine:
                    self.error(step, None, "C801", f"no article with the id '{ident}' in the amended version")
                continue
            done = {id(step): True for step in mine}
            for lang in self.codes:
                path = article.paths.get(lang)
                if path is None or path not in self.files:
                    continue
                spans = article_spans(self.files[path], self.profile)
                source = SourceText(path, self.files[path])
                numbers: dict[tuple[str, ...], str] = {}
                here: set[int] = set()  # the steps made in this language
                for step in mine:
                    unit = self.unit(step, lang, spans, step.target.path, article)
                    if unit is None or not step.number:
                        done[id(step)] = False
                        continue
                    depth = len(step.target.path)
                    level = self.profile.paragraph_level if depth == 1 else self.profile.point_level(depth - 1)
                    if not source.set_list_number(unit.start + 1, level.format, unit.num, step.number):
                        self.error(step, lang, "C801", f"no marker {level.marker(unit.num)} on line {unit.start + 1} "
                                                       f"of {path}")
                        done[id(step)] = False
                        continue
                    numbers[step.target.path] = step.number
                    here.add(id(step))
                for step in mine:
                    parent = find(spans, step.target.path[:-1]) if len(step.target.path) > 1 else spans.root
                    if parent is None or id(step) not in here:
                        continue
                    siblings = [numbers.get(child.path, child.num) for child in parent.children]
                    if siblings.count(step.number or "") > 1:
                        self.error(step, lang, "C804", f"after renumbering, article {article.num} ('{ident}') has "
                                                       f"two units numbered {step.number} ({lang})")
                        done[id(step)] = False
                self.files[path] = source.result()
            for step in mine:
                if done[id(step)]:
                    self.applied.append(Applied("renumber", step.target, article.num, step.loc(self.codes[0]),
                                                step.target.path[-1]))

    def check_article_numbers(self, steps: list[Step]) -> None:
        """No two articles with one number once the renumberings are made (in the whole act, or per container)."""
        if not steps:
            return
        restart = self.profile.article_level.numbering == "restart"
        seen: dict[tuple[str, str], str] = {}
        for article in self.articles.values():
            key = (article.folder if restart else "", article.num)
            if key in seen:
                step = next((s for s in steps if s.target.article in (article.id, seen[key])), steps[0])
                self.error(step, None, "C804", f"after renumbering, two articles are numbered {article.num} "
                                               f"('{seen[key]}' and '{article.id}')")
            seen[key] = article.id

    def apply(self, step: Step) -> None:
        target = step.target
        if step.kind == "retitle":
            self.retitle(step)
            return
        if not target.article and step.file == PREAMBLE:
            self.preamble(step)
            return
        if step.kind == "insert" and not target.path:
            self.insert_article(step)
            return
        article = self.articles.get(target.article)
        if article is None:
            self.error(step, None, "C801", f"no article with the id '{target.article}' in the amended version")
            return
        done = True
        if step.kind == "repeal" and not target.path:
            for file in article.paths.values():
                self.files.pop(file, None)
            del self.articles[article.id]
        elif step.kind == "renumber":
            previous = article.num
            if self.renumber(step, article):
                self.applied.append(Applied(step.kind, target, article.num, step.loc(self.codes[0]), previous))
            return
        else:
            for lang in self.codes:
                path = article.paths.get(lang)
                if path is None or path not in self.files:
                    self.error(step, lang, "C801", f"article '{article.id}' has no '{lang}' text in the amended version")
                    done = False
                    continue
                done = self.apply_text(step, article, lang, path) and done
        if done:
            self.applied.append(Applied(step.kind, target, article.num, step.loc(self.codes[0])))

    def apply_text(self, step: Step, article: _Article, lang: str, path: str) -> bool:
        text = self.files[path]
        target = step.target
        if step.kind == "restate" and not target.path:
            new = self.new_text(step, lang)
            if new is None:
                return False
            number = front_number(new)
            if number is not None and number != article.num:
                article.num, article.renamed = number, not step.file
            self.files[path] = new
            if step.file:
                moved = f"{step.file}.{lang}.md"
                if moved != path:
                    self.files[moved] = self.files.pop(path)
                    article.paths[lang] = moved
                    article.folder, _, article.stem = step.file.rpartition("/")
            return True
        spans = article_spans(text, self.profile)
        if step.kind in WORD_KINDS:
            unit = self.unit(step, lang, spans, target.path, article)
            return unit is not None and self.words(step, lang, path, spans, unit)
        if step.kind == "insert":
            return self.insert_unit(step, lang, path, spans, article)
        unit = self.unit(step, lang, spans, target.path, article)
        if unit is None:
            return False
        if step.kind == "restate":
            new = self.new_text(step, lang)
            if new is None:
                return False
            self.files[path] = splice(spans, unit.start, unit.end, new)
        elif step.kind == "repeal":
            self.files[path] = splice(spans, unit.start, unit.end, "")
        return True

    def new_text(self, step: Step, lang: str) -> str | None:
        if lang not in step.new:
            self.error(step, lang, "C805", f"the instruction gives no '{lang}' text")
            return None
        return step.new[lang]

    def unit(self, step: Step, lang: str, spans: ArticleSpans, path: tuple[str, ...],
             article: _Article) -> UnitSpan | None:
        unit = find(spans, path)
        if unit is None:
            self.error(step, lang, "C801", f"article {article.num} ('{article.id}') has no {describe(path)} "
                                           f"in the amended version ({lang})")
        return unit

    def words(self, step: Step, lang: str, path: str, spans: ArticleSpans, unit: UnitSpan) -> bool:
        old = step.old.get(lang)
        if not old:
            self.error(step, lang, "C805", f"the instruction gives no '{lang}' words to look for")
            return False
        start = sum(len(line) for line in spans.lines[:unit.start])
        text = spans.text(unit)
        count = text.count(old)
        where = describe(step.target.path) if step.target.path else "the article"
        if count == 0:
            self.error(step, lang, "C802", f"the words «{old}» are not in {where} of article "
                                           f"'{step.target.article}' ({lang})")
            return False
        if count > 1:
            self.error(step, lang, "C803", f"the words «{old}» are in {where} of article '{step.target.article}' "
                                           f"{count} times ({lang}): the instruction must name one place")
            return False
        at = start + text.index(old)
        end = at + len(old)
        new = step.new.get(lang, "")
        whole = self.files[path]
        if step.kind == "add-words":  # a space before the new words, unless they start with a punctuation mark
            new = ("" if new[:1] in PUNCTUATION else " ") + new
            at = end
        elif step.kind == "delete-words":  # the words go with the space before them (else the one after them)
            if at > 0 and whole[at - 1] == " ":
                at -= 1
            elif whole[end:end + 1] == " ":
                end += 1
        self.files[path] = whole[:at] + new + whole[end:]
        return True

    def insert_unit(self, step: Step, lang: str, path: str, spans: ArticleSpans, article: _Article) -> bool:
        target = step.target
        parent = self.unit(step, lang, spans, target.path[:-1], article) if len(target.path) > 1 else spans.root
        if parent is None:
            return False
        num = target.path[-1]
        if parent.child(num) is not None:
            self.error(step, lang, "C804", f"article {article.num} ('{article.id}') already has "
                                           f"{describe(target.path)} ({lang})")
            return False
        if step.after is not None:
            after = self.unit(step, lang, spans, step.after.path, article)
            if after is None:
                return False
            line = after.end
        else:
            line = self.place(parent, num, len(target.path))
        new = self.new_text(step, lang)
        if new is None:
            return False
        self.files[path] = splice(spans, line, line, new)
        return True

    def place(self, parent: UnitSpan, num: str, depth: int) -> int:
        """The line an inserted unit numbered ``num`` goes to: after the last sibling numbered before it."""
        level = self.profile.paragraph_level if depth == 1 else self.profile.point_level(depth - 1)
        key = sort_key(num, level.style, level.inserted)
        before = [child for child in parent.children if sort_key(child.num, level.style, level.inserted) < key]
        if before:
            return before[-1].end
        return parent.children[0].start if parent.children else parent.end

    def preamble(self, step: Step) -> None:
        for lang in self.codes:
            new = self.new_text(step, lang)
            if new is None:
                continue
            if step.kind == "restate":
                self.files[f"preamble.{lang}.md"] = new
            elif step.kind == "repeal":
                self.files.pop(f"preamble.{lang}.md", None)
        self.applied.append(Applied(step.kind, step.target, "", step.loc(self.codes[0])))

    def insert_article(self, step: Step) -> None:
        ident = step.target.article
        if ident in self.articles:
            self.error(step, None, "C804", f"the article id '{ident}' is already taken in the amended version")
            return
        texts: dict[str, str] = {}
        for lang in self.codes:
            new = self.new_text(step, lang)
            if new is not None:
                texts[lang] = new
        if len(texts) != len(self.codes):
            return
        number = front_number(texts[self.codes[0]])
        if number is None:
            self.error(step, None, "C805", "the inserted article's text has no 'number' in its front matter")
            return
        taken = [a for a in self.articles.values() if a.num == number and self.same_run(a, step)
                 and a.id not in self.renumbered]  # a number the act renumbers away is free
        if taken:
            self.error(step, None, "C804", f"article number {number} is already taken (by '{taken[0].id}')")
            return
        if step.file is not None:
            folder = step.file.rpartition("/")[0]
        elif step.after is not None:
            before = self.articles.get(step.after.article)
            if before is None:
                self.error(step, None, "C801", f"no article with the id '{step.after.article}' in the amended version "
                                               "to insert after")
                return
            folder = before.folder
        elif step.container is not None:
            if step.container not in self.folders:
                self.error(step, None, "C801", f"no container '{step.container}' in the amended version")
                return
            folder = self.folders[step.container]
        else:
            folder = ""
        entry = _Article(ident, number, folder, step.file.rpartition("/")[2] if step.file else f"000-{ident}", {})
        entry.renamed = step.file is None
        if step.file is not None and folder and not any(path.startswith(f"{folder}/") for path in self.files):
            self.error(step, None, "C801", f"no container folder '{folder}' in the amended version")
            return
        for lang, text in texts.items():
            entry.paths[lang] = f"{folder}/{entry.stem}.{lang}.md".lstrip("/")
            self.files[entry.paths[lang]] = text
        self.articles[ident] = entry
        self.applied.append(Applied("insert", step.target, number, step.loc(self.codes[0])))

    def same_run(self, article: _Article, step: Step) -> bool:
        """Whether the article's number counts against an inserted one (the whole act, or its container)."""
        if self.profile.article_level.numbering != "restart":
            return True
        before = self.articles.get(step.after.article) if step.after else None
        folder = before.folder if before else self.folders.get(step.container or "", "")
        return article.folder == folder

    def renumber(self, step: Step, article: _Article) -> bool:
        number = step.number
        if not number:
            self.error(step, None, "C805", "the instruction gives no new number")
            return False
        for lang, path in article.paths.items():
            text = self.files[path]
            self.files[path] = set_front_number(text, number)
        article.num, article.renamed = number, True
        return True

    # -- file names -------------------------------------------------------------------------------

    def rename(self) -> None:
        """Inserted and renumbered articles take the file names ``renumber`` would give them."""
        level = self.profile.article_level
        folders = {a.folder for a in self.articles.values() if a.renamed}
        for folder in sorted(folders):
            mine = [a for a in self.articles.values() if a.folder == folder]
            numbered = []
            for article in mine:
                number = parse_number(article.num, level.style, level.inserted or "dash")
                numbered.append(((number.parts if number else (10**9,)), article, number))
            letters: dict[int, int] = {}
            for _, article, number in sorted(numbered, key=lambda item: item[0]):
                base = number.parts[0] if number else 0
                letter = ""
                if number is not None and number.inserted:
                    letters[base] = letters.get(base, 0) + 1
                    letter = chr(ord("a") + min(letters[base], 26) - 1)
                if not article.renamed:
                    continue
                match = ARTICLE_RE.match(f"{article.stem}.x.md")
                digits, slug = (match.group(1), match.group(3)) if match else ("000", article.id)
                if match and (int(digits), match.group(2)) == (base, letter) and not digits == "000":
                    continue
                stem = f"{base:0{len(digits) if match else 3}d}{letter}-{slug}"
                for lang, path in list(article.paths.items()):
                    moved = f"{folder}/{stem}.{lang}.md".lstrip("/")
                    self.files[moved] = self.files.pop(path)
                    article.paths[lang] = moved
                article.stem = stem


def find(spans: ArticleSpans, path: tuple[str, ...]) -> UnitSpan | None:
    """The span of a unit; an unnumbered paragraph (UNNUMBERED) is the article's body."""
    return spans.find(path)


def sort_key(num: str, style: str, inserted: str | None) -> tuple[int, ...]:
    number = parse_number(num, style, inserted or "dash")
    return tuple(number.parts) if number else (10**9,)


def splice(spans: ArticleSpans, start: int, end: int, text: str) -> str:
    return "".join(spans.lines[:start]) + text + "".join(spans.lines[end:])


def describe(path: tuple[str, ...]) -> str:
    if not path:
        return "text"
    names = ["paragraph"] + ["point"] * (len(path) - 1)
    named = [f"{name} {num}" for name, num in zip(names, path) if not (name == "paragraph" and num == UNNUMBERED)]
    return " of ".join(reversed(named)) or "text"


def front_number(text: str) -> str | None:
    front, _, _ = split_front_matter(text.removeprefix("\ufeff"))
    try:
        data: Any = yaml.safe_load(front) if front else None
    except yaml.YAMLError:
        return None
    number = data.get("number") if isinstance(data, dict) else None
    return str(number) if number is not None else None


def set_front_number(text: str, number: str) -> str:
    source = SourceText("", text)
    source.set_yaml_value(0, "number", number, search_to=40)
    return source.result()


def consolidate_files(files: dict[str, str], work: Work, steps: list[Step]) -> Result:
    """The files of ``work`` (as read) with every step applied, or the diagnostics of those that cannot be."""
    return Consolidation(files, work).run(steps)

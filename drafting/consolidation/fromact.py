"""An amending act's sources read back into instructions, with the formulas that wrote them as the grammar.

The act is a drafting project of its own (docs/amend.md): ``work.yaml`` says what it
amends (``amends:``), Article 1 holds the numbered items, each an instruction in one
of the formulas of ``templates/amend/LANG.yaml`` or a group header ("в статье 5:")
whose sub-items are the instructions. Each formula template is compiled into a
pattern: the target link stands where ``{target:CASE}`` is, quoted words where
``{old}``/``{new}``/``{after}`` are, a new unit's name and number where ``{unit:CASE}``
is (every level's forms in that case, possessive ones too), and the word nouns in
either number. The machine reads the link's destination, never its text.

Every language is read, then the languages are zipped instruction by instruction:
they must agree on kind, target and number. An item that matches no formula (C806)
or that disagrees with the first language (C807) is reported at its line; the
result is the instructions (``drafting.amending.instructions``) and, for each, where it
is written in every language (the steps ``consolidation.application`` applies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from drafting.amending.fences import quoted_of
from drafting.amending.formulas import Formulas, formulas
from drafting.amending.instructions import (KINDS, PREAMBLE, UNNUMBERED, Insertion, Instruction, Quoted, Target,
                                            Words)
from drafting.consolidation.steps import PREAMBLE as STEP_PREAMBLE, Address, Step
from drafting.diagnostics import Diagnostics
from drafting.model import Article, Emphasis, Loc, Point, Ref, Strong, Term, Text, Work
from drafting.source.yamldoc import split_front_matter

SENTINEL = "\x00"  # where the target link stands in an item's text
RANGE = "renumber-range"  # the form of renumber for consecutive articles
_PLACEHOLDER = re.compile(r"\{(target|unit):([a-z]+)\}|\{(old|new|after|old_noun|new_noun|after_noun)\}")
_NUMBER = r"[0-9]+[A-Z]*(?:-[0-9]+)*"
_MARKER = r"\(?[0-9A-Za-z\u0430-\u044f\u0451]{1,8}(?:-[0-9]+)*[.)]?"


@dataclass(frozen=True)
class Located:
    """One instruction of the act and where it is written in each language."""

    instruction: Instruction
    locs: dict[str, Loc]


@dataclass(frozen=True)
class _Parsed:
    kind: str
    article: str | None  # the target article's stable id (None: the work itself, or the preamble)
    path: tuple[str, ...]
    level: str
    insertion: tuple[str, str] | None  # (level, number)
    words: Words | None
    quoted: Quoted | None
    loc: Loc
    work: str | None
    container: str | None = None  # retitle: the container's id


class Grammar:
    """One language's formulas as patterns."""

    def __init__(self, language: str) -> None:
        self.formulas: Formulas = formulas(language)
        data: dict[str, Any] = self.formulas.data
        self.data = data
        self.patterns: list[tuple[str, bool, re.Pattern[str]]] = []  # (kind, bare, pattern)
        for kind in ("group", *KINDS):
            entry = data["instructions"].get(kind)
            if entry is None:
                continue
            forms = {"with_target": entry} if isinstance(entry, str) else dict(entry)
            for form, template in forms.items():
                if form == "range":  # consecutive renumbered articles: tried first
                    self.patterns.insert(0, (RANGE, False, _range_pattern(str(template))))
                    continue
                self.patterns.append((kind, form == "bare", self._compile(str(template))))
        self.units: list[tuple[str, re.Pattern[str]]] = []
        for level, cases in data["units"].items():
            if level == PREAMBLE:
                continue
            templates = [str(v) for k, v in cases.items() if k != "poss"]
            templates += [str(v) for v in (cases.get("poss") or {}).values()]
            for template in templates:
                self.units.append((level, re.compile("^" + _unit_pattern(template) + "$")))

    def _compile(self, template: str) -> re.Pattern[str]:
        parts: list[str] = []
        position = 0
        for match in _PLACEHOLDER.finditer(template):
            parts.append(_literal(template[position:match.start()]))
            if match.group(1) == "target":
                parts.append(SENTINEL)
            elif match.group(1) == "unit":
                parts.append("(?P<unit>.+?)")
            elif match.group(3).endswith("_noun"):
                nouns = self.data["words"][match.group(3)]
                parts.append("(?:" + "|".join(re.escape(str(n)) for n in (nouns["many"], nouns["one"])) + ")")
            else:
                parts.append(f"(?P<{match.group(3)}>[^«»]*)")
            position = match.end()
        parts.append(_literal(template[position:]))
        ends = "".join(re.escape(str(v)) for v in self.data.get("end", {}).values())
        return re.compile("^" + "".join(parts) + (f"[{ends}]?" if ends else "") + "$")

    def match(self, text: str) -> tuple[str, bool, re.Match[str]] | None:
        for kind, bare, pattern in self.patterns:
            found = pattern.match(text)
            if found:
                return kind, bare, found
        return None

    def unit(self, text: str) -> tuple[str, str] | None:
        """(level, number) of a new unit named as the formulas name it (``пунктом 3-1``, ``9-1) тармақшамен``)."""
        for level, pattern in self.units:
            found = pattern.match(text)
            if found:
                return level, found.group("num").strip("().")
        return None


def _range_pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    for piece in re.split(r"(\{(?:first|last|new_first|new_last)\})", template):
        if piece in ("{first}", "{last}"):
            parts.append(SENTINEL)
        elif piece in ("{new_first}", "{new_last}"):
            parts.append(f"(?P<{piece[1:-1]}>[0-9]+)")
        else:
            parts.append(re.escape(piece).replace("\\ ", r"\s+"))
    return re.compile("^" + "".join(parts) + r"[;.]?$")


def _literal(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split(" ")) if text else ""


def _unit_pattern(template: str) -> str:
    parts = re.split(r"(\{n\}|\{m\})", template)
    out = []
    for part in parts:
        if part == "{n}":
            out.append(f"(?P<num>{_NUMBER})")
        elif part == "{m}":
            out.append(f"(?P<num>{_MARKER})")
        else:
            out.append(_literal(part))
    return "".join(out)


@lru_cache(maxsize=8)
def grammar(language: str) -> Grammar:
    return Grammar(language)


def item_text(point: Point) -> tuple[str, list[Ref]]:
    """An item's own text with the link replaced by SENTINEL, and its links."""
    refs: list[Ref] = []
    parts: list[str] = []

    def walk(nodes: tuple[Any, ...]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                parts.append(node.value)
            elif isinstance(node, Ref):
                refs.append(node)
                parts.append(SENTINEL)
            elif isinstance(node, (Emphasis, Strong, Term)):
                walk(node.children)

    walk(point.text)
    return " ".join("".join(parts).split()), refs


def _target(ref: Ref) -> tuple[str, tuple[str, ...]]:
    path = ((ref.paragraph,) if ref.paragraph else ()) + tuple(getattr(ref, "points", ()))
    return ref.target, path


LEVELS_BY_DEPTH = ("article", "paragraph", "point", "subpoint")


@dataclass(frozen=True)
class ActText:
    """What the instructions are read from: the article holding them in each language, and what the act amends.

    Built from the act's sources (``of_work``) or from its Akoma Ntoso (``consolidation.fromakn``).
    """

    first: dict[str, Article | None]  # language -> the act's first article (None: the language has none)
    amends: str | None  # the amended act's short name, which every link must name
    loc: Loc  # where to report what concerns the whole act

    @classmethod
    def of_work(cls, act: Work) -> ActText:
        first: dict[str, Article | None] = {}
        for lang in act.expressions:
            articles = act.expression(lang).articles()
            first[lang] = articles[0] if articles else None
        return cls(first, act.meta.amends.work if act.meta.amends else None, act.meta.loc)


class ActReader:
    """Reads the instructions of every language of an amending act."""

    def __init__(self, act: Work | ActText, amended: Work) -> None:
        self.act = act if isinstance(act, ActText) else ActText.of_work(act)
        self.amended = amended
        self.diags = Diagnostics()

    def error(self, loc: Loc, code: str, message: str) -> None:
        self.diags.error(loc.path, loc.line, code, message, loc.column)

    def first_article(self, lang: str) -> Article | None:
        return self.act.first.get(lang)

    def language(self, lang: str) -> list[_Parsed | None]:
        article = self.first_article(lang)
        if article is None or not article.paragraphs:
            return []
        found: list[_Parsed | None] = []
        grammar_ = grammar(lang)
        for paragraph in article.paragraphs:
            for item in paragraph.points:
                self.item(item, grammar_, None, found)
        return found

    def item(self, point: Point, grammar_: Grammar, group: Ref | None, found: list[_Parsed | None]) -> None:
        """One item's instruction into ``found`` (None where it cannot be read, so the languages stay in step)."""
        text, refs = item_text(point)
        matched = grammar_.match(text)
        if matched is None:
            self.error(point.loc, "C806", f"an instruction in no formula of templates/amend/{grammar_.formulas.language}"
                                          f".yaml: '{text.replace(SENTINEL, '[…]')}'")
            found.extend([None] * max(1, len(point.points)))
            return
        kind, bare, match = matched
        if kind == RANGE:
            self.range(point, match, refs, found)
            return
        ref = refs[0] if refs else group
        if kind == "group":
            if not refs:
                self.error(point.loc, "C806", "a group of instructions without the link to its article")
                found.extend([None] * max(1, len(point.points)))
                return
            for sub in point.points:
                self.item(sub, grammar_, refs[0], found)
            return
        work = ref.work if ref is not None else None
        amends = self.act.amends
        if ref is not None and amends is not None and work != amends:
            self.error(ref.loc, "C806", f"the link names the act '{work or 'this act'}', but the act amends "
                                        f"'{amends}' (work.yaml amends: work)")
            found.append(None)
            return
        if kind == "retitle" or (ref is not None and ref.kind == "container"):
            self.retitle(point, kind, match, ref, work, found)
            return
        article, path = _target(ref) if ref is not None else (None, ())
        quoted = quoted_of(point.quoted[0]) if getattr(point, "quoted", ()) else None
        insertion = None
        if kind in ("insert", "renumber"):
            unit = grammar_.unit(match.group("unit").strip())
            if unit is None:
                self.error(point.loc, "C806", f"an inserted unit the formulas do not name: '{match.group('unit')}'")
                found.append(None)
                return
            insertion = unit
        words = None
        if kind.endswith("-words"):
            groups = match.groupdict()
            words = Words(old=groups.get("old") or "", new=groups.get("new") or "", after=groups.get("after") or "")
        if kind in ("restate", "insert") and quoted is None:
            self.error(point.loc, "C806", f"a {kind} instruction without its quoted structure (a ```quoted fence)")
            found.append(None)
            return
        level = LEVELS_BY_DEPTH[min(len(path), 3)] if article else (PREAMBLE if kind == "restate" else "work")
        found.append(_Parsed(kind, article, path, level, insertion, words, quoted, point.loc, work))

    def range(self, point: Point, match: re.Match[str], refs: list[Ref], found: list[_Parsed | None]) -> None:
        """Consecutive articles renumbered by one shift: one renumbering per article from the first link's to the
        last link's, in the amended version's order."""
        order = [a.id for a in self.amended.expression(self.amended.meta.codes[0]).articles()]
        ids = [ref.target for ref in refs]
        if len(refs) != 2 or any(ident not in order for ident in ids) or any(ref.paragraph for ref in refs):
            self.error(point.loc, "C806", "a range of renumbered articles links its first and its last article "
                                          "of the amended version")
            found.append(None)
            return
        low, high = order.index(ids[0]), order.index(ids[1])
        first, last = int(match.group("new_first")), int(match.group("new_last"))
        if high < low or last - first != high - low:
            self.error(point.loc, "C806", f"articles {refs[0].target}…{refs[1].target} are {high - low + 1} in the "
                                          f"amended version, the new numbers {first}–{last} are {last - first + 1}")
            found.append(None)
            return
        work = refs[0].work
        for offset, ident in enumerate(order[low:high + 1]):
            found.append(_Parsed("renumber", ident, (), "article", ("article", str(first + offset)), None, None,
                                 point.loc, work))

    def retitle(self, point: Point, kind: str, match: re.Match[str], ref: Ref | None, work: str | None,
                found: list[_Parsed | None]) -> None:
        """A container's heading restated: the link names the container, the quoted words are its new heading."""
        if kind != "retitle" or ref is None or ref.kind != "container":
            self.error(point.loc, "C806", "only the heading of a container (section, chapter) can be restated "
                                          "by an amending act: 'заголовок [раздела I](…:container:ID) изложить …'")
            found.append(None)
            return
        container = next((c for c in self.amended.expression(self.amended.meta.codes[0]).containers()
                          if c.id == ref.target), None)
        level = container.level if container is not None else "section"
        found.append(_Parsed(kind, None, (), level, None, Words(new=match.groupdict().get("new") or ""), None,
                             point.loc, work, ref.target))

    def read(self) -> list[Located]:
        codes = self.amended.meta.codes
        per_language = {lang: self.language(lang) for lang in codes if lang in self.act.first}
        first = codes[0]
        located: list[Located] = []
        reference = per_language.get(first, [])
        for lang, parsed in per_language.items():
            if len(parsed) != len(reference) and lang != first:
                last = next((p for p in reversed(parsed) if p is not None), None)
                where = last.loc if last is not None else self.act.loc
                self.error(where, "C807", f"{len(parsed)} instructions in '{lang}', {len(reference)} in '{first}': "
                                          "the languages must give the same instructions in the same order")
        for index, item in enumerate(reference):
            if item is None:
                continue
            locs = {first: item.loc}
            words: dict[str, Words] = {}
            quoted: dict[str, Quoted] = {}
            agree = True
            for lang, parsed in per_language.items():
                if index >= len(parsed):
                    agree = False
                    continue
                other = parsed[index]
                if other is None:
                    agree = False
                    continue
                if (other.kind, other.article, other.path, _number(other), other.container) != \
                        (item.kind, item.article, item.path, _number(item), item.container):
                    self.error(other.loc, "C807", f"instruction {index + 1} differs from the '{first}' one "
                                                  f"({other.kind} {_show(other)} against {item.kind} {_show(item)})")
                    agree = False
                    continue
                locs[lang] = other.loc
                if other.words is not None:
                    words[lang] = other.words
                if other.quoted is not None:
                    quoted[lang] = other.quoted
            if not agree:
                continue
            target = Target(item.work or self.amended.meta.short or "", item.article,
                            self._num(item.article), item.path, item.level, item.container,
                            self._container_num(item.container))
            insertion = Insertion(_level(item), item.insertion[1]) if item.insertion and item.kind == "insert" else None
            number = item.insertion[1] if item.insertion and item.kind == "renumber" else None
            located.append(Located(Instruction(item.kind, target, insertion, words, quoted, number),  # type: ignore[arg-type]
                                   locs))
        return located

    def _container_num(self, ident: str | None) -> str | None:
        if ident is None:
            return None
        found = next((c for c in self.amended.expression(self.amended.meta.codes[0]).containers() if c.id == ident),
                     None)
        return found.num if found else None

    def _num(self, article: str | None) -> str | None:
        if article is None:
            return None
        found = self.amended.expression(self.amended.meta.codes[0]).article_by_id().get(article)
        return found.num if found else None


def _number(item: _Parsed) -> str | None:
    return item.insertion[1] if item.insertion else None


def _level(item: _Parsed) -> str:
    """An inserted unit's level, by where it goes (the words naming it may coincide between levels: kk тармақша)."""
    if item.article is None:
        return "article"
    return LEVELS_BY_DEPTH[min(len(item.path) + 1, len(LEVELS_BY_DEPTH) - 1)]


def _show(item: _Parsed) -> str:
    where = "/".join((item.article or item.level, *item.path))
    return where + (f" + {item.insertion[1]}" if item.insertion else "")


def steps_of(located: list[Located]) -> list[Step]:
    """The steps ``consolidation.application`` applies for the act's instructions."""
    steps: list[Step] = []
    for entry in located:
        instruction, locs = entry.instruction, entry.locs
        target = instruction.target
        article, path = target.article or "", target.path
        if instruction.kind in ("restate", "repeal") and target.level == PREAMBLE:
            steps.append(Step(instruction.kind, Address(""), locs, new=_texts(instruction.quoted), file=STEP_PREAMBLE))
            continue
        if instruction.kind == "insert":
            assert instruction.insertion is not None
            new = _texts(instruction.quoted)
            if instruction.insertion.level == "article":
                first = next(iter(instruction.quoted.values()))
                steps.append(Step("insert", Address(_front_id(first.text) or ""), locs, new=new, file=first.file))
            else:
                steps.append(Step("insert", Address(article, (*path, instruction.insertion.number)), locs, new=new))
            continue
        if instruction.kind == "restate":
            first = next(iter(instruction.quoted.values()))
            steps.append(Step("restate", Address(article, path), locs, new=_texts(instruction.quoted),
                              file=first.file if not path else None))
            continue
        if instruction.kind == "retitle":
            steps.append(Step("retitle", Address(""), locs, new={lang: w.new for lang, w in instruction.words.items()},
                              container=target.container))
            continue
        if instruction.kind in ("repeal", "renumber"):
            steps.append(Step(instruction.kind, Address(article, path), locs, number=instruction.number))
            continue
        old = {lang: (w.after if instruction.kind == "add-words" else w.old) for lang, w in instruction.words.items()}
        new_words = {lang: w.new for lang, w in instruction.words.items()}
        steps.append(Step(instruction.kind, Address(article, path), locs, old=old, new=new_words))
    return steps


def _texts(quoted: dict[str, Quoted]) -> dict[str, str]:
    return {lang: q.text for lang, q in quoted.items()}


def _front_id(text: str) -> str | None:
    front, _, _ = split_front_matter(text)
    try:
        data = yaml.safe_load(front) if front else None
    except yaml.YAMLError:
        return None
    return str(data["id"]) if isinstance(data, dict) and "id" in data else None


def read_instructions(act: Work | ActText, amended: Work) -> tuple[list[Located], Diagnostics]:
    reader = ActReader(act, amended)
    located = reader.read()
    return located, reader.diags


__all__ = ["UNNUMBERED", "ActText", "Located", "read_instructions", "steps_of"]

"""An Amendment as the amending act's source tree: work.yaml, Article 1 with the instructions, Article 2.

The text of every instruction comes from the language's formulas (``formulas.py``);
targets are links to the amended act, quoted words stand between « and », and quoted
structure is a ``quoted`` fence (docs/amend.md). The result is a plain drafting
project: ``drafting check`` reads it with the ordinary reader.
"""

from __future__ import annotations

import datetime as dt
import json

from drafting.amending.fences import write_fence
from drafting.amending.formulas import Formulas, Unit, formulas
from drafting.amending.instructions import PREAMBLE, UNNUMBERED, WORK, Amendment, Group, Instruction, Target
from drafting.diagnostics import DraftingError
from drafting.model import WorkMeta
from drafting.profile import Profile

AUTHOR = "parliament"


def render_amendment(amendment: Amendment, amended: WorkMeta, profile: Profile, version: str,
                     date: dt.date, eids: dict[str, str], container_eids: dict[str, str] | None = None) -> dict[str, str]:
    """Every file of the amending act, keyed by its path in the act's folder; ``eids``: OLD's article eIds,
    ``container_eids``: OLD's container eIds by container id."""
    named = sorted({i.target.article for i in amendment.instructions() if i.target.article}
                   | _referenced(amendment, profile))
    renamed = {i.target.article: i.file for i in amendment.instructions()
               if i.kind == "renumber" and i.target.article and i.file}
    files: dict[str, str] = {"work.yaml": _work_file(amendment, amended, version, date,
                                                     {key: eids[key] for key in named if key in eids}, renamed,
                                                     container_eids or {})}
    for lang in amendment.languages:
        writer = _Writer(formulas(lang), profile, amendment)
        title = amended.title.get(lang, "")
        work = writer.f.work(amended.subtype, amended.doctype, title)
        files[f"001-amendments.{lang}.md"] = writer.article_one(work)
        files[f"002-entry-into-force.{lang}.md"] = (
            f"---\nid: entry-into-force\nnumber: 2\n---\n{writer.f.entry_into_force}\n")
    return files


def _referenced(amendment: Amendment, profile: Profile) -> set[str]:
    """The articles of the amended act that quoted structure refers to: their eIds go into work.yaml too,
    so that the AKN keeps those references (``writers.akn.quotedwriter``)."""
    import textwrap

    from drafting.diagnostics import Diagnostics
    from drafting.model import Ref, iter_inline
    from drafting.source.markup import parse_article_body
    from drafting.source.yamldoc import split_front_matter

    found: set[str] = set()
    for instruction in amendment.instructions():
        for quoted in instruction.quoted.values():
            if quoted.file == "preamble":
                continue
            _, body, start = split_front_matter(quoted.text) if quoted.file else ("", textwrap.dedent(quoted.text), 1)
            for paragraph in parse_article_body(body, "quoted", start, Diagnostics(), profile):
                for seq in paragraph.inlines():
                    found.update(node.target for node in iter_inline(seq)
                                 if isinstance(node, Ref) and node.work is None and node.kind == "article")
    return found


def act_number(amended: WorkMeta, version: str) -> str:
    slug = "".join(ch if ch.isalnum() and ch.isascii() else "-" for ch in version.lower()).strip("-")
    return f"amend-{amended.number}-{slug}".replace("--", "-")[:80].rstrip("-")


def _work_file(amendment: Amendment, amended: WorkMeta, version: str, date: dt.date,
               articles: dict[str, str], renamed: dict[str, str], container_eids: dict[str, str]) -> str:
    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [
        "# An amending act written by `drafting amend` (docs/amend.md).",
        f"country: {amended.country}",
        "doctype: act",
        "subtype: amending-act",
        f"number: {act_number(amended, version)}",
        f"date: {date.isoformat()}",
        f"author: {AUTHOR}",
        "authors:",
        f"  {AUTHOR}:",
        *(f"    {lang}: {q(formulas(lang).data['act']['author'])}" for lang in amendment.languages),
        "title:",
    ]
    for lang in amendment.languages:
        f = formulas(lang)
        lines.append(f"  {lang}: {q(f.title(f.work(amended.subtype, amended.doctype, amended.title.get(lang, ''))))}")
    lines.append("languages:")
    for language in amended.languages:
        extra = f", translation_of: {language.translation_of}" if language.translation_of else ""
        lines.append(f"  - {{code: {language.code}, akn: {language.akn}, "
                     f"authoritative: {'true' if language.authoritative else 'false'}{extra}}}")
    lines += [
        "profile: amending-act",
        "amends:",
        f"  work: {amendment.work}",
        f"  uri: {amendment.uri}",
        f"  profile: {amended.profile}",
        f"  version: {q(version)}",
    ]
    if articles:
        lines.append("  articles:")
        lines.extend(f"    {key}: {value}" for key, value in articles.items())
    containers = {i.target.container: i.target.level for i in amendment.instructions() if i.target.container}
    if containers:
        lines.append("  containers:")
        lines.extend(f"    {key}: {container_eids.get(key, '')}" for key in sorted(containers))
    if renamed:
        lines.append("  files:")
        lines.extend(f"    {key}: {q(value)}" for key, value in sorted(renamed.items()))
    return "\n".join(lines) + "\n"


class _Writer:
    def __init__(self, f: Formulas, profile: Profile, amendment: Amendment) -> None:
        self.f, self.profile, self.amendment = f, profile, amendment
        self.lang = f.language

    def article_one(self, work: str) -> str:
        out = ["---", "id: amendments", "number: 1", "---", self.f.lead_in(work)]
        groups = self.amendment.groups
        for index, group in enumerate(groups):
            out.append(self._group(group, last=index == len(groups) - 1))
        return "\n".join(out) + "\n"

    # -- names --------------------------------------------------------------------------------
    def _units(self, target: Target, relative: bool) -> list[Unit]:
        units = [] if relative else [Unit("article", target.article_num or "", target.article_num or "")]
        path = list(target.path)
        depth = 0
        if path and path[0] == UNNUMBERED:
            path = path[1:]
            depth = 1
        for k, number in enumerate(path):
            level = self.profile.paragraph_level if depth + k == 0 else self.profile.point_level(depth + k)
            name = "paragraph" if depth + k == 0 else ("point" if depth + k == 1 else "subpoint")
            units.append(Unit(name, number, level.marker(number)))
        return units

    def _link(self, target: Target, relative: bool) -> object:
        if target.level == PREAMBLE:
            return lambda case: self.f.unit(Unit(PREAMBLE, "", ""), case)
        if target.container is not None:
            if target.level not in self.f.data["units"]:
                raise DraftingError(f"templates/amend/{self.lang}.yaml names no {target.level}: a changed "
                                    f"{target.level} heading cannot be written in '{self.lang}'")
            number = target.container_num or ""
            units = [Unit(target.level, number, number)]
            return lambda case: f"[{self.f.name(units, case)}]({target.href})"
        units = self._units(target, relative)
        return lambda case: f"[{self.f.name(units, case)}]({target.href})"

    def _new_unit(self, instruction: Instruction) -> object:
        if instruction.kind == "renumber":
            assert instruction.number is not None
            if instruction.target.level == "article":
                unit = Unit("article", instruction.number, instruction.number)
            else:
                units = self._units(instruction.target, True)
                last = units[-1]
                level = self.profile.paragraph_level if last.level == "paragraph" else self.profile.point_level(1)
                unit = Unit(last.level, instruction.number, level.marker(instruction.number))
            return lambda case: self.f.unit(unit, case)
        assert instruction.insertion is not None
        insertion = instruction.insertion
        depth = len([p for p in instruction.target.path if p != UNNUMBERED]) + (
            1 if instruction.target.path[:1] == (UNNUMBERED,) else 0)
        if insertion.level == "article":
            unit = Unit("article", insertion.number, insertion.number)
        elif insertion.level == PREAMBLE:
            unit = Unit(PREAMBLE, "", "")
        elif insertion.level == self.profile.paragraph_level.name and instruction.target.level == "article" \
                and instruction.target.path[:1] != (UNNUMBERED,):
            unit = Unit("paragraph", insertion.number, self.profile.paragraph_level.marker(insertion.number))
        else:
            names = [level.name for level in self.profile.point_levels]
            depth = names.index(insertion.level) + 1 if insertion.level in names else max(1, depth)
            level = self.profile.point_level(depth)
            unit = Unit("point" if depth == 1 else "subpoint", insertion.number, level.marker(insertion.number))
        return lambda case: self.f.unit(unit, case)

    # -- items ---------------------------------------------------------------------------------
    def _range(self, group: Group, last: bool) -> str:
        first, final = group.instructions[0], group.instructions[-1]
        template = str(self.f.data["instructions"]["renumber"]["range"])

        def link(instruction: Instruction) -> str:
            return f"[{instruction.target.article_num}]({instruction.target.href})"

        text = (template.replace("{first}", link(first)).replace("{last}", link(final))
                .replace("{new_first}", first.number or "").replace("{new_last}", final.number or ""))
        return f"{group.number}) {text}{self.f.end(last)}"

    def _group(self, group: Group, last: bool) -> str:
        if group.range:
            return self._range(group, last)
        if len(group.instructions) == 1:
            return self._item(f"{group.number})", group.instructions[0], 0, False, last)
        first = group.instructions[0].target
        header_target = Target(first.work, group.article, group.article_num, (), "article")
        link = self._link(header_target, False)
        header = self.f.fill(self.f.formula("group", False), target=link)  # type: ignore[arg-type]
        lines = [f"{group.number}) {header}"]
        indent = len(f"{group.number}) ")
        for k, instruction in enumerate(group.instructions):
            lines.append(self._item(f"{k + 1})", instruction, indent, True, last and k == len(group.instructions) - 1))
        return "\n".join(lines)

    def _item(self, marker: str, instruction: Instruction, indent: int, inside: bool, last: bool) -> str:
        target = instruction.target
        bare = target.level == WORK or (inside and target.level == "article")
        if instruction.kind == "renumber":
            bare = False
        link = None if bare else self._link(target, inside and bool(target.path))
        words = instruction.words.get(self.lang)
        text = self.f.fill(self.f.formula(instruction.kind, bare), target=link,  # type: ignore[arg-type]
                           unit=self._new_unit(instruction) if instruction.kind in ("insert", "renumber") else None,  # type: ignore[arg-type]
                           old=words.old if words else "", new=words.new if words else "",
                           after=words.after if words else "")
        pad = " " * indent
        if instruction.kind in ("restate", "insert"):
            fence = write_fence(instruction.quoted[self.lang], indent + len(marker) + 1)
            return f"{pad}{marker} {text}\n\n{fence.rstrip(chr(10))}"
        return f"{pad}{marker} {text}{self.f.end(last)}"

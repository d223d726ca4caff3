"""Model -> source tree: the reader's inverse (used by `import` and the synthetic benchmark).

``render_tree(work)`` returns every file of the source format as text, keyed by its
path in the tree; ``write_tree`` puts them into a folder, all or nothing. Text is
escaped so that reading the tree back gives the same model: Markdown punctuation,
list markers at the start of a line, entity references and ``<`` are escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafting.model import (Annex, Article, Container, Emphasis, InlineSeq, Note, Paragraph, Point, Preamble, Ref,
                            Strong, Table, TableCell, Term, Text, Work)
from drafting.numbering import parse_number
from drafting.profile import Profile
from drafting.source.transaction import Change, apply

_SPECIAL = re.compile(r"([\\`*_\[\]<|])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#>+=|~-]|\d+(?:-\d+)*(?=[.)]))")
_SPACE = re.compile(r"\s+")
_MARKER_START = re.compile(r"^(\()?[0-9A-Za-z\u0430-\u044f\u0451]{1,8}(?:-[1-9][0-9]*)*([.)])(?=\s|$)")
_NOTE_LABEL = re.compile(r"[A-Za-z0-9]{1,8}")
_DEFAULT = Profile(name="(default)")


# -- inline Markdown ------------------------------------------------------------------


def escape(text: str) -> str:
    text = _SPACE.sub(" ", text)
    return _ENTITY.sub("\\&", _SPECIAL.sub(r"\\\1", text))


def _escape_start(line: str) -> str:
    match = _LINE_START.match(line)
    if match:
        if match.group(1)[0].isdigit():
            end = match.end()
            return line[:end] + "\\" + line[end:]
        return "\\" + line
    marker = _MARKER_START.match(line)
    if marker:  # "(a) ..." or "iv. ..." would be read as a list marker of some level
        if marker.group(1):
            return "\\" + line
        end = marker.end(2)
        return line[:end] + "\\" + line[end:]
    return line


@dataclass
class Notes:
    """The footnotes of one file, in order: labels unique in the file, definitions written at its end."""

    definitions: list[tuple[str, str]] = field(default_factory=list)

    def add(self, note: Note) -> str:
        used = {label for label, _ in self.definitions}
        label = note.marker if _NOTE_LABEL.fullmatch(note.marker) else str(len(self.definitions) + 1)
        base, index = label, 2
        while label in used:
            label, index = f"{base}-{index}", index + 1
        self.definitions.append((label, inline_markdown(note.children).strip(" ")))
        return label

    def markdown(self) -> str:
        if not self.definitions:
            return ""
        return "\n" + "".join(f"[^{label}]: {text}\n" for label, text in self.definitions)


def inline_markdown(seq: InlineSeq, notes: Notes | None = None) -> str:
    parts: list[str] = []
    for node in seq:
        if isinstance(node, Text):
            parts.append(escape(node.value))
        elif isinstance(node, (Emphasis, Strong)):
            parts.append(_delimited("*" if isinstance(node, Emphasis) else "**", inline_markdown(node.children, notes)))
        elif isinstance(node, Ref):
            if node.kind == "annex":
                href = f"annex:{node.target}"
            else:
                href = f"art:{node.target}" + (f"/{node.paragraph}" if node.paragraph else "")
            parts.append(f"[{inline_markdown(node.children, notes)}]({href})")
        elif isinstance(node, Term):
            parts.append(f"[{inline_markdown(node.children, notes)}]({'def' if node.defining else 'term'}:{node.id})")
        elif isinstance(node, Note):
            label = (notes or Notes()).add(node)
            parts.append(f"[^{label}]")
    return "".join(parts)


def _delimited(mark: str, inner: str) -> str:
    """Emphasis markers hug the text: spaces at either end move outside them."""
    core = inner.strip(" ")
    if not core:
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip(" "))], inner[len(inner.rstrip(" ")):]
    return f"{lead}{mark}{core}{mark}{trail}"


def block(seq: InlineSeq, notes: Notes | None = None) -> str:
    """One block of text on one line, safe at the start of a line."""
    return _escape_start(inline_markdown(seq, notes).strip(" "))


# -- files ----------------------------------------------------------------------------


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _number(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def article_markdown(article: Article, profile: Profile | None = None) -> str:
    front: dict[str, Any] = {"id": article.id, "number": _number(article.num)}
    if article.heading:
        front["heading"] = article.heading
    notes = Notes()
    body = _paragraphs(article.paragraphs, profile or _DEFAULT, notes)
    return f"---\n{_yaml(front)}---\n{body}{notes.markdown()}"


def annex_markdown(annex: Annex, profile: Profile | None = None) -> str:
    front: dict[str, Any] = {"id": annex.id, "number": _number(annex.num), "title": annex.title}
    notes = Notes()
    body = _paragraphs(annex.paragraphs, profile or _DEFAULT, notes, separate=True)
    return f"---\n{_yaml(front)}---\n{body}{notes.markdown()}"


def _paragraphs(paragraphs: tuple[Paragraph, ...], profile: Profile, notes: Notes, separate: bool = False) -> str:
    rendered = [_paragraph(p, profile, notes) for p in paragraphs]
    if separate or any(p.num is None for p in paragraphs):
        return "\n".join(rendered)  # unnumbered blocks stand apart
    return "".join(rendered)


def paragraph_markdown(paragraph: Paragraph, profile: Profile) -> str:
    """One paragraph's lines (its points included) as they stand in an article's file, with its footnotes."""
    notes = Notes()
    return _paragraph(paragraph, profile, notes) + notes.markdown()


def _paragraph(paragraph: Paragraph, profile: Profile, notes: Notes) -> str:
    marker = f"{profile.paragraph_level.marker(paragraph.num)} " if paragraph.num is not None else ""
    lines = _unit(marker, "", paragraph.text, paragraph.tables, paragraph.points, paragraph.wrapup, profile, notes, 1)
    return "\n".join(lines) + "\n"


def _unit(marker: str, indent: str, text: InlineSeq, tables: tuple[Table, ...], points: tuple[Point, ...],
          wrapup: InlineSeq, profile: Profile, notes: Notes, depth: int) -> list[str]:
    """The lines of a paragraph or point: marker and text, its tables, its points, its closing text."""
    pad = indent + " " * len(marker)
    lines = [indent + marker + block(text, notes)] if text or not (tables or points) else []
    for table in tables:
        if lines:
            lines.append("")
        first = _table(table, notes)
        lines.append((indent + marker if not lines else pad) + first[0])
        lines.extend(pad + row for row in first[1:])
    level = profile.point_level(depth)
    if points:
        native = level.format in ("{n})", "{n}.")
        if lines and (tables or (native and points[0].num != "1")):
            lines.append("")  # only a list starting at 1 may interrupt a paragraph
    for index, point in enumerate(points):
        lead = level.marker(point.num) + " "
        if index == 0 and not lines:
            lines.extend(_unit(lead, indent + marker, point.text, point.tables, point.points, point.wrapup, profile,
                               notes, depth + 1))
            continue
        lines.extend(_unit(lead, pad, point.text, point.tables, point.points, point.wrapup, profile, notes, depth + 1))
    if wrapup:
        lines += ["", pad + block(wrapup, notes)]
    return lines


def _table(table: Table, notes: Notes) -> list[str]:
    rows = list(table.rows)
    width = max((len(r.cells) for r in rows), default=1)
    header = rows[0] if rows and rows[0].header else None
    body = rows[1:] if header is not None else rows

    def row(cells: tuple[TableCell, ...]) -> str:
        texts = [inline_markdown(c.text, notes).strip(" ") for c in cells]
        texts += [""] * (width - len(texts))
        return "| " + " | ".join(texts) + " |"

    aligns = {"left": ":---", "center": ":---:", "right": "---:"}
    first = header.cells if header is not None else tuple(TableCell((), True) for _ in range(width))
    delimiter = "|" + "|".join(aligns.get(c.align or "", "---") for c in (*first, *(TableCell(()),) * (width - len(first)))) + "|"
    return [row(first), delimiter, *(row(r.cells) for r in body)]


def split_front_matter_body(text: str) -> str:
    """The body of an article file this module wrote (after its front matter)."""
    return text.split("\n---\n", 1)[1]


def text_markdown(paragraphs: tuple[InlineSeq, ...]) -> str:
    """Paragraphs of text (a container's intro or wrap-up): one block each, notes at the end."""
    notes = Notes()
    return "\n".join(block(seq, notes) + "\n" for seq in paragraphs) + notes.markdown()


def preamble_markdown(preamble: Preamble) -> str:
    front = f"---\n{_yaml({'heading': preamble.heading})}---\n" if preamble.heading else ""
    notes = Notes()
    return front + "\n".join(block(seq, notes) + "\n" for seq in preamble.paragraphs) + notes.markdown()


def profile_data(profile: Profile, description: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {"name": profile.name}
    if description:
        data["description"] = description
    data["preamble"] = "required" if profile.preamble_required else "optional"
    sections: dict[str, Any] = {"numbering": profile.section_numbering}
    if profile.section_count is not None:
        sections["count"] = profile.section_count
    data["sections"] = sections
    data["articles"] = {"numbering": profile.article_numbering, "inserted": profile.article_inserted,
                        "headings": profile.article_headings}
    data["paragraphs"] = {"inserted": profile.paragraph_inserted}
    data["points"] = {"inserted": profile.point_inserted}
    if profile.labels:
        data["labels"] = {lang: dict(values) for lang, values in profile.labels.items()}
    return data


def work_data(work: Work) -> dict[str, Any]:
    meta = work.meta
    data: dict[str, Any] = {"country": meta.country, "doctype": meta.doctype}
    if meta.subtype:
        data["subtype"] = meta.subtype
    data.update(number=meta.number, date=meta.date.isoformat(), author=meta.author)
    if meta.uri:
        data["uri"] = meta.uri
    if meta.authors:
        data["authors"] = {key: dict(names) for key, names in meta.authors.items()}
    data["title"] = dict(meta.title)
    languages = []
    for lang in meta.languages:
        entry: dict[str, Any] = {"code": lang.code, "akn": lang.akn, "authoritative": lang.authoritative}
        if lang.translation_of:
            entry["translation_of"] = lang.translation_of
        languages.append(entry)
    data["languages"] = languages
    data["profile"] = meta.profile
    if meta.version:
        data["version"] = meta.version
    if meta.versions:
        data["versions"] = [_version(v) for v in meta.versions]
    if meta.publications:
        data["publications"] = [
            {"language": p.language, "name": p.name, "date": p.date.isoformat(), **({"number": p.number} if p.number else {})}
            for p in meta.publications]
    if meta.build_versions:
        data["build"] = {"versions": True}
    return data


def _version(version: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": version.name, "date": version.date.isoformat()}
    if version.event != "generation":
        entry["event"] = version.event
    if version.commit:
        entry["commit"] = version.commit
    if version.title:
        entry["title"] = dict(version.title)
    if version.status:
        entry["status"] = dict(version.status)
    if version.source is not None:
        entry["source"] = {"uri": version.source.uri, "title": dict(version.source.title)}
    if version.modifications:
        entry["modifications"] = [modification_data(m) for m in version.modifications]
    return entry


def modification_data(modification: Any) -> dict[str, Any]:
    """A version's recorded change as work.yaml writes it."""
    entry: dict[str, Any] = {"type": modification.type, "unit": modification.unit, "number": modification.number}
    if modification.change:
        entry["change"] = modification.change
    if modification.previous:
        entry["previous"] = modification.previous
    return entry


def article_stems(articles: list[Article], profile: Profile | None = None) -> list[str]:
    """``NNN[letter]-id`` for each article: the number gives the order, inserted ones take a letter."""
    level = (profile or _DEFAULT).article_level
    stems: list[str] = []
    letters: dict[int, int] = {}
    for index, article in enumerate(articles, start=1):
        number = parse_number(article.num, level.style, level.inserted or "dash")
        base = number.parts[0] if number else index
        suffix = ""
        if number and number.inserted:
            letters[base] = letters.get(base, 0) + 1
            suffix = chr(ord("a") + min(letters[base], 26) - 1)
        stems.append(f"{base:03d}{suffix}-{article.id}")
    return stems


def render_tree(work: Work, profile: dict[str, Any] | None = None) -> dict[str, str]:
    """Every file of the source tree: path -> text."""
    files: dict[str, str] = {"work.yaml": _yaml(work_data(work))}
    if profile is not None:
        files[f"profiles/{profile['name']}.yaml"] = _yaml(profile)
    codes = work.meta.codes
    for lang in codes:
        preamble = work.expression(lang).preamble
        if preamble is not None:
            files[f"preamble.{lang}.md"] = preamble_markdown(preamble)
        if work.expression(lang).conclusions:
            files[f"conclusions.{lang}.md"] = text_markdown(work.expression(lang).conclusions)
    bodies = {lang: list(work.expression(lang).body) for lang in codes}
    _render_units(work, bodies, "", files)
    annexes = {lang: work.expression(lang).annexes for lang in codes}
    first = annexes[codes[0]]
    width = max(2, len(str(len(first))))
    for index, annex in enumerate(first, start=1):
        for lang in codes:
            if index - 1 < len(annexes[lang]):
                files[f"annexes/{index:0{width}d}-{annex.id}.{lang}.md"] = annex_markdown(annexes[lang][index - 1],
                                                                                        work.profile)
    return files


def _render_units(work: Work, units: dict[str, list[Container | Article]], folder: str, files: dict[str, str]) -> None:
    """The containers (folders) and articles (files) of one folder, in every language."""
    codes = work.meta.codes
    first = units[codes[0]]
    prefix = f"{folder}/" if folder else ""
    articles = [u for u in first if isinstance(u, Article)]
    stems = dict(zip((id(a) for a in articles), article_stems(articles, work.profile)))
    containers = [u for u in first if isinstance(u, Container)]
    mixed = bool(articles) and bool(containers)
    width = max(2, len(str(len(containers))))
    position = 0
    last_article = 0
    for index, unit in enumerate(first):
        if isinstance(unit, Article):
            stem = stems[id(unit)]
            last_article = int(stem[:3])
            for lang in codes:
                other = units[lang][index]
                if isinstance(other, Article):
                    files[f"{prefix}{stem}.{lang}.md"] = article_markdown(other, work.profile)
            continue
        position += 1
        order = last_article + 1 if mixed else position
        name = f"{prefix}{order:0{width}d}-{unit.id}"
        titles = {lang: _container(units[lang][index]).title for lang in codes}
        files[f"{name}/{unit.level}.yaml"] = _yaml({"number": _number(unit.num), "title": titles})
        for lang in codes:
            own = _container(units[lang][index])
            for kind, paragraphs in (("intro", own.intro), ("wrap-up", own.wrapup)):
                if paragraphs:
                    files[f"{name}/{kind}.{lang}.md"] = text_markdown(paragraphs)
        _render_units(work, {lang: list(_container(units[lang][index]).children) for lang in codes}, name, files)


def _container(unit: Container | Article) -> Container:
    if not isinstance(unit, Container):
        raise ValueError("the languages differ in structure")
    return unit


def write_tree(files: dict[str, str], out: Path, force: bool = False) -> None:
    """Write the files into ``out`` through the transactional writer: all or nothing, so a write that fails
    halfway leaves ``out`` exactly as it was. With ``force`` an existing tree is replaced: its other files go."""
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} is a file, not a folder")
    if out.exists() and any(out.iterdir()) and not force:
        raise FileExistsError(f"{out} exists and is not empty (use --force to replace it)")
    change = Change(out, dict(files))
    if out.is_dir() and force:
        change.deletes = sorted(str(p.relative_to(out)) for p in out.rglob("*")
                                if (p.is_file() or p.is_symlink()) and str(p.relative_to(out)) not in files)
    apply(change)
    for folder in sorted((p for p in out.rglob("*") if p.is_dir() and not p.is_symlink()),
                         key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):  # a folder only the replaced tree had
            folder.rmdir()

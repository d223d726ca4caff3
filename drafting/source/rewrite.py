"""Model -> source tree: the reader's inverse (used by `import` and the synthetic benchmark).

``render_tree(work)`` returns every file of the source format as text, keyed by its
path in the tree; ``write_tree`` puts them into a folder, all or nothing. Text is
escaped so that reading the tree back gives the same model: Markdown punctuation,
list markers at the start of a line, entity references and ``<`` are escaped.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from drafting.model import Article, Emphasis, InlineSeq, Paragraph, Preamble, Ref, Strong, Text, Work
from drafting.numbering import Number
from drafting.profile import Profile

_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#>+=|~-]|\d+(?:-\d+)*(?=[.)]))")
_SPACE = re.compile(r"\s+")


# -- inline Markdown ------------------------------------------------------------------


def escape(text: str) -> str:
    text = _SPACE.sub(" ", text)
    return _ENTITY.sub("\\&", _SPECIAL.sub(r"\\\1", text))


def _escape_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    if match.group(1)[0].isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def inline_markdown(seq: InlineSeq) -> str:
    parts: list[str] = []
    for node in seq:
        if isinstance(node, Text):
            parts.append(escape(node.value))
        elif isinstance(node, (Emphasis, Strong)):
            parts.append(_delimited("*" if isinstance(node, Emphasis) else "**", inline_markdown(node.children)))
        elif isinstance(node, Ref):
            href = f"art:{node.target}" + (f"/{node.paragraph}" if node.paragraph else "")
            parts.append(f"[{inline_markdown(node.children)}]({href})")
    return "".join(parts)


def _delimited(mark: str, inner: str) -> str:
    """Emphasis markers hug the text: spaces at either end move outside them."""
    core = inner.strip(" ")
    if not core:
        return inner
    lead, trail = inner[: len(inner) - len(inner.lstrip(" "))], inner[len(inner.rstrip(" ")):]
    return f"{lead}{mark}{core}{mark}{trail}"


def block(seq: InlineSeq) -> str:
    """One block of text on one line, safe at the start of a line."""
    return _escape_start(inline_markdown(seq).strip(" "))


# -- files ----------------------------------------------------------------------------


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _number(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def article_markdown(article: Article) -> str:
    front: dict[str, Any] = {"id": article.id, "number": _number(article.num)}
    if article.heading:
        front["heading"] = article.heading
    body = "".join(_paragraph(p) for p in article.paragraphs)
    return f"---\n{_yaml(front)}---\n{body}"


def _paragraph(paragraph: Paragraph) -> str:
    marker = f"{paragraph.num}. " if paragraph.num is not None else ""
    pad = " " * len(marker)
    lines = [marker + block(paragraph.text)] if paragraph.text else []
    if paragraph.points and paragraph.points[0].num != "1" and lines:
        lines.append("")  # only a list starting at 1 may interrupt a paragraph
    for index, point in enumerate(paragraph.points):
        lead = marker if index == 0 and not lines else pad
        lines.append(f"{lead}{point.num}) {block(point.text)}")
    if paragraph.wrapup:
        lines += ["", pad + block(paragraph.wrapup)]
    return "\n".join(lines) + "\n"


def split_front_matter_body(text: str) -> str:
    """The body of an article file this module wrote (after its front matter)."""
    return text.split("\n---\n", 1)[1]


def preamble_markdown(preamble: Preamble) -> str:
    front = f"---\n{_yaml({'heading': preamble.heading})}---\n" if preamble.heading else ""
    return front + "\n".join(block(seq) + "\n" for seq in preamble.paragraphs)


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


def article_stems(articles: list[Article]) -> list[str]:
    """``NNN[letter]-id`` for each article: the number gives the order, inserted ones take a letter."""
    stems: list[str] = []
    letters: dict[int, int] = {}
    for index, article in enumerate(articles, start=1):
        number = Number.parse(article.num)
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
    first = work.expression(codes[0])
    width = max(2, len(str(len(first.sections))))
    for index, section in enumerate(first.sections, start=1):
        folder = f"{index:0{width}d}-{section.id}"
        titles = {lang: work.expression(lang).sections[index - 1].title for lang in codes}
        files[f"{folder}/section.yaml"] = _yaml({"number": _number(section.num), "title": titles})
        for lang in codes:
            articles = list(work.expression(lang).sections[index - 1].articles)
            for stem, article in zip(article_stems(articles), articles):
                files[f"{folder}/{stem}.{lang}.md"] = article_markdown(article)
    return files


def write_tree(files: dict[str, str], out: Path, force: bool = False) -> None:
    """Write the files into ``out``: into a staging folder first, then moved into place."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not force:
        raise FileExistsError(f"{out} exists and is not empty (use --force to replace it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.import-", dir=out.parent))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, old / "tree")
            os.replace(staging, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

"""Every character the PDF will set must have a glyph in the profile's fonts.

A missing glyph prints as an empty box, or Pango quietly takes it from another
installed font that the print shop never saw. Before rendering, every text of
the model (titles, headings, articles, the profile's labels) is checked
against the cmaps of the font files the page profiles name; a miss is a
diagnostic at the source line that holds the character. The character maps,
what counts as printable and the wording are ``drafting.checks.coverage``'s,
which ``drafting check`` uses for G801 over the source files.
"""

from __future__ import annotations

from typing import Iterator

from drafting.checks.coverage import cmap, covered as covered_by, describe, printable
from drafting.diagnostics import Diagnostics
from drafting.model import Loc, Work, plain_text
from drafting.writers.pdf.settings import PageProfile, PrintSettings

# set by the templates and stylesheets themselves, whatever the sources say
TEMPLATE_CHARACTERS = "0123456789.,;:()-–·IVXLC"


def texts(work: Work, lang: str) -> Iterator[tuple[str, Loc]]:
    """Every text of one language that a page prints, with where it came from."""
    meta = work.meta
    yield meta.title.get(lang, ""), meta.loc
    version = meta.current_version
    if version:
        yield version.title.get(lang, ""), meta.loc
    for value in work.profile.labels.get(lang, {}).values():
        yield value, Loc(f"profile {work.profile.name}")
    expression = work.expression(lang)
    if expression.preamble:
        yield expression.preamble.heading or "", expression.preamble.loc
        for inlines in expression.preamble.paragraphs:
            yield plain_text(inlines), expression.preamble.loc
    for section in expression.sections:
        yield section.title, section.loc
        for article in section.articles:
            yield article.heading or "", article.loc
            for para in article.paragraphs:
                yield plain_text(para.text), para.loc
                for point in para.points:
                    yield plain_text(point.text), point.loc
                yield plain_text(para.wrapup), para.loc


def check_glyphs(work: Work, langs: list[str], profiles: list[PageProfile], settings: PrintSettings,
                 diags: Diagnostics) -> None:
    families = sorted({name for p in profiles for name in (p.text_font, p.heading_font)})
    files = [path for name in families for path in settings.fonts[name].files.values()]
    maps = {path: cmap(path) for path in files}
    covered = covered_by(files)
    every = [(text, loc) for lang in langs for text, loc in texts(work, lang)]
    every.append((TEMPLATE_CHARACTERS, Loc(str(settings.path))))
    used = {ord(char) for text, _ in every for char in text}
    if not {code for code in used - covered if printable(chr(code))}:
        return  # the usual case: one set difference, no search for lines
    reported: set[tuple[str, str]] = set()
    for text, loc in every:
        for char in text:
            if ord(char) in covered or not printable(char) or (char, loc.path) in reported:
                continue
            lacking = [path.name for path, codes in maps.items() if ord(char) not in codes]
            if lacking:
                reported.add((char, loc.path))
                diags.error(loc.path, loc.line, "P705",
                            f"{describe(char, lacking)}: it would print as a box or in another font")

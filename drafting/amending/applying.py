"""Applying one article's instructions to its source text, by the rules of docs/amend.md.

``amend`` uses this to prove a plan before it writes it: every article's instructions,
applied to OLD's file, must give NEW's file byte for byte, or the article is restated
whole. The rules are the ones ``consolidate`` follows:
- restate a paragraph or point: its span's lines become the quoted lines;
- insert: the quoted lines go right after the span of the sibling with the greatest number
  below the new one (before the first sibling when there is none);
- repeal: the span's lines go;
- replace-words: the one occurrence of ``old`` in the target's span becomes ``new``;
- add-words: after the one occurrence of ``after``, a space and ``new`` (no space when ``new``
  starts with a punctuation mark);
- delete-words: the one occurrence of ``old`` goes, with the space before it (else the one after it);
- renumber an article: the front matter's ``number:`` value.
"""

from __future__ import annotations

import re

from drafting.amending.instructions import Instruction, Words
from drafting.amending.spans import Span, unit_spans
from drafting.numbering import parse_number
from drafting.profile import Profile
from drafting.source.yamldoc import split_front_matter

PUNCTUATION = ",.;:)»!?"
_NUMBER_LINE = re.compile(r"^number:[ \t]*(.*?)[ \t]*$", re.M)


class CannotApply(Exception):
    """An instruction that does not apply to the text (a target missing, words not found or found twice)."""


def apply_words(text: str, kind: str, words: Words) -> str:
    """``text`` with one words instruction applied."""
    needle = words.after if kind == "add-words" else words.old
    if not needle or text.count(needle) != 1:
        raise CannotApply(f"the words «{needle}» occur {text.count(needle) if needle else 0} times")
    at = text.index(needle)
    if kind == "replace-words":
        return text[:at] + words.new + text[at + len(needle):]
    if kind == "add-words":
        end = at + len(needle)
        glue = "" if words.new[:1] in PUNCTUATION else " "
        return text[:end] + glue + words.new + text[end:]
    if kind == "delete-words":
        end = at + len(needle)
        if at > 0 and text[at - 1] == " ":
            return text[:at - 1] + text[end:]
        if text[end:end + 1] == " ":
            return text[:at] + text[end + 1:]
        return text[:at] + text[end:]
    raise CannotApply(f"{kind} is not a words instruction")


def renumber_front_matter(text: str, number: str) -> str:
    front, _, _ = split_front_matter(text)
    if front is None:
        raise CannotApply("no front matter")
    match = _NUMBER_LINE.search(text, 0, len(front) + 4)
    if match is None:
        raise CannotApply("no number in the front matter")
    return text[:match.start(1)] + number + text[match.end(1):]


def apply_to_article(text: str, instructions: list[Instruction], lang: str, profile: Profile) -> str:
    """An article file's text with its paragraph, point and words instructions applied in order."""
    for instruction in instructions:
        text = _apply_one(text, instruction, lang, profile)
    return text


def _apply_one(text: str, instruction: Instruction, lang: str, profile: Profile) -> str:
    if instruction.kind == "renumber" and instruction.target.level == "article":
        assert instruction.number is not None
        return renumber_front_matter(text, instruction.number)
    lines = text.split("\n")
    spans = unit_spans(text, profile)
    path = instruction.target.path
    if instruction.kind == "insert":
        assert instruction.insertion is not None
        quoted = instruction.quoted[lang].text.split("\n")[:-1]
        where = _insertion_line(spans, path, instruction.insertion.number, instruction.insertion.level, profile)
        return "\n".join(lines[:where] + quoted + lines[where:])
    span = _body_span(text, lines) if not path or path == ("0",) else spans.get(path)
    if span is None:
        raise CannotApply(f"no unit {'/'.join(path)}")
    if instruction.kind == "restate":
        quoted = instruction.quoted[lang].text.split("\n")[:-1]
        return "\n".join(lines[:span.start] + quoted + lines[span.end:])
    if instruction.kind == "repeal":
        return "\n".join(lines[:span.start] + lines[span.end:])
    if instruction.kind.endswith("-words"):
        inside = "\n".join(lines[span.start:span.end])
        changed = apply_words(inside, instruction.kind, instruction.words[lang])
        return "\n".join(lines[:span.start] + changed.split("\n") + lines[span.end:])
    raise CannotApply(f"{instruction.kind} of a {instruction.target.level}")


def _body_span(text: str, lines: list[str]) -> Span:
    _, _, body_line = split_front_matter(text)
    end = len(lines)
    while end > body_line - 1 and not lines[end - 1].strip():
        end -= 1
    return Span(body_line - 1, end)


def _insertion_line(spans: dict[tuple[str, ...], Span], parent: tuple[str, ...], number: str, level: str,
                    profile: Profile) -> int:
    depth = len(parent) + 1
    siblings = [(p, s) for p, s in spans.items() if len(p) == depth and p[:-1] == parent]
    if not siblings and parent == ():  # an article without numbered paragraphs: its points
        siblings = [(p, s) for p, s in spans.items() if len(p) == 2 and p[0] == "0"]
    if not siblings:
        raise CannotApply("no sibling to place the new unit by")
    style = next((lv for lv in profile.levels if lv.name == level), profile.paragraph_level)
    key = parse_number(number, style.style, style.inserted or "dash")
    before = [(p, s) for p, s in siblings
              if (k := parse_number(p[-1], style.style, style.inserted or "dash")) is not None
              and key is not None and k < key]
    if before:
        return max(before, key=lambda item: item[1].start)[1].end
    return min(s.start for _, s in siblings)

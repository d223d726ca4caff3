"""Non-breaking joins for the printed page, made when the text is laid out (drafters never type them).

A line must not end between a number and the word that goes with it
("6-бапқа", "статьи 53", "Article 62", "§ 3", "40 лет", "5) немесе"), nor at the hyphen of
a short particle ("сондай-ақ"). In print mode the HTML renderer passes every
text through :func:`join_numbers`, which wraps each such group in
``<span class="nobr">`` (``white-space: nowrap; hyphens: manual`` in
``templates/css/print.css``). The characters stay as written, so text copied
or searched in the PDF is the source's text.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# words that name the number after them, by language (lower case; in kk and ru a stem matches its inflected forms)
LABELS: dict[str, tuple[str, ...]] = {
    "ru": ("стат", "пункт", "подпункт", "част", "раздел", "глав", "приложени", "ст.", "п.", "подп."),
    "en": ("article", "articles", "paragraph", "paragraphs", "point", "points", "section", "sections", "chapter",
           "chapters", "part", "parts", "annex", "annexes", "no."),
    "kk": ("қосымша",),
}
SIGNS = ("§", "№")
WORD = r"[^\W\d_][\w'’]*"
NUMBER = r"(?:\d+(?:[.,]\d+)*|[IVXLC]+)\b"
# a number with a case suffix or a noun after its hyphen: "6-бапқа", "2-тармағы", "1995-жылғы"
SUFFIXED = re.compile(rf"\d+(?:[.,]\d+)*[-‐]{WORD}")
# a hyphenated word with a short part: "сондай-ақ", "бір-бір", "т.-б."
SHORT_PART = re.compile(rf"(?<![\w-])(?:{WORD}-[^\W\d_]{{1,2}}|[^\W\d_]{{1,2}}-{WORD})(?![\w-])")
TOKEN = re.compile(r"\S+")
# a point's number or letter as the text names it, "5)", "(a)", "б)" (not the list's own marker, which is no text)
POINT_REF = re.compile(r"\(?(?:\d{1,3}|[^\W\d_]{1,2})\)")


def _is_label(word: str, lang: str) -> bool:
    bare = word.lower().strip("«»\"'(,;:")
    if bare in SIGNS:
        return True
    stems = LABELS.get(lang, ())
    if lang == "en":  # English forms are listed whole ("part" must not match "particular")
        return bare in stems
    return any(bare == stem if stem.endswith(".") else bare.startswith(stem) for stem in stems)


def _is_number(word: str) -> bool:
    return re.fullmatch(rf"\(?{NUMBER}[).,;:]*", word) is not None and any(c.isdigit() for c in word)


def spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every group that must stay on one line, in order, not overlapping."""
    found: list[tuple[int, int]] = []
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and _is_label(word, lang) and re.match(rf"\(?{NUMBER}", nxt[2]) is not None:
            found.append((start, _number_end(nxt)))  # "статьи 53", "Article 62", "§ 3"
            i += 2
            continue
        if nxt is not None and i > 0 and POINT_REF.fullmatch(word) and re.match(WORD, nxt[2]) is not None:
            found.append((start, nxt[0] + len(re.match(WORD, nxt[2]).group())))  # type: ignore[union-attr]
            i += 1  # a point named in running text: "5) немесе", "6) тармақшасында"; the word may start a group
            continue
        if nxt is not None and _is_number(word) and not word.endswith((".", ",", ";", ":", ")")) \
                and re.match(WORD, nxt[2]) is not None:
            found.append((start, start + len(word) + (nxt[0] - end) + len(re.match(WORD, nxt[2]).group())))  # type: ignore[union-attr]
            i += 2  # "40 лет", "35 жасқа"
            continue
        i += 1
    merged: list[tuple[int, int]] = []
    for start, end in found:  # "б) пункта" and "пункта 3" are one group
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    found = merged
    for pattern in (SUFFIXED, SHORT_PART):
        for match in pattern.finditer(text):
            if not any(a <= match.start() < b or a < match.end() <= b for a, b in found):
                found.append((match.start(), match.end()))
    return sorted(found)


def _number_end(token: tuple[int, int, str]) -> int:
    start, _, word = token
    match = re.match(rf"\(?{NUMBER}(?:[-‐]{WORD})?", word)
    return start + (match.end() if match else len(word))


def join_numbers(text: str, lang: str) -> Markup:
    """``text`` escaped, with every group of :func:`spans` in a no-break span."""
    out: list[Markup | str] = []
    position = 0
    for start, end in spans(text, lang):
        out.append(escape(text[position:start]))
        out.append(Markup('<span class="nobr">%s</span>') % text[start:end])
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)

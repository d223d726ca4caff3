"""A synthetic source tree of any size, for benchmarks: ``make_synthetic(root, articles)``.

The tree is valid (``drafting check`` passes): a preamble, sections of 100 articles
numbered straight through, paragraphs with points and wrap-ups, a cross-reference
in every tenth article, headings in every fifth, in every language asked for. It
carries its own profile (``profiles/synthetic.yaml``, no fixed section count).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafting.importer.metaread import LANGUAGE_CODES
from drafting.model import (Article, Emphasis, Expression, InlineSeq, Language, Loc, Paragraph, Point, Preamble, Ref,
                            Section, Text, Version, Work, WorkMeta)
from drafting.numbering import to_roman
from drafting.profile import Profile
from drafting.source.rewrite import profile_data, render_tree, write_tree

PER_SECTION = 100
_AKN = {short: long for long, short in LANGUAGE_CODES.items()}
_LABELS = {
    "kk": {"article": "{n}-бап", "section": "{n} бөлім", "paragraph_of_article": "{n}-баптың {p}-тармағы"},
    "ru": {"article": "Статья {n}", "section": "Раздел {n}", "paragraph_of_article": "пункт {p} статьи {n}"},
    "en": {"article": "Article {n}", "section": "Section {n}", "paragraph_of_article": "paragraph {p} of Article {n}"},
}
_WORDS = {
    "kk": ("Мемлекет", "азаматтардың құқықтарын", "қорғайды"),
    "ru": ("Государство", "защищает права", "граждан"),
    "en": ("The State", "protects the rights", "of citizens"),
}
LOC = Loc("synthetic", 1)


def _text(lang: str, n: int, what: str) -> InlineSeq:
    subject, verb, rest = _WORDS.get(lang, _WORDS["en"])
    return (Text(f"{subject} {verb} {rest} ({what} {n})."),)


def _article(lang: str, n: int) -> Article:
    points = tuple(Point(str(p), (Text(f"{_WORDS.get(lang, _WORDS['en'])[1]} {p};"),), LOC) for p in (1, 2, 3))
    second: InlineSeq = (Text(f"{_WORDS.get(lang, _WORDS['en'])[0]} "), Emphasis((Text("ensures"),)), Text(":"))
    third = _text(lang, n, "c")
    if n % 10 == 0:
        third = (*third, Text(" "), Ref(f"article-{n - 1}", "2", (), LOC), Text("."))
    paragraphs = (Paragraph("1", _text(lang, n, "a"), LOC), Paragraph("2", second, LOC, points, _text(lang, n, "b")),
                  Paragraph("3", third, LOC))
    heading = f"{_WORDS.get(lang, _WORDS['en'])[0]} {n}" if n % 5 == 0 else None
    return Article(f"article-{n}", str(n), paragraphs, LOC, heading)


def synthetic_work(articles: int, languages: tuple[str, ...] = ("kk", "ru", "en")) -> Work:
    sections_count = max(1, -(-articles // PER_SECTION))
    expressions = {}
    for lang in languages:
        sections = []
        for s in range(1, sections_count + 1):
            numbers = range((s - 1) * PER_SECTION + 1, min(s * PER_SECTION, articles) + 1)
            sections.append(Section(f"part-{s}", to_roman(s), f"{_WORDS.get(lang, _WORDS['en'])[0]} {s}", LOC,
                                    tuple(_article(lang, n) for n in numbers)))
        preamble = Preamble((_text(lang, 0, "preamble"),), LOC)
        expressions[lang] = Expression(lang, f"Synthetic code ({lang})", preamble, tuple(sections))
    langs = tuple(Language(code, _AKN.get(code, "eng"), True) for code in languages)
    meta = WorkMeta(country="kz", doctype="act", subtype="code", number="synthetic", date=dt.date(2026, 3, 15),
                    author="people", title={lang: f"Synthetic code ({lang})" for lang in languages}, languages=langs,
                    profile="synthetic", version="draft", versions=(Version("draft", dt.date(2026, 2, 12)),),
                    publications=(), authors={}, loc=LOC)
    profile = Profile(name="synthetic", preamble_required=True, section_count=None, section_numbering="roman",
                      labels={lang: _LABELS.get(lang, _LABELS["en"]) for lang in languages})
    return Work(meta, profile, expressions)


def make_synthetic(root: Path, articles: int, languages: tuple[str, ...] = ("kk", "ru", "en")) -> Path:
    """Write a valid source tree of ``articles`` articles into ``root`` (replacing it)."""
    work = synthetic_work(articles, languages)
    write_tree(render_tree(work, profile_data(work.profile, "synthetic benchmark code")), root, force=True)
    return root


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "synthetic")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    print(make_synthetic(target, count))

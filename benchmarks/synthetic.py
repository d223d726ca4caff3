"""A synthetic code of N articles in three languages, as a valid source tree.

Used by the benchmarks: sections of 100 articles, 2-4 paragraphs per article,
points in every third article, and a cross-reference in every fifth one.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = {
    "kk": "мемлекет құқық азамат заң сот билік халық бостандық міндет тәртіп өкілеттік орган".split(),
    "ru": "государство право гражданин закон суд власть народ свобода обязанность порядок орган".split(),
    "en": "state right citizen law court power people freedom duty order body authority".split(),
}
ARTICLE_LABEL = {"kk": "{n}-бабында", "ru": "статьей {n}", "en": "Article {n}"}

PROFILE = """name: synthetic
preamble: required
sections: {numbering: arabic}
articles: {numbering: continuous, inserted: false}
"""


def _sentence(rng: random.Random, lang: str, words: int) -> str:
    chosen = [rng.choice(WORDS[lang]) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def make_synthetic(root: Path, articles: int, languages: tuple[str, ...] = ("kk", "ru", "en"), seed: int = 1,
                   words_per_paragraph: int = 12) -> Path:
    """Write the tree under ``root`` and return it."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "profiles").mkdir(exist_ok=True)
    (root / "profiles" / "synthetic.yaml").write_text(PROFILE, encoding="utf-8")
    langs = "\n".join(f"  - {{code: {l}, akn: {dict(kk='kaz', ru='rus', en='eng')[l]}, authoritative: {str(l != 'en').lower()}}}"
                      for l in languages)
    titles = "\n".join(f"  {l}: Synthetic code {l}" for l in languages)
    (root / "work.yaml").write_text(
        f"country: kz\ndoctype: act\nnumber: synthetic-code\ndate: 2026-01-01\nauthor: parliament\n"
        f"title:\n{titles}\nlanguages:\n{langs}\nprofile: synthetic\n", encoding="utf-8")
    for lang in languages:
        (root / f"preamble.{lang}.md").write_text(_sentence(rng, lang, 20) + "\n", encoding="utf-8")
    per_section = 100
    sections = (articles + per_section - 1) // per_section
    number = 0
    for s in range(1, sections + 1):
        folder = root / f"{s:03d}-part-{s}"
        folder.mkdir(exist_ok=True)
        title_lines = "\n".join(f"  {l}: Part {s} {l}" for l in languages)
        (folder / "section.yaml").write_text(f"number: {s}\ntitle:\n{title_lines}\n", encoding="utf-8")
        for _ in range(min(per_section, articles - number)):
            number += 1
            paragraphs = rng.randint(2, 4)
            points = rng.randint(2, 4) if number % 3 == 0 else 0
            target = rng.randint(1, number) if number % 5 == 0 else None
            for lang in languages:
                lines = [f"---\nid: a{number}\nnumber: {number}\n---"]
                for p in range(1, paragraphs + 1):
                    text = _sentence(rng, lang, words_per_paragraph)
                    if target is not None and p == 1:
                        label = ARTICLE_LABEL.get(lang, "Article {n}").format(n=target)
                        text = text[:-1] + f" [{label}](art:a{target})."
                    lines.append(f"{p}. {text}")
                    if p == paragraphs:
                        lines.extend(f"   {q}) {_sentence(rng, lang, 5)}" for q in range(1, points + 1))
                (folder / f"{number:05d}-a{number}.{lang}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root

"""A synthetic statute book: ``make_library(root, acts, articles_per_act)`` writes a repository of acts.

``drafting.yaml`` finds every act below ``acts/``; each act (profile ``kz-law``, kk/ru/en)
has chapters of 20 articles with paragraphs and points, references inside the act and,
in every fifth article, a reference to an article of the act before it. The whole
repository passes ``drafting check``. 500 acts of 200 articles make the 100,000-article
book of issue #11.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PER_CHAPTER = 20
TEXT = {
    "kk": ("Бап", "Тарау", "Осы бап қатынастарды реттейді", "{n}-бапқа", "{n}-бабына", "уәкілетті органның құзыреті"),
    "ru": ("Статья", "Глава", "Настоящая статья регулирует отношения", "статье {n}", "статье {n}", "компетенция органа"),
    "en": ("Article", "Chapter", "This article governs relations", "Article {n}", "Article {n}", "powers of the body"),
}


def _article(lang: str, act: int, n: int) -> str:
    heading, _, text, inner, outer, point = TEXT[lang]
    lines = ["---", f"id: a{n}", f"number: {n}", f"heading: {heading} {n}", "---", f"1. {text} {act}.{n}."]
    lines += ["2. " + text + ":", f"   1) {point} 1;", f"   2) {point} 2."]
    third = f"3. {text}"
    if n > 1:
        third += f", [{inner.format(n=n - 1)}](art:a{n - 1})"
    if act > 1 and n % 5 == 0:
        third += f", [{outer.format(n=n)}](act{act - 1}:art:a{n})"
    lines.append(third + ".")
    return "\n".join(lines) + "\n"


def make_library(root: Path, acts: int, articles: int) -> Path:
    if root.exists():
        shutil.rmtree(root)
    (root / "acts").mkdir(parents=True)
    (root / "drafting.yaml").write_text("find:\n  - acts\n", encoding="utf-8")
    for act in range(1, acts + 1):
        folder = root / "acts" / f"act{act}"
        folder.mkdir()
        (folder / "work.yaml").write_text(
            f"country: kz\ndoctype: act\nsubtype: law\nnumber: \"{act}\"\nshort: act{act}\ndate: 2026-06-01\n"
            "author: parliament\ntitle:\n" + "".join(f"  {lang}: {TEXT[lang][0]} {act}\n" for lang in TEXT)
            + "languages:\n  - {code: kk, akn: kaz, authoritative: true}\n  - {code: ru, akn: rus, authoritative: true}\n"
            "  - {code: en, akn: eng, authoritative: false, translation_of: ru}\nprofile: kz-law\n", encoding="utf-8")
        for n in range(1, articles + 1):
            chapter = folder / f"{(n - 1) // PER_CHAPTER + 1:02d}-c{(n - 1) // PER_CHAPTER + 1}"
            if not chapter.exists():
                chapter.mkdir()
                c = (n - 1) // PER_CHAPTER + 1
                (chapter / "chapter.yaml").write_text(
                    f"number: {c}\ntitle:\n" + "".join(f"  {lang}: {TEXT[lang][1]} {c}\n" for lang in TEXT),
                    encoding="utf-8")
            for lang in TEXT:
                (chapter / f"{n:03d}-a{n}.{lang}.md").write_text(_article(lang, act, n), encoding="utf-8")
    return root

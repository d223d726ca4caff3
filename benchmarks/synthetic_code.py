"""A synthetic code of four container levels with tables, footnotes, terms and annexes, written as source files.

``make_code(root, articles)`` writes a tree for the bundled ``kz-code`` profile in Kazakh
and Russian: sections > chapters > paragraph groups (§) > articles (25 per group, numbered
through the code), each with numbered paragraphs,
points and sub-points; every tenth article a table, every seventh a footnote, terms
defined in article 1 and used throughout, references to earlier articles and to the
annexes (one per 500 articles, each with a table). The tree passes ``drafting check``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PER_GROUP, GROUPS_PER_CHAPTER, CHAPTERS_PER_SECTION = 25, 4, 10
LANGS = {
    "kk": {"title": "Синтетикалық кодекс", "section": "Бөлім", "chapter": "Тарау", "group": "Параграф",
           "heading": "Бап", "intro": "Мемлекет мыналарды қамтамасыз етеді:", "point": "азаматтардың құқықтарын қорғау",
           "sub": "тармақша", "text": "Осы бап қоғамдық қатынастарды реттейді", "ref": "{n}-бапқа", "annex": "{n}-қосымшаға",
           "term": "уәкілетті орган", "note": "Ескертпе мәтіні", "cell": "мән", "head": ("Атауы", "Мөлшері")},
    "ru": {"title": "Синтетический кодекс", "section": "Раздел", "chapter": "Глава", "group": "Параграф",
           "heading": "Статья", "intro": "Государство обеспечивает:", "point": "защиту прав граждан",
           "sub": "подпункт", "text": "Настоящая статья регулирует общественные отношения", "ref": "статье {n}",
           "annex": "приложению {n}", "term": "уполномоченный орган", "note": "Текст примечания", "cell": "значение",
           "head": ("Наименование", "Размер")},
}


def _article(lang: str, n: int, annexes: int) -> str:
    words = LANGS[lang]
    lines = ["---", f"id: a{n}", f"number: {n}", f"heading: {words['heading']} {n}", "---"]
    if n == 1:
        lines.append(f"1. [{words['term']}](def:authority) – {words['text']}.")
    else:
        lines.append(f"1. {words['text']}, [{words['term']}](term:authority) {n}.")
    lines.append(f"2. {words['intro']}")
    for p in (1, 2, 3):
        lines.append(f"   {p}) {words['point']} {p};")
    lines.append(f"      а) {words['sub']} а;")
    lines.append(f"      б) {words['sub']} б.")
    third = f"3. {words['text']}"
    if n > 1 and n % 3 == 0:
        third += f", [{words['ref'].format(n=n - 1)}](art:a{n - 1})"
    if n % 50 == 0 and annexes:
        k = (n // 50) % annexes + 1
        third += f", [{words['annex'].format(n=k)}](annex:annex-{k})"
    if n % 7 == 0:
        third += "[^1]"
    lines.append(third + ".")
    if n % 10 == 0:
        head = words["head"]
        lines += ["", f"   | {head[0]} | {head[1]} |", "   |---|--:|"]
        lines += [f"   | {words['cell']} {r} | {r * n} |" for r in (1, 2, 3)]
    if n % 7 == 0:
        lines += ["", f"[^1]: {words['note']} {n}."]
    return "\n".join(lines) + "\n"


def _annex(lang: str, k: int) -> str:
    words = LANGS[lang]
    head = words["head"]
    rows = [f"| {words['cell']} {r} | {r * k} |" for r in range(1, 11)]
    return "\n".join(["---", f"id: annex-{k}", f"number: {k}", f"title: {words['title']} {k}", "---",
                      f"{words['text']}.", "", f"| {head[0]} | {head[1]} |", "|---|--:|", *rows]) + "\n"


def _yaml(number: int, kind: str, index: int) -> str:
    return "number: {n}\ntitle:\n{titles}".format(
        n=number, titles="".join(f"  {lang}: {LANGS[lang][kind]} {index}\n" for lang in LANGS))


def make_code(root: Path, articles: int) -> Path:
    """Write a valid code of ``articles`` articles into ``root`` (replacing it)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    annexes = max(1, articles // 500)
    (root / "work.yaml").write_text(
        "country: kz\ndoctype: act\nsubtype: code\nnumber: synthetic-code\ndate: 2026-06-01\nauthor: parliament\n"
        "title:\n" + "".join(f"  {lang}: {words['title']}\n" for lang, words in LANGS.items())
        + "languages:\n  - {code: kk, akn: kaz, authoritative: true}\n  - {code: ru, akn: rus, authoritative: true}\n"
        "profile: kz-code\n", encoding="utf-8")
    per_chapter = PER_GROUP * GROUPS_PER_CHAPTER
    per_section = per_chapter * CHAPTERS_PER_SECTION
    for n in range(1, articles + 1):
        s, c, g = (n - 1) // per_section + 1, (n - 1) // per_chapter + 1, ((n - 1) // PER_GROUP) % GROUPS_PER_CHAPTER + 1
        section = root / f"{s:02d}-s{s}"
        chapter = section / f"{c:03d}-c{c}"
        group = chapter / f"{g:02d}-g{g}"
        if not group.exists():
            group.mkdir(parents=True)
            if not (section / "section.yaml").exists():
                (section / "section.yaml").write_text(_yaml(s, "section", s), encoding="utf-8")
            if not (chapter / "chapter.yaml").exists():
                (chapter / "chapter.yaml").write_text(_yaml(c, "chapter", c), encoding="utf-8")
            (group / "paragraph-group.yaml").write_text(_yaml(g, "group", g), encoding="utf-8")
        for lang in LANGS:
            (group / f"{n:05d}-a{n}.{lang}.md").write_text(_article(lang, n, annexes), encoding="utf-8")
    (root / "annexes").mkdir()
    for k in range(1, annexes + 1):
        for lang in LANGS:
            (root / "annexes" / f"{k:02d}-annex-{k}.{lang}.md").write_text(_annex(lang, k), encoding="utf-8")
    return root

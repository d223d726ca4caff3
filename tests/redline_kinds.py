"""The kinds of edit a reviewer meets, each one a function of the source folder (tests/test_redline_kinds.py).

Each edit is made in every language; ``PREPARE`` holds what the first version
needs beyond the mini fixture (the paragraphs a split or a move takes away).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from redline_edits import (LANGS, add_paragraph, article_path, delete_article, extra, insert_article, move_article,
                           remove_lines, replace_text)

Edit = Callable[[Path], None]


def prepare_split(source: Path) -> None:
    add_paragraph(source, "05-government", "009-government-1",
                  {lang: extra("a", 3)[lang] + "\n" + extra("b", 4)[lang] for lang in LANGS})


def split(source: Path) -> None:
    """Article 9's paragraphs 3-4 become a new Article 10."""
    remove_lines(source, "05-government", "009-government-1", {lang: ["3. ", "4. "] for lang in LANGS})
    insert_article(source, "05-government", "009a-declarations", "declarations",
                   {lang: extra("a", 1)[lang] + "\n" + extra("b", 2)[lang] for lang in LANGS})


def merge(source: Path) -> None:
    """Article 12 is merged into Article 11: its two paragraphs become 11(3)-(4)."""
    for lang in LANGS:
        text = article_path(source, "06-council", "012-council-2", lang).read_text(encoding="utf-8")
        body = text.split("---\n", 2)[2].replace("1. ", "3. ", 1).replace("\n2. ", "\n4. ", 1)
        add_paragraph(source, "06-council", "011-council-1", {lang: body.rstrip("\n")})
    delete_article(source, "06-council", "012-council-2")


def prepare_move(source: Path) -> None:
    add_paragraph(source, "02-rights", "004-rights-2", extra("c", 3))


def paragraph_moved(source: Path) -> None:
    """Article 4(3) (section II) moves to Article 18 (section IX) as its paragraph 3, one word changed."""
    remove_lines(source, "02-rights", "004-rights-2", {lang: ["3. "] for lang in LANGS})
    moved = extra("c", 3)
    moved["en"] = moved["en"].replace("compelled", "forced")
    moved["ru"] = moved["ru"].replace("обязан", "может быть принуждён")
    moved["kk"] = moved["kk"].replace("міндетті емес", "мәжбүрленбейді")
    add_paragraph(source, "09-local", "018-local-2", moved)


def swapped(source: Path) -> None:
    """Articles 7 and 8 change places."""
    move_article(source, "04-kurultai", "007-kurultai-1", "04-kurultai", "008b-kurultai-1")


def reworded(source: Path) -> None:
    """Article 22 rewritten almost entirely, same id."""
    texts = {
        "en": "1. Laws adopted before this Constitution remain in force in so far as they do not contradict it.",
        "ru": "1. Законы, принятые до вступления в силу настоящей Конституции, действуют в части, "
              "не противоречащей ей.",
        "kk": "1. Осы Конституция күшіне енгенге дейін қабылданған заңдар оған қайшы келмейтін бөлігінде "
              "қолданылады.",
    }
    for lang, text in texts.items():
        path = article_path(source, "11-final", "022-final-2", lang)
        front = path.read_text(encoding="utf-8").split("---\n", 2)[1]
        path.write_text(f"---\n{front}---\n{text}\n", encoding="utf-8")


def punctuation_and_number(source: Path) -> None:
    """In Article 3: a comma inserted, a full stop deleted, a number changed (3 -> 30)."""
    replace_text(source, "02-rights", "003-rights-1", {
        "en": ("1. This is Article 3, on rights.\n2. The State ensures", "1. This is Article 30, on rights\n2. The State, ensures"),
        "ru": ("1. Это статья 3 о разделе «Права».\n2. Государство обеспечивает",
               "1. Это статья 30 о разделе «Права»\n2. Государство, обеспечивает"),
        "kk": ("1. Бұл 3-бап, құқықтар туралы.\n2. Мемлекет мынадай", "1. Бұл 30-бап, құқықтар туралы\n2. Мемлекет, мынадай"),
    })


def point_deleted(source: Path) -> None:
    """Article 6(2): point 1) deleted, point 2) becomes 1)."""
    replace_text(source, "03-president", "006-president-2", {
        "en": ("   1) the first measure;\n   2) the second measure.", "   1) the second measure."),
        "ru": ("   1) первая мера;\n   2) вторая мера.", "   1) вторая мера."),
        "kk": ("   1) бірінші шара;\n   2) екінші шара.", "   1) екінші шара."),
    })


def section_title(source: Path) -> None:
    path = source / "02-rights" / "section.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('en: "Rights"', 'en: "Rights and Freedoms"').replace("ru: Права", "ru: Права и свободы")
                    .replace("kk: Құқықтар", "kk: Құқықтар мен бостандықтар"), encoding="utf-8")


def preamble(source: Path) -> None:
    for lang, (old, new) in {"en": ("adopt", "solemnly adopt"), "ru": ("принимаем", "торжественно принимаем"),
                             "kk": ("қабылдаймыз", "салтанатты түрде қабылдаймыз")}.items():
        path = source / f"preamble.{lang}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def ten_inserted(source: Path) -> None:
    """Ten new articles at the end of section VIII."""
    for k in range(10):
        insert_article(source, "08-justice", f"016{chr(ord('a') + k)}-new-{k}", f"new-{k}", {
            "en": f"Everyone may apply to the court number {k + 1} in the manner provided by law.",
            "ru": f"Каждый вправе обратиться в суд номер {k + 1} в порядке, установленном законом.",
            "kk": f"Әркім заңда белгіленген тәртіппен {k + 1} нөмірлі сотқа жүгінуге құқылы.",
        })

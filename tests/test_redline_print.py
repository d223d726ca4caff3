"""The redline's and the comparative table's pages as a reviewer reads them, read back from the built PDFs.

One temporary repository (tests/redline_edits.py) with version titles in
work.yaml and, in the second version, an inserted article too long for one page
of the table; one `drafting redline ... --lang ru` run; pdftotext (-bbox for
positions) on what it wrote: the running head with both versions on every page,
line numbers in the margin restarting on every page, a long row continued on
the next page with its unit and «(продолжение)» and the header row repeated.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafting.cli import app
from redline_edits import LANGS, commit, insert_article, new_repo, renumber, replace_text

TITLES = {"first-draft": {"kk": "Бірінші жоба", "ru": "Первый проект", "en": "First draft"},
          "final-draft": {"kk": "Түпкілікті жоба", "ru": "Окончательный проект", "en": "Final draft"}}
WORDS = {"ru": "закон норма право орган суд гражданин порядок решение", "en": "law rule right body court citizen order",
         "kk": "заң норма құқық орган сот азамат тәртіп шешім"}
MM = 72 / 25.4


def long_article() -> dict[str, str]:
    """Sixteen paragraphs of some sixty words: more than a landscape page in one row."""
    texts = {}
    for lang in LANGS:
        words = WORDS[lang].split()
        paragraphs = [f"{p}. " + " ".join(f"{words[(p + k) % len(words)]}{k}" for k in range(60)) + "."
                      for p in range(1, 17)]
        texts[lang] = "\n".join(paragraphs)
    return texts


@dataclass(frozen=True)
class Built:
    out: Path
    first: str
    second: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    tmp = tmp_path_factory.mktemp("print")
    repo, source = new_repo(tmp)
    work = source / "work.yaml"
    text = work.read_text(encoding="utf-8")
    for name, date in (("first-draft", "2026-01-31"), ("final-draft", "2026-02-12")):
        titles = ", ".join(f"{lang}: {title}" for lang, title in TITLES[name].items())
        text = re.sub(rf"\{{name: {name}, date: {date}", f"{{name: {name}, date: {date}, title: {{{titles}}}", text)
    work.write_text(text, encoding="utf-8")
    first = commit(repo, "First draft", "2026-01-31T12:00:00+05:00", tag="first-draft")
    insert_article(source, "03-president", "005a-long", "long-article", long_article())
    replace_text(source, "03-president", "005-president-1", {
        "en": ("the first measure;", "the primary measure;"), "ru": ("первая мера;", "основная мера;"),
        "kk": ("бірінші шара;", "негізгі шара;")})
    renumber(source)
    second = commit(repo, "Final draft", "2026-02-12T12:00:00+05:00", tag="final-draft")
    out = tmp / "out"
    result = CliRunner().invoke(app, ["redline", "first-draft", "final-draft", str(source), "--out", str(out),
                                      "--lang", "ru", "-q"])
    assert result.exit_code == 0, result.output
    return Built(out, first, second)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pages(pdf: Path) -> list[list[Word]]:
    """Every page's words with their boxes (points, from the top left), from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in html.split("<page ")[1:]:
        found.append([Word(unescape(m.group(5)), *(float(m.group(k)) for k in range(1, 5))) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)])
    return found


def text_of(pdf: Path, page: int) -> str:
    done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def pdf_info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout


HEAD = "Первый проект, 31.01.2026 → Окончательный проект, 12.02.2026"


@pytest.mark.parametrize("name", ["redline.pdf", "comparative-table.pdf"])
def test_a_running_head_with_both_versions_on_every_page_and_commits_only_in_the_metadata(
        built: Built, name: str) -> None:
    pdf = built.out / name
    words = pages(pdf)
    assert len(words) >= 3
    for number, page in enumerate(words, start=1):
        top = " ".join(w.text for w in page if w.y1 < 20 * MM)
        assert HEAD in top, (number, top)
    everything = " ".join(text_of(pdf, k) for k in range(1, len(words) + 1))
    assert built.first[:7] not in everything and built.second[:7] not in everything
    info = pdf_info(pdf)
    assert built.first in info and built.second in info


def test_line_numbers_in_the_margin_restart_on_every_page_beside_each_line(built: Built) -> None:
    words = pages(built.out / "redline.pdf")
    for number, page in enumerate(words, start=1):
        margin = sorted((w for w in page if w.x1 < 25 * MM - 2 and w.y0 > 20 * MM and w.y1 < 297 * MM - 22 * MM),
                        key=lambda w: w.y0)
        body = [w for w in page if w.x0 >= 25 * MM - 1 and 20 * MM < w.y0 and w.y1 < 297 * MM - 22 * MM]
        assert [w.text for w in margin] == [str(k) for k in range(1, len(margin) + 1)], number
        lines = sorted({round(w.y1, 0) for w in body})
        merged = [y for k, y in enumerate(lines) if k == 0 or y - lines[k - 1] > 2]
        assert len(margin) == len(merged), (number, len(margin), len(merged))
        for numeral, line in zip(margin, merged):
            assert abs(numeral.y1 - line) < 2.5, (number, numeral, line)
    assert len(words) > 3 and all(len([w for w in page if w.x1 < 25 * MM - 2]) > 10 for page in words[2:-1])


def test_a_long_row_continues_with_its_unit_and_the_header_row_on_every_page(built: Built) -> None:
    pdf = built.out / "comparative-table.pdf"
    words = pages(pdf)
    texts = [text_of(pdf, k) for k in range(1, len(words) + 1)]
    header = "№ п/п Структурный Действующая редакция Предлагаемая редакция Обоснование"
    assert all(header in text for text in texts), [k for k, t in enumerate(texts, 1) if header not in t]
    first = texts[0]
    assert "2 Статья 6 Отсутствует 1. норма0 право1" in first and "(продолжение)" not in first
    continued = [k for k, text in enumerate(texts, start=1) if "(продолжение)" in text]
    row_pages = [k for k, text in enumerate(texts, start=1) if "гражданин" in text]
    assert len(row_pages) >= 4 and continued == row_pages[1:]  # every page the row goes on to, and no other
    for k in continued:
        page = words[k - 1]
        top = min((w for w in page if w.y0 > 30 * MM and w.text not in header.split() and w.text != "элемент"),
                  key=lambda w: (round(w.y0), w.x0))
        below_header = sorted((w for w in page if abs(w.y0 - top.y0) < 3), key=lambda w: w.x0)
        assert [w.text for w in below_header][:3] == ["2", "Статья", "6"], k  # the row's number and unit first
        unit = sorted((w for w in page if 28 * MM < w.x0 < 65 * MM and top.y0 - 1 < w.y0 < top.y0 + 20),
                      key=lambda w: (round(w.y0), w.x0))
        assert " ".join(w.text for w in unit) == "Статья 6 (продолжение)", k
        assert texts[k - 1].count("(продолжение)") == 1 and texts[k - 1].count("Статья 6") == 1, k
    # the new wording goes on where it stopped: every paragraph once, in order, none cut
    numbers = re.findall(r"(?<!\S)(\d+)\. \w+0 ", " ".join(texts))
    assert numbers == [str(p) for p in range(1, 17)]

"""`drafting lsp` reports what `drafting check` adds after the rules: translations out of step (A409, against the
tree's translations.yaml) and characters the print fonts lack (G801), on the editor's unsaved buffers."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import LanguageClient

from lsp_client import SERVER, codes, copy_constitution, diagnostics_until, open_file, replace_all, start

LIBERTY = "02-rights/013-personal-liberty"


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    lsp_client.root = copy_constitution(tmp_path)  # type: ignore[attr-defined]
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_russian_only_edit_is_out_of_step_in_the_languages_that_follow_it(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    russian = root / f"{LIBERTY}.ru.md"
    uri = open_file(client, russian)
    edited = russian.read_text(encoding="utf-8").replace("1. Каждый имеет право", "1. Всякий имеет право")
    replace_all(client, uri, edited)  # unsaved: the buffer, not the disk
    for lang in ("kk", "en"):
        other = (root / f"{LIBERTY}.{lang}.md").as_uri()  # never opened: published all the same
        found = await diagnostics_until(client, other, lambda items: "A409" in codes(items))
        item = next(d for d in found if d.code == "A409")
        assert item.message == (f"article 13 (personal-liberty), paragraph 1: changed in ru since the translations "
                                f"were marked, not in {lang}; bring {lang} in step, then run "
                                "'drafting translations mark'")
        assert (item.range.start.line, item.range.start.character) == (4, 0)  # the paragraph's line (5:1)
    replace_all(client, uri, russian.read_text(encoding="utf-8"), version=3)  # put back: in step again
    await diagnostics_until(client, (root / f"{LIBERTY}.kk.md").as_uri(), lambda items: "A409" not in codes(items))


@pytest.mark.asyncio
async def test_a_character_the_fonts_lack_is_an_error_at_its_column(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    english = root / f"{LIBERTY}.en.md"
    uri = open_file(client, english)
    lines = english.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5].replace("2. ", "2. 漢字 ", 1)
    replace_all(client, uri, "\n".join(lines))
    found = await diagnostics_until(client, uri, lambda items: codes(items).count("G801") == 2)
    glyphs = sorted((d for d in found if d.code == "G801"), key=lambda d: d.range.start.character)
    assert [(d.range.start.line, d.range.start.character) for d in glyphs] == [(5, 3), (5, 4)]
    assert glyphs[0].message.startswith("character '漢' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22) has no glyph in the "
                                        "print fonts (")
    assert glyphs[0].message.endswith("): the PDFs cannot print it ('drafting build' stops with P705)")
    assert all(str(d.severity) == "DiagnosticSeverity.Error" or d.severity == 1 for d in glyphs)

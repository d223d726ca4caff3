"""`drafting lsp` reports what `drafting check` adds over the model's rules: a Russian-only edit puts the Kazakh and
English texts out of step (A409, against constitution/translations.yaml), and a character the print fonts lack is
G801 at its own line and column, both while the buffer is unsaved."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_client import client, codes, diagnostics_until, open_file, replace_all

LIBERTY = "02-rights/013-personal-liberty"




@pytest.mark.asyncio
async def test_an_unsaved_russian_edit_is_out_of_step_in_kazakh_and_english(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    assert (root / "translations.yaml").is_file()
    path = root / f"{LIBERTY}.ru.md"
    uri = open_file(client, path)
    kazakh = (root / f"{LIBERTY}.kk.md").as_uri()
    english = (root / f"{LIBERTY}.en.md").as_uri()
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("1. "))
    lines[first] = lines[first].rstrip(".") + " и охраняется законом."
    replace_all(client, uri, "\n".join(lines))
    for other in (kazakh, english):
        found = await diagnostics_until(client, other, lambda items: "A409" in codes(items))
        [stale] = [d for d in found if d.code == "A409"]
        assert stale.severity == types.DiagnosticSeverity.Warning
        assert "paragraph 1: changed in ru since the translations were marked" in stale.message
        assert stale.range.start.line == first
    assert "A409" not in codes(client.diagnostics.get(uri, []))  # the edited text is the one the others follow


@pytest.mark.asyncio
async def test_a_character_the_fonts_lack_is_found_at_its_column(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    path = root / f"{LIBERTY}.kk.md"
    uri = open_file(client, path)
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n4. Мәтін 漢 бар.\n"
    replace_all(client, uri, text)
    found = await diagnostics_until(client, uri, lambda items: "G801" in codes(items))
    [lacking] = [d for d in found if d.code == "G801"]
    assert lacking.severity == types.DiagnosticSeverity.Error
    assert lacking.message.startswith("character '漢' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22) has no glyph in the print fonts")
    last = len(text.rstrip("\n").split("\n")) - 1
    assert (lacking.range.start.line, lacking.range.start.character) == (last, 9)

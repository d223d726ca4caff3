"""What `drafting import` says about what it could not keep as it was: each I7xx warning with its exact message,
at the line of the element it is about.

Two sources: the hand-written publisher fixtures (tests/fixtures/akn-import), and the mini act's own English
export with one thing changed the way other publishers write it (a vendor element, an abbreviation, a link out of
the act, a point lettered among numbered ones, an article without its number, an impossible date). The English
expression alone is a translation whose source language is not imported, so every one of these also says I711.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from akn_common import MINI, export
from drafting.importer.acts import import_files
from drafting.source.load import load_valid

IMPORT = Path(__file__).resolve().parent / "fixtures" / "akn-import"
I711 = "a translation from 'ru', which is not among the imported files: recorded without its source language"


@pytest.fixture(scope="module")
def english() -> str:
    return export(load_valid(MINI), "en").decode("utf-8")


def _line(text: str, anchor: str) -> int:
    return text[: text.index(anchor)].count("\n") + 1


def _findings(path: Path, code: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in import_files([path]).diagnostics if d.code == code]


# code, the text changed (before, after), the start tag of the element the finding is about, the exact messages
CHANGES = [
    ("I710", ("<p>This is Article 1, on foundations.</p>",
              '<p>This is <x:mark xmlns:x="urn:example:vendor">Article 1</x:mark>, on foundations.</p>'),
     "<p>This is <x:mark", ["vendor element <mark> (urn:example:vendor): kept as plain text"]),
    ("I708", ("<p>This is Article 2, on foundations.</p>", "<p>This is <abbr>Article 2</abbr>, on foundations.</p>"),
     "<p>This is <abbr>", ["inline <abbr> kept as plain text"]),
    ("I707", ("<p>the first measure;</p>",
              '<p>the <a href="https://example.org/measures">first</a> <ref href="/akn/xx/act/2000/1/~sec_1">'
              "measure</ref>;</p>"),
     "<p>the <a href", ["<a> to 'https://example.org/measures' kept as plain text",
                        "reference to '/akn/xx/act/2000/1/~sec_1' (outside this act's articles) kept as plain text"]),
    ("I704", ("<num>2)</num>\n              <content>\n                <p>the second measure.</p>",
              "<num>(b)</num>\n              <content>\n                <p>the second measure.</p>"),
     '<point eId="art_1__para_2__point_2">', ["'(b)' is not numbered like the other points (arabic): kept as text"]),
    ("I706", ("<num>Article 2</num>\n", ""),
     '<article eId="art_2"', ["<article> without a number: numbered 2"]),
    ("I702", ('<FRBRdate date="2026-01-31" name="generation"/>', '<FRBRdate date="2026-02-30" name="generation"/>'),
     '<FRBRdate date="2026-02-30"', ['<FRBRdate date="2026-02-30">: not a valid date; ignored']),
]


@pytest.mark.parametrize(("code", "change", "anchor", "messages"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_a_publisher_makes_is_named_at_its_line(english: str, tmp_path: Path, code: str,
                                                        change: tuple[str, str], anchor: str,
                                                        messages: list[str]) -> None:
    before, after = change
    assert before in english
    text = english.replace(before, after, 1)
    path = tmp_path / "en.xml"
    path.write_text(text, encoding="utf-8")
    line = _line(text, anchor)
    assert _findings(path, code) == [(line, message) for message in messages]
    assert _findings(path, "I711") == [(1, I711)]


def test_the_export_as_it_is_says_only_that_its_source_language_is_missing(english: str, tmp_path: Path) -> None:
    """The control: without a change, none of the findings above (so each is about its change)."""
    path = tmp_path / "en.xml"
    path.write_text(english, encoding="utf-8")
    assert [(d.code, d.message) for d in import_files([path]).diagnostics] == [("I711", I711)]


def test_the_publisher_fixtures_name_what_they_do_differently() -> None:
    assert _findings(IMPORT / "intros-act.xml", "I702") == [
        (15, '<FRBRdate date="1977">: not a full date; using 1977-01-01 (the first day of the period)'),
        (23, '<FRBRdate date="1977">: not a full date; using 1977-01-01 (the first day of the period)')]
    assert _findings(IMPORT / "intros-act.xml", "I713") == [
        (143, "<hcontainer> marked editorial (a publisher's marker, not part of the act): not imported: '[Page 3 of the printed edition]'")]  # noqa: E501
    assert _findings(IMPORT / "statutory-instrument.xml", "I703") == [
        (49, "6 article eId(s) do not follow the AKN naming convention (first: 'reg_1'): tolerated; ids come from wId or the printed numbers")]  # noqa: E501
    joined = _findings(IMPORT / "westminster-act.xml", "I709")
    assert joined[0] == (255, "unnumbered <paragraph> among paragraphs: its text is joined to the text before it")
    assert len(joined) == 3

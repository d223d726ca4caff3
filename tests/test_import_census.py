"""The import census: words and numbered units per level, counted in AKN and in a source tree alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from drafting.akn.xmlin import safe_parser
from drafting.importer.census import Census, kept, level_differences, tree_census, xml_census
from drafting.source.load import load_valid

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IMPORT = FIXTURES / "akn-import"


def census_of(name: str) -> list[Census]:
    root = etree.parse(str(IMPORT / name), safe_parser()).getroot()
    acts = root.xpath("/a:akomaNtoso/a:act | /a:akomaNtoso/a:documentCollection/a:collectionBody/a:component/a:act",
                      namespaces={"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"})
    return [xml_census(act) for act in acts]


def test_xml_census_counts_numbered_units_per_element() -> None:
    [act] = census_of("westminster-act.xml")
    assert dict(act.levels) == {"part": 3, "chapter": 2, "section": 10, "subsection": 14, "paragraph": 9,
                                "subparagraph": 2, "annex": 2, "annex paragraph": 3, "annex point": 2, "table": 1,
                                "note": 1, "def": 3, "term": 2}
    assert act.word_count == 744


def test_collection_components_and_editorial_markers() -> None:
    regulation, decision = census_of("eu-collection.xml")
    assert regulation.levels["article"] == 8 and regulation.levels["point"] == 8 and regulation.levels["table"] == 2
    assert dict(decision.levels) == {"article": 2}
    [intros] = census_of("intros-act.xml")
    assert intros.levels["division"] == 5 and "page" not in intros.words  # the editorial page break is not text


def test_kept_is_a_multiset_share() -> None:
    before = Census()
    before.add_text("the keeper must register the reservoir")
    after = Census()
    after.add_text("the keeper must register")
    assert kept(before, after) == pytest.approx(4 / 6)
    assert kept(before, before) == 1.0
    before.levels["section"] = 2
    assert level_differences(before, after) == ["section: 2 in the XML, 0 in the tree"]


def test_tree_census_reads_labels_and_units() -> None:
    work = load_valid(FIXTURES / "acts" / "westminster-act")
    census = tree_census(work, "en")
    assert census.levels["section"] == len(work.expression("en").articles())
    assert census.levels["annex"] == len(work.expression("en").annexes)
    assert census.word_count > 50


def test_fixtures_are_well_formed() -> None:
    for path in sorted(IMPORT.glob("*.xml")):
        etree.parse(str(path))

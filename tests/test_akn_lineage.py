"""wId and mappings across versions (drafting.writers.akn.lineage): unique, stable, the eId of first appearance."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafting.writers.akn.lineage import WID, Lineage


def document(keys: list[str]) -> etree._Element:
    """A body whose articles carry provisional wIds (stable keys) and eIds by position."""
    root = etree.Element("body")
    for position, key in enumerate(keys, start=1):
        etree.SubElement(root, "article", eId=f"art_{position}", wId=key)
    return root


def test_a_renumbered_unit_keeps_its_first_eid_as_wid_and_a_newcomer_does_not_take_it() -> None:
    lineage = Lineage()
    lineage.observe("first", document(["a", "b"]))
    latest = document(["new", "a", "b"])
    identifiers = lineage.apply("second", latest)
    wids = [element.get(WID) for element in latest]
    assert wids == ["art_1_second", "art_1", "art_2"]
    assert [(m.original, m.current, m.since) for m in identifiers.mappings] == [
        ("art_1_second", "art_1", "second"),
        ("art_1", "art_2", "second"),
        ("art_2", "art_3", "second"),
    ]
    assert identifiers.keys == (("art_1", "new"), ("art_2", "a"), ("art_3", "b"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.permutations(["a", "b", "c", "d", "e"]).map(list), min_size=1, max_size=4), st.data())
def test_wids_are_unique_and_stable_across_any_history(orders: list[list[str]], data: st.DataObject) -> None:
    """Units come, go and move between versions: every document's wIds are unique, a unit's wId never changes."""
    lineage = Lineage()
    seen: dict[str, str] = {}
    for number, order in enumerate(orders):
        kept = data.draw(st.lists(st.sampled_from(order), unique=True, min_size=1))
        keys = [key for key in order if key in kept]
        root = document(keys)
        lineage.apply(f"v{number}", root)
        wids = [element.get(WID, "") for element in root]
        assert len(set(wids)) == len(wids)
        for key, wid in zip(keys, wids):
            assert seen.setdefault(key, wid) == wid

"""justifications.yaml: the drafter's last column of the comparative table, its warnings and its errors.

Read from a temporary repository's two tagged versions (tests/redline_edits.py);
no PDF is rendered here: the rows and the diagnostics are what is asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.diagnostics import Diagnostics, DraftingError
from drafting.writers.redline.compare import compare
from drafting.writers.redline.justifications import justify, read_justifications
from drafting.writers.redline.labels import Labels
from drafting.writers.redline.revisions import Version, read_version
from drafting.writers.redline.table import Row, table_rows
from redline_edits import two_versions


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Version, Version, list[Row]]:
    _, source, _, _ = two_versions(tmp_path_factory.mktemp("justify"))
    old, new = read_version(source, "v1"), read_version(source, "v2")
    result = compare(old.work, new.work, "en", old.side, new.side)
    return source, old, new, table_rows(result, Labels("en", new.work.profile))


def run(pair: tuple[Path, Version, Version, list[Row]], text: str, tmp_path: Path) -> tuple[list[Row], list[str]]:
    _, old, new, rows = pair
    path = tmp_path / "justifications.yaml"
    path.write_text(text, encoding="utf-8")
    notes = Diagnostics()
    out = justify(rows, read_justifications(path, old.side, new.side, "justifications.yaml"), "en",
                  old.side, new.side, notes)
    return out, [f"{d.path}:{d.line}: {d.code} {d.message}" for d in notes.sorted()]


def test_justified_rows_are_filled_and_the_rest_flagged_at_their_pair(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = pair[3]
    keys = [row.key for row in rows]
    assert keys[0] == "foundations-2/1"
    text = ("- old: v1\n  new: v2\n  rows:\n"
            "    foundations-2/1:\n      en: The State is named.\n      ru: Назван субъект.\n"
            "    no-such-article/2:\n      en: Left over from an earlier table.\n")
    out, notes = run(pair, text, tmp_path)
    assert out[0].justification == "The State is named."
    assert all(row.justification is None for row in out[1:])
    j702 = "a justification for 'no-such-article/2', which is no row of this comparative table"
    j701 = "row 6 (Article 12) has no justification in 'en': add 'council-2' with 'en' under this version pair"
    assert notes[-1] == f"justifications.yaml:7: J702 {j702}"
    assert f"justifications.yaml:1: J701 {j701}" in notes
    flagged = [n for n in notes if " J701 " in n]
    assert len(flagged) == len(rows) - 1
    assert flagged[0].startswith("justifications.yaml:1: J701 row 2 (")
    assert flagged[0].endswith(f"has no justification in 'en': add '{keys[1]}' with 'en' under this version pair")


def test_a_pair_named_by_commit_prefix_matches(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, old, new, rows = pair
    text = f"- old: {old.side.commit[:8]}\n  new: {new.side.commit[:10]}\n  rows:\n" + "".join(
        f"    {row.key}:\n      en: Reason {k}.\n" for k, row in enumerate(rows))
    out, notes = run(pair, text, tmp_path)
    assert notes == [] and [row.justification for row in out] == [f"Reason {k}." for k in range(len(rows))]


@pytest.mark.parametrize("text, message", [
    ("- old: v1\n  new: v2\n  rows:\n    Bad Key:\n      en: x\n",
     "justifications.yaml:3: F203 0/rows: 'Bad Key' does not have the expected form (a row key such as president-1"),
    ("- old: v1\n  new: [v2\n", "justifications.yaml:3: F201 invalid YAML: expected ',' or ']'"),
])
def test_a_file_that_is_not_of_the_schema_stops_with_its_line(pair, tmp_path: Path, text: str,  # type: ignore[no-untyped-def]
                                                                 message: str) -> None:
    _, old, new, _ = pair
    path = tmp_path / "justifications.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DraftingError) as raised:
        read_justifications(path, old.side, new.side, "justifications.yaml")
    assert str(raised.value) == "justifications.yaml: the justifications file has errors (see above)"
    assert [f"{d.path}:{d.line}: {d.code} {d.message}" for d in raised.value.diagnostics][0].startswith(message)

"""The site's pages on two cores (drafting.writers.html.twoway): every job once, shares balanced, failures reported."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.diagnostics import DraftingError
from drafting.writers.html.twoway import Group, run_on_two_cores, split


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(min_value=0.1, max_value=20), min_size=0, max_size=12))
def test_split_keeps_every_group_once_in_order_and_balances(costs: list[float]) -> None:
    groups = [Group(cost) for cost in costs]
    first, second = split(groups)
    assert sorted(map(id, first + second)) == sorted(map(id, groups))
    position = {id(g): i for i, g in enumerate(groups)}
    for share in (first, second):
        assert [position[id(g)] for g in share] == sorted(position[id(g)] for g in share)
    if groups:
        assert abs(sum(g.cost for g in first) - sum(g.cost for g in second)) <= max(costs) + 1e-9


def _writer(folder: Path, name: str) -> Callable[[], None]:
    def job() -> None:
        (folder / name).write_text(str(os.getpid()), encoding="utf-8")

    return job


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="needs two cores and fork")
def test_every_job_runs_once_and_a_share_runs_in_a_second_process(tmp_path: Path) -> None:
    groups = [Group(1.0, [_writer(tmp_path, f"{g}-{j}") for j in range(3)]) for g in range(4)]
    run_on_two_cores(groups)
    written = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert sorted(written) == sorted(f"{g}-{j}" for g in range(4) for j in range(3))
    pids = set(written.values())
    assert str(os.getpid()) in pids and len(pids) == 2  # half of the work was done by the child
    for g in range(4):  # a group's jobs share a cache: all in one process
        assert len({written[f"{g}-{j}"] for j in range(3)}) == 1


def test_a_failure_in_either_process_is_a_clear_error(tmp_path: Path) -> None:
    def broken() -> None:
        raise OSError("disk full while writing site/first-draft/kk.html")

    for position in (0, 1):
        groups = [Group(1.0, [_writer(tmp_path, "a")]), Group(1.0, [_writer(tmp_path, "b")])]
        groups[position].jobs.append(broken)
        with pytest.raises((DraftingError, OSError), match="disk full while writing site/first-draft/kk.html"):
            run_on_two_cores(groups)

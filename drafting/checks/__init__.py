"""Checks over the model. Each module adds diagnostics; none stops at the first finding."""

from __future__ import annotations

from drafting.checks.alignment import check_alignment
from drafting.checks.layout import check_layout
from drafting.checks.references import check_references
from drafting.checks.structure import check_structure
from drafting.checks.todo import check_todo
from drafting.diagnostics import Diagnostics
from drafting.model import Work


def check_work(work: Work, diags: Diagnostics) -> None:
    check_layout(work, diags)
    check_structure(work, diags)
    check_alignment(work, diags)
    check_references(work, diags)
    check_todo(work, diags)


__all__ = ["check_work", "check_layout", "check_structure", "check_alignment", "check_references", "check_todo"]

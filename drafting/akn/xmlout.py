"""Deterministic serialisation: the same tree always gives the same bytes.

lxml's own pretty-printer would put line breaks inside mixed content such as
``<p><ref>..</ref></p>`` (a paragraph holding only a reference) and so change the
text. Here only structural elements are indented; elements that hold text
(``p``, ``num``, ``heading``, inline markup) are written exactly as built.
"""

from __future__ import annotations

from lxml import etree

from drafting.akn import tag

_MIXED = frozenset(tag(name) for name in (
    "p", "num", "heading", "subheading", "docTitle", "docNumber", "shortTitle", "ref", "i", "b", "u", "sup",
    "sub", "span", "inline", "a", "abbr", "term", "def", "date",
))
_STEP = "  "


def indent(root: etree._Element) -> None:
    """Indent structural elements by two spaces per level (in place)."""
    stack: list[tuple[etree._Element, int]] = [(root, 0)]
    while stack:
        element, level = stack.pop()
        if not len(element) or element.tag in _MIXED:
            continue
        inner = "\n" + _STEP * (level + 1)
        element.text = inner
        children = list(element)
        for child in children:
            child.tail = inner
            stack.append((child, level + 1))
        children[-1].tail = "\n" + _STEP * level


def to_bytes(root: etree._Element) -> bytes:
    indent(root)
    data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data + b"\n"


def canonical(data: bytes) -> bytes:
    """C14N 2.0 of a document, for comparing two serialisations."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    result: bytes = etree.tostring(etree.fromstring(data, parser), method="c14n2")
    return result

"""Safe reading of an Akoma Ntoso file: no DTD, no entity expansion, no network, no huge trees.

Only AKN 3.0 ``act`` and ``bill`` documents are accepted; anything else (AKN 2.0,
another namespace, a judgment) is a clear error naming the file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

from lxml import etree

from drafting.akn import AKN2_NS, NS
from drafting.diagnostics import DraftingError

MAX_BYTES = 100_000_000
DOCTYPES = ("act", "bill")


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           dtd_validation=False, remove_pis=True)


def local(element: etree._Element) -> str:
    name = element.tag
    return name.rpartition("}")[2] if isinstance(name, str) else ""


def namespace(element: etree._Element) -> str:
    name = element.tag
    return name[1:].partition("}")[0] if isinstance(name, str) and name.startswith("{") else ""


def elements(parent: etree._Element) -> Iterator[etree._Element]:
    """Child elements, skipping comments, processing instructions and entity references."""
    return parent.iterchildren(etree.Element)  # type: ignore[no-any-return]


@lru_cache(maxsize=256)
def _qualified(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f"{{{NS}}}{name}" for name in names)


_PREFIX = f"{{{NS}}}"


def is_akn(element: etree._Element, *names: str) -> bool:
    """Whether ``element`` is an AKN 3.0 element (one of ``names``, when given)."""
    name = element.tag
    if names:
        return name in _qualified(names)
    return isinstance(name, str) and name.startswith(_PREFIX)


def parse_file(path: Path, display: str) -> etree._Element:
    """The document element (``act`` or ``bill``) of an AKN 3.0 file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DraftingError(f"{display}: file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        tree = etree.parse(str(path), safe_parser())
    except OSError as exc:
        raise DraftingError(f"{display}: cannot read the file: {exc.strerror or exc}") from None
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        raise DraftingError(f"{display}:{line}:{column}: not well-formed XML: {exc.msg}") from None
    return document_element(tree.getroot(), display)


def document_element(root: etree._Element, display: str) -> etree._Element:
    where = f"{display}:{root.sourceline or 1}"
    found = namespace(root)
    if found == AKN2_NS:
        raise DraftingError(f"{where}: this is Akoma Ntoso 2.0 (namespace {AKN2_NS}); only AKN 3.0 "
                            f"({NS}) can be imported: convert the file to AKN 3.0 first")
    if found != NS:
        if "akomantoso" in found.lower() or "legaldocml" in found.lower():
            raise DraftingError(f"{where}: unsupported Akoma Ntoso namespace '{found}': only the AKN 3.0 "
                                f"OASIS standard namespace {NS} can be imported")
        shown = f"{{{found}}}{local(root)}" if found else local(root)
        raise DraftingError(f"{where}: not an Akoma Ntoso 3.0 document (root element <{shown}>, expected "
                            f"<akomaNtoso xmlns=\"{NS}\">)")
    if local(root) != "akomaNtoso":
        raise DraftingError(f"{where}: the root element is <{local(root)}>, expected <akomaNtoso>")
    documents = list(elements(root))
    if not documents:
        raise DraftingError(f"{where}: <akomaNtoso> holds no document")
    document = documents[0]
    if local(document) not in DOCTYPES:
        raise DraftingError(f"{display}:{document.sourceline}: only act and bill documents can be imported; "
                            f"this is a <{local(document)}>")
    return document

"""Safe reading of an Akoma Ntoso file: no DTD, no entity expansion, no network, no huge trees.

Only AKN 3.0 ``act`` and ``bill`` documents are accepted, on their own, as the
``portion`` of one, or as the components of a ``documentCollection`` (nested
collections included); anything else (AKN 2.0, another namespace, a judgment) is a
clear error naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from lxml import etree

from drafting.akn import AKN2_NS, NS
from drafting.diagnostics import DraftingError

MAX_BYTES = 100_000_000
DOCTYPES = ("act", "bill")
WRAPPERS = ("documentCollection", "portion")


@dataclass(frozen=True)
class Found:
    """One act or bill of a file: the document element and where it sits (``component cmp_2``, or empty)."""

    element: etree._Element
    where: str = ""


@dataclass(frozen=True)
class Parsed:
    documents: list[Found]
    skipped: list[tuple[int, str]]  # (line, what) for a collection's components that hold no act or bill


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


def parse_file(path: Path, display: str) -> Parsed:
    """The acts and bills of an AKN 3.0 file (one, a portion of one, or a collection's), in document order."""
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
    return documents(tree.getroot(), display)


def documents(root: etree._Element, display: str) -> Parsed:
    where = f"{display}:{root.sourceline or 1}"
    space = namespace(root)
    if space == AKN2_NS:
        raise DraftingError(f"{where}: this is Akoma Ntoso 2.0 (namespace {AKN2_NS}); only AKN 3.0 "
                            f"({NS}) can be imported: convert the file to AKN 3.0 first")
    if space != NS:
        if "akomantoso" in space.lower() or "legaldocml" in space.lower():
            raise DraftingError(f"{where}: unsupported Akoma Ntoso namespace '{space}': only the AKN 3.0 "
                                f"OASIS standard namespace {NS} can be imported")
        shown = f"{{{space}}}{local(root)}" if space else local(root)
        raise DraftingError(f"{where}: not an Akoma Ntoso 3.0 document (root element <{shown}>, expected "
                            f"<akomaNtoso xmlns=\"{NS}\">)")
    if local(root) != "akomaNtoso":
        raise DraftingError(f"{where}: the root element is <{local(root)}>, expected <akomaNtoso>")
    children = list(elements(root))
    if not children:
        raise DraftingError(f"{where}: <akomaNtoso> holds no document")
    document = children[0]
    if local(document) not in (*DOCTYPES, *WRAPPERS):
        raise DraftingError(f"{display}:{document.sourceline}: only act and bill documents (alone, as a portion or in "
                            f"a documentCollection) can be imported; this is a <{local(document)}>")
    if local(document) != "documentCollection":
        return Parsed([Found(document)], [])
    skipped: list[tuple[int, str]] = []
    found = _collection(document, skipped)
    if not found:
        raise DraftingError(f"{display}:{document.sourceline}: the documentCollection holds no act or bill to import"
                            + "".join(f"; line {line}: {what}" for line, what in skipped[:3]))
    return Parsed(found, skipped)


def _collection(collection: etree._Element, skipped: list[tuple[int, str]]) -> list[Found]:
    found: list[Found] = []
    body = next((child for child in elements(collection) if is_akn(child, "collectionBody")), None)
    for component in elements(body) if body is not None else iter(()):
        inner = next(elements(component), None)
        where = f"component {component.get('eId') or component.get('wId') or component.sourceline}"
        if inner is None:
            skipped.append((component.sourceline or 1, f"empty {where}"))
        elif is_akn(inner, *DOCTYPES, "portion"):
            found.append(Found(inner, where))
        elif is_akn(inner, "documentCollection"):
            found.extend(_collection(inner, skipped))
        elif is_akn(inner, "documentRef"):
            skipped.append((inner.sourceline or 1, f"{where} refers to the document '{inner.get('href', '')}' "
                            "instead of holding it: import that file itself"))
        else:
            skipped.append((inner.sourceline or 1, f"{where} holds a <{local(inner)}>, not an act or bill"))
    return found

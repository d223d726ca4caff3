"""Identifiers of structural units across versions: ``wId``, ``mappings`` and the stable ids.

The body writer marks every unit that has a stable id (an article's front-matter
``id``, a container folder's slug) with a provisional ``wId`` holding that key
(``art_people-power``, ``sec_foundations``). A ``Lineage`` sees the documents of
one language oldest version first and then, for the document being written,
replaces each key by what the naming convention means by ``wId``: the unit's eId
in the version where it first appeared (suffixed with that version's name when an
older unit, since renumbered, already holds that wId: wIds stay unique). Every unit whose wId differs from its eId
gets a ``mapping`` (``original`` = wId, ``current`` = eId, ``start`` = the event
of the version from which it has had that eId), and the keys themselves are kept
in ``proprietary`` so that our importer finds the stable ids again.

Work is linear: one pass over each document's units, a dictionary per language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

WID = "wId"


@dataclass(frozen=True)
class Mapping:
    original: str  # the wId
    current: str  # the eId in this version
    since: str  # the version name from which the unit has had this eId


@dataclass(frozen=True)
class Identifiers:
    """What the meta block records about the units of one document."""

    mappings: tuple[Mapping, ...] = ()
    keys: tuple[tuple[str, str], ...] = ()  # (eId, stable key) in document order


def units(root: etree._Element) -> list[etree._Element]:
    """The elements carrying a provisional wId (a stable key), in document order."""
    return [element for element in root.iter(etree.Element) if element.get(WID) and element.get("eId")]


@dataclass
class Lineage:
    first: dict[str, str] = field(default_factory=dict)  # key -> its wId (its eId where it first appeared)
    since: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (current eId, since version)
    owner: dict[str, str] = field(default_factory=dict)  # wId -> the key that holds it

    def _claim(self, key: str, eid: str, version: str) -> None:
        """Give a newly seen unit its wId: its eId, unless an older unit already holds that wId."""
        wid = eid if eid not in self.owner else f"{eid}_{version}"
        serial = 1
        while wid in self.owner:  # the same eId reused twice within one version's history
            serial += 1
            wid = f"{eid}_{version}_{serial}"
        self.owner[wid] = key
        self.first[key] = wid

    def observe(self, version: str, root: etree._Element) -> None:
        """Record the eIds of a version's document (provisional wIds still in place)."""
        for element in units(root):
            key, eid = element.get(WID, ""), element.get("eId", "")
            if key not in self.first:
                self._claim(key, eid, version)
            known = self.since.get(key)
            if known is None or known[0] != eid:
                self.since[key] = (eid, version)

    def apply(self, version: str, root: etree._Element) -> Identifiers:
        """Observe this version, then give every unit its wId; what the meta block must record."""
        self.observe(version, root)
        mappings: list[Mapping] = []
        keys: list[tuple[str, str]] = []
        for element in units(root):
            key, eid = element.get(WID, ""), element.get("eId", "")
            wid = self.first.get(key, eid)
            element.set(WID, wid)
            keys.append((eid, key))
            if wid != eid:
                mappings.append(Mapping(wid, eid, self.since.get(key, (eid, version))[1]))
        return Identifiers(tuple(mappings), tuple(keys))

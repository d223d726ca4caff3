"""Akoma Ntoso 3.0, the format's shared parts: namespace and ``tag``.

Modules: ``uri`` (FRBR URIs), ``xmlout`` (deterministic serialisation), ``schema`` (strict OASIS
validation), ``xmlin`` (safe parsing). The writer is ``drafting.writers.akn``; the importer is
``drafting.importer``.
"""

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN2_NS = "http://www.akomantoso.org/2.0"


def tag(name: str) -> str:
    """The qualified (Clark notation) name of an AKN element."""
    return f"{{{NS}}}{name}"

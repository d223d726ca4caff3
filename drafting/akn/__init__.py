"""Akoma Ntoso 3.0: export of the model (one act per language) and import of existing acts.

Modules: ``uri`` (FRBR URIs), ``meta`` (the ``meta`` block), ``writer`` (model -> XML),
``xmlout`` (deterministic serialisation), ``schema`` (strict OASIS validation),
``xmlin`` (safe parsing), ``metaread`` / ``bodyread`` (XML -> model) and ``importer``
(files -> one work, several languages).
"""

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN2_NS = "http://www.akomantoso.org/2.0"


def tag(name: str) -> str:
    """The qualified (Clark notation) name of an AKN element."""
    return f"{{{NS}}}{name}"

"""Quoted structure in an amending act's Markdown: the ``quoted`` fence, written and read back exactly.

``write_fence`` gives the lines of a fence holding a unit's exact source text under an
instruction item; the reader (drafting/source/markup.py) keeps the fence's content
verbatim as a ``QuotedStructure``; ``quoted_of`` turns that node back into the
``Quoted`` of an instruction (docs/amend.md).
"""

from __future__ import annotations

import re

from drafting.amending.instructions import Quoted
from drafting.model import QuotedStructure

_BACKTICKS = re.compile(r"`+")
_FILE = re.compile(r"^[a-z0-9][a-z0-9_./-]*$")


def write_fence(quoted: Quoted, indent: int) -> str:
    """The fence (with a final newline) for ``quoted``, every non-empty line indented by ``indent`` spaces."""
    text = quoted.text if quoted.eol else quoted.text + "\n"
    if "\t" in text or "\r" in text:
        raise ValueError("quoted structure with tabs or carriage returns cannot be written exactly")
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    info = ["quoted"]
    if quoted.file is not None:
        if not _FILE.match(quoted.file) or ".." in quoted.file.split("/"):
            raise ValueError(f"not a file path inside the source folder: {quoted.file!r}")
        info.append(f"file={quoted.file}")
    if not quoted.eol:
        info.append("noeol")
    pad = " " * indent
    lines = [pad + fence + " ".join(info)]
    lines.extend(pad + line if line else "" for line in text[:-1].split("\n"))
    lines.append(pad + fence)
    return "\n".join(lines) + "\n"


def quoted_of(node: QuotedStructure) -> Quoted:
    """The instruction's ``Quoted`` from the reader's node (its info string's ``file=`` and ``noeol``)."""
    file = None
    eol = True
    for word in node.info.split():
        if word.startswith("file="):
            file = word.removeprefix("file=")
        elif word == "noeol":
            eol = False
    text = node.text if eol else node.text.removesuffix("\n")
    return Quoted(text, file, eol)

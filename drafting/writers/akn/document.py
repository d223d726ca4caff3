"""Model -> Akoma Ntoso 3.0: one ``act`` (a ``bill`` before adoption), one FRBR expression, per language.

One method per node type. Structure of a document::

    akomaNtoso/act[@name][@contains]
      meta                      (drafting.writers.akn.meta)
      preface/longTitle/p/docTitle, p/(docNumber, docDate), p/(docStage, docStatus)
      preamble[@eId=preamble]   p..., or tblock(heading, p...) when it has a heading; the
                                enacting words (profile label ``enacting_formula``) in ``formula``
      body/section[@eId=sec_I][@wId=sec_I]           one element per container level, as the profile
        article[@eId=art_5][@wId=art_4]              names it (part, chapter, hcontainer[@name], ...);
                                                     wId: its eId in the version where it first appeared
        num, heading?, intro[@eId=sec_I__intro]/p..., its units, wrapUp[@eId=sec_I__wrapup]/p...
                                                     (a container's own text before and after its units)
          num ("Article 5" as the profile prints it), heading?
          paragraph[@eId=art_5__para_2]  num "2." (none when unnumbered: eId ..._para_1)
            content/(p, table...) | intro/(p, table...), point[@eId=art_5__para_2__point_1]..., wrapUp/p
              (a point holds content, or intro, its sub-points and wrapUp, to any depth)
      conclusions/p...          the closing text (signatures, place and date), when there is one
      attachments/attachment/doc[@name=annex]        one per annex: its own meta, a mainBody

Footnotes become ``authorialNote`` (numbered through the document), defined terms
``def``/``term`` pointing at a ``TLCTerm`` in the references.

The body writer puts the article's stable id (the section folder's slug) in a
provisional ``wId``; ``drafting.writers.akn.lineage`` turns it into the wId the naming
convention means and records the stable ids in ``proprietary``. Cross-references become
``<ref href="#art_5">`` or ``#art_5__para_2``; an empty reference gets the
profile's label in the document's language.
"""

from __future__ import annotations

import datetime as dt
import os

from lxml import etree

from drafting import eids
from drafting.akn import NS, tag, uri
from drafting.writers.akn.lineage import Lineage
from drafting.writers.akn.meta import TOOL_ID, format_date, meta_element, past_versions
from drafting.writers.akn.modifications import Modifications
from drafting.writers.akn.passive import add_notes
from drafting.akn.xmlout import to_bytes
from drafting.writers.artifacts import Artifact, BuildContext
from drafting.diagnostics import DraftingError
from drafting.model import (Annex, Article, Container, Emphasis, InlineSeq, Note, Paragraph, Point, Preamble, Ref, Strong,
                            Table, Term, Text, Work, iter_inline, plain_text)
from drafting.profile import Level
from drafting.source.library import resolve_other

KIND = "akn"
_T = {name: tag(name) for name in (
    "akomaNtoso", "act", "bill", "preface", "longTitle", "p", "docTitle", "preamble", "tblock", "heading", "body",
    "section", "article", "num", "paragraph", "content", "intro", "wrapUp", "point", "ref", "i", "b", "hcontainer",
    "table", "tr", "th", "td", "authorialNote", "def", "term", "attachments", "attachment", "doc", "mainBody",
    "docNumber", "docDate", "docStage", "docStatus", "formula", "conclusions",
)}
FORMULA_LABEL = "enacting_formula"  # profile label: the words that end the preamble's enacting formula
SECTION_WID, ARTICLE_WID = "sec_", "art_"

# What docStatus says when work.yaml gives no status for a version in this language: the stage, in the language.
STAGE_WORDS: dict[str, dict[str, str]] = {
    "bill": {"kk": "жоба", "ru": "проект", "en": "bill"},
    "act": {"kk": "қабылданды", "ru": "принят", "en": "adopted"},
}


def stage_word(stage: str, lang: str) -> str:
    """The stage (``bill``, ``act``) as a word of the document's language (English where we have no word)."""
    words = STAGE_WORDS.get(stage, {})
    return words.get(lang) or words.get("en") or stage



def manifestation_date(work: Work) -> dt.date:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else the expression date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError) as exc:
            raise DraftingError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds: {exc}") from None
    return work.meta.expression_date


class ActWriter:
    def __init__(self, work: Work, lang: str, date: dt.date | None = None,
                 others: dict[str, Work] | None = None) -> None:
        self.work = work
        self.others = others or {}
        self.lang = lang
        self.expression = work.expression(lang)
        self.date = date or manifestation_date(work)
        self.targets: dict[str, Article] = {}
        self.annex_targets: dict[str, tuple[int, Annex]] = {}
        for expression in [self.expression, *work.expressions.values()]:
            for article in expression.articles():
                self.targets.setdefault(article.id, article)
            for index, annex in enumerate(expression.annexes, start=1):
                self.annex_targets.setdefault(annex.id, (index, annex))
        self.ids = eids.Identifiers(self.expression, work.profile)
        self.mods: Modifications | None = Modifications(self, work.meta.amends) if work.meta.amends else None
        self.notes = 0
        self.terms: dict[str, str] = {}

    def document(self, lineage: Lineage | None = None) -> etree._Element:
        """The whole document; with a lineage (earlier versions seen), wIds and mappings across versions."""
        root = etree.Element(_T["akomaNtoso"], nsmap={None: NS})
        meta = self.work.meta
        stage = uri.stage(meta)
        act = etree.SubElement(root, _T[stage], name=meta.subtype or stage)
        act.set("contains", "originalVersion" if len(past_versions(meta)) <= 1 else "singleVersion")
        self.preface(act)
        if self.expression.preamble is not None:
            self.preamble(act, self.expression.preamble)
        body = etree.SubElement(act, _T["body"])
        for child in self.expression.body:
            self.unit(body, child)
        if self.expression.conclusions:  # no eId: not an anchor of the HTML edition
            conclusions = etree.SubElement(act, _T["conclusions"])
            for seq in self.expression.conclusions:
                self.inlines(etree.SubElement(conclusions, _T["p"]), seq)
        if self.expression.annexes:
            attachments = etree.SubElement(act, _T["attachments"])
            for index, annex in enumerate(self.expression.annexes, start=1):
                self.annex(attachments, annex, index)
        self.notes = add_notes(act, self.work, self.lang, self.notes)
        version = meta.current_version
        ids = (lineage or Lineage()).apply(version.name if version else "", act)
        meta_node = meta_element(self.work, self.lang, self.date, ids)
        if self.mods is not None:
            self.mods.analysis(meta_node, f"#{TOOL_ID}")
        act.insert(0, meta_node)
        self.register_terms(act)
        return root

    def to_bytes(self, lineage: Lineage | None = None) -> bytes:
        return to_bytes(self.document(lineage))

    # -- front matter ----------------------------------------------------------------

    def preface(self, parent: etree._Element) -> None:
        """Title, number, date, stage and status of the document, as its cover would print them."""
        meta = self.work.meta
        preface = etree.SubElement(parent, _T["preface"])
        long_title = etree.SubElement(preface, _T["longTitle"])
        etree.SubElement(etree.SubElement(long_title, _T["p"]), _T["docTitle"]).text = self.expression.title
        line = etree.SubElement(preface, _T["p"])
        etree.SubElement(line, _T["docNumber"]).text = meta.number
        date = meta.expression_date
        etree.SubElement(line, _T["docDate"], date=date.isoformat()).text = format_date(date)
        line[0].tail = ", "
        version = meta.current_version
        if version is not None:
            line = etree.SubElement(preface, _T["p"])
            etree.SubElement(line, _T["docStage"]).text = version.title.get(self.lang) or version.name
            etree.SubElement(line, _T["docStatus"]).text = version.status.get(self.lang) or stage_word(
                uri.stage(meta), self.lang
            )
            line[0].tail = ": "

    def preamble(self, parent: etree._Element, preamble: Preamble) -> None:
        element = etree.SubElement(parent, _T["preamble"], eId=eids.PREAMBLE_EID)
        holder = element
        if preamble.heading:
            holder = etree.SubElement(element, _T["tblock"], eId=f"{eids.PREAMBLE_EID}__tblock_1")
            etree.SubElement(holder, _T["heading"]).text = preamble.heading
        formula = self.work.profile.labels.get(self.lang, {}).get(FORMULA_LABEL, "").strip()
        for index, seq in enumerate(preamble.paragraphs):
            last = index == len(preamble.paragraphs) - 1
            if last and formula and plain_text(seq).rstrip().endswith(formula):
                # the enacting words ("... adopt this Constitution."): AKN's formula
                block = etree.SubElement(holder, _T["formula"], name="enactingFormula")  # no eId: not an anchor
                self.inlines(etree.SubElement(block, _T["p"]), seq)
            else:
                self.inlines(etree.SubElement(holder, _T["p"]), seq)

    # -- structure --------------------------------------------------------------------------

    def unit(self, parent: etree._Element, child: Container | Article) -> None:
        if isinstance(child, Article):
            self.article(parent, child)
        else:
            self.container(parent, child)

    def container(self, parent: etree._Element, container: Container) -> None:
        profile = self.work.profile
        level = profile.level(container.level) if profile.has_level(container.level) else None
        element_name = level.element if level else "section"
        attrs = {"eId": self.ids.container(container), "wId": f"{eids.element_ref(element_name)}_{container.id}"}
        if element_name == "hcontainer":
            attrs = {"name": container.level, **attrs}
        element = etree.SubElement(parent, tag(element_name), attrs)
        if container.num:
            etree.SubElement(element, _T["num"]).text = profile.level_label(self.lang, container.level, container.num)
        if container.title:
            etree.SubElement(element, _T["heading"]).text = container.title
        eid = attrs["eId"]
        if container.intro:
            intro = etree.SubElement(element, _T["intro"], eId=f"{eid}__intro")
            for seq in container.intro:
                self.inlines(etree.SubElement(intro, _T["p"]), seq)
        for child in container.children:
            self.unit(element, child)
        if container.wrapup:
            wrap = etree.SubElement(element, _T["wrapUp"], eId=f"{eid}__wrapup")
            for seq in container.wrapup:
                self.inlines(etree.SubElement(wrap, _T["p"]), seq)
        if element_name == "hcontainer" and not container.children and not (container.intro or container.wrapup):
            etree.SubElement(element, _T["content"]).append(etree.Element(_T["p"]))

    def article(self, parent: etree._Element, article: Article) -> None:
        level = self.work.profile.article_level
        attrs = {"eId": self.ids.article(article), "wId": ARTICLE_WID + article.id}
        if level.element == "hcontainer":
            attrs = {"name": level.name, **attrs}
        element = etree.SubElement(parent, tag(level.element), attrs)
        etree.SubElement(element, _T["num"]).text = self.work.profile.level_label(self.lang, level.name, article.num)
        if article.heading:
            etree.SubElement(element, _T["heading"]).text = article.heading
        prefix = self.ids.article(article)
        for index, paragraph in enumerate(article.paragraphs, start=1):
            self.paragraph(element, prefix, paragraph, index)

    def paragraph(self, parent: etree._Element, prefix: str, paragraph: Paragraph, index: int) -> None:
        level = self.work.profile.paragraph_level
        eid = eids.unit_eid(prefix, level.element, paragraph.num or "", index)
        element = etree.SubElement(parent, tag(level.element), eId=eid)
        if paragraph.num is not None:
            etree.SubElement(element, _T["num"]).text = level.marker(paragraph.num)
        self.block(element, eid, paragraph.text, paragraph.tables, paragraph.points, paragraph.wrapup, 1)

    def block(self, element: etree._Element, eid: str, text: InlineSeq, tables: tuple[Table, ...],
              points: tuple[Point, ...], wrapup: InlineSeq, depth: int) -> None:
        """content (text and tables) or intro, the points at ``depth``, wrapUp."""
        if not points:
            content = etree.SubElement(element, _T["content"])
            if text or not tables:
                self.inlines(etree.SubElement(content, _T["p"]), text)
            self.tables(content, eid, tables)
            return
        if text or tables:
            intro = etree.SubElement(element, _T["intro"], eId=f"{eid}__intro")
            if text:
                self.inlines(etree.SubElement(intro, _T["p"]), text)
            self.tables(intro, f"{eid}__intro", tables)
        level = self.work.profile.point_level(depth)
        for point in points:
            self.point(element, eid, point, level, depth)
        if wrapup:
            wrap = etree.SubElement(element, _T["wrapUp"], eId=f"{eid}__wrapup")
            self.inlines(etree.SubElement(wrap, _T["p"]), wrapup)

    def point(self, parent: etree._Element, prefix: str, point: Point, level: Level, depth: int) -> None:
        eid = eids.unit_eid(prefix, level.element, point.num, 1)
        element = etree.SubElement(parent, tag(level.element), eId=eid)
        etree.SubElement(element, _T["num"]).text = level.marker(point.num)
        if self.mods is not None and self.mods.is_instruction(point):
            self.mods.write(etree.SubElement(etree.SubElement(element, _T["content"]), _T["p"]), point)
            return
        self.block(element, eid, point.text, point.tables, point.points, point.wrapup, depth + 1)

    def tables(self, parent: etree._Element, prefix: str, tables: tuple[Table, ...]) -> None:
        for index, table in enumerate(tables, start=1):
            element = etree.SubElement(parent, _T["table"], eId=f"{prefix}__table_{index}")
            for row in table.rows:
                tr = etree.SubElement(element, _T["tr"])
                for cell in row.cells:
                    attrs = {"class": f"align-{cell.align}"} if cell.align else {}
                    holder = etree.SubElement(tr, _T["th"] if cell.header else _T["td"], attrs)
                    self.inlines(etree.SubElement(holder, _T["p"]), cell.text)

    def annex(self, parent: etree._Element, annex: Annex, index: int) -> None:
        from drafting.writers.akn.attachments import annex_meta

        attachment = etree.SubElement(parent, _T["attachment"], eId=f"att_{index}")
        doc = etree.SubElement(attachment, _T["doc"], name="annex")
        doc.append(annex_meta(self.work, self.lang, self.date, index, annex))
        preface = etree.SubElement(doc, _T["preface"])
        title = etree.SubElement(etree.SubElement(preface, _T["longTitle"]), _T["p"])
        number = etree.SubElement(title, tag("docNumber"))
        number.text = self.work.profile.level_label(self.lang, "annex", annex.num)
        number.tail = " "
        etree.SubElement(title, _T["docTitle"]).text = annex.title
        body = etree.SubElement(doc, _T["mainBody"])
        for position, paragraph in enumerate(annex.paragraphs, start=1):
            self.paragraph(body, f"att_{index}", paragraph, position)

    def register_terms(self, act: etree._Element) -> None:
        """A TLCTerm in the references for every defined term used (the meta block is already written)."""
        if not self.terms:
            return
        references = act.find(f"{tag('meta')}/{tag('references')}")
        if references is None:
            return
        for term_id, show in sorted(self.terms.items()):
            etree.SubElement(references, tag("TLCTerm"), eId=term_id, href=f"/ontology/term/{term_id}", showAs=show)

    # -- inline: one method per node type -------------------------------------------------------

    def inlines(self, parent: etree._Element, seq: InlineSeq) -> None:
        for node in seq:
            getattr(self, f"inline_{type(node).__name__.lower()}")(parent, node)

    def inline_text(self, parent: etree._Element, node: Text) -> None:
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + node.value
        else:
            parent.text = (parent.text or "") + node.value

    def inline_emphasis(self, parent: etree._Element, node: Emphasis) -> None:
        self.inlines(etree.SubElement(parent, _T["i"]), node.children)

    def inline_strong(self, parent: etree._Element, node: Strong) -> None:
        self.inlines(etree.SubElement(parent, _T["b"]), node.children)

    def inline_note(self, parent: etree._Element, node: Note) -> None:
        self.notes += 1
        element = etree.SubElement(parent, _T["authorialNote"], marker=str(self.notes), placement="bottom",
                                   eId=f"authorialNote_{self.notes}")
        self.inlines(etree.SubElement(element, _T["p"]), node.children)

    def inline_term(self, parent: etree._Element, node: Term) -> None:
        term_id = f"term-{node.id}"
        shown = "".join(n.value for n in iter_inline(node.children) if isinstance(n, Text))
        if node.defining or term_id not in self.terms:
            self.terms[term_id] = shown
        element = etree.SubElement(parent, _T["def"] if node.defining else _T["term"], refersTo=f"#{term_id}")
        self.inlines(element, node.children)

    def inline_ref(self, parent: etree._Element, node: Ref) -> None:
        if self.mods is not None and node.work == self.mods.amends.work:  # an amending act names what it amends
            element = etree.SubElement(parent, _T["ref"], href=self.mods.href(node))
            self.inlines(element, node.children or (Text(node.target),))
            return
        if node.work is not None:
            self.other_act_ref(parent, node)
            return
        if node.kind == "annex":
            found = self.annex_targets.get(node.target)
            if found is None:
                self.inlines(parent, node.children or (Text(node.target),))
                return
            element = etree.SubElement(parent, _T["ref"], href=f"#att_{found[0]}")
            if node.children:
                self.inlines(element, node.children)
            else:
                element.text = self.work.profile.level_label(self.lang, "annex", found[1].num)
            return
        target = self.targets.get(node.target)
        if target is None:  # load_valid refuses unknown targets (R501); keep the text, never crash
            self.inlines(parent, node.children or (Text(node.target),))
            return
        article_id = self.ids.article(target)
        para = self.work.profile.paragraph_level
        eid = eids.unit_eid(article_id, para.element, node.paragraph, 1) if node.paragraph else article_id
        element = etree.SubElement(parent, _T["ref"], href=f"#{eid}")
        if node.children:
            self.inlines(element, node.children)
        else:
            element.text = self.label(target, node.paragraph)

    def other_act_ref(self, parent: etree._Element, node: Ref) -> None:
        """A reference to another act: ``href`` is its FRBR work URI and the target's eId (``.../~art_5``)."""
        found = resolve_other(self.others, node)
        if found is None:  # not built with the repository's works: keep the text
            self.inlines(parent, node.children or (Text(node.target),))
            return
        work, eid, label = found
        element = etree.SubElement(parent, _T["ref"], href=f"{uri.work_uri(work.meta)}/~{eid}")
        if node.children:
            self.inlines(element, node.children)
        else:
            element.text = label(self.lang)

    def label(self, target: Article, paragraph: str | None) -> str:
        profile = self.work.profile
        if paragraph:
            return profile.label(self.lang, "paragraph_of_article", n=target.num, p=paragraph)
        return profile.label(self.lang, "article", n=target.num)


def document_bytes(work: Work, lang: str, date: dt.date | None = None, others: dict[str, Work] | None = None,
                   lineage: Lineage | None = None) -> bytes:
    return ActWriter(work, lang, date, others).to_bytes(lineage)


def artifact_path(lang: str) -> str:
    return f"{KIND}/{lang}.xml"


def write_artifacts(work: Work, ctx: BuildContext) -> list[Artifact]:
    """The build's AKN writer (``drafting.writers.akn.timeline``): every language, every version with --versions."""
    from drafting.writers.akn.timeline import write_artifacts as write_versions

    return write_versions(work, ctx)

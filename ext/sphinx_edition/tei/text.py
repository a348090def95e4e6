"""A resolved doctree as TEI: ``div``/``head``/``p``, notes, themes and time.

:class:`TextConverter` walks one document's resolved doctree (notes are footnotes there) and
appends TEI to a parent element.  It reads what the domain recorded for the document —
citations (work keys and locators, by the id of their note mark), theme passages (by anchor),
periods and events (by anchor) — so it depends on no renderer's node classes: a period's
banner and an event's marker are found by their ids, their text lives in the ``standOff``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_edition.nodes import editorial_note
from sphinx_edition.tei.header import XML_ID, sub, tei, theme_ref, work_ref

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lxml import etree

    from sphinx_edition.domain import CitationInfo

#: Nodes that carry nothing for the text: navigation, markup for other builders, links that
#: a TEI processor derives from ``@ana`` (theme chips) or ``standOff`` (banners, markers).
SKIPPED = (
    nodes.comment,
    nodes.raw,
    nodes.system_message,
    nodes.substitution_definition,
    nodes.label,
    nodes.image,
    nodes.figure,
    nodes.footnote,
    nodes.citation,
    addnodes.toctree,
    addnodes.index,
    addnodes.compact_paragraph,
    nodes.meta if hasattr(nodes, "meta") else nodes.comment,
)

#: Names of node classes skipped the same way (defined by renderers, matched by name so
#: this module imports none of them): theme chips, LaTeX page references, note labels.
SKIPPED_NAMES = {
    "theme_chips",
    "theme_pageref",
    "note_label",
    "notesep",
    "paragraph_link",
    "note_backref",
}

#: Nodes that stand for blocks: an element holding one of them is a block container.
BLOCKS = (nodes.Structural, nodes.Body, nodes.Sequential, nodes.section)

#: Inline renditions.
RENDITIONS = {
    nodes.emphasis: ("hi", {"rend": "italic"}),
    nodes.strong: ("hi", {"rend": "bold"}),
    nodes.subscript: ("hi", {"rend": "subscript"}),
    nodes.superscript: ("hi", {"rend": "superscript"}),
    nodes.literal: ("code", {}),
    nodes.title_reference: ("title", {}),
    nodes.abbreviation: ("abbr", {}),
}


class TextConverter:
    """Append TEI for a document's doctree to a parent element (see :meth:`blocks`)."""

    def __init__(
        self,
        citations: Mapping[tuple[str, str], CitationInfo],
        passages: Mapping[tuple[str, str], tuple[str, ...]],
        periods: set[tuple[str, str]],
        events: set[tuple[str, str]],
        works: set[str],
    ) -> None:
        #: (document, note mark's id) → the citation recorded for it.
        self.all_citations = citations
        #: (document, passage anchor) → theme ids.
        self.all_passages = passages
        self.all_periods = periods
        self.all_events = events
        #: Keys of the works that have a ``biblStruct``.
        self.works = works
        # The same, for the document being converted (ids are unique within a document only).
        self.citations: dict[str, CitationInfo] = {}
        self.passages: dict[str, tuple[str, ...]] = {}
        self.periods: set[str] = set()
        self.events: set[str] = set()
        self.footnotes: dict[str, nodes.footnote] = {}
        #: Theme ids that apply to the paragraphs being converted (a ``theme`` passage).
        self.ana_stack: list[tuple[str, ...]] = []

    # -- entry point ---------------------------------------------------------------------

    def document(
        self, docname: str, doctree: nodes.document, parent: etree._Element, div_type: str
    ) -> None:
        """Append the document *docname* as ``div``s of *parent*."""
        self.citations = {a: c for (d, a), c in self.all_citations.items() if d == docname}
        self.passages = {a: t for (d, a), t in self.all_passages.items() if d == docname}
        self.periods = {a for d, a in self.all_periods if d == docname}
        self.events = {a for d, a in self.all_events if d == docname}
        self.footnotes = {
            node_id: node for node in doctree.findall(nodes.footnote) for node_id in node["ids"]
        }
        sections = [c for c in doctree.children if isinstance(c, nodes.section)]
        if len(sections) == 1 and all(
            isinstance(c, nodes.section | nodes.Invisible) or _skipped(c) for c in doctree.children
        ):
            self.section(sections[0], parent, div_type)
        else:
            div = sub(parent, "div", type=div_type)
            self.blocks(doctree, div)
            _ensure_content(div)

    # -- blocks --------------------------------------------------------------------------

    def section(self, node: nodes.section, parent: etree._Element, div_type: str = "") -> None:
        div = sub(parent, "div", type=div_type or "section")
        for child in node.children:
            if isinstance(child, nodes.Element) and any(i in self.periods for i in child["ids"]):
                # A period's banner: the section is the period's passage.
                div.set("corresp", " ".join(f"#{i}" for i in child["ids"] if i in self.periods))
        self.blocks(node, div)
        _ensure_content(div)

    def blocks(self, node: nodes.Element, parent: etree._Element) -> None:
        for child in node.children:
            self.block(child, parent)

    def block(self, node: nodes.Node, parent: etree._Element) -> None:
        if not isinstance(node, nodes.Element):
            if node.astext().strip():
                sub(parent, "p", node.astext())
            return
        if _skipped(node):
            return
        if any(i in self.events for i in node["ids"]):
            event = next(i for i in node["ids"] if i in self.events)
            sub(parent, "anchor", corresp=f"#{event}", **{XML_ID: f"at-{event}"})
            return
        if any(i in self.periods for i in node["ids"]):
            return  # the banner: the enclosing div points at the period
        if isinstance(node, nodes.section):
            self.section(node, parent)
        elif isinstance(node, nodes.title):
            self.inline_into(node, sub(parent, "head"))
        elif isinstance(node, nodes.paragraph | nodes.rubric):
            self.paragraph(node, parent)
        elif isinstance(node, editorial_note):
            self.editorial(node, parent)
        elif isinstance(node, nodes.Admonition):
            self.admonition(node, parent)
        elif isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            listing = sub(
                parent,
                "list",
                rend="numbered" if isinstance(node, nodes.enumerated_list) else "bulleted",
            )
            for item in node.children:
                self.item(item, sub(listing, "item"))
        elif isinstance(node, nodes.definition_list | nodes.field_list):
            self.gloss(node, parent)
        elif isinstance(node, nodes.literal_block | nodes.doctest_block):
            sub(parent, "eg", node.astext())
        elif isinstance(node, nodes.block_quote):
            quote = sub(parent, "quote")
            self.blocks(node, quote)
            _ensure_content(quote)
        elif isinstance(node, nodes.line_block):
            self.lines(node, parent)
        elif isinstance(node, nodes.table):
            self.table(node, parent)
        elif isinstance(node, nodes.transition):
            sub(parent, "milestone", unit="section")
        else:
            self.container(node, parent)

    def admonition(self, node: nodes.Element, parent: etree._Element) -> None:
        kind = "editorial" if "editorial" in node["classes"] else node.tagname
        if kind == "admonition":
            kind = "editorial" if "editorial" in node.astext()[:40].lower() else "admonition"
        note = sub(parent, "note", type=kind)
        for child in node.children:
            if not isinstance(child, nodes.title):
                self.block(child, note)

    def gloss(self, node: nodes.Element, parent: etree._Element) -> None:
        listing = sub(parent, "list", type="gloss")
        for entry in node.children:
            assert isinstance(entry, nodes.Element)
            for part in entry.children:
                if isinstance(part, nodes.term | nodes.field_name):
                    self.inline_into(part, sub(listing, "label"))
                elif isinstance(part, nodes.definition | nodes.field_body):
                    self.item(part, sub(listing, "item"))

    def lines(self, node: nodes.Element, parent: etree._Element) -> None:
        paragraph = sub(parent, "p")
        for index, line in enumerate(node.findall(nodes.line)):
            if index:
                sub(paragraph, "lb")
            self.inline_into(line, paragraph)

    def container(self, node: nodes.Element, parent: etree._Element) -> None:
        """A node of no TEI meaning: its blocks, under the themes of its passage if it is one."""
        themes = [t for i in node["ids"] for t in self.passages.get(i, ())]
        if themes:
            self.ana_stack.append(tuple(themes))
        if any(isinstance(c, BLOCKS) for c in node.children):
            self.blocks(node, parent)
        elif node.astext().strip():
            self.paragraph(node, parent)
        if themes:
            self.ana_stack.pop()

    def editorial(self, node: nodes.Element, parent: etree._Element) -> None:
        """An editorial note: ``note type="editorial" n="E3"``, its reading as a
        ``choice`` of ``sic`` and ``corr``."""
        number = node.get("number")
        attributes = {"type": "editorial"}
        if number is not None:
            attributes["n"] = f"E{number}"
        if node["ids"]:
            attributes[XML_ID] = node["ids"][0]
        note = sub(parent, "note", **attributes)
        if node["sic"] or node["corr"]:
            choice = sub(sub(note, "p"), "choice")
            if node["sic"]:
                sub(choice, "sic").text = node["sic"]
            if node["corr"]:
                sub(choice, "corr").text = node["corr"]
        for child in node.children:
            # the reading is the choice above, not a paragraph of the note
            if not (
                isinstance(child, nodes.Element) and "edition-editorial-reading" in child["classes"]
            ):
                self.block(child, note)

    def paragraph(self, node: nodes.Element, parent: etree._Element) -> None:
        paragraph = sub(parent, "p")
        themes: list[str] = [t for ts in self.ana_stack for t in ts]
        for target in node.findall(nodes.Element):
            themes += [t for i in target["ids"] for t in self.passages.get(i, ())]
        if themes:
            paragraph.set("ana", " ".join(f"#{theme_ref(t)}" for t in dict.fromkeys(themes)))
        self.inline_into(node, paragraph)

    def item(self, node: nodes.Node, item: etree._Element) -> None:
        children = list(node.children) if isinstance(node, nodes.Element) else []
        if len(children) == 1 and isinstance(children[0], nodes.paragraph):
            self.inline_into(children[0], item)
            return
        for child in children:
            self.block(child, item)

    def table(self, node: nodes.table, parent: etree._Element) -> None:
        table = sub(parent, "table")
        for title in node.findall(nodes.title):
            self.inline_into(title, sub(table, "head"))
            break
        for row in node.findall(nodes.row):
            header = isinstance(row.parent, nodes.thead)
            tei_row = sub(table, "row", role="label" if header else "data")
            for entry in row.children:
                cell = sub(tei_row, "cell")
                for index, paragraph in enumerate(entry.findall(nodes.TextElement)):
                    if isinstance(paragraph.parent, nodes.TextElement):
                        continue
                    if index:
                        sub(cell, "lb")
                    self.inline_into(paragraph, cell)

    # -- inline --------------------------------------------------------------------------

    def inline_into(self, node: nodes.Element, parent: etree._Element) -> None:
        for child in node.children:
            self.inline(child, parent)

    def inline(self, node: nodes.Node, parent: etree._Element) -> None:
        if isinstance(node, nodes.Text):
            _append_text(parent, str(node))
            return
        assert isinstance(node, nodes.Element)
        if _skipped(node) or isinstance(node, nodes.target):
            return
        if isinstance(node, nodes.footnote_reference):
            self.note(node, parent)
            return
        if node.tagname == "note_ibid":
            # "Ibid." where the note before cites the same work, else the short form.
            choice = sub(parent, "choice")
            forms = [c for c in node.children if isinstance(c, nodes.Element)]
            for tag, form in zip(("abbr", "expan"), forms, strict=False):
                self.inline_into(form, sub(choice, tag))
            return
        rendition = RENDITIONS.get(type(node))
        if rendition is not None:
            self.inline_into(node, sub(parent, rendition[0], **rendition[1]))
        elif isinstance(node, nodes.reference) and str(node.get("refuri", "")).startswith(
            ("http://", "https://", "mailto:")
        ):
            self.inline_into(node, sub(parent, "ref", target=node["refuri"]))
        elif isinstance(node, nodes.literal_block):
            sub(parent, "code", node.astext())
        else:
            self.inline_into(node, parent)

    def note(self, ref: nodes.footnote_reference, parent: etree._Element) -> None:
        """A note at its mark: ``note place="foot" n="N"`` with a ``bibl`` per cited work."""
        number = ref.astext().strip()
        note = sub(parent, "note", place="foot", n=number, **{XML_ID: f"note-{number}"})
        footnote = self.footnotes.get(str(ref.get("refid", "")))
        citation = next((self.citations[i] for i in ref["ids"] if i in self.citations), None)
        keys = [k for k in citation.keys if k in self.works] if citation else []
        holder = note
        if keys and citation is not None:
            first = keys[0]
            holder = sub(note, "bibl", corresp=f"#{work_ref(first)}")
        if footnote is not None:
            for index, child in enumerate(
                c for c in footnote.children if isinstance(c, nodes.paragraph)
            ):
                if index:
                    _append_text(holder, " ")
                self.inline_into(child, holder)
        if citation is None:
            return
        for index, key in enumerate(keys):
            bibl = holder if index == 0 else sub(note, "bibl", corresp=f"#{work_ref(key)}")
            sub(bibl, "ptr", target=f"#{work_ref(key)}")
            position = citation.keys.index(key)
            locator = citation.post[position] if position < len(citation.post) else ""
            if locator:
                sub(bibl, "citedRange", locator)


def _skipped(node: nodes.Node) -> bool:
    return isinstance(node, SKIPPED) or node.__class__.__name__ in SKIPPED_NAMES


def _append_text(parent: etree._Element, text: str) -> None:
    """Add *text* at the end of *parent*'s content (after its last child, if any)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _ensure_content(div: etree._Element) -> None:
    """A ``div`` (or ``quote``) with a heading only still needs a block: an empty ``p``."""
    if all(str(child.tag).endswith("}head") for child in div):
        div.append(tei("p"))

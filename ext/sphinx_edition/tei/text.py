"""A resolved doctree as TEI: ``div``/``head``/``p``, notes, themes and time.

:class:`TextConverter` walks one document's resolved doctree (notes are footnotes there) and
appends TEI to a parent element.  It reads what the domain recorded for the document —
citations (work keys and locators, by the id of their note mark), theme passages (by anchor),
periods and events (by anchor) — so it depends on no renderer's node classes: a period's
banner and an event's marker are found by their ids, their text lives in the timeline of
the back matter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_edition.nodes import editorial_note
from sphinx_edition.tei.header import (
    DELIVERED_WITNESS,
    XML_ID,
    delivered_rdg,
    ncname,
    sub,
    tei,
    theme_ref,
)
from sphinx_edition.tei.header import append_text as _append_text
from sphinx_edition.xmlchars import xml_text

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from lxml import etree

    from sphinx_edition.delivered import DeliveredNote
    from sphinx_edition.domain import CitationInfo

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: Nodes that carry nothing for the text: navigation, markup for other builders, links that
#: a TEI processor derives from ``@ana`` (theme chips) or the timeline (banners, markers).
SKIPPED = (
    nodes.comment,
    nodes.raw,
    nodes.system_message,
    nodes.substitution_definition,
    nodes.label,
    nodes.image,
    nodes.footnote,
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
        works: Mapping[str, str],
        themes: Mapping[str, str] | None = None,
        delivered: Mapping[int, DeliveredNote] | None = None,
    ) -> None:
        #: (document, note mark's id) → the citation recorded for it.
        self.all_citations = citations
        #: (document, passage anchor) → theme ids.
        self.all_passages = passages
        self.all_periods = periods
        self.all_events = events
        #: The works that have a ``biblStruct``: key → its ``xml:id``.
        self.works = works
        #: Theme id → the ``xml:id`` of its ``category``.
        self.themes = themes or {}
        #: The source's notes as delivered, by number (an ``app`` where one differs).
        self.delivered = delivered or {}
        # The same, for the document being converted (ids are unique within a document only).
        self.docname = ""
        self.citations: dict[str, CitationInfo] = {}
        self.passages: dict[str, tuple[str, ...]] = {}
        self.periods: set[str] = set()
        self.events: set[str] = set()
        self.footnotes: dict[str, nodes.footnote] = {}
        #: The ``xml:id`` of each of the document's own footnotes written so far, by node:
        #: a second mark of one footnote points at it.
        self.written: dict[int, str] = {}
        #: Theme ids that apply to the paragraphs being converted (a ``theme`` passage).
        self.ana_stack: list[tuple[str, ...]] = []

    # -- entry point ---------------------------------------------------------------------

    def document(
        self, docname: str, doctree: nodes.document, parent: etree._Element, div_type: str
    ) -> None:
        """Append the document *docname* as ``div``s of *parent*."""
        self.docname = docname
        self.citations = {a: c for (d, a), c in self.all_citations.items() if d == docname}
        self.passages = {a: t for (d, a), t in self.all_passages.items() if d == docname}
        self.periods = {a for d, a in self.all_periods if d == docname}
        self.events = {a for d, a in self.all_events if d == docname}
        self.footnotes = {
            node_id: node for node in doctree.findall(nodes.footnote) for node_id in node["ids"]
        }
        self.written = {}
        sections = [c for c in doctree.children if isinstance(c, nodes.section)]
        if len(sections) == 1 and all(
            isinstance(c, nodes.section | nodes.Invisible) or _skipped(c) for c in doctree.children
        ):
            self.block_guarded(
                sections[0], parent, lambda node, into: self.section(node, into, div_type)
            )
            div = parent[-1]
        else:
            div = sub(parent, "div", type=div_type)
            self.blocks(doctree, div)
            _ensure_content(div)
        # A footnote of the document that no mark points at is still text of the book.
        for footnote in dict.fromkeys(self.footnotes.values()):
            if id(footnote) not in self.written and not _is_edition_note(footnote):
                self.block_guarded(footnote, div, self.own_note)

    # -- blocks --------------------------------------------------------------------------

    def section(self, node: nodes.Node, parent: etree._Element, div_type: str = "") -> None:
        assert isinstance(node, nodes.section)
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
        """Append *node*, a block, to *parent*; see :meth:`block_guarded`."""
        self.block_guarded(node, parent, self.convert_block)

    def block_guarded(
        self,
        node: nodes.Node,
        parent: etree._Element,
        convert: Callable[[nodes.Node, etree._Element], None],
    ) -> None:
        """Append what *convert* makes of *node* to *parent*, or, if it fails, a located
        warning and a ``note type="conversion"`` holding the node's text.

        The builder converts whatever doctree the book's extensions make, nodes this module
        has never seen among them: one that cannot be converted costs a warning and its
        markup, never the build or its text.  What *convert* wrote into *parent* before
        it failed is taken out again, so that nothing half-made is left.
        """
        mark = len(parent)
        before = parent[mark - 1].tail if mark else parent.text
        try:
            convert(node, parent)
        except Exception as error:  # any failure: see the docstring
            for child in list(parent)[mark:]:
                parent.remove(child)
            if mark:
                parent[mark - 1].tail = before
            else:
                parent.text = before
            self.unconverted(node, parent, error)

    def unconverted(self, node: nodes.Node, parent: etree._Element, error: Exception) -> None:
        name = node.tagname if isinstance(node, nodes.Element) else type(node).__name__
        logger.warning(
            _("TEI: cannot convert a %s node (%s): its text is kept as a conversion note"),
            name,
            error,
            location=node,
            type="edition",
            subtype="tei",
        )
        sub(parent, "note", node.astext(), type="conversion")

    def convert_block(self, node: nodes.Node, parent: etree._Element) -> None:
        if not isinstance(node, nodes.Element):
            if node.astext().strip():
                sub(parent, "p", node.astext())
            return
        if _skipped(node):
            return
        if any(i in self.events for i in node["ids"]):
            event = next(i for i in node["ids"] if i in self.events)
            sub(parent, "anchor", corresp=f"#{event}", **{XML_ID: f"at-{event}"})
            self.marker_notes(node, parent, event)
            return
        if any(i in self.periods for i in node["ids"]):
            # the banner: the enclosing div points at the period, whose summary is in the
            # timeline (where a note cannot stand: its notes stand here)
            period = next(i for i in node["ids"] if i in self.periods)
            self.marker_notes(node, parent, period)
            return
        if isinstance(node, nodes.section):
            self.section(node, parent)
        elif isinstance(node, nodes.title | nodes.subtitle):
            self.heading(node, parent)
        elif isinstance(node, nodes.paragraph | nodes.rubric):
            self.paragraph(node, parent)
        elif isinstance(node, editorial_note):
            self.editorial(node, parent)
        elif isinstance(node, nodes.Admonition | nodes.topic | nodes.sidebar):
            self.admonition(node, parent)
        elif isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            listing = sub(
                parent,
                "list",
                rend="numbered" if isinstance(node, nodes.enumerated_list) else "bulleted",
            )
            for item in node.children:
                self.item(item, sub(listing, "item"))
        elif isinstance(node, nodes.definition_list | nodes.field_list | nodes.option_list):
            self.gloss(node, parent)
        elif isinstance(node, nodes.literal_block | nodes.doctest_block):
            sub(parent, "eg", node.astext())
        elif isinstance(node, nodes.math_block):
            sub(sub(parent, "p"), "formula", node.astext(), notation="TeX")
        elif isinstance(node, nodes.block_quote):
            quote = sub(parent, "quote")
            self.blocks(node, quote)
            _ensure_content(quote)
        elif isinstance(node, nodes.line_block):
            self.lines(node, parent)
        elif isinstance(node, nodes.table):
            self.table(node, parent)
        elif isinstance(node, nodes.figure):
            self.figure(node, parent)
        elif isinstance(node, nodes.citation):
            self.citation(node, parent)
        elif isinstance(node, nodes.transition):
            sub(parent, "milestone", unit="section")
        else:
            self.container(node, parent)

    def heading(self, node: nodes.Element, parent: etree._Element) -> None:
        """A title: the ``head`` of a division, table or figure that has none but heads
        so far, else (a topic's, an admonition's, a title out of place) a ``label``."""
        if _local(parent) in {"div", "table", "figure"} and all(
            _local(child) == "head" for child in parent
        ):
            self.inline_into(node, sub(parent, "head"))
        else:
            self.inline_into(node, sub(parent, "label"))

    def marker_notes(self, node: nodes.Element, parent: etree._Element, anchor: str) -> None:
        """The notes of a period's banner or an event's marker (their summaries), each
        pointing at the period or event it annotates."""
        for ref in node.findall(nodes.footnote_reference):
            self.note(ref, parent, target=f"#{anchor}")

    def admonition(self, node: nodes.Element, parent: etree._Element) -> None:
        kind = "editorial" if "editorial" in node["classes"] else node.tagname
        if kind == "admonition":
            kind = "editorial" if "editorial" in node.astext()[:40].lower() else "admonition"
        note = sub(parent, "note", type=kind)
        for child in node.children:
            if isinstance(child, nodes.title) and kind == "editorial":
                continue  # the kind says it
            self.block(child, note)

    def gloss(self, node: nodes.Element, parent: etree._Element) -> None:
        """Definition, field and option lists: a ``list type="gloss"`` of ``label`` and
        ``item`` pairs."""
        listing = sub(parent, "list", type="gloss")
        for entry in node.children:
            if not isinstance(entry, nodes.Element):
                continue
            label: etree._Element | None = None
            for part in entry.children:
                if isinstance(part, nodes.term | nodes.field_name | nodes.option_group):
                    if label is None:
                        label = sub(listing, "label")
                    elif isinstance(part, nodes.term):
                        sub(label, "lb")  # a second term of a glossary's entry
                    self.gloss_label(part, label)
                elif isinstance(part, nodes.classifier):
                    if label is None:
                        label = sub(listing, "label")
                    _append_text(label, " : ")
                    self.inline_into(part, label)
                elif isinstance(part, nodes.definition | nodes.field_body | nodes.description):
                    if label is None:
                        label = sub(listing, "label")
                    self.item(part, sub(listing, "item"))
                    label = None
                elif not _skipped(part):
                    if label is None:
                        label = sub(listing, "label")
                    self.block(part, sub(listing, "item"))
                    label = None
            if label is not None:
                sub(listing, "item")  # a label needs its item

    def gloss_label(self, part: nodes.Element, label: etree._Element) -> None:
        if not isinstance(part, nodes.option_group):
            self.inline_into(part, label)
            return
        for index, option in enumerate(part.findall(nodes.option)):
            if index:
                _append_text(label, ", ")
            for piece in option.children:
                if isinstance(piece, nodes.option_argument):
                    _append_text(label, str(piece.get("delimiter", " ")))
                if isinstance(piece, nodes.Element):
                    self.inline_into(piece, sub(label, "code"))

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
        """An editorial note: ``note type="editorial" n="E3"``, its reading as an ``app`` of
        the correction (``lem``) and the words as delivered, which the text keeps (``rdg`` of
        the witness ``#delivered``); a note that gives only one of them, that one alone, as
        ``sic`` or ``corr``."""
        number = node.get("number")
        attributes = {"type": "editorial"}
        if number is not None:
            attributes["n"] = f"E{number}"
        if node["ids"]:
            attributes[XML_ID] = ncname(node["ids"][0])
        note = sub(parent, "note", **attributes)
        if node["sic"] and node["corr"]:
            # An emendation, as a critical apparatus gives it: the edition's reading as the
            # lemma, the delivered words as the witness's reading. (A choice of sic and corr
            # would say the same, but the TEI Consortium's Stylesheets print its corr alone.)
            app = sub(sub(note, "p"), "app", type="emendation")
            lem = sub(app, "lem")
            lem.text = xml_text(node["corr"])
            lem.tail = " "
            sub(app, "rdg", wit=f"#{DELIVERED_WITNESS}").text = xml_text(node["sic"])
        elif node["sic"] or node["corr"]:
            # a choice of one is no choice: the reading alone
            tag = "sic" if node["sic"] else "corr"
            sub(sub(note, "p"), tag).text = xml_text(node[tag])
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
            paragraph.set("ana", " ".join(f"#{self.theme_id(t)}" for t in dict.fromkeys(themes)))
        self.inline_into(node, paragraph)

    def theme_id(self, theme: str) -> str:
        return self.themes.get(theme) or theme_ref(theme)

    def item(self, node: nodes.Node, item: etree._Element) -> None:
        children = list(node.children) if isinstance(node, nodes.Element) else []
        if len(children) == 1 and isinstance(children[0], nodes.paragraph):
            self.inline_into(children[0], item)
            return
        for child in children:
            self.block(child, item)

    def table(self, node: nodes.table, parent: etree._Element) -> None:
        """A table: its title as ``head``, its rows (of its own ``tgroup``, not of a table
        in a cell) as ``row``, each entry a ``cell`` with its spans."""
        table = sub(parent, "table")
        for title in node.children:
            if isinstance(title, nodes.title):
                self.inline_into(title, sub(table, "head"))
                break
        for group in node.children:
            if not isinstance(group, nodes.tgroup):
                continue
            for part in group.children:
                if not isinstance(part, nodes.thead | nodes.tbody):
                    continue
                for row in part.children:
                    if isinstance(row, nodes.row):
                        self.row(row, table, "label" if isinstance(part, nodes.thead) else "data")

    def row(self, row: nodes.row, table: etree._Element, role: str) -> None:
        tei_row = sub(table, "row", role=role)
        for entry in row.children:
            if not isinstance(entry, nodes.Element):
                continue
            cell = sub(
                tei_row,
                "cell",
                cols=str(entry["morecols"] + 1) if entry.get("morecols") else "",
                rows=str(entry["morerows"] + 1) if entry.get("morerows") else "",
            )
            lines = [c for c in entry.children if isinstance(c, nodes.TextElement)]
            if len(lines) == len(entry.children):
                # a cell of lines: one line break between its paragraphs
                for index, paragraph in enumerate(lines):
                    if index:
                        sub(cell, "lb")
                    self.inline_into(paragraph, cell)
            else:
                self.blocks(entry, cell)

    def figure(self, node: nodes.figure, parent: etree._Element) -> None:
        """A figure: its caption as ``head`` (with its notes), its legend, the images'
        descriptions (``alt``) as ``figDesc``."""
        figure = sub(parent, "figure")
        for child in node.children:
            if isinstance(child, nodes.caption):
                self.inline_into(child, sub(figure, "head"))
        for image in node.findall(nodes.image):
            if image.get("alt"):
                sub(figure, "figDesc", str(image["alt"]))
        for child in node.children:
            if not isinstance(child, nodes.caption | nodes.image):
                self.block(child, figure)

    def citation(self, node: nodes.citation, parent: etree._Element) -> None:
        """A citation of the document (rST's ``.. [key]``): a ``bibl`` of a ``listBibl``,
        one list for a run of them."""
        last = parent[-1] if len(parent) else None
        label = next((c.astext() for c in node.children if isinstance(c, nodes.label)), "")
        # made apart and appended whole: a failure leaves nothing in the list before it
        bibl = tei("bibl", n=label)
        for index, child in enumerate(c for c in node.children if not isinstance(c, nodes.label)):
            if index:
                _append_text(bibl, " ")
            if isinstance(child, nodes.TextElement):
                self.inline_into(child, bibl)
            else:
                _append_text(bibl, child.astext())
        if last is not None and _local(last) == "listBibl" and not last.tail:
            last.append(bibl)
        else:
            sub(parent, "listBibl", type="citations").append(bibl)

    # -- inline --------------------------------------------------------------------------

    def inline_into(self, node: nodes.Element, parent: etree._Element) -> None:
        for child in node.children:
            self.inline(child, parent)

    def inline(self, node: nodes.Node, parent: etree._Element) -> None:
        if isinstance(node, nodes.Text):
            # astext(): docutils keeps rST's backslash escapes as NUL in the text itself
            _append_text(parent, node.astext())
            return
        if not isinstance(node, nodes.Element) or _skipped(node) or isinstance(node, nodes.target):
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
        elif isinstance(node, nodes.math):
            sub(parent, "formula", node.astext(), notation="TeX")
        else:
            self.inline_into(node, parent)

    def note(self, ref: nodes.footnote_reference, parent: etree._Element, target: str = "") -> None:
        """A note at its mark: ``note place="foot" n="N"`` with a ``bibl`` per cited work;
        *target* is what it annotates when its mark is not in the text (a period's summary).

        Where the source's note as delivered differs from the edition's, the note is an
        ``app``: the edition's note as its ``lem``, the delivered one as ``rdg``.
        """
        footnote = self.footnotes.get(str(ref.get("refid", "")))
        if footnote is not None and not _is_edition_note(footnote):
            self.own_note(footnote, parent, ref)
            return
        number = ref.astext().strip()
        note = sub(
            parent, "note", place="foot", n=number, target=target, **{XML_ID: f"note-{number}"}
        )
        reading = self.delivered.get(int(number)) if number.isdigit() else None
        holder = note
        app: etree._Element | None = None
        if reading is not None and reading.differs:
            app = sub(note, "app", type="note")
            holder = sub(app, "lem")
        citation = next((self.citations[i] for i in ref["ids"] if i in self.citations), None)
        content: list[nodes.Node] = []
        if footnote is not None:
            for index, child in enumerate(
                c for c in footnote.children if isinstance(c, nodes.paragraph)
            ):
                if index:
                    content.append(nodes.Text(" "))
                content += _printed(child)
        self.note_bibls(content, citation, holder)
        if app is not None and reading is not None:
            # a space between the readings, which a processor printing both keeps apart
            holder.tail = " "
            delivered_rdg(app, reading.text)

    def note_bibls(
        self, content: list[nodes.Node], citation: CitationInfo | None, holder: etree._Element
    ) -> None:
        """The printed text of a note into *holder*: each work's part of it a ``bibl``
        whose words are a ``ref`` to the work — the words a processor shows are the
        note's ("Ibid., p. 3.", "Mankoff, *Russian Foreign Policy*."), never a bare
        pointer — and its locator a ``citedRange`` that states the range (``@unit``,
        ``@from``, ``@to``) and prints nothing, the words being the ``ref``'s."""
        keys = [k for k in citation.keys if k in self.works] if citation else []
        if citation is None or not keys:
            for node in content:
                self.inline(node, holder)
            return
        pieces = _split_works(content, len(keys)) if len(keys) > 1 else [content]
        groups = [[k] for k in keys] if pieces is not None else [keys]
        for index, (group, piece) in enumerate(zip(groups, pieces or [content], strict=True)):
            if index:
                _append_text(holder, "; ")
            targets = " ".join(f"#{self.works[k]}" for k in group)
            bibl = sub(holder, "bibl", corresp=targets)
            link = sub(bibl, "ref", target=targets)
            for node in piece:
                self.inline(node, link)
            for key in group:
                position = citation.keys.index(key)
                locator = citation.post[position] if position < len(citation.post) else ""
                cited = cited_range(locator)
                if cited is not None:
                    sub(bibl, "citedRange", **cited)

    def own_note(
        self,
        footnote: nodes.Node,
        parent: etree._Element,
        ref: nodes.footnote_reference | None = None,
    ) -> None:
        """A footnote of the document's own (rST's ``[#]_``, MyST's ``[^1]``), not one of
        the edition's notes: ``note type="author" place="foot"``, written at its first
        mark; a later mark is a ``ref`` to it."""
        assert isinstance(footnote, nodes.footnote)
        label = next((c.astext() for c in footnote.children if isinstance(c, nodes.label)), "")
        if id(footnote) in self.written:
            mark = ref.astext().strip() if ref is not None else label
            sub(parent, "ref", mark, type="noteAnchor", target=f"#{self.written[id(footnote)]}")
            return
        xml_id = ncname(f"fn-{self.docname}-{footnote['ids'][0]}") if footnote["ids"] else ""
        self.written[id(footnote)] = xml_id
        note = sub(parent, "note", type="author", place="foot", n=label, **{XML_ID: xml_id})
        body = [c for c in footnote.children if not isinstance(c, nodes.label)]
        if len(body) == 1 and isinstance(body[0], nodes.paragraph):
            self.inline_into(body[0], note)
        else:
            for child in body:
                self.block(child, note)


def _skipped(node: nodes.Node) -> bool:
    return (
        isinstance(node, SKIPPED)
        or node.__class__.__name__ in SKIPPED_NAMES
        # a local table of contents (``contents``): navigation, made from the headings
        or (isinstance(node, nodes.topic) and "contents" in node["classes"])
    )


def _is_edition_note(footnote: nodes.footnote) -> bool:
    """A note of the edition's series (a citation), not one of the document's own."""
    return "edition-note" in footnote["classes"]


def _printed(paragraph: nodes.Element) -> list[nodes.Node]:
    """The children of a note's paragraph as printed: an "Ibid." note's own text (its
    first form), not its short form too."""
    out: list[nodes.Node] = []
    for child in paragraph.children:
        if isinstance(child, nodes.Element) and child.tagname == "note_ibid":
            forms = [c for c in child.children if isinstance(c, nodes.Element)]
            out += list(forms[0].children) if forms else []
        else:
            out.append(child)
    return out


def _split_works(content: list[nodes.Node], count: int) -> list[list[nodes.Node]] | None:
    """*content* cut at the "; " that separate the works of a note, if it holds *count*
    parts (else None: the note's words are not one work after another)."""
    pieces: list[list[nodes.Node]] = [[]]
    for node in content:
        if isinstance(node, nodes.Text) and "; " in node.astext():
            first, *rest = node.astext().split("; ")
            if first:
                pieces[-1].append(nodes.Text(first))
            for part in rest:
                pieces.append([nodes.Text(part)] if part else [])
        else:
            pieces[-1].append(node)
    return pieces if len(pieces) == count else None


#: The units of a locator, by the abbreviation that opens it (none: pages).
UNITS = {
    "": "page",
    "p.": "page",
    "pp.": "page",
    "page": "page",
    "pages": "page",
    "ch.": "chapter",
    "chap.": "chapter",
    "chapter": "chapter",
    "n.": "note",
    "nn.": "note",
    "para.": "paragraph",
    "paras.": "paragraph",
    "vol.": "volume",
    "col.": "column",
    "cols.": "column",
    "l.": "line",
    "ll.": "line",
}

#: A locator: a unit, then a number (arabic or roman) or a range of two.
LOCATOR = re.compile(
    r"^(?P<unit>[a-z]+\.?)?\s*(?P<from>[0-9]+[a-z]?|[ivxlcdm]+)"
    r"(?:\s*(?:[-‐‑‒–—]+|to)\s*(?P<to>[0-9]+[a-z]?|[ivxlcdm]+))?$",
    re.IGNORECASE,
)


def cited_range(locator: str) -> dict[str, str] | None:
    """The attributes of the ``citedRange`` of *locator* ("p. 3", "pp. 69–79", "ch. 2"):
    its unit and first and last numbers; None for a locator of another form (its words
    are the note's all the same)."""
    found = LOCATOR.match(locator.strip())
    if found is None:
        return None
    unit = UNITS.get((found.group("unit") or "").lower())
    if unit is None:
        return None
    first = found.group("from")
    return {"unit": unit, "from_": first, "to": found.group("to") or first}


def _local(element: etree._Element) -> str:
    """The name of a TEI *element* without its namespace."""
    return str(element.tag).rpartition("}")[2]


def _ensure_content(div: etree._Element) -> None:
    """A ``div`` (or ``quote``) with a heading only still needs a block: an empty ``p``."""
    if all(str(child.tag).endswith("}head") for child in div):
        div.append(tei("p"))

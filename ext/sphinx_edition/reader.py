"""What a reader of the hosted edition and of its downloads gets, beyond the text.

* **Paragraph anchors** — every body paragraph gets a stable id (:class:`ParagraphAnchors`,
  a read-time transform, so every builder has it and the ePub keeps it); the HTML builders add
  a visible "¶" link to it (:class:`ParagraphLinks`, :class:`paragraph_link`).
* **Note previews** — ``reader.js`` shows a note's text in a popover when its mark is hovered,
  focused or tapped, placed against the viewport so that it is always seen whole;
  ``reader.css`` styles it and the paragraph links; ``print.css`` is the print stylesheet.
  HTML builders only: an e-reader has its own note handling.  An "Ibid." note carries its
  short form for the preview, which is read away from the note before it
  (:func:`visit_note_ibid_browser`).
* **Sidenotes** — on a wide screen (furo, with its "On this page" column shown) ``reader.js``
  sets each note in the right margin beside the line that calls it; the notes at the end of
  the page stay the canonical text.  ``edition_sidenotes = False`` turns them off
  (:func:`sidenotes_meta`).
* **The notes' heading** — a page's notes stand under a "Notes" heading, the page's last
  section (:class:`NotesHeading`), and the page's contents list it, with the thematic
  index's headings (:func:`extend_page_toc`).
* **Download links** — ``edition_downloads`` lists the formats (PDF, ePub, TEI, BibTeX,
  RIS) linked at the top of every page's body, in any theme and with no template
  (:mod:`sphinx_edition.downloads`); the files are ``downloads/<basename>.<format>`` next to
  the HTML, or Read the Docs' own downloads there.
* **Accessible markup** — the toctree caption gets an ``aria-level``, and citations get the
  ``listitem`` role instead of docutils' deprecated ``doc-biblioentry``.

The stylesheets and the script are wired in :mod:`sphinx_edition.assets`; the ePub's
package in :mod:`sphinx_edition.epub`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.adapters.toctree import document_toc
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_edition.assets import setup_assets
from sphinx_edition.builders import BROWSER_BUILDERS, PAGE_BUILDERS, for_browser
from sphinx_edition.downloads import download_basename, setup_downloads, slug
from sphinx_edition.nodes import skip_node
from sphinx_edition.notes import note_ibid
from sphinx_edition.notes.role import visit_note_ibid_first
from sphinx_edition.view import get_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: How many words of a paragraph name it: enough to tell paragraphs apart, few enough that
#: an edit further down the paragraph keeps its anchor.
ANCHOR_WORDS = 12

#: Paragraphs inside these are not body text (notes, tables, admonitions, navigation...).
NOT_BODY: tuple[type[nodes.Node], ...] = (
    nodes.footnote,
    nodes.citation,
    nodes.table,
    nodes.Admonition,
    nodes.topic,
    nodes.sidebar,
    nodes.field_list,
    nodes.definition_list,
    nodes.option_list,
    nodes.line_block,
    nodes.caption,
    nodes.legend,
    addnodes.toctree,
    addnodes.compact_paragraph,
)

#: Inline content that does not name a paragraph: note numbers change when a note is added
#: before them, so they are left out of the anchor.
NOT_WORDS: tuple[type[nodes.Node], ...] = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.substitution_reference,
)


# -- paragraph anchors ---------------------------------------------------------------------


class paragraph_link(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A "¶" link to the paragraph it ends (``refid``): HTML only, skipped elsewhere."""


def paragraph_words(paragraph: nodes.paragraph) -> list[str]:
    """The paragraph's words, normalised (NFKC, case-folded), note marks left out."""
    text: list[str] = []
    for node in paragraph.findall(nodes.Text):
        parent = node.parent
        skipped = False
        while parent is not None and parent is not paragraph:
            if isinstance(parent, NOT_WORDS):
                skipped = True
                break
            parent = parent.parent
        if not skipped:
            text.append(str(node))
    normal = unicodedata.normalize("NFKC", " ".join(text)).casefold()
    return re.findall(r"\w+", normal)


def paragraph_anchor(section_id: str, words: list[str]) -> str:
    """The anchor of a paragraph of the section *section_id* that begins with *words*.

    A valid XML id (it starts with a letter) and a valid CSS identifier.
    """
    key = f"{section_id}\x00{' '.join(words[:ANCHOR_WORDS])}"
    return "p-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def is_body_paragraph(node: nodes.paragraph) -> bool:
    """True for a paragraph of running text (not in a note, table, admonition, toctree...)."""
    if isinstance(node, addnodes.compact_paragraph):
        return False
    parent = node.parent
    while parent is not None:
        if isinstance(parent, NOT_BODY):
            return False
        parent = parent.parent
    return True


def _section_id(node: nodes.Node) -> str:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and parent["ids"]:
            return str(parent["ids"][0])
        parent = parent.parent
    return ""


class ParagraphAnchors(SphinxTransform):
    """Give every body paragraph a stable id: ``p-`` and a hash of its section's id and of
    its first words.

    The id does not depend on the paragraph's position, so adding, moving or deleting
    another paragraph keeps it; two paragraphs of one section that begin alike are told
    apart by ``-2``, ``-3``… in document order.  A paragraph that already has an id (a
    label) keeps it and is linked by it.
    """

    # After docutils' target propagation (260), so that labelled paragraphs keep their
    # label; before the footnote transforms (620) fill in note numbers.
    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.paragraph):
            if not is_body_paragraph(node):
                continue
            if node["ids"]:
                node["edition_anchor"] = node["ids"][0]
                continue
            words = paragraph_words(node)
            if not words:
                continue
            base = paragraph_anchor(_section_id(node), words)
            anchor, count = base, 1
            while anchor in self.document.ids:
                count += 1
                anchor = f"{base}-{count}"
            node["ids"].append(anchor)
            self.document.ids[anchor] = node
            node["edition_anchor"] = anchor


class ParagraphLinks(SphinxPostTransform):
    """End every anchored paragraph with a :class:`paragraph_link` (browser builders)."""

    default_priority = 900
    builders = BROWSER_BUILDERS

    def run(self, **kwargs: Any) -> None:
        for paragraph in list(self.document.findall(nodes.paragraph)):
            anchor = paragraph.get("edition_anchor")
            if not anchor:
                continue
            link = paragraph_link("", refid=anchor)
            link.source, link.line = paragraph.source, paragraph.line
            paragraph.append(link)


def visit_paragraph_link_html(self: HTML5Translator, node: paragraph_link) -> None:
    title = _("Link to this paragraph")
    self.body.append(
        f'<a class="edition-paralink" href="#{escape(node["refid"])}" '
        f'title="{escape(title)}" aria-label="{escape(title)}">¶</a>'
    )
    raise nodes.SkipNode


# -- accessible markup ---------------------------------------------------------------------


def visit_title_html(self: HTML5Translator, node: nodes.title) -> None:
    """A toctree caption is a heading for assistive technology: give it its level."""
    if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
        self.body.append(
            self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": "2"})
        )
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
        return
    type(self).visit_title(self, node)


def depart_title_html(self: HTML5Translator, node: nodes.title) -> None:
    type(self).depart_title(self, node)


def visit_citation_html(self: HTML5Translator, node: nodes.citation) -> None:
    """A citation as an item of a list, not in the deprecated ``doc-biblioentry`` role."""
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


def depart_citation_html(self: HTML5Translator, node: nodes.citation) -> None:
    type(self).depart_citation(self, node)


# -- notes: "Ibid." in previews, the "Notes" heading, sidenotes ----------------------------


def visit_note_ibid_browser(self: HTML5Translator, node: nodes.Element) -> None:
    """An "Ibid." note for a browser: "Ibid." as the page reads it, and its short form in a
    ``<template>`` (inert, unrendered, unread) for the preview.

    A preview is read away from the note before it, as a printed note is after a page turn,
    so it takes the short form (LaTeX's rule, :func:`~.notes.role.visit_note_ibid_latex`).
    Other HTML-format builders (the ePub) keep "Ibid.".
    """
    if not for_browser(self.builder):
        visit_note_ibid_first(self, node)  # raises SkipNode
    self.body.append('<span class="edition-ibid">')
    node[0].walkabout(self)
    self.body.append('</span><template class="edition-ibid-short">')
    node[1].walkabout(self)
    self.body.append("</template>")
    raise nodes.SkipNode


#: The id of the "Notes" section of a page (``-2``… if the page already has it).
NOTES_ID = "notes"
#: The attribute of a page's document that holds the id its "Notes" section was given.
NOTES_ATTR = "edition_notes_id"


class NotesHeading(SphinxPostTransform):
    """Put the notes of a page, which the notes' transform sets at its end, in a "Notes"
    section: the last subsection of the page's main section, a real heading that the page's
    contents list (web pages; the ePub and merged books keep their own note lists)."""

    # After the notes' transform (4) has set them at the end of the document.
    default_priority = 20
    builders = ("html", "dirhtml")

    def run(self, **kwargs: Any) -> None:
        notes = [
            child
            for child in self.document.children
            if isinstance(child, nodes.footnote) and "edition-note" in child["classes"]
        ]
        sections = [child for child in self.document.children if isinstance(child, nodes.section)]
        if not notes or not sections:
            return
        anchor, count = NOTES_ID, 1
        while anchor in self.document.ids:
            count += 1
            anchor = f"{NOTES_ID}-{count}"
        heading = _("Notes")
        section = nodes.section(
            "", nodes.title(heading, heading), ids=[anchor], classes=["edition-notes"]
        )
        section.source, section.line = notes[0].source, notes[0].line
        for note in notes:
            self.document.remove(note)
            section += note
        sections[-1] += section
        self.document.ids[anchor] = section
        # So that the page's contents find it without walking the page.
        self.document[NOTES_ATTR] = anchor


def _added_headings(
    doctree: nodes.document, with_indexes: bool
) -> list[tuple[nodes.Element, str, str]]:
    """Headings made after reading, which the page's contents (made while reading) lack:
    (enclosing section, anchor, text) of the "Notes" section and, *with_indexes*, of each
    heading of a thematic index."""
    found: list[tuple[nodes.Element, str, str]] = []
    notes = doctree.ids.get(str(doctree.get(NOTES_ATTR, "")))
    if isinstance(notes, nodes.section) and isinstance(notes.parent, nodes.Element):
        found.append((notes.parent, notes["ids"][0], notes[0].astext()))
    if not with_indexes:
        # Only a page that holds a thematic index (the domain knows which) is walked.
        return found
    for rubric in doctree.findall(nodes.rubric):
        if any(c.startswith("edition-themeindex-") for c in rubric["classes"]):
            before = rubric.previous_sibling()
            ids = rubric["ids"] or (before["ids"] if isinstance(before, nodes.target) else [])
            if ids:
                found.append((rubric.parent, ids[0], rubric.astext()))
    return found


def _toc_item(anchor: str, text: str) -> nodes.list_item:
    reference = nodes.reference(
        "", "", nodes.Text(text), internal=True, refuri="#" + anchor, anchorname="#" + anchor
    )
    return nodes.list_item("", addnodes.compact_paragraph("", "", reference))


def extend_page_toc(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """List the headings made after reading (the "Notes" section, the thematic index's) in
    the page's contents, each under the section that holds it."""
    builder = app.builder
    if builder.name not in PAGE_BUILDERS or doctree is None or "toc" not in context:
        return
    added = _added_headings(doctree, get_view(app.env).may_hold(builder, pagename, "themeindex"))
    if not added:
        return
    toc = document_toc(app.env, pagename, builder.tags)
    items = {str(ref["anchorname"]): ref.parent.parent for ref in toc.findall(nodes.reference)}
    top = next(iter(toc.findall(nodes.list_item)), None)
    if top is None:
        return
    for section, anchor, text in added:
        ids = section["ids"] if isinstance(section, nodes.section) else []
        item = next((items[f"#{i}"] for i in ids if f"#{i}" in items), None)
        if item is None or not isinstance(item, nodes.list_item):
            item = top
        sublist = item.next_node(nodes.bullet_list)
        if sublist is None or sublist.parent is not item:
            sublist = nodes.bullet_list()
            item += sublist
        sublist += _toc_item(anchor, text)
    context["toc"] = builder.render_partial(toc)["fragment"]  # type: ignore[attr-defined]
    context["edition_toc_extended"] = True


def show_extended_toc(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Furo hides a page's contents when the page has no section of its own; one that now
    lists added headings is shown."""
    if context.get("edition_toc_extended") and context.get("furo_hide_toc"):
        context["furo_hide_toc"] = False


def wrap_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give every table its own scroll container, so that a table wider than a phone
    scrolls alone, and not the whole column of text with it.

    furo wraps the tables of the text itself; the tables that the edition's directives
    build once the book is read (the thematic index's, the timeline's) come later.
    """
    if not for_browser(app.builder):
        return
    for table in list(doctree.findall(nodes.table)):
        parent = table.parent
        if isinstance(parent, nodes.container) and (
            {"table-wrapper", "edition-table-scroll"} & set(parent["classes"])
        ):
            continue
        # furo's own class for the wrapper it gives tables, and so its styles
        wrapper = nodes.container(classes=["table-wrapper", "edition-table-scroll"])
        wrapper.source, wrapper.line = table.source, table.line
        # Not replace_self(): it would copy the table's ids and classes onto the wrapper.
        parent[parent.index(table)] = wrapper
        wrapper += table


def sidenotes_meta(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Tell ``reader.js`` that sidenotes are wanted (``edition_sidenotes``)."""
    if not for_browser(app.builder) or not app.config.edition_sidenotes:
        return
    context["metatags"] = context.get("metatags", "") + (
        '\n<meta name="edition-sidenotes" content="on">'
    )


# -- wiring --------------------------------------------------------------------------------


def setup_reader(app: Sphinx) -> None:
    """Register paragraph anchors and links, note previews and sidenotes, the notes'
    heading, download links and the assets."""
    setup_downloads(app)
    app.add_node(
        paragraph_link,
        html=(visit_paragraph_link_html, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(nodes.title, override=True, html=(visit_title_html, depart_title_html))
    app.add_node(nodes.citation, override=True, html=(visit_citation_html, depart_citation_html))
    # The web pages' "Ibid.": the notes register the node; this adds the preview's short form.
    app.add_node(note_ibid, override=True, html=(visit_note_ibid_browser, None))
    app.add_transform(ParagraphAnchors)
    app.add_post_transform(ParagraphLinks)
    app.add_post_transform(NotesHeading)
    # Before furo's handler (500) reads the contents, and after it decides to hide them.
    app.connect("html-page-context", extend_page_toc, priority=400)
    app.connect("html-page-context", show_extended_toc, priority=600)
    app.connect("html-page-context", sidenotes_meta)
    # After the directives that build tables once the book is read (500).
    app.connect("doctree-resolved", wrap_tables, priority=900)
    setup_assets(app)


#: Imported from here by other modules and books.
__all__ = ["download_basename", "setup_reader", "slug"]

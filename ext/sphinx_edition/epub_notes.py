"""Notes an e-reader can pop up: the ePub builder's HTML translator.

Apple Books, Kobo and Thorium show a note in a pop-up, in place, when its mark is a link
with ``epub:type="noteref"`` to an element with ``epub:type="footnote"``; otherwise the
link jumps to the end of the chapter.  Sphinx's ePub writes the web page's markup, with
``[`` and ``]`` as text around every mark, and its theme's ``epub.css`` adds a second pair.
:class:`EditionEpubTranslator` writes, for every footnote of the book (the edition's notes
are docutils footnotes, made by :mod:`sphinx_edition.notes.render`):

* the mark as ``<a epub:type="noteref" role="doc-noteref"><sup>5</sup></a>``, without
  brackets (the ``superscript`` class, not ``brackets``, so that no stylesheet adds any);
* the note as ``<aside epub:type="footnote" role="doc-footnote">`` whose id the mark
  points to, its label a plain number linking back to the mark;
* the run of notes at the end of a chapter as a ``section`` with
  ``epub:type="endnotes"`` and the matching ARIA role (Ace by DAISY asks that every
  ``epub:type`` have its role), named "Notes", under a "Notes" heading at the end of a
  chapter.

The web pages keep docutils' markup: only the ePub builder uses this translator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.writers.html5 import HTML5Translator

if TYPE_CHECKING:
    from docutils.nodes import Element

_ = get_translation("edition")

#: The class of a note mark and of a note: e-book stylesheets know it, and it adds no text.
LABEL_STYLE = "superscript"


def _is_note(node: nodes.Node | None) -> bool:
    return isinstance(node, nodes.footnote)


class EditionEpubTranslator(HTML5Translator):
    """Sphinx's HTML5 translator, with notes marked up for e-readers' pop-ups."""

    def visit_footnote_reference(self, node: Element) -> None:
        self.body.append(
            self.starttag(
                node,
                "a",
                suffix="",
                classes=["footnote-reference", LABEL_STYLE],
                role="doc-noteref",
                href="#" + node["refid"],
                **{"epub:type": "noteref"},
            )
        )
        self.body.append("<sup>")

    def depart_footnote_reference(self, node: Element) -> None:
        self.body.append("</sup></a>")

    def visit_footnote(self, node: Element) -> None:
        if not _is_note(node.previous_sibling()):
            heading = _("Notes")
            self.body.append(
                f'<section class="footnote-list" epub:type="endnotes" role="doc-endnotes" '
                f'aria-label="{self.attval(heading)}">\n'
            )
            # The notes at the end of a chapter (outside its sections) stand under a
            # heading of the chapter's second level, as the web pages' notes do.
            if isinstance(node.parent, nodes.document):
                self.body.append(f'<h2 class="footnote-list-title">{self.encode(heading)}</h2>\n')
        self.body.append(
            self.starttag(
                node,
                "aside",
                classes=[node.tagname, LABEL_STYLE],
                role="doc-footnote",
                **{"epub:type": "footnote"},
            )
        )

    def depart_footnote(self, node: Element) -> None:
        self.body.append("</aside>\n")
        if not _is_note(node.next_node(descend=False, siblings=True)):
            self.body.append("</section>\n")

    def visit_label(self, node: Element) -> None:
        if not _is_note(node.parent):
            super().visit_label(node)
            return
        # The number alone, linked back to the mark: no brackets, no line of its own.
        self.body.append('<span class="label">')
        backrefs = node.parent.get("backrefs", [])
        if self.settings.footnote_backlinks and len(backrefs) == 1:
            self.body.append(f'<a role="doc-backlink" href="#{self.attval(backrefs[0])}">')

    def depart_label(self, node: Element) -> None:
        if not _is_note(node.parent):
            super().depart_label(node)
            return
        backrefs = node.parent.get("backrefs", [])
        if self.settings.footnote_backlinks and len(backrefs) == 1:
            self.body.append("</a>")
        self.body.append("</span>\n")
        if self.settings.footnote_backlinks and len(backrefs) > 1:
            links = ", ".join(
                f'<a role="doc-backlink" href="#{self.attval(ref)}">{number}</a>'
                for number, ref in enumerate(backrefs, 1)
            )
            self.body.append(f'<span class="backrefs">({links})</span>\n')

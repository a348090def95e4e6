"""Rendering of the notes: footnotes in place of placeholders, Oxford bibliographies.

:class:`NotesTransform` reads the plan (from the domain's read-only view) when a document
is written, replaces each ``notecite`` placeholder by a numbered footnote, and renders
Oxford bibliographies in place with a reverse index ("Cited in notes 12, 13").  The LaTeX
package the notes need (``editionnotes.sty``) is copied beside the ``.tex`` file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.osutil import ensuredir
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

from sphinx_edition.builders import builder_class, one_document_at_a_time
from sphinx_edition.delivered import delivered_node
from sphinx_edition.nodes import ONLY_ATTR, notecite
from sphinx_edition.notes.plan import (
    Note,
    Plan,
    Segment,
    is_oxford,
    segments,
)
from sphinx_edition.notes.role import bibtex_domain, note_backref, note_ibid, note_label, notesep
from sphinx_edition.readings import same_reading
from sphinx_edition.view import get_view

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx

    from sphinx_edition.delivered import DeliveredNote

_ = get_translation("edition")

LATEX_PACKAGE = "editionnotes"
#: The LaTeX package of the notes ("Ibid." or short form by page, the bibliography's
#: hanging indent), shipped beside this module.
LATEX_STY = Path(__file__).resolve().parent / f"{LATEX_PACKAGE}.sty"


def render_segments(runs: Iterable[Segment]) -> list[Node]:
    out: list[Node] = []
    for kind, value in runs:
        if kind == "em":
            out.append(nodes.emphasis(value, value))
        elif kind == "url":
            out.append(nodes.reference(value, value, refuri=value))
        else:
            out.append(nodes.Text(value))
    return out


def _document_parts(document: nodes.document) -> dict[int, nodes.Element]:
    """The innermost ``start_of_file`` of each placeholder of a merged book (by id).

    Found from the top down: Sphinx moves a document's children under its
    ``start_of_file`` without updating their ``parent``.
    """
    homes: dict[int, nodes.Element] = {}
    for part in document.findall(addnodes.start_of_file):  # outer parts first
        for node in part.findall(notecite):
            homes[id(node)] = part
    return homes


def _in_link(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.reference):
            return True
        parent = parent.parent
    return False


def footnote_id(number: int) -> str:
    return f"notecite-{number}"


def footnote_key(docname: str) -> str:
    """The key the notes of *docname* share in place of a docname on their footnote nodes.

    Sphinx's LaTeX footnote transform pairs a footnote with its references by ``docname``
    and number; the edition's notes are numbered through the book, a series of their own,
    so they are keyed apart from the document's ordinary footnotes (whose numbers start at
    1 in every document) instead of colliding with them.
    """
    return f"{docname}#{NOTE_SERIES}"


#: The notes' series, in their footnotes' keys.
NOTE_SERIES = "notecite"


def note_nodes(
    note: Note, docname: str, reading: DeliveredNote | None
) -> tuple[nodes.footnote_reference, nodes.footnote]:
    """The mark and the footnote of *note*, with its delivered reading where it differs."""
    number = str(note.number)
    ref_id, fn_id = note.anchor, footnote_id(note.number)
    key = footnote_key(docname)
    ref = nodes.footnote_reference(
        "", number, ids=[ref_id], refid=fn_id, docname=key, classes=["edition-noteref"]
    )
    # the label opens the note: its page is where the reader meets the note
    paragraph = nodes.paragraph("", "", note_label(refdoc=docname, refid=fn_id))
    if note.short:
        paragraph += note_ibid(
            "",
            nodes.inline("", "", *render_segments(note.text)),
            nodes.inline("", "", *render_segments(note.short)),
            refdoc=docname,
            refid=fn_id,
            previd=footnote_id(note.number - 1),
        )
    else:
        paragraph.extend(render_segments(note.text))
    footnote = nodes.footnote(
        "",
        nodes.label("", number),
        paragraph,
        ids=[fn_id],
        backrefs=[ref_id],
        docname=key,
        classes=["edition-note"],
    )
    if reading is not None and reading.differs:
        # the source's note, where the edition prints another form of it
        footnote += delivered_node(reading.text)
    return ref, footnote


class NotesTransform(SphinxPostTransform):
    """Replace ``notecite`` placeholders by numbered footnotes, and render Oxford
    bibliographies in place (before sphinxcontrib-bibtex's transform, priority 5, would
    turn them into citations that LaTeX moves to the end of the book)."""

    default_priority = 4

    def run(self, **kwargs: Any) -> None:
        plan = get_view(self.env).plan or EMPTY_PLAN  # computed when reading ended
        self.render_notes(plan)
        self.render_bibliographies(plan)

    def render_notes(self, plan: Plan) -> None:
        placeholders = list(self.document.findall(notecite))
        if not placeholders:
            return
        # Notes go at the end of their own document: of the page, or of the document's
        # part of a merged book (singlehtml, texinfo look for them there).
        merged = not one_document_at_a_time(builder_class(self.env))
        homes = _document_parts(self.document) if merged else {}
        delivered = get_view(self.env).delivered
        by_order: dict[str, dict[int, Note]] = {}
        footnotes: dict[int, tuple[nodes.Element, list[nodes.footnote]]] = {}
        ours: list[nodes.footnote_reference] = []
        for node in placeholders:
            if _in_link(node):  # a heading's note copied into a table of contents
                node.parent.remove(node)
                continue
            docname = node["docname"]
            if docname not in by_order:
                by_order[docname] = {n.order: n for n in plan.notes.get(docname, [])}
            note = by_order[docname].get(node.get("order"))
            if note is None and node.get(ONLY_ATTR):
                # in an ``only`` block this builder does not print: not one of its notes
                node.parent.remove(node)
                continue
            if note is None:  # not recorded (should not happen): keep the text
                node.replace_self(nodes.inline(node["raw"], node["raw"]))
                continue
            ref, footnote = note_nodes(note, docname, delivered.get(note.number))
            ref.rawsource = node.rawsource
            ref.source, ref.line = footnote.source, footnote.line = node.source, node.line
            node.replace_self(ref)
            ours.append(ref)
            home = homes.get(id(node), self.document)
            footnotes.setdefault(id(home), (home, []))[1].append(footnote)
        for ref in ours:
            self.separate(ref)
        for home, notes_of_home in footnotes.values():
            home.extend(notes_of_home)

    @staticmethod
    def separate(ref: nodes.footnote_reference) -> None:
        """Put a separator between *ref* and a footnote reference right next to it."""
        parent = ref.parent
        index = parent.index(ref)
        following = parent[index + 1] if index + 1 < len(parent) else None
        if isinstance(following, nodes.footnote_reference):
            parent.insert(index + 1, notesep())
        preceding = parent[index - 1] if index > 0 else None
        if isinstance(preceding, nodes.footnote_reference) and (
            "edition-noteref" not in preceding["classes"]
        ):
            parent.insert(index, notesep())

    def render_bibliographies(self, plan: Plan) -> None:
        bibtex = bibtex_domain(self.env)
        field = str(self.config.edition_delivered_field)
        docname = self.env.docname
        if one_document_at_a_time(builder_class(self.env)) and not any(
            key.docname == docname for key in bibtex.bibliographies
        ):
            return  # sphinxcontrib-bibtex knows the pages that hold a bibliography
        for bibnode in list(self.document.findall(bibliography_node)):
            key = BibliographyKey(docname=bibnode["docname"], id_=bibnode["ids"][0])
            value = bibtex.bibliographies.get(key)
            if value is None or value.list_ != "citation" or not is_oxford(self.env, value.style):
                continue
            container = nodes.container(classes=["edition-bibliography"])
            for citation in bibtex.citations:
                if citation.bibliography_key != key:
                    continue
                entry = nodes.paragraph(
                    "", "", ids=[citation.citation_id], classes=["edition-bibentry"]
                )
                printed = segments(citation.formatted_entry.text)
                entry.extend(render_segments(printed))
                cited = plan.cited_in.get(citation.entry.key, ())
                if cited:
                    entry += nodes.Text(" ")
                    entry += self.cited_in(cited)
                container += entry
                as_delivered = str(citation.entry.fields.get(field, "")) if field else ""
                if as_delivered and not same_reading(
                    as_delivered, "".join(value for _kind, value in printed)
                ):
                    container += delivered_node(as_delivered)
            bibnode.replace_self(container)

    @staticmethod
    def cited_in(cited: Sequence[tuple[int, str]]) -> nodes.inline:
        label = _("Cited in note") if len(cited) == 1 else _("Cited in notes")
        inline = nodes.inline("", label + " ", classes=["edition-cited-in"])
        for index, (number, docname) in enumerate(cited):
            if index:
                inline += nodes.Text(", ")
            inline += note_backref(refdoc=docname, refid=footnote_id(number), number=number)
        inline += nodes.Text(".")
        return inline


#: The plan of a book whose reading has not ended: every note is printed as written.
EMPTY_PLAN = Plan(MappingProxyType({}), MappingProxyType({}), ())


def builder_inited(app: Sphinx) -> None:
    """Give a LaTeX build the notes' package, beside the ``.tex`` file."""
    if app.builder.format == "latex":
        ensuredir(app.builder.outdir)
        copy_asset_file(LATEX_STY, app.builder.outdir, force=True)

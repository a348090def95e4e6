"""Editorial notes: the ``editorial`` directive, numbered E1, E2… through the book.

Data flow: the directive parses its body into an :class:`editorial_note` node → a read
transform gives each note of a document its anchor and place → the domain records one
:class:`~sphinx_edition.records.EditorialInfo` per note → once the book is read
the book-wide numbers are computed once (a compute step) and the documents whose numbers
changed are named (a page signature) → a post-transform puts the number and the delivered/corrected
reading into each note → per-builder visitors write a quiet aside (HTML, ePub), a ruled
block (LaTeX) or an indented paragraph (text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_edition.nodes import PASS, add_node, editorial_note
from sphinx_edition.records import EditorialInfo, editorials_of
from sphinx_edition.registry import (
    RECORDS,
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.view import EDITORIAL_NUMBERS, BookView, get_view

if TYPE_CHECKING:
    from collections.abc import Hashable

    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: How many words of a note's text the interventions table quotes.
EXCERPT_WORDS = 12


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first *words* words of *text*, with "…" when there are more."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def note_label(number: int | None) -> str:
    """ "Editorial note E3" (or "Editorial note" while the number is unknown)."""
    if number is None:
        return str(_("Editorial note"))
    return str(_("Editorial note E%d")) % number


def _warn(message: str, location: Any, subtype: str = "editorial") -> None:
    logger.warning(message, location=location, type="edition", subtype=subtype)


# -- the directive ------------------------------------------------------------------------


class EditorialDirective(SphinxDirective):
    """``:::{editorial}`` — a numbered editorial note (E1, E2… in reading order).

    The body is the note's text, parsed as markup (evidence, links and citations allowed).
    Options: ``:sic:`` the delivered reading the note concerns, ``:corr:`` the edition's
    correction (both optional, printed as "As delivered: … — Read: …"), ``:id:`` a stable
    anchor (else one is made from the document's name and the note's place).  Every note
    is listed in the ``interventions`` table.
    """

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "sic": directives.unchanged,
        "corr": directives.unchanged,
        "id": directives.unchanged,
    }

    def run(self) -> list[Node]:
        location = self.get_location()
        node = editorial_note(
            "",
            sic=self._reading("sic", location),
            corr=self._reading("corr", location),
            docname=self.env.docname,
        )
        self.set_source_info(node)
        explicit = self.options.get("id")
        if explicit is not None:
            anchor = nodes.make_id(explicit)
            if not anchor or anchor != explicit.strip():
                _warn(
                    _("editorial :id: %r is not a valid id (letters, digits, hyphens); using %r")
                    % (explicit, anchor or "a generated id"),
                    location,
                )
            if anchor:
                node["ids"].append(anchor)
        if not "".join(self.content).strip():
            _warn(_("editorial note without text: say what the note is about"), location)
        else:
            node.extend(self.parse_content_to_nodes())
        node["excerpt"] = excerpt(node.astext())
        return [node]

    def _reading(self, name: str, location: Any) -> str:
        value = self.options.get(name)
        if value is None:
            return ""
        value = " ".join(str(value).split())
        if not value:
            _warn(
                _("editorial :%s: is empty: give the reading or leave the option out") % name,
                location,
            )
        return value


class AnnotateEditorials(SphinxTransform):
    """Give each editorial note of the document an anchor that is unique in the book.

    Generated anchors name the document and the note's place in it, so they stay the
    same from build to build while the text above them changes.
    """

    default_priority = 840  # before the domain records the notes (process_doc, 850)

    def apply(self, **kwargs: Any) -> None:
        slug = re.sub(r"[^a-z0-9]+", "-", self.env.docname.lower()).strip("-")
        for order, node in enumerate(self.document.findall(editorial_note), start=1):
            if not node["ids"]:
                anchor = f"editorial-{slug}-{order}"
                while anchor in self.document.ids:
                    anchor += "-"
                node["ids"].append(anchor)
            node["order"] = order
            self.document.ids.setdefault(node["ids"][0], node)


# -- once the book is read ----------------------------------------------------------------


def check_ids(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: two editorial notes of the book with one id."""
    seen: dict[str, str] = {}
    for info in get_view(env).editorials():
        if info.anchor in seen:
            _warn(
                _("duplicate editorial id %r (also in %s)") % (info.anchor, seen[info.anchor]),
                (info.docname, info.lineno),
            )
        seen.setdefault(info.anchor, info.docname)


def number_editorials(app: Sphinx, env: BuildEnvironment, view: BookView) -> Mapping[str, int]:
    """The ``editorial-numbers`` step: the book's editorial notes numbered once, in reading
    order (anchor -> number; of two notes with one id, the first)."""
    numbers: dict[str, int] = {}
    for number, info in enumerate(view.editorials(), start=1):
        numbers.setdefault(info.anchor, number)
    return MappingProxyType(numbers)


def editorial_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """The numbers of a page's editorial notes: the page is re-written when they change."""
    by_doc: dict[str, list[tuple[str, int]]] = {}
    for number, info in enumerate(view.editorials(), start=1):
        by_doc.setdefault(info.docname, []).append((info.anchor, number))
    return {doc: tuple(marks) for doc, marks in by_doc.items()}


class EditorialTransform(SphinxPostTransform):
    """Put each note's number and its reading (sic → corr) into the note."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        numbers = get_view(self.env).editorial_numbers
        for node in self.document.findall(editorial_note):
            if "number" in node:  # a copy already done
                continue
            node["number"] = numbers.get(node["ids"][0]) if node["ids"] else None
            reading = reading_paragraph(node["sic"], node["corr"])
            if reading is not None:
                node.insert(0, reading)


def reading_paragraph(sic: str, corr: str) -> nodes.paragraph | None:
    """ "As delivered: ‘sic’ — read: ‘corr’", or None when the note gives neither."""
    if not sic and not corr:
        return None
    para = nodes.paragraph("", "", classes=["edition-editorial-reading"])
    if sic:
        para += nodes.emphasis("", str(_("As delivered:")))
        para += nodes.Text(f" ‘{sic}’")
    if sic and corr:
        para += nodes.Text(" — ")
    if corr:
        para += nodes.emphasis("", str(_("read:") if sic else _("Read:")))
        para += nodes.Text(f" ‘{corr}’")
    return para


# -- visitors -----------------------------------------------------------------------------


def visit_editorial_html(self: HTML5Translator, node: nodes.Element) -> None:
    label = note_label(node.get("number"))
    # "admonition editorial": themes and readers that style admonitions still do.
    self.body.append(
        self.starttag(
            node,
            "aside",
            CLASS="admonition editorial edition-editorial",
            role="note",
            **{"aria-label": label},
        )
    )
    self.body.append(f'<p class="admonition-title">{self.encode(label)}</p>\n')


def depart_editorial_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


def visit_editorial_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    label = self.encode(note_label(node.get("number")))
    # Sphinx's own admonition box: ruled above and below, never a float.
    self.body.append("\n" + self.hypertarget_to(node, anchor=True))
    self.body.append(rf"\begin{{sphinxadmonition}}{{note}}{{{label}}}" + "\n")
    self.no_latex_floats += 1


def depart_editorial_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\end{sphinxadmonition}" + "\n")
    self.no_latex_floats -= 1


def visit_editorial_text(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(0)
    self.add_text(note_label(node.get("number")) + ":")
    self.end_state()
    self.new_state(3)


def depart_editorial_text(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state()


#: The editorial notes, read from their nodes.
EDITORIALS = RecordKind("editorials", (editorial_note,), editorials_of, EditorialInfo)


def setup_editorial(app: Sphinx) -> None:
    """Register the ``editorial`` directive, its node, numbering and visitors."""
    app.add_directive("editorial", EditorialDirective)
    add_node(
        app,
        editorial_note,
        PASS,
        html=(visit_editorial_html, depart_editorial_html),
        latex=(visit_editorial_latex, depart_editorial_latex),
        text=(visit_editorial_text, depart_editorial_text),
    )
    app.add_transform(AnnotateEditorials)
    app.add_post_transform(EditorialTransform)
    app.connect("env-check-consistency", check_ids)
    add_record_kind(app, EDITORIALS)
    add_compute_step(app, ComputeStep(EDITORIAL_NUMBERS, number_editorials, after=(RECORDS,)))
    add_page_signature(app, PageSignature("editorials", editorial_signatures))


__all__ = [
    "EDITORIALS",
    "EditorialDirective",
    "editorial_note",
    "excerpt",
    "note_label",
    "setup_editorial",
]

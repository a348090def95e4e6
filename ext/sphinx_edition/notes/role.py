"""The ``notecite`` role, the nodes of a note, and their annotation while a document is read.

The role parses its target into a :class:`notecite` placeholder; :class:`AnnotateNotes`
gives each placeholder its id, its place among the document's notes and whether an
ordinary footnote stands before it, which the domain then records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinxcontrib.bibtex.citation_target import CitationTarget, parse_citation_targets
from sphinxcontrib.bibtex.roles import CitationRef

from sphinx_edition.nodes import AFTER_FOOTNOTE, ONLY_ATTR, notecite

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.nodes import Node, system_message
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinxcontrib.bibtex.domain import BibtexDomain

    from sphinx_edition.records import CitationInfo

_ = get_translation("edition")
logger = logging.getLogger(__name__)


# -- nodes ------------------------------------------------------------------------------


class notesep(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A superscript comma between two adjacent note numbers, so "3,4" never reads "34"."""


class note_label(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A LaTeX ``\\label`` inside a note's text, for page references from the bibliography."""


class note_backref(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A note number in the bibliography's reverse index: a link to the note in HTML,
    "12 (p. 34)" with the note's page in LaTeX, the bare number elsewhere."""


class note_ibid(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """An "Ibid." note's text (first child) and its short form (second child).

    Pages of HTML are documents, where the plan's "Ibid." is right.  A printed page can
    begin with the note: LaTeX then prints the short form (it compares the pages of this
    note and of the one before, through their labels).
    """


# -- visitors ---------------------------------------------------------------------------


def visit_note_ibid_first(self: Any, node: nodes.Element) -> None:
    node[0].walkabout(self)
    raise nodes.SkipNode


def visit_note_ibid_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    previous = self.idescape(f"{node['refdoc']}:{node['previd']}")
    self.body.append(rf"\editionibid{{{previous}}}{{{_latex_key(self, node)}}}{{")
    node[0].walkabout(self)
    self.body.append("}{")
    node[1].walkabout(self)
    self.body.append("}")
    raise nodes.SkipNode


def visit_notesep_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append('<sup class="edition-note-sep">,</sup>')
    raise nodes.SkipNode


def visit_notesep_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\textsuperscript{,}")
    raise nodes.SkipNode


def _latex_key(self: LaTeXTranslator, node: nodes.Element) -> str:
    return str(self.idescape(f"{node['refdoc']}:{node['refid']}"))


def visit_note_label_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(rf"\label{{{_latex_key(self, node)}}}")
    raise nodes.SkipNode


def visit_note_backref_html(self: HTML5Translator, node: nodes.Element) -> None:
    uri = self.builder.get_relative_uri(self.builder.current_docname, node["refdoc"])
    anchor = "#" + node["refid"]
    # single-page builders give "#document-…": the note's own id is enough there
    href = anchor if "#" in uri else uri + anchor
    self.body.append(
        f'<a class="reference internal edition-note-backref" href="{self.attval(href)}">'
        f"{node['number']}</a>"
    )
    raise nodes.SkipNode


def visit_note_backref_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    key = _latex_key(self, node)
    page = self.encode(_("p."))
    self.body.append(rf"\hyperref[{key}]{{{node['number']}}} ({page}~\pageref*{{{key}}})")
    raise nodes.SkipNode


def visit_note_backref_text(self: Any, node: nodes.Element) -> None:
    # through the translator's own text handling, so each format escapes it its way
    nodes.Text(str(node["number"])).walkabout(self)
    raise nodes.SkipNode


# -- the role ---------------------------------------------------------------------------


class NoteTargetError(ValueError):
    """A ``notecite`` target that cannot be read; the role turns it into a warning."""


def parse_targets(raw: str) -> list[CitationTarget]:
    """The targets of a ``notecite`` role, read with sphinxcontrib-bibtex's own parser.

    Raises :class:`NoteTargetError` and nothing else.  That parser recurses once per key
    (a long list ends in ``RecursionError``), so the list is cut at its top-level commas
    first and each target is parsed on its own.
    """
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(raw):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            pieces.append(raw[start:index])
            start = index + 1
    pieces.append(raw[start:])
    targets: list[CitationTarget] = []
    for piece in pieces:
        try:
            (target,) = parse_citation_targets(piece)
        except ValueError as error:
            raise NoteTargetError(str(error) or raw) from None
        targets.append(target)
    return targets


class NoteCiteRole(SphinxRole):
    """``{notecite}`{pre}key{post}, key2```: a citation that becomes an Oxford footnote.

    The target syntax is that of sphinxcontrib-bibtex's ``cite`` (its parser is reused):
    one or more comma-separated keys, each with optional pre-text (``{see}``) and
    post-text (the locator, ``{p. 69}``).  Several keys make one note whose works are
    separated by semicolons.  Bad input (empty role, malformed target, unknown key) is a
    warning located at the role; the note is still printed, with the text as written.
    """

    def run(self) -> tuple[list[Node], list[system_message]]:
        raw = self.text.strip()
        node = notecite(self.rawtext, raw=raw, docname=self.env.docname)
        self.set_source_info(node)
        keys: tuple[str, ...] = ()
        pre: tuple[str, ...] = ()
        post: tuple[str, ...] = ()
        if not raw:
            self._warn(_("empty notecite: give at least one bibliography key"))
            # print the role as written, so the empty note still shows where it stands
            node["raw"] = self.rawtext
        else:
            try:
                targets = parse_targets(raw)
            except NoteTargetError:
                self._warn(_("malformed notecite target %r (expected {pre}key{post}, …)") % raw)
            else:
                keys = tuple(t.key for t in targets)
                pre = tuple(t.pre for t in targets)
                post = tuple(t.post for t in targets)
        bibtex = bibtex_domain(self.env)
        entries = bibtex.bibdata.data.entries
        for key in keys:
            if key not in entries:
                self._warn(_("unknown notecite key %r: not in any bibtex_bibfiles") % key)
        # A note's text comes from the .bib files: re-read this document when they change.
        for bibfile in bibtex.bibdata.bibfiles:
            self.env.note_dependency(str(bibfile))
        node["keys"], node["pre"], node["post"] = keys, pre, post
        return [node], []

    def _warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="edition", subtype="notecite")


def bibtex_domain(env: BuildEnvironment) -> BibtexDomain:
    """sphinxcontrib-bibtex's ``cite`` domain of *env*, typed."""
    return cast("BibtexDomain", env.get_domain("cite"))


def cite_for_bibtex(env: BuildEnvironment, docname: str, records: Sequence[CitationInfo]) -> None:
    """Once a document's notes are recorded: tell sphinxcontrib-bibtex what they cite, so
    that its ``:cited:`` filter sees notecite citations."""
    refs = bibtex_domain(env).citation_refs
    for citation in records:
        if citation.keys:
            refs.append(
                CitationRef(
                    citation_ref_id=citation.anchor,
                    docname=docname,
                    line=citation.lineno,
                    # the role has parsed the targets already: rebuild, don't re-parse
                    targets=[
                        CitationTarget(key, pre, post)
                        for key, pre, post in zip(
                            citation.keys, citation.pre, citation.post, strict=True
                        )
                    ],
                )
            )


# -- annotation -------------------------------------------------------------------------


class AnnotateNotes(SphinxTransform):
    """Number the document's notes in reading order, noting the ordinary footnotes between.

    Done on the parsed document rather than in the role, because only now are the
    ordinary footnote references (which forbid a following "Ibid.") in their places; just
    before the domain records the notes (``process_doc``, priority 850).  Three places
    docutils allows need care first:

    * a note in a link's text is moved to just after the link (a footnote mark inside an
      ``<a>`` would nest links, and writers drop it);
    * a note in an rST substitution's definition is not a note: each use of the
      substitution is a copy of it, and the copies are the notes;
    * a note in an ``only`` block records the block's conditions, so that the notes' plan,
      made for the builder at hand, counts it only where the block is printed.
    """

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(notecite)):
            move_out_of_link(node)
        after_footnote = False
        order = 0
        for node in self.document.findall(_note_or_footnote_ref):
            if isinstance(node, nodes.footnote_reference):
                after_footnote = True
                continue
            if _ancestor(node, nodes.substitution_definition) is not None:
                continue
            self.document.set_id(node)
            node["order"] = order
            node[AFTER_FOOTNOTE] = after_footnote
            node[ONLY_ATTR] = only_conditions(node)
            order += 1
            after_footnote = False


def _ancestor(node: Node, kind: type[nodes.Element]) -> nodes.Element | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
            return parent
        parent = parent.parent
    return None


def only_conditions(node: Node) -> tuple[str, ...]:
    """The expressions of the ``only`` blocks around *node*, outermost first."""
    found: list[str] = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.only):
            found.append(parent["expr"])
        parent = parent.parent
    return tuple(reversed(found))


def move_out_of_link(node: notecite) -> None:
    """Put *node* just after the outermost link whose text holds it (and after any note
    moved there before it, keeping their order)."""
    link: nodes.Element | None = None
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.reference):
            link = parent
        parent = parent.parent
    if link is None or link.parent is None:
        return
    node.parent.remove(node)
    index = link.parent.index(link) + 1
    while index < len(link.parent) and isinstance(link.parent[index], notecite):
        index += 1
    link.parent.insert(index, node)


def _note_or_footnote_ref(node: Node) -> bool:
    return isinstance(node, (notecite, nodes.footnote_reference))


__all__ = [
    "AnnotateNotes",
    "NoteCiteRole",
    "NoteTargetError",
    "bibtex_domain",
    "note_backref",
    "note_ibid",
    "note_label",
    "notecite",
    "notesep",
    "only_conditions",
    "parse_targets",
]

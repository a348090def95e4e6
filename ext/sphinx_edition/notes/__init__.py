"""Oxford-style citation notes: the ``notecite`` role.

``{notecite}`key```, ``{notecite}`{see}key{p. 69}``` or several comma-separated targets
(parsed by sphinxcontrib-bibtex's own target parser) make one footnote each.  Notes are
numbered continuously through the book in reading order, and each cited work is given in
full the first time, then in short form, or as "Ibid." when it repeats the single work of
the note just before on the same page.

Data flow: the role parses its target into a placeholder node, and a read transform
numbers the placeholders of each document (:mod:`~sphinx_edition.notes.role`) → the
domain records one :class:`~sphinx_edition.domain.CitationInfo` per note → at
the end of reading the number and form of every note of the book are computed once
(:mod:`~sphinx_edition.notes.plan`), and the documents whose notes changed are named →
a post-transform replaces each placeholder by a real footnote, and renders Oxford
bibliographies in place with a reverse index (:mod:`~sphinx_edition.notes.render`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.nodes import add_node, notecite
from sphinx_edition.notes.plan import (
    EVENT_NOTES_PLANNED,
    STYLES,
    Note,
    NotePart,
    Plan,
    compute_plan,
    decide_forms,
    note_signatures,
    note_style,
    plan_notes,
    plan_step,
    resolve_style,
    resolve_styles,
)
from sphinx_edition.notes.render import LATEX_PACKAGE, NotesTransform, builder_inited
from sphinx_edition.notes.role import (
    AnnotateNotes,
    NoteCiteRole,
    NoteTargetError,
    cite_for_bibtex,
    note_backref,
    note_ibid,
    note_label,
    notesep,
    parse_targets,
    visit_note_backref_html,
    visit_note_backref_latex,
    visit_note_backref_text,
    visit_note_ibid_first,
    visit_note_ibid_latex,
    visit_note_label_latex,
    visit_notesep_html,
    visit_notesep_latex,
)
from sphinx_edition.records import CitationInfo, citations_of
from sphinx_edition.registry import (
    RECORDS,
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.view import NOTES_PLAN

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: The notes, read from their placeholders once numbered in their document.
CITATIONS = RecordKind(
    "citations", (notecite,), citations_of, CitationInfo, recorded=cite_for_bibtex
)


def setup_notes(app: Sphinx) -> None:
    """Register the ``notecite`` role, its nodes, collectors and renderers."""
    app.add_event(EVENT_NOTES_PLANNED)
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_role("notecite", NoteCiteRole())
    # Placeholders left at writing time are copies (a heading's note copied into a table
    # of contents): the note itself is the footnote made by NotesTransform.
    add_node(app, notecite)
    add_node(app, notesep, html=(visit_notesep_html, None), latex=(visit_notesep_latex, None))
    add_node(app, note_label, latex=(visit_note_label_latex, None))
    add_node(
        app,
        note_backref,
        (visit_note_backref_text, None),
        html=(visit_note_backref_html, None),
        latex=(visit_note_backref_latex, None),
    )
    add_node(app, note_ibid, (visit_note_ibid_first, None), latex=(visit_note_ibid_latex, None))
    app.add_transform(AnnotateNotes)
    app.add_post_transform(NotesTransform)
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("builder-inited", builder_inited)
    add_record_kind(app, CITATIONS)
    add_compute_step(app, ComputeStep(STYLES, resolve_styles))
    add_compute_step(app, ComputeStep(NOTES_PLAN, plan_step, after=(RECORDS, STYLES)))
    add_page_signature(app, PageSignature("notes", note_signatures))


__all__ = [
    "CITATIONS",
    "EVENT_NOTES_PLANNED",
    "Note",
    "NoteCiteRole",
    "NotePart",
    "NoteTargetError",
    "NotesTransform",
    "Plan",
    "compute_plan",
    "decide_forms",
    "note_backref",
    "note_ibid",
    "note_style",
    "notecite",
    "notesep",
    "parse_targets",
    "plan_notes",
    "resolve_style",
    "setup_notes",
]

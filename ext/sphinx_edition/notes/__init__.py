"""Oxford-style citation notes: the ``notecite`` role.

``{notecite}`key```, ``{notecite}`{see}key{p. 69}``` or several comma-separated targets
(parsed by sphinxcontrib-bibtex's own target parser) make one footnote each.  Notes are
numbered continuously through the book in reading order, and each cited work is given in
full the first time, then in short form, or as "Ibid." when it repeats the single work of
the note just before on the same page.

Data flow: the role parses its target into a placeholder node, and a read transform
numbers the placeholders of each document (:mod:`~sphinx_edition.notes.role`) → the
domain records one :class:`~sphinx_edition.domain.CitationInfo` per note → at
``env-get-updated`` the number and form of every note of the book are computed once
(:mod:`~sphinx_edition.notes.plan`), and the documents whose notes changed are named →
a post-transform replaces each placeholder by a real footnote, and renders Oxford
bibliographies in place with a reverse index (:mod:`~sphinx_edition.notes.render`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.nodes import notecite, skip_node
from sphinx_edition.notes.plan import (
    EVENT_NOTES_PLANNED,
    Note,
    NotePart,
    Plan,
    compute_plan,
    decide_forms,
    env_get_updated,
    note_style,
    plan_notes,
    resolve_style,
)
from sphinx_edition.notes.render import LATEX_PACKAGE, NotesTransform, builder_inited
from sphinx_edition.notes.role import (
    AnnotateNotes,
    NoteCiteRole,
    NoteTargetError,
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

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_notes(app: Sphinx) -> None:
    """Register the ``notecite`` role, its nodes, collectors and renderers."""
    app.add_event(EVENT_NOTES_PLANNED)
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_role("notecite", NoteCiteRole())
    app.add_node(
        notecite,
        # Placeholders left at writing time are copies (a heading's note copied into a
        # table of contents): the note itself is the footnote made by NotesTransform.
        html=(skip_node, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(
        notesep,
        html=(visit_notesep_html, None),
        latex=(visit_notesep_latex, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(
        note_label,
        html=(skip_node, None),
        latex=(visit_note_label_latex, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(
        note_backref,
        html=(visit_note_backref_html, None),
        latex=(visit_note_backref_latex, None),
        text=(visit_note_backref_text, None),
        man=(visit_note_backref_text, None),
        texinfo=(visit_note_backref_text, None),
    )
    app.add_node(
        note_ibid,
        html=(visit_note_ibid_first, None),
        latex=(visit_note_ibid_latex, None),
        text=(visit_note_ibid_first, None),
        man=(visit_note_ibid_first, None),
        texinfo=(visit_note_ibid_first, None),
    )
    app.add_transform(AnnotateNotes)
    app.add_post_transform(NotesTransform)
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("builder-inited", builder_inited)
    app.connect("env-get-updated", env_get_updated)


__all__ = [
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

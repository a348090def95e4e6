"""The nodes the domain records from, and the visitors every writer shares.

The directives and roles of each feature make these nodes; a read transform of the
feature annotates them (ids, order, inferred parents); :meth:`EditionDomain.process_doc
<sphinx_edition.domain.EditionDomain.process_doc>` reads them into records.  They are
defined here, not in the feature modules, because those modules import the domain: the
domain can read the nodes without importing them back.  Each feature module re-exports
its nodes, which is where authors and writers meet them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# -- shared visitors ------------------------------------------------------------------------


def skip_node(self: Any, node: nodes.Element) -> None:
    """A visitor that writes nothing for *node* nor for its children."""
    raise nodes.SkipNode


def pass_node(self: Any, node: nodes.Element) -> None:
    """A visitor (or departure) that writes nothing for *node*, and its children as usual."""


# -- chronology -----------------------------------------------------------------------------

#: Attribute set on a ``section`` node by the ``period`` directive that stands in it.
PERIOD_ATTR = "edition_period"


def period_for_node(node: nodes.Node) -> str | None:
    """Id of the period that applies to *node*: that of its nearest section with one."""
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.section) and current.get(PERIOD_ATTR):
            return str(current[PERIOD_ATTR])
        current = current.parent
    return None


class period_banner(nodes.General, nodes.Element):  # type: ignore[misc]
    """The banner a ``period`` directive puts at the top of its section.

    Attributes: ``period`` (id), ``title``, ``start``, ``end``, ``actors`` (list),
    ``climate``, ``parent`` (explicit, then inferred id or ``""``), ``summary``.
    Its children are generic nodes, so every builder can write them.
    """


class event_marker(nodes.General, nodes.Element):  # type: ignore[misc]
    """The dated marker an ``event`` directive puts in the text.

    Attributes: ``event`` (id), ``date``, ``title``, ``climate``, ``summary``.
    """


# -- notes ----------------------------------------------------------------------------------


class notecite(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """Placeholder for a ``notecite`` role: replaced by a footnote when the book is known.

    Attributes: ``keys``, ``pre``, ``post`` (tuples, one item per cited work), ``raw``
    (the role's text), ``docname`` and, once recorded, ``order`` (its place among the
    document's notes).
    """


#: Attribute of a recorded ``notecite``: an ordinary footnote stands between it and the
#: note before it in the document.
AFTER_FOOTNOTE = "after_footnote"
#: The attribute of a note holding the expressions of the ``only`` blocks around it.
ONLY_ATTR = "only"

# -- themes ---------------------------------------------------------------------------------

#: Attribute of the target that anchors a tagged passage: the passage's record, as a dict
#: (``themes``, ``excerpt``, ``period``, ``section``, ``line``, ``order``).
PASSAGE_ATTR = "edition_passage"


class theme_chips(nodes.inline):  # type: ignore[misc,unused-ignore]
    """The theme chips of a passage: links to the themes' entries in the thematic index.

    ``themes`` holds the ids; ``from_role`` is true when a ``{theme}`` role put it there
    (the passage is then the paragraph it stands in).  The links are filled in at
    ``doctree-resolved``.
    """


class themeindex(nodes.General, nodes.Element):  # type: ignore[misc,unused-ignore]
    """Placeholder of a ``themeindex`` directive, replaced at ``doctree-resolved``."""


# -- editorial notes and the apparatus ------------------------------------------------------


class editorial_note(nodes.General, nodes.Element):  # type: ignore[misc,unused-ignore]
    """A numbered editorial note (``editorial`` directive); its children are the note's text.

    Attributes: ``ids`` (its anchor), ``sic`` and ``corr`` (the delivered reading it
    concerns and the edition's correction, ``""`` when not given), ``docname``, ``order``
    (its place among the document's editorial notes) and ``excerpt`` (its first words).
    The book-wide number ("E3") is filled in when the document is written.
    """


class apparatus_list(nodes.General, nodes.Element):  # type: ignore[misc,unused-ignore]
    """Placeholder of an ``interventions`` or ``apparatus`` directive (``kind``), filled in
    when the document is written, from the whole book's records."""


# -- registration -----------------------------------------------------------------------------

#: The writers every node of the edition is registered for (others fall back to docutils'
#: ``unknown_visit``, which Sphinx's writers answer for the nodes they know nothing of).
WRITERS = ("html", "latex", "text", "man", "texinfo")
#: Visitors that write nothing of a node, nor of its children.
SKIP = (skip_node, None)
#: Visitors that write nothing of a node itself, and its children as usual.
PASS = (pass_node, pass_node)

Visitors = tuple[Any, Any]


def add_node(
    app: Sphinx, node: type[nodes.Element], default: Visitors = SKIP, **visitors: Visitors
) -> None:
    """Register *node* with the *visitors* given per writer, and *default* for the writers
    of :data:`WRITERS` not named."""
    every: dict[str, Any] = {writer: visitors.get(writer, default) for writer in WRITERS}
    every.update(visitors)
    app.add_node(node, **every)

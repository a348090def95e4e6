"""The apparatus: the table of interventions and the delivered readings, generated.

``interventions`` lists, in text order and each linked to its place, every editorial
note, every note whose printed form differs from the delivered one (with its locator
decision) and every reference whose fields differ from its delivered form (the fields
computed, with the evidence of ``x-evidence``).  ``apparatus`` gives every delivered note
and reference in full beside what the edition prints, for readers of the PDF, whose notes
cannot unfold.

Data flow: the directives leave an :class:`~sphinx_edition.nodes.apparatus_list`, which
the domain records as a collector → once the book is read its pages are re-written when
any record they show changed (``env-get-updated``) → a post-transform builds the lists
from the read-only view, the notes' plan, the delivered notes and the ``.bib`` entries.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from sphinx_edition.delivered import delivered_of
from sphinx_edition.nodes import add_node, apparatus_list
from sphinx_edition.notes.plan import STYLES, note_style, segments
from sphinx_edition.notes.render import footnote_id, render_segments
from sphinx_edition.notes.role import bibtex_domain
from sphinx_edition.oxford import OxfordLabelStyle
from sphinx_edition.readings import field_changes, normalise, runs, same_reading
from sphinx_edition.registry import (
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.view import BookView, get_view
from sphinx_edition.works import plain

if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence

    from docutils.nodes import Node
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.delivered import DeliveredNote
    from sphinx_edition.notes.plan import Note

_ = get_translation("edition")

#: The fields of a ``.bib`` entry that hold the evidence for a correction.
EVIDENCE_FIELD = "x-evidence"


# -- locators (pure) ------------------------------------------------------------------------


def locator_decision(delivered: str, post: str, pages: str, text: str = "") -> str:
    """What the edition did with a delivered note's page string, or "" if it kept it.

    *delivered* is the note's page string as delivered, *post* the ``notecite`` locator,
    *pages* the work's page range in the ``.bib`` file, *text* the delivered note.
    """
    given, printed, extent = normalise(delivered), normalise(post), normalise(pages)
    number = re.sub(r"^(pp?\.|pages?)\s*", "", printed)
    if not given:
        # an "Ibid., p. 80" gives its page in the text, not as a locator
        if not post or (number and number in normalise(text)):
            return ""
        return _("locator %s added") % post
    if printed:
        if number == given:
            return "" if printed == given else _("pinpoint: %s → %s") % (given, post)
        return _("locator: %s → %s") % (given, post)
    if extent == given:
        return ""
    if given.endswith("-") and extent.startswith(given):
        return _("the note breaks off at ‘%s’ → the full range %s") % (delivered, pages)
    if extent.startswith(given + "-"):
        return _("first page %s → the full range %s") % (given, pages)
    if not extent:
        return _("locator %s not printed") % delivered
    return _("locator: %s → %s") % (given, pages)


# -- the directives -------------------------------------------------------------------------


class InterventionsDirective(SphinxDirective):
    """``{interventions}`` — every intervention of the edition, in text order, generated:
    editorial notes, notes printed otherwise than delivered (locator decisions included),
    and references whose fields differ from their delivered form."""

    has_content = False

    def run(self) -> list[Node]:
        node = apparatus_list("", kind="interventions", docname=self.env.docname)
        self.set_source_info(node)
        return [node]


class ApparatusDirective(InterventionsDirective):
    """``{apparatus}`` — every delivered note and reference in full, beside what the
    edition prints (the PDF's way to read them; HTML and ePub show them in place too)."""

    def run(self) -> list[Node]:
        node = apparatus_list("", kind="apparatus", docname=self.env.docname)
        self.set_source_info(node)
        return [node]


# -- the data the lists show --------------------------------------------------------------


class Reference(NamedTuple):
    """A ``.bib`` entry with a delivered form."""

    key: str
    label: str  # "Garthoff 1994"
    delivered: str
    printed: tuple[tuple[str, str], ...]  # the bibliography's form, as segments
    evidence: str
    docname: str  # of the bibliography that lists it ("" if none)
    anchor: str


#: The name of the compute step of the references with a delivered form.
REFERENCES = "references"


def references_step(app: Sphinx, env: BuildEnvironment, view: BookView) -> tuple[Reference, ...]:
    """The ``references`` step: the references with a delivered form, formatted once."""
    return tuple(references(env))


def references(env: BuildEnvironment) -> list[Reference]:
    """Every entry with a delivered form: those of the bibliography in its order, then
    any other (not cited, so not listed) by key."""
    field = str(env.config.edition_delivered_field)
    if not field:
        return []
    bibtex = bibtex_domain(env)
    labels = OxfordLabelStyle()
    found: dict[str, Reference] = {}

    def add(entry: Entry, printed: Any, docname: str, anchor: str) -> None:
        found[entry.key] = Reference(
            entry.key,
            labels.format_label(entry),
            str(entry.fields[field]),
            segments(printed),
            plain(str(entry.fields.get(EVIDENCE_FIELD, ""))),
            docname,
            anchor,
        )

    for citation in bibtex.citations:
        entry = citation.entry
        if field in entry.fields and entry.key not in found:
            text = citation.formatted_entry.text
            add(entry, text, citation.bibliography_key.docname, citation.citation_id)
    style = note_style(env)
    for key, entry in sorted(bibtex.bibdata.data.entries.items()):
        if field in entry.fields and key not in found:
            add(entry, style.format_bibliography_entry(entry), "", "")
    return list(found.values())


def signature(env: BuildEnvironment) -> Hashable:
    """All an apparatus page shows, to compare between builds: the rows in their order
    and what each row says.  Line numbers only order the rows, so they are left out: text
    inserted above a passage moves no row."""
    view = get_view(env)
    plan = view.plan
    delivered = delivered_of(env)
    order = {doc: index for index, doc in enumerate(view.order)}
    citations = list(view.citations())
    placed: list[tuple[tuple[int, int, int], Hashable]] = [
        ((order.get(e.docname, 0), e.lineno, 1), e._replace(lineno=0, order=0))
        for e in view.editorials()
    ]
    placed += [
        ((order.get(cit.docname, 0), cit.lineno, 0), (number, cit.post))
        for number, cit in enumerate(citations, start=1)
        if number in delivered
    ]
    notes = (
        tuple(n for ns in plan.notes.values() for n in ns if n.number in delivered)
        if plan is not None
        else ()
    )
    return (
        tuple(row for _key, row in sorted(placed, key=lambda item: item[0])),
        notes,
        tuple(sorted(delivered.items())),
        view.get(REFERENCES, ()),
    )


def apparatus_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """What the apparatus pages show: each is re-written when its content changes."""
    docs = view.collectors("apparatus")
    shown = signature(env) if docs else ()
    return dict.fromkeys(docs, shown)


# -- building the lists -------------------------------------------------------------------


def _para(*children: Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=list(classes))
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


#: An address in a field of evidence ("…, https://example.org/page").
_URL = re.compile(r"https?://[^\s<>\"”’)]+[^\s<>\"”’).,;:]")


def _evidence_runs(text: str) -> list[Node]:
    """*text* with its addresses as links, which the writers can break (a URL as plain text
    is one word that no narrow column of a table can hold)."""
    runs: list[Node] = []
    position = 0
    for match in _URL.finditer(text):
        if match.start() > position:
            runs.append(nodes.Text(text[position : match.start()]))
        url = match.group(0)
        runs.append(nodes.reference(url, url, refuri=url))
        position = match.end()
    if position < len(text):
        runs.append(nodes.Text(text[position:]))
    return runs


def _delivered_runs(text: str) -> list[Node]:
    return [nodes.emphasis(v, v) if k == "em" else nodes.Text(v) for k, v in runs(text)]


def fill_apparatus(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill each ``interventions`` and ``apparatus`` placeholder."""
    if not get_view(app.env).may_hold(app.builder, docname, "apparatus"):
        return
    placeholders = list(doctree.findall(apparatus_list))
    if placeholders:
        Apparatus(app.builder).fill(placeholders)


class Apparatus:
    """The lists of one written document, from the whole book's data."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.env = builder.env
        self.docname = ""

    def fill(self, placeholders: Sequence[nodes.Element]) -> None:
        view = get_view(self.env)
        plan = view.plan
        self.notes: dict[int, Note] = (
            {n.number: n for ns in plan.notes.values() for n in ns} if plan else {}
        )
        self.posts = {number: cit.post for number, cit in enumerate(view.citations(), start=1)}
        self.lines = {
            number: (cit.docname, cit.lineno)
            for number, cit in enumerate(view.citations(), start=1)
        }
        self.delivered = delivered_of(self.env)
        self.refs: Sequence[Reference] = view.get(REFERENCES, ())
        self.entries = dict(bibtex_domain(self.env).bibdata.data.entries)
        for node in placeholders:
            self.docname = node["docname"]
            if node["kind"] == "interventions":
                node.replace_self(self.interventions())
            else:
                node.replace_self(self.apparatus())

    # -- links ---------------------------------------------------------------------

    def link(self, docname: str, anchor: str, text: str) -> nodes.reference:
        return make_refnode(self.builder, self.docname, docname, anchor, nodes.Text(text))

    def note_link(self, number: int) -> Node:
        note = self.notes.get(number)
        label = _("note %d") % number
        if note is None:
            return nodes.Text(label)
        # LaTeX labels the note's text (on the page of its mark); HTML links to the mark.
        latex = self.builder.format == "latex"
        anchor = footnote_id(number) if latex else note.anchor
        return self.link(note.docname, anchor, label)

    def ref_link(self, ref: Reference) -> Node:
        if not ref.docname:
            return nodes.Text(ref.label)
        anchor = "" if self.builder.format == "latex" else ref.anchor
        return self.link(ref.docname, anchor, ref.label)

    def locator(self, reading: DeliveredNote) -> str:
        posts = self.posts.get(reading.number, ())
        keys = reading.keys or tuple(p.key for p in self.notes[reading.number].parts)
        entry = self.entries.get(keys[0]) if keys else None
        pages = plain(str(entry.fields.get("pages", ""))) if entry is not None else ""
        post = posts[0] if posts else ""
        return locator_decision(reading.locator, post, pages, reading.text)

    # -- interventions -------------------------------------------------------------

    def interventions(self) -> nodes.Element:
        """The table: where, what, as delivered, in the edition."""
        view = get_view(self.env)
        order = {doc: index for index, doc in enumerate(view.order)}
        rows: list[tuple[tuple[int, int, int], list[list[Node]]]] = []
        numbers = view.editorial_numbers
        for info in view.editorials():
            number = numbers.get(info.anchor, 0)
            where = self.link(info.docname, info.anchor, f"E{number}")
            what = _para(_("Editorial note: "), info.excerpt)
            rows.append(
                (
                    (order.get(info.docname, 0), info.lineno, 1),
                    [[_para(where)], [what], [_para(info.sic)], [_para(info.corr)]],
                )
            )
        for number, reading in sorted(self.delivered.items()):
            decision = self.locator(reading)
            if not reading.differs and not decision:
                continue
            doc, line = self.lines.get(number, ("", 0))
            what = decision or _("the note in Oxford form")
            printed = render_segments(self.notes[number].text) if number in self.notes else []
            rows.append(
                (
                    (order.get(doc, 0), line, 0),
                    [
                        [_para(self.note_link(number))],
                        [_para(what)],
                        [_para(*_delivered_runs(reading.text))],
                        [_para(*printed)],
                    ],
                )
            )
        for ref in self.refs:
            changes = field_changes(self.entries[ref.key], ref.delivered)
            if not changes and same_reading(ref.delivered, "".join(v for _k, v in ref.printed)):
                continue
            fields = ", ".join(c.field for c in changes) or _("form")
            what = [_para(_("Reference: "), fields)]
            if ref.evidence:
                what.append(_para(_("Evidence: "), *_evidence_runs(ref.evidence)))
            was = [_para(f"{c.field}: ", c.delivered or "—") for c in changes]
            now = [_para(f"{c.field}: ", c.value) for c in changes]
            rows.append(
                (
                    (order.get(ref.docname, len(order)), 10**9, 2),
                    [[_para(self.ref_link(ref))], what, was or [_para()], now or [_para()]],
                )
            )
        rows.sort(key=lambda row: row[0])
        header = [_("Where"), _("Intervention"), _("As delivered"), _("In the edition")]
        return self.table(header, [cells for _key, cells in rows], (16, 28, 28, 28))

    @staticmethod
    def table(
        header: Sequence[str], rows: Sequence[Sequence[Sequence[Node]]], widths: Sequence[int]
    ) -> nodes.table:
        table = nodes.table(classes=["edition-interventions", "colwidths-given", "longtable"])
        group = nodes.tgroup(cols=len(header))
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row("", *(nodes.entry("", _para(h)) for h in header))
        group += head
        body = nodes.tbody()
        for cells in rows:
            body += nodes.row("", *(nodes.entry("", *cell) for cell in cells))
        group += body
        return table

    # -- the apparatus ---------------------------------------------------------------

    def apparatus(self) -> nodes.Element:
        """Every delivered note and reference, with what the edition prints."""
        container = nodes.container(classes=["edition-apparatus"])
        if self.delivered:
            container += nodes.rubric("", _("The notes as delivered"))
            notes = nodes.definition_list()
            for number, reading in sorted(self.delivered.items()):
                body = nodes.definition()
                body += _para(_("As delivered: "), *_delivered_runs(reading.text))
                if reading.differs and number in self.notes:
                    body += _para(_("The edition: "), *render_segments(self.notes[number].text))
                else:
                    body += _para(_("The edition prints it as delivered."))
                decision = self.locator(reading)
                if decision:
                    body += _para(_("Locator: "), decision)
                notes += nodes.definition_list_item(
                    "", nodes.term("", "", self.note_link(number)), body
                )
            container += notes
        if self.refs:
            container += nodes.rubric("", _("The references as delivered"))
            entries = nodes.definition_list()
            for ref in self.refs:
                body = nodes.definition()
                body += _para(_("As delivered: "), *_delivered_runs(ref.delivered))
                body += _para(_("The edition: "), *render_segments(ref.printed))
                changes = field_changes(self.entries[ref.key], ref.delivered)
                if changes:
                    body += _para(_("Changed: "), ", ".join(c.field for c in changes))
                if ref.evidence:
                    body += _para(_("Evidence: "), *_evidence_runs(ref.evidence))
                entries += nodes.definition_list_item(
                    "", nodes.term("", "", self.ref_link(ref)), body
                )
            container += entries
        return container


#: A document with an ``interventions`` or ``apparatus`` list collects the whole book's.
APPARATUS = RecordKind("apparatus", (apparatus_list,), collects="apparatus")


def setup_apparatus(app: Sphinx) -> None:
    """Register the ``interventions`` and ``apparatus`` directives and their filling."""
    app.add_directive("interventions", InterventionsDirective)
    app.add_directive("apparatus", ApparatusDirective)
    # filled in at doctree-resolved; a copy left over writes nothing
    add_node(app, apparatus_list)
    add_record_kind(app, APPARATUS)
    add_compute_step(app, ComputeStep(REFERENCES, references_step, after=(STYLES,)))
    add_page_signature(app, PageSignature("apparatus", apparatus_signatures))
    app.connect("doctree-resolved", fill_apparatus)


__all__ = [
    "APPARATUS",
    "ApparatusDirective",
    "InterventionsDirective",
    "Reference",
    "locator_decision",
    "references",
    "setup_apparatus",
]

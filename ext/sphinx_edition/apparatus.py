"""The apparatus: the table of interventions and the delivered readings, generated.

``interventions`` is a critical apparatus of every intervention of the edition: the
general rules once, in sentences made from the data (every note in Oxford form, titles in
headline capitals, with the notes and works they alone account for), then, grouped by
chapter and note and then by work, one row for each specific change — every editorial
note, every locator decision, and every field in which a reference's entry differs from
its delivered record (``delivered.bib``: the entries as the source gives them, keyed as
the bibliography's), with the evidence of ``x-evidence``.  ``apparatus`` gives every
delivered note and reference in full beside what the edition prints, for readers of the
PDF, whose notes cannot unfold.

Data flow: the directives leave an :class:`~sphinx_edition.nodes.apparatus_list`, which
the domain records as a collector → once the book is read, two compute steps read the
delivered records and the ``.bib`` entries (``references``) and, from them, the notes'
plan and the delivered notes, the interventions as data (:func:`interventions`, which
other writers, the TEI's ``app``/``rdg`` for one, can read) → the pages that show them
are re-written when what they show changed (``env-get-updated``) → a ``doctree-resolved``
handler builds the lists from the read-only view.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import pybtex.errors
from docutils import nodes
from pybtex.database.input.bibtex import Parser
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import ensuredir

from sphinx_edition.bibfiles import _line_of, read_bibfile
from sphinx_edition.config import _conf_location
from sphinx_edition.delivered import delivered_of
from sphinx_edition.nodes import add_node, apparatus_list
from sphinx_edition.notes.plan import STYLES, note_style, segments
from sphinx_edition.notes.render import footnote_id, render_segments
from sphinx_edition.notes.role import bibtex_domain, note_backref
from sphinx_edition.oxford import OxfordLabelStyle
from sphinx_edition.readings import (
    ADDED,
    CASE,
    CHANGED,
    REMOVED,
    ROLE,
    TYPE,
    FieldChange,
    field_changes,
    normalise,
    runs,
    same_reading,
)
from sphinx_edition.registry import (
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.view import (
    DELIVERED,
    EDITORIAL_NUMBERS,
    NOTES_PLAN,
    BookView,
    get_view,
)
from sphinx_edition.works import plain

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping, Sequence

    from docutils.nodes import Node
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.delivered import DeliveredNote
    from sphinx_edition.notes.plan import Note

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: The fields of a ``.bib`` entry that hold the evidence for a correction.
EVIDENCE_FIELD = "x-evidence"

#: The LaTeX package of the apparatus (its type size), shipped beside this module.
LATEX_PACKAGE = "editionapparatus"
LATEX_STY = Path(__file__).resolve().parent / f"{LATEX_PACKAGE}.sty"


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


def locator_change(delivered: str, post: str, pages: str, text: str = "") -> FieldChange | None:
    """The change of a delivered note's locator (see :func:`locator_decision`), or None."""
    decision = locator_decision(delivered, post, pages, text)
    if not decision:
        return None
    printed = post or pages
    kind = ADDED if not delivered else REMOVED if not printed else CHANGED
    return FieldChange(kind, "locator", delivered, printed, decision)


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


# -- the delivered records ------------------------------------------------------------------


def delivered_bib(env: BuildEnvironment) -> Path | None:
    """The ``.bib`` file of the references as delivered: ``edition_delivered_bib``, else
    ``delivered.bib`` beside the first of ``bibtex_bibfiles`` (None when there is none)."""
    name = str(env.config.edition_delivered_bib)
    if name:
        return Path(env.srcdir, name)
    bibfiles = list(env.config.bibtex_bibfiles or ())
    if not bibfiles:
        return None
    found = Path(env.srcdir, bibfiles[0]).parent / "delivered.bib"
    return found if found.is_file() else None


def _warn(message: str, *args: object, location: str) -> None:
    logger.warning(message, *args, location=location, type="edition", subtype="delivered")


def delivered_records(env: BuildEnvironment) -> Mapping[str, Entry] | None:
    """The delivered records by key (lower case), or None when the book has none.

    pybtex's errors are warnings at their line (a broken entry is skipped, the others read),
    as for ``bibtex_bibfiles``.
    """
    path = delivered_bib(env)
    if path is None:
        return None
    if not path.is_file():
        _warn(
            _("edition_delivered_bib: no file %s"),
            path,
            location=_conf_location(env.app, "edition_delivered_bib"),
        )
        return None
    text, _clean = read_bibfile(path, str(env.config.bibtex_encoding))
    with pybtex.errors.capture() as errors:
        entries = Parser(encoding=str(env.config.bibtex_encoding)).parse_string(text).entries
    for error in errors:
        _warn("%s: %s", path.name, error, location=f"{path}:{_line_of(error, text)}")
    return MappingProxyType({key.lower(): entry for key, entry in entries.items()})


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
    #: Every difference from its delivered record; None when it has no record (then only
    #: the printed form is compared with the delivered text).
    changes: tuple[FieldChange, ...] | None = None


#: The name of the compute step of the references with a delivered form.
REFERENCES = "references"


def references_step(app: Sphinx, env: BuildEnvironment, view: BookView) -> tuple[Reference, ...]:
    """The ``references`` step: the references with a delivered form, formatted and
    compared with their delivered records once."""
    return tuple(references(env))


def references(env: BuildEnvironment) -> list[Reference]:
    """Every entry with a delivered form: those of the bibliography in its order, then
    any other (not cited, so not listed) by key."""
    field = str(env.config.edition_delivered_field)
    if not field:
        return []
    bibtex = bibtex_domain(env)
    labels = OxfordLabelStyle()
    records = delivered_records(env)
    path = delivered_bib(env)
    ignore = (field, EVIDENCE_FIELD)
    found: dict[str, Reference] = {}

    def add(entry: Entry, printed: Any, docname: str, anchor: str) -> None:
        record = records.get(entry.key.lower()) if records is not None else None
        if records is not None and record is None:
            _warn(
                _("%s: no delivered record of %s, which has a delivered form (%s)"),
                path.name if path else "",
                entry.key,
                field,
                location=f"{path}:",
            )
        found[entry.key] = Reference(
            entry.key,
            labels.format_label(entry),
            str(entry.fields[field]),
            segments(printed),
            plain(str(entry.fields.get(EVIDENCE_FIELD, ""))),
            docname,
            anchor,
            None if record is None else tuple(field_changes(record, entry, ignore)),
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


#: The kinds of an :class:`Intervention`.
EDITORIAL, NOTE, REFERENCE = "editorial", "note", "reference"


class Intervention(NamedTuple):
    """One place of the apparatus (an editorial note, a note, a work) and its changes."""

    kind: str  # EDITORIAL | NOTE | REFERENCE
    label: str  # "E3", "note 21", "Aron 2006"
    number: int  # of the note or editorial note (0 for a work)
    key: str  # the work's ``.bib`` key ("" for a note or editorial note)
    docname: str  # where it links to ("" for a work no bibliography lists)
    anchor: str
    group: str  # the document it is grouped under (its chapter, or the bibliography)
    changes: tuple[FieldChange, ...]  # of a note: its locator; of a work: its fields
    what: str = ""  # an editorial note's first words
    evidence: str = ""


class Interventions(NamedTuple):
    """Every intervention, as data: the general rules and the specific changes."""

    items: tuple[Intervention, ...]  # by chapter in text order, then the works
    groups: tuple[tuple[str, str], ...]  # (docname, title) of each group, in order
    delivered: int  # how many delivered notes
    as_delivered: tuple[int, ...]  # notes printed as delivered
    oxford: tuple[int, ...]  # notes that differ from their delivered form only by Oxford's
    capitals: tuple[str, ...]  # labels of the works whose titles differ only in capitals
    works: int  # how many references have a delivered form
    unrecorded: tuple[str, ...]  # labels of the works with no delivered record


#: The name of the compute step of the interventions.
INTERVENTIONS = "interventions"


def interventions_step(app: Sphinx, env: BuildEnvironment, view: BookView) -> Interventions:
    """The ``interventions`` step (see :func:`interventions`)."""
    return interventions(env, view)


def _title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def interventions(env: BuildEnvironment, view: BookView | None = None) -> Interventions:
    """Every intervention of the edition, in the apparatus's order, as data.

    For a writer that sets the apparatus otherwise (the TEI: each change an ``app`` with
    ``rdg wit="#delivered"`` for :attr:`FieldChange.delivered` and ``lem`` for its
    ``value``, at the note or the bibliography entry the intervention's ``docname`` and
    ``anchor`` name).  Once the book is read, ``get_view(env).get(INTERVENTIONS)`` holds it.
    """
    view = view or get_view(env)
    plan = view.plan
    notes = {n.number: n for ns in plan.notes.values() for n in ns} if plan else {}
    citations = list(view.citations())
    delivered = delivered_of(env)
    entries = dict(bibtex_domain(env).bibdata.data.entries)
    order = {doc: index for index, doc in enumerate(view.order)}
    placed: list[tuple[tuple[int, int, int], Intervention]] = []
    numbers = view.editorial_numbers
    for info in view.editorials():
        number = numbers.get(info.anchor, 0)
        sic = (FieldChange(CHANGED, "reading", info.sic, info.corr),)
        placed.append(
            (
                (order.get(info.docname, 0), info.lineno, 1),
                Intervention(
                    EDITORIAL,
                    f"E{number}",
                    number,
                    "",
                    info.docname,
                    info.anchor,
                    info.docname,
                    sic if info.sic or info.corr else (),
                    info.excerpt,
                ),
            )
        )
    as_delivered: list[int] = []
    oxford: list[int] = []
    for number, reading in sorted(delivered.items()):
        note = notes.get(number)
        cit = citations[number - 1] if number <= len(citations) else None
        changes: list[FieldChange] = []
        keys = tuple(p.key for p in note.parts) if note is not None else ()
        if reading.keys and keys and tuple(reading.keys) != keys:
            changes.append(FieldChange(CHANGED, "work", ", ".join(reading.keys), ", ".join(keys)))
        entry = entries.get((reading.keys or keys or ("",))[0])
        pages = plain(str(entry.fields.get("pages", ""))) if entry is not None else ""
        post = cit.post[0] if cit is not None and cit.post else ""
        change = locator_change(reading.locator, post, pages, reading.text)
        if change is not None:
            changes.append(change)
        if not changes:
            (oxford if reading.differs else as_delivered).append(number)
            continue
        doc, line = (cit.docname, cit.lineno) if cit is not None else ("", 0)
        anchor = note.anchor if note is not None else ""
        placed.append(
            (
                (order.get(doc, 0), line, 0),
                Intervention(
                    NOTE, _("note %d") % number, number, "", doc, anchor, doc, tuple(changes)
                ),
            )
        )
    placed.sort(key=lambda item: item[0])
    items = [item for _key, item in placed]
    refs: Sequence[Reference] = view.get(REFERENCES, ())
    capitals: list[str] = []
    unrecorded: list[str] = []
    for ref in refs:
        if ref.changes is None:
            unrecorded.append(ref.label)
            if same_reading(ref.delivered, "".join(v for _k, v in ref.printed)):
                continue
            form = FieldChange(CHANGED, "form", ref.delivered, "".join(v for _k, v in ref.printed))
            specific: tuple[FieldChange, ...] = (form,)
        else:
            if any(c.kind == CASE for c in ref.changes):
                capitals.append(ref.label)
            specific = tuple(c for c in ref.changes if c.kind != CASE)
        if specific:
            items.append(
                Intervention(
                    REFERENCE,
                    ref.label,
                    0,
                    ref.key,
                    ref.docname,
                    ref.anchor,
                    ref.docname,
                    specific,
                    evidence=ref.evidence,
                )
            )
    groups: list[tuple[str, str]] = []
    for item in items:
        if not groups or groups[-1][0] != item.group:
            groups.append((item.group, _title(env, item.group) if item.group else ""))
    return Interventions(
        tuple(items),
        tuple(groups),
        len(delivered),
        tuple(as_delivered),
        tuple(oxford),
        tuple(capitals),
        len(refs),
        tuple(unrecorded),
    )


def signature(env: BuildEnvironment) -> Hashable:
    """All an apparatus page shows, to compare between builds: the interventions, and the
    delivered notes and references with the edition's forms.  Line numbers only order the
    rows, so they are left out: text inserted above a passage moves no row."""
    view = get_view(env)
    plan = view.plan
    delivered = delivered_of(env)
    notes = (
        tuple(n for ns in plan.notes.values() for n in ns if n.number in delivered)
        if plan is not None
        else ()
    )
    return (
        view.get(INTERVENTIONS),
        tuple(e._replace(lineno=0, order=0) for e in view.editorials()),
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


def describe(change: FieldChange) -> str:
    """What a change did, in the words of the table ("month added", "author → editor")."""
    if change.what:
        return change.what
    if change.kind == ADDED:
        return _("%s added") % change.field
    if change.kind == REMOVED:
        return _("%s removed") % change.field
    if change.kind == TYPE:
        return _("entry type changed")
    if change.kind == ROLE:
        return change.field
    return _("%s changed") % change.field


def _numbers(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5, 7, 8 as "1–3, 5, 7, 8": runs of three or more as a range."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(
        f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(str(n) for n in r) for r in runs
    )


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
        self.delivered = delivered_of(self.env)
        self.refs: Sequence[Reference] = view.get(REFERENCES, ())
        self.entries = dict(bibtex_domain(self.env).bibdata.data.entries)
        self.data: Interventions = view.get(INTERVENTIONS) or interventions(self.env, view)
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
        if self.builder.format == "latex":
            # the note's number linked to its text, and the page it is printed on
            return nodes.inline(
                "",
                "",
                nodes.Text(label.removesuffix(str(number))),
                note_backref(refdoc=note.docname, refid=footnote_id(number), number=number),
            )
        return self.link(note.docname, note.anchor, label)

    def ref_link(self, ref: Reference) -> Node:
        return self.work_link(ref.label, ref.docname, ref.anchor)

    def work_link(self, label: str, docname: str, anchor: str) -> Node:
        if not docname:
            return nodes.Text(label)
        return self.link(docname, "" if self.builder.format == "latex" else anchor, label)

    def locator(self, reading: DeliveredNote) -> str:
        posts = self.posts.get(reading.number, ())
        keys = reading.keys or tuple(p.key for p in self.notes[reading.number].parts)
        entry = self.entries.get(keys[0]) if keys else None
        pages = plain(str(entry.fields.get("pages", ""))) if entry is not None else ""
        post = posts[0] if posts else ""
        return locator_decision(reading.locator, post, pages, reading.text)

    # -- interventions -------------------------------------------------------------

    def where(self, item: Intervention) -> Node:
        if item.kind == NOTE:
            return self.note_link(item.number)
        if item.kind == EDITORIAL:
            return self.link(item.docname, item.anchor, item.label)
        return self.work_link(item.label, item.docname, item.anchor)

    def rules(self) -> list[Node]:
        """The general rules, once, with what they alone account for."""
        data = self.data
        out: list[Node] = []
        if data.delivered:
            text = _(
                "Every note is set in Oxford form. Of the %(all)d delivered notes, "
                "%(same)d are printed as delivered, and %(oxford)d differ from their "
                "delivered form by that alone:"
            ) % {"all": data.delivered, "same": len(data.as_delivered), "oxford": len(data.oxford)}
            para = _para(text)
            if data.oxford:
                para += nodes.Text(" " + _("notes %s.") % _numbers(data.oxford))
            out.append(para)
        if data.works:
            text = _(
                "Every reference is set in Oxford form, its titles in headline capitals; in "
                "%(count)d of the %(all)d works the capitals of a title are the only change to it:"
            ) % {"count": len(data.capitals), "all": data.works}
            out.append(_para(text, " " + "; ".join(data.capitals) + "."))
        if data.unrecorded:
            out.append(
                _para(
                    _("These works have no delivered record, and only their form is compared:"),
                    " " + "; ".join(data.unrecorded) + ".",
                )
            )
        out.append(
            _para(
                _(
                    "Below, every other intervention: by chapter, the editorial notes and the "
                    "notes whose locator or work changed; then, by work, every field of a "
                    "reference that differs from its delivered record."
                )
            )
        )
        return out

    def interventions(self) -> nodes.Element:
        """The apparatus: the rules, then a row for each specific change."""
        titles = dict(self.data.groups)
        rows: list[nodes.row] = []
        group: str | None = None
        for item in self.data.items:
            if item.group != group:
                group = item.group
                title = titles.get(group, "") or _("Works not in a bibliography")
                entry = nodes.entry("", _para(nodes.strong(title, title)), morecols=3)
                rows.append(nodes.row("", entry, classes=["edition-group"]))
            first = True
            lines: list[list[list[Node]]] = []
            if item.kind == EDITORIAL:
                what = _para(_("Editorial note: "), item.what)
                change = item.changes[0] if item.changes else None
                lines.append(
                    [
                        [what],
                        [_para(change.delivered)] if change else [],
                        [_para(change.value)] if change else [],
                    ]
                )
            else:
                for change in item.changes:
                    lines.append(
                        [
                            [_para(describe(change))],
                            [_para(*_delivered_runs(change.delivered) or "—")],
                            [_para(change.value or "—")],
                        ]
                    )
            for what, was, now in lines:
                cells = [nodes.entry("", _para(self.where(item)) if first else _para())]
                cells += [nodes.entry("", *what), nodes.entry("", *was), nodes.entry("", *now)]
                rows.append(nodes.row("", *cells, classes=[] if first else ["edition-continued"]))
                first = False
            if item.evidence:
                cells = [
                    nodes.entry("", _para()),
                    nodes.entry("", _para(_("Evidence"))),
                    nodes.entry("", _para(*_evidence_runs(item.evidence)), morecols=1),
                ]
                rows.append(
                    nodes.row("", *cells, classes=["edition-continued", "edition-evidence"])
                )
        container = nodes.container(classes=["edition-interventions-apparatus"])
        container.extend(self.rules())
        header = [_("Where"), _("Intervention"), _("As delivered"), _("In the edition")]
        container += self.table(header, rows, (15, 33, 26, 26))
        return container

    @staticmethod
    def table(
        header: Sequence[str], rows: Sequence[nodes.row], widths: Sequence[int]
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
        body.extend(rows)
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
                changes = [c for c in ref.changes or () if c.kind != CASE]
                if changes:
                    body += _para(_("Changed: "), ", ".join(describe(c) for c in changes))
                if ref.evidence:
                    body += _para(_("Evidence: "), *_evidence_runs(ref.evidence))
                entries += nodes.definition_list_item(
                    "", nodes.term("", "", self.ref_link(ref)), body
                )
            container += entries
        return container


#: A document with an ``interventions`` or ``apparatus`` list collects the whole book's.
APPARATUS = RecordKind("apparatus", (apparatus_list,), collects="apparatus")


def builder_inited(app: Sphinx) -> None:
    """Give a LaTeX build the apparatus's package, beside the ``.tex`` file."""
    if app.builder.format == "latex":
        ensuredir(app.builder.outdir)
        copy_asset_file(LATEX_STY, app.builder.outdir, force=True)


def setup_apparatus(app: Sphinx) -> None:
    """Register the ``interventions`` and ``apparatus`` directives and their filling."""
    app.add_directive("interventions", InterventionsDirective)
    app.add_directive("apparatus", ApparatusDirective)
    # filled in at doctree-resolved; a copy left over writes nothing
    add_node(app, apparatus_list)
    add_record_kind(app, APPARATUS)
    add_compute_step(app, ComputeStep(REFERENCES, references_step, after=(STYLES,)))
    add_compute_step(
        app,
        ComputeStep(
            INTERVENTIONS,
            interventions_step,
            after=(REFERENCES, NOTES_PLAN, DELIVERED, EDITORIAL_NUMBERS),
        ),
    )
    add_page_signature(app, PageSignature("apparatus", apparatus_signatures))
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("builder-inited", builder_inited)
    app.connect("doctree-resolved", fill_apparatus)


__all__ = [
    "APPARATUS",
    "INTERVENTIONS",
    "ApparatusDirective",
    "Intervention",
    "Interventions",
    "InterventionsDirective",
    "Reference",
    "delivered_bib",
    "delivered_records",
    "interventions",
    "locator_change",
    "locator_decision",
    "references",
    "setup_apparatus",
]

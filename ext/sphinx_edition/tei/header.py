"""What the TEI document says about itself and holds apart from the text.

:func:`tei_header` writes the ``teiHeader`` (file description with the source and its
witness, project and editorial principles, the taxonomy of themes, the language, the
revisions: :func:`releases` of a changelog); :func:`timeline_div` the periods and events
as the ``listEvent``s of the back matter's timeline; :func:`bibl_struct` one work of the
bibliography as a ``biblStruct``, and :func:`delivered_reference` its delivered form.
Pure functions of plain data: :class:`~sphinx_edition.metadata.BookMetadata`,
:class:`Header`, the domain's records, :class:`~sphinx_edition.works.Work` and the
apparatus's :class:`~sphinx_edition.apparatus.Reference`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from sphinx.locale import get_translation

from sphinx_edition.apparatus import describe
from sphinx_edition.dates import date_label, span_label
from sphinx_edition.downloads import slug
from sphinx_edition.metadata import rights_statement
from sphinx_edition.oxford.style import OxfordSortingStyle
from sphinx_edition.publication import is_name
from sphinx_edition.readings import CASE, same_reading
from sphinx_edition.readings import runs as delivered_runs
from sphinx_edition.records import EventInfo, PeriodInfo
from sphinx_edition.works import iso_date
from sphinx_edition.xmlchars import xml_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from lxml import etree
    from pybtex.database import Entry

    from sphinx_edition.apparatus import Reference
    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.metadata import BookMetadata, Creator
    from sphinx_edition.works import Name, Work

_ = get_translation("edition")

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: A date TEI's ``@when``, ``@from`` and ``@to`` accept (W3C: YYYY, YYYY-MM, YYYY-MM-DD).
W3C_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def tei(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A TEI element; attribute names with a trailing underscore lose it (``from_``)."""
    # Imported here: only the TEI builder needs lxml, and every build loads this module.
    from lxml import etree  # noqa: PLC0415

    element = etree.Element(f"{{{TEI_NS}}}{tag}")
    for name, value in attrs.items():
        if value:
            element.set(name.rstrip("_"), xml_text(value))
    if text:
        element.text = xml_text(text)
    return element


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = tei(tag, text, **attrs)
    parent.append(element)
    return element


#: A character an NCName (the value of ``xml:id``) cannot hold past its first: XML 1.0's
#: ``NameChar`` (5th edition, §2.3) but the colon, the ranges spelled out because Python's
#: ``\w`` is not it (it has "²", and lacks "·").
NOT_NAME_CHAR = re.compile(
    "[^-.0-9A-Z_a-z\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff"
    "\u200c\u200d\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff"
    "\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff]"
)


def ncname(text: str) -> str:
    """*text* as an NCName: each character a name cannot hold becomes ``_``, and a name
    that cannot start it is preceded by ``_``."""
    name = NOT_NAME_CHAR.sub("_", text)
    # the name characters that cannot start a name
    return f"_{name}" if re.match("[-.0-9\u00b7\u0300-\u036f\u203f\u2040]|$", name) else name


def theme_ref(theme_id: str) -> str:
    """The ``xml:id`` of a theme's ``category`` (see :func:`id_map` for a unique one)."""
    return ncname(f"theme-{theme_id}")


def work_ref(key: str) -> str:
    """The ``xml:id`` of a work's ``biblStruct`` (an NCName whatever the BibTeX key; see
    :func:`id_map` for a unique one)."""
    return ncname(f"bib-{key}")


def id_map(names: Iterable[str], ref: Callable[[str], str]) -> dict[str, str]:
    """Each of *names* → its ``xml:id``, *ref* of it, unique: a name that comes out as an
    earlier one's id (two BibTeX keys ``a b`` and ``a_b``) gets ``-2``, ``-3``."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        xml_id = candidate = ref(name)
        suffix = 2
        while candidate in taken:
            candidate = f"{xml_id}-{suffix}"
            suffix += 1
        ids[name] = candidate
        taken.add(candidate)
    return ids


def unique_xml_ids(root: etree._Element) -> list[tuple[str, str]]:
    """Make every ``xml:id`` under *root* unique: the first of each keeps it, and the
    pointers at it; a later one gets ``-2``, ``-3``.  The pairs (old, new) renamed.

    The duplicates come from the sources (two periods or two editorial notes of one id),
    which are warned about when they are read; here they only must not make the document
    invalid.
    """
    elements = [e for e in root.iter() if isinstance(e.tag, str) and e.get(XML_ID)]
    taken = {str(e.get(XML_ID)) for e in elements}
    seen: set[str] = set()
    renamed: list[tuple[str, str]] = []
    for element in elements:
        xml_id = str(element.get(XML_ID))
        if xml_id not in seen:
            seen.add(xml_id)
            continue
        suffix = 2
        while f"{xml_id}-{suffix}" in taken:
            suffix += 1
        new = f"{xml_id}-{suffix}"
        element.set(XML_ID, new)
        taken.add(new)
        seen.add(new)
        renamed.append((xml_id, new))
    return renamed


# -- teiHeader ------------------------------------------------------------------------------


def _w3c(value: str) -> str:
    """*value* if it is a date ``@when``, ``@from`` and ``@to`` accept, else ""."""
    return value if W3C_DATE.match(value) else ""


def _date(parent: etree._Element, text: str, when: str | None = None) -> None:
    """A ``date`` printing *text*, with ``@when`` (*when*, else *text*) if it is W3C."""
    sub(parent, "date", text, when=_w3c(text if when is None else when))


class Release(NamedTuple):
    """A release of a changelog: its version, its date (W3C) or "" when unreleased, and
    the line of its heading."""

    version: str
    date: str
    line: int


#: A release's heading in the Keep a Changelog form: ``## [1.0.0] — 2026-11-25``,
#: ``## 1.1.0 - unreleased``.
RELEASE = re.compile(r"^##\s+\[?(?P<version>[^\]\s]+)\]?\s*(?:[—–-]+\s*(?P<date>.*?))?\s*$")
#: The words a changelog marks a version that is not released yet with.
UNRELEASED = frozenset({"unreleased", "upcoming", "draft"})


def releases(text: str) -> tuple[list[Release], list[tuple[int, str]]]:
    """The releases of a Keep a Changelog *text*, in its order (the newest first), and the
    (line, heading) of each second-level heading that is not one."""
    found: list[Release] = []
    bad: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("## "):
            continue
        match = RELEASE.match(line)
        date = (match.group("date") or "").strip("[]() ") if match else ""
        if match and _w3c(date):
            found.append(Release(match.group("version"), date, number))
        elif match and date.casefold() in UNRELEASED:
            found.append(Release(match.group("version"), "", number))
        else:
            bad.append((number, line[3:].strip()))
    return found, bad


class Header(NamedTuple):
    """What the ``teiHeader`` says beside the book's metadata."""

    #: Paragraphs describing the source the edition was made from (``edition_tei_source``).
    source: Sequence[str] = ()
    #: Paragraphs of the editorial principles (``edition_tei_principles``).
    principles: Sequence[str] = ()
    #: Whether the source is a witness the apparatus cites (``wit="#delivered"``).
    witness: bool = False
    #: The releases of the edition, newest first.
    releases: Sequence[Release] = ()


#: The ``xml:id`` of the witness of the source as delivered, which each ``rdg`` cites.
DELIVERED_WITNESS = "delivered"
#: The ``xml:id`` of the description of the source.
SOURCE_ID = "source"


def _named(parent: etree._Element, creator: Creator) -> None:
    """*creator*'s name in *parent*: a person's ``persName`` or a body's ``orgName``."""
    sub(parent, "orgName" if creator.body else "persName", creator.name)


def _creator(parent: etree._Element, role: str, creator: Creator) -> etree._Element:
    """An ``author`` or ``editor`` naming a person (``persName``) or a body (``orgName``)."""
    element = sub(parent, role)
    _named(element, creator)
    return element


def _authors(parent: etree._Element, meta: BookMetadata, source: bool) -> None:
    """The authors; with none, where there is a source, an ``author`` that says its
    author is not named (an edition of an anonymous text)."""
    named = [a for a in meta.authors if is_name(a.name)]
    for author in named:
        _creator(parent, "author", author)
    if not named and source:
        sub(parent, "author", _("Unknown: the source does not name its author"), role="unknown")


def tei_header(
    meta: BookMetadata,
    themes: Iterable[ThemeSpec],
    info: Header,
    theme_ids: Mapping[str, str] | None = None,
) -> etree._Element:
    """The ``teiHeader`` of the book; *theme_ids* are the ``xml:id`` of the themes'
    categories (by default :func:`theme_ref`)."""
    header = tei("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", meta.title, type="main")
    if meta.subtitle:
        sub(title_stmt, "title", meta.subtitle, type="sub")
    has_source = bool(info.source) or info.witness
    _authors(title_stmt, meta, has_source)
    editors = [e for e in meta.editors if is_name(e.name)]
    for editor in editors:
        _creator(title_stmt, "editor", editor)
    if editors:
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", _("edited, encoded in TEI"))
        for editor in editors:
            _named(resp, editor)
    elif meta.publisher:
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", _("edited, encoded in TEI"))
        sub(resp, "orgName", meta.publisher)
    if meta.edition:
        edition_stmt = sub(file_desc, "editionStmt")
        edition = sub(
            edition_stmt, "edition", f"Digital edition, version {meta.edition}, ", n=meta.edition
        )
        _date(edition, meta.date)
    publication = sub(file_desc, "publicationStmt")
    # the rights with the licence where they do not name it
    rights = rights_statement(meta) or meta.rights
    licence = meta.licence
    if meta.publisher:
        sub(publication, "publisher", meta.publisher)
        if meta.place:
            sub(publication, "pubPlace", meta.place)
        _date(publication, meta.date)
        if rights or licence is not None:
            availability = sub(publication, "availability")
            if licence is not None:
                sub(availability, "licence", licence.name, target=licence.url)
            if rights:
                sub(availability, "p", rights)
        if meta.identifier:
            sub(publication, "idno", meta.identifier, type="URI")
    else:
        paragraph = sub(publication, "p", "Published ")
        _date(paragraph, meta.date)
        if rights:
            sub(paragraph, "note", rights)
    _source_desc(sub(file_desc, "sourceDesc"), meta, info)
    encoding = sub(header, "encodingDesc")
    sub(
        sub(encoding, "projectDesc"),
        "p",
        meta.description
        or _("A digital edition of {title}, encoded from the sources of the edition.").format(
            title=meta.title
        ),
    )
    decl = sub(encoding, "editorialDecl")
    for text in info.principles or ["The text is encoded from the sources of the edition."]:
        sub(decl, "p", text)
    if info.witness:
        sub(
            decl,
            "p",
            _(
                "Where a note or a reference of the edition differs from the source as "
                "delivered, both readings are kept: the edition's as the lemma (lem), the "
                "delivered one as a reading of the witness {siglum} (rdg); an editorial note "
                "that corrects the text gives its correction as the lemma and the source's "
                "words as the witness's reading."
            ).format(siglum=f"#{DELIVERED_WITNESS}"),
        )
    specs = list(themes)
    if specs:
        taxonomy = sub(sub(encoding, "classDecl"), "taxonomy", **{XML_ID: "themes"})
        for spec in specs:
            xml_id = (theme_ids or {}).get(spec.id) or theme_ref(spec.id)
            category = sub(taxonomy, "category", **{XML_ID: xml_id})
            sub(category, "gloss", spec.label)
            if spec.description:
                sub(category, "desc", spec.description)
    profile = sub(header, "profileDesc")
    sub(sub(profile, "langUsage"), "language", meta.language, ident=meta.language)
    if info.releases:
        revisions = sub(header, "revisionDesc")
        for release in info.releases:
            if release.date:
                sub(
                    revisions,
                    "change",
                    _("Version {version} released.").format(version=release.version),
                    when=release.date,
                    n=release.version,
                )
            else:
                sub(
                    revisions,
                    "change",
                    _("Version {version}, not yet released.").format(version=release.version),
                    status="draft",
                    n=release.version,
                )
    return header


def _source_desc(source_desc: etree._Element, meta: BookMetadata, info: Header) -> None:
    """The source: a ``bibl`` of the text as delivered (its title, its author, what the
    file is) and, for the apparatus's readings, the ``witness`` it is."""
    if not info.source and not info.witness:
        sub(source_desc, "p", "Born digital.")
        return
    bibl = sub(source_desc, "bibl", **{XML_ID: SOURCE_ID})
    sub(bibl, "title", meta.title)
    _authors(bibl, meta, True)
    for text in info.source:
        sub(bibl, "note", text, type="form")
    if info.witness:
        witness = sub(sub(source_desc, "listWit"), "witness", **{XML_ID: DELIVERED_WITNESS})
        sub(witness, "ref", _("The source as delivered"), target=f"#{SOURCE_ID}")


# -- the timeline ---------------------------------------------------------------------------


def timeline_div(
    periods: Sequence[PeriodInfo], events: Sequence[EventInfo], title: str
) -> etree._Element | None:
    """The book's timeline, a ``div type="timeline"`` of the back matter: the periods and
    the events as ``listEvent``s, each ``event`` with its W3C dates, the period it belongs
    to (``@corresp``), its title as ``head``, its dates in words and its summary as ``p``;
    or None.

    In the back matter rather than a ``standOff``: the TEI Consortium's Stylesheets print
    no ``standOff``, and a reader of any processor's output should find the timeline there,
    its dates printed, not only in attributes."""
    if not periods and not events:
        return None
    anchors = {period.id: period.anchor for period in periods}
    div = tei("div", type="timeline")
    sub(div, "head", title)
    if periods:
        listing = sub(div, "listEvent", type="periods")
        for period in periods:
            within = anchors.get(period.parent or "")
            event = _event(listing, period, within, from_=period.start, to=period.end)
            dates = span_label(period.start, period.end)
            sub(sub(event, "p"), "date", dates, from_=_w3c(period.start), to=_w3c(period.end))
            if period.summary or period.actors:
                desc = sub(event, "p", period.summary)
                if period.actors:
                    # the actors apart from the summary and from one another, as words
                    # a processor that prints the text shows
                    label = _("Actors:")
                    desc.text = xml_text(
                        f"{period.summary} {label} " if period.summary else f"{label} "
                    )
                    for index, actor in enumerate(period.actors):
                        name = sub(desc, "persName", actor, role="actor")
                        name.tail = ", " if index < len(period.actors) - 1 else "."
    if events:
        listing = sub(div, "listEvent", type="events")
        for info in events:
            event = _event(listing, info, anchors.get(info.period or ""), when=info.date)
            sub(sub(event, "p"), "date", date_label(info.date), when=_w3c(info.date))
            if info.summary:
                sub(event, "p", info.summary)
    return div


def _event(
    listing: etree._Element, info: PeriodInfo | EventInfo, within: str | None, **dates: str
) -> etree._Element:
    """The ``event`` of a period or an event in *listing*, with its W3C *dates* and its
    title (``head``); *within* is the ``xml:id`` of the period it belongs to."""
    event = sub(
        listing,
        "event",
        type="period" if isinstance(info, PeriodInfo) else "event",
        subtype=info.climate,
        **{name: _w3c(value) for name, value in dates.items()},
        corresp=f"#{within}" if within else "",
        **{XML_ID: info.anchor},
    )
    sub(event, "head", info.title)
    return event


# -- biblStruct -----------------------------------------------------------------------------


def _person(parent: etree._Element, role: str, name: Name) -> None:
    pers = sub(sub(parent, role), "persName")
    if name.given:
        sub(pers, "forename", name.given)
    sub(pers, "surname", name.family)


def _imprint(monogr: etree._Element, work: Work) -> None:
    imprint = sub(monogr, "imprint")
    if work.place:
        sub(imprint, "pubPlace", work.place)
    if work.publisher:
        sub(imprint, "publisher", work.publisher)
    # The date as the entry gives it ("9 March 2004", "Summer 2006"); ``@when`` as far as
    # it is known (2004-03-09, 2006).
    _date(imprint, f"{work.month} {work.year}".strip() if work.year else "", iso_date(work))


def sort_key(entry: Entry) -> str:
    """The ``@sortKey`` of a work: the Oxford bibliography's order (surnames, then year,
    then title) as one word (``teidata.word``): a processor that sorts the works by it
    keeps the edition's order."""
    # "," sorts before the "-" that joins words, so a shorter name comes first, as in the
    # Oxford style's sorting tuple.
    return ",".join(slug(part) or "-" for part in OxfordSortingStyle().sorting_key(entry))


def bibl_struct(work: Work, xml_id: str = "") -> etree._Element:
    """*work* as a ``biblStruct`` with ``xml:id`` *xml_id* (by default :func:`work_ref`)."""
    kinds = {
        "article": "journalArticle",
        "incollection": "bookSection",
        "inbook": "bookSection",
        "techreport": "report",
    }
    struct = tei(
        "biblStruct", type=kinds.get(work.type, "book"), **{XML_ID: xml_id or work_ref(work.key)}
    )
    in_container = work.type in {"article", "incollection", "inbook"}
    if in_container:
        analytic = sub(struct, "analytic")
        for name in work.authors:
            _person(analytic, "author", name)
        sub(analytic, "title", work.title, level="a")
    monogr = sub(struct, "monogr")
    if not in_container:
        for name in work.authors:
            _person(monogr, "author", name)
    if work.type != "article":
        for name in work.editors:
            _person(monogr, "editor", name)
    if in_container:
        sub(
            monogr,
            "title",
            work.container or work.title,
            level="j" if work.type == "article" else "m",
        )
    else:
        sub(monogr, "title", work.title, level="m")
    for kind, value in (("ISBN", work.isbn), ("ISSN", work.issn), ("DOI", work.doi)):
        if value:
            sub(monogr, "idno", value, type=kind)
    if work.edition:
        sub(monogr, "edition", work.edition, n=work.edition)
    _imprint(monogr, work)
    if work.volume:
        sub(monogr, "biblScope", work.volume, unit="volume")
    if work.issue:
        sub(monogr, "biblScope", work.issue, unit="issue")
    if work.pages:
        sub(
            monogr,
            "biblScope",
            work.pages,
            unit="page",
            from_=work.first_page,
            to=work.last_page or work.first_page,
        )
    if work.report_type:
        sub(struct, "note", work.report_type, type="genre")
    if work.url:
        # a ref, with the address as its words: a processor shows what it holds
        sub(struct, "ref", work.url, target=work.url)
    if work.review_of:
        related = sub(struct, "relatedItem", type="reviewOf")
        sub(related, "bibl", work.review_of)
    return struct


# -- the delivered readings -----------------------------------------------------------------


def append_text(parent: etree._Element, text: str) -> None:
    """Add *text* at the end of *parent*'s content (after its last child, if any)."""
    text = xml_text(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def segments_into(parent: etree._Element, runs: Iterable[tuple[str, str]]) -> None:
    """Append (kind, string) runs to *parent*: ``em`` in italics, ``url`` as a link."""
    for kind, value in runs:
        if kind == "em":
            sub(parent, "hi", value, rend="italic")
        elif kind == "url":
            sub(parent, "ref", value, target=value)
        else:
            append_text(parent, value)


def delivered_rdg(app: etree._Element, text: str) -> etree._Element:
    """The reading of the source as delivered (``rdg wit="#delivered"``): *text* verbatim,
    its ``*…*`` runs in italics."""
    reading = sub(app, "rdg", wit=f"#{DELIVERED_WITNESS}")
    segments_into(reading, delivered_runs(text))
    return reading


def delivered_reference(struct: etree._Element, ref: Reference) -> None:
    """The delivered form of a work at its ``biblStruct``, where the edition's differs: a
    ``note type="delivered"`` holding an ``app`` (the edition's form as ``lem``, the
    delivered one as ``rdg``) and, field by field, every change but the house style's
    capitals, each an ``app`` of its own."""
    printed = "".join(value for _kind, value in ref.printed)
    if same_reading(ref.delivered, printed):
        return
    note = sub(struct, "note", type="delivered")
    app = sub(note, "app", type="reference")
    lemma = sub(app, "lem")
    segments_into(lemma, ref.printed)
    lemma.tail = " "  # the readings apart, where a processor prints both
    delivered_rdg(app, ref.delivered)
    changes = [c for c in ref.changes or () if c.kind != CASE]
    if not changes:
        return
    listing = sub(note, "list", type="changes")
    for change in changes:
        item = sub(listing, "item", n=change.field)
        sub(item, "label", describe(change))
        append_text(item, ": ")
        field = sub(item, "app", type="field")
        sub(field, "lem", change.value).tail = " "
        sub(field, "rdg", change.delivered, wit=f"#{DELIVERED_WITNESS}")

"""The ``tei`` builder: the whole book as one TEI P5 document, valid against ``tei_all``.

``sphinx-build -b tei`` resolves every document (so notes are numbered footnotes, as in
every other output), then writes ``<basename>.tei``:

* ``teiHeader`` — :mod:`sphinx_edition.tei.header`: title, authors (or, for a source that
  names none, an ``author`` that says so), editors and a ``respStmt``, edition, publication
  with the licence (``licence/@target``) and the rights, the delivered source
  (``edition_tei_source``) as a ``bibl`` and the ``witness`` ``#delivered``, the project and
  the editorial principles (``edition_tei_principles``), a ``taxonomy`` whose categories are
  ``edition_themes``, and a ``revisionDesc`` of the releases of ``edition_tei_changelog``;
* the timeline (``back/div type="timeline"``) — every period and event as
  ``listEvent``/``event`` with ``@from``/``@to`` or ``@when``, its title, its dates in words
  and its summary; the section of a period points at it (``div/@corresp``), an event's place
  in the text is an ``anchor``;
* ``text`` — the root document as ``front``; the documents of the root's first table of
  contents as ``body`` (:mod:`sphinx_edition.tei.text`): ``div``/``head``/``p``, each note a
  ``note place="foot" n="N"`` whose ``bibl`` holds its words as a ``ref`` to its work (an
  ``app`` of ``lem`` and ``rdg wit="#delivered"`` where the delivered note differs),
  editorial notes as ``note type="editorial"``, theme passages with ``@ana``; ``back``: a
  ``listBibl`` with one ``biblStruct`` per work of the ``.bib`` files, each with a delivered
  form that differs holding it as a ``note type="delivered"`` (the ``app`` of the two
  forms, and of each field that changed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from sphinx.builders import Builder
from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_edition.apparatus import REFERENCES
from sphinx_edition.config import _conf_location, theme_specs
from sphinx_edition.delivered import delivered_of
from sphinx_edition.domain import get_domain
from sphinx_edition.downloads import download_basename
from sphinx_edition.metadata import (
    bib_entries,
    bibliography_keys,
    book_metadata,
)
from sphinx_edition.nodes import editorial_note
from sphinx_edition.tei.header import (
    TEI_NS,
    XML_LANG,
    Header,
    Release,
    bibl_struct,
    delivered_reference,
    id_map,
    releases,
    sort_key,
    sub,
    tei_header,
    theme_ref,
    timeline_div,
    unique_xml_ids,
    work_ref,
)
from sphinx_edition.tei.text import TextConverter
from sphinx_edition.view import get_view
from sphinx_edition.works import work_from_entry

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence, Set

    from docutils import nodes
    from lxml import etree
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.apparatus import Reference

_ = get_translation("edition")
logger = logging.getLogger(__name__)


class TEIBuilder(Builder):
    """Write the book as one TEI P5 document, ``<basename>.tei``."""

    name = "tei"
    format = "tei"
    epilog = "The TEI document is in %(outdir)s."
    supported_image_types: ClassVar[list[str]] = []
    allow_parallel = False

    def init(self) -> None:
        self.doctrees: dict[str, nodes.document] = {}

    def get_outdated_docs(self) -> Iterator[str]:
        # One file holds every document: it is outdated whenever anything is.
        yield from self.env.found_docs

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return f"#{docname}"

    def prepare_writing(self, docnames: Set[str]) -> None:
        self.doctrees = {}

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        self.doctrees[docname] = doctree

    def write_documents(self, docnames: Set[str]) -> None:
        # Every document, not only the outdated ones: the file is written whole.
        super().write_documents(set(self.env.found_docs))

    def finish(self) -> None:
        from lxml import etree  # noqa: PLC0415 -- only this builder needs lxml

        document = build_tei(self)
        # .tei: the extension registered with application/tei+xml (RFC 6129), and the name
        # the download links give it.
        target = Path(self.outdir) / f"{download_basename(self.config)}.tei"
        target.write_bytes(
            etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        )


def body_documents(builder: Builder) -> tuple[list[str], list[str]]:
    """(body, back) documents: those of the root's first table of contents in reading order;
    the ones holding a bibliography go to the back."""
    env = builder.env
    root = env.config.root_doc
    explicit = builder.config.edition_tei_documents
    if explicit:
        # each once, and not the root (the front): see check_tei_documents
        chosen = [d for d in dict.fromkeys(explicit) if d in env.all_docs and d != root]
    else:
        doctree = env.get_doctree(root)
        from sphinx import addnodes  # noqa: PLC0415

        toctree = next(iter(doctree.findall(addnodes.toctree)), None)
        chosen = [
            doc for _title, doc in (toctree["entries"] if toctree else []) if doc in env.all_docs
        ]
    body = [d for d in chosen if not bibliography_keys(env, d)]
    back = [d for d in chosen if bibliography_keys(env, d)]
    return body, back


def build_tei(builder: TEIBuilder) -> etree._Element:
    """The TEI document of the book."""
    env = builder.env
    config = builder.config
    meta = book_metadata(config)
    domain = get_domain(env)
    body_docs, back_docs = body_documents(builder)
    docs = [config.root_doc, *body_docs]
    entries = bib_entries(env)
    from lxml import etree  # noqa: PLC0415 -- only this builder needs lxml

    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, meta.language)
    themes = theme_specs(config)
    theme_ids = id_map(themes, theme_ref)
    delivered = delivered_of(env)
    # computed once the book is read (the apparatus's step), as the apparatus shows them
    refs: Sequence[Reference] = get_view(env).get(REFERENCES, ())
    info = Header(
        source=config.edition_tei_source,
        principles=config.edition_tei_principles,
        # the delivered file is a witness where a reading of it is given: a delivered
        # note or reference, or the words an editorial note emends
        witness=bool(delivered) or bool(refs) or _emends(builder),
        releases=changelog_releases(builder),
    )
    root.append(tei_header(meta, themes.values(), info, theme_ids))
    # in the bibliography's order, so that of two keys with one NCName the first keeps it
    ordered = sorted((sort_key(e), k, e) for k, e in entries.items())
    work_ids = id_map((key for _order, key, _entry in ordered), work_ref)
    converter = TextConverter(
        citations={(c.docname, c.anchor): c for c in domain.records("citations", docs)},
        passages={(p.docname, p.anchor): p.themes for p in domain.records("passages", docs)},
        periods={(p.docname, p.anchor) for p in domain.records("periods", docs)},
        events={(e.docname, e.anchor) for e in domain.records("events", docs)},
        works=work_ids,
        themes=theme_ids,
        delivered=delivered,
    )
    text = sub(root, "text")
    front = sub(text, "front")
    converter.document(config.root_doc, builder.doctrees[config.root_doc], front, "titlePage")
    body = sub(text, "body")
    for doc in body_docs:
        if doc in builder.doctrees:
            converter.document(doc, builder.doctrees[doc], body, "chapter")
    if not len(body):
        sub(body, "p")
    if entries:
        back = sub(text, "back")
        div = sub(back, "div", type="bibliography")
        title = env.titles.get(back_docs[0]) if back_docs else None
        sub(div, "head", title.astext() if title is not None else "Bibliography")
        listing = sub(div, "listBibl")
        # In the Oxford bibliography's order, which each work's @sortKey states.
        readings = {ref.key: ref for ref in refs}
        for order, key, entry in ordered:
            struct = bibl_struct(work_from_entry(key, entry), work_ids[key])
            struct.set("sortKey", order)
            if key in readings:
                delivered_reference(struct, readings[key])
            listing.append(struct)
    timeline = timeline_div(
        list(domain.records("periods", docs)),
        list(domain.records("events", docs)),
        _("Timeline"),
    )
    if timeline is not None:
        matter = text.find(f"{{{TEI_NS}}}back")
        (matter if matter is not None else sub(text, "back")).append(timeline)
    unique_xml_ids(root)
    return root


def _emends(builder: TEIBuilder) -> bool:
    """Whether an editorial note of the book gives both the delivered words and their
    correction (an ``app`` whose ``rdg`` cites the witness)."""
    return any(
        node.get("sic") and node.get("corr")
        for doctree in builder.doctrees.values()
        for node in doctree.findall(editorial_note)
    )


def changelog_releases(builder: Builder) -> list[Release]:
    """The releases of ``edition_tei_changelog``, newest first; a located warning for a
    missing or unreadable file, for a second-level heading that is not a release, and for
    a changelog with no release (the header is then written without them)."""
    name = str(builder.config.edition_tei_changelog or "")
    if not name:
        return []
    path = Path(builder.confdir, name)

    def warn(message: str, location: str) -> None:
        logger.warning(message, location=location, type="edition", subtype="tei")

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        warn(
            _("edition_tei_changelog: cannot read %s (%s)") % (path, reason),
            _conf_location(builder, "edition_tei_changelog"),
        )
        return []
    found, bad = releases(text)
    for line, heading in bad:
        warn(
            _(
                "edition_tei_changelog: %r is not a release heading "
                "(## VERSION — YYYY-MM-DD, or — unreleased)"
            )
            % heading,
            f"{path}:{line}",
        )
    if not found and not bad:
        warn(_("edition_tei_changelog: %s has no release heading") % path, f"{path}:")
    return found


def check_tei_documents(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: each name of ``edition_tei_documents`` is a document of
    the book, named once, and not the root (the TEI's front); a warning at the line of
    ``conf.py`` that sets it for each that is not (the TEI is written without it)."""
    if not isinstance(app.builder, TEIBuilder):
        return
    names = list(app.config.edition_tei_documents or ())
    problems = []
    for index, name in enumerate(names):
        if name not in env.all_docs:
            problems.append(_("edition_tei_documents: no document %r in the book") % name)
        elif name in names[:index]:
            problems.append(_("edition_tei_documents: %r is named twice") % name)
        elif name == app.config.root_doc:
            problems.append(
                _("edition_tei_documents: %r is the root document, the TEI's front") % name
            )
    if not problems:
        return
    location = _conf_location(app, "edition_tei_documents")
    for problem in problems:
        logger.warning(
            problem,
            location=location,
            type="edition",
            subtype="tei",
        )


def setup_tei(app: Sphinx) -> None:
    """Register the ``tei`` builder."""
    app.add_builder(TEIBuilder)
    app.connect("env-check-consistency", check_tei_documents)

"""The edition in the scholarly web: what reference managers and search engines read.

* **Page metadata** — every HTML page gets Highwire Press ``citation_*`` tags (read by Google
  Scholar and Zotero), Dublin Core ``DC.*`` tags and a schema.org JSON-LD block: a ``Book``
  with its chapters on the root page, a ``Chapter`` that ``isPartOf`` the book and lists the
  works it cites on every other page.  They go into the ``metatags`` of the page context
  (``html-page-context``), which every Sphinx theme prints in ``<head>``.
* **COinS** — every entry of a bibliography carries an OpenURL ContextObject
  (``<span class="Z3988">``), so that Zotero can save all the works of a page at once; the span
  is empty and hidden from assistive technology.
* **Exports** — the whole bibliography is written next to the HTML as
  ``downloads/<basename>.bib`` (pybtex's own BibTeX writer) and ``.ris`` (rispy), and each work
  as ``downloads/works/<key>.bib`` and ``.ris``, linked from its entry.

The values come from :func:`book_metadata`: the Sphinx configuration (``project``, ``author``,
``release``, ``language``, ``html_baseurl``, ``copyright``), overridden by
``edition_metadata``.  The works come from sphinxcontrib-bibtex's parsed ``.bib`` files.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Mapping
from html import escape
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, cast
from urllib.parse import quote, urlsplit

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from sphinx_edition.book import LazyMapping
from sphinx_edition.builders import for_browser
from sphinx_edition.domain import get_domain, toctree_order
from sphinx_edition.downloads import DOWNLOADS_DIR, download_basename
from sphinx_edition.registry import TOCTREE_ORDER, ComputeStep, add_compute_step
from sphinx_edition.view import BookView, get_view
from sphinx_edition.works import (
    Work,
    bibtex_text,
    coins,
    csl_json_text,
    ris_text,
    work_from_entry,
    work_jsonld,
)

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

_ = get_translation("edition")
logger = logging.getLogger(__name__)


#: The per-work records, under :data:`DOWNLOADS_DIR`.
WORKS_DIR = "works"

# -- configuration --------------------------------------------------------------------------

#: Sphinx's ``author`` when a project sets none: not a name to publish.
UNSET_AUTHORS = {"", "unknown", "Author name not set"}


class Creator(NamedTuple):
    """A name of the edition's authors or editors: a person's, or a body's."""

    name: str
    body: bool = False  # a corporate body (CITATION.cff's "entity"), not a person


def creators(items: Any) -> tuple[Creator, ...]:
    """The checked ``authors`` or ``editors`` of ``edition_metadata`` as creators."""
    return tuple(
        Creator(str(item["name"]), True) if isinstance(item, dict) else Creator(str(item))
        for item in items or ()
    )


class Licence(NamedTuple):
    """The licence the edition is published under: its name, and the address of its text."""

    name: str
    url: str


class BookMetadata(NamedTuple):
    """What the edition says about itself, once defaults and overrides are applied."""

    title: str
    subtitle: str
    authors: tuple[Creator, ...]
    editors: tuple[Creator, ...]
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    language: str
    publisher: str
    place: str
    url: str  # the address of the root of the HTML edition, ending with "/" (or "")
    pdf_url: str
    description: str
    rights: str
    edition: str
    identifier: str
    licence: Licence | None  # ``license``: its name and the address of its text


def _year_of(copyright_text: str) -> str:
    """The last year named in ``copyright`` ("2024-2026, Name" → "2026"), or ""."""
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", copyright_text)
    return years[-1] if years else ""


def pdf_filename(config: Config) -> str:
    """The file name of the PDF, from the first ``latex_documents`` entry (or "")."""
    documents = getattr(config, "latex_documents", None) or []
    if not documents:
        return ""
    return str(documents[0][1]).removesuffix(".tex") + ".pdf"


def _lists_pdf(config: Config) -> bool:
    downloads = getattr(config, "edition_downloads", None)
    if downloads is None:
        # Before ``edition_downloads`` existed every page linked to the PDF.
        return bool(pdf_filename(config))
    return "pdf" in downloads and bool(pdf_filename(config))


def book_metadata(config: Config) -> BookMetadata:
    """The book's metadata: ``edition_metadata`` over the Sphinx configuration."""
    given: dict[str, Any] = (
        config.edition_metadata if isinstance(config.edition_metadata, dict) else {}
    )
    author = str(config.author or "").strip()
    authors = given.get("authors")
    if authors is None:
        authors = [] if author in UNSET_AUTHORS else [author]
    url = str(given.get("url", config.html_baseurl or ""))
    if url and not url.endswith("/"):
        url += "/"
    date = str(given.get("date") or _year_of(str(config.copyright or "")))
    if not date:
        date = time.strftime("%Y", time.gmtime(_epoch()))
    pdf_url = str(given.get("pdf_url", ""))
    if not pdf_url and url and _lists_pdf(config):
        pdf_url = f"{url}{DOWNLOADS_DIR}/{pdf_filename(config)}"
    return BookMetadata(
        title=str(given.get("title", config.project)),
        subtitle=str(given.get("subtitle", "")),
        authors=creators(authors),
        editors=creators(given.get("editors")),
        date=date,
        language=str(given.get("language", config.language or "en")),
        publisher=str(given.get("publisher", "")),
        place=str(given.get("place", "")),
        url=url,
        pdf_url=pdf_url,
        description=str(given.get("description", "")),
        rights=str(given.get("rights", f"© {config.copyright}" if config.copyright else "")),
        edition=str(given.get("edition", config.release or "")),
        identifier=str(given.get("identifier", url)),
        licence=_licence(given),
    )


def _epoch() -> int:
    """``SOURCE_DATE_EPOCH`` if set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else int(time.time())


# -- the works ------------------------------------------------------------------------------


def bib_entries(env: BuildEnvironment) -> dict[str, Entry]:
    """Every work of the ``.bib`` files sphinxcontrib-bibtex read, by key, in file order."""
    try:
        domain = env.get_domain("cite")
    except Exception:
        return {}
    bibdata = getattr(domain, "bibdata", None)
    data = getattr(bibdata, "data", None)
    if data is None:
        return {}
    return dict(data.entries)


def _licence(given: Mapping[str, Any]) -> Licence | None:
    """``edition_metadata["license"]`` (checked at ``config-inited``, which makes a name a
    ``{"name": ...}``), if there is one."""
    licence = given.get("license")
    if isinstance(licence, str):
        return Licence(licence, "")
    if isinstance(licence, dict) and isinstance(licence.get("name"), str):
        return Licence(licence["name"], str(licence.get("url") or ""))
    return None


def rights_statement(meta: BookMetadata) -> str:
    """The book's rights, followed by its licence where they do not name it."""
    rights = meta.rights.strip()
    licence = meta.licence
    if licence is None or licence.name.casefold() in rights.casefold():
        return rights
    published = _("Published under the {licence}.").format(licence=licence.name)
    if not rights:
        return published
    return f"{rights}{'' if rights.endswith('.') else '.'} {published}"


class Catalogue(NamedTuple):
    """What the pages' metadata read of the whole book: computed once the book is read
    (the ``catalogue`` step), the same for every page."""

    metadata: BookMetadata
    entries: Mapping[str, Entry]  # every work of the .bib files, by key, in file order
    #: A work's record: made when a page first cites it (thousands of entries, few pages).
    works: Mapping[str, Work | None]
    works_jsonld: Mapping[str, Mapping[str, Any] | None]
    book_jsonld: Mapping[str, Any]
    positions: Mapping[str, int]  # docname -> its place in the work's reading order
    order: tuple[str, ...]  # the toctrees' reading order of the work's pages
    editorial: frozenset[str]  # the pages about the edition (``edition-page: editorial``)


CATALOGUE = "catalogue"


def catalogue(app: Sphinx, env: BuildEnvironment, view: BookView) -> Catalogue:
    """The ``catalogue`` step."""
    return make_catalogue(env)


def make_catalogue(env: BuildEnvironment) -> Catalogue:
    """The catalogue of *env*'s book."""
    meta = book_metadata(env.config)
    entries = MappingProxyType(bib_entries(env))
    works: LazyMapping[str, Work | None] = LazyMapping(
        entries, lambda key: work_from_entry(key, entries[key])
    )

    def jsonld(key: str) -> Mapping[str, Any] | None:
        work = works[key]
        return None if work is None else work_jsonld(work)

    editorial = editorial_pages(env)
    order = tuple(doc for doc in toctree_order(env) if doc not in editorial)
    return Catalogue(
        meta,
        entries,
        works,
        LazyMapping(entries, jsonld),
        MappingProxyType(book_jsonld(meta)),
        MappingProxyType({doc: index for index, doc in enumerate(order)}),
        order,
        editorial,
    )


#: The front-matter key (a field of the docinfo in reST) that says what a page is.
PAGE_KIND = "edition-page"
#: Its values: a part of the work (the default), or a page about the edition.
PAGE_KINDS = ("work", "editorial")


def editorial_pages(env: BuildEnvironment) -> frozenset[str]:
    """The documents whose front matter says ``edition-page: editorial``: pages about the
    edition (its apparatus, how to cite it, its documentation), not parts of the work."""
    return frozenset(
        doc
        for doc, fields in env.metadata.items()
        if doc in env.all_docs and str(fields.get(PAGE_KIND, "")).strip() == "editorial"
    )


def check_page_kinds(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a value of ``edition-page`` other than :data:`PAGE_KINDS`
    is a warning at its line; the page is then taken for a part of the work."""
    for doc in sorted(env.all_docs):
        value = env.metadata.get(doc, {}).get(PAGE_KIND)
        if value is None or str(value).strip() in PAGE_KINDS:
            continue
        path = Path(env.doc2path(doc))
        line = 1
        try:
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.match(rf"\s*:?{PAGE_KIND}:", text):
                    line = number
                    break
        except (OSError, UnicodeDecodeError):
            pass
        logger.warning(
            _(
                "%s: %r is not a kind of page (expected one of: %s); the page is taken for "
                "a part of the work"
            ),
            PAGE_KIND,
            str(value),
            ", ".join(PAGE_KINDS),
            location=(doc, line),
            type="edition",
            subtype="page-kind",
        )


def book_catalogue(env: BuildEnvironment) -> Catalogue:
    """The computed catalogue (made now for a build whose reading has not ended)."""
    found = get_view(env).get(CATALOGUE)
    if found is not None:
        return cast("Catalogue", found)
    return make_catalogue(env)


def book_work(env: BuildEnvironment, key: str) -> Work | None:
    """The work *key* of the ``.bib`` files as a :class:`~sphinx_edition.works.Work` (None if
    there is none)."""
    return book_catalogue(env).works.get(key)


def book_works(env: BuildEnvironment) -> dict[str, Work]:
    """Every work of the ``.bib`` files, by key, in file order."""
    works = book_catalogue(env).works
    return {key: work for key in works if (work := works[key]) is not None}


def bibliography_keys(env: BuildEnvironment, docname: str) -> dict[str, str]:
    """``{citation id: work key}`` of the bibliography entries written in *docname*."""
    try:
        domain = env.get_domain("cite")
    except Exception:
        return {}
    return {
        citation.citation_id: citation.entry.key
        for citation in getattr(domain, "citations", [])
        if citation.bibliography_key.docname == docname
    }


# -- bibliography entries: COinS and export links -------------------------------------------


def work_paths(key: str) -> tuple[str, str]:
    """Paths (from the output root) of the BibTeX and RIS records of the work *key*."""
    stem = f"{DOWNLOADS_DIR}/{WORKS_DIR}/{quote(key, safe='')}"
    return f"{stem}.bib", f"{stem}.ris"


def entry_extras_html(work: Work, from_uri: str, rfr_id: str) -> str:
    """The COinS span and the export links that follow a bibliography entry."""
    bib, ris = (relative_uri(from_uri, path) for path in work_paths(work.key))
    span = f'<span class="Z3988" title="{escape(coins(work, rfr_id))}" aria-hidden="true"></span>'
    label = _("Export")
    return (
        f'<p class="edition-exports">{span}{escape(label)}: '
        f'<a class="edition-export" href="{escape(bib)}" type="application/x-bibtex" '
        f'download="{escape(work.key)}.bib">BibTeX</a> · '
        f'<a class="edition-export" href="{escape(ris)}" '
        f'type="application/x-research-info-systems" download="{escape(work.key)}.ris">RIS</a>'
        "</p>"
    )


def add_entry_extras(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give every bibliography entry of *docname* its COinS and export links (``doctree-resolved``).

    An entry is found by its id, which sphinxcontrib-bibtex gives it (``citation_id``) and
    keeps whether it writes a ``citation`` node or another renderer writes a paragraph.
    """
    if not for_browser(app.builder):
        return
    keys = bibliography_keys(app.env, docname)
    if not keys:
        return
    works = book_works(app.env)
    meta = book_catalogue(app.env).metadata
    host = urlsplit(meta.url).netloc
    rfr_id = f"info:sid/{host}:edition" if host else ""
    from_uri = app.builder.get_target_uri(docname)
    for node in list(doctree.findall(nodes.Element)):
        key = next((keys[i] for i in node.get("ids", ()) if i in keys), None)
        if (
            key is None
            or key not in works
            or not isinstance(node, nodes.TextElement | nodes.citation)
        ):
            continue
        html = entry_extras_html(works[key], from_uri, rfr_id)
        raw = nodes.raw("", html, format="html")
        if isinstance(node, nodes.citation):
            node.append(raw)
        elif node.parent is not None:
            # Under the entry, not in it: the entry's text stays what it cites.
            node.parent.insert(node.parent.index(node) + 1, raw)


# -- page metadata --------------------------------------------------------------------------


def _page_url(app: Sphinx, meta: BookMetadata, pagename: str) -> str:
    return f"{meta.url}{app.builder.get_target_uri(pagename)}" if meta.url else ""


def _title(app: Sphinx, pagename: str, context: dict[str, Any]) -> str:
    title = app.env.titles.get(pagename)
    if title is not None:
        return str(title.astext())
    return re.sub(r"<[^>]+>", "", str(context.get("title", "")))


def _agent(creator: Creator) -> dict[str, str]:
    return {"@type": "Organization" if creator.body else "Person", "name": creator.name}


def full_title(meta: BookMetadata) -> str:
    """The book's title with its subtitle, as a reference gives it ("Title: Subtitle")."""
    return f"{meta.title}: {meta.subtitle}" if meta.subtitle else meta.title


def book_jsonld(meta: BookMetadata) -> dict[str, Any]:
    """The schema.org ``Book``: the edition, with every document of its tables of contents."""
    book: dict[str, Any] = {"@type": "Book", "name": meta.title}
    if meta.subtitle:
        book["alternativeHeadline"] = meta.subtitle
    if meta.authors:
        book["author"] = [_agent(a) for a in meta.authors]
    if meta.editors:
        book["editor"] = [_agent(e) for e in meta.editors]
    if meta.url:
        book["url"] = meta.url
    book["datePublished"] = meta.date
    book["inLanguage"] = meta.language
    if meta.publisher:
        book["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.edition:
        book["bookEdition"] = meta.edition
    if meta.description:
        book["description"] = meta.description
    return book


def page_jsonld(app: Sphinx, meta: BookMetadata, pagename: str, title: str) -> dict[str, Any]:
    """The JSON-LD of *pagename*: the book on the root page, a chapter elsewhere."""
    env = app.env
    found = book_catalogue(env)
    order, positions = found.order, found.positions
    book = dict(found.book_jsonld)
    if pagename in found.editorial:
        page: dict[str, Any] = {"@context": "https://schema.org", "@type": "WebPage", "name": title}
        if meta.url:
            page["url"] = _page_url(app, meta, pagename)
        page["inLanguage"] = meta.language
        page["isPartOf"] = book
        return page
    if pagename == env.config.root_doc:
        book["hasPart"] = [
            {"@type": "Chapter", "name": env.titles[doc].astext(), "position": position}
            | ({"url": _page_url(app, meta, doc)} if meta.url else {})
            for position, doc in enumerate(order[1:], start=1)
        ]
        return {"@context": "https://schema.org", **book}
    chapter: dict[str, Any] = {"@context": "https://schema.org", "@type": "Chapter", "name": title}
    if pagename in positions:
        chapter["position"] = positions[pagename]
    if meta.url:
        chapter["url"] = _page_url(app, meta, pagename)
    chapter["inLanguage"] = meta.language
    if meta.authors:
        chapter["author"] = [_agent(a) for a in meta.authors]
    if meta.editors:
        chapter["editor"] = [_agent(e) for e in meta.editors]
    chapter["isPartOf"] = book
    cited: dict[str, None] = {}  # the keys, in the order of their first note
    if pagename in env.all_docs:
        for citation in get_domain(env).records("citations", [pagename]):
            cited |= dict.fromkeys(citation.keys)
    jsonld = found.works_jsonld
    citations = [made for key in cited if (made := jsonld.get(key)) is not None]
    if citations:
        chapter["citation"] = citations
    return chapter


def page_metatags(
    app: Sphinx, meta: BookMetadata, pagename: str, title: str
) -> list[tuple[str, str]]:
    """``(name, content)`` of the Highwire and Dublin Core tags of *pagename*: the book on
    the root page, one of its parts on every other page of the work, none on a page about
    the edition (``edition-page: editorial``), which is not a work to be cited.

    The tags are those of Google Scholar's inclusion guidelines and of Zotero's Embedded
    Metadata translator, which reads ``citation_author`` and ``citation_editor`` as the
    item's authors and editors, takes a page with ``citation_book_title`` (or
    ``citation_inbook_title``) for a book section, and otherwise the Dublin Core
    ``DC.type`` (``book``) for the item's type.
    """
    if pagename in book_catalogue(app.env).editorial:
        return []
    is_root = pagename == app.config.root_doc
    url = _page_url(app, meta, pagename)
    book = full_title(meta)
    tags: list[tuple[str, str]] = [("citation_title", book if is_root else title)]
    if not is_root:
        tags += [("citation_book_title", book), ("citation_inbook_title", book)]
    tags += [("citation_author", a.name) for a in meta.authors]
    tags += [("citation_editor", e.name) for e in meta.editors]
    tags.append(("citation_publication_date", meta.date.replace("-", "/")))
    tags.append(("citation_language", meta.language))
    if meta.publisher:
        tags.append(("citation_publisher", meta.publisher))
    if url:
        tags.append(("citation_fulltext_html_url", url))
    if meta.pdf_url and is_root:
        # The PDF is the whole book: on a chapter, ``citation_pdf_url`` would give the
        # book's file as the chapter's full text.
        tags.append(("citation_pdf_url", meta.pdf_url))
    tags.append(("DC.title", book if is_root else title))
    # the eprints type vocabulary, which Zotero reads: a book, or an item of one
    tags.append(("DC.type", "book" if is_root else "bookItem"))
    tags += [("DC.creator", a.name) for a in meta.authors]
    tags += [("DC.contributor", e.name) for e in meta.editors]
    tags.append(("DC.date", meta.date))
    tags.append(("DC.language", meta.language))
    if meta.publisher:
        tags.append(("DC.publisher", meta.publisher))
    rights = rights_statement(meta)
    if rights:
        tags.append(("DC.rights", rights))
    if url:
        tags.append(("DC.identifier", url))
    if not is_root:
        tags.append(("DC.relation.isPartOf", book))
    if meta.description and is_root:
        tags.append(("DC.description", meta.description))
    return tags


def add_page_metadata(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Highwire, Dublin Core and JSON-LD into ``metatags`` (``html-page-context``).

    A page made from a template alone (the general index, the search page) is not part of
    the work, and gets none: Google Scholar and Zotero would read it as one, untitled.
    """
    if not for_browser(app.builder) or doctree is None:
        return
    meta = book_catalogue(app.env).metadata
    title = _title(app, pagename, context)
    lines = [
        f'<meta name="{escape(name)}" content="{escape(content)}" />'
        for name, content in page_metatags(app, meta, pagename, title)
    ]
    licence = meta.licence
    if licence is not None and licence.url:
        # Every page, the pages about the edition too: the licence covers the whole site.
        lines.append(f'<link rel="license" href="{escape(licence.url)}" />')
    # Compact: ``indent`` would leave json's C encoder for its pure-Python one, page after page.
    data = json.dumps(
        page_jsonld(app, meta, pagename, title), ensure_ascii=False, separators=(",", ":")
    )
    # In a <script> element the HTML parser looks for "</script" and "<!--": JSON's own
    # escapes for "<", ">" and "&" keep any text of the book (a title, say) from ending it.
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        data = data.replace(char, escaped)
    lines.append('<script type="application/ld+json">' + data + "</script>")
    context["metatags"] = str(context.get("metatags", "")) + "\n".join(lines) + "\n"


# -- exports --------------------------------------------------------------------------------


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """The bibliography as ``.bib`` and ``.ris``, whole and per work, and as CSL-JSON
    (``.json``), whole (``build-finished``)."""
    if exception is not None or not for_browser(app.builder):
        return
    entries = bib_entries(app.env)
    if not entries:
        return
    outdir = Path(app.outdir) / DOWNLOADS_DIR
    (outdir / WORKS_DIR).mkdir(parents=True, exist_ok=True)
    basename = download_basename(app.config)
    works = list(book_works(app.env).values())
    _write(outdir / f"{basename}.bib", bibtex_text(entries))
    _write(outdir / f"{basename}.ris", ris_text(works))
    _write(outdir / f"{basename}.json", csl_json_text(works))
    for work in works:
        bib, ris = work_paths(work.key)
        _write(Path(app.outdir) / bib, bibtex_text({work.key: entries[work.key]}))
        _write(Path(app.outdir) / ris, ris_text([work]))


def _write(path: Path, text: str) -> None:
    """Write *text* unless the file holds it already (incremental builds keep their dates)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def setup_metadata(app: Sphinx) -> None:
    """Register the page metadata, COinS and the bibliography exports."""
    add_compute_step(app, ComputeStep(CATALOGUE, catalogue, after=(TOCTREE_ORDER,)))
    app.connect("html-page-context", add_page_metadata)
    app.connect("doctree-resolved", add_entry_extras)
    app.connect("build-finished", write_exports)
    app.connect("env-check-consistency", check_page_kinds)

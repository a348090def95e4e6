"""The ePub package, written once.

Sphinx's ePub 3 builder writes the content documents, then, in ``handle_finish``, the
package files and the archive.  :class:`EditionEpubBuilder` extends it at its own extension
points, so that every file is written once and complete:

* ``prepare_writing`` — ``lang`` and ``xml:lang`` on the root of every content document
  (EPUB 3 and WCAG 3.1.1 ask for the language; Sphinx's root element has neither);
* ``default_translator_class`` — notes that e-readers pop up
  (:class:`~sphinx_edition.epub_notes.EditionEpubTranslator`);
* ``build_content`` — the package document from the edition's template
  (``templates/epub3/content.opf.jinja``): each manifest item with its ``properties``
  (``svg`` for a document holding inline SVG, as epubcheck OPF-014 requires), the
  schema.org accessibility metadata (:func:`accessibility_metadata`), and the book's
  creators with their roles, date of publication and rights
  (:func:`~sphinx_edition.publication.epub_metadata`) — Sphinx's date, the build's time, is
  the package's ``dcterms:modified``;
* ``build_navigation_doc`` — the navigation document from the edition's template, its
  table of contents with the ARIA role of its ``epub:type``;
* ``toc_metadata`` — the NCX's ``dtb:uid`` is the package's identifier (epubcheck NCX-001;
  Sphinx writes ``epub_uid``, the XML id of the identifier, instead of its value);
* ``build_epub`` — the archive in a fixed order with fixed times and permissions
  (``SOURCE_DATE_EPOCH``), so that two builds give the same bytes.
"""

from __future__ import annotations

import contextlib
import html
import os
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from sphinx.builders.epub3 import Epub3Builder
from sphinx.locale import __, get_translation
from sphinx.util import logging

from sphinx_edition.epub_notes import EditionEpubTranslator
from sphinx_edition.publication import epub_metadata

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.application import Sphinx
    from sphinx.builders._epub_base import ManifestItem

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: The edition's package and navigation document templates; the others are Sphinx's.
TEMPLATES = Path(__file__).resolve().parent / "templates" / "epub3"

#: The e-book's own stylesheet (in ``static/``, copied with the others): notes, tables and
#: the timeline on an e-reader's narrow screen.  Linked last, so that it refines the rest.
STYLESHEET = "ebook.css"
STYLESHEET_PRIORITY = 600

#: Manifest properties of a content document, by the namespace of an element it holds.
PROPERTY_NAMESPACES = {
    "mathml": "http://www.w3.org/1998/Math/MathML",
    "svg": "http://www.w3.org/2000/svg",
}

#: The earliest time a zip entry can carry (1980-01-01), in seconds since the epoch.
ZIP_EPOCH = 315532800


def accessibility_metadata(visual: bool) -> list[tuple[str, str]]:
    """schema.org accessibility properties of a publication, *visual* if it has images."""
    if visual:
        summary = _(
            "The text is structured with headings and a table of contents, in reading order, "
            "and can be restyled by the reading system. Notes are linked to and from their "
            "marks. Figures have a table with the same data."
        )
    else:
        summary = _(
            "The text is structured with headings and a table of contents, in reading order, "
            "and can be restyled by the reading system. Notes are linked to and from their "
            "marks."
        )
    props: list[tuple[str, str]] = [("schema:accessMode", "textual")]
    if visual:
        props.append(("schema:accessMode", "visual"))
    props += [
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", summary),
    ]
    return props


def document_properties(path: Path) -> list[str]:
    """The manifest properties of the content document *path* (``svg``, ``mathml``)."""
    try:
        namespaces = {
            element.tag[1:].partition("}")[0]
            for element in ET.parse(path).iter()
            if isinstance(element.tag, str) and element.tag.startswith("{")
        }
    except (ET.ParseError, OSError):
        # epubcheck reports a document that is not well-formed; its properties are unknown.
        return []
    return [name for name, uri in sorted(PROPERTY_NAMESPACES.items()) if uri in namespaces]


def zip_time() -> tuple[int, int, int, int, int, int]:
    """The time stamp of every archive entry: ``SOURCE_DATE_EPOCH`` if set, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else int(time.time())
    stamp = time.gmtime(max(seconds, ZIP_EPOCH))
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


def write_archive(outdir: Path, target: Path, names: Iterable[str]) -> None:
    """The ePub archive of the files *names* of *outdir*: ``mimetype`` first and stored, the
    others compressed, in the order given, every entry with the same time and permissions."""
    stamp = zip_time()
    with zipfile.ZipFile(target, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = 0o100644 << 16
            stored = name == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, (outdir / name).read_bytes(), compresslevel=9)


class EditionEpubBuilder(Epub3Builder):
    """Sphinx's ePub 3 builder, with a complete package document and a reproducible archive."""

    default_translator_class = EditionEpubTranslator

    def prepare_writing(self, docnames: Set[str]) -> None:
        super().prepare_writing(docnames)
        language = html.escape(self.config.epub_language or self.config.language or "en")
        tag = self.html_tag.removesuffix(">")
        self.globalcontext["html_tag"] = f'{tag} lang="{language}" xml:lang="{language}">'

    def content_metadata(self) -> dict[str, Any]:
        metadata = super().content_metadata()
        # Called by the template once the manifest is complete; each document is read once.
        self._properties: dict[str, str] = {}
        metadata["item_properties"] = self.item_properties
        metadata["accessibility"] = self.accessibility
        book = epub_metadata(self.config)
        metadata["creators"] = [(html.escape(c.name), c.role) for c in book["creators"]]
        metadata["contributors"] = [(html.escape(c.name), c.role) for c in book["contributors"]]
        metadata["published"] = html.escape(book["published"])
        metadata["subtitle"] = html.escape(book["subtitle"])
        metadata["rights"] = html.escape(book["rights"] or self.config.epub_copyright)
        metadata["license_url"] = html.escape(book["license_url"])
        return metadata

    def item_properties(self, item: ManifestItem) -> str:
        """The ``properties`` of a manifest *item* (its ``href`` is escaped and quoted)."""
        if item.media_type != "application/xhtml+xml":
            return ""
        if item.href not in self._properties:
            path = Path(self.outdir) / unquote(html.unescape(item.href))
            self._properties[item.href] = " ".join(document_properties(path))
        return self._properties[item.href]

    def accessibility(self, items: list[ManifestItem]) -> list[tuple[str, str]]:
        """The accessibility metadata of a book whose manifest is *items*, escaped."""
        visual = any(
            item.media_type.startswith("image/") or "svg" in self.item_properties(item).split()
            for item in items
        )
        return [(prop, html.escape(value)) for prop, value in accessibility_metadata(visual)]

    @contextlib.contextmanager
    def edition_templates(self) -> Iterator[None]:
        """Sphinx renders the package files from ``template_dir``: the edition's directory
        holds only the templates it changes, so it is the directory for those files only."""
        sphinx_templates = self.template_dir
        self.template_dir = type(sphinx_templates)(TEMPLATES)
        try:
            yield
        finally:
            self.template_dir = sphinx_templates

    def build_content(self) -> None:
        with self.edition_templates():
            super().build_content()

    def build_navigation_doc(self) -> None:
        with self.edition_templates():
            super().build_navigation_doc()

    def toc_metadata(self, level: int, navpoints: list[Any]) -> dict[str, Any]:
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = html.escape(self.config.epub_identifier)
        return metadata

    def build_epub(self) -> None:
        outname = f"{self.config.epub_basename}.epub"
        logger.info(__("writing %s file..."), outname)
        package = ["mimetype", "META-INF/container.xml", "content.opf", "toc.ncx"]
        names = package + [name for name in self.files if name not in package]
        write_archive(Path(self.outdir), Path(self.outdir) / outname, names)


def add_stylesheet(app: Sphinx) -> None:
    """Link the e-book's stylesheet from every content document of the ePub."""
    if isinstance(app.builder, EditionEpubBuilder):
        app.add_css_file(STYLESHEET, priority=STYLESHEET_PRIORITY)


def setup_epub(app: Sphinx) -> None:
    """Make ``-b epub`` the edition's ePub builder, and keep every doctree free of the
    characters XML cannot hold (the ePub's documents are XHTML)."""
    app.add_builder(EditionEpubBuilder, override=True)
    app.connect("builder-inited", add_stylesheet)
    # Here rather than in the package's setup(), which another module owns: every build
    # runs it, so the web pages, the TEI and the LaTeX are as clean as the ePub.

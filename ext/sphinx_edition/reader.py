"""What a reader of the hosted edition and of its downloads gets, beyond the text.

* **Paragraph anchors** — every body paragraph gets a stable id (:class:`ParagraphAnchors`,
  a read-time transform, so every builder has it and the ePub keeps it); the HTML builders add
  a visible "¶" link to it (:class:`ParagraphLinks`, :class:`paragraph_link`).
* **Note previews** — ``reader.js`` shows a note's text in a popover when its mark is hovered,
  focused or tapped; ``reader.css`` styles it and the paragraph links; ``print.css`` is the
  print stylesheet.  HTML builders only: an e-reader has its own note handling.
* **Download links** — the template context gets ``edition_downloads`` (the PDF and the ePub);
  a sidebar template renders it.  On Read the Docs they point at its own downloads.
* **Accessible markup** — the toctree caption gets an ``aria-level``, and citations get the
  ``listitem`` role instead of docutils' deprecated ``doc-biblioentry``.
* **The ePub** — ``lang`` and ``xml:lang`` on every content document, accessibility metadata
  in the package document, an NCX identifier that matches it, and an archive written in a
  fixed order with fixed times, so that two builds give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
import zipfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("edition")
logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"

#: Builders that write pages for a browser (the ePub is HTML too, but read on an e-reader).
BROWSER_BUILDERS = ("html", "dirhtml", "singlehtml")

#: How many words of a paragraph name it: enough to tell paragraphs apart, few enough that
#: an edit further down the paragraph keeps its anchor.
ANCHOR_WORDS = 12

#: Paragraphs inside these are not body text (notes, tables, admonitions, navigation...).
NOT_BODY: tuple[type[nodes.Node], ...] = (
    nodes.footnote,
    nodes.citation,
    nodes.table,
    nodes.Admonition,
    nodes.topic,
    nodes.sidebar,
    nodes.field_list,
    nodes.definition_list,
    nodes.option_list,
    nodes.line_block,
    nodes.caption,
    nodes.legend,
    addnodes.toctree,
    addnodes.compact_paragraph,
)

#: Inline content that does not name a paragraph: note numbers change when a note is added
#: before them, so they are left out of the anchor.
NOT_WORDS: tuple[type[nodes.Node], ...] = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.substitution_reference,
)


# -- paragraph anchors ---------------------------------------------------------------------


class paragraph_link(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A "¶" link to the paragraph it ends (``refid``): HTML only, skipped elsewhere."""


def paragraph_words(paragraph: nodes.paragraph) -> list[str]:
    """The paragraph's words, normalised (NFKC, case-folded), note marks left out."""
    text: list[str] = []
    for node in paragraph.findall(nodes.Text):
        parent = node.parent
        skipped = False
        while parent is not None and parent is not paragraph:
            if isinstance(parent, NOT_WORDS):
                skipped = True
                break
            parent = parent.parent
        if not skipped:
            text.append(str(node))
    normal = unicodedata.normalize("NFKC", " ".join(text)).casefold()
    return re.findall(r"\w+", normal)


def paragraph_anchor(section_id: str, words: list[str]) -> str:
    """The anchor of a paragraph of the section *section_id* that begins with *words*.

    A valid XML id (it starts with a letter) and a valid CSS identifier.
    """
    key = f"{section_id}\x00{' '.join(words[:ANCHOR_WORDS])}"
    return "p-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def is_body_paragraph(node: nodes.paragraph) -> bool:
    """True for a paragraph of running text (not in a note, table, admonition, toctree...)."""
    if isinstance(node, addnodes.compact_paragraph):
        return False
    parent = node.parent
    while parent is not None:
        if isinstance(parent, NOT_BODY):
            return False
        parent = parent.parent
    return True


def _section_id(node: nodes.Node) -> str:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and parent["ids"]:
            return str(parent["ids"][0])
        parent = parent.parent
    return ""


class ParagraphAnchors(SphinxTransform):
    """Give every body paragraph a stable id: ``p-`` and a hash of its section's id and of
    its first words.

    The id does not depend on the paragraph's position, so adding, moving or deleting
    another paragraph keeps it; two paragraphs of one section that begin alike are told
    apart by ``-2``, ``-3``… in document order.  A paragraph that already has an id (a
    label) keeps it and is linked by it.
    """

    # After docutils' target propagation (260), so that labelled paragraphs keep their
    # label; before the footnote transforms (620) fill in note numbers.
    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.paragraph):
            if not is_body_paragraph(node):
                continue
            if node["ids"]:
                node["edition_anchor"] = node["ids"][0]
                continue
            words = paragraph_words(node)
            if not words:
                continue
            base = paragraph_anchor(_section_id(node), words)
            anchor, count = base, 1
            while anchor in self.document.ids:
                count += 1
                anchor = f"{base}-{count}"
            node["ids"].append(anchor)
            self.document.ids[anchor] = node
            node["edition_anchor"] = anchor


class ParagraphLinks(SphinxPostTransform):
    """End every anchored paragraph with a :class:`paragraph_link` (browser builders)."""

    default_priority = 900
    builders = BROWSER_BUILDERS

    def run(self, **kwargs: Any) -> None:
        for paragraph in list(self.document.findall(nodes.paragraph)):
            anchor = paragraph.get("edition_anchor")
            if not anchor:
                continue
            link = paragraph_link("", refid=anchor)
            link.source, link.line = paragraph.source, paragraph.line
            paragraph.append(link)


def visit_paragraph_link_html(self: HTML5Translator, node: paragraph_link) -> None:
    title = _("Link to this paragraph")
    self.body.append(
        f'<a class="edition-paralink" href="#{escape(node["refid"])}" '
        f'title="{escape(title)}" aria-label="{escape(title)}">¶</a>'
    )
    raise nodes.SkipNode


def skip_node(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


# -- accessible markup ---------------------------------------------------------------------


def visit_title_html(self: HTML5Translator, node: nodes.title) -> None:
    """A toctree caption is a heading for assistive technology: give it its level."""
    if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
        self.body.append(
            self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": "2"})
        )
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
        return
    type(self).visit_title(self, node)


def depart_title_html(self: HTML5Translator, node: nodes.title) -> None:
    type(self).depart_title(self, node)


def visit_citation_html(self: HTML5Translator, node: nodes.citation) -> None:
    """A citation as an item of a list, not in the deprecated ``doc-biblioentry`` role."""
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


def depart_citation_html(self: HTML5Translator, node: nodes.citation) -> None:
    type(self).depart_citation(self, node)


# -- assets and template context -----------------------------------------------------------


def add_assets(app: Sphinx) -> None:
    """Note previews, paragraph links and the print stylesheet, for browser builders only."""
    if app.builder.name not in BROWSER_BUILDERS:
        return
    static = str(STATIC)
    if static not in app.config.html_static_path:
        app.config.html_static_path.append(static)
    app.add_css_file("reader.css")
    app.add_css_file("print.css", media="print")
    app.add_js_file("reader.js", loading_method="defer")


def download_files(app: Sphinx) -> list[tuple[str, str, str]]:
    """``(format, label, file name)`` of each download: the PDF, then the ePub."""
    files: list[tuple[str, str, str]] = []
    latex_documents = app.config.latex_documents
    if latex_documents:
        tex = str(latex_documents[0][1])
        files.append(("pdf", _("PDF"), tex.removesuffix(".tex") + ".pdf"))
    files.append(("epub", _("ePub"), f"{app.config.epub_basename}.epub"))
    return files


#: Where the downloads are published, next to the HTML (``nox`` copies them there).
DOWNLOADS_DIR = "downloads"


def add_downloads(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Put ``edition_downloads`` (``format``, ``label``, ``href``) into the page context.

    On Read the Docs the links are its own download URLs, which it serves for every format
    it builds (``formats: all``); elsewhere they point into ``downloads/`` next to the HTML.
    """
    if app.builder.name not in BROWSER_BUILDERS:
        return
    downloads = []
    on_rtd = os.environ.get("READTHEDOCS") == "True"
    for fmt, label, filename in download_files(app):
        if on_rtd:
            language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
            version = os.environ.get("READTHEDOCS_VERSION", "latest")
            href = f"/_/downloads/{language}/{version}/{fmt}/"
        else:
            href = context["pathto"](f"{DOWNLOADS_DIR}/{filename}", 1)
        downloads.append({"format": fmt, "label": label, "href": href, "filename": filename})
    context["edition_downloads"] = downloads


def epub_html_tag(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``lang`` and ``xml:lang`` on the root of every ePub content document (EPUB 3 and
    WCAG 3.1.1 both ask for the language; Sphinx's ePub root element has neither)."""
    if app.builder.name != "epub":
        return
    language = escape(app.config.epub_language or app.config.language or "en")
    tag = str(context.get("html_tag") or "<html>")
    if " lang=" in tag:
        return
    context["html_tag"] = tag.removesuffix(">") + f' lang="{language}" xml:lang="{language}">'


# -- the ePub package ----------------------------------------------------------------------


def accessibility_metadata(opf: str) -> list[tuple[str, str]]:
    """schema.org accessibility properties of the publication described by *opf*."""
    visual = bool(re.search(r'media-type="image/', opf)) or 'properties="svg' in opf
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


def complete_opf(opf: str) -> str:
    """*opf* with the accessibility metadata it lacks, before ``</metadata>``."""
    missing = [
        f'    <meta property="{prop}">{escape(value)}</meta>\n'
        for prop, value in accessibility_metadata(opf)
        if f'property="{prop}"' not in opf
    ]
    if not missing:
        return opf
    head, sep, tail = opf.partition("  </metadata>")
    if not sep:
        head, sep, tail = opf.partition("</metadata>")
    return head + "".join(missing) + sep + tail


def matching_ncx(ncx: str, opf: str) -> str:
    """*ncx* with ``dtb:uid`` set to the package's unique identifier (epubcheck NCX-001):
    Sphinx writes ``epub_uid``, the XML id of the identifier, instead of its value."""
    uid = re.search(r'unique-identifier="([^"]+)"', opf)
    if uid is None:
        return ncx
    value = re.search(rf'<dc:identifier id="{re.escape(uid[1])}">([^<]*)</dc:identifier>', opf)
    if value is None:
        return ncx
    return re.sub(
        r'(<meta name="dtb:uid" content=")[^"]*(")',
        lambda m: m[1] + value[1] + m[2],
        ncx,
        count=1,
    )


def zip_time() -> tuple[int, int, int, int, int, int]:
    """The time stamp of every archive entry: ``SOURCE_DATE_EPOCH`` if set, else now
    (never before 1980, which zip cannot store)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else int(time.time())
    stamp = time.gmtime(max(seconds, 315532800))
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


def write_epub(outdir: Path, target: Path, files: list[str]) -> None:
    """The ePub archive: ``mimetype`` first and stored, then the package files and *files*,
    in that order, every entry with the same time and permissions."""
    stamp = zip_time()
    names = ["mimetype", "META-INF/container.xml", "content.opf", "toc.ncx"]
    names += [name for name in files if name not in names]
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (outdir / name).read_bytes(), compresslevel=9)
    partial.replace(target)


def finish_epub(app: Sphinx, exception: Exception | None) -> None:
    """Complete the package document and the NCX, then write the archive reproducibly."""
    if exception is not None or app.builder.name != "epub":
        return
    outdir = Path(app.outdir)
    opf_path, ncx_path = outdir / "content.opf", outdir / "toc.ncx"
    if not opf_path.is_file():
        return
    opf = complete_opf(opf_path.read_text(encoding="utf-8"))
    opf_path.write_text(opf, encoding="utf-8")
    if ncx_path.is_file():
        ncx_path.write_text(
            matching_ncx(ncx_path.read_text(encoding="utf-8"), opf), encoding="utf-8"
        )
    files: list[str] = list(getattr(app.builder, "files", []))
    write_epub(outdir, outdir / f"{app.config.epub_basename}.epub", files)


# -- wiring --------------------------------------------------------------------------------


#: The ePub is finished after every other build-finished handler that edits its files (the
#: timeline declares inline SVG in the manifest), so the archive written last holds them all.
FINISH_EPUB_PRIORITY = 900


def setup_reader(app: Sphinx) -> None:
    """Register paragraph anchors and links, note previews, downloads and the ePub fixes."""
    app.add_node(
        paragraph_link,
        html=(visit_paragraph_link_html, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(nodes.title, override=True, html=(visit_title_html, depart_title_html))
    app.add_node(nodes.citation, override=True, html=(visit_citation_html, depart_citation_html))
    app.add_transform(ParagraphAnchors)
    app.add_post_transform(ParagraphLinks)
    app.connect("builder-inited", add_assets)
    app.connect("html-page-context", add_downloads)
    app.connect("html-page-context", epub_html_tag)
    app.connect("build-finished", finish_epub, priority=FINISH_EPUB_PRIORITY)

"""Download links: the formats of ``edition_downloads``, linked at the top of every page.

The links are a node put at the top of each page's tree (:class:`download_bar`) and
written by the HTML writer into the page body, which every HTML theme shows as the
content, so no template is needed; the node holds no text, so neither the search index
nor a page's description reads it.  The files are ``downloads/<basename>.<format>`` next
to the HTML (:func:`download_basename`), or Read the Docs' own downloads where it builds
them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from sphinx_edition.builders import BROWSER_BUILDERS
from sphinx_edition.nodes import add_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("edition")
logger = logging.getLogger(__name__)


#: Formats a book can offer for download: label, media type.  The files are made by their
#: own builders (LaTeX and latexmk, ePub, TEI, the citation exports) and published next to
#: the HTML, in :data:`DOWNLOADS_DIR`, as ``<basename>.<format>``.
DOWNLOAD_FORMATS: dict[str, tuple[str, str]] = {
    "pdf": (_("PDF"), "application/pdf"),
    "epub": (_("ePub"), "application/epub+zip"),
    "tei": (_("TEI"), "application/tei+xml"),
    "bib": (_("BibTeX"), "application/x-bibtex"),
    "ris": (_("RIS"), "application/x-research-info-systems"),
    "json": (_("CSL-JSON"), "application/vnd.citationstyles.csl+json"),
}

#: Formats Read the Docs builds and serves at its own download addresses.
READTHEDOCS_FORMATS = ("pdf", "epub")

#: Where the downloads are published, next to the HTML (``nox`` copies them there).
DOWNLOADS_DIR = "downloads"


def slug(text: str) -> str:
    """*text* as a file name: lower case, accents dropped, words joined by ``-``."""
    letters = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return re.sub(r"[\W_]+", "-", letters.casefold()).strip("-")


def download_basename(config: Config) -> str:
    """The name, without extension, of every download of the book.

    ``edition_download_basename`` if set, else ``epub_basename``, else a slug of ``project``.
    """
    for name in (config.edition_download_basename, config.epub_basename):
        if isinstance(name, str) and name:
            return name
    return slug(str(config.project)) or "book"


class download_bar(nodes.General, nodes.Element):  # type: ignore[misc,unused-ignore]
    """The download links of a page, written from the configuration by the HTML writer."""


class AddDownloadBar(SphinxPostTransform):
    """Put the download links at the top of every page of a browser build."""

    default_priority = 900
    builders = BROWSER_BUILDERS

    def run(self, **kwargs: Any) -> None:
        if self.config.edition_downloads:
            self.document.insert(0, download_bar())


def download_links(builder: Builder, pagename: str) -> str:
    """The download links of *pagename*: a navigation landmark with one link per format."""
    basename = download_basename(builder.config)
    on_rtd = os.environ.get("READTHEDOCS") == "True"
    missing = _("Not in this build.")
    items = []
    for fmt in builder.config.edition_downloads:
        label, media_type = DOWNLOAD_FORMATS[fmt]
        filename = f"{basename}.{fmt}"
        if on_rtd and fmt in READTHEDOCS_FORMATS:
            # Read the Docs serves the formats it builds (``formats: all``) at its own URLs.
            language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
            version = os.environ.get("READTHEDOCS_VERSION", "latest")
            href = f"/_/downloads/{language}/{version}/{fmt}/"
        else:
            # As the page's ``pathto(…, resource=True)``: relative to the page's own URI.
            href = relative_uri(builder.get_target_uri(pagename), f"{DOWNLOADS_DIR}/{filename}")
        items.append(
            f'<li><a class="edition-download edition-download-{fmt}" href="{escape(href)}" '
            f'type="{media_type}" download="{escape(filename)}" '
            f'data-missing="{escape(missing)}">{escape(str(label))}</a></li>'
        )
    title = escape(_("Download"))
    return (
        '<nav class="edition-downloads" aria-labelledby="edition-downloads-title">\n'
        f'<span class="edition-downloads-title" id="edition-downloads-title">{title}</span>\n'
        f"<ul>{''.join(items)}</ul>\n</nav>\n"
    )


def visit_download_bar_html(self: HTML5Translator, node: download_bar) -> None:
    self.body.append(download_links(self.builder, self.builder.current_docname))
    raise nodes.SkipNode


def setup_downloads(app: Sphinx) -> None:
    """Register the download links."""
    add_node(app, download_bar, html=(visit_download_bar_html, None))
    app.add_post_transform(AddDownloadBar)

"""Download links: the formats of ``edition_downloads``, linked at the top of every page.

The links go in the page body, which every HTML theme shows as the content, so no template
is needed; the files are ``downloads/<basename>.<format>`` next to the HTML
(:func:`download_basename`), or Read the Docs' own downloads where it builds them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from html import escape
from typing import TYPE_CHECKING, Any

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_edition.builders import for_browser

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

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


def download_links(app: Sphinx, context: dict[str, Any]) -> str:
    """The download links of a page: a navigation landmark with one link per format."""
    basename = download_basename(app.config)
    on_rtd = os.environ.get("READTHEDOCS") == "True"
    missing = _("Not in this build.")
    items = []
    for fmt in app.config.edition_downloads:
        label, media_type = DOWNLOAD_FORMATS[fmt]
        filename = f"{basename}.{fmt}"
        if on_rtd and fmt in READTHEDOCS_FORMATS:
            # Read the Docs serves the formats it builds (``formats: all``) at its own URLs.
            language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
            version = os.environ.get("READTHEDOCS_VERSION", "latest")
            href = f"/_/downloads/{language}/{version}/{fmt}/"
        else:
            href = context["pathto"](f"{DOWNLOADS_DIR}/{filename}", 1)
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


def add_downloads(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Put the download links at the top of the body of every page of the book.

    The body is what every theme shows as the page's content, so the links need no
    template; pages made from a template alone (search, index) have no body and no links.
    """
    if not for_browser(app.builder) or not app.config.edition_downloads:
        return
    if doctree is None or not isinstance(context.get("body"), str):
        return
    context["body"] = download_links(app, context) + context["body"]


def setup_downloads(app: Sphinx) -> None:
    """Register the download links."""
    app.connect("html-page-context", add_downloads)

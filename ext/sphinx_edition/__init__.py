"""Sphinx extensions for scholarly editions.

Add ``"sphinx_edition"`` to ``extensions`` to get, in one go:

* ``notecite`` — Oxford-style citation notes (:mod:`sphinx_edition.notes`,
  :mod:`sphinx_edition.oxford`);
* ``period`` and ``event`` — the chronology of the text (:mod:`sphinx_edition.periods`);
* ``timeline`` — every period and event, drawn (:mod:`sphinx_edition.timeline`);
* ``theme`` and ``themeindex`` — thematic tagging and its index (:mod:`sphinx_edition.themes`);
* ``editorial`` — numbered editorial notes (:mod:`sphinx_edition.editorial`);
* delivered readings, ``interventions`` and ``apparatus`` (:mod:`sphinx_edition.delivered`,
  :mod:`sphinx_edition.apparatus`);
* for readers of the HTML: note previews, sidenotes, paragraph links and download links in any
  theme (:mod:`sphinx_edition.reader`, :mod:`sphinx_edition.downloads`,
  :mod:`sphinx_edition.assets`); the ePub as an e-book (:mod:`sphinx_edition.epub`);
* the same creators, date and rights in the ePub's package and the PDF's XMP as in the
  HTML (:mod:`sphinx_edition.publication`);
* for the scholarly web: Highwire, Dublin Core and schema.org metadata, COinS, BibTeX and RIS
  exports (:mod:`sphinx_edition.metadata`), and the ``tei`` builder (:mod:`sphinx_edition.tei`).

All collected data lives in one domain (:mod:`sphinx_edition.domain`, records in
:mod:`sphinx_edition.records`); renderers read it through a read-only view
(:mod:`sphinx_edition.view`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_edition.apparatus import setup_apparatus
from sphinx_edition.bibfiles import setup_bibfiles
from sphinx_edition.collector import setup_collector
from sphinx_edition.config import setup_config
from sphinx_edition.delivered import setup_delivered
from sphinx_edition.domain import DATA_VERSION, setup_domain
from sphinx_edition.editorial import setup_editorial
from sphinx_edition.epub import setup_epub
from sphinx_edition.metadata import setup_metadata
from sphinx_edition.notes import setup_notes
from sphinx_edition.periods import setup_periods
from sphinx_edition.publication import setup_publication
from sphinx_edition.reader import setup_reader
from sphinx_edition.search import setup_search
from sphinx_edition.tei import setup_tei
from sphinx_edition.themes import setup_themes
from sphinx_edition.timeline import setup_timeline
from sphinx_edition.xmlchars import setup_xmlchars

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.2.0.dev0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the edition's configuration, domain, directives, roles and renderers."""
    # The words the extension prints ("Ibid.", banner and table words) are translatable.
    app.add_message_catalog("edition", str(Path(__file__).resolve().parent / "locales"))
    setup_config(app)
    setup_domain(app)
    setup_bibfiles(app)
    setup_notes(app)
    setup_delivered(app)
    setup_periods(app)
    setup_timeline(app)
    setup_themes(app)
    setup_editorial(app)
    setup_apparatus(app)
    setup_reader(app)
    setup_epub(app)
    setup_publication(app)
    setup_xmlchars(app)
    setup_search(app)
    setup_metadata(app)
    setup_tei(app)
    setup_collector(app)
    return {
        "version": __version__,
        "env_version": DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

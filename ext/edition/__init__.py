"""Sphinx extensions for scholarly editions.

Add ``"edition"`` to ``extensions`` to get, in one go:

* ``notecite`` — Oxford-style citation notes (:mod:`edition.notes`, :mod:`edition.oxford`);
* ``period`` and ``event`` — the chronology of the text (:mod:`edition.periods`);
* ``timeline`` — every period and event, drawn (:mod:`edition.timeline`);
* ``theme`` and ``themeindex`` — thematic tagging and its index (:mod:`edition.themes`).

All collected data lives in one domain (:mod:`edition.domain`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition.bibfiles import setup_bibfiles
from edition.config import setup_config
from edition.domain import DATA_VERSION, setup_domain
from edition.notes import setup_notes
from edition.periods import setup_periods
from edition.reader import setup_reader
from edition.search import setup_search
from edition.themes import setup_themes
from edition.timeline import setup_timeline

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the edition's configuration, domain, directives, roles and renderers."""
    # The words the extension prints ("Ibid.", banner and table words) are translatable.
    app.add_message_catalog("edition", str(Path(__file__).resolve().parent / "locales"))
    setup_config(app)
    setup_domain(app)
    setup_bibfiles(app)
    setup_notes(app)
    setup_periods(app)
    setup_timeline(app)
    setup_themes(app)
    setup_reader(app)
    setup_search(app)
    return {
        "version": __version__,
        "env_version": DATA_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

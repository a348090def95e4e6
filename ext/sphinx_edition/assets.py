"""The extension's stylesheets and script, wired once for HTML-format builders.

``static/`` is copied into the output's ``_static`` when the builder starts, before Sphinx
writes a page (its ``?v=`` checksums read the copied files), and the files are linked from
every page.  ``html_static_path`` is left as ``conf.py`` set it: a configuration value
changed by an extension makes every later build report a changed configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset

from sphinx_edition.builders import for_browser

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).resolve().parent / "static"

#: Stylesheets of every HTML-format builder, web pages and ePub: notes, timeline and
#: period banners, theme chips.  In this order: later rules refine earlier ones.
STYLESHEETS = ("notes.css", "timeline.css", "themes.css", "editorial.css")

#: Stylesheets (name, ``media``) of pages read in a browser: note previews, paragraph and
#: download links, then print.
BROWSER_STYLESHEETS = (("reader.css", None), ("print.css", "print"))

#: Scripts of pages read in a browser, run once the page is parsed.
BROWSER_SCRIPTS = ("reader.js",)


def add_assets(app: Sphinx) -> None:
    """Copy ``static/`` into ``_static`` and link its files (HTML-format builders only)."""
    builder = app.builder
    if builder.format != "html":
        return
    copy_asset(STATIC, Path(builder.outdir) / "_static", force=True)
    for name in STYLESHEETS:
        app.add_css_file(name)
    if not for_browser(builder):
        return
    for name, media in BROWSER_STYLESHEETS:
        if media is None:
            app.add_css_file(name)
        else:
            app.add_css_file(name, media=media)
    for name in BROWSER_SCRIPTS:
        app.add_js_file(name, loading_method="defer")


def setup_assets(app: Sphinx) -> None:
    """Wire ``static/`` into every HTML-format build."""
    app.connect("builder-inited", add_assets)

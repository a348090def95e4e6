"""Any HTML theme: a small book (``tests/roots/test-anytheme``, no template of its own) built
with ``-W`` in furo, sphinx-book-theme, pydata-sphinx-theme, sphinx-rtd-theme and alabaster
has its download links, paragraph links, period banners, theme chips, timeline and the
markup the note previews work on; ``edition_downloads`` is checked once, with located
warnings."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import IN_CI
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.reader import download_basename, slug

#: Theme name → the module that provides it (alabaster comes with Sphinx).
THEMES = {
    "furo": "furo",
    "sphinx_book_theme": "sphinx_book_theme",
    "pydata_sphinx_theme": "pydata_sphinx_theme",
    "sphinx_rtd_theme": "sphinx_rtd_theme",
    "alabaster": "alabaster",
}


def _require(theme: str) -> None:
    if importlib.util.find_spec(THEMES[theme]) is None:
        if IN_CI:
            pytest.fail(f"{theme} is missing: the test extra must install it")
        pytest.skip(f"{theme} is not installed")


def _soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module", params=list(THEMES))
def themed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, rootdir: Path
) -> tuple[str, Path]:
    """The book built with ``-W -n`` in one theme: ``(theme, output directory)``.

    Each build runs in its own process, as a reader's would: the PyData themes keep state
    between two applications of one process.
    """
    theme = str(request.param)
    _require(theme)
    out = tmp_path_factory.mktemp(f"anytheme-{theme}")
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q"]
    result = subprocess.run(
        [*command, "-D", f"html_theme={theme}", str(rootdir / "test-anytheme"), str(out / "html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == "", result.stdout + result.stderr
    return theme, out / "html"


def _page(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "lxml")


def _build(make_app: Any, rootdir: Any, theme: str, **overrides: Any) -> SphinxTestApp:
    _require(theme)
    # A copy, so that the build goes to a temporary folder and never into tests/roots.
    srcdir = Path(tempfile.mkdtemp(prefix="anytheme-")) / "src"
    shutil.copytree(rootdir / "test-anytheme", srcdir)
    app: SphinxTestApp = make_app(
        "html",
        srcdir=srcdir,
        freshenv=True,
        confoverrides={"html_theme": theme, **overrides},
    )
    app.build()
    return app


def test_every_feature_in_every_theme(themed: tuple[str, Path]) -> None:
    _theme, outdir = themed
    # Sphinx's default ePub name for the project "Any Théme Book".
    basename = "AnyThmeBook"
    chapter = _page(outdir, "chapter.html")

    # Download links, at the top of the page's content, in the order configured.
    nav = chapter.select_one("nav.edition-downloads")
    assert nav is not None
    label = chapter.find(id=nav["aria-labelledby"])
    assert label is not None and label.get_text() == "Download"
    links = nav.select("a.edition-download")
    assert [a["href"] for a in links] == [
        f"downloads/{basename}.pdf",
        f"downloads/{basename}.epub",
        f"downloads/{basename}.bib",
    ]
    assert [a.get_text() for a in links] == ["PDF", "ePub", "BibTeX"]
    assert [a["type"] for a in links] == [
        "application/pdf",
        "application/epub+zip",
        "application/x-bibtex",
    ]
    assert all(a["download"] == a["href"].rsplit("/", 1)[1] for a in links)
    assert nav.find_next("h1") is not None, "the links come before the page's title"
    # Every page of the book has them, with links relative to the page.
    assert _page(outdir, "index.html").select_one("nav.edition-downloads a")["href"] == (
        f"downloads/{basename}.pdf"
    )

    # Paragraph links, on the body text.
    for start in ("The treaty was signed", "Poland joined"):
        (paragraph,) = [p for p in chapter.select("p") if p.get_text().startswith(start)]
        link = paragraph.select_one("a.edition-paralink")
        assert link is not None and link["href"] == f"#{paragraph['id']}", start

    # Period banners and theme chips.
    banners = chapter.select("aside.edition-period")
    assert len(banners) == 2
    assert "edition-climate-tension" in banners[1]["class"]
    chips = [a.get_text() for a in chapter.select(".edition-theme-chip")]
    assert chips == ["Arms control", "NATO enlargement", "Arms control"]

    # Note marks that link to notes on the same page: what reader.js previews.
    marks = chapter.select("a.footnote-reference")
    assert len(marks) == 2
    for mark in marks:
        assert mark["href"].startswith("#")
        assert chapter.find(id=mark["href"][1:]) is not None

    # The timeline, drawn.
    timeline = _page(outdir, "timeline.html")
    svg = timeline.select_one("svg.edition-timeline-svg")
    assert svg is not None
    assert len(svg.find_all("a")) == 3  # two periods, one event

    # The stylesheets and the script, linked once each and copied into _static.
    head = (outdir / "chapter.html").read_text(encoding="utf-8")
    for name in ("notes.css", "timeline.css", "themes.css", "reader.css", "print.css"):
        assert len(re.findall(rf'href="_static/{re.escape(name)}\?v=', head)) == 1, name
        assert (outdir / "_static" / name).is_file()
    assert re.search(r'<link media="print" [^>]*href="_static/print\.css', head)
    assert re.search(r'<script defer="defer" src="_static/reader\.js\?v=', head)
    assert (outdir / "_static" / "reader.js").is_file()


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_no_downloads_configured_no_links(make_app: Any, rootdir: Any, theme: str) -> None:
    app = _build(make_app, rootdir, theme, edition_downloads=[])
    assert app.warning.getvalue() == ""
    assert _soup(app, "chapter.html").select_one(".edition-downloads") is None
    # The configuration is as conf.py set it: the assets are not on html_static_path.
    assert app.config.html_static_path == []


def test_download_basename_option_names_the_files(make_app: Any, rootdir: Any) -> None:
    app = _build(make_app, rootdir, "alabaster", edition_download_basename="book-2026")
    assert app.warning.getvalue() == ""
    hrefs = [a["href"] for a in _soup(app, "chapter.html").select("a.edition-download")]
    assert hrefs == [
        "downloads/book-2026.pdf",
        "downloads/book-2026.epub",
        "downloads/book-2026.bib",
    ]


def test_bad_formats_are_located_warnings(make_app: Any, rootdir: Any) -> None:
    app = _build(make_app, rootdir, "alabaster", edition_downloads=["pdf", "docx", "pdf", "ris"])
    warnings = app.warning.getvalue()
    assert re.search(
        r"conf\.py:\d+: WARNING: edition_downloads: unknown format 'docx'; expected one of "
        r"pdf, epub, tei, bib, ris, json \[edition\.downloads\]",
        warnings,
    ), warnings
    assert re.search(r"conf\.py:\d+: WARNING: edition_downloads: 'pdf' is listed twice", warnings)
    # The valid formats are kept, once each.
    assert app.config.edition_downloads == ["pdf", "ris"]
    links = _soup(app, "chapter.html").select("a.edition-download")
    assert [a.get_text() for a in links] == ["PDF", "RIS"]


def test_a_value_that_is_not_a_list_is_a_located_warning(make_app: Any, rootdir: Any) -> None:
    app = _build(make_app, rootdir, "alabaster", edition_downloads={"pdf": True})
    warnings = app.warning.getvalue()
    assert re.search(
        r"conf\.py:\d+: WARNING: edition_downloads must be a list of formats.*not dict; no "
        r"download link is shown \[edition\.downloads\]",
        warnings,
    ), warnings
    assert "has type" not in warnings, "Sphinx's own, unlocated, type warning is not repeated"
    assert _soup(app, "chapter.html").select_one(".edition-downloads") is None


@pytest.mark.sphinx("epub", testroot="anytheme", freshenv=True)
def test_the_epub_has_no_download_links(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "chapter.xhtml").read_text(encoding="utf-8")
    assert "edition-download" not in text
    assert "reader.js" not in text


def test_download_basename() -> None:
    def config(**values: Any) -> Any:
        defaults = {"edition_download_basename": "", "epub_basename": "", "project": "P"}
        return SimpleNamespace(**{**defaults, **values})

    assert download_basename(config(edition_download_basename="a", epub_basename="b")) == "a"
    assert download_basename(config(epub_basename="b")) == "b"
    assert download_basename(config(project="Dynamics of US–Russia Relations")) == (
        "dynamics-of-us-russia-relations"
    )
    assert download_basename(config(project="Économie d’État")) == "economie-d-etat"
    assert download_basename(config(project="???")) == "book"
    assert slug("  Two  words ") == "two-words"

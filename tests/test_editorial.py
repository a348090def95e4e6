"""The ``editorial`` directive: numbered through the book, alike in every format."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@pytest.mark.sphinx("html", testroot="editorial")
def test_html_numbers_in_reading_order(app: Sphinx) -> None:
    app.build()
    labels = []
    for doc in ("chapter1", "chapter2"):
        soup = BeautifulSoup((app.outdir / f"{doc}.html").read_text("utf-8"), "html.parser")
        for aside in soup.select("aside.edition-editorial"):
            assert aside["role"] == "note"
            assert aside["aria-label"] == aside.select_one(".admonition-title").get_text()
            labels.append((aside["id"], aside["aria-label"]))
    assert labels == [
        ("yeltsin-approval", "Editorial note E1"),
        ("editorial-chapter1-2", "Editorial note E2"),
        ("editorial-chapter2-1", "Editorial note E3"),
    ]
    page = (app.outdir / "chapter1.html").read_text("utf-8")
    # the body is parsed as markup, and the reading is printed
    assert "<em>approved</em>" in page
    assert "‘gives his official approval’ — <em>read:</em> ‘acquiesces’" in page


@pytest.mark.sphinx("latex", testroot="editorial")
def test_latex_ruled_block_not_a_float(app: Sphinx) -> None:
    app.build()
    tex = (app.outdir / "editorial.tex").read_text("utf-8")
    blocks = re.findall(r"\\begin\{sphinxadmonition\}\{note\}\{(Editorial note E\d)\}", tex)
    assert blocks == ["Editorial note E1", "Editorial note E2", "Editorial note E3"]
    assert r"\label{\detokenize{chapter1:yeltsin-approval}}" in tex


@pytest.mark.sphinx("text", testroot="editorial")
def test_text_plain(app: Sphinx) -> None:
    app.build()
    text = (app.outdir / "chapter2.txt").read_text("utf-8")
    assert "Editorial note E3:\n\n   *As delivered:* ‘2000’ — *read:* ‘1994’" in text


@pytest.mark.sphinx("epub", testroot="editorial")
def test_epub_aside(app: Sphinx) -> None:
    app.build()
    page = (app.outdir / "chapter2.xhtml").read_text("utf-8")
    assert 'aria-label="Editorial note E3"' in page
    assert 'role="note"' in page


@pytest.mark.sphinx("html", testroot="editorial-bad")
def test_bad_input_is_located(app: Sphinx) -> None:
    app.build()
    warnings = app.warning.getvalue()
    index, other = app.srcdir / "index.md", app.srcdir / "other.md"
    assert re.search(rf"{index}:\d+: WARNING: editorial note without text", warnings)
    assert re.search(rf"{index}:\d+: WARNING: editorial :sic: is empty", warnings)
    assert re.search(
        rf"{index}:\d+: WARNING: editorial :id: 'not an id!' is not a valid id", warnings
    )
    assert re.search(rf"{other}:\d+: WARNING: duplicate editorial id 'twice'", warnings)
    assert warnings.count("[edition.editorial]") == 4
    # nothing is dropped: every note is printed, with its number
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    assert [a["aria-label"] for a in soup.select("aside.edition-editorial")] == [
        "Editorial note E1",
        "Editorial note E2",
        "Editorial note E3",
    ]

"""The page's contents: the headings made after reading (the "Notes" section) listed under
the section that holds them, as Sphinx's writer renders a contents' entry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from lxml import html

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.testing.util import SphinxTestApp


def _contents(app: SphinxTestApp) -> dict[str, Any]:
    """The rendered contents of each page, as the theme gets them."""
    found: dict[str, Any] = {}

    def keep(
        app: Sphinx, pagename: str, template: str, context: dict[str, Any], doctree: nodes.document
    ) -> None:
        if "toc" in context:
            found[pagename] = html.fragment_fromstring(str(context["toc"]), create_parent="div")

    app.connect("html-page-context", keep, priority=999)
    app.build()
    return found


@pytest.mark.sphinx("html", testroot="contents", freshenv=True)
def test_notes_listed_last_under_the_page(app: SphinxTestApp) -> None:
    """A page with sections lists "Notes" after them; a page without lists it under its
    title; each entry links to the heading of the page's notes."""
    contents = _contents(app)
    chapter = contents["sections"]
    assert [a.text_content() for a in chapter.iter("a")] == [
        "A chapter",
        "One section",
        "Another section",
        "A subsection",
        "Notes",
    ]
    top = chapter.find("ul/li")
    assert top is not None and [li.find("a").text for li in top.findall("ul/li")] == [
        "One section",
        "Another section",
        "Notes",
    ]
    index = contents["index"]
    assert [a.text_content() for a in index.iter("a")] == ["Contents test", "Notes"]
    for page, toc in (("sections", chapter), ("index", index)):
        href = toc.findall(".//a")[-1].get("href")
        written = html.parse(str(app.outdir / f"{page}.html"))
        assert (
            written.xpath(f"//section[@id='{href[1:]}']/h2")[0].text_content().startswith("Notes")
        )


@pytest.mark.sphinx("html", testroot="contents", freshenv=True)
def test_a_page_without_notes_keeps_its_contents(app: SphinxTestApp) -> None:
    contents = _contents(app)
    assert [a.text_content() for a in contents["plain"].iter("a")] == [
        "A page without notes",
        "Its section",
    ]

"""The page's contents: the "Notes" entry added without rendering the contents again."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx_edition.reader import _toc_item, _with_entry

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def _entry(anchor: str, text: str, *subsections: nodes.list_item) -> nodes.list_item:
    item = _toc_item(anchor, text)
    if subsections:
        item += nodes.bullet_list("", *subsections)
    return item


def _render(app: SphinxTestApp, toc: nodes.bullet_list) -> str:
    return str(app.builder.render_partial(toc.deepcopy())["fragment"])  # type: ignore[attr-defined]


@pytest.mark.parametrize("subsections", [0, 1, 3])
@pytest.mark.sphinx("html", testroot="reader")
def test_notes_entry_as_the_writer_renders_it(app: SphinxTestApp, subsections: int) -> None:
    """The edited contents are what Sphinx's writer gives for the contents with the entry
    added as a node: the page with no subsection, and with some."""
    subs = [_entry(f"s{n}", f"Section {n}") for n in range(subsections)]
    toc = nodes.bullet_list("", _entry("", "Chapter", *subs))
    with_notes = toc.deepcopy()
    top = with_notes[0]
    if not subsections:
        top += nodes.bullet_list()
    top[-1] += _toc_item("notes", "Notes")
    assert _with_entry(_render(app, toc), "notes", "Notes") == _render(app, with_notes)


@pytest.mark.sphinx("html", testroot="reader")
def test_other_contents_are_rendered_again(app: SphinxTestApp) -> None:
    """Two top entries, or words the writer would escape: no edit (the caller renders)."""
    two = nodes.bullet_list("", _entry("", "One"), _entry("two", "Two"))
    assert _with_entry(_render(app, two), "notes", "Notes") is None
    one = nodes.bullet_list("", _entry("", "One"))
    assert _with_entry(_render(app, one), "notes", "Notes & more") is None
    assert _with_entry(_render(app, one), 'no"tes', "Notes") is None
    assert isinstance(one[0][0], addnodes.compact_paragraph)

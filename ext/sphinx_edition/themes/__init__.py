"""Themes: the ``theme`` directive and role, and the ``themeindex`` directive.

Data flows one way:

1. ``{theme}`` (role) and ``:::{theme}`` (directive) put a :class:`theme_chips` node
   where the chips will be shown; the directive wraps its passage in a container.
2. A read transform (:class:`AnnotatePassages`) — once sections and their periods are in
   place — gives every tagged passage a stable anchor carrying its excerpt, section and
   period; the domain records it as a :class:`~sphinx_edition.domain.PassageInfo`.
3. ``themeindex`` leaves a :class:`themeindex` placeholder; the domain records where its
   theme entries will be (so ``{edition:theme}`` resolves).
4. At ``doctree-resolved`` the chips become links to the theme entries, and every
   placeholder becomes generic docutils nodes (rubrics, lists, a table) built from the
   passages of the whole book in reading order (a read-only view of the domain).
5. Visitors: chips are discreet in HTML, a quiet small-caps note in LaTeX, and
   ``[Themes: …]`` in plain text; links into the book also carry a page reference in
   LaTeX (:class:`theme_pageref`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.nodes import skip_node, theme_chips, themeindex
from sphinx_edition.themes.index import ThemeIndexDirective, changed_pages, render_themes
from sphinx_edition.themes.passages import (
    PASSAGE_CLASS,
    PASSAGE_THEMES,
    AnnotatePassages,
    ThemeDirective,
    ThemeRole,
    depart_chips_html,
    depart_chips_latex,
    depart_chips_text,
    make_excerpt,
    passage_text,
    split_ids,
    theme_pageref,
    visit_chips_html,
    visit_chips_latex,
    visit_chips_text,
    visit_pageref_latex,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_themes(app: Sphinx) -> None:
    """Register the ``theme`` directive and role, ``themeindex`` and their renderers."""
    app.add_node(
        theme_chips,
        html=(visit_chips_html, depart_chips_html),
        latex=(visit_chips_latex, depart_chips_latex),
        text=(visit_chips_text, depart_chips_text),
    )
    app.add_node(
        theme_pageref,
        html=(skip_node, None),
        latex=(visit_pageref_latex, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(themeindex)
    app.add_directive("theme", ThemeDirective)
    app.add_role("theme", ThemeRole())
    app.add_directive("themeindex", ThemeIndexDirective)
    app.add_transform(AnnotatePassages)
    app.connect("doctree-resolved", render_themes)
    app.connect("env-get-updated", changed_pages)


__all__ = [
    "PASSAGE_CLASS",
    "PASSAGE_THEMES",
    "ThemeDirective",
    "ThemeIndexDirective",
    "ThemeRole",
    "make_excerpt",
    "passage_text",
    "setup_themes",
    "split_ids",
    "theme_chips",
    "theme_pageref",
    "themeindex",
]

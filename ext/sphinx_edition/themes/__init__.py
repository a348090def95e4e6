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

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinx_edition.config import theme_specs
from sphinx_edition.nodes import add_node, theme_chips, themeindex
from sphinx_edition.records import (
    PassageInfo,
    ThemeTarget,
    passages_of,
    theme_targets_of,
)
from sphinx_edition.registry import (
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.themes.index import ThemeIndexDirective, render_themes, theme_signatures
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
from sphinx_edition.view import THEME_SPECS

_ = get_translation("edition")

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.view import BookView

#: Tagged passages, read from their anchors.
PASSAGES = RecordKind("passages", (nodes.target,), passages_of, PassageInfo)
#: Where the thematic indexes put each theme's entry; ``{edition:theme}`` resolves to it.
THEME_TARGETS = RecordKind(
    "theme_targets",
    (themeindex,),
    theme_targets_of,
    ThemeTarget,
    collects="themeindex",
    object_type="theme",
    label=_("theme"),
)


def _theme_specs(app: Sphinx, env: BuildEnvironment, view: BookView) -> Mapping[str, ThemeSpec]:
    # The configuration checked at config-inited, parsed once for the whole build.
    return MappingProxyType(theme_specs(app.config))


def setup_themes(app: Sphinx) -> None:
    """Register the ``theme`` directive and role, ``themeindex`` and their renderers."""
    add_node(
        app,
        theme_chips,
        html=(visit_chips_html, depart_chips_html),
        latex=(visit_chips_latex, depart_chips_latex),
        text=(visit_chips_text, depart_chips_text),
    )
    add_node(app, theme_pageref, latex=(visit_pageref_latex, None))
    app.add_node(themeindex)
    add_record_kind(app, PASSAGES)
    add_record_kind(app, THEME_TARGETS)
    add_compute_step(app, ComputeStep(THEME_SPECS, _theme_specs))
    add_page_signature(app, PageSignature("themes", theme_signatures))
    app.add_directive("theme", ThemeDirective)
    app.add_role("theme", ThemeRole())
    app.add_directive("themeindex", ThemeIndexDirective)
    app.add_transform(AnnotatePassages)
    app.connect("doctree-resolved", render_themes)


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

"""The ``timeline`` directive: every period and event of the book on one time axis.

Data flow, one module per step:

* :mod:`.directive` — the directive leaves a placeholder; at ``doctree-resolved`` the
  renderer reads the domain and puts the figure and its table in its place;
* :mod:`.layout` — pure geometry: bars, markers, the barometer's bands, year ticks;
* :mod:`.svg` and :mod:`.tikz` — the same layout written for HTML/ePub and for LaTeX.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.nodes import pass_node, skip_node
from sphinx_edition.timeline.directive import (
    TimelineDirective,
    TimelineRenderer,
    changed_pages,
    render_timelines,
    timeline,
    timeline_figure,
)
from sphinx_edition.timeline.layout import (
    AXIS,
    BAR,
    BAROMETER,
    EVENT_R,
    GUTTER,
    RIGHT,
    WIDTH,
    Bar,
    Entry,
    Figure,
    Label,
    Marker,
    Segment,
    layout,
)
from sphinx_edition.timeline.svg import render_svg, visit_figure_html
from sphinx_edition.timeline.tikz import render_tikz, visit_figure_latex

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "AXIS",
    "BAR",
    "BAROMETER",
    "EVENT_R",
    "GUTTER",
    "RIGHT",
    "WIDTH",
    "Bar",
    "Entry",
    "Figure",
    "Label",
    "Marker",
    "Segment",
    "TimelineDirective",
    "TimelineRenderer",
    "layout",
    "render_svg",
    "render_tikz",
    "render_timelines",
    "setup_timeline",
    "timeline",
    "timeline_figure",
]


def add_tikz(app: Sphinx) -> None:
    """``builder-inited``: LaTeX draws the figure with TikZ; other builders need no package."""
    if app.builder.format == "latex":
        app.add_latex_package("tikz")


def setup_timeline(app: Sphinx) -> None:
    """Register the directive, its nodes and their visitors, and the renderer."""
    app.add_node(timeline)
    app.add_node(
        timeline_figure,
        html=(visit_figure_html, pass_node),
        latex=(visit_figure_latex, pass_node),
        # The table that follows the figure carries the same data in these formats.
        text=(skip_node, pass_node),
        man=(skip_node, pass_node),
        texinfo=(skip_node, pass_node),
    )
    app.add_directive("timeline", TimelineDirective)
    app.connect("doctree-resolved", render_timelines)
    app.connect("env-get-updated", changed_pages)
    app.connect("builder-inited", add_tikz)

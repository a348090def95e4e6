"""The ``timeline`` directive: every period and event of the book on one time axis.

Data flow, one module per step:

* :mod:`.directive` — the directive leaves a placeholder; at ``doctree-resolved`` the
  renderer reads the domain and puts the figure and its table in its place;
* :mod:`.layout` — pure geometry: bars, markers, the barometer's bands, year ticks;
* :mod:`.paint` — one walk over the laid-out figure, handing each element to a painter;
* :mod:`.svg` and :mod:`.tikz` — the painters that write it for HTML/ePub and for LaTeX.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_edition.nodes import add_node, pass_node, skip_node
from sphinx_edition.registry import (
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.timeline.directive import (
    TimelineDirective,
    TimelineRenderer,
    render_timelines,
    timeline,
    timeline_figure,
    timeline_place,
    timeline_signatures,
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
from sphinx_edition.timeline.paint import Painter, paint
from sphinx_edition.timeline.svg import SvgPainter, render_svg, visit_figure_html
from sphinx_edition.timeline.tikz import TikzPainter, render_tikz, visit_figure_latex
from sphinx_edition.view import TIMELINE

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "AXIS",
    "BAR",
    "BAROMETER",
    "EVENT_R",
    "GUTTER",
    "RIGHT",
    "TIMELINES",
    "WIDTH",
    "Bar",
    "Entry",
    "Figure",
    "Label",
    "Marker",
    "Painter",
    "Segment",
    "SvgPainter",
    "TikzPainter",
    "TimelineDirective",
    "TimelineRenderer",
    "layout",
    "paint",
    "render_svg",
    "render_tikz",
    "render_timelines",
    "setup_timeline",
    "timeline",
    "timeline_figure",
]


#: A document with a ``timeline`` collects every period and event.
TIMELINES = RecordKind("timelines", (timeline,), collects="timeline")


def setup_timeline(app: Sphinx) -> None:
    """Register the directive, its nodes and their visitors, and the renderer."""
    app.add_node(timeline)
    add_node(
        app,
        timeline_figure,
        # The table that follows the figure carries the same data in other formats.
        (skip_node, pass_node),
        html=(visit_figure_html, pass_node),
        latex=(visit_figure_latex, pass_node),
    )
    app.add_directive("timeline", TimelineDirective)
    add_record_kind(app, TIMELINES)
    add_compute_step(app, ComputeStep(TIMELINE, timeline_place, after=("reading-order",)))
    add_page_signature(app, PageSignature("timeline", timeline_signatures))
    app.connect("doctree-resolved", render_timelines)
    # LaTeX draws the figure with TikZ (a package only LaTeX builders load).
    app.add_latex_package("tikz")

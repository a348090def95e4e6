"""The ``timeline`` directive: every period and event of the book on one time axis."""

from __future__ import annotations

from sphinx_edition.timeline.directive import (
    EVENT_R,
    GUTTER,
    RIGHT,
    WIDTH,
    Bar,
    Entry,
    TimelineDirective,
    layout,
    render_svg,
    setup_timeline,
    timeline,
)

__all__ = [
    "EVENT_R",
    "GUTTER",
    "RIGHT",
    "WIDTH",
    "Bar",
    "Entry",
    "TimelineDirective",
    "layout",
    "render_svg",
    "setup_timeline",
    "timeline",
]

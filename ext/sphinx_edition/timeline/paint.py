"""One walk over a laid-out figure, for every format: :func:`paint` visits each element of a
:class:`~.layout.Figure` in drawing order and hands it to a :class:`Painter`.

The painters (:class:`~.svg.SvgPainter`, :class:`~.tikz.TikzPainter`) only write the element
they are given in their format, and escape every text in it for that format; what is drawn,
and in which order, is decided here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sphinx_edition.timeline.layout import Bar, Figure, Label, Marker, Segment


class Painter(Protocol):
    """What a format must draw of a figure; :func:`paint` calls these in drawing order."""

    def start(self, figure: Figure) -> None:
        """Open the picture: its size and, where the format has them, title and description."""

    def grid_line(self, tick: Label, top: float, bottom: float) -> None:
        """A year's vertical line across the figure, from *top* to *bottom*."""

    def lane(self, label: Label) -> None:
        """The name of a lane (periods, sub-periods, events, a barometer level) in the gutter."""

    def period(self, bar: Bar) -> None:
        """A period's bar and its title, linked to the period."""

    def axis(self, y: float) -> None:
        """The time axis, a horizontal line at *y*."""

    def tick(self, tick: Label, axis_y: float) -> None:
        """A year's tick below the axis at *axis_y*, and the year under it."""

    def event(self, marker: Marker) -> None:
        """An event's numbered marker, linked to the event."""

    def barometer_title(self, title: Label) -> None:
        """The heading of the relations barometer."""

    def band(self, segment: Segment) -> None:
        """A band of the barometer: one climate over a stretch of time."""

    def barometer_line(self, mid: float) -> None:
        """The barometer's neutral line at *mid*."""

    def dot(self, dot: Marker) -> None:
        """An event's dot on the barometer, at the level of its climate."""

    def finish(self) -> str:
        """Close the picture and return it as text."""


def paint(figure: Figure, painter: Painter) -> str:
    """*figure* drawn by *painter*: every element once, in the order the formats draw it."""
    painter.start(figure)
    for tick in figure.grid:
        painter.grid_line(tick, figure.grid_top, figure.grid_bottom)
    for label in figure.lanes:
        painter.lane(label)
    for bar in figure.bars:
        painter.period(bar)
    painter.axis(figure.axis_y)
    for tick in figure.grid:
        painter.tick(tick, figure.axis_y)
    for marker in figure.markers:
        painter.event(marker)
    painter.barometer_title(figure.barometer_title)
    for segment in figure.segments:
        painter.band(segment)
    painter.barometer_line(figure.barometer_mid)
    for dot in figure.dots:
        painter.dot(dot)
    return painter.finish()

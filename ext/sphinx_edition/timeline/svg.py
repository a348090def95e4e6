"""The timeline figure as inline SVG, for HTML and ePub (valid in HTML5 and in XHTML)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_edition.timeline.layout import (
    BAR,
    COLOURS,
    DOT_R,
    EVENT_R,
    GUTTER,
    RIGHT,
    WIDTH,
    coord,
)
from sphinx_edition.timeline.paint import paint

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_edition.timeline.layout import Bar, Figure, Label, Marker, Segment

#: How a climate's outline is dashed (solid when not named).
DASHES = {"tension": "5 3", "mixed": "2 2"}

#: The figure's groups in drawing order, each with its opening tag.
GROUPS = {
    "grid": '<g class="edition-tl-grid" stroke="currentColor" stroke-opacity="0.18">',
    "lanes": '<g class="edition-tl-lanes" text-anchor="end" font-size="11">',
    "periods": '<g class="edition-tl-periods">',
    "axis": '<g class="edition-tl-axis" stroke="currentColor">',
    "years": '<g class="edition-tl-years" text-anchor="middle" font-size="11">',
    "events": '<g class="edition-tl-events" text-anchor="middle" font-size="10">',
    "barometer": '<g class="edition-tl-barometer">',
}


def _climate_attrs(climate: str, fill_opacity: str) -> str:
    colour = COLOURS.get(climate, COLOURS[""])
    dash = DASHES.get(climate)
    attrs = f'fill="{colour}" fill-opacity="{fill_opacity}" stroke="{colour}"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    return attrs


class SvgPainter:
    """A :class:`~.paint.Painter` writing inline SVG; every text is escaped for XML.

    Elements arrive in drawing order but go to their group: a year's tick and its label
    arrive together and belong to the axis and to the years.
    """

    def __init__(self) -> None:
        self._head: list[str] = []
        self._groups = {name: [tag] for name, tag in GROUPS.items()}

    def start(self, figure: Figure) -> None:
        """The ``svg`` element, its title and its description."""
        self._head = [
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'class="edition-timeline-svg" viewBox="0 0 {WIDTH} {coord(figure.height)}" '
            'font-size="12" fill="currentColor">',
            f"<title>{escape(figure.title)}</title>",
            f"<desc>{escape(figure.description)}</desc>",
        ]

    def grid_line(self, tick: Label, top: float, bottom: float) -> None:
        """A year's line across the figure."""
        self._groups["grid"].append(
            f'<line x1="{coord(tick.x)}" y1="{coord(top)}" x2="{coord(tick.x)}" '
            f'y2="{coord(bottom)}"/>'
        )

    def lane(self, label: Label) -> None:
        """A lane's name, right-aligned in the gutter."""
        self._groups["lanes"].append(_text(label))

    def period(self, bar: Bar) -> None:
        """A period's bar and title in one link, with the period's tooltip."""
        anchor = ' text-anchor="end"' if bar.label_end else ""
        self._groups["periods"].append(
            f'<a xlink:href="{escape(bar.href)}" class="edition-tl-period">'
            f"<title>{escape(bar.tooltip)}</title>"
            f'<rect class="edition-tl-bar edition-climate-{bar.climate or "unknown"}" '
            f'x="{coord(bar.x0)}" y="{coord(bar.lane_y)}" width="{coord(bar.x1 - bar.x0)}" '
            f'height="{BAR}" rx="3" {_climate_attrs(bar.climate, "0.25")}/>'
            f'<text class="edition-tl-label" x="{coord(bar.label_x)}" '
            f'y="{coord(bar.lane_y + BAR / 2 + 4)}"{anchor}>{escape(bar.title)}</text></a>'
        )

    def axis(self, y: float) -> None:
        """The axis line, on the line of its group's opening tag."""
        self._groups["axis"][0] += (
            f'<line x1="{GUTTER}" y1="{coord(y)}" x2="{WIDTH - RIGHT}" y2="{coord(y)}"/>'
        )

    def tick(self, tick: Label, axis_y: float) -> None:
        """A year's tick in the axis's group, the year in the years' group."""
        self._groups["axis"].append(
            f'<line x1="{coord(tick.x)}" y1="{coord(axis_y)}" x2="{coord(tick.x)}" '
            f'y2="{coord(axis_y + 5)}"/>'
        )
        self._groups["years"].append(_text(tick))

    def event(self, marker: Marker) -> None:
        """An event's numbered circle in one link, with the event's tooltip."""
        self._groups["events"].append(
            f'<a xlink:href="{escape(marker.href)}" class="edition-tl-event">'
            f"<title>{escape(marker.tooltip)}</title>"
            f'<circle class="edition-tl-marker edition-climate-{marker.climate or "unknown"}" '
            f'cx="{coord(marker.x)}" cy="{coord(marker.y)}" r="{EVENT_R}" '
            f"{_climate_attrs(marker.climate, '0.2')}/>"
            f'<text x="{coord(marker.x)}" y="{coord(marker.y + 3.5)}">{marker.number}</text></a>'
        )

    def barometer_title(self, title: Label) -> None:
        """The barometer's heading in bold, on the line of its group's opening tag."""
        self._groups["barometer"][0] += (
            f'<text class="edition-tl-barometer-title" x="{coord(title.x)}" '
            f'y="{coord(title.y)}" font-weight="bold">{escape(title.text)}</text>'
        )

    def band(self, segment: Segment) -> None:
        """A barometer band as a rectangle in its climate's colour."""
        self._groups["barometer"].append(
            f'<rect class="edition-tl-climate edition-climate-{segment.climate}" '
            f'x="{coord(segment.x0)}" y="{coord(segment.top)}" '
            f'width="{coord(segment.x1 - segment.x0)}" '
            f'height="{coord(segment.bottom - segment.top)}" '
            f"{_climate_attrs(segment.climate, '0.45')}/>"
        )

    def barometer_line(self, mid: float) -> None:
        """The barometer's neutral line."""
        self._groups["barometer"].append(
            f'<line x1="{GUTTER}" y1="{coord(mid)}" x2="{WIDTH - RIGHT}" y2="{coord(mid)}" '
            'stroke="currentColor"/>'
        )

    def dot(self, dot: Marker) -> None:
        """An event's dot on the barometer, with the event's tooltip."""
        self._groups["barometer"].append(
            f'<circle class="edition-tl-dot edition-climate-{dot.climate}" cx="{coord(dot.x)}" '
            f'cy="{coord(dot.y)}" r="{DOT_R}" {_climate_attrs(dot.climate, "0.9")}>'
            f"<title>{escape(dot.tooltip)}</title></circle>"
        )

    def finish(self) -> str:
        """The ``svg`` element with its groups in drawing order, each closed."""
        out = list(self._head)
        for group in self._groups.values():
            out += [*group, "</g>"]
        return "\n".join(out) + "</svg>"


def _text(label: Label) -> str:
    return f'<text x="{coord(label.x)}" y="{coord(label.y)}">{escape(label.text)}</text>'


def render_svg(figure: Figure) -> str:
    """The figure as inline SVG (valid in HTML5 and in ePub's XHTML)."""
    return paint(figure, SvgPainter())


def visit_figure_html(self: HTML5Translator, node: nodes.Element) -> None:
    """HTML and ePub: the figure, scrollable on narrow screens, with its caption."""
    self.body.append(self.starttag(node, "figure", CLASS="edition-timeline-figure"))
    self.body.append('<div class="edition-timeline-scroll">\n')
    self.body.append(render_svg(node["layout"]))
    self.body.append("\n</div>\n<figcaption>")
    self.body.append(self.encode(node["caption"]))
    self.body.append("</figcaption>\n</figure>\n")
    raise nodes.SkipNode

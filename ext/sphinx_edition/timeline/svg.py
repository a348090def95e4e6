"""The timeline figure as inline SVG, for HTML and ePub (valid in HTML5 and in XHTML)."""

from __future__ import annotations

import html
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
    Figure,
    coord,
)

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

DASHES = {"tension": "5 3", "mixed": "2 2"}


def _climate_attrs(climate: str, fill_opacity: str) -> str:
    colour = COLOURS.get(climate, COLOURS[""])
    dash = DASHES.get(climate)
    attrs = f'fill="{colour}" fill-opacity="{fill_opacity}" stroke="{colour}"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    return attrs


def render_svg(figure: Figure) -> str:
    """The figure as inline SVG (valid in HTML5 and in ePub's XHTML)."""
    e = html.escape
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'class="edition-timeline-svg" viewBox="0 0 {WIDTH} {coord(figure.height)}" '
        'font-size="12" fill="currentColor">',
        f"<title>{e(figure.title)}</title>",
        f"<desc>{e(figure.description)}</desc>",
        '<g class="edition-tl-grid" stroke="currentColor" stroke-opacity="0.18">',
    ]
    for tick in figure.grid:
        out.append(
            f'<line x1="{coord(tick.x)}" y1="{coord(figure.grid_top)}" x2="{coord(tick.x)}" '
            f'y2="{coord(figure.grid_bottom)}"/>'
        )
    out.append("</g>")
    out.append('<g class="edition-tl-lanes" text-anchor="end" font-size="11">')
    out += [f'<text x="{coord(t.x)}" y="{coord(t.y)}">{e(t.text)}</text>' for t in figure.lanes]
    out.append("</g>")
    out.append('<g class="edition-tl-periods">')
    for bar in figure.bars:
        anchor = ' text-anchor="end"' if bar.label_end else ""
        out.append(
            f'<a xlink:href="{e(bar.href)}" class="edition-tl-period">'
            f"<title>{e(bar.tooltip)}</title>"
            f'<rect class="edition-tl-bar edition-climate-{bar.climate or "unknown"}" '
            f'x="{coord(bar.x0)}" y="{coord(bar.lane_y)}" width="{coord(bar.x1 - bar.x0)}" '
            f'height="{BAR}" rx="3" {_climate_attrs(bar.climate, "0.25")}/>'
            f'<text class="edition-tl-label" x="{coord(bar.label_x)}" '
            f'y="{coord(bar.lane_y + BAR / 2 + 4)}"{anchor}>{e(bar.title)}</text></a>'
        )
    out.append("</g>")
    axis_y = coord(figure.axis_y)
    out.append(
        f'<g class="edition-tl-axis" stroke="currentColor"><line x1="{GUTTER}" y1="{axis_y}" '
        f'x2="{WIDTH - RIGHT}" y2="{axis_y}"/>'
    )
    for tick in figure.grid:
        out.append(
            f'<line x1="{coord(tick.x)}" y1="{axis_y}" x2="{coord(tick.x)}" '
            f'y2="{coord(figure.axis_y + 5)}"/>'
        )
    out.append("</g>")
    out.append('<g class="edition-tl-years" text-anchor="middle" font-size="11">')
    out += [f'<text x="{coord(t.x)}" y="{coord(t.y)}">{t.text}</text>' for t in figure.grid]
    out.append("</g>")
    out.append('<g class="edition-tl-events" text-anchor="middle" font-size="10">')
    for marker in figure.markers:
        out.append(
            f'<a xlink:href="{e(marker.href)}" class="edition-tl-event">'
            f"<title>{e(marker.tooltip)}</title>"
            f'<circle class="edition-tl-marker edition-climate-{marker.climate or "unknown"}" '
            f'cx="{coord(marker.x)}" cy="{coord(marker.y)}" r="{EVENT_R}" '
            f"{_climate_attrs(marker.climate, '0.2')}/>"
            f'<text x="{coord(marker.x)}" y="{coord(marker.y + 3.5)}">{marker.number}</text></a>'
        )
    out.append("</g>")
    title = figure.barometer_title
    mid = figure.barometer_mid
    out.append(
        f'<g class="edition-tl-barometer"><text class="edition-tl-barometer-title" '
        f'x="{coord(title.x)}" y="{coord(title.y)}" font-weight="bold">{e(title.text)}</text>'
    )
    for seg in figure.segments:
        out.append(
            f'<rect class="edition-tl-climate edition-climate-{seg.climate}" '
            f'x="{coord(seg.x0)}" y="{coord(seg.top)}" width="{coord(seg.x1 - seg.x0)}" '
            f'height="{coord(seg.bottom - seg.top)}" {_climate_attrs(seg.climate, "0.45")}/>'
        )
    out.append(
        f'<line x1="{GUTTER}" y1="{coord(mid)}" x2="{WIDTH - RIGHT}" y2="{coord(mid)}" '
        'stroke="currentColor"/>'
    )
    for dot in figure.dots:
        out.append(
            f'<circle class="edition-tl-dot edition-climate-{dot.climate}" cx="{coord(dot.x)}" '
            f'cy="{coord(dot.y)}" r="{DOT_R}" {_climate_attrs(dot.climate, "0.9")}>'
            f"<title>{e(dot.tooltip)}</title></circle>"
        )
    out.append("</g></svg>")
    return "\n".join(out)


def visit_figure_html(self: HTML5Translator, node: nodes.Element) -> None:
    """HTML and ePub: the figure, scrollable on narrow screens, with its caption."""
    self.body.append(self.starttag(node, "figure", CLASS="edition-timeline-figure"))
    self.body.append('<div class="edition-timeline-scroll">\n')
    self.body.append(render_svg(node["layout"]))
    self.body.append("\n</div>\n<figcaption>")
    self.body.append(self.encode(node["caption"]))
    self.body.append("</figcaption>\n</figure>\n")
    raise nodes.SkipNode

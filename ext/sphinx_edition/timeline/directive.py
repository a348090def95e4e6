"""The ``timeline`` directive: every period and event of the book on one time axis.

The directive leaves a placeholder and notes its document as a collector, so that the page is
re-written whenever a period or an event changes anywhere (see
:func:`edition.domain.env_get_updated`).  When the page is written, :class:`TimelineRenderer`
reads the domain in reading order and replaces the placeholder with

* a :class:`timeline_figure`: proportional axis, period bars (sub-periods on their own lanes),
  numbered event markers, and the *relations barometer* (the climate over time: cooperation
  above the line, tension below, mixed on it).  HTML and ePub get inline SVG, LaTeX gets TikZ,
  both drawn from the same :class:`Figure` layout;
* a table with the same data, which every builder writes (text output, screen readers).
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple
from urllib.parse import unquote

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.builders.epub3 import Epub3Builder
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id, make_refnode

from sphinx_edition.domain import EventInfo, PeriodInfo, get_domain, reading_order
from sphinx_edition.periods import (
    CLIMATES,
    TIMELINE_ANCHOR,
    climate_label,
    date_label,
    event_day,
    parse_date,
    period_depths,
    period_span,
    span_label,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

_ = get_translation("edition")
logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "static"

# Geometry of the figure, in SVG user units; TikZ maps the same width onto \linewidth.
WIDTH = 800
GUTTER = 100  # left margin for the lane labels
RIGHT = 16
AXIS = WIDTH - GUTTER - RIGHT
LANE = 24
BAR = 18
CHAR = 6.4  # average advance of a 12-unit sans-serif character, to fit labels
EVENT_LANE = 22
EVENT_R = 9
BAROMETER = 24  # height of a cooperation or tension block
COLOURS = {"cooperation": "#2e7d32", "tension": "#c62828", "mixed": "#8a6d00", "": "#757575"}
DASHES = {"tension": "5 3", "mixed": "2 2"}


class timeline(nodes.General, nodes.Element):  # type: ignore[misc]
    """Placeholder left by the ``timeline`` directive, replaced when the page is written."""


class timeline_figure(nodes.General, nodes.Element):  # type: ignore[misc]
    """The drawn timeline; ``layout`` holds a ``Figure``, ``caption`` its caption."""


# -- layout ---------------------------------------------------------------------------------


class Bar(NamedTuple):
    id: str
    title: str
    tooltip: str
    climate: str
    lane_y: float
    x0: float
    x1: float
    label_x: float
    label_end: bool  # label anchored at its end (placed left of the bar)
    href: str
    latex_id: str


class Marker(NamedTuple):
    number: int
    tooltip: str
    climate: str
    x: float
    y: float
    href: str
    latex_id: str


class Segment(NamedTuple):
    x0: float
    x1: float
    climate: str


class Label(NamedTuple):
    x: float
    y: float
    text: str


class Figure(NamedTuple):
    """Everything both renderers need, in SVG user units (y grows downwards)."""

    height: float
    title: str
    description: str
    grid: tuple[Label, ...]  # year ticks: x, label baseline y, year
    grid_top: float
    grid_bottom: float
    axis_y: float
    lanes: tuple[Label, ...]  # lane labels in the gutter
    bars: tuple[Bar, ...]
    markers: tuple[Marker, ...]
    barometer_title: Label
    barometer_mid: float
    segments: tuple[Segment, ...]
    dots: tuple[Marker, ...]


class Entry(NamedTuple):
    """One period or event on the timeline, with where it links to."""

    kind: str  # "period" | "event"
    id: str
    title: str
    first: date
    last: date
    climate: str
    depth: int
    parent_title: str
    actors: tuple[str, ...]
    dates: str
    href: str
    latex_id: str
    docname: str
    anchor: str


def _overlaps(extents: list[tuple[float, float]], lo: float, hi: float, gap: float) -> bool:
    return any(lo < b + gap and a < hi + gap for a, b in extents)


def _year_step(px_per_year: float) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100):
        if px_per_year * step >= 34:
            return step
    return 200


def layout(
    periods: list[Entry], events: list[Entry], window: tuple[date, date], numbers: dict[str, int]
) -> Figure:
    """Place bars, markers and the barometer on a proportional axis covering *window*."""
    lo, hi = window
    ax0, ax1 = date(lo.year, 1, 1), date(hi.year + 1, 1, 1)
    total = (ax1 - ax0).days

    def x_of(day: date) -> float:
        return GUTTER + AXIS * (day - ax0).days / total

    y = 8.0
    grid_top = y
    lane_labels: list[Label] = []
    bars: list[Bar] = []
    for depth in sorted({p.depth for p in periods}):
        lanes: list[list[tuple[float, float]]] = []
        placed: list[tuple[Entry, int, float, float, float, bool]] = []
        for entry in sorted((p for p in periods if p.depth == depth), key=lambda p: p.first):
            x0 = x_of(max(entry.first, lo))
            x1 = max(x_of(min(entry.last + timedelta(days=1), hi + timedelta(days=1))), x0 + 3)
            width = len(entry.title) * CHAR
            if width + 10 <= x1 - x0:
                label_x, end, extent = x0 + 5, False, (x0, x1)
            elif x1 + 4 + width <= WIDTH - 2:
                label_x, end, extent = x1 + 4, False, (x0, x1 + 4 + width)
            else:
                label_x, end, extent = x0 - 4, True, (x0 - 4 - width, x1)
            lane = next(
                (i for i, used in enumerate(lanes) if not _overlaps(used, *extent, 6)),
                len(lanes),
            )
            if lane == len(lanes):
                lanes.append([])
            lanes[lane].append(extent)
            placed.append((entry, lane, x0, x1, label_x, end))
        lane_label = _("Periods") if depth == 0 else _("Sub-periods")
        lane_labels.append(Label(GUTTER - 8, y + LANE / 2 + 4, str(lane_label)))
        for entry, lane, x0, x1, label_x, end in placed:
            bars.append(
                Bar(
                    id=entry.id,
                    title=entry.title,
                    tooltip=f"{entry.title}, {entry.dates}: {climate_label(entry.climate)}",
                    climate=entry.climate,
                    lane_y=y + lane * LANE + (LANE - BAR) / 2,
                    x0=x0,
                    x1=x1,
                    label_x=label_x,
                    label_end=end,
                    href=entry.href,
                    latex_id=entry.latex_id,
                )
            )
        y += len(lanes) * LANE
    y += 6
    axis_y = y
    years = ax1.year - ax0.year
    step = _year_step(AXIS / years)
    grid = tuple(
        Label(x_of(date(year, 1, 1)), axis_y + 16, str(year))
        for year in range(ax0.year, ax1.year + 1)
        if (year - ax0.year) % step == 0
    )
    y += 26

    markers: list[Marker] = []
    if events:
        lane_labels.append(Label(GUTTER - 8, y + EVENT_LANE / 2 + 4, str(_("Events"))))
        rows: list[list[float]] = []
        for entry in sorted(events, key=lambda e: numbers[e.id]):
            x = x_of(entry.first) + AXIS / total / 2
            row = next(
                (i for i, xs in enumerate(rows) if all(abs(x - o) >= 2 * EVENT_R + 2 for o in xs)),
                len(rows),
            )
            if row == len(rows):
                rows.append([])
            rows[row].append(x)
            markers.append(
                Marker(
                    number=numbers[entry.id],
                    tooltip=f"{numbers[entry.id]}. {entry.dates}: {entry.title} "
                    f"({climate_label(entry.climate)})",
                    climate=entry.climate,
                    x=x,
                    y=y + EVENT_LANE / 2 + row * EVENT_LANE,
                    href=entry.href,
                    latex_id=entry.latex_id,
                )
            )
        y += len(rows) * EVENT_LANE + 6

    barometer_title = Label(
        GUTTER, y + 14, str(_("Relations barometer: cooperation above the line, tension below"))
    )
    y += 22
    mid = y + BAROMETER + 10
    lane_labels += [
        Label(GUTTER - 8, mid - BAROMETER / 2 + 4, str(_("Cooperation"))),
        Label(GUTTER - 8, mid + 4, str(_("Mixed"))),
        Label(GUTTER - 8, mid + BAROMETER / 2 + 4, str(_("Tension"))),
    ]
    segments = _segments(periods, lo, hi, x_of)
    dots = tuple(
        m._replace(
            x=m.x,
            y=mid + {"cooperation": -(BAROMETER + 5), "tension": BAROMETER + 5}.get(m.climate, 0),
        )
        for m in markers
        if m.climate in CLIMATES
    )
    bottom = mid + BAROMETER + 10
    return Figure(
        height=bottom + 8,
        title="",
        description="",
        grid=grid,
        grid_top=grid_top,
        grid_bottom=bottom,
        axis_y=axis_y,
        lanes=tuple(lane_labels),
        bars=tuple(bars),
        markers=tuple(markers),
        barometer_title=barometer_title,
        barometer_mid=mid,
        segments=segments,
        dots=dots,
    )


def _segments(
    periods: list[Entry], lo: date, hi: date, x_of: Callable[[date], float]
) -> tuple[Segment, ...]:
    """The climate over time: in each interval, that of the innermost period covering it."""
    end = hi + timedelta(days=1)
    cuts = sorted(
        {lo, end}
        | {max(lo, p.first) for p in periods}
        | {min(end, p.last + timedelta(days=1)) for p in periods}
    )
    segments: list[Segment] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        covering = [p for p in periods if p.first <= a and p.last >= a and p.climate in CLIMATES]
        if not covering:
            continue
        inner = max(covering, key=lambda p: (p.depth, p.first))
        x0, x1 = x_of(a), x_of(b)
        if segments and segments[-1].climate == inner.climate and segments[-1].x1 == x0:
            segments[-1] = segments[-1]._replace(x1=x1)
        else:
            segments.append(Segment(x0, x1, inner.climate))
    return tuple(segments)


# -- SVG ------------------------------------------------------------------------------------


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


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
        f'class="edition-timeline-svg" viewBox="0 0 {WIDTH} {_f(figure.height)}" '
        'font-size="12" fill="currentColor">',
        f"<title>{e(figure.title)}</title>",
        f"<desc>{e(figure.description)}</desc>",
        '<g class="edition-tl-grid" stroke="currentColor" stroke-opacity="0.18">',
    ]
    for tick in figure.grid:
        out.append(
            f'<line x1="{_f(tick.x)}" y1="{_f(figure.grid_top)}" x2="{_f(tick.x)}" '
            f'y2="{_f(figure.grid_bottom)}"/>'
        )
    out.append("</g>")
    out.append('<g class="edition-tl-lanes" text-anchor="end" font-size="11">')
    out += [f'<text x="{_f(t.x)}" y="{_f(t.y)}">{e(t.text)}</text>' for t in figure.lanes]
    out.append("</g>")
    out.append('<g class="edition-tl-periods">')
    for bar in figure.bars:
        anchor = ' text-anchor="end"' if bar.label_end else ""
        out.append(
            f'<a xlink:href="{e(bar.href)}" class="edition-tl-period">'
            f"<title>{e(bar.tooltip)}</title>"
            f'<rect class="edition-tl-bar edition-climate-{bar.climate or "unknown"}" '
            f'x="{_f(bar.x0)}" y="{_f(bar.lane_y)}" width="{_f(bar.x1 - bar.x0)}" '
            f'height="{BAR}" rx="3" {_climate_attrs(bar.climate, "0.25")}/>'
            f'<text class="edition-tl-label" x="{_f(bar.label_x)}" '
            f'y="{_f(bar.lane_y + BAR / 2 + 4)}"{anchor}>{e(bar.title)}</text></a>'
        )
    out.append("</g>")
    axis_y = _f(figure.axis_y)
    out.append(
        f'<g class="edition-tl-axis" stroke="currentColor"><line x1="{GUTTER}" y1="{axis_y}" '
        f'x2="{WIDTH - RIGHT}" y2="{axis_y}"/>'
    )
    for tick in figure.grid:
        out.append(
            f'<line x1="{_f(tick.x)}" y1="{axis_y}" x2="{_f(tick.x)}" '
            f'y2="{_f(figure.axis_y + 5)}"/>'
        )
    out.append("</g>")
    out.append('<g class="edition-tl-years" text-anchor="middle" font-size="11">')
    out += [f'<text x="{_f(t.x)}" y="{_f(t.y)}">{t.text}</text>' for t in figure.grid]
    out.append("</g>")
    out.append('<g class="edition-tl-events" text-anchor="middle" font-size="10">')
    for marker in figure.markers:
        out.append(
            f'<a xlink:href="{e(marker.href)}" class="edition-tl-event">'
            f"<title>{e(marker.tooltip)}</title>"
            f'<circle class="edition-tl-marker edition-climate-{marker.climate or "unknown"}" '
            f'cx="{_f(marker.x)}" cy="{_f(marker.y)}" r="{EVENT_R}" '
            f"{_climate_attrs(marker.climate, '0.2')}/>"
            f'<text x="{_f(marker.x)}" y="{_f(marker.y + 3.5)}">{marker.number}</text></a>'
        )
    out.append("</g>")
    title = figure.barometer_title
    mid = figure.barometer_mid
    out.append(
        f'<g class="edition-tl-barometer"><text class="edition-tl-barometer-title" '
        f'x="{_f(title.x)}" y="{_f(title.y)}" font-weight="bold">{e(title.text)}</text>'
    )
    for seg in figure.segments:
        top, height = {
            "cooperation": (mid - BAROMETER, BAROMETER),
            "tension": (mid, BAROMETER),
        }.get(seg.climate, (mid - 3, 6))
        out.append(
            f'<rect class="edition-tl-climate edition-climate-{seg.climate}" '
            f'x="{_f(seg.x0)}" y="{_f(top)}" width="{_f(seg.x1 - seg.x0)}" '
            f'height="{_f(height)}" {_climate_attrs(seg.climate, "0.45")}/>'
        )
    out.append(
        f'<line x1="{GUTTER}" y1="{_f(mid)}" x2="{WIDTH - RIGHT}" y2="{_f(mid)}" '
        'stroke="currentColor"/>'
    )
    for dot in figure.dots:
        out.append(
            f'<circle class="edition-tl-dot edition-climate-{dot.climate}" cx="{_f(dot.x)}" '
            f'cy="{_f(dot.y)}" r="4" {_climate_attrs(dot.climate, "0.9")}>'
            f"<title>{e(dot.tooltip)}</title></circle>"
        )
    out.append("</g></svg>")
    return "\n".join(out)


# -- TikZ -----------------------------------------------------------------------------------


def render_tikz(figure: Figure, translator: LaTeXTranslator) -> str:
    """The same figure in TikZ; one SVG unit is 1/800 of the line width."""
    enc = translator.encode

    def link(latex_id: str, text: str) -> str:
        return translator.hyperlink(latex_id) + text + "}}"

    def fill(climate: str, amount: int) -> str:
        name = f"edition{climate or 'unknown'}"
        dash = {"tension": ", dashed", "mixed": ", dotted"}.get(climate, "")
        return f"fill={name}!{amount}, draw={name}{dash}"

    out = ["\n\\begingroup"]
    for climate in (*CLIMATES, ""):
        out.append(
            f"\\definecolor{{edition{climate or 'unknown'}}}{{HTML}}"
            f"{{{COLOURS[climate].lstrip('#').upper()}}}"
        )
    out.append("\\par\\medskip\\noindent")
    out.append(
        "\\begin{tikzpicture}[x=0.00125\\linewidth, y=-0.00125\\linewidth, "
        "every node/.style={font=\\sffamily\\scriptsize, inner sep=1pt}]"
    )
    for tick in figure.grid:
        out.append(
            f"\\draw[black!15] ({_f(tick.x)},{_f(figure.grid_top)}) -- "
            f"({_f(tick.x)},{_f(figure.grid_bottom)});"
        )
    for lane in figure.lanes:
        out.append(f"\\node[anchor=east] at ({_f(lane.x)},{_f(lane.y - 4)}) {{{enc(lane.text)}}};")
    for bar in figure.bars:
        out.append(
            f"\\filldraw[{fill(bar.climate, 25)}] ({_f(bar.x0)},{_f(bar.lane_y)}) rectangle "
            f"({_f(bar.x1)},{_f(bar.lane_y + BAR)});"
        )
        out.append(
            f"\\node[anchor={'east' if bar.label_end else 'west'}] at "
            f"({_f(bar.label_x)},{_f(bar.lane_y + BAR / 2)}) "
            f"{{{link(bar.latex_id, enc(bar.title))}}};"
        )
    axis_y = _f(figure.axis_y)
    out.append(f"\\draw ({GUTTER},{axis_y}) -- ({WIDTH - RIGHT},{axis_y});")
    for tick in figure.grid:
        out.append(f"\\draw ({_f(tick.x)},{axis_y}) -- ({_f(tick.x)},{_f(figure.axis_y + 5)});")
        out.append(
            f"\\node[anchor=north] at ({_f(tick.x)},{_f(figure.axis_y + 6)}) {{{tick.text}}};"
        )
    for marker in figure.markers:
        out.append(
            f"\\filldraw[{fill(marker.climate, 20)}] ({_f(marker.x)},{_f(marker.y)}) "
            f"circle[radius={EVENT_R}];"
        )
        out.append(
            f"\\node[font=\\sffamily\\tiny] at ({_f(marker.x)},{_f(marker.y)}) "
            f"{{{link(marker.latex_id, str(marker.number))}}};"
        )
    title = figure.barometer_title
    mid = figure.barometer_mid
    out.append(
        f"\\node[anchor=west] at ({_f(title.x)},{_f(title.y - 4)}) "
        f"{{\\textbf{{{enc(title.text)}}}}};"
    )
    for seg in figure.segments:
        top, bottom = {
            "cooperation": (mid - BAROMETER, mid),
            "tension": (mid, mid + BAROMETER),
        }.get(seg.climate, (mid - 3, mid + 3))
        out.append(
            f"\\filldraw[{fill(seg.climate, 45)}] ({_f(seg.x0)},{_f(top)}) rectangle "
            f"({_f(seg.x1)},{_f(bottom)});"
        )
    out.append(f"\\draw ({GUTTER},{_f(mid)}) -- ({WIDTH - RIGHT},{_f(mid)});")
    for dot in figure.dots:
        out.append(
            f"\\filldraw[{fill(dot.climate, 90)}] ({_f(dot.x)},{_f(dot.y)}) circle[radius=4];"
        )
    out.append("\\end{tikzpicture}\\par")
    return "\n".join(out) + "\n"


# -- directive ------------------------------------------------------------------------------


def _ids(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,]+", text.strip()) if part]


class TimelineDirective(SphinxDirective):
    """Every period and event of the book on one time axis, with the relations barometer.

    Options: ``:from:`` and ``:to:`` (dates) narrow the time window; ``:periods:`` (ids
    separated by commas or spaces) keeps only these periods, their sub-periods and the events
    shown in them.  An event is shown in the period of its section or, when its date falls
    outside it, in the closest enclosing period that contains the date.  Events are numbered
    in time order; the same data follow the figure as a table.
    """

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "from": directives.unchanged,
        "to": directives.unchanged,
        "periods": directives.unchanged,
    }

    def warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="edition", subtype="timeline")

    def run(self) -> list[nodes.Node]:
        window: dict[str, str] = {}
        for option in ("from", "to"):
            value = self.options.get(option, "").strip()
            if value and parse_date(value) is None:
                self.warn(
                    _(
                        "timeline: malformed or impossible date %r in :%s: "
                        "(expected YYYY, YYYY-MM or YYYY-MM-DD); option ignored"
                    )
                    % (value, option)
                )
            elif value:
                window[option] = value
        start, end = parse_date(window.get("from", "")), parse_date(window.get("to", ""))
        if start is not None and end is not None and end.last() < start.first():
            self.warn(
                _("timeline: :from: %s is after :to: %s; both ignored")
                % (window["from"], window["to"])
            )
            window = {}
        node = timeline(
            start=window.get("from", ""),
            end=window.get("to", ""),
            periods=_ids(self.options.get("periods", "")),
        )
        self.set_source_info(node)
        document = self.state.document
        anchor = (
            TIMELINE_ANCHOR
            if TIMELINE_ANCHOR not in document.ids
            else make_id(self.env, document, TIMELINE_ANCHOR)
        )
        node["ids"].append(anchor)
        document.set_id(node)
        get_domain(self.env).note_collector(self.env.docname, "timeline")
        return [node]


# -- rendering ------------------------------------------------------------------------------


def _owner(
    day: date | None, period: PeriodInfo | None, periods: dict[str, PeriodInfo]
) -> PeriodInfo | None:
    """The period an event is shown in: that of its section or, when the event falls outside
    it (a section may look back), the closest enclosing period whose dates contain it."""
    current, seen = period, set()
    while current is not None and day is not None and current.id not in seen:
        span = period_span(current)
        if span is not None and span[0] <= day <= span[1]:
            return current
        seen.add(current.id)
        current = periods.get(current.parent or "")
    return period


class TimelineRenderer:
    """Fill the ``timeline`` placeholders of one document from the domain, in reading order."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.env = app.env
        self.builder = app.builder
        self.docname = docname

    def run(self, doctree: nodes.document) -> None:
        for node in list(doctree.findall(timeline)):
            rendered = self.render(node)
            # replace_self() would copy the ids onto the container; the target carries them.
            node["ids"] = []
            node.replace_self(rendered)

    def link(self, docname: str, anchor: str, text: str) -> tuple[nodes.reference, str]:
        ref = make_refnode(
            self.builder, self.docname, docname, anchor, nodes.inline(text, text), text
        )
        href = "#" + ref["refid"] if ref.get("refid") else str(ref.get("refuri", ""))
        if href.count("#") > 1:
            # singlehtml: "#document-x#anchor"; the builder fixes references, not our SVG.
            href = href[href.rfind("#") :]
        return ref, href

    def entries(self, node: timeline) -> tuple[list[Entry], list[Entry]]:
        domain = get_domain(self.env)
        docs = reading_order(self.env)
        all_periods: dict[str, PeriodInfo] = {}
        for info in domain.periods(docs):
            all_periods.setdefault(info.id, info)
        all_events: dict[str, EventInfo] = {}
        for event in domain.events(docs):
            all_events.setdefault(event.id, event)
        depths = period_depths(list(all_periods.values()))

        wanted: set[str] | None = None
        if node["periods"]:
            unknown = [p for p in node["periods"] if p not in all_periods]
            if unknown:
                logger.warning(
                    _("timeline: unknown period(s) in :periods:: %s"),
                    ", ".join(unknown),
                    location=node,
                    type="edition",
                    subtype="timeline",
                )
            wanted = set(node["periods"])
            grew = True
            while grew:
                more = {p.id for p in all_periods.values() if p.parent in wanted}
                grew = not more <= wanted
                wanted |= more

        periods: list[Entry] = []
        for info in all_periods.values():
            span = period_span(info)
            if span is None or (wanted is not None and info.id not in wanted):
                continue
            parent = all_periods.get(info.parent or "")
            periods.append(
                Entry(
                    kind="period",
                    id=info.id,
                    title=info.title,
                    first=span[0],
                    last=span[1],
                    climate=info.climate,
                    depth=depths[info.id],
                    parent_title=parent.title if parent else "",
                    actors=info.actors,
                    dates=span_label(info.start, info.end),
                    href="",
                    latex_id=f"{info.docname}:{info.anchor}",
                    docname=info.docname,
                    anchor=info.anchor,
                )
            )
        events: list[Entry] = []
        for event in all_events.values():
            day = event_day(event)
            owner = _owner(day, all_periods.get(event.period or ""), all_periods)
            if day is None or (wanted is not None and (owner is None or owner.id not in wanted)):
                continue
            events.append(
                Entry(
                    kind="event",
                    id=event.id,
                    title=event.title,
                    first=day,
                    last=day,
                    climate=event.climate,
                    depth=0,
                    parent_title=owner.title if owner else "",
                    actors=(),
                    dates=date_label(event.date),
                    href="",
                    latex_id=f"{event.docname}:{event.anchor}",
                    docname=event.docname,
                    anchor=event.anchor,
                )
            )

        first = parse_date(node["start"])
        last = parse_date(node["end"])
        lo = first.first() if first else None
        hi = last.last() if last else None
        periods = [
            p for p in periods if (lo is None or p.last >= lo) and (hi is None or p.first <= hi)
        ]
        events = [
            e for e in events if (lo is None or e.first >= lo) and (hi is None or e.first <= hi)
        ]
        return periods, events

    def render(self, node: timeline) -> list[nodes.Node]:
        periods, events = self.entries(node)
        target = nodes.target("", "", ids=list(node["ids"]))
        container = nodes.container(classes=["edition-timeline"])
        container += target
        if not periods and not events:
            container += nodes.paragraph("", _("No periods or events to show."))
            return [container]

        items = [*periods, *events]
        first = parse_date(node["start"])
        last = parse_date(node["end"])
        lo = first.first() if first else min(i.first for i in items)
        hi = last.last() if last else max(i.last for i in items)
        # Events are numbered in time order; the reading order breaks ties.
        numbers = {e.id: n for n, e in enumerate(sorted(events, key=lambda e: e.first), 1)}
        refs: dict[tuple[str, str], nodes.reference] = {}
        linked: list[Entry] = []
        for item in items:
            ref, href = self.link(item.docname, item.anchor, item.title)
            refs[item.kind, item.id] = ref
            linked.append(item._replace(href=href))
        periods = [i for i in linked if i.kind == "period"]
        events = [i for i in linked if i.kind == "event"]

        figure = layout(periods, events, (lo, hi), numbers)
        span = f"{lo.year}–{hi.year}" if lo.year != hi.year else str(lo.year)
        main = sum(1 for p in periods if p.depth == 0)
        figure = figure._replace(
            title=_("Timeline of the relations, %s") % span,
            description=_(
                "%(main)d periods, %(sub)d sub-periods and %(events)d events on a time axis "
                "from %(start)s to %(end)s; below, the relations barometer shows the climate "
                "over time, cooperation above the line and tension below. The same data "
                "follow as a table."
            )
            % {
                "main": main,
                "sub": len(periods) - main,
                "events": len(events),
                "start": lo.year,
                "end": hi.year,
            },
        )
        caption = (
            _(
                "Timeline, %s: periods (bars; sub-periods on the lower lanes), numbered events, "
                "and the relations barometer (cooperation above the line, tension below, "
                "mixed on it)."
            )
            % span
        )
        drawing = timeline_figure(layout=figure, caption=caption)
        drawing.source, drawing.line = node.source, node.line
        container += drawing
        container += self.table(linked, numbers, refs, span, f"{node['ids'][0]}-table")
        return [container]

    def table(
        self,
        items: list[Entry],
        numbers: dict[str, int],
        refs: dict[tuple[str, str], nodes.reference],
        span: str,
        table_id: str,
    ) -> nodes.table:
        table = nodes.table(classes=["edition-timeline-table"], ids=[table_id])
        table += nodes.title("", _("Periods and events, %s") % span)
        group = nodes.tgroup(cols=4)
        table += group
        for width in (22, 48, 18, 12):
            group += nodes.colspec(colwidth=width)

        def row(*cells: nodes.Node | str, classes: list[str] | None = None) -> nodes.row:
            result = nodes.row(classes=classes or [])
            for cell in cells:
                para = nodes.paragraph()
                para += cell if isinstance(cell, nodes.Node) else nodes.Text(str(cell))
                result += nodes.entry("", para)
            return result

        head = nodes.thead()
        head += row(_("Date"), _("Entry"), _("Kind"), _("Climate"))
        group += head
        body = nodes.tbody()
        group += body
        order = {(i.kind, i.id): n for n, i in enumerate(items)}

        def key(item: Entry) -> tuple[date, int, int, int]:
            return item.first, item.kind == "event", item.depth, order[item.kind, item.id]

        for item in sorted(items, key=key):
            entry = nodes.inline()
            entry += refs[item.kind, item.id]
            if item.actors:
                entry += nodes.Text(" (" + "; ".join(item.actors) + ")")
            if item.kind == "event":
                kind = (
                    _("Event %(number)d, in %(period)s")
                    % {"number": numbers[item.id], "period": item.parent_title}
                    if item.parent_title
                    else _("Event %d") % numbers[item.id]
                )
            elif item.depth:
                kind = _("Sub-period of %s") % item.parent_title
            else:
                kind = _("Period")
            body += row(
                item.dates,
                entry,
                kind,
                climate_label(item.climate),
                classes=[f"edition-climate-{item.climate or 'unknown'}"],
            )
        return table


# -- visitors -------------------------------------------------------------------------------


def render_timelines(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: draw the timelines of *docname* from the whole book's data."""
    TimelineRenderer(app, docname).run(doctree)


def visit_figure_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "figure", CLASS="edition-timeline-figure"))
    self.body.append('<div class="edition-timeline-scroll">\n')
    self.body.append(render_svg(node["layout"]))
    self.body.append("\n</div>\n<figcaption>")
    self.body.append(self.encode(node["caption"]))
    self.body.append("</figcaption>\n</figure>\n")
    raise nodes.SkipNode


def visit_figure_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(render_tikz(node["layout"], self))
    caption = self.encode(node["caption"])
    self.body.append(f"{{\\small\\itshape {caption}\\par}}\\medskip\n\\endgroup\n")
    raise nodes.SkipNode


def skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _pass(self: Any, node: nodes.Element) -> None:
    pass


def add_assets(app: Sphinx) -> None:
    """Give HTML-format builders (html, epub) the timeline's stylesheet; LaTeX gets TikZ."""
    if app.builder.format == "html":
        static = str(STATIC)
        if static not in app.config.html_static_path:
            app.config.html_static_path.append(static)
        app.add_css_file("timeline.css")
    elif app.builder.format == "latex":
        app.add_latex_package("tikz")


def declare_inline_svg(app: Sphinx, exception: Exception | None) -> None:
    """Declare ``properties="svg"`` for ePub content documents holding inline SVG.

    EPUB 3 requires it (epubcheck OPF-014) and Sphinx's ePub builder never writes it, so the
    manifest is completed after the build and the archive written again.
    """
    builder = app.builder
    if exception is not None or not isinstance(builder, Epub3Builder):
        return
    outdir = Path(app.outdir)
    opf = outdir / "content.opf"
    if not opf.is_file():
        return
    text = opf.read_text(encoding="utf-8")

    def declare(match: re.Match[str]) -> str:
        item = match[0]
        href = re.search(r'href="([^"]*)"', item)
        if href is None or not href[1].endswith(".xhtml"):
            return item
        path = outdir / unquote(html.unescape(href[1]))
        if not path.is_file() or "http://www.w3.org/2000/svg" not in path.read_text("utf-8"):
            return item
        properties = re.search(r'properties="([^"]*)"', item)
        if properties is None:
            return item.replace(" media-type=", ' properties="svg" media-type=', 1)
        if "svg" in properties[1].split():
            return item
        return item.replace(properties[0], f'properties="{properties[1]} svg"', 1)

    fixed = re.sub(r"<item [^>]*/>", declare, text)
    if fixed != text:
        opf.write_text(fixed, encoding="utf-8")
        builder.build_epub()


def setup_timeline(app: Sphinx) -> None:
    app.add_node(timeline)
    app.add_node(
        timeline_figure,
        html=(visit_figure_html, _pass),
        latex=(visit_figure_latex, _pass),
        text=(skip, _pass),
        man=(skip, _pass),
        texinfo=(skip, _pass),
    )
    app.add_directive("timeline", TimelineDirective)
    app.connect("doctree-resolved", render_timelines)
    app.connect("builder-inited", add_assets)
    app.connect("build-finished", declare_inline_svg)

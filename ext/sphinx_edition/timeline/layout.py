"""The timeline's geometry: where every bar, marker, label and barometer band goes.

Pure functions of the entries (no Sphinx, no builder): :func:`layout` places everything on a
proportional axis and returns a :class:`Figure`, which :func:`.paint.paint` walks once for
the painters of :mod:`.svg` and :mod:`.tikz`, so HTML, ePub and the PDF draw the same
picture.  All lengths are SVG user units (y grows downwards); TikZ maps the same width onto
``\\linewidth``.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from sphinx.locale import get_translation

from sphinx_edition.periods import CLIMATES, climate_label

if TYPE_CHECKING:
    from collections.abc import Callable

_ = get_translation("edition")

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
MIXED = 3  # half height of a mixed band, which straddles the line
DOT_R = 4
COLOURS = {"cooperation": "#2e7d32", "tension": "#c62828", "mixed": "#8a6d00", "": "#757575"}


def coord(value: float) -> str:
    """A length as both renderers write it: one decimal, none when it is whole."""
    return f"{value:.1f}".removesuffix(".0")


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
    """A band of the barometer: above the line for cooperation, below for tension, across it
    for mixed climates."""

    x0: float
    x1: float
    top: float
    bottom: float
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

    grid_top = 8.0
    lane_labels, bars, y = _bars(periods, window, x_of, grid_top)
    axis_y = y + 6
    step = _year_step(AXIS / (ax1.year - ax0.year))
    grid = tuple(
        Label(x_of(date(year, 1, 1)), axis_y + 16, str(year))
        for year in range(ax0.year, ax1.year + 1)
        if (year - ax0.year) % step == 0
    )
    y = axis_y + 26
    markers: tuple[Marker, ...] = ()
    if events:
        lane_labels.append(Label(GUTTER - 8, y + EVENT_LANE / 2 + 4, str(_("Events"))))
        # An event's marker sits in the middle of its day.
        markers, rows = _markers(events, numbers, x_of, AXIS / total / 2, y)
        y += rows * EVENT_LANE + 6
    barometer_title = Label(
        GUTTER, y + 14, str(_("Relations barometer: cooperation above the line, tension below"))
    )
    mid = y + 22 + BAROMETER + 10
    lane_labels += _barometer_lanes(mid)
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
        bars=bars,
        markers=markers,
        barometer_title=barometer_title,
        barometer_mid=mid,
        segments=_segments(periods, lo, hi, x_of, mid),
        dots=_dots(markers, mid),
    )


class _Placed(NamedTuple):
    """A period placed on a lane of its depth, its label inside, right or left of its bar."""

    entry: Entry
    lane: int
    x0: float
    x1: float
    label_x: float
    label_end: bool


def _bars(
    periods: list[Entry], window: tuple[date, date], x_of: Callable[[date], float], y: float
) -> tuple[list[Label], tuple[Bar, ...], float]:
    """The lanes' labels and the periods' bars from *y* down, one band of lanes per depth;
    and the y below them."""
    lane_labels: list[Label] = []
    bars: list[Bar] = []
    for depth in sorted({p.depth for p in periods}):
        placed, lanes = _place(
            sorted((p for p in periods if p.depth == depth), key=lambda p: p.first), window, x_of
        )
        lane_label = _("Periods") if depth == 0 else _("Sub-periods")
        lane_labels.append(Label(GUTTER - 8, y + LANE / 2 + 4, str(lane_label)))
        bars += [
            Bar(
                id=p.entry.id,
                title=p.entry.title,
                tooltip=f"{p.entry.title}, {p.entry.dates}: {climate_label(p.entry.climate)}",
                climate=p.entry.climate,
                lane_y=y + p.lane * LANE + (LANE - BAR) / 2,
                x0=p.x0,
                x1=p.x1,
                label_x=p.label_x,
                label_end=p.label_end,
                href=p.entry.href,
                latex_id=p.entry.latex_id,
            )
            for p in placed
        ]
        y += lanes * LANE
    return lane_labels, tuple(bars), y


def _place(
    entries: list[Entry], window: tuple[date, date], x_of: Callable[[date], float]
) -> tuple[list[_Placed], int]:
    """Periods of one depth, in order of their start, each on the first lane where it and its
    label keep clear of the others; and how many lanes that takes."""
    lo, hi = window
    lanes: list[list[tuple[float, float]]] = []
    placed: list[_Placed] = []
    for entry in entries:
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
        placed.append(_Placed(entry, lane, x0, x1, label_x, end))
    return placed, len(lanes)


def _markers(
    events: list[Entry],
    numbers: dict[str, int],
    x_of: Callable[[date], float],
    offset: float,
    y: float,
) -> tuple[tuple[Marker, ...], int]:
    """The events' markers in the order of their numbers, *offset* right of their day, each on
    the first row from *y* down where it keeps clear of the others; and how many rows."""
    rows: list[list[float]] = []
    markers: list[Marker] = []
    for entry in sorted(events, key=lambda e: numbers[e.id]):
        x = x_of(entry.first) + offset
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
    return tuple(markers), len(rows)


def _barometer_lanes(mid: float) -> list[Label]:
    """The barometer's three levels, named in the gutter around its line at *mid*."""
    return [
        Label(GUTTER - 8, mid - BAROMETER / 2 + 4, str(_("Cooperation"))),
        Label(GUTTER - 8, mid + 4, str(_("Mixed"))),
        Label(GUTTER - 8, mid + BAROMETER / 2 + 4, str(_("Tension"))),
    ]


def _dots(markers: tuple[Marker, ...], mid: float) -> tuple[Marker, ...]:
    """The events with a climate again on the barometer: above its line for cooperation,
    below for tension, on it for mixed."""
    return tuple(
        m._replace(
            y=mid + {"cooperation": -(BAROMETER + 5), "tension": BAROMETER + 5}.get(m.climate, 0)
        )
        for m in markers
        if m.climate in CLIMATES
    )


def _band(climate: str, mid: float) -> tuple[float, float]:
    """Top and bottom of a barometer band of *climate* around the line at *mid*."""
    if climate == "cooperation":
        return mid - BAROMETER, mid
    if climate == "tension":
        return mid, mid + BAROMETER
    return mid - MIXED, mid + MIXED


def _segments(
    periods: list[Entry], lo: date, hi: date, x_of: Callable[[date], float], mid: float
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
            segments.append(Segment(x0, x1, *_band(inner.climate, mid), inner.climate))
    return tuple(segments)

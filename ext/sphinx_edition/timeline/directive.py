"""The ``timeline`` directive and the renderer that fills it from the whole book's data.

The directive leaves a :class:`timeline` placeholder and notes its document as a collector,
so that the page is re-written whenever a period or an event changes anywhere (see
:func:`changed_pages`).  At ``doctree-resolved``,
:class:`TimelineRenderer` reads the domain in reading order and replaces the placeholder with

* a :class:`timeline_figure`: proportional axis, period bars (sub-periods on their own lanes),
  numbered event markers, and the *relations barometer* (the climate over time: cooperation
  above the line, tension below, mixed on it).  Its :class:`~.layout.Figure` is placed by
  :func:`~.layout.layout` and walked once by :func:`~.paint.paint`; HTML and ePub draw it as
  inline SVG (:mod:`.svg`), LaTeX as TikZ (:mod:`.tikz`);
* a table with the same data, which every builder writes (text output, screen readers).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id, make_refnode

from sphinx_edition.dates import date_label, parse_date, span_label
from sphinx_edition.periods import (
    TIMELINE_ANCHOR,
    climate_label,
    event_day,
    period_depths,
    period_span,
)
from sphinx_edition.timeline.layout import Entry, layout
from sphinx_edition.view import BookView, get_view

if TYPE_CHECKING:
    from collections.abc import Hashable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.records import EventInfo, PeriodInfo

_ = get_translation("edition")
logger = logging.getLogger(__name__)


class timeline(nodes.General, nodes.Element):  # type: ignore[misc]
    """Placeholder left by the ``timeline`` directive, replaced when the page is written."""


class timeline_figure(nodes.General, nodes.Element):  # type: ignore[misc]
    """The drawn timeline; ``layout`` holds a ``Figure``, ``caption`` its caption."""


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


def _period_entries(all_periods: dict[str, PeriodInfo], wanted: set[str] | None) -> list[Entry]:
    depths = period_depths(list(all_periods.values()))
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
    return periods


def _event_entries(
    all_events: dict[str, EventInfo], all_periods: dict[str, PeriodInfo], wanted: set[str] | None
) -> list[Entry]:
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
    return events


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
        book = get_view(self.env)
        all_periods: dict[str, PeriodInfo] = {}
        for info in book.periods():
            all_periods.setdefault(info.id, info)
        all_events: dict[str, EventInfo] = {}
        for event in book.events():
            all_events.setdefault(event.id, event)
        wanted = self.wanted(node, all_periods)
        periods = _period_entries(all_periods, wanted)
        events = _event_entries(all_events, all_periods, wanted)
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

    @staticmethod
    def wanted(node: timeline, all_periods: dict[str, PeriodInfo]) -> set[str] | None:
        """The periods a ``:periods:`` option names, with their sub-periods (None: all)."""
        if not node["periods"]:
            return None
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
        return wanted

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


def render_timelines(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: draw the timelines of *docname* from the whole book's data."""
    if get_view(app.env).may_hold(app.builder, docname, "timeline"):
        TimelineRenderer(app, docname).run(doctree)


def timeline_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """What a timeline shows: every period and event (their lines left out, so that moving
    text does not re-write it).  A timeline whose periods or events changed since the last
    build of this output is re-written.

    ``sphinx.ext.todo`` misses this: its list page keeps stale entries until a full
    rebuild.  Answering with every collector would re-write them on every build.
    """
    chronology = (
        tuple(p._replace(lineno=0) for p in view.periods()),
        tuple(e._replace(lineno=0) for e in view.events()),
    )
    return dict.fromkeys(view.collectors("timeline"), chronology)


def timeline_place(app: Sphinx, env: BuildEnvironment, view: BookView) -> str | None:
    """The document of the book's first timeline, in reading order (banners link to it)."""
    timelines = view.collectors("timeline")
    return next((doc for doc in view.order if doc in timelines), None)

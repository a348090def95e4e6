"""The chronology of a text: ``period`` and ``event`` directives.

A ``period`` stands at the top of a section and gives it a span of time, its actors and the
climate of the relations; the section and its subsections belong to it.  An ``event`` is a
dated marker in the text; it belongs to the period of its section.

The directives only parse and render.  A read transform (:class:`AnnotateChronology`) finds
the section each one stands in and infers the parent of each period; the edition domain
records them (``process_doc``); :func:`check_chronology` checks what only the whole book can
tell (duplicate ids, unknown parents); :func:`link_banners` links each banner to its parent
period and to the timeline when documents are written.  The date grammar is
:mod:`sphinx_edition.dates` (re-exported here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from sphinx_edition.dates import PartialDate, date_label, event_slug, parse_date, span_label
from sphinx_edition.nodes import PASS, add_node, event_marker, period_banner
from sphinx_edition.periods.banners import (
    banner_signatures,
    depart_banner_html,
    depart_banner_latex,
    depart_event_html,
    depart_event_latex,
    link_banners,
    visit_banner_html,
    visit_banner_latex,
    visit_event_html,
    visit_event_latex,
)
from sphinx_edition.periods.directives import (
    CLIMATES,
    TIMELINE_ANCHOR,
    AnnotateChronology,
    EventDirective,
    PeriodDirective,
    check_chronology,
    climate_label,
    event_day,
    period_depths,
    period_span,
)
from sphinx_edition.records import EventInfo, PeriodInfo, events_of, periods_of
from sphinx_edition.registry import PageSignature, RecordKind, add_page_signature, add_record_kind

_ = get_translation("edition")

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: Periods, read from their banners; ``{edition:period}`` resolves to them.
PERIODS = RecordKind(
    "periods", (period_banner,), periods_of, PeriodInfo, object_type="period", label=_("period")
)
#: Events, read from their markers (numbered after the document's periods).
EVENTS = RecordKind(
    "events",
    (event_marker, period_banner),
    events_of,
    EventInfo,
    object_type="event",
    label=_("event"),
)


def setup_periods(app: Sphinx) -> None:
    add_node(
        app,
        period_banner,
        PASS,
        html=(visit_banner_html, depart_banner_html),
        latex=(visit_banner_latex, depart_banner_latex),
    )
    add_node(
        app,
        event_marker,
        PASS,
        html=(visit_event_html, depart_event_html),
        latex=(visit_event_latex, depart_event_latex),
    )
    add_record_kind(app, PERIODS)
    add_record_kind(app, EVENTS)
    add_page_signature(app, PageSignature("banners", banner_signatures))
    app.add_directive("period", PeriodDirective)
    app.add_directive("event", EventDirective)
    app.add_transform(AnnotateChronology)
    app.connect("doctree-resolved", link_banners)
    app.connect("env-check-consistency", check_chronology)


__all__ = [
    "CLIMATES",
    "EVENTS",
    "PERIODS",
    "TIMELINE_ANCHOR",
    "EventDirective",
    "PartialDate",
    "PeriodDirective",
    "climate_label",
    "date_label",
    "event_day",
    "event_marker",
    "event_slug",
    "parse_date",
    "period_banner",
    "period_depths",
    "period_span",
    "span_label",
]

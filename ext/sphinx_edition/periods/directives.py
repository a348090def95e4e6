"""The ``period`` and ``event`` directives, their annotation and the book-wide checks.

Also the vocabulary the timeline shares: the climates, a period's span of days, an
event's day and the nesting depth of periods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from sphinx_edition.dates import date_label, event_slug, parse_date, span_label
from sphinx_edition.nodes import (
    PERIOD_ATTR,
    event_marker,
    period_banner,
    period_for_node,
)
from sphinx_edition.records import EventInfo, PeriodInfo
from sphinx_edition.view import get_view

if TYPE_CHECKING:
    from datetime import date

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: The climates a period or an event can have.
CLIMATES = ("cooperation", "tension", "mixed")

#: Anchor of the first timeline of a document; period banners link to it.
TIMELINE_ANCHOR = "edition-timeline"


def climate_label(climate: str) -> str:
    """The translated name of a climate (the raw value if it is not one of :data:`CLIMATES`)."""
    labels = {
        "cooperation": _("cooperation"),
        "tension": _("tension"),
        "mixed": _("mixed"),
    }
    return str(labels.get(climate, climate))


def period_span(info: PeriodInfo) -> tuple[date, date] | None:
    """First and last day of a period, or None if its dates are unusable."""
    first, last = parse_date(info.start), parse_date(info.end)
    if first is None or last is None or last.last() < first.first():
        return None
    return first.first(), last.last()


def event_day(info: EventInfo) -> date | None:
    parsed = parse_date(info.date)
    return parsed.first() if parsed else None


def period_depths(periods: list[PeriodInfo]) -> dict[str, int]:
    """Nesting depth of every period (0 for a main period); safe against parent cycles."""
    by_id = {p.id: p for p in periods}
    depths: dict[str, int] = {}
    for period in periods:
        depth, seen, current = 0, {period.id}, period
        while current.parent and current.parent in by_id and current.parent not in seen:
            seen.add(current.parent)
            current = by_id[current.parent]
            depth += 1
        depths[period.id] = depth
    return depths


# -- directives -----------------------------------------------------------------------------


class _ChronologyDirective(SphinxDirective):
    """What ``period`` and ``event`` share: located warnings, climate, summary, anchors."""

    subtype: ClassVar[str] = "periods"

    def warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="edition", subtype=self.subtype)

    def check_climate(self, kind: str) -> str:
        """The ``:climate:`` option, one of :data:`CLIMATES`; "" (after a warning) if it is
        missing or not one of them."""
        climate = str(self.options.get("climate", "")).strip()
        if not climate:
            self.warn(_("%s: missing required option :climate:") % kind)
        elif climate not in CLIMATES:
            self.warn(
                _("%s: unknown climate %r (expected one of: %s)")
                % (kind, climate, ", ".join(CLIMATES))
            )
            # Not written anywhere (class names, the figure's attributes, TikZ styles): the
            # period or event is drawn as of an unknown climate.
            return ""
        return climate

    def parse_summary(self) -> tuple[list[nodes.Node], str]:
        if not self.content:
            return [], ""
        parsed = self.parse_content_to_nodes()
        return parsed, " ".join(n.astext() for n in parsed).strip()

    def register(self, node: nodes.Element, prefix: str, term: str) -> str:
        anchor = make_id(self.env, self.state.document, prefix, term)
        node["ids"].append(anchor)
        self.state.document.set_id(node)
        return anchor


class PeriodDirective(_ChronologyDirective):
    """A period of the chronology, applying to the section it stands in.

    ``:::{period} ID`` with ``:title:``, ``:start:``, ``:end:`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), ``:climate:`` (``cooperation``, ``tension`` or ``mixed``), optional
    ``:actors:`` (separated by semicolons) and ``:parent:`` (else the period of the
    enclosing section, if any).  The optional body is a one-sentence summary.
    """

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "title": directives.unchanged,
        "start": directives.unchanged,
        "end": directives.unchanged,
        "actors": directives.unchanged,
        "climate": directives.unchanged,
        "parent": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        period_id = self.arguments[0].strip()
        title = self.options.get("title", "").strip()
        if not title:
            self.warn(_("period %r: missing required option :title:") % period_id)
            title = period_id
        start, end = self.check_dates(period_id)
        climate = self.check_climate(_("period %r") % period_id)
        actors = [a.strip() for a in self.options.get("actors", "").split(";") if a.strip()]
        summary_nodes, summary = self.parse_summary()
        parent = self.options.get("parent", "").strip()
        if parent == period_id:
            self.warn(_("period %r cannot be its own :parent:; it is left without one") % parent)
            parent = ""

        banner = period_banner(
            period=period_id,
            title=title,
            start=start,
            end=end,
            actors=actors,
            climate=climate,
            parent=parent,
            summary=summary,
            classes=["edition-period", f"edition-climate-{climate or 'unknown'}"],
        )
        self.set_source_info(banner)
        self.register(banner, "period", period_id)

        heading = nodes.paragraph(classes=["edition-period-heading"])
        heading += nodes.inline("", _("Period") + " ", classes=["edition-period-kind"])
        heading += nodes.strong(title, title)
        heading += nodes.Text(" ")
        dates = span_label(start, end)
        heading += nodes.inline(dates, dates, classes=["edition-period-dates"])
        meta = nodes.paragraph(classes=["edition-period-meta"])
        if actors:
            meta += nodes.inline("", _("Actors: %s") % "; ".join(actors))
            meta += nodes.Text(" · ")
        meta += nodes.inline(
            "",
            _("Climate: %s") % climate_label(climate),
            classes=["edition-period-climate"],
        )
        # Filled when the page is written (link_banners), once the whole book is known.
        meta += nodes.inline("", "", classes=["edition-period-links"])
        for child in (heading, meta):
            self.set_source_info(child)
        banner += [heading, meta, *summary_nodes]
        self.note_section()
        return [banner]

    def check_dates(self, period_id: str) -> tuple[str, str]:
        values = {}
        for option in ("start", "end"):
            value = self.options.get(option, "").strip()
            if not value:
                self.warn(_("period %r: missing required option :%s:") % (period_id, option))
            elif parse_date(value) is None:
                self.warn(
                    _(
                        "period %r: malformed or impossible date %r in :%s: "
                        "(expected YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
                    % (period_id, value, option)
                )
            values[option] = value
        first, last = parse_date(values["start"]), parse_date(values["end"])
        if first is not None and last is not None and last.last() < first.first():
            self.warn(
                _("period %r: end %s is before start %s")
                % (period_id, values["end"], values["start"])
            )
        return values["start"], values["end"]

    def note_section(self) -> None:
        # Themes read the period of a passage while they are parsed: mark the section now
        # when the parser exposes it (rST, MyST); RecordChronology does it again for any
        # banner parsed outside its final place.
        current = getattr(self.state_machine, "node", None)
        while current is not None and not isinstance(current, nodes.section):
            current = current.parent
        if current is not None and not current.get(PERIOD_ATTR):
            current[PERIOD_ATTR] = self.arguments[0].strip()


class EventDirective(_ChronologyDirective):
    """A dated event, marked in the text where it stands.

    ``:::{event} DATE`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) with ``:title:`` and
    ``:climate:``; optional ``:id:`` (else the date and the title, slugified:
    ``1992-06-17-washington-charter``).  The event belongs to the period of its section
    (the timeline shows it in the closest enclosing period that contains its date, since a
    section may look back).  The optional body is a short comment.
    """

    required_arguments = 1
    final_argument_whitespace = False
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "title": directives.unchanged,
        "climate": directives.unchanged,
        "id": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        day = self.arguments[0].strip()
        if parse_date(day) is None:
            self.warn(
                _("event: malformed or impossible date %r (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                % day
            )
        title = self.options.get("title", "").strip()
        if not title:
            self.warn(_("event %s: missing required option :title:") % day)
        climate = self.check_climate(_("event %s") % day)
        event_id = self.options.get("id", "").strip() or event_slug(day, title)
        summary_nodes, summary = self.parse_summary()

        marker = event_marker(
            event=event_id,
            date=day,
            title=title or day,
            climate=climate,
            summary=summary,
            classes=["edition-event", f"edition-climate-{climate or 'unknown'}"],
        )
        self.set_source_info(marker)
        self.register(marker, "event", event_id)
        line = nodes.paragraph(classes=["edition-event-line"])
        when = date_label(day)
        line += nodes.inline(when, when, classes=["edition-event-date"])
        if title:
            line += nodes.Text(" ")
            line += nodes.strong(title, title)
        if climate:
            line += nodes.Text(" ")
            line += nodes.inline(
                "", f"({climate_label(climate)})", classes=["edition-event-climate"]
            )
        self.set_source_info(line)
        marker += [line, *summary_nodes]
        return [marker]


# -- recording -------------------------------------------------------------------------------


def _section_of(node: nodes.Node) -> nodes.section | None:
    current = node.parent
    while current is not None and not isinstance(current, nodes.section):
        current = current.parent
    return current


class AnnotateChronology(SphinxTransform):
    """Give each section the period that stands in it, and each period its parent.

    Runs on the parsed document, when every banner sits in its final section (and before
    the themes read the period of their passages); the domain records the annotated
    banners and markers in :meth:`~sphinx_edition.domain.EditionDomain.process_doc`.
    """

    default_priority = 210

    def apply(self, **kwargs: Any) -> None:
        owners: dict[int, str] = {}
        banners = list(self.document.findall(period_banner))
        # Mark every section first: a banner's parent is the period of an enclosing section.
        for banner in banners:
            section = _section_of(banner)
            if section is None:
                logger.warning(
                    _("period %r does not stand in a section; it applies to nothing"),
                    banner["period"],
                    location=banner,
                    type="edition",
                    subtype="periods",
                )
                continue
            if id(section) in owners:
                logger.warning(
                    _("period %r: its section already has period %r"),
                    banner["period"],
                    owners[id(section)],
                    location=banner,
                    type="edition",
                    subtype="periods",
                )
                continue
            owners[id(section)] = banner["period"]
            section[PERIOD_ATTR] = banner["period"]
        for banner in banners:
            section = _section_of(banner)
            if not banner["parent"] and section is not None:
                inferred = period_for_node(section.parent) if section.parent else None
                banner["parent"] = inferred or ""
            if banner["parent"] == banner["period"]:
                banner["parent"] = ""


def check_chronology(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about what only the whole book shows: duplicate ids, unknown or cyclic parents."""
    view = get_view(env)
    periods = view.periods()
    seen: dict[str, PeriodInfo] = {}
    for period in periods:
        first = seen.setdefault(period.id, period)
        if first is not period:
            logger.warning(
                _("duplicate period id %r (first defined in %s, line %d)"),
                period.id,
                env.doc2path(first.docname, False),
                first.lineno,
                location=(period.docname, period.lineno),
                type="edition",
                subtype="periods",
            )
    for period in periods:
        if period.parent and period.parent not in seen:
            logger.warning(
                _("period %r: unknown parent period %r"),
                period.id,
                period.parent,
                location=(period.docname, period.lineno),
                type="edition",
                subtype="periods",
            )
    for period in periods:
        chain, current = [period.id], period
        while current.parent and current.parent in seen:
            if current.parent in chain:
                logger.warning(
                    _("period %r: its parents form a cycle (%s)"),
                    period.id,
                    " → ".join([*chain, current.parent]),
                    location=(period.docname, period.lineno),
                    type="edition",
                    subtype="periods",
                )
                break
            chain.append(current.parent)
            current = seen[current.parent]
    events: dict[str, EventInfo] = {}
    for event in view.events():
        first_event = events.setdefault(event.id, event)
        if first_event is not event:
            logger.warning(
                _(
                    "duplicate event id %r (first defined in %s, line %d); "
                    "give one of them a different :id:"
                ),
                event.id,
                env.doc2path(first_event.docname, False),
                first_event.lineno,
                location=(event.docname, event.lineno),
                type="edition",
                subtype="periods",
            )

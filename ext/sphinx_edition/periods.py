"""The chronology of a text: ``period`` and ``event`` directives.

A ``period`` stands at the top of a section and gives it a span of time, its actors and the
climate of the relations; the section and its subsections belong to it.  An ``event`` is a
dated marker in the text; it belongs to the period of its section.

The directives only parse and render.  A read transform (:class:`RecordChronology`) finds the
section each one stands in, infers the parent of each period and records everything in the
edition domain; :func:`check_chronology` checks what only the whole book can tell (duplicate
ids, unknown parents); :class:`PeriodLinks` links each banner to its parent period and to the
timeline when documents are written.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple
from weakref import WeakKeyDictionary

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id, make_refnode

from sphinx_edition.domain import (
    PERIOD_ATTR,
    EventInfo,
    PeriodInfo,
    get_domain,
    period_for_node,
    reading_order,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: The climates a period or an event can have.
CLIMATES = ("cooperation", "tension", "mixed")

#: Anchor of the first timeline of a document; period banners link to it.
TIMELINE_ANCHOR = "edition-timeline"

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def climate_label(climate: str) -> str:
    """The translated name of a climate (the raw value if it is not one of :data:`CLIMATES`)."""
    labels = {
        "cooperation": _("cooperation"),
        "tension": _("tension"),
        "mixed": _("mixed"),
    }
    return str(labels.get(climate, climate))


def _month_name(month: int) -> str:
    names = (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )
    return str(names[month - 1])


class PartialDate(NamedTuple):
    """A date as precise as the text gives it: a year, a month or a day."""

    year: int
    month: int | None
    day: int | None

    def first(self) -> date:
        """The first day the date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date:
        """The last day the date can mean (``1999`` ends on 31 December 1999)."""
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def label(self) -> str:
        """Human form: ``17 June 1992``, ``June 1992`` or ``1992``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_month_name(self.month)} {self.year}"
        return f"{self.day} {_month_name(self.month)} {self.year}"


def parse_date(text: str) -> PartialDate | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a :class:`PartialDate`; None if malformed.

    Impossible dates (``2001-02-30``, month 13) are malformed too.
    """
    match = _DATE_RE.match(text.strip())
    if match is None:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if year < 1:
        return None
    return PartialDate(year, month, day)


def span_label(start: str, end: str) -> str:
    """``1991 – 1999``, or one date when start and end are the same."""
    first, last = parse_date(start), parse_date(end)
    start_text = first.label() if first else start
    end_text = last.label() if last else end
    if start_text == end_text:
        return start_text
    return f"{start_text} – {end_text}"


def date_label(text: str) -> str:
    parsed = parse_date(text)
    return parsed.label() if parsed else text


def event_slug(day: str, title: str) -> str:
    """The id an event gets when it has no ``:id:``: its date and its title, slugified."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f"{day.strip()}-{slug}" if slug else day.strip()


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


# -- nodes ----------------------------------------------------------------------------------


class period_banner(nodes.General, nodes.Element):  # type: ignore[misc]
    """The banner a ``period`` directive puts at the top of its section.

    Attributes: ``period`` (id), ``title``, ``start``, ``end``, ``actors`` (list),
    ``climate``, ``parent`` (explicit, then inferred id or ``""``), ``summary``.
    Its children are generic nodes, so every builder can write them.
    """


class event_marker(nodes.General, nodes.Element):  # type: ignore[misc]
    """The dated marker an ``event`` directive puts in the text.

    Attributes: ``event`` (id), ``date``, ``title``, ``climate``, ``summary``.
    """


# -- directives -----------------------------------------------------------------------------


class _ChronologyDirective(SphinxDirective):
    """What ``period`` and ``event`` share: located warnings, climate, summary, anchors."""

    subtype: ClassVar[str] = "periods"

    def warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="edition", subtype=self.subtype)

    def check_climate(self, kind: str) -> str:
        climate = str(self.options.get("climate", "")).strip()
        if not climate:
            self.warn(_("%s: missing required option :climate:") % kind)
        elif climate not in CLIMATES:
            self.warn(
                _("%s: unknown climate %r (expected one of: %s)")
                % (kind, climate, ", ".join(CLIMATES))
            )
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

        banner = period_banner(
            period=period_id,
            title=title,
            start=start,
            end=end,
            actors=actors,
            climate=climate,
            parent=self.options.get("parent", "").strip(),
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


class RecordChronology(SphinxTransform):
    """Record the periods and events of a document in the edition domain.

    Runs on the parsed document, when every banner sits in its final section, so that each
    period finds its section and its parent, and each event its period.
    """

    default_priority = 210

    def apply(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        docname = self.env.docname
        order = 0
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
            order += 1
            domain.add_period(
                PeriodInfo(
                    id=banner["period"],
                    title=banner["title"],
                    start=banner["start"],
                    end=banner["end"],
                    actors=tuple(banner["actors"]),
                    climate=banner["climate"],
                    parent=banner["parent"] or None,
                    summary=banner["summary"],
                    docname=docname,
                    lineno=banner.line or 0,
                    anchor=banner["ids"][0],
                    order=order,
                )
            )
        for marker in self.document.findall(event_marker):
            order += 1
            domain.add_event(
                EventInfo(
                    id=marker["event"],
                    date=marker["date"],
                    title=marker["title"],
                    climate=marker["climate"],
                    period=period_for_node(marker),
                    summary=marker["summary"],
                    docname=docname,
                    lineno=marker.line or 0,
                    anchor=marker["ids"][0],
                    order=order,
                )
            )


def check_chronology(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about what only the whole book shows: duplicate ids, unknown or cyclic parents."""
    domain = get_domain(env)
    docs = reading_order(env)
    periods = domain.periods(docs)
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
    for event in domain.events(docs):
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


def first_timeline(env: BuildEnvironment) -> str | None:
    """The document holding the book's first timeline: the one period banners link to."""
    timelines = get_domain(env).collectors("timeline")
    return next((doc for doc in reading_order(env) if doc in timelines), None)


#: The first timeline before this build read anything, per environment.  Transient state of
#: one build (set at env-get-outdated, used at env-get-updated), not collected data.
_TIMELINE_BEFORE: WeakKeyDictionary[BuildEnvironment, str | None] = WeakKeyDictionary()


def remember_timeline(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: note where the banners' timeline link pointed before reading."""
    _TIMELINE_BEFORE[env] = first_timeline(env)
    return []


def relink_banners(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: when the timeline moved (added, removed, reordered), re-write
    every document with a period banner, since each banner links to it."""
    if env not in _TIMELINE_BEFORE:
        return []
    before = _TIMELINE_BEFORE.pop(env)
    if before == first_timeline(env):
        return []
    docs = get_domain(env).data["periods"]
    return sorted(doc for doc, records in docs.items() if records and doc in env.all_docs)


def link_banners(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    """``doctree-resolved``: link each banner to its parent period and to the timeline."""
    banners = list(doctree.findall(period_banner))
    if not banners:
        return
    domain = get_domain(app.env)
    timeline_doc = first_timeline(app.env)
    for banner in banners:
        meta = next(
            (n for n in banner.findall(nodes.inline) if "edition-period-links" in n["classes"]),
            None,
        )
        if meta is None:
            continue
        parent = domain.period_by_id(banner["parent"]) if banner["parent"] else None
        if parent is not None:
            for kind in banner.findall(nodes.inline):
                if "edition-period-kind" in kind["classes"]:
                    kind[:] = [nodes.Text(_("Sub-period") + " ")]
            meta += nodes.Text(" · ")
            meta += nodes.Text(_("within") + " ")
            meta += make_refnode(
                app.builder,
                fromdoc,
                parent.docname,
                parent.anchor,
                nodes.inline(parent.title, parent.title),
                parent.title,
            )
        if timeline_doc is not None:
            meta += nodes.Text(" · ")
            label = _("see the timeline")
            meta += make_refnode(
                app.builder,
                fromdoc,
                timeline_doc,
                TIMELINE_ANCHOR,
                nodes.inline(label, label),
                _("Timeline"),
            )


# -- visitors -------------------------------------------------------------------------------


def visit_banner_html(self: HTML5Translator, node: nodes.Element) -> None:
    label = _("Period: %s") % node["title"]
    self.body.append(self.starttag(node, "aside", **{"aria-label": label}))


def depart_banner_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


def visit_event_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div"))


def depart_event_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_banner_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{sphinxShadowBox}" + self.hypertarget_to(node, anchor=True) + "\n")


def depart_banner_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{sphinxShadowBox}\n")


def visit_event_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{quote}\\small" + self.hypertarget_to(node, anchor=True))
    self.body.append("\\textbullet{} ")


def depart_event_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{quote}\n")


def _pass(self: Any, node: nodes.Element) -> None:
    pass


def setup_periods(app: Sphinx) -> None:
    app.add_node(
        period_banner,
        html=(visit_banner_html, depart_banner_html),
        latex=(visit_banner_latex, depart_banner_latex),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    app.add_node(
        event_marker,
        html=(visit_event_html, depart_event_html),
        latex=(visit_event_latex, depart_event_latex),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    app.add_directive("period", PeriodDirective)
    app.add_directive("event", EventDirective)
    app.add_transform(RecordChronology)
    app.connect("doctree-resolved", link_banners)
    app.connect("env-check-consistency", check_chronology)
    app.connect("env-get-outdated", remember_timeline)
    app.connect("env-get-updated", relink_banners)


__all__ = [
    "CLIMATES",
    "TIMELINE_ANCHOR",
    "EventDirective",
    "PartialDate",
    "PeriodDirective",
    "climate_label",
    "date_label",
    "event_day",
    "event_marker",
    "parse_date",
    "period_banner",
    "period_depths",
    "period_span",
    "span_label",
]

"""The date grammar of the edition: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Shared by the ``period`` and ``event`` directives and the timeline: parsing, the span of
days a partial date covers, the human labels ("17 June 1992") and the ids of events.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from typing import NamedTuple

from sphinx.locale import get_translation

_ = get_translation("edition")

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def month_name(month: int) -> str:
    """The translated name of *month* (1–12)."""
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
            return f"{month_name(self.month)} {self.year}"
        return f"{self.day} {month_name(self.month)} {self.year}"


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
    """The human form of a date as written, or the text itself when it is not a date."""
    parsed = parse_date(text)
    return parsed.label() if parsed else text


def event_slug(day: str, title: str) -> str:
    """The id an event gets when it has no ``:id:``: its date and its title, slugified."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f"{day.strip()}-{slug}" if slug else day.strip()

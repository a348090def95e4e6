"""The read-only view of the edition domain that compute steps and renderers get.

Post-transforms and ``doctree-resolved`` handlers run once the book is read and frozen:
they read the records in reading order and the computed values (theme specs, the
timeline's place, the notes' plan) through :class:`BookView`, which has no way to change
the store and hands out tuples and read-only mappings.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from sphinx_edition.builders import one_document_at_a_time
from sphinx_edition.config import theme_specs
from sphinx_edition.domain import EditionDomain, get_domain, reading_order
from sphinx_edition.registry import RECORDS

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.delivered import DeliveredNote
    from sphinx_edition.notes.plan import Plan
    from sphinx_edition.records import (
        CitationInfo,
        EditorialInfo,
        EventInfo,
        PassageInfo,
        PeriodInfo,
    )

#: The names of the compute steps whose values the view types.
THEME_SPECS = "theme-specs"
TIMELINE = "timeline-place"
NOTES_PLAN = "notes-plan"
DELIVERED = "delivered-notes"
EDITORIAL_NUMBERS = "editorial-numbers"


class BookView:
    """What compute steps and renderers read: the whole book's records in reading order,
    and the values of the compute steps.  It offers no way to change the store."""

    __slots__ = ("_domain",)

    def __init__(self, domain: EditionDomain) -> None:
        self._domain = domain

    @property
    def order(self) -> tuple[str, ...]:
        """Every document, in reading order."""
        return tuple(reading_order(self._domain.env))

    def get(self, step: str, default: Any = None) -> Any:
        """The value of the compute step *step* (*default* before it has run)."""
        return self._domain.book.get(step, default)

    def records(self, kind: str) -> tuple[Any, ...]:
        """Every record of *kind*, in reading order, then document order."""
        computed = self._domain.book.get(RECORDS)
        if computed is not None and kind in computed:
            return cast("tuple[Any, ...]", computed[kind])
        return tuple(self._domain.records(kind, self.order))

    def periods(self) -> tuple[PeriodInfo, ...]:
        return self.records("periods")

    def events(self) -> tuple[EventInfo, ...]:
        return self.records("events")

    def passages(self) -> tuple[PassageInfo, ...]:
        return self.records("passages")

    def citations(self) -> tuple[CitationInfo, ...]:
        return self.records("citations")

    def editorials(self) -> tuple[EditorialInfo, ...]:
        return self.records("editorials")

    def target(self, object_type: str, record_id: str) -> Any:
        """The record of *object_type* with *record_id*, first in reading order, or None."""
        return self._domain.targets().get(object_type, {}).get(record_id)

    def period(self, period_id: str) -> PeriodInfo | None:
        return cast("PeriodInfo | None", self.target("period", period_id))

    def theme_target(self, theme: str) -> tuple[str, str] | None:
        """(docname, anchor) of the entry of *theme* in the first thematic index."""
        found = self.target("theme", theme)
        return None if found is None else (found.docname, found.anchor)

    @property
    def editorial_numbers(self) -> Mapping[str, int]:
        """Anchor of every editorial note -> its number through the book (1 for "E1")."""
        numbers = self.get(EDITORIAL_NUMBERS)
        if numbers is None:  # a builder that read nothing: count them now
            numbers = {e.anchor: n for n, e in enumerate(self.editorials(), start=1)}
        return MappingProxyType(numbers)

    @property
    def theme_specs(self) -> Mapping[str, ThemeSpec]:
        """The declared themes (while reading: as the checked configuration gives them)."""
        specs = self.get(THEME_SPECS)
        if specs is None:
            specs = theme_specs(self._domain.env.config)
        return MappingProxyType(specs)

    @property
    def timeline(self) -> str | None:
        """The document of the book's first timeline, which period banners link to."""
        return cast("str | None", self.get(TIMELINE))

    @property
    def plan(self) -> Plan | None:
        return cast("Plan | None", self.get(NOTES_PLAN))

    @property
    def delivered(self) -> Mapping[int, DeliveredNote]:
        """The delivered notes, by number (empty when the book gives none)."""
        return cast("Mapping[int, DeliveredNote]", self.get(DELIVERED) or MappingProxyType({}))

    def collectors(self, kind: str) -> frozenset[str]:
        """The documents that hold a collecting directive of *kind* (a kind's ``collects``)."""
        return frozenset(self._domain.collectors(kind))

    def may_hold(self, builder: Builder, docname: str, kind: str) -> bool:
        """Whether the tree *builder* resolves as *docname* can hold a collecting directive
        of *kind* (``"timeline"``, ``"themeindex"``, ``"apparatus"``)."""
        if not one_document_at_a_time(builder):
            return True
        return kind in self._domain.store["collectors"].get(docname, ())


def get_view(env: BuildEnvironment) -> BookView:
    """A read-only view of the edition domain of *env*."""
    return BookView(get_domain(env))

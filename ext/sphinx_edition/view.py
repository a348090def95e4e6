"""The read-only view of the edition domain that renderers get.

Post-transforms and ``doctree-resolved`` handlers run once the book is read: they read the
records in reading order and the computed data (theme specs, the timeline's place, the
notes' plan) through :class:`BookView`, which has no way to change the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from sphinx_edition.builders import one_document_at_a_time
from sphinx_edition.domain import EditionDomain, get_domain, reading_order

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.notes.plan import Plan
    from sphinx_edition.records import (
        CitationInfo,
        EditorialInfo,
        EventInfo,
        PassageInfo,
        PeriodInfo,
    )


class BookView:
    """What renderers read: the whole book's records in reading order, and the computed
    data.  It offers no way to change the store (the domain is mutable only while
    documents are read)."""

    __slots__ = ("_domain",)

    def __init__(self, domain: EditionDomain) -> None:
        self._domain = domain

    @property
    def order(self) -> tuple[str, ...]:
        """Every document, in reading order."""
        return tuple(reading_order(self._domain.env))

    def periods(self) -> tuple[PeriodInfo, ...]:
        return tuple(self._domain.periods(self.order))

    def events(self) -> tuple[EventInfo, ...]:
        return tuple(self._domain.events(self.order))

    def passages(self) -> tuple[PassageInfo, ...]:
        return tuple(self._domain.passages(self.order))

    def citations(self) -> tuple[CitationInfo, ...]:
        return tuple(self._domain.citations(self.order))

    def editorials(self) -> tuple[EditorialInfo, ...]:
        return tuple(self._domain.editorials(self.order))

    @property
    def editorial_numbers(self) -> Mapping[str, int]:
        """Anchor of every editorial note -> its number through the book (1 for "E1")."""
        numbers = self._domain.store["editorial_numbers"]
        if numbers is None:  # a builder that read nothing: count them now
            numbers = {e.anchor: n for n, e in enumerate(self.editorials(), start=1)}
        return MappingProxyType(numbers)

    def period(self, period_id: str) -> PeriodInfo | None:
        return self._domain.period_by_id(period_id)

    def theme_target(self, theme: str) -> tuple[str, str] | None:
        return self._domain.theme_target(theme)

    @property
    def theme_specs(self) -> Mapping[str, ThemeSpec]:
        return MappingProxyType(self._domain.store["theme_specs"])

    @property
    def timeline(self) -> str | None:
        """The document of the book's first timeline, which period banners link to."""
        return self._domain.store["timeline"]

    @property
    def plan(self) -> Plan | None:
        return self._domain.store["notes_plan"]

    def collectors(self, kind: str) -> frozenset[str]:
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

"""The records the edition domain keeps per document (typed, picklable, comparable), and
how each is read from the annotated nodes of a document.

Kept apart from :mod:`sphinx_edition.domain` so that pure code (the notes' plan, the
timeline's layout) can use them without the domain's Sphinx machinery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from sphinx_edition.config import theme_specs
from sphinx_edition.nodes import (
    AFTER_FOOTNOTE,
    ONLY_ATTR,
    PASSAGE_ATTR,
    editorial_note,
    event_marker,
    notecite,
    period_banner,
    period_for_node,
    themeindex,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.environment import BuildEnvironment

    from sphinx_edition.registry import Found


class PeriodInfo(NamedTuple):
    """A ``period`` directive: a span of time that applies to a section."""

    id: str
    title: str
    start: str  # ISO date as written: YYYY, YYYY-MM or YYYY-MM-DD
    end: str
    actors: tuple[str, ...]
    climate: str  # cooperation | tension | mixed
    parent: str | None
    summary: str
    docname: str
    lineno: int
    anchor: str  # id of the section (or banner) in the written document
    order: int  # position in the document, for stable reading order


class EventInfo(NamedTuple):
    """An ``event`` directive: a dated marker in the text."""

    id: str
    date: str
    title: str
    climate: str
    period: str | None  # id of the period of the enclosing section
    summary: str
    docname: str
    lineno: int
    anchor: str
    order: int


class PassageInfo(NamedTuple):
    """A passage tagged with one or more themes (``theme`` directive or role)."""

    themes: tuple[str, ...]
    excerpt: str
    period: str | None
    section: str  # title of the enclosing section ("" outside any: the document's title)
    docname: str
    lineno: int
    anchor: str
    order: int


class CitationInfo(NamedTuple):
    """One note-citation occurrence (``notecite``), in document order."""

    keys: tuple[str, ...]
    pre: tuple[str, ...]
    post: tuple[str, ...]
    docname: str
    lineno: int
    anchor: str  # id of the note's reference in the written document
    order: int
    #: An ordinary (non-citation) footnote stands between this note and the one before
    #: it in the same document, so this note may not be "Ibid.".
    after_footnote: bool = False
    #: The role's text as written, printed as the note when it cannot be parsed.
    raw: str = ""
    #: The expressions of the ``only`` blocks the note stands in: it is a note of the
    #: builders for which they all hold.
    only: tuple[str, ...] = ()


class EditorialInfo(NamedTuple):
    """An ``editorial`` note: the edition's comment on a passage, numbered through the book."""

    id: str  # its anchor (the ``:id:`` option, else generated)
    sic: str  # the delivered reading it concerns ("" when not given)
    corr: str  # the edition's correction ("" when not given)
    excerpt: str  # the first words of its text
    docname: str
    lineno: int
    anchor: str
    order: int


class ThemeTarget(NamedTuple):
    """The entry of a theme in a thematic index, which its chips and links point to."""

    id: str  # the theme
    title: str  # its label
    docname: str
    anchor: str
    order: int


# -- reading the records of a document ------------------------------------------------------
# Each is the ``read`` of a record kind (:class:`~sphinx_edition.registry.RecordKind`).
# Periods and then events share one count of ``order``: their place in the document.


def periods_of(found: Found, docname: str, env: BuildEnvironment) -> Iterator[PeriodInfo]:
    """The periods of a document, once their parents are inferred."""
    for order, banner in enumerate(found[period_banner], start=1):
        yield PeriodInfo(
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


def events_of(found: Found, docname: str, env: BuildEnvironment) -> Iterator[EventInfo]:
    """The events of a document, each in the period of its section."""
    first = len(found[period_banner]) + 1
    for order, marker in enumerate(found[event_marker], start=first):
        yield EventInfo(
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


def citations_of(found: Found, docname: str, env: BuildEnvironment) -> Iterator[CitationInfo]:
    """The notes of a document, once numbered in it."""
    for node in found[notecite]:
        if "order" not in node:  # not annotated: a copy, not the note itself
            continue
        yield CitationInfo(
            keys=tuple(node["keys"]),
            pre=tuple(node["pre"]),
            post=tuple(node["post"]),
            docname=docname,
            lineno=node.line or 0,
            anchor=node["ids"][0],
            order=node["order"],
            after_footnote=bool(node.get(AFTER_FOOTNOTE)),
            raw=node["raw"],
            only=tuple(node.get(ONLY_ATTR, ())),
        )


def passages_of(found: Found, docname: str, env: BuildEnvironment) -> Iterator[PassageInfo]:
    """The tagged passages of a document, read from their anchors."""
    for target in found[nodes.target]:
        passage = target.get(PASSAGE_ATTR)
        if passage is not None:
            yield PassageInfo(docname=docname, anchor=target["ids"][0], **passage)


def editorials_of(found: Found, docname: str, env: BuildEnvironment) -> Iterator[EditorialInfo]:
    """The editorial notes of a document, in document order."""
    for order, node in enumerate(found[editorial_note], start=1):
        yield EditorialInfo(
            id=node["ids"][0],
            sic=node["sic"],
            corr=node["corr"],
            excerpt=node["excerpt"],
            docname=docname,
            lineno=node.line or 0,
            anchor=node["ids"][0],
            order=order,
        )


def theme_targets_of(found: Found, docname: str, env: BuildEnvironment) -> Iterator[ThemeTarget]:
    """The entries of the thematic indexes of a document (of a theme, the first one)."""
    specs = theme_specs(env.config)
    seen: set[str] = set()
    order = 0
    for index in found[themeindex]:
        for theme_id in index["themes"]:
            if theme_id in seen:
                continue
            seen.add(theme_id)
            order += 1
            spec = specs.get(theme_id)
            yield ThemeTarget(
                id=theme_id,
                title=spec.label if spec is not None else theme_id,
                docname=docname,
                anchor=index["prefix"] + theme_id,
                order=order,
            )

"""The plan of the book's notes: the number and form of every note, and its text.

The rules are pure functions of the recorded citations (:func:`decide_forms`) and of the
style (:func:`note_text`); :func:`plan_notes` puts them together.  The last part feeds them
from a build: once the book is read the plan is computed once (a compute step), and the
documents whose notes changed are named for re-writing (a page signature).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from pybtex.plugin import find_plugin
from pybtex.richtext import BaseMultipartText, BaseText, String, Symbol, Tag, Text
from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_edition.domain import get_domain
from sphinx_edition.notes.role import bibtex_domain
from sphinx_edition.oxford import OxfordStyle, plain_text
from sphinx_edition.oxford.text import capfirst
from sphinx_edition.view import BookView, get_view

if TYPE_CHECKING:
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags

    from sphinx_edition.records import CitationInfo

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: The pybtex plugin group of formatting styles.
STYLE_GROUP = "pybtex.style.formatting"

#: One run of note text: ("text" | "em" | "url", string).  Plain tuples, so a computed
#: note can be stored in the environment and compared between builds.
Segment = tuple[str, str]

#: Formats one note (its parts and pre-texts) into segments.
Formatter = Callable[[tuple["NotePart", ...], tuple[str, ...]], tuple[Segment, ...]]


# -- the rules (pure) -------------------------------------------------------------------


class NotePart(NamedTuple):
    """One cited work of a note, in the form the rules give it."""

    key: str  # "" when the target could not be parsed at all
    form: str  # "full" | "short" | "ibid" | "raw"
    locator: str


class Note(NamedTuple):
    """A note of the book: its number, parts and rendered text."""

    number: int
    docname: str
    order: int
    anchor: str
    parts: tuple[NotePart, ...]
    text: tuple[Segment, ...]
    #: For an "Ibid." note, the same note in short form: LaTeX prints it instead when
    #: the note turns out to be the first on its printed page.
    short: tuple[Segment, ...] = ()


class Plan(NamedTuple):
    """Every note of the book, by document, and the reverse index of cited works
    (read-only: the plan is computed once the book is read, and shared by every page)."""

    notes: Mapping[str, tuple[Note, ...]]  # docname -> notes in document order
    cited_in: Mapping[str, tuple[tuple[int, str], ...]]  # key -> ((number, docname), ...)
    undecided: tuple[tuple[int, str], ...]  # (number, why) where the rules had to guess


def decide_forms(
    citations: Sequence[CitationInfo], known: set[str]
) -> tuple[list[tuple[NotePart, ...]], list[tuple[int, str]]]:
    """The form of every cited work of every note (numbered from 1 in *citations* order).

    * the first citation of a work anywhere in the book is full, later ones short;
    * a note citing the same single work as the note just before, in the same document
      (page) and with no ordinary footnote between, is "Ibid." (with its locator if the
      locator differs); a note citing several works is never "Ibid." nor followed by one.
    """
    seen: set[str] = set()
    previous: tuple[str, str, str] | None = None  # (key, locator, docname)
    result: list[tuple[NotePart, ...]] = []
    undecided: list[tuple[int, str]] = []
    for number, cit in enumerate(citations, start=1):
        if not cit.keys:
            result.append((NotePart("", "raw", cit.raw),))
            previous = None
            continue
        parts: list[NotePart] = []
        for key, locator in zip(cit.keys, cit.post, strict=True):
            if key not in known:
                parts.append(NotePart(key, "raw", locator))
                continue
            if (
                len(cit.keys) == 1
                and previous is not None
                and previous[0] == key
                and previous[2] == cit.docname
                and not cit.after_footnote
            ):
                if not locator and previous[1]:
                    undecided.append(
                        (number, f"{key}: no locator after a note with {previous[1]!r}")
                    )
                parts.append(NotePart(key, "ibid", "" if locator == previous[1] else locator))
            else:
                parts.append(NotePart(key, "short" if key in seen else "full", locator))
        seen.update(k for k in cit.keys if k in known)
        single = len(cit.keys) == 1 and cit.keys[0] in known
        previous = (cit.keys[0], cit.post[0], cit.docname) if single else None
        result.append(tuple(parts))
    return result, undecided


def segments(text: BaseText) -> tuple[Segment, ...]:
    """Flatten pybtex rich text into (kind, string) runs, merging neighbours of a kind."""
    out: list[Segment] = []

    def add(kind: str, value: str) -> None:
        if not value:
            return
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + value)
        else:
            out.append((kind, value))

    def walk(part: Any, kind: str) -> None:
        if isinstance(part, String):
            add(kind, part.value)
        elif isinstance(part, Symbol):
            add(kind, {"ndash": "–", "newblock": " ", "nbsp": "\u00a0"}.get(part.name, " "))
        elif isinstance(part, Tag) and part.name in {"em", "i"}:
            # emphasis inside emphasis is roman again
            for child in part.parts:
                walk(child, "text" if kind == "em" else "em")
        elif part.__class__.__name__ == "HRef":
            add("url", plain_text(part))
        elif isinstance(part, BaseMultipartText):
            for child in part.parts:
                walk(child, kind)
        else:
            add(kind, str(part))

    walk(text, "text")
    return tuple(out)


def note_text(
    style: OxfordStyle,
    parts: Sequence[NotePart],
    pre: Sequence[str],
    entries: dict[str, Entry],
) -> Text:
    """The whole note: each work in its form, semicolon-separated, capitalised, full stop."""
    pieces: list[Text] = []
    for index, part in enumerate(parts):
        before = pre[index] if index < len(pre) else ""
        if part.form == "raw":
            body = Text(part.key or part.locator)
            if part.key and part.locator:
                body = Text(body, ", ", part.locator)
        elif part.form == "ibid":
            body = style.format_ibid(part.locator, capital=not before and index == 0)
        elif part.form == "full":
            body = style.format_full_note(entries[part.key], part.locator)
        else:
            body = style.format_short_note(entries[part.key], part.locator)
        pieces.append(Text(before, " ", body) if before else body)
    if parts and parts[0].form == "raw" and not (pre and pre[0]):
        # text that could not be resolved is printed exactly as written
        note = Text("; ").join(pieces)
        return note if len(parts) == 1 else note.add_period()
    return capfirst(Text("; ").join(pieces)).add_period()


def plan_notes(citations: Sequence[CitationInfo], known: set[str], fmt: Formatter) -> Plan:
    """Number and form of every note of *citations* (in reading order), formatted by *fmt*."""
    forms, undecided = decide_forms(citations, known)
    notes: dict[str, list[Note]] = {}
    cited_in: dict[str, list[tuple[int, str]]] = {}
    for number, (cit, parts) in enumerate(zip(citations, forms, strict=True), start=1):
        short: tuple[Segment, ...] = ()
        if parts[0].form == "ibid":
            short = fmt((NotePart(parts[0].key, "short", cit.post[0]),), cit.pre)
        note = Note(number, cit.docname, cit.order, cit.anchor, parts, fmt(parts, cit.pre), short)
        notes.setdefault(cit.docname, []).append(note)
        for part in parts:
            if part.form != "raw":
                cited_in.setdefault(part.key, []).append((number, cit.docname))
    return Plan(
        MappingProxyType({doc: tuple(found) for doc, found in notes.items()}),
        MappingProxyType({key: tuple(found) for key, found in cited_in.items()}),
        tuple(undecided),
    )


# -- in a build -------------------------------------------------------------------------

#: The names of the notes' compute steps: the formatting styles, then the plan.
STYLES = "styles"


def resolve_style(env: BuildEnvironment, name: str) -> type[Any]:
    """The pybtex formatting style *name*: one of those resolved once per build (the
    ``styles`` step), else looked up now.

    pybtex's ``find_plugin`` scans every installed entry point on each call (about 10 ms);
    the notes and each bibliography ask for the style again and again.  pybtex's own
    registry is not touched: it is shared by every build of the process, and registering
    (``register_plugin(force=True)``) would replace whatever another book or extension put
    there.  sphinxcontrib-bibtex still looks the style up itself, once per bibliography
    and build; it takes the style's name from the configuration and offers no other hook.
    """
    styles: Mapping[str, type[Any]] = get_view(env).get(STYLES) or {}
    if name in styles:
        return styles[name]
    return cast("type[Any]", find_plugin(STYLE_GROUP, name))


def resolve_styles(app: Sphinx, env: BuildEnvironment, view: BookView) -> Mapping[str, type[Any]]:
    """The ``styles`` step: the notes' style and every bibliography's, looked up once per
    build (a style may have been installed since the last one)."""
    names = {env.config.bibtex_default_style}
    names.update(value.style for value in bibtex_domain(env).bibliographies.values())
    return MappingProxyType({name: find_plugin(STYLE_GROUP, name) for name in sorted(names)})


def is_oxford(env: BuildEnvironment, style_name: str) -> bool:
    style = resolve_style(env, style_name)
    return isinstance(style, type) and issubclass(style, OxfordStyle)


def note_style(env: BuildEnvironment) -> OxfordStyle:
    """The style that formats notes: the configured one if it is Oxford-like, else Oxford."""
    style = resolve_style(env, env.config.bibtex_default_style)
    if not (isinstance(style, type) and issubclass(style, OxfordStyle)):
        style = OxfordStyle
    return style()


def compute_plan(env: BuildEnvironment, view: BookView, tags: Tags | None = None) -> Plan:
    """Number and form of every note of the book, in reading order: of the notes the
    builder prints, those in ``only`` blocks whose conditions *tags* meet (all with none)."""
    bibdata = bibtex_domain(env).bibdata
    entries = dict(bibdata.data.entries)
    style = note_style(env)
    # Formatting thousands of notes with pybtex is the costliest part of every build,
    # incremental ones included: keep the texts across builds, for as long as the .bib
    # files and the style are the same.
    fingerprint = (
        env.config.bibtex_default_style,
        tuple(sorted((str(path), bib.mtime) for path, bib in bibdata.bibfiles.items())),
    )
    cache = get_domain(env).note_texts(fingerprint)

    def fmt(parts: tuple[NotePart, ...], pre: tuple[str, ...]) -> tuple[Segment, ...]:
        cache_key = (*parts, NotePart("", "pre", "\x00".join(pre)))
        if cache_key not in cache:
            cache[cache_key] = segments(note_text(style, parts, pre, entries))
        return cast("tuple[Segment, ...]", cache[cache_key])

    citations = [
        cit
        for cit in view.citations()
        if tags is None or all(tags.eval_condition(expr) for expr in cit.only)
    ]
    return plan_notes(citations, set(entries), fmt)


#: Emitted with ``(app, env, plan)`` once the number and form of every note of the book
#: are known (a :class:`Plan`: notes by document, and the notes that cite each work),
#: before any document is written.
EVENT_NOTES_PLANNED = "edition-notes-planned"


def plan_step(app: Sphinx, env: BuildEnvironment, view: BookView) -> Plan:
    """The ``notes-plan`` step: the book's notes, computed once per build."""
    plan = compute_plan(env, view, app.tags)
    app.events.emit(EVENT_NOTES_PLANNED, env, plan)
    for number, why in plan.undecided:
        logger.verbose(_("note %d: the rules do not decide its form (%s)"), number, why)
    return plan


def note_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """What a page's notes and bibliographies show of other pages.

    A document's notes depend on every document before it (numbers, first/short forms);
    a bibliography depends on every note (its reverse index).  Comparing with the last
    build's per-document signatures re-writes exactly the documents whose output changes.
    """
    plan = view.plan
    if plan is None:
        return {}
    index = tuple(sorted((k, tuple(v)) for k, v in plan.cited_in.items()))
    new: dict[str, Hashable] = {doc: tuple(notes) for doc, notes in plan.notes.items()}
    for doc in {key.docname for key in bibtex_domain(env).bibliographies}:
        new[doc] = (new.get(doc), index)
    return new

"""The one store of everything the edition's directives collect, and of what it computes.

Data flows one way.  Directives and roles parse into nodes; read transforms of each
feature annotate them; :meth:`EditionDomain.process_doc` records them, per document, in
one place.  Once the book is read the domain computes what spans it (the reading order,
the timeline's place, the notes' plan) and answers ``env-get-updated`` with exactly the
documents whose output changes.  Renderers read a :class:`~sphinx_edition.view.BookView`,
which cannot change the store.  Every record is kept per document, so ``clear_doc`` and
``merge_domaindata`` (parallel reads) are exact, and incremental builds only re-read what
changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, TypeVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import get_translation
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode
from sphinxcontrib.bibtex.citation_target import CitationTarget
from sphinxcontrib.bibtex.roles import CitationRef

from sphinx_edition.config import theme_specs
from sphinx_edition.nodes import PERIOD_ATTR, apparatus_list, period_for_node, themeindex
from sphinx_edition.records import (
    CitationInfo,
    EditorialInfo,
    EventInfo,
    PassageInfo,
    PeriodInfo,
    citations_of,
    editorials_of,
    events_of,
    passages_of,
    periods_of,
    recorded_nodes,
)

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinxcontrib.bibtex.domain import BibtexDomain

    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.notes.plan import Plan

_ = get_translation("edition")
logger = logging.getLogger(__name__)
_T = TypeVar("_T")

#: Bump when the shape of any record or key below changes (it is part of ``env_version``).
DATA_VERSION = 4

#: The kinds of records kept per document.
RECORD_KINDS = ("periods", "events", "passages", "citations", "editorials")
#: Everything kept per document: the records, and what collecting directives hold.
PER_DOC = (*RECORD_KINDS, "collectors", "theme_targets")


class NoteTexts(NamedTuple):
    """Formatted note texts, valid while the style and the ``.bib`` files are the same."""

    fingerprint: tuple[Any, ...]
    texts: dict[Any, Any]


class EditionData(TypedDict):
    """The keys of the domain's data, and their types."""

    # -- recorded, per document (docname -> ...)
    periods: dict[str, list[PeriodInfo]]
    events: dict[str, list[EventInfo]]
    passages: dict[str, list[PassageInfo]]
    citations: dict[str, list[CitationInfo]]
    editorials: dict[str, list[EditorialInfo]]
    collectors: dict[str, list[str]]  # kinds of collecting directives in the document
    theme_targets: dict[str, dict[str, str]]  # theme id -> anchor of its index entry
    # -- computed once per build
    theme_specs: dict[str, ThemeSpec]  # parsed at builder-inited from the checked config
    reading_order: tuple[str, ...] | None  # frozen at env-updated, thawed before reading
    timeline: str | None  # the document of the book's first timeline
    notes_plan: Plan | None
    notes_texts: NoteTexts | None
    editorial_numbers: dict[str, int] | None  # anchor of an editorial note -> its number
    delivered_notes: dict[int, Any] | None  # note number -> its DeliveredNote
    #: Per output ("builder:outdir"), per kind ("notes", "pages"): docname -> what the
    #: document shows of other documents, as of the last build.
    signatures: dict[str, dict[str, dict[str, Hashable]]]


class EditionDomain(Domain):
    """Periods, events, themes and note citations of the whole book.

    ``data[kind][docname]`` is a list of records of that kind in reading order;
    ``data["collectors"][docname]`` names the collecting directives a document holds
    (``"timeline"``, ``"themeindex"``, ``"notes"``), so that it can be re-written
    whenever the collected data changes (each feature answers ``env-get-updated`` for the
    pages it renders from the whole book).
    """

    name = "edition"
    label = "Edition"
    object_types = {  # noqa: RUF012 -- Sphinx API
        "period": ObjType(_("period"), "period"),
        "event": ObjType(_("event"), "event"),
        "theme": ObjType(_("theme"), "theme"),
    }
    roles = {  # noqa: RUF012 -- Sphinx API
        "period": XRefRole(),
        "event": XRefRole(),
        "theme": XRefRole(),
    }
    initial_data = {  # noqa: RUF012 -- Sphinx API; the keys and types are EditionData's
        "periods": {},
        "events": {},
        "passages": {},
        "citations": {},
        "editorials": {},
        "collectors": {},
        "theme_targets": {},
        "theme_specs": {},
        "reading_order": None,
        "timeline": None,
        "notes_plan": None,
        "notes_texts": None,
        "editorial_numbers": None,
        "delivered_notes": None,
        "signatures": {},
    }
    data_version = DATA_VERSION

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: pybtex formatting styles resolved in this build, by name.  Not data: classes
        #: are not kept in the pickled environment (a style may live in ``conf.py``).
        self.styles: dict[str, type[Any]] = {}
        #: What renderers derive, page after page, from the records and data that are
        #: fixed once the book is read (indexes by id, the works, the book's JSON-LD):
        #: made once per build, emptied whenever a record changes and at ``env-updated``,
        #: never pickled.
        self.memo: dict[str, Any] = {}

    @property
    def store(self) -> EditionData:
        """The domain's data, typed."""
        return cast("EditionData", self.data)

    # -- recording (while a document is read) ----------------------------------------------

    def add_period(self, info: PeriodInfo) -> None:
        self.store["periods"].setdefault(info.docname, []).append(info)

    def add_event(self, info: EventInfo) -> None:
        self.store["events"].setdefault(info.docname, []).append(info)

    def add_passage(self, info: PassageInfo) -> None:
        self.store["passages"].setdefault(info.docname, []).append(info)

    def add_citation(self, info: CitationInfo) -> None:
        self.store["citations"].setdefault(info.docname, []).append(info)

    def add_editorial(self, info: EditorialInfo) -> None:
        self.store["editorials"].setdefault(info.docname, []).append(info)

    def note_collector(self, docname: str, kind: str) -> None:
        """Record that *docname* holds a collecting directive of *kind*."""
        kinds = self.store["collectors"].setdefault(docname, [])
        if kind not in kinds:
            kinds.append(kind)

    def set_theme_target(self, theme: str, docname: str, anchor: str) -> None:
        """Record the entry of *theme* in a thematic index of *docname* (first one wins)."""
        self.store["theme_targets"].setdefault(docname, {}).setdefault(theme, anchor)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the periods, events, citations, passages and thematic indexes of *docname*.

        The read transforms of each feature have annotated the nodes by now (priority
        850, before ``doctree-read``): periods know their parents, notes their order,
        passages their anchors and excerpts.  The records are read from the nodes by
        :mod:`sphinx_edition.records`, which knows the nodes (:mod:`sphinx_edition.nodes`)
        but not the feature modules: those import the domain.
        """
        self.memo.clear()  # what it remembered was made from the records before these
        found = recorded_nodes(document)  # one walk of the document for every kind
        for period in periods_of(found, docname):
            self.add_period(period)
        for event in events_of(found, docname):
            self.add_event(event)
        bibtex = cast("BibtexDomain", env.get_domain("cite"))
        for citation in citations_of(found, docname):
            self.add_citation(citation)
            if citation.keys:
                # So that sphinxcontrib-bibtex's ``:cited:`` filter sees notecite citations.
                bibtex.citation_refs.append(
                    CitationRef(
                        citation_ref_id=citation.anchor,
                        docname=docname,
                        line=citation.lineno,
                        # the role has parsed the targets already: rebuild, don't re-parse
                        targets=[
                            CitationTarget(key, pre, post)
                            for key, pre, post in zip(
                                citation.keys, citation.pre, citation.post, strict=True
                            )
                        ],
                    )
                )
        for passage in passages_of(found, docname):
            self.add_passage(passage)
        for editorial in editorials_of(found, docname):
            self.add_editorial(editorial)
        if found[apparatus_list]:
            self.note_collector(docname, "apparatus")
        for index in found[themeindex]:
            for theme_id in index["themes"]:
                self.set_theme_target(theme_id, docname, index["prefix"] + theme_id)
            self.note_collector(docname, "themeindex")

    # -- computed data (once the book is read) ---------------------------------------------

    def set_theme_specs(self, specs: dict[str, ThemeSpec]) -> None:
        self.store["theme_specs"] = specs

    def set_plan(self, plan: Plan) -> None:
        self.store["notes_plan"] = plan

    def set_editorial_numbers(self, numbers: dict[str, int]) -> None:
        self.store["editorial_numbers"] = numbers

    def set_delivered_notes(self, notes: dict[int, Any]) -> None:
        self.store["delivered_notes"] = notes

    def note_texts(self, fingerprint: tuple[Any, ...]) -> dict[Any, Any]:
        """The cache of formatted note texts, emptied when *fingerprint* differs."""
        stored = self.store["notes_texts"]
        if stored is None or stored.fingerprint != fingerprint:
            stored = self.store["notes_texts"] = NoteTexts(fingerprint, {})
        return stored.texts

    def remembered(self, name: str, make: Callable[[], _T]) -> _T:
        """The value *name* of this build's :attr:`memo`, made by *make* the first time."""
        if name not in self.memo:
            self.memo[name] = make()
        return cast("_T", self.memo[name])

    def changed_pages(self, app: Sphinx, kind: str, new: dict[str, Hashable]) -> list[str]:
        """Store the *new* signatures of *kind* (docname -> what the page shows of other
        pages) for this output; the documents whose signature changed since its last build.

        Kept per output (builder and folder), so that two builders sharing one
        environment each re-write what they have not written yet.
        """
        output = f"{app.builder.name}:{app.outdir}"
        old = self.store["signatures"].setdefault(output, {}).get(kind, {})
        self.store["signatures"][output][kind] = new
        changed = {doc for doc in set(old) | set(new) if old.get(doc) != new.get(doc)}
        return sorted(changed & set(self.env.all_docs))

    # -- reading (the accessors below do not change the store) -----------------------------

    def records(self, kind: str, docnames: Iterable[str]) -> Iterator[Any]:
        """Records of *kind* in the order of *docnames* (reading order), then document order."""
        table = cast("dict[str, list[Any]]", self.data[kind])
        for doc in docnames:
            yield from sorted(table.get(doc, ()), key=lambda r: r.order)

    def periods(self, docnames: Iterable[str]) -> list[PeriodInfo]:
        return list(self.records("periods", docnames))

    def events(self, docnames: Iterable[str]) -> list[EventInfo]:
        return list(self.records("events", docnames))

    def passages(self, docnames: Iterable[str]) -> list[PassageInfo]:
        return list(self.records("passages", docnames))

    def citations(self, docnames: Iterable[str]) -> list[CitationInfo]:
        return list(self.records("citations", docnames))

    def editorials(self, docnames: Iterable[str]) -> list[EditorialInfo]:
        return list(self.records("editorials", docnames))

    def collectors(self, kind: str | None = None) -> set[str]:
        """Documents that hold collecting directives (of *kind*, if given)."""
        table = self.store["collectors"]
        return {doc for doc, kinds in table.items() if kind is None or kind in kinds}

    def period_by_id(self, period_id: str) -> PeriodInfo | None:
        return cast("PeriodInfo | None", self._by_id("periods", period_id))

    def event_by_id(self, event_id: str) -> EventInfo | None:
        return cast("EventInfo | None", self._by_id("events", event_id))

    def _by_id(self, kind: str, record_id: str) -> Any:
        def index() -> dict[str, Any]:  # asked per banner and link: made once per build
            table = cast("dict[str, list[Any]]", self.data[kind])
            found: dict[str, Any] = {}
            for infos in table.values():
                for info in infos:
                    found.setdefault(info.id, info)
            return found

        return self.remembered(f"{kind}_by_id", index).get(record_id)

    def theme_target(self, theme: str) -> tuple[str, str] | None:
        """(docname, anchor) of the entry of *theme* in the first thematic index read."""
        return self.remembered("theme_targets", self._theme_targets).get(theme)

    def _theme_targets(self) -> dict[str, tuple[str, str]]:
        # Reading order, not dict order: the winner must not depend on which process of a
        # parallel build read which document.
        targets = self.store["theme_targets"]
        order = {doc: index for index, doc in enumerate(reading_order(self.env))}
        found: dict[str, tuple[str, str]] = {}
        for doc in sorted(targets, key=lambda doc: order.get(doc, len(order))):
            for theme, anchor in targets[doc].items():
                found.setdefault(theme, (doc, anchor))
        return found

    # -- Domain API -------------------------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.memo.clear()
        for kind in PER_DOC:
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.memo.clear()
        for kind in PER_DOC:
            for doc, value in otherdata[kind].items():
                if doc in docnames:
                    self.data[kind][doc] = value

    def _target(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """(docname, anchor, title) of a period, event or theme, or None."""
        if typ == "period":
            period = self.period_by_id(target)
            if period is not None:
                return period.docname, period.anchor, period.title
        elif typ == "event":
            event = self.event_by_id(target)
            if event is not None:
                return event.docname, event.anchor, event.title
        elif typ == "theme":
            found = self.theme_target(target)
            if found is not None:
                doc, anchor = found
                spec = self.store["theme_specs"].get(target)
                return doc, anchor, spec.label if spec is not None else target
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._target(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title)
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in self.object_types:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"edition:{typ}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for periods in self.store["periods"].values():
            for p in periods:
                yield p.id, p.title, "period", p.docname, p.anchor, 1
        for events in self.store["events"].values():
            for e in events:
                yield e.id, e.title, "event", e.docname, e.anchor, 1
        for theme in sorted({t for table in self.store["theme_targets"].values() for t in table}):
            found = self._target("theme", theme)
            if found is not None:
                yield theme, found[2], "theme", found[0], found[1], 1


def get_domain(env: BuildEnvironment) -> EditionDomain:
    """The edition domain of *env*, typed."""
    return cast("EditionDomain", env.get_domain(EditionDomain.name))


# -- the reading order ------------------------------------------------------------------------


def reading_order(env: BuildEnvironment) -> list[str]:
    """All documents in toctree reading order (root first), then any orphans by name."""
    # Frozen once reading has ended: it is asked for once per note, passage and link.
    frozen = get_domain(env).store["reading_order"]
    if frozen is not None:
        return list(frozen)
    return _walk_toctrees(env)


def toctree_order(env: BuildEnvironment) -> list[str]:
    """The documents the toctrees reach from the root, in reading order (no orphans)."""
    order: list[str] = []
    seen: set[str] = set()

    def walk(doc: str) -> None:
        if doc in seen or doc not in env.all_docs:
            return
        seen.add(doc)
        order.append(doc)
        for child in env.toctree_includes.get(doc, ()):
            walk(child)

    walk(env.config.root_doc)
    return order


def _walk_toctrees(env: BuildEnvironment) -> list[str]:
    order = toctree_order(env)
    return order + sorted(set(env.all_docs) - set(order))


def thaw(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: documents are about to be read, the order may change."""
    get_domain(env).store["reading_order"] = None
    get_domain(env).memo.clear()


def compute(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: reading is over; fix the reading order and the timeline's place."""
    get_domain(env).memo.clear()
    store = get_domain(env).store
    order = tuple(_walk_toctrees(env))
    store["reading_order"] = order
    timelines = get_domain(env).collectors("timeline")
    store["timeline"] = next((doc for doc in order if doc in timelines), None)


def store_theme_specs(app: Sphinx) -> None:
    """``builder-inited``: keep the themes of the configuration, checked at
    ``config-inited``, parsed for the whole build."""
    get_domain(app.env).set_theme_specs(theme_specs(app.config))


#: Emitted once the whole book is read, with ``(app, env, domain)``: another extension
#: can read (or check) every period, event, theme passage and citation here, in reading
#: order through :func:`reading_order` and the domain's accessors.
EVENT_COLLECTED = "edition-collected"


def emit_collected(app: Sphinx, env: BuildEnvironment) -> None:
    app.events.emit(EVENT_COLLECTED, env, get_domain(env))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(EditionDomain)
    app.add_event(EVENT_COLLECTED)
    app.connect("builder-inited", store_theme_specs)
    app.connect("env-before-read-docs", thaw)
    app.connect("env-updated", compute)
    # After the edition's own whole-book checks (priority 500), so that listeners see
    # data whose problems have already been reported.
    app.connect("env-check-consistency", emit_collected, priority=800)


__all__ = [
    "DATA_VERSION",
    "PERIOD_ATTR",
    "CitationInfo",
    "EditionDomain",
    "EditorialInfo",
    "EventInfo",
    "PassageInfo",
    "PeriodInfo",
    "get_domain",
    "period_for_node",
    "reading_order",
]

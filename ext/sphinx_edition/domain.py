"""The one store of everything the edition's directives collect.

Directives record into this domain while a document is read; collecting directives
(``timeline``, ``themeindex``) and the note renderer read from it while documents are
written.  Every record is kept per document, so ``clear_doc`` and ``merge_domaindata``
(parallel reads) are exact, and incremental builds only re-read what changed.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import get_translation
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: Bump when the shape of any record below changes (it is part of ``env_version``).
DATA_VERSION = 2


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
    section: str  # title of the enclosing section
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


#: The kinds of records kept per document, and the attribute holding each.
RECORD_KINDS = ("periods", "events", "passages", "citations")


class EditionDomain(Domain):
    """Periods, events, themes and note citations of the whole book.

    ``data[kind][docname]`` is a list of records of that kind in reading order;
    ``data["collectors"][docname]`` names the collecting directives a document holds
    (``"timeline"``, ``"themeindex"``, ``"notes"``), so that it can be re-written
    whenever the collected data changes (see ``env_get_updated``).
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
    initial_data = {  # noqa: RUF012 -- Sphinx API
        "periods": {},
        "events": {},
        "passages": {},
        "citations": {},
        "collectors": {},
        # docname -> {theme id: anchor of its entry in that document's thematic index};
        # kept per document so that clear_doc/merge stay exact, resolved in reading order.
        "theme_targets": {},
    }
    data_version = DATA_VERSION

    # -- typed access -----------------------------------------------------------------

    def _per_doc(self, kind: str) -> dict[str, list[Any]]:
        return cast("dict[str, list[Any]]", self.data[kind])

    def _add(self, kind: str, record: Any) -> None:
        self._per_doc(kind).setdefault(record.docname, []).append(record)

    def add_period(self, info: PeriodInfo) -> None:
        self._add("periods", info)

    def add_event(self, info: EventInfo) -> None:
        self._add("events", info)

    def add_passage(self, info: PassageInfo) -> None:
        self._add("passages", info)

    def add_citation(self, info: CitationInfo) -> None:
        self._add("citations", info)

    def note_collector(self, docname: str, kind: str) -> None:
        """Record that *docname* holds a collecting directive of *kind*."""
        kinds = cast("dict[str, list[str]]", self.data["collectors"]).setdefault(docname, [])
        if kind not in kinds:
            kinds.append(kind)

    def collectors(self, kind: str | None = None) -> set[str]:
        """Documents that hold collecting directives (of *kind*, if given)."""
        table = cast("dict[str, list[str]]", self.data["collectors"])
        return {doc for doc, kinds in table.items() if kind is None or kind in kinds}

    def set_theme_target(self, theme: str, docname: str, anchor: str) -> None:
        """Record the entry of *theme* in a thematic index of *docname* (first one wins)."""
        targets = cast("dict[str, dict[str, str]]", self.data["theme_targets"])
        targets.setdefault(docname, {}).setdefault(theme, anchor)

    def theme_target(self, theme: str) -> tuple[str, str] | None:
        """(docname, anchor) of the entry of *theme* in the first thematic index read."""
        targets = cast("dict[str, dict[str, str]]", self.data["theme_targets"])
        # Reading order, not dict order: the winner must not depend on which process
        # of a parallel build read which document.
        for doc in reading_order(self.env):
            anchor = targets.get(doc, {}).get(theme)
            if anchor is not None:
                return doc, anchor
        return None

    def records(self, kind: str, docnames: Iterable[str]) -> Iterator[Any]:
        """Records of *kind* in the order of *docnames* (reading order), then document order."""
        table = self._per_doc(kind)
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

    def period_by_id(self, period_id: str) -> PeriodInfo | None:
        for infos in self._per_doc("periods").values():
            for info in infos:
                if info.id == period_id:
                    return cast("PeriodInfo", info)
        return None

    def event_by_id(self, event_id: str) -> EventInfo | None:
        for infos in self._per_doc("events").values():
            for info in infos:
                if info.id == event_id:
                    return cast("EventInfo", info)
        return None

    # -- Domain API ---------------------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        for kind in (*RECORD_KINDS, "collectors", "theme_targets"):
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for kind in (*RECORD_KINDS, "collectors", "theme_targets"):
            for doc, value in otherdata[kind].items():
                if doc in docnames:
                    self.data[kind][doc] = value

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        # Records are added by the directives themselves while the document is parsed.
        pass

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
                labels = cast("dict[str, Any]", self.env.config.edition_themes)
                label = labels.get(target, target)
                if isinstance(label, dict):
                    label = label.get("label", target)
                return doc, anchor, str(label)
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
        for infos in self._per_doc("periods").values():
            for p in infos:
                yield p.id, p.title, "period", p.docname, p.anchor, 1
        for infos in self._per_doc("events").values():
            for e in infos:
                yield e.id, e.title, "event", e.docname, e.anchor, 1
        for theme in sorted({t for table in self.data["theme_targets"].values() for t in table}):
            found = self._target("theme", theme)
            if found is not None:
                yield theme, found[2], "theme", found[0], found[1], 1


#: Attribute set on a ``section`` node by the ``period`` directive that stands in it.
PERIOD_ATTR = "edition_period"


def period_for_node(node: nodes.Node) -> str | None:
    """Id of the period that applies to *node*: that of its nearest section with one."""
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.section) and current.get(PERIOD_ATTR):
            return str(current[PERIOD_ATTR])
        current = current.parent
    return None


def get_domain(env: BuildEnvironment) -> EditionDomain:
    """The edition domain of *env*, typed."""
    return cast("EditionDomain", env.get_domain(EditionDomain.name))


#: The reading order of each environment while its documents are written: it is asked
#: for once per note, passage and link, and cannot change once reading has ended.
_FROZEN_ORDER: weakref.WeakKeyDictionary[BuildEnvironment, tuple[str, ...]] = (
    weakref.WeakKeyDictionary()
)


def reading_order(env: BuildEnvironment) -> list[str]:
    """All documents in toctree reading order (root first), then any orphans by name."""
    frozen = _FROZEN_ORDER.get(env)
    if frozen is not None:
        return list(frozen)
    return _walk_toctrees(env)


def freeze_reading_order(app: Sphinx, env: BuildEnvironment) -> None:
    """Reading is over (``env-updated``): the order holds until the next read."""
    _FROZEN_ORDER[env] = tuple(_walk_toctrees(env))


def thaw_reading_order(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Documents are about to be read (``env-before-read-docs``): the order may change."""
    _FROZEN_ORDER.pop(env, None)


def _walk_toctrees(env: BuildEnvironment) -> list[str]:
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
    order.extend(sorted(d for d in env.all_docs if d not in seen))
    return order


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Re-write documents whose output depends on data collected from other documents.

    ``sphinx.ext.todo`` misses this: its list page keeps stale entries until a full
    rebuild.  Answering here makes incremental builds match clean ones.
    """
    if not env.found_docs:
        return []
    return sorted(get_domain(env).collectors() & set(env.all_docs))


#: Emitted once the whole book is read, with ``(app, env, domain)``: another extension
#: can read (or check) every period, event, theme passage and citation here, in reading
#: order through :func:`reading_order` and the domain's accessors.
EVENT_COLLECTED = "edition-collected"


def emit_collected(app: Sphinx, env: BuildEnvironment) -> None:
    app.events.emit(EVENT_COLLECTED, env, get_domain(env))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(EditionDomain)
    app.add_event(EVENT_COLLECTED)
    app.connect("env-before-read-docs", thaw_reading_order)
    app.connect("env-updated", freeze_reading_order)
    app.connect("env-get-updated", env_get_updated)
    # After the edition's own whole-book checks (priority 500), so that listeners see
    # data whose problems have already been reported.
    app.connect("env-check-consistency", emit_collected, priority=800)

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

from collections.abc import Hashable, Iterable, Iterator, Mapping, Set
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypedDict, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_edition.book import Book, StoreFrozenError
from sphinx_edition.nodes import PERIOD_ATTR, period_for_node
from sphinx_edition.records import (
    CitationInfo,
    EditorialInfo,
    EventInfo,
    PassageInfo,
    PeriodInfo,
)
from sphinx_edition.registry import (
    INDEXES,
    READING_ORDER,
    RECORDS,
    TOCTREE_ORDER,
    ComputeStep,
    Registry,
    find_nodes,
)

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Bump when the shape of any record or key below changes (it is part of ``env_version``).
DATA_VERSION = 6


class NoteTexts(NamedTuple):
    """Formatted note texts, valid while the style and the ``.bib`` files are the same."""

    fingerprint: tuple[Any, ...]
    texts: dict[Any, Any]


class EditionData(TypedDict):
    """The keys of the domain's own data, and their types.  Beside them the data holds one
    table per registered record kind: ``data[kind][docname]`` is the document's records."""

    collectors: dict[str, list[str]]  # docname -> kinds of collecting directives it holds
    notes_texts: NoteTexts | None  # kept across builds: formatting is the dearest part
    #: Per output ("builder:outdir"), per signature ("notes", "timeline"): docname -> what
    #: the document shows of other documents, as of the last build.
    signatures: dict[str, dict[str, dict[str, Hashable]]]


class EditionDomain(Domain):
    """Every record of the book, per document, and the computed book.

    What is kept is declared by the features (``sphinx_edition.registry``): one table per
    record kind, filled by ``process_doc`` and emptied by ``clear_doc``.  Once
    the book is read, the declared compute steps run into ``book`` (in their order) and
    the page signatures name the documents to re-write; then the store is frozen until the
    next reading.  Each application gets a subclass of its own, whose ``registered`` holds
    what was declared on it.
    """

    name = "edition"
    label = "Edition"
    object_types: ClassVar[dict[str, ObjType]] = {}
    roles: ClassVar[dict[str, Any]] = {}
    initial_data: ClassVar[dict[str, Any]] = {  # the keys and types are EditionData's
        "collectors": {},
        "notes_texts": None,
        "signatures": {},
    }
    data_version = DATA_VERSION
    #: What the application registered (replaced per application by :func:`setup_domain`).
    registered: ClassVar[Registry] = Registry()

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        for kind in self.registered.kinds:
            self.data.setdefault(kind, {})
        #: The computed book: made anew when reading ends, frozen before writing.
        self.book = Book()

    @property
    def store(self) -> EditionData:
        """The domain's own data, typed."""
        return cast("EditionData", self.data)

    def _writable(self) -> None:
        if self.book.frozen:
            raise StoreFrozenError("the edition's store changes only while documents are read")

    # -- recording (while a document is read) ----------------------------------------------

    def note_collector(self, docname: str, kind: str) -> None:
        """Record that *docname* holds a collecting directive of *kind*."""
        self._writable()
        kinds = self.store["collectors"].setdefault(docname, [])
        if kind not in kinds:
            kinds.append(kind)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the records of every registered kind in *docname*, from one walk of it.

        The read transforms of each feature have annotated the nodes by now (priority
        850, before ``doctree-read``): periods know their parents, notes their order,
        passages their anchors and excerpts.
        """
        self._writable()
        registered = self.registered
        found = find_nodes(document, registered.node_classes())
        for kind in registered.kinds.values():
            if kind.read is not None:
                records = list(kind.read(found, docname, env))
                if records:
                    self.data[kind.name][docname] = records
                    if kind.recorded is not None:
                        kind.recorded(env, docname, records)
            if kind.collects is not None and any(found[cls] for cls in kind.nodes):
                self.note_collector(docname, kind.collects)

    def note_texts(self, fingerprint: tuple[Any, ...]) -> dict[Any, Any]:
        """The cache of formatted note texts, emptied when *fingerprint* differs."""
        stored = self.store["notes_texts"]
        if stored is None or stored.fingerprint != fingerprint:
            self._writable()
            stored = self.store["notes_texts"] = NoteTexts(fingerprint, {})
        return stored.texts

    def changed_pages(self, app: Sphinx, kind: str, new: Mapping[str, Hashable]) -> list[str]:
        """Store the *new* signatures of *kind* (docname -> what the page shows of other
        pages) for this output; the documents whose signature changed since its last build.

        Kept per output (builder and folder), so that two builders sharing one
        environment each re-write what they have not written yet.
        """
        self._writable()
        output = f"{app.builder.name}:{app.outdir}"
        old = self.store["signatures"].setdefault(output, {}).get(kind, {})
        self.store["signatures"][output][kind] = dict(new)
        changed = {doc for doc in set(old) | set(new) if old.get(doc) != new.get(doc)}
        return sorted(changed & set(self.env.all_docs))

    # -- reading (the accessors below do not change the store) -----------------------------

    def records(self, kind: str, docnames: Iterable[str]) -> Iterator[Any]:
        """Records of *kind* in the order of *docnames* (reading order), then document order."""
        table = cast("dict[str, list[Any]]", self.data[kind])
        for doc in docnames:
            yield from sorted(table.get(doc, ()), key=lambda r: r.order)

    def collectors(self, kind: str | None = None) -> set[str]:
        """Documents that hold collecting directives (of *kind*, if given)."""
        table = self.store["collectors"]
        return {doc for doc, kinds in table.items() if kind is None or kind in kinds}

    def targets(self) -> Mapping[str, Mapping[str, Any]]:
        """object type -> id -> the first record with that id in reading order."""
        computed = self.book.get(INDEXES)
        if computed is not None:
            return cast("Mapping[str, Mapping[str, Any]]", computed)
        return object_index(self, reading_order(self.env))

    # -- Domain API -------------------------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self._writable()
        self.store["collectors"].pop(docname, None)
        for kind in self.registered.kinds:
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._writable()
        for kind in ("collectors", *self.registered.kinds):
            for doc, value in otherdata[kind].items():
                if doc in docnames:
                    self.data[kind][doc] = value

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
        found = self.targets().get(typ, {}).get(target)
        if found is None:
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline(found.title, found.title)
        return make_refnode(
            builder, fromdocname, found.docname, found.anchor, contnode, found.title
        )

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
        for typ, found in self.targets().items():
            for record_id, record in found.items():
                yield record_id, record.title, typ, record.docname, record.anchor, 1


def get_domain(env: BuildEnvironment) -> EditionDomain:
    """The edition domain of *env*, typed."""
    return cast("EditionDomain", env.get_domain(EditionDomain.name))


# -- the reading order ------------------------------------------------------------------------


def reading_order(env: BuildEnvironment) -> list[str]:
    """All documents in toctree reading order (root first), then any orphans by name."""
    computed = get_domain(env).book.get(READING_ORDER)
    if computed is not None:
        return list(computed)
    return _with_orphans(env, toctree_order(env))


def toctree_order(env: BuildEnvironment) -> list[str]:
    """The documents the toctrees reach from the root, in reading order (no orphans)."""
    computed = get_domain(env).book.get(TOCTREE_ORDER)
    if computed is not None:
        return list(computed)
    return [doc for doc in env.collect_relations() if doc in env.all_docs]


def _with_orphans(env: BuildEnvironment, order: Iterable[str]) -> list[str]:
    reached = list(order)
    return reached + sorted(set(env.all_docs) - set(reached))


def object_index(domain: EditionDomain, order: Iterable[str]) -> dict[str, dict[str, Any]]:
    """object type -> id -> its first record in *order*, for every kind with an object type."""
    docs = list(order)
    index: dict[str, dict[str, Any]] = {}
    for kind in domain.registered.kinds.values():
        if kind.object_type is None:
            continue
        found = index.setdefault(kind.object_type, {})
        for record in domain.records(kind.name, docs):
            found.setdefault(record.id, record)
    return index


# -- once the book is read ----------------------------------------------------------------------


def thaw(app: Sphinx, env: BuildEnvironment, *args: Any) -> None:
    """``env-purge-doc``, ``env-before-read-docs``: documents are about to be read or
    removed; the computed book is gone until reading ends."""
    get_domain(env).book = Book()


def compute(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: reading is over; run every compute step, in their declared order."""
    from sphinx_edition.view import BookView  # noqa: PLC0415 -- the view reads the domain

    domain = get_domain(env)
    domain.book = Book()
    view = BookView(domain)
    for step in domain.registered.ordered_steps():
        domain.book.set(step.name, step.compute(app, env, view))


def pages_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the documents whose output changes with the book; then the
    store is frozen until the next reading."""
    from sphinx_edition.view import BookView  # noqa: PLC0415 -- the view reads the domain

    domain = get_domain(env)
    view = BookView(domain)
    changed: set[str] = set()
    for signature in domain.registered.signatures.values():
        changed.update(domain.changed_pages(app, signature.name, signature.signatures(env, view)))
    domain.book.freeze()
    return sorted(changed)


def _toctree_order(app: Sphinx, env: BuildEnvironment, view: Any) -> tuple[str, ...]:
    return tuple(doc for doc in env.collect_relations() if doc in env.all_docs)


def _reading_order(app: Sphinx, env: BuildEnvironment, view: Any) -> tuple[str, ...]:
    return tuple(_with_orphans(env, get_domain(env).book.get(TOCTREE_ORDER)))


def _records(app: Sphinx, env: BuildEnvironment, view: Any) -> dict[str, tuple[Any, ...]]:
    # Asked for on every page (banners, chips, notes): sorted into reading order once.
    domain = get_domain(env)
    order = domain.book.get(READING_ORDER)
    return {kind: tuple(domain.records(kind, order)) for kind in domain.registered.kinds}


def _indexes(app: Sphinx, env: BuildEnvironment, view: Any) -> dict[str, dict[str, Any]]:
    return object_index(get_domain(env), get_domain(env).book.get(READING_ORDER))


#: The domain's own steps: every other step may come after them.
STEPS = (
    ComputeStep(TOCTREE_ORDER, _toctree_order),
    ComputeStep(READING_ORDER, _reading_order, after=(TOCTREE_ORDER,)),
    ComputeStep(RECORDS, _records, after=(READING_ORDER,)),
    ComputeStep(INDEXES, _indexes, after=(READING_ORDER,)),
)


#: Emitted once the whole book is read, with ``(app, env, view)``: another extension can
#: read (or check) every record here, in reading order, through the
#: :class:`~sphinx_edition.view.BookView`.
EVENT_COLLECTED = "edition-collected"


def emit_collected(app: Sphinx, env: BuildEnvironment) -> None:
    from sphinx_edition.view import BookView  # noqa: PLC0415 -- the view reads the domain

    app.events.emit(EVENT_COLLECTED, env, BookView(get_domain(env)))


def setup_domain(app: Sphinx) -> None:
    """Register a domain class of this application's own, with its registry."""
    registered = Registry()
    domain = type(
        "EditionDomain",
        (EditionDomain,),
        {
            "__module__": __name__,
            "registered": registered,
            "object_types": {},
            "roles": {},
        },
    )
    app.add_domain(domain)
    for step in STEPS:
        registered.steps[step.name] = step
    app.add_event(EVENT_COLLECTED)
    app.connect("env-purge-doc", thaw)
    app.connect("env-before-read-docs", thaw)
    # After every extension's own (sphinxcontrib-bibtex resolves its citations there).
    app.connect("env-updated", compute, priority=900)
    app.connect("env-get-updated", pages_to_write, priority=900)
    # After the edition's own whole-book checks (priority 500), so that listeners see
    # data whose problems have already been reported.
    app.connect("env-check-consistency", emit_collected, priority=800)


__all__ = [
    "DATA_VERSION",
    "EVENT_COLLECTED",
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
    "toctree_order",
]

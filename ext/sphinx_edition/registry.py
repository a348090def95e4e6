"""The public API by which a feature, in this package or in another extension, plugs into
the edition's one store: record kinds, book-wide compute steps and page signatures.

A feature's ``setup_*`` declares, once:

* a :class:`RecordKind` — the nodes a document's records are read from, how (a function of
  the nodes found and the document), and the collecting directive those nodes stand for.
  :meth:`~sphinx_edition.domain.EditionDomain.process_doc`, ``clear_doc``,
  ``merge_domaindata``, the store and :meth:`BookView.records
  <sphinx_edition.view.BookView.records>` serve every registered kind; a kind with an
  ``object_type`` gets a cross-reference role (``{edition:<type>}``) and an inventory entry.
* a :class:`ComputeStep` — a value computed once the whole book is read, after the steps
  it names in ``after``; later steps and every renderer read it through the view.
* a :class:`PageSignature` — for the pages it renders from the whole book, what each shows
  of other documents: a page whose signature changed since the last build is re-written.

Registration is per application: each Sphinx application gets its own edition domain
class, which holds what was registered on it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_edition.view import BookView

#: A document's nodes of each class that some kind reads, in document order.
Found = Mapping[type[nodes.Element], Sequence[nodes.Element]]

#: How a kind reads the records of one document: from the nodes found, the docname and
#: the environment (for the configuration).
Reader = Callable[[Found, str, "BuildEnvironment"], Iterable[Any]]


#: The domain's own compute steps, which a feature's step may name in its ``after``:
#: the documents in the order of the table of contents (``env.collect_relations``);
TOCTREE_ORDER = "toctree-order"
#: every document read, in that order (documents outside the tables of contents last);
READING_ORDER = "reading-order"
#: every kind's records in reading order (:meth:`BookView.records
#: <sphinx_edition.view.BookView.records>` reads them);
RECORDS = "records"
#: the targets of the object types (:meth:`BookView.target
#: <sphinx_edition.view.BookView.target>` reads them).
INDEXES = "indexes"


@dataclass(frozen=True)
class RecordKind:
    """One kind of record the domain keeps per document.

    Records are typed (a ``NamedTuple`` is best: picklable, comparable, immutable) and carry
    ``docname`` and ``order`` (their place in the document); with an ``object_type`` they
    also carry ``id``, ``title`` and ``anchor``, the target of its cross-reference role.
    """

    #: The key of the kind's records in the store (``"periods"``).
    name: str
    #: The node classes the kind reads (or whose presence makes a document a collector).
    nodes: tuple[type[nodes.Element], ...]
    #: The records of a document; ``None`` for a kind that only collects.
    read: Reader | None = None
    #: The record type, for readers of the API (the store holds whatever ``read`` yields).
    record: type[Any] | None = None
    #: A document holding any of ``nodes`` holds a collecting directive of this name
    #: (``"timeline"``): it is re-written whenever what it collects changes.
    collects: str | None = None
    #: The object type of the records (``"period"``): ``{edition:period}`` resolves to them.
    object_type: str | None = None
    #: The object type's name for readers (a translatable ``_("period")``); else ``object_type``.
    label: str | None = None
    #: Called with ``(env, docname, records)`` once a document's records are stored.
    recorded: Callable[[BuildEnvironment, str, Sequence[Any]], None] | None = None


@dataclass(frozen=True)
class ComputeStep:
    """A value computed once the book is read, before any page is written.

    ``compute(app, env, view)`` returns the value; the view holds the records and the
    values of the steps before it.  Nothing may change the value once computed: return
    tuples, frozen sets and read-only mappings (``types.MappingProxyType``).
    """

    name: str
    compute: Callable[[Sphinx, BuildEnvironment, BookView], Any]
    #: The steps whose values this one reads.
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageSignature:
    """What the pages of one feature show of other documents: docname -> a hashable value.

    Asked once per build, after every step; the documents whose signature differs from the
    last build of the same output are re-written.
    """

    name: str
    signatures: Callable[[BuildEnvironment, BookView], Mapping[str, Hashable]]


@dataclass
class Registry:
    """What one application registered: record kinds, compute steps, page signatures."""

    kinds: dict[str, RecordKind] = field(default_factory=dict)
    steps: dict[str, ComputeStep] = field(default_factory=dict)
    signatures: dict[str, PageSignature] = field(default_factory=dict)

    def node_classes(self) -> tuple[type[nodes.Element], ...]:
        """Every node class some kind reads, each once."""
        return tuple(dict.fromkeys(cls for kind in self.kinds.values() for cls in kind.nodes))

    def ordered_steps(self) -> list[ComputeStep]:
        """The steps in an order where each comes after the steps it names (else in the
        order they were registered); a step naming an unknown or circular step fails."""
        done: dict[str, ComputeStep] = {}
        visiting: set[str] = set()

        def visit(name: str, wanted_by: str) -> None:
            if name in done:
                return
            if name not in self.steps:
                raise ValueError(f"compute step {wanted_by!r} comes after unknown {name!r}")
            if name in visiting:
                raise ValueError(f"compute steps {name!r} and {wanted_by!r} wait on each other")
            visiting.add(name)
            for before in self.steps[name].after:
                visit(before, name)
            visiting.discard(name)
            done[name] = self.steps[name]

        for name in self.steps:
            visit(name, name)
        return list(done.values())


def registry(app: Sphinx) -> Registry:
    """The registry of *app* (the edition extension must be set up first)."""
    from sphinx_edition.domain import EditionDomain  # noqa: PLC0415 -- the domain imports us

    domain = app.registry.domains.get(EditionDomain.name)
    if domain is None or not issubclass(domain, EditionDomain):
        raise RuntimeError("set up the extension sphinx_edition before registering with it")
    return domain.registered


def add_record_kind(app: Sphinx, kind: RecordKind) -> None:
    """Declare a kind of record: the domain reads, keeps and hands out its records."""
    from sphinx.domains import ObjType  # noqa: PLC0415
    from sphinx.roles import XRefRole  # noqa: PLC0415

    from sphinx_edition.domain import EditionDomain  # noqa: PLC0415

    found = registry(app)
    if kind.name in found.kinds:
        raise ValueError(f"record kind {kind.name!r} is registered already")
    found.kinds[kind.name] = kind
    if kind.object_type is not None:
        domain = app.registry.domains[EditionDomain.name]
        label = kind.label or kind.object_type
        domain.object_types[kind.object_type] = ObjType(label, kind.object_type)
        domain.roles[kind.object_type] = XRefRole()


def add_compute_step(app: Sphinx, step: ComputeStep) -> None:
    """Declare a value computed once the book is read (see :class:`ComputeStep`)."""
    found = registry(app)
    if step.name in found.steps:
        raise ValueError(f"compute step {step.name!r} is registered already")
    found.steps[step.name] = step


def add_page_signature(app: Sphinx, signature: PageSignature) -> None:
    """Declare what a feature's pages show of other documents (see :class:`PageSignature`)."""
    found = registry(app)
    if signature.name in found.signatures:
        raise ValueError(f"page signature {signature.name!r} is registered already")
    found.signatures[signature.name] = signature


def find_nodes(document: nodes.document, classes: tuple[type[nodes.Element], ...]) -> Found:
    """The nodes of each of *classes* in *document*, found in one walk (a walk per class
    costs as much each, and a document is recorded every time it is read)."""
    found: dict[type[nodes.Element], list[nodes.Element]] = {cls: [] for cls in classes}
    for node in document.findall(nodes.Element):
        if isinstance(node, classes):
            for cls in classes:
                if isinstance(node, cls):
                    found[cls].append(node)
    return found


__all__ = [
    "INDEXES",
    "READING_ORDER",
    "RECORDS",
    "TOCTREE_ORDER",
    "ComputeStep",
    "Found",
    "PageSignature",
    "RecordKind",
    "Registry",
    "add_compute_step",
    "add_page_signature",
    "add_record_kind",
    "find_nodes",
    "registry",
]

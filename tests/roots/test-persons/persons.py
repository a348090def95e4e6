"""Persons: a record kind added to the edition from outside it, through its public API.

``person`` (directive) says who a person is; ``{person}`` (role) mentions one in the text;
``personindex`` lists every person with links to the places that mention them.
``{edition:person}`` links to the directive.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.util.docutils import ReferenceRole, SphinxDirective
from sphinx.util.nodes import make_refnode
from sphinx_edition.nodes import PASS, add_node
from sphinx_edition.registry import (
    RECORDS,
    ComputeStep,
    PageSignature,
    RecordKind,
    add_compute_step,
    add_page_signature,
    add_record_kind,
)
from sphinx_edition.view import get_view

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx_edition.registry import Found
    from sphinx_edition.view import BookView

# -- nodes and records ------------------------------------------------------------------


class person_note(nodes.General, nodes.Element):
    """A ``person`` directive: ``person``, ``name``, ``dates``, ``anchor``."""


class person_mention(nodes.Inline, nodes.TextElement):
    """A ``{person}`` role: ``person``, ``explicit`` (its text given), ``anchor``."""


class personindex(nodes.General, nodes.Element):
    """Placeholder of a ``personindex`` directive, filled when its page is written."""


class Person(NamedTuple):
    id: str
    title: str  # the name: ``{edition:person}`` prints it
    dates: str
    docname: str
    anchor: str
    order: int


class Mention(NamedTuple):
    person: str
    explicit: bool  # the role gives its own text (else it prints the person's name)
    docname: str
    anchor: str
    order: int


if TYPE_CHECKING:
    #: What the ``person-index`` step computes: person id -> (the person, or None when
    #: only mentioned, and the mentions in reading order), ordered by name.
    Index = Mapping[str, tuple[Person | None, tuple[Mention, ...]]]


# -- directives and role ----------------------------------------------------------------


class PersonDirective(SphinxDirective):
    """``person <id>`` with ``:name:`` and ``:dates:``; the body says who they were."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "name": directives.unchanged,
        "dates": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        person = self.arguments[0]
        name, dates = self.options.get("name", person), self.options.get("dates", "")
        anchor = nodes.make_id(f"person-{person}")
        # In the paragraph, the target stays where it is (a target before a block would
        # give its id to the block, which the writers do not print).
        target = nodes.target("", "", ids=[anchor])
        self.state.document.note_explicit_target(target)
        head = nodes.paragraph("", "", target, nodes.strong(name, name))
        if dates:
            head += nodes.Text(f" ({dates})")
        note = person_note("", head, person=person, name=name, dates=dates, anchor=anchor)
        self.set_source_info(note)
        note.extend(self.parse_content_to_nodes())
        return [note]


class PersonRole(ReferenceRole):
    """``{person}`Name <id>``` (or ``{person}`id```, which prints the person's name)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        serial = self.env.new_serialno(f"person-{self.target}") + 1
        anchor = nodes.make_id(f"person-{self.target}-{serial}")
        mention = person_mention(self.rawtext, self.title, person=self.target, anchor=anchor)
        mention["explicit"] = self.has_explicit_title
        return [nodes.target("", "", ids=[anchor]), mention], []


class PersonIndexDirective(SphinxDirective):
    """``personindex``: every person, with links to where they are mentioned."""

    def run(self) -> list[nodes.Node]:
        return [personindex("")]


# -- the record kinds: what the edition's store keeps -------------------------------------


def persons_of(found: Found, docname: str, env: BuildEnvironment) -> list[Person]:
    return [
        Person(n["person"], n["name"], n["dates"], docname, n["anchor"], order)
        for order, n in enumerate(found[person_note])
    ]


def mentions_of(found: Found, docname: str, env: BuildEnvironment) -> list[Mention]:
    return [
        Mention(n["person"], n["explicit"], docname, n["anchor"], order)
        for order, n in enumerate(found[person_mention])
    ]


PERSONS = RecordKind(
    "persons", (person_note,), persons_of, Person, object_type="person", label="person"
)
MENTIONS = RecordKind("person_mentions", (person_mention,), mentions_of, Mention)
#: Reads nothing: a page with a ``personindex`` is a collector of persons.
PERSON_INDEXES = RecordKind("person_indexes", (personindex,), collects="personindex")

# -- once the book is read: one index, and what each page shows of others -----------------


def index_persons(app: Sphinx, env: BuildEnvironment, view: BookView) -> Index:
    """The ``person-index`` step: every person, defined or only mentioned."""
    persons: dict[str, Person] = {}
    for person in view.records("persons"):
        persons.setdefault(person.id, person)  # of two with one id, the first
    mentions: dict[str, list[Mention]] = {}
    for mention in view.records("person_mentions"):
        mentions.setdefault(mention.person, []).append(mention)
    entries = {pid: (persons.get(pid), tuple(mentions.get(pid, ()))) for pid in persons | mentions}
    by_name = sorted(entries, key=lambda pid: (name_of(pid, entries[pid][0]).casefold(), pid))
    return MappingProxyType({pid: entries[pid] for pid in by_name})


def name_of(pid: str, person: Person | None) -> str:
    return person.title if person is not None else pid


def person_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """The index shows every person, mention and the mentioning pages' titles; a mention
    without its own text shows its person's name."""
    index = view.get("person-index")
    mentions = view.records("person_mentions")
    titles = tuple(env.titles[m.docname].astext() for m in mentions)
    signatures: dict[str, Hashable] = dict.fromkeys(
        view.collectors("personindex"), (tuple(index.items()), titles)
    )
    for mention in mentions:
        if not mention.explicit:
            shown = name_of(mention.person, index[mention.person][0])
            signatures[mention.docname] = (signatures.get(mention.docname), shown)
    return signatures


# -- writing ---------------------------------------------------------------------------


def link(builder: Builder, fromdoc: str, todoc: str, anchor: str, text: str) -> nodes.Node:
    try:
        return make_refnode(builder, fromdoc, todoc, anchor, nodes.inline(text, text))
    except NoUri:  # a builder with no page for *todoc*
        return nodes.inline(text, text)


def render_index(
    builder: Builder, env: BuildEnvironment, fromdoc: str, index: Index
) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["personindex"])
    for pid, (person, mentions) in index.items():
        name = name_of(pid, person)
        para = nodes.paragraph("", "", ids=[nodes.make_id(f"personindex-{pid}")])
        if person is None:
            para += nodes.strong(name, name)
        else:
            para += link(builder, fromdoc, person.docname, person.anchor, name)
            if person.dates:
                para += nodes.Text(f" ({person.dates})")
        for number, mention in enumerate(mentions):
            para += nodes.Text(": " if number == 0 else ", ")
            title = env.titles[mention.docname].astext()
            para += link(builder, fromdoc, mention.docname, mention.anchor, title)
        items += nodes.list_item("", para)
    return items


def fill_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the names of mentions, then the indexes."""
    view = get_view(app.env)
    index = view.get("person-index")
    for mention in doctree.findall(person_mention):
        if not mention["explicit"]:
            name = name_of(mention["person"], index[mention["person"]][0])
            mention[:] = [nodes.Text(name)]
    if view.may_hold(app.builder, docname, "personindex"):
        for node in list(doctree.findall(personindex)):
            node.replace_self(render_index(app.builder, app.env, docname, index))


def visit_mention_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="person"))


def depart_mention_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


# -- setup -----------------------------------------------------------------------------


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_edition")
    app.add_directive("person", PersonDirective)
    app.add_role("person", PersonRole())
    app.add_directive("personindex", PersonIndexDirective)
    add_node(app, person_note, PASS)
    add_node(app, person_mention, PASS, html=(visit_mention_html, depart_mention_html))
    add_node(app, personindex)  # always replaced; skipped where it is not
    for kind in (PERSONS, MENTIONS, PERSON_INDEXES):
        add_record_kind(app, kind)
    add_compute_step(app, ComputeStep("person-index", index_persons, after=(RECORDS,)))
    add_page_signature(app, PageSignature("persons", person_signatures))
    app.connect("doctree-resolved", fill_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Delivered readings: the source's notes and references as delivered, beside the edition's.

Configuration: ``edition_delivered_notes`` names a JSON file (relative to the source
folder) keyed by the book-wide note number, ``{"1": {"text": "…", "keys": ["mead2014"],
"locator": "69"}}``; ``edition_delivered_field`` names the ``.bib`` field that holds a
reference's delivered form (``x-delivered``).

Data flow: documents with notes depend on the JSON file (a read transform notes the
dependency) → once the notes' plan is computed (a compute step after it) the file is read
and checked against it once, and the result is kept in the computed book → the notes' renderer and
the bibliography put a :class:`delivered_reading` beside each note or entry whose
edition's form differs → per-builder visitors write an "As delivered" disclosure (HTML),
a short line (ePub, text), or nothing (LaTeX: the ``apparatus`` section gives them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinx_edition.builders import for_ereader
from sphinx_edition.config import _conf_location
from sphinx_edition.nodes import apparatus_list, notecite, skip_node
from sphinx_edition.readings import runs, same_reading
from sphinx_edition.registry import (
    ComputeStep,
    PageSignature,
    add_compute_step,
    add_page_signature,
)
from sphinx_edition.view import DELIVERED, NOTES_PLAN, BookView, get_view

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping

    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_edition.notes.plan import Plan

_ = get_translation("edition")
logger = logging.getLogger(__name__)


class DeliveredNote(NamedTuple):
    """A note of the source as delivered, beside the note the edition prints."""

    number: int
    text: str  # verbatim, with the delivered file's *…* italics
    keys: tuple[str, ...]
    locator: str  # the page string the delivered note gives ("" for none)
    printed: str  # the edition's note, plain text
    differs: bool  # the two differ once normalised


def _warn(message: str, location: Any) -> None:
    logger.warning(message, location=location, type="edition", subtype="delivered")


def notes_path(app_or_env: Any) -> Path | None:
    """The delivered notes' file, or None when ``edition_delivered_notes`` is not set."""
    name = app_or_env.config.edition_delivered_notes
    if not name:
        return None
    return Path(app_or_env.srcdir) / str(name)


def _line_of(lines: list[str], number: str, occurrence: int = 0) -> int:
    """The line of the *occurrence*-th (from 0) key *number* (1 when it is not found)."""
    pattern = re.compile(rf'^\s*\{{?\s*"{re.escape(number)}"\s*:')
    found = [i for i, line in enumerate(lines, start=1) if pattern.match(line)]
    return found[occurrence] if len(found) > occurrence else 1


class _Pairs(dict[str, Any]):
    """A JSON object that keeps its first value of a repeated key, and names the repeats
    (``json`` keeps the last one, silently)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.repeated: list[str] = []
        for key, value in pairs:
            if key in self:
                self.repeated.append(key)
            else:
                self[key] = value


def plain_note(plan: Plan, number: int) -> str:
    for notes in plan.notes.values():
        for note in notes:
            if note.number == number:
                return "".join(value for _kind, value in note.text)
    return ""


def _read_notes(app: Sphinx, path: Path) -> tuple[dict[Any, Any], list[str]] | None:
    """The delivered notes' JSON object and the file's lines, or None (warned, located)."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        _warn(
            _("edition_delivered_notes: no file %s") % path,
            _conf_location(app, "edition_delivered_notes"),
        )
        return None
    try:
        data = json.loads(source, object_pairs_hook=_Pairs)
    except json.JSONDecodeError as error:
        _warn(_("delivered notes: bad JSON: %s") % error.msg, f"{path}:{error.lineno}")
        return None
    if not isinstance(data, _Pairs):
        _warn(_("delivered notes: expected an object keyed by note number"), f"{path}:1")
        return None
    lines = source.splitlines()
    seen: dict[str, int] = {}
    for key in data.repeated:
        seen[key] = seen.get(key, 0) + 1
        _warn(
            _("delivered note %s is given twice; the first is kept") % key,
            f"{path}:{_line_of(lines, key, seen[key])}",
        )
    return data, lines


def load_notes(app: Sphinx, plan: Plan) -> dict[int, DeliveredNote]:
    """Read and check the delivered notes against the book's *plan*; warn, located, on
    a missing file, bad JSON, a number the book does not have, or keys that differ."""
    path = notes_path(app)
    read = _read_notes(app, path) if path is not None else None
    if path is None or read is None:
        return {}
    data, lines = read
    book = {n.number: n for notes in plan.notes.values() for n in notes}
    citations = {n.number: (n.docname, n.parts) for n in book.values()}
    result: dict[int, DeliveredNote] = {}
    for key, value in data.items():
        where = f"{path}:{_line_of(lines, str(key))}"
        text = value.get("text") if isinstance(value, dict) else None
        if not str(key).isdigit() or not isinstance(text, str):
            _warn(
                _('delivered note %r: expected {"text": "…", "keys": […], "locator": "…"}') % key,
                where,
            )
            continue
        number = int(key)
        if number not in book:
            _warn(
                _("delivered note %d: the book has %d notes") % (number, len(book)),
                where,
            )
            continue
        keys = tuple(str(k) for k in value.get("keys", ()))
        cited = tuple(p.key for p in citations[number][1])
        if keys and keys != cited:
            _warn(
                _("delivered note %d cites %s, but note %d of the book (in %s) cites %s")
                % (number, ", ".join(keys), number, citations[number][0], ", ".join(cited)),
                where,
            )
        printed = plain_note(plan, number)
        result[number] = DeliveredNote(
            number,
            text,
            keys,
            str(value.get("locator", "")),
            printed,
            not same_reading(text, printed),
        )
    return result


def delivered_step(
    app: Sphinx, env: BuildEnvironment, view: BookView
) -> Mapping[int, DeliveredNote]:
    """The ``delivered-notes`` step (after the notes' plan): read the delivered notes once."""
    plan = view.plan
    return MappingProxyType(load_notes(app, plan) if plan is not None else {})


def delivered_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """The delivered readings a page's notes show: a page is re-written when they change."""
    delivered = view.delivered
    plan = view.plan
    if plan is None:
        return {}
    return {doc: tuple(delivered.get(n.number) for n in notes) for doc, notes in plan.notes.items()}


class NoteDeliveredDependency(SphinxTransform):
    """A document with notes (or an apparatus) is re-read when the delivered notes change."""

    default_priority = 845

    def apply(self, **kwargs: Any) -> None:
        path = notes_path(self.env)
        if path is None or not path.is_file():
            return
        if any(True for _n in self.document.findall(_reads_delivered)):
            self.env.note_dependency(str(path))


def _reads_delivered(node: Node) -> bool:
    return isinstance(node, (notecite, apparatus_list))


# -- the node and its visitors --------------------------------------------------------------


class delivered_reading(nodes.General, nodes.Element):  # type: ignore[misc,unused-ignore]
    """The delivered form of a note or reference; its children are the text."""


def delivered_node(text: str) -> delivered_reading:
    """A :class:`delivered_reading` of *text*, its ``*…*`` runs in italics."""
    node = delivered_reading("", classes=["edition-delivered"])
    for kind, value in runs(text):
        node += nodes.emphasis(value, value) if kind == "em" else nodes.Text(value)
    return node


def visit_delivered_html(self: HTML5Translator, node: nodes.Element) -> None:
    label = self.encode(str(_("As delivered")))
    if for_ereader(self.builder):
        # e-readers show a note in a pop-up that cannot be unfolded: one short line
        self.body.append(
            f'<p class="edition-delivered"><span class="edition-delivered-label">{label}:</span> '
        )
    else:
        self.body.append(f'<details class="edition-delivered"><summary>{label}</summary><p>')


def depart_delivered_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</p>\n" if for_ereader(self.builder) else "</p></details>\n")


def visit_delivered_text(self: Any, node: nodes.Element) -> None:
    self.new_state(0)
    self.add_text(str(_("As delivered")) + ": ")


def depart_delivered_text(self: Any, node: nodes.Element) -> None:
    self.end_state()


def delivered_of(env: BuildEnvironment) -> Mapping[int, DeliveredNote]:
    """The delivered notes of this build, by number."""
    return get_view(env).delivered


def setup_delivered(app: Sphinx) -> None:
    """Register the delivered readings' node and reading."""
    app.add_node(
        delivered_reading,
        html=(visit_delivered_html, depart_delivered_html),
        latex=(skip_node, None),
        text=(visit_delivered_text, depart_delivered_text),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_transform(NoteDeliveredDependency)
    add_compute_step(app, ComputeStep(DELIVERED, delivered_step, after=(NOTES_PLAN,)))
    add_page_signature(app, PageSignature("delivered", delivered_signatures))


__all__ = [
    "DeliveredNote",
    "delivered_node",
    "delivered_of",
    "delivered_reading",
    "load_notes",
    "setup_delivered",
]

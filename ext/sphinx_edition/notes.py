"""Oxford-style citation notes: the ``notecite`` role.

``{notecite}`key```, ``{notecite}`{see}key{p. 69}``` or several comma-separated targets
(parsed by sphinxcontrib-bibtex's own target parser) make one footnote each.  Notes are
numbered continuously through the book in reading order, and each cited work is given in
full the first time, then in short form, or as "Ibid." when it repeats the single work of
the note just before on the same page.

Data flow: the role parses its target into a placeholder node → ``doctree-read`` records
one :class:`~sphinx_edition.domain.CitationInfo` per note (in document order, noting ordinary
footnotes in between) → ``env-get-updated`` computes every note's number and form for the
whole book once (:func:`compute_plan`), and answers with the documents whose notes changed
→ a post-transform replaces each placeholder by a real footnote, and renders Oxford
bibliographies in place with a reverse index ("Cited in notes 12, 13").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from docutils import nodes
from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import BaseMultipartText, BaseText, String, Symbol, Tag, Text
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinxcontrib.bibtex.citation_target import CitationTarget, parse_citation_targets
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node
from sphinxcontrib.bibtex.roles import CitationRef

from sphinx_edition.domain import CitationInfo, get_domain, reading_order
from sphinx_edition.oxford import OxfordStyle, plain_text

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinxcontrib.bibtex.domain import BibtexDomain

_ = get_translation("edition")
logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
LATEX_PACKAGE = "editionnotes"
#: Keys of the notes' data in the edition domain (computed, not recorded per document).
PLAN_KEY = "notes_plan"
SIGNATURES_KEY = "notes_signatures"
TEXT_CACHE_KEY = "notes_text_cache"
#: The pybtex plugin group of formatting styles.
STYLE_GROUP = "pybtex.style.formatting"

#: One run of note text: ("text" | "em" | "url", string).  Plain tuples, so a computed
#: note can be stored in the environment and compared between builds.
Segment = tuple[str, str]


# -- nodes ------------------------------------------------------------------------------


class notecite(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """Placeholder for a ``notecite`` role: replaced by a footnote when the book is known.

    Attributes: ``keys``, ``pre``, ``post`` (tuples, one item per cited work), ``raw``
    (the role's text), ``docname`` and, once recorded, ``order`` (its place among the
    document's notes).
    """


class notesep(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A superscript comma between two adjacent note numbers, so "3,4" never reads "34"."""


class note_label(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A LaTeX ``\\label`` inside a note's text, for page references from the bibliography."""


class note_backref(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """A note number in the bibliography's reverse index: a link to the note in HTML,
    "12 (p. 34)" with the note's page in LaTeX, the bare number elsewhere."""


class note_ibid(nodes.Inline, nodes.Element):  # type: ignore[misc]
    """An "Ibid." note's text (first child) and its short form (second child).

    Pages of HTML are documents, where the plan's "Ibid." is right.  A printed page can
    begin with the note: LaTeX then prints the short form (it compares the pages of this
    note and of the one before, through their labels).
    """


def visit_note_ibid_first(self: Any, node: nodes.Element) -> None:
    node[0].walkabout(self)
    raise nodes.SkipNode


def visit_note_ibid_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    previous = self.idescape(f"{node['refdoc']}:{node['previd']}")
    self.body.append(rf"\editionibid{{{previous}}}{{{_latex_key(self, node)}}}{{")
    node[0].walkabout(self)
    self.body.append("}{")
    node[1].walkabout(self)
    self.body.append("}")
    raise nodes.SkipNode


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def visit_notesep_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append('<sup class="edition-note-sep">,</sup>')
    raise nodes.SkipNode


def visit_notesep_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\textsuperscript{,}")
    raise nodes.SkipNode


def _latex_key(self: LaTeXTranslator, node: nodes.Element) -> str:
    return str(self.idescape(f"{node['refdoc']}:{node['refid']}"))


def visit_note_label_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(rf"\label{{{_latex_key(self, node)}}}")
    raise nodes.SkipNode


def visit_note_backref_html(self: HTML5Translator, node: nodes.Element) -> None:
    uri = self.builder.get_relative_uri(self.builder.current_docname, node["refdoc"])
    anchor = "#" + node["refid"]
    # single-page builders give "#document-…": the note's own id is enough there
    href = anchor if "#" in uri else uri + anchor
    self.body.append(
        f'<a class="reference internal edition-note-backref" href="{self.attval(href)}">'
        f"{node['number']}</a>"
    )
    raise nodes.SkipNode


def visit_note_backref_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    key = _latex_key(self, node)
    page = self.encode(_("p."))
    self.body.append(rf"\hyperref[{key}]{{{node['number']}}} ({page}~\pageref*{{{key}}})")
    raise nodes.SkipNode


def visit_note_backref_text(self: Any, node: nodes.Element) -> None:
    # through the translator's own text handling, so each format escapes it its way
    nodes.Text(str(node["number"])).walkabout(self)
    raise nodes.SkipNode


# -- the role ---------------------------------------------------------------------------


class NoteTargetError(ValueError):
    """A ``notecite`` target that cannot be read; the role turns it into a warning."""


def parse_targets(raw: str) -> list[CitationTarget]:
    """The targets of a ``notecite`` role, read with sphinxcontrib-bibtex's own parser.

    Raises :class:`NoteTargetError` and nothing else.  That parser recurses once per key
    (a long list ends in ``RecursionError``), so the list is cut at its top-level commas
    first and each target is parsed on its own.
    """
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(raw):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            pieces.append(raw[start:index])
            start = index + 1
    pieces.append(raw[start:])
    targets: list[CitationTarget] = []
    for piece in pieces:
        try:
            (target,) = parse_citation_targets(piece)
        except ValueError as error:
            raise NoteTargetError(str(error) or raw) from None
        targets.append(target)
    return targets


class NoteCiteRole(SphinxRole):
    """``{notecite}`{pre}key{post}, key2```: a citation that becomes an Oxford footnote.

    The target syntax is that of sphinxcontrib-bibtex's ``cite`` (its parser is reused):
    one or more comma-separated keys, each with optional pre-text (``{see}``) and
    post-text (the locator, ``{p. 69}``).  Several keys make one note whose works are
    separated by semicolons.  Bad input (empty role, malformed target, unknown key) is a
    warning located at the role; the note is still printed, with the text as written.
    """

    def run(self) -> tuple[list[Node], list[system_message]]:
        raw = self.text.strip()
        node = notecite(self.rawtext, raw=raw, docname=self.env.docname)
        self.set_source_info(node)
        keys: tuple[str, ...] = ()
        pre: tuple[str, ...] = ()
        post: tuple[str, ...] = ()
        if not raw:
            self._warn(_("empty notecite: give at least one bibliography key"))
            # print the role as written, so the empty note still shows where it stands
            node["raw"] = self.rawtext
        else:
            try:
                targets = parse_targets(raw)
            except NoteTargetError:
                self._warn(_("malformed notecite target %r (expected {pre}key{post}, …)") % raw)
            else:
                keys = tuple(t.key for t in targets)
                pre = tuple(t.pre for t in targets)
                post = tuple(t.post for t in targets)
        bibtex = _bibtex_domain(self.env)
        entries = bibtex.bibdata.data.entries
        for key in keys:
            if key not in entries:
                self._warn(_("unknown notecite key %r: not in any bibtex_bibfiles") % key)
        # A note's text comes from the .bib files: re-read this document when they change.
        for bibfile in bibtex.bibdata.bibfiles:
            self.env.note_dependency(str(bibfile))
        node["keys"], node["pre"], node["post"] = keys, pre, post
        return [node], []

    def _warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location(), type="edition", subtype="notecite")


def _bibtex_domain(env: BuildEnvironment) -> BibtexDomain:
    return cast("BibtexDomain", env.get_domain("cite"))


# -- recording --------------------------------------------------------------------------


def record_notes(app: Sphinx, doctree: nodes.document) -> None:
    """Record the document's notes in reading order, with the ordinary footnotes between.

    Done on the finished doctree rather than in the role, because only here are the
    ordinary footnote references (which forbid a following "Ibid.") in their places.
    """
    env = app.env
    docname = env.docname
    domain = get_domain(env)
    bibtex = _bibtex_domain(env)
    after_footnote = False
    order = 0
    for node in doctree.findall(_note_or_footnote_ref):
        if isinstance(node, nodes.footnote_reference):
            after_footnote = True
            continue
        assert isinstance(node, notecite)
        doctree.set_id(node)
        node["order"] = order
        info = CitationInfo(
            keys=tuple(node["keys"]),
            pre=tuple(node["pre"]),
            post=tuple(node["post"]),
            docname=docname,
            lineno=node.line or 0,
            anchor=node["ids"][0],
            order=order,
            after_footnote=after_footnote,
            raw=node["raw"],
        )
        domain.add_citation(info)
        if info.keys:
            # So that sphinxcontrib-bibtex's ``:cited:`` filter sees notecite citations.
            bibtex.citation_refs.append(
                CitationRef(
                    citation_ref_id=info.anchor,
                    docname=docname,
                    line=info.lineno,
                    # the role has parsed the targets already: rebuild, don't re-parse
                    targets=[
                        CitationTarget(key, pre, post)
                        for key, pre, post in zip(info.keys, info.pre, info.post, strict=True)
                    ],
                )
            )
        order += 1
        after_footnote = False


def _note_or_footnote_ref(node: Node) -> bool:
    return isinstance(node, (notecite, nodes.footnote_reference))


# -- styles -----------------------------------------------------------------------------


#: Styles resolved in this build (see :func:`resolve_style`).
_RESOLVED: dict[str, type[Any]] = {}


def resolve_style(name: str, *, refresh: bool = False) -> type[Any]:
    """The pybtex formatting style *name*, looked up once per build.

    pybtex's ``find_plugin`` scans every installed entry point on each call, and
    sphinxcontrib-bibtex calls it for every citation; registering the resolved class as a
    runtime plugin makes all later look-ups (ours and theirs) a dictionary access.
    """
    if refresh or name not in _RESOLVED:
        style = cast("type[Any]", find_plugin(STYLE_GROUP, name))
        register_plugin(STYLE_GROUP, name, style, force=True)
        _RESOLVED[name] = style
    return _RESOLVED[name]


def note_style(env: BuildEnvironment) -> OxfordStyle:
    """The style that formats notes: the configured one if it is Oxford-like, else Oxford."""
    style = resolve_style(env.config.bibtex_default_style)
    if not (isinstance(style, type) and issubclass(style, OxfordStyle)):
        style = OxfordStyle
    return style()


def is_oxford(style_name: str) -> bool:
    style = resolve_style(style_name)
    return isinstance(style, type) and issubclass(style, OxfordStyle)


def builder_inited(app: Sphinx) -> None:
    _RESOLVED.clear()
    resolve_style(app.config.bibtex_default_style, refresh=True)
    if app.builder.format == "html":
        if str(STATIC) not in app.config.html_static_path:
            app.config.html_static_path.append(str(STATIC))
        app.add_css_file("notes.css")
    elif app.builder.format == "latex":
        outdir = Path(app.builder.outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        target = outdir / f"{LATEX_PACKAGE}.sty"
        if not target.exists() or target.read_text(encoding="utf-8") != LATEX_STY:
            target.write_text(LATEX_STY, encoding="utf-8")


# -- the plan: numbers and forms of every note ------------------------------------------


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
    """Every note of the book, by document, and the reverse index of cited works."""

    notes: dict[str, list[Note]]  # docname -> notes in document order
    cited_in: dict[str, list[tuple[int, str]]]  # key -> [(number, docname)]
    undecided: list[tuple[int, str]]  # (number, why) where the rules had to guess


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
    note = Text("; ").join(pieces)
    if parts and parts[0].form == "raw" and not (pre and pre[0]):
        # text that could not be resolved is printed exactly as written
        return note if len(parts) == 1 else note.add_period()
    return note.capfirst().add_period()


def compute_plan(env: BuildEnvironment) -> Plan:
    """Number and form of every note of the book, in reading order."""
    domain = get_domain(env)
    citations = domain.citations(reading_order(env))
    entries = dict(_bibtex_domain(env).bibdata.data.entries)
    forms, undecided = decide_forms(citations, set(entries))
    style = note_style(env)
    # Formatting thousands of notes with pybtex is the costliest part of every build,
    # incremental ones included: keep the texts across builds, for as long as the .bib
    # files and the style are the same.
    bibdata = _bibtex_domain(env).bibdata
    fingerprint = (
        env.config.bibtex_default_style,
        tuple(sorted((str(path), bib.mtime) for path, bib in bibdata.bibfiles.items())),
    )
    stored = domain.data.get(TEXT_CACHE_KEY)
    if not (isinstance(stored, tuple) and stored[0] == fingerprint):
        stored = (fingerprint, {})
        domain.data[TEXT_CACHE_KEY] = stored
    cache = cast("dict[tuple[NotePart, ...], tuple[Segment, ...]]", stored[1])

    def text(parts: tuple[NotePart, ...], pre: tuple[str, ...]) -> tuple[Segment, ...]:
        cache_key = (*parts, NotePart("", "pre", "\x00".join(pre)))
        if cache_key not in cache:
            cache[cache_key] = segments(note_text(style, parts, pre, entries))
        return cache[cache_key]

    notes: dict[str, list[Note]] = {}
    cited_in: dict[str, list[tuple[int, str]]] = {}
    for number, (cit, parts) in enumerate(zip(citations, forms, strict=True), start=1):
        short: tuple[Segment, ...] = ()
        if parts[0].form == "ibid":
            short = text((NotePart(parts[0].key, "short", cit.post[0]),), cit.pre)
        note = Note(number, cit.docname, cit.order, cit.anchor, parts, text(parts, cit.pre), short)
        notes.setdefault(cit.docname, []).append(note)
        for part in parts:
            if part.form != "raw":
                cited_in.setdefault(part.key, []).append((number, cit.docname))
    return Plan(notes, cited_in, undecided)


def get_plan(env: BuildEnvironment) -> Plan:
    domain = get_domain(env)
    plan = domain.data.get(PLAN_KEY)
    if not isinstance(plan, Plan):
        plan = compute_plan(env)
        domain.data[PLAN_KEY] = plan
    return plan


def _bibliography_docs(env: BuildEnvironment) -> set[str]:
    return {key.docname for key in _bibtex_domain(env).bibliographies}


#: Emitted with ``(app, env, plan)`` once the number and form of every note of the book
#: are known (a :class:`Plan`: notes by document, and the notes that cite each work),
#: before any document is written.
EVENT_NOTES_PLANNED = "edition-notes-planned"


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Compute the book's notes once, and name the documents whose notes changed.

    A document's notes depend on every document before it (numbers, first/short forms);
    a bibliography depends on every note (its reverse index).  Comparing with the last
    build's per-document signatures re-writes exactly the documents whose output changes.
    """
    domain = get_domain(env)
    plan = compute_plan(env)
    domain.data[PLAN_KEY] = plan
    app.events.emit(EVENT_NOTES_PLANNED, env, plan)
    index = tuple(sorted((k, tuple(v)) for k, v in plan.cited_in.items()))
    new: dict[str, Any] = {doc: tuple(notes) for doc, notes in plan.notes.items()}
    for doc in _bibliography_docs(env):
        new[doc] = (new.get(doc), index)
    old = cast("dict[str, Any]", domain.data.get(SIGNATURES_KEY, {}))
    domain.data[SIGNATURES_KEY] = new
    changed = {doc for doc in set(old) | set(new) if old.get(doc) != new.get(doc)}
    for number, why in plan.undecided:
        logger.verbose(_("note %d: the rules do not decide its form (%s)"), number, why)
    return sorted(changed & set(env.all_docs))


# -- rendering --------------------------------------------------------------------------


def render_segments(runs: Iterable[Segment]) -> list[Node]:
    out: list[Node] = []
    for kind, value in runs:
        if kind == "em":
            out.append(nodes.emphasis(value, value))
        elif kind == "url":
            out.append(nodes.reference(value, value, refuri=value))
        else:
            out.append(nodes.Text(value))
    return out


def _document_parts(document: nodes.document) -> dict[int, nodes.Element]:
    """The innermost ``start_of_file`` of each placeholder of a merged book (by id).

    Found from the top down: Sphinx moves a document's children under its
    ``start_of_file`` without updating their ``parent``.
    """
    homes: dict[int, nodes.Element] = {}
    for part in document.findall(addnodes.start_of_file):  # outer parts first
        for node in part.findall(notecite):
            homes[id(node)] = part
    return homes


def _in_link(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.reference):
            return True
        parent = parent.parent
    return False


def footnote_id(number: int) -> str:
    return f"notecite-{number}"


class NotesTransform(SphinxPostTransform):
    """Replace ``notecite`` placeholders by numbered footnotes, and render Oxford
    bibliographies in place (before sphinxcontrib-bibtex's transform, priority 5, would
    turn them into citations that LaTeX moves to the end of the book)."""

    default_priority = 4

    def run(self, **kwargs: Any) -> None:
        plan = get_plan(self.env)
        self.render_notes(plan)
        self.render_bibliographies(plan)

    def render_notes(self, plan: Plan) -> None:
        placeholders = list(self.document.findall(notecite))
        if not placeholders:
            return
        # Notes go at the end of their own document: of the page, or of the document's
        # part of a merged book (singlehtml, texinfo look for them there).
        homes = _document_parts(self.document)
        by_order: dict[str, dict[int, Note]] = {}
        footnotes: dict[int, tuple[nodes.Element, list[nodes.footnote]]] = {}
        ours: list[nodes.footnote_reference] = []
        for node in placeholders:
            if _in_link(node):  # a heading's note copied into a table of contents
                node.parent.remove(node)
                continue
            docname = node["docname"]
            if docname not in by_order:
                by_order[docname] = {n.order: n for n in plan.notes.get(docname, [])}
            note = by_order[docname].get(node.get("order"))
            if note is None:  # not recorded (should not happen): keep the text
                node.replace_self(nodes.inline(node["raw"], node["raw"]))
                continue
            number = str(note.number)
            ref_id, fn_id = note.anchor, footnote_id(note.number)
            # Footnote numbers must not collide with the document's ordinary footnotes
            # in LaTeX's footnote transform, which matches on (docname, number).
            key_doc = f"{docname}#notecite"
            ref = nodes.footnote_reference(
                node.rawsource,
                number,
                ids=[ref_id],
                refid=fn_id,
                docname=key_doc,
                classes=["edition-noteref"],
            )
            ref.source, ref.line = node.source, node.line
            # the label opens the note: its page is where the reader meets the note
            paragraph = nodes.paragraph("", "", note_label(refdoc=docname, refid=fn_id))
            if note.short:
                paragraph += note_ibid(
                    "",
                    nodes.inline("", "", *render_segments(note.text)),
                    nodes.inline("", "", *render_segments(note.short)),
                    refdoc=docname,
                    refid=fn_id,
                    previd=footnote_id(note.number - 1),
                )
            else:
                paragraph.extend(render_segments(note.text))
            footnote = nodes.footnote(
                "",
                nodes.label("", number),
                paragraph,
                ids=[fn_id],
                backrefs=[ref_id],
                docname=key_doc,
                classes=["edition-note"],
            )
            footnote.source, footnote.line = node.source, node.line
            node.replace_self(ref)
            ours.append(ref)
            home = homes.get(id(node), self.document)
            footnotes.setdefault(id(home), (home, []))[1].append(footnote)
        for ref in ours:
            self.separate(ref)
        for home, notes_of_home in footnotes.values():
            home.extend(notes_of_home)

    @staticmethod
    def separate(ref: nodes.footnote_reference) -> None:
        """Put a separator between *ref* and a footnote reference right next to it."""
        parent = ref.parent
        index = parent.index(ref)
        following = parent[index + 1] if index + 1 < len(parent) else None
        if isinstance(following, nodes.footnote_reference):
            parent.insert(index + 1, notesep())
        preceding = parent[index - 1] if index > 0 else None
        if isinstance(preceding, nodes.footnote_reference) and (
            "edition-noteref" not in preceding["classes"]
        ):
            parent.insert(index, notesep())

    def render_bibliographies(self, plan: Plan) -> None:
        bibtex = _bibtex_domain(self.env)
        for bibnode in list(self.document.findall(bibliography_node)):
            key = BibliographyKey(docname=bibnode["docname"], id_=bibnode["ids"][0])
            value = bibtex.bibliographies.get(key)
            if value is None or value.list_ != "citation" or not is_oxford(value.style):
                continue
            container = nodes.container(classes=["edition-bibliography"])
            for citation in bibtex.citations:
                if citation.bibliography_key != key:
                    continue
                entry = nodes.paragraph(
                    "", "", ids=[citation.citation_id], classes=["edition-bibentry"]
                )
                entry.extend(render_segments(segments(citation.formatted_entry.text)))
                cited = plan.cited_in.get(citation.entry.key, [])
                if cited:
                    entry += nodes.Text(" ")
                    entry += self.cited_in(cited)
                container += entry
            bibnode.replace_self(container)

    @staticmethod
    def cited_in(cited: Sequence[tuple[int, str]]) -> nodes.inline:
        label = _("Cited in note") if len(cited) == 1 else _("Cited in notes")
        inline = nodes.inline("", label + " ", classes=["edition-cited-in"])
        for index, (number, docname) in enumerate(cited):
            if index:
                inline += nodes.Text(", ")
            inline += note_backref(refdoc=docname, refid=footnote_id(number), number=number)
        inline += nodes.Text(".")
        return inline


LATEX_STY = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{editionnotes}[2026/11/24 Oxford notes of the edition extension]
% notecite footnotes carry their book-wide numbers (\begin{footnote}[N]); keep the
% counter of ordinary footnotes from restarting per chapter too.
\@ifundefined{c@chapter}{}{\@ifundefined{counterwithout}{\RequirePackage{chngcntr}}{}%
  \counterwithout{footnote}{chapter}}
% "Ibid." (#3) unless this note (label #2) is not on the page of the note before it
% (label #1): then the short form (#4).  Unknown pages (first run) count as equal.
\RequirePackage{refcount}
\newcommand{\editionibid}[4]{%
  \edef\edition@prev{\getpagerefnumber{#1}}\edef\edition@this{\getpagerefnumber{#2}}%
  \ifx\edition@prev\edition@this #3\else #4\fi}
% Oxford bibliography: hanging indent, no labels (Sphinx's sphinxuseclass hook).
\newenvironment{sphinxclassedition-bibliography}%
  {\par\begingroup\setlength{\parindent}{-2em}\setlength{\leftskip}{2em}%
   % a first entry right under the chapter title keeps its (negative) indent too
   \@nobreakfalse\everypar{}%
   \setlength{\parskip}{0.6ex plus 0.2ex}}%
  {\par\endgroup}
\endinput
"""


def setup_notes(app: Sphinx) -> None:
    """Register the ``notecite`` role, its nodes, collectors and renderers."""
    app.add_event(EVENT_NOTES_PLANNED)
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_role("notecite", NoteCiteRole())
    app.add_node(
        notecite,
        # Placeholders left at writing time are copies (a heading's note copied into a
        # table of contents): the note itself is the footnote made by NotesTransform.
        html=(_skip, None),
        latex=(_skip, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_node(
        notesep,
        html=(visit_notesep_html, None),
        latex=(visit_notesep_latex, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_node(
        note_label,
        html=(_skip, None),
        latex=(visit_note_label_latex, None),
        text=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_node(
        note_backref,
        html=(visit_note_backref_html, None),
        latex=(visit_note_backref_latex, None),
        text=(visit_note_backref_text, None),
        man=(visit_note_backref_text, None),
        texinfo=(visit_note_backref_text, None),
    )
    app.add_node(
        note_ibid,
        html=(visit_note_ibid_first, None),
        latex=(visit_note_ibid_latex, None),
        text=(visit_note_ibid_first, None),
        man=(visit_note_ibid_first, None),
        texinfo=(visit_note_ibid_first, None),
    )
    app.add_post_transform(NotesTransform)
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("builder-inited", builder_inited)
    app.connect("doctree-read", record_notes)
    app.connect("env-get-updated", env_get_updated)

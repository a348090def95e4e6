"""Themes: the ``theme`` directive and role, and the ``themeindex`` directive.

Data flows one way:

1. ``{theme}`` (role) and ``:::{theme}`` (directive) put a :class:`theme_chips` node
   where the chips will be shown; the directive wraps its passage in a container.
2. A read transform (:class:`AnnotatePassages`) — once sections and their periods are in
   place — gives every tagged passage a stable anchor carrying its excerpt, section and
   period; the domain records it as a :class:`~sphinx_edition.domain.PassageInfo`.
3. ``themeindex`` leaves a :class:`themeindex` placeholder; the domain records where its
   theme entries will be (so ``{edition:theme}`` resolves).
4. At ``doctree-resolved`` the chips become links to the theme entries, and every
   placeholder becomes generic docutils nodes (rubrics, lists, a table) built from the
   passages of the whole book in reading order (a read-only view of the domain).
5. Visitors: chips are discreet in HTML, a quiet small-caps note in LaTeX, and
   ``[Themes: …]`` in plain text; links into the book also carry a page reference in
   LaTeX (:class:`theme_pageref`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode

from sphinx_edition.domain import get_domain
from sphinx_edition.nodes import (
    PASSAGE_ATTR,
    period_for_node,
    skip_node,
    theme_chips,
    themeindex,
)
from sphinx_edition.view import BookView, get_view

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.records import PeriodInfo

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from docutils.nodes import Node, system_message
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: Class of the container that wraps a ``theme`` directive's passage.
PASSAGE_CLASS = "edition-theme-passage"
#: Attribute of that container: the (known) theme ids of the passage.
PASSAGE_THEMES = "edition_themes"


# -- nodes ------------------------------------------------------------------------------------


class theme_pageref(nodes.Inline, nodes.Element):  # type: ignore[misc,unused-ignore]
    """A page reference to ``refdoc``/``refid``: printed in LaTeX only."""


# -- helpers ----------------------------------------------------------------------------------

_SPLIT_RE = re.compile(r"[\s,]+")


def split_ids(text: str) -> list[str]:
    """Theme ids written separated by spaces and/or commas, duplicates removed."""
    ids: list[str] = []
    for theme_id in _SPLIT_RE.split(text.strip()):
        if theme_id and theme_id not in ids:
            ids.append(theme_id)
    return ids


def make_excerpt(text: str, limit: int) -> str:
    """The first words of *text*, at most *limit* characters, cut at a word boundary."""
    words = text.split()
    if not words:
        return ""
    full = " ".join(words)
    if len(full) <= limit:
        return full
    kept: list[str] = []
    length = 0
    for word in words:
        extra = len(word) + (1 if kept else 0)
        if length + extra > limit - 1 and kept:
            break
        kept.append(word)
        length += extra
    # A trailing comma or colon before the ellipsis reads as a typo.
    return " ".join(kept).rstrip(",;:—–-") + "…"


#: Nodes whose text is not part of the passage's own words.
_NOT_TEXT = (
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.footnote,
    nodes.citation,
    nodes.target,
    nodes.system_message,
    nodes.comment,
    nodes.raw,
    nodes.substitution_definition,
    nodes.problematic,
    nodes.Invisible,
    theme_chips,
    theme_pageref,
)


def _is_note_like(node: nodes.Element) -> bool:
    # Note citations of other modules (notecite, footcite) are not the passage's words.
    name = type(node).__name__.lower()
    if "cite" in name or "footnote" in name:
        return True
    return node.get("refdomain") in {"cite", "footcite"} or any(
        "cite" in cls for cls in node.get("classes", ())
    )


def passage_text(node: nodes.Node) -> str:
    """The words of a passage, without its notes, citations and theme chips."""
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, _NOT_TEXT):
        return ""
    if isinstance(node, nodes.Element):
        if _is_note_like(node):
            return ""
        # Inline children of a paragraph are contiguous text; blocks are separate.
        sep = "" if isinstance(node, nodes.TextElement) else " "
        return sep.join(passage_text(child) for child in node.children)
    return ""


def _section_title(node: nodes.Node) -> str | None:
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.section) and current.children:
            first = current.children[0]
            if isinstance(first, nodes.title):
                return str(first.astext())
        current = current.parent
    return None


def _warn(msg: str, *args: Any, location: Any) -> None:
    logger.warning(msg, *args, location=location, type="edition", subtype="theme")


def _known_ids(ids: list[str], env: BuildEnvironment, location: Any, where: str) -> list[str]:
    """The declared ids among *ids*; every other one is a located warning."""
    declared = get_view(env).theme_specs
    known = []
    for theme_id in ids:
        if theme_id in declared:
            known.append(theme_id)
        else:
            _warn(
                "unknown theme %r in %s (declared themes: %s)",
                theme_id,
                where,
                ", ".join(declared) or "none; set edition_themes in conf.py",
                location=location,
            )
    return known


# -- directive and role -----------------------------------------------------------------------


class ThemeDirective(SphinxDirective):
    """``:::{theme} ID [ID…]`` — tag the passage in its body with one or more themes.

    The body is parsed as MyST (citations, roles and all) and rendered as normal text,
    followed by chips linking to each theme's entry in the thematic index.
    """

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[Node]:
        location = self.get_location()
        known = _known_ids(split_ids(self.arguments[0]), self.env, location, "theme directive")
        if not self.content:
            _warn(
                "theme directive %r has no content: no passage to tag",
                self.arguments[0],
                location=location,
            )
            return []
        passage = nodes.container("", classes=[PASSAGE_CLASS])
        self.set_source_info(passage)
        passage += self.parse_content_to_nodes()
        passage[PASSAGE_THEMES] = known
        if known:
            chips = theme_chips("", themes=known, from_role=False)
            self.set_source_info(chips)
            last = passage.children[-1] if passage.children else None
            if isinstance(last, nodes.paragraph):
                last += chips
            else:
                holder = nodes.paragraph("", "", chips, classes=["edition-theme-chips-holder"])
                self.set_source_info(holder)
                passage += holder
        return [passage]


class ThemeRole(SphinxRole):
    """``{theme}`ID``` — tag the paragraph the role stands in (ids separated by spaces
    or commas).  The role renders the chips where it stands: put it at the end of the
    paragraph."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        location = self.get_location()
        ids = split_ids(self.text)
        if not ids:
            _warn("theme role has no theme id", location=location)
            return [], []
        known = _known_ids(ids, self.env, location, "theme role")
        if not known:
            return [], []
        chips = theme_chips("", themes=known, from_role=True)
        self.set_source_info(chips)
        return [chips], []


class ThemeIndexDirective(SphinxDirective):
    """``themeindex`` — every theme with its passages in reading order (excerpt, chapter,
    period, link), then a theme × period table of counts.  ``:themes:`` narrows it to
    some themes (ids separated by spaces or commas), in the order given."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {"themes": directives.unchanged}

    def run(self) -> list[Node]:
        location = self.get_location()
        docname = self.env.current_document.docname
        if "themes" in self.options:
            ids = split_ids(self.options["themes"] or "")
            if not ids:
                _warn("themeindex :themes: names no theme", location=location)
            themes = _known_ids(ids, self.env, location, "themeindex :themes:")
        else:
            themes = list(get_view(self.env).theme_specs)
        # A second index in the same document needs anchors of its own.
        serial = self.env.new_serialno("edition-themeindex")
        prefix = "theme-" if serial == 0 else f"themeindex{serial}-theme-"
        node = themeindex("", themes=themes, prefix=prefix, docname=docname)
        self.set_source_info(node)
        return [node]


# -- anchoring passages (a read transform) ----------------------------------------------------


def _passage_key(node: nodes.Element) -> nodes.Element | None:
    """The node that stands for the passage a role's chips tag: their paragraph."""
    current: nodes.Node | None = node.parent
    while current is not None:
        if isinstance(current, nodes.paragraph):
            return current
        if isinstance(current, (nodes.Structural, nodes.document)):
            return None
        current = current.parent
    return None


class AnnotatePassages(SphinxTransform):
    """Anchor every tagged passage, and note on its anchor what the domain records.

    A transform of the parsed document, not the directive, because the period of a
    passage is set on its section by the ``period`` directive, and section titles are only
    complete once the document is.  It runs just before the domain records the document
    (``process_doc``, priority 850).
    """

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        doctree = self.document
        passages: dict[int, tuple[nodes.Element, list[str], int]] = {}
        order: list[int] = []
        for node in doctree.findall(nodes.Element):
            if isinstance(node, nodes.container) and PASSAGE_CLASS in node["classes"]:
                themes = list(node.get(PASSAGE_THEMES, []))
                key: nodes.Element | None = node
            elif isinstance(node, theme_chips) and node.get("from_role"):
                themes = list(node["themes"])
                key = _passage_key(node)
            else:
                continue
            if key is None:
                _warn("theme role outside a paragraph: nothing to tag", location=node)
                continue
            if not themes:
                continue
            if id(key) in passages:
                _element, known, line = passages[id(key)]
                known.extend(t for t in themes if t not in known)
            else:
                passages[id(key)] = (key, themes, node.line or key.line or 0)
                order.append(id(key))

        limit = int(self.config.edition_theme_excerpt_chars)
        for number, key_id in enumerate(order, start=1):
            element, themes, line = passages[key_id]
            anchor = f"passage-{number}"
            while anchor in doctree.ids:
                anchor += "-"
            text = passage_text(element)
            if not text.strip():
                _warn("tagged passage has no text", location=element)
            record = {
                "themes": tuple(themes),
                "excerpt": make_excerpt(text, limit),
                "period": period_for_node(element),
                "section": _section_title(element) or "",
                "lineno": line,
                "order": number,
            }
            target = nodes.target("", "", ids=[anchor], **{PASSAGE_ATTR: record})
            doctree.ids[anchor] = target
            first = (
                element
                if isinstance(element, nodes.paragraph)
                else element.next_node(nodes.paragraph)
            )
            (first if first is not None else element).insert(0, target)


# -- rendering (doctree-resolved) -------------------------------------------------------------


def _ref(
    builder: Builder,
    fromdoc: str,
    todoc: str,
    anchor: str,
    child: nodes.Node,
    title: str = "",
    classes: list[str] | None = None,
) -> nodes.Node:
    """A reference to *todoc*#*anchor*, or just *child* if the builder has no such page."""
    try:
        ref = make_refnode(builder, fromdoc, todoc, anchor, child, title or None)
    except NoUri:
        return child
    if classes:
        ref["classes"].extend(classes)
    return ref


def _fill_chips(chips: theme_chips, view: BookView, builder: Builder, fromdoc: str) -> None:
    specs = view.theme_specs
    for number, theme_id in enumerate(chips["themes"]):
        if number:
            chips += nodes.inline(", ", ", ", classes=["edition-theme-sep"])
        spec = specs.get(theme_id)
        label = spec.label if spec is not None else theme_id
        child = nodes.inline(label, label)
        found = view.theme_target(theme_id)
        if found is None:
            chips += nodes.inline(label, label, classes=["edition-theme-chip"])
        else:
            chips += _ref(
                builder, fromdoc, found[0], found[1], child, label, ["edition-theme-chip"]
            )


def _para(*children: nodes.Node, classes: list[str] | None = None) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=classes or [])


def _render_index(
    node: themeindex, view: BookView, builder: Builder, fromdoc: str
) -> list[nodes.Node]:
    env = builder.env
    specs = view.theme_specs
    docs = view.order
    passages = view.passages()
    periods = view.periods()
    prefix = str(node["prefix"])
    index_doc = str(node["docname"])
    themes = [t for t in node["themes"] if t in specs]
    titles = {doc: (env.titles[doc].astext() if doc in env.titles else doc) for doc in docs}
    period_titles = {p.id: p.title for p in periods}

    def cell_anchor(theme_id: str, period: str | None) -> str:
        return f"{prefix}{theme_id}--{period or 'none'}"

    out: list[nodes.Node] = []
    counts: dict[str, dict[str | None, int]] = {}
    for theme_id in themes:
        spec = specs[theme_id]
        mine = [p for p in passages if theme_id in p.themes]
        per_period: dict[str | None, int] = {}
        anchor = prefix + theme_id
        out.append(nodes.target("", "", ids=[anchor]))
        out.append(nodes.rubric(spec.label, spec.label, classes=["edition-themeindex-theme"]))
        if spec.description:
            out.append(
                _para(nodes.Text(spec.description), classes=["edition-themeindex-description"])
            )
        out.append(
            _para(nodes.Text(_("Passages: %d") % len(mine)), classes=["edition-themeindex-count"])
        )
        items = nodes.bullet_list(classes=["edition-themeindex-passages"])
        for passage in mine:
            para = _para()
            if passage.period not in per_period:
                para += nodes.target("", "", ids=[cell_anchor(theme_id, passage.period)])
            per_period[passage.period] = per_period.get(passage.period, 0) + 1
            excerpt = nodes.inline(
                passage.excerpt, passage.excerpt, classes=["edition-themeindex-excerpt"]
            )
            chapter = titles.get(passage.docname, passage.docname)
            # Chapter and period place a passage; its section would make entries run over
            # several lines, so it is only the link's title.
            section = passage.section or chapter  # outside any section: the document
            linked = _ref(builder, fromdoc, passage.docname, passage.anchor, excerpt, section)
            para += linked
            where = chapter
            if passage.period is not None:
                where = f"{where}; {period_titles.get(passage.period, passage.period)}"
            para += nodes.inline(f" — {where}", f" — {where}", classes=["edition-themeindex-where"])
            if isinstance(linked, nodes.reference):
                para += theme_pageref("", refdoc=passage.docname, refid=passage.anchor)
            items += nodes.list_item("", para)
        if mine:
            out.append(items)
        counts[theme_id] = per_period

    if themes:
        out.extend(
            _render_table(
                themes, counts, periods, builder, fromdoc, index_doc, prefix, cell_anchor, specs
            )
        )
    for new in out:
        new.source, new.line = node.source, node.line
    return out


def _render_table(
    themes: list[str],
    counts: dict[str, dict[str | None, int]],
    periods: tuple[PeriodInfo, ...],
    builder: Builder,
    fromdoc: str,
    index_doc: str,
    prefix: str,
    cell_anchor: Callable[[str, str | None], str],
    specs: Mapping[str, ThemeSpec],
) -> list[nodes.Node]:
    columns: list[tuple[str | None, str]] = [(p.id, p.title) for p in periods]
    if any(None in per for per in counts.values()):
        columns.append((None, _("No period")))

    def entry(*children: nodes.Node) -> nodes.entry:
        return nodes.entry("", _para(*children))

    table = nodes.table(classes=["edition-themeindex-table"])
    group = nodes.tgroup(cols=len(columns) + 2)
    table += group
    group += nodes.colspec(colwidth=24)
    for _column in columns:
        group += nodes.colspec(colwidth=12)
    group += nodes.colspec(colwidth=8)
    head = nodes.row()
    head += entry(nodes.Text(_("Theme")))
    for _period, title in columns:
        head += entry(nodes.Text(title))
    head += entry(nodes.Text(_("Total")))
    group += nodes.thead("", head)
    body = nodes.tbody()
    for theme_id in themes:
        label = specs[theme_id].label
        row = nodes.row()
        row += entry(
            _ref(builder, fromdoc, index_doc, prefix + theme_id, nodes.inline(label, label))
        )
        total = 0
        for period, _title in columns:
            count = counts[theme_id].get(period, 0)
            total += count
            number = nodes.inline(str(count), str(count))
            if count:
                row += entry(
                    _ref(builder, fromdoc, index_doc, cell_anchor(theme_id, period), number)
                )
            else:
                row += entry(number)
        row += entry(nodes.Text(str(total)))
        body += row
    group += body
    heading = _("Passages per theme and period")
    return [nodes.rubric(heading, heading, classes=["edition-themeindex-table-title"]), table]


def render_themes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill the chips and the thematic indexes of a document about to be written."""
    builder = app.builder
    view = get_view(app.env)
    for chips in list(doctree.findall(theme_chips)):
        if not chips.children:
            _fill_chips(chips, view, builder, docname)
    for node in list(doctree.findall(themeindex)):
        node.replace_self(_render_index(node, view, builder, docname))


def changed_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the thematic indexes and the pages with chips whose data changed.

    An index shows every passage (lines left out: moving text changes nothing), the
    periods' titles, the titles of the documents and the declared themes; chips show
    their themes' labels and where their entries are.
    """
    view = get_view(env)
    passages = tuple(p._replace(lineno=0) for p in view.passages())
    docs = sorted({p.docname for p in passages})
    index = (
        passages,
        tuple((p.id, p.title) for p in view.periods()),
        tuple(env.titles[doc].astext() if doc in env.titles else doc for doc in docs),
        tuple(view.theme_specs.values()),
    )
    new: dict[str, Hashable] = dict.fromkeys(view.collectors("themeindex"), index)
    chips: dict[str, list[Hashable]] = {}
    for passage in passages:
        for theme in passage.themes:
            spec = view.theme_specs.get(theme)
            label = spec.label if spec is not None else theme
            chips.setdefault(passage.docname, []).append((theme, label, view.theme_target(theme)))
    for doc, shown in chips.items():
        new[doc] = (new.get(doc), tuple(shown))
    return get_domain(env).changed_pages(app, "themes", new)


# -- visitors ---------------------------------------------------------------------------------


def _chips_label(node: nodes.Element) -> str:
    return _("Theme:") if len(node["themes"]) == 1 else _("Themes:")


def visit_chips_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="edition-theme-chips"))
    self.body.append(
        f'<span class="edition-theme-chips-label">{self.encode(_chips_label(node))} </span>'
    )


def depart_chips_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_chips_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    # A quiet end-of-paragraph note in small caps, smaller than the notes (books often
    # enlarge \footnotesize for their notes, so it is not used here).  Links stay upright:
    # \sphinxcrossref would italicise them, and few fonts have italic small caps.
    label = self.encode(_chips_label(node))
    self.body.append(
        r"\nobreak\quad{\scriptsize\renewcommand{\sphinxcrossref}[1]{#1}\textsc{" + label + " "
    )


def depart_chips_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}}")


def visit_chips_text(self: TextTranslator, node: nodes.Element) -> None:
    before = node.previous_sibling()
    space = "" if isinstance(before, nodes.Text) and before.endswith(" ") else " "
    self.add_text(f"{space}[{_chips_label(node)} ")


def depart_chips_text(self: TextTranslator, node: nodes.Element) -> None:
    self.add_text("]")


def visit_pageref_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(", " + self.hyperpageref(f"{node['refdoc']}:{node['refid']}"))
    raise nodes.SkipNode


def setup_themes(app: Sphinx) -> None:
    """Register the ``theme`` directive and role, ``themeindex`` and their renderers."""
    app.add_node(
        theme_chips,
        html=(visit_chips_html, depart_chips_html),
        latex=(visit_chips_latex, depart_chips_latex),
        text=(visit_chips_text, depart_chips_text),
    )
    app.add_node(
        theme_pageref,
        html=(skip_node, None),
        latex=(visit_pageref_latex, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(themeindex)
    app.add_directive("theme", ThemeDirective)
    app.add_role("theme", ThemeRole())
    app.add_directive("themeindex", ThemeIndexDirective)
    app.add_transform(AnnotatePassages)
    app.connect("doctree-resolved", render_themes)
    app.connect("env-get-updated", changed_pages)


__all__ = [
    "PASSAGE_CLASS",
    "ThemeDirective",
    "ThemeIndexDirective",
    "ThemeRole",
    "make_excerpt",
    "passage_text",
    "split_ids",
    "theme_chips",
    "theme_pageref",
    "themeindex",
]

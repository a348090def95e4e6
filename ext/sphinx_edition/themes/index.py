"""The ``themeindex`` directive: every theme with its passages, and a table of counts.

The directive leaves a :class:`~sphinx_edition.nodes.themeindex` placeholder (the domain
records where its entries will be); at ``doctree-resolved`` it becomes generic docutils
nodes (rubrics, lists, a table) built from the passages of the whole book in reading
order, read from the domain's read-only view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from sphinx_edition.nodes import theme_chips, themeindex
from sphinx_edition.themes.passages import (
    fill_chips,
    known_ids,
    link_or_text,
    split_ids,
    theme_pageref,
    warn,
)
from sphinx_edition.view import BookView, get_view

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Mapping

    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from sphinx_edition.config import ThemeSpec
    from sphinx_edition.records import PassageInfo, PeriodInfo

_ = get_translation("edition")


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
                warn("themeindex :themes: names no theme", location=location)
            themes = known_ids(ids, self.env, location, "themeindex :themes:")
        else:
            themes = list(get_view(self.env).theme_specs)
        # A second index in the same document needs anchors of its own.
        serial = self.env.new_serialno("edition-themeindex")
        prefix = "theme-" if serial == 0 else f"themeindex{serial}-theme-"
        node = themeindex("", themes=themes, prefix=prefix, docname=docname)
        self.set_source_info(node)
        return [node]


# -- rendering (doctree-resolved) -------------------------------------------------------------


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
            chapter = titles.get(passage.docname, passage.docname)
            where = chapter
            if passage.period is not None:
                where = f"{where}; {period_titles.get(passage.period, passage.period)}"
            para.extend(_passage_entry(passage, chapter, where, builder, fromdoc))
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


def _passage_entry(
    passage: PassageInfo, chapter: str, where: str, builder: Builder, fromdoc: str
) -> list[nodes.Node]:
    """A passage in the index: its excerpt linked to it, where it stands, its page (LaTeX)."""
    excerpt = nodes.inline(passage.excerpt, passage.excerpt, classes=["edition-themeindex-excerpt"])
    # Chapter and period place a passage; its section would make entries run over several
    # lines, so it is only the link's title.
    section = passage.section or chapter  # outside any section: the document
    linked = link_or_text(builder, fromdoc, passage.docname, passage.anchor, excerpt, section)
    found: list[nodes.Node] = [
        linked,
        nodes.inline(f" — {where}", f" — {where}", classes=["edition-themeindex-where"]),
    ]
    if isinstance(linked, nodes.reference):
        found.append(theme_pageref("", refdoc=passage.docname, refid=passage.anchor))
    return found


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
            link_or_text(builder, fromdoc, index_doc, prefix + theme_id, nodes.inline(label, label))
        )
        total = 0
        for period, _title in columns:
            count = counts[theme_id].get(period, 0)
            total += count
            number = nodes.inline(str(count), str(count))
            if count:
                row += entry(
                    link_or_text(builder, fromdoc, index_doc, cell_anchor(theme_id, period), number)
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
            fill_chips(chips, view, builder, docname)
    if not view.may_hold(builder, docname, "themeindex"):
        return
    for node in list(doctree.findall(themeindex)):
        node.replace_self(_render_index(node, view, builder, docname))


def theme_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """What the thematic indexes and the pages with chips show of other pages.

    An index shows every passage (lines left out: moving text changes nothing), the
    periods' titles, the titles of the documents and the declared themes; chips show
    their themes' labels and where their entries are.
    """
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
    return new

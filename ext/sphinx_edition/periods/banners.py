"""Period banners when a page is written: links to the parent period and the timeline.

Also what a page's banners show of other pages (its signature, asked once the book is read),
and
the visitors of banners and event markers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import make_refnode

from sphinx_edition.nodes import period_banner
from sphinx_edition.periods.directives import TIMELINE_ANCHOR
from sphinx_edition.themes.passages import theme_pageref
from sphinx_edition.view import BookView, get_view

if TYPE_CHECKING:
    from collections.abc import Hashable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

_ = get_translation("edition")


def banner_signatures(env: BuildEnvironment, view: BookView) -> dict[str, Hashable]:
    """What a page's banners show of other pages: a page is re-written when its banners
    link elsewhere than last time.

    A banner shows its parent period (title, place) and the place of the book's first
    timeline; either may change with another document.
    """
    links: dict[str, list[Hashable]] = {}
    for period in view.periods():
        parent = view.period(period.parent) if period.parent else None
        shown = (parent.docname, parent.anchor, parent.title) if parent is not None else None
        links.setdefault(period.docname, []).append(shown)
    return {doc: (view.timeline, tuple(shown)) for doc, shown in links.items()}


def link_banners(app: Sphinx, doctree: nodes.document, fromdoc: str) -> None:
    """``doctree-resolved``: link each banner to its parent period and to the timeline."""
    banners = list(doctree.findall(period_banner))
    if not banners:
        return
    view = get_view(app.env)
    timeline_doc = view.timeline
    for banner in banners:
        meta = next(
            (n for n in banner.findall(nodes.inline) if "edition-period-links" in n["classes"]),
            None,
        )
        if meta is None:
            continue
        parent = view.period(banner["parent"]) if banner["parent"] else None
        if parent is not None:
            for kind in banner.findall(nodes.inline):
                if "edition-period-kind" in kind["classes"]:
                    kind[:] = [nodes.Text(_("Sub-period") + " ")]
            meta += nodes.Text(" · ")
            meta += nodes.Text(_("within") + " ")
            meta += make_refnode(
                app.builder,
                fromdoc,
                parent.docname,
                parent.anchor,
                nodes.inline(parent.title, parent.title),
                parent.title,
            )
        if timeline_doc is not None:
            meta += nodes.Text(" · ")
            label = _("see the timeline")
            meta += make_refnode(
                app.builder,
                fromdoc,
                timeline_doc,
                TIMELINE_ANCHOR,
                nodes.inline(label, label),
                _("Timeline"),
            )
            if app.builder.format == "latex":
                # On paper a link is a page to turn to: ", page 12".
                meta += theme_pageref(refdoc=timeline_doc, refid=TIMELINE_ANCHOR)


# -- visitors -------------------------------------------------------------------------------


def visit_banner_html(self: HTML5Translator, node: nodes.Element) -> None:
    label = _("Period: %s") % node["title"]
    self.body.append(self.starttag(node, "aside", **{"aria-label": label}))


def depart_banner_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


def visit_event_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div"))


def depart_event_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_banner_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{sphinxShadowBox}" + self.hypertarget_to(node, anchor=True) + "\n")


def depart_banner_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{sphinxShadowBox}\n")


def visit_event_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{quote}\\small" + self.hypertarget_to(node, anchor=True))
    self.body.append("\\textbullet{} ")


def depart_event_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{quote}\n")

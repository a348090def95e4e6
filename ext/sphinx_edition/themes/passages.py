"""Tagging passages: the ``theme`` directive and role, their chips and anchors.

The directive wraps its passage in a container, the role tags the paragraph it stands in;
both put a :class:`~sphinx_edition.nodes.theme_chips` node where the chips will be shown.
:class:`AnnotatePassages` anchors every passage and notes what the domain records; at
``doctree-resolved`` the chips become links to the themes' entries in the thematic index.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode

from sphinx_edition.nodes import PASSAGE_ATTR, period_for_node, theme_chips
from sphinx_edition.view import BookView, get_view

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
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


def warn(msg: str, *args: Any, location: Any) -> None:
    logger.warning(msg, *args, location=location, type="edition", subtype="theme")


def known_ids(ids: list[str], env: BuildEnvironment, location: Any, where: str) -> list[str]:
    """The declared ids among *ids*; every other one is a located warning."""
    declared = get_view(env).theme_specs
    known = []
    for theme_id in ids:
        if theme_id in declared:
            known.append(theme_id)
        else:
            warn(
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
        known = known_ids(split_ids(self.arguments[0]), self.env, location, "theme directive")
        if not self.content:
            warn(
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
            warn("theme role has no theme id", location=location)
            return [], []
        known = known_ids(ids, self.env, location, "theme role")
        if not known:
            return [], []
        chips = theme_chips("", themes=known, from_role=True)
        self.set_source_info(chips)
        return [chips], []


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
                warn("theme role outside a paragraph: nothing to tag", location=node)
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
                warn("tagged passage has no text", location=element)
            record = {
                "themes": tuple(themes),
                "excerpt": make_excerpt(text, limit),
                "period": period_for_node(element),
                "section": _section_title(element) or "",
                "lineno": line,
                "order": number,
            }
            target = nodes.target("", "", ids=[anchor], **{PASSAGE_ATTR: record})
            # Linked from the thematic index, on another page: docutils, which sees only
            # this one, would report each passage as "not referenced" (priority 850), and
            # keep one message per passage in memory for the rest of the build.
            target.referenced = True
            doctree.ids[anchor] = target
            first = (
                element
                if isinstance(element, nodes.paragraph)
                else element.next_node(nodes.paragraph)
            )
            (first if first is not None else element).insert(0, target)


# -- rendering (doctree-resolved) -------------------------------------------------------------


def link_or_text(
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


def fill_chips(chips: theme_chips, view: BookView, builder: Builder, fromdoc: str) -> None:
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
            chips += link_or_text(
                builder, fromdoc, found[0], found[1], child, label, ["edition-theme-chip"]
            )


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
    # \editionthemes (editionnotes.sty) sets the marks as a note in the outer margin.
    self.body.append(r"\editionthemes{" + self.encode(_chips_label(node)) + "}{")


def depart_chips_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def visit_chips_text(self: TextTranslator, node: nodes.Element) -> None:
    before = node.previous_sibling()
    space = "" if isinstance(before, nodes.Text) and before.endswith(" ") else " "
    self.add_text(f"{space}[{_chips_label(node)} ")


def depart_chips_text(self: TextTranslator, node: nodes.Element) -> None:
    self.add_text("]")


def visit_pageref_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(", " + self.hyperpageref(f"{node['refdoc']}:{node['refid']}"))
    raise nodes.SkipNode

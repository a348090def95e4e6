"""Characters XML cannot hold, warned about once and dropped from every output.

XML 1.0 (§2.2, production ``Char``) has no C0 control character but tab, line feed and
carriage return, no surrogate code point and neither U+FFFE nor U+FFFF.  One of them in a
source paragraph (typed, pasted, or made by rST's ``unicode`` directive) or in a ``.bib``
field makes ePub XHTML that no reading system parses and TEI that lxml refuses to write.

:func:`xml_text` is the one filter.  :func:`drop_xml_chars` applies it to a doctree, with a
warning (``type="edition"``, ``subtype="xml-char"``) at the source line of each node that
held such a character: :class:`DropXmlChars` when a document is read,
:class:`DropGeneratedXmlChars` once its notes and bibliographies are rendered (text from a
``.bib`` field, located at the note or bibliography that prints it).  Every builder writes
the cleaned text; the TEI writer also passes every value it writes through
:func:`xml_text`, for what it takes from the ``.bib`` files directly.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ = get_translation("edition")
logger = logging.getLogger(__name__)

#: Code points outside XML 1.0's ``Char`` production.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: The same, but for NUL, which docutils' text nodes use to mark backslash escapes.
NOT_XML_BUT_NUL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: After the transforms that make text (substitutions at 220, smart quotes at 750), before
#: the edition's records are taken (840, 850) and ``doctree-read`` (880), whose handlers
#: collect the titles and the tables of contents.
READ_PRIORITY = 800

#: After every other post-transform that makes text (the notes at 4, sphinxcontrib-bibtex
#: at 5, references at 10), before nothing that could bring such characters back.
PRIORITY = 900


def xml_text(text: str) -> str:
    """*text* without the characters XML cannot hold."""
    return NOT_XML.sub("", text)


def not_xml(text: str) -> list[str]:
    """The characters of *text* that XML cannot hold, once each, as ``U+XXXX``."""
    return [f"U+{ord(c):04X}" for c in dict.fromkeys(NOT_XML.findall(text))]


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list):
        return [xml_text(v) if isinstance(v, str) else v for v in value]
    return value


def drop_xml_chars(document: nodes.document) -> None:
    """Drop the characters XML cannot hold from *document*'s text and attributes, with one
    warning for each source line that held some."""
    found: dict[tuple[str | None, int | None], tuple[nodes.Node, list[str]]] = {}

    def note(node: nodes.Node, chars: list[str]) -> None:
        # A title's text is also its section's name: one line, one warning.
        _node, known = found.setdefault(get_source_line(node), (node, []))
        known += [c for c in chars if c not in known]

    for text in list(document.findall(nodes.Text)):
        # A text node keeps rST's backslash escapes as NUL (``astext()`` drops them): those
        # are docutils' own, not the source's, and are kept for the writers to drop.
        chars = not_xml(text.astext())
        parent = text.parent
        if chars and parent is not None:
            note(parent, chars)
            parent.replace(text, nodes.Text(NOT_XML_BUT_NUL.sub("", str(text))))
    for element in document.findall(nodes.Element):
        chars = [c for value in element.attributes.values() for c in _found_in(value)]
        if chars:
            note(element, chars)
            for name, value in element.attributes.items():
                element.attributes[name] = _clean_value(value)
    for node, chars in found.values():
        logger.warning(
            _("a character XML cannot hold (%s): dropped"),
            ", ".join(chars),
            location=node,
            type="edition",
            subtype="xml-char",
        )


class DropXmlChars(SphinxTransform):
    """The source's text, cleaned when it is read: before the titles and the tables of
    contents are collected from it (they reach every page's ``<title>`` and the ePub's
    navigation), and at the very line the character stands on."""

    default_priority = READ_PRIORITY

    def apply(self, **kwargs: Any) -> None:
        drop_xml_chars(self.document)


class DropGeneratedXmlChars(SphinxPostTransform):
    """The text made while writing (notes and bibliographies, from ``.bib`` fields),
    cleaned once it is made."""

    default_priority = PRIORITY

    def run(self, **kwargs: Any) -> None:
        drop_xml_chars(self.document)


def _found_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return not_xml(value)
    if isinstance(value, list):
        return [c for v in value if isinstance(v, str) for c in not_xml(v)]
    return []


def setup_xmlchars(app: Sphinx) -> None:
    """Clean every doctree, as read and as resolved, of the characters XML cannot hold."""
    app.add_transform(DropXmlChars)
    app.add_post_transform(DropGeneratedXmlChars)

"""What the edition needs to know of a builder, decided in one place.

Renderers do not test builder names: they ask these questions of the builder (or of its
class, from a transform, which has no builder in Sphinx 9).  A post-transform that serves
some builders only names them in its ``builders``/``formats`` attributes, from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: Builders that write pages for a browser (the ePub is HTML too, but read on an e-reader,
#: which has its own note handling and no use for a print stylesheet or a script).
BROWSER_BUILDERS = ("html", "dirhtml", "singlehtml")

#: Browser builders that write one page per document, each with its own contents.
PAGE_BUILDERS = ("html", "dirhtml")

#: Builders whose ``doctree-resolved`` gets one document's own tree.  For them the domain's
#: records tell which documents hold a placeholder, and the others need not be walked.
#: Any other builder (LaTeX, texinfo, singlehtml, the TEI, one unknown here) may resolve
#: a book merged under its root document, and is walked.
SINGLE_DOCUMENT_BUILDERS = frozenset(
    {"html", "dirhtml", "epub", "json", "pickle", "text", "xml", "pseudoxml", "dummy"}
)


def _name(builder: Any) -> str:
    return str(getattr(builder, "name", ""))


def for_browser(builder: Any) -> bool:
    """*builder* (or its class) writes pages read in a browser."""
    return _name(builder) in BROWSER_BUILDERS


def for_ereader(builder: Any) -> bool:
    """*builder* (or its class) writes an e-book (epub, epub3)."""
    return _name(builder).startswith("epub")


def one_document_at_a_time(builder: Any) -> bool:
    """*builder* (or its class) resolves each document's own tree, never a merged book."""
    return _name(builder) in SINGLE_DOCUMENT_BUILDERS


def builder_class(env: BuildEnvironment) -> Any:
    """The class of the builder of *env*'s build (what a transform may ask about).

    Sphinx 9 keeps it as ``env._builder_cls`` (its own post-transforms read it there) and
    deprecates the transforms' ``app``; Sphinx 8.2 has only ``env.app.builder``.
    """
    found = getattr(env, "_builder_cls", None)
    if found is not None:
        return found
    return env.__dict__["app"].builder  # Sphinx 8.2: a plain attribute, no deprecation


__all__ = [
    "BROWSER_BUILDERS",
    "PAGE_BUILDERS",
    "SINGLE_DOCUMENT_BUILDERS",
    "builder_class",
    "for_browser",
    "for_ereader",
    "one_document_at_a_time",
]

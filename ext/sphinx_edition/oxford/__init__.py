"""Oxford referencing as a pybtex formatting style, after *New Hart's Rules*.

Registered as the ``oxford`` entry point of ``pybtex.style.formatting``, so
``bibtex_default_style = "oxford"`` gives the bibliography form (alphabetical by surname,
"Surname, Forename, *Title* (Place: Publisher, Year).").  The note forms used by the
``notecite`` role live here too, so that a book can subclass one style to change both:

* full note — "Forename Surname, *Title* (Place: Publisher, Year), p. 69.";
* short note — "Surname, *Short Title*, p. 69." (or 'Short Title' for articles and chapters);
* "Ibid." — with the locator when it differs from the note before.

:mod:`~sphinx_edition.oxford.rules` holds the guide's rules for strings (locators, ranges,
issues, short titles, reviews), :mod:`~sphinx_edition.oxford.text` the rich-text helpers,
:mod:`~sphinx_edition.oxford.style` the pybtex styles that apply them.
"""

from sphinx_edition.oxford.style import (
    BOOK_TYPES,
    CHAPTER_TYPES,
    QUOTED_TYPES,
    REPORT_TYPES,
    REVIEW_FIELD,
    OxfordLabelStyle,
    OxfordSortingStyle,
    OxfordStyle,
)
from sphinx_edition.oxford.text import plain_text

__all__ = [
    "BOOK_TYPES",
    "CHAPTER_TYPES",
    "QUOTED_TYPES",
    "REPORT_TYPES",
    "REVIEW_FIELD",
    "OxfordLabelStyle",
    "OxfordSortingStyle",
    "OxfordStyle",
    "plain_text",
]

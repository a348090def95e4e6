"""The book's metadata in the reader's books: the ePub's package and the PDF's XMP.

The HTML pages say who made the edition, when it was published and under which rights
(:mod:`sphinx_edition.metadata`); the ePub and the PDF say the same, from the same
:func:`~sphinx_edition.metadata.book_metadata`, rather than from the Sphinx values made for
other purposes (``epub_author``, the build's time, ``copyright``):

* **Creators** — the authors (MARC relator ``aut``); a book whose authors are unknown is
  credited to its editors (``edt``), who are otherwise its contributors.  A name that names
  no one (``"Anonymous"``, Sphinx's "Author name not set") is left out.
* **Date** — the edition's date (``edition_metadata["date"]``), not the time of the build;
  the ePub's ``dcterms:modified`` stays the build's time (``SOURCE_DATE_EPOCH``), as
  EPUB 3 asks of it.
* **Rights** — ``rights``, followed by the licence (``edition_metadata["license"]``) where
  the rights do not name it; the PDF also carries the address of the licence's text.

The ePub's values go into the package document's template (``content.opf.jinja``, through
:class:`~sphinx_edition.epub.EditionEpubBuilder`); the PDF's are written as a LaTeX package,
``editionmetadata.sty``, that loads hyperxmp and gives hyperref the document information and
the XMP packet in one ``\\hypersetup``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.locale import get_translation
from sphinx.util.osutil import ensuredir

from sphinx_edition.metadata import UNSET_AUTHORS, book_metadata, full_title, rights_statement

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_ = get_translation("edition")

#: The LaTeX package of the PDF's metadata, written beside the ``.tex`` file.
LATEX_PACKAGE = "editionmetadata"

#: Names that name no one (compared case-insensitively): Sphinx's default ``author`` and
#: ``epub_contributor``, and the word for a text whose author is not known.
NO_NAMES = frozenset(name.casefold() for name in UNSET_AUTHORS) | {"anonymous"}


class Credit(NamedTuple):
    """A name the book is credited to, with its MARC relator code (``""``: unknown)."""

    name: str
    role: str


def is_name(text: Any) -> bool:
    """Whether *text* names someone."""
    return isinstance(text, str) and bool(text.strip()) and text.strip().casefold() not in NO_NAMES


def credits(config: Config, fallback: str = "") -> tuple[tuple[Credit, ...], tuple[Credit, ...]]:
    """The creators and the contributors of the book: its authors and editors; with no
    author, its editors are its creators; with neither, *fallback* (a builder's own
    ``epub_author`` or LaTeX author), if it names someone."""
    meta = book_metadata(config)
    authors = tuple(Credit(a.name, "aut") for a in meta.authors if is_name(a.name))
    editors = tuple(Credit(e.name, "edt") for e in meta.editors if is_name(e.name))
    if authors:
        return authors, editors
    if editors:
        return editors, ()
    return ((Credit(fallback.strip(), ""),) if is_name(fallback) else ()), ()


# -- the ePub -------------------------------------------------------------------------------


def epub_credits(config: Config) -> tuple[tuple[Credit, ...], tuple[Credit, ...]]:
    """The ePub's ``dc:creator`` and ``dc:contributor`` names.

    An ``epub_author`` set for the ePub alone (not Sphinx's default, ``author``) is the
    creator; ``epub_contributor`` is a contributor too, unless it is already credited.
    """
    author = config.epub_author
    if is_name(author) and author != config.author:
        creators: tuple[Credit, ...] = (Credit(author.strip(), ""),)
        contributors = credits(config)[1]
    else:
        creators, contributors = credits(config, author)
    extra = config.epub_contributor
    named = {credit.name for credit in creators + contributors}
    if is_name(extra) and extra.strip() not in named:
        contributors += (Credit(extra.strip(), ""),)
    return creators, contributors


def epub_metadata(config: Config) -> dict[str, Any]:
    """The package document's creators, contributors, date, rights and the book's subtitle
    (not escaped)."""
    creators, contributors = epub_credits(config)
    meta = book_metadata(config)
    return {
        "creators": creators,
        "contributors": contributors,
        "published": meta.date,
        "subtitle": meta.subtitle,
        "rights": rights_statement(meta),
        "license_url": meta.licence.url if meta.licence is not None else "",
    }


# -- the PDF --------------------------------------------------------------------------------

#: Characters that a value of ``\hypersetup`` (a PDF string, made by ``\pdfstringdef``)
#: cannot hold as they are.
PDF_STRING_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def pdf_string(text: str, *, list_item: bool = False) -> str:
    """*text* as a value of ``\\hypersetup``; in an item of a list (hyperxmp splits
    ``pdfauthor`` at commas) its own commas are hyperxmp's ``\\xmpcomma``."""
    escaped = "".join(PDF_STRING_ESCAPES.get(char, char) for char in " ".join(text.split()))
    return escaped.replace(",", r"\xmpcomma{}") if list_item else escaped


def latex_author(config: Config) -> str:
    """The author of the first ``latex_documents`` entry (or "")."""
    documents = getattr(config, "latex_documents", None) or []
    return str(documents[0][3]) if documents and len(documents[0]) > 3 else ""


def pdf_keys(config: Config) -> list[tuple[str, str]]:
    """The keys of hyperref and hyperxmp for the book, their values escaped."""
    meta = book_metadata(config)
    creators = credits(config, latex_author(config))[0]
    licence = meta.licence
    # hyperxmp drops the Author and Keywords of the document information, which most PDF
    # readers still show, unless told to keep them.
    keys = [("keeppdfinfo", "true"), ("pdftitle", pdf_string(full_title(meta)))]
    if meta.subtitle:
        keys.append(("pdfsubtitle", pdf_string(meta.subtitle)))
    if creators:
        keys.append(("pdfauthor", ", ".join(pdf_string(c.name, list_item=True) for c in creators)))
        if all(c.role == "edt" for c in creators):
            role = _("Editor") if len(creators) == 1 else _("Editors")
            keys.append(("pdfauthortitle", pdf_string(role)))
    rights = rights_statement(meta)
    if rights:
        keys.append(("pdfcopyright", pdf_string(rights)))
    if licence is not None and licence.url:
        keys.append(("pdflicenseurl", pdf_string(licence.url)))
    keys.append(("pdfdate", pdf_string(meta.date)))
    keys.append(("pdfpubtype", "book"))
    keys.append(("pdflang", pdf_string(meta.language)))
    if meta.edition:
        keys.append(("pdfversionid", pdf_string(meta.edition)))
    if meta.publisher:
        keys.append(("pdfpublisher", pdf_string(meta.publisher)))
    if meta.url:
        keys.append(("pdfurl", pdf_string(meta.url)))
    if meta.identifier:
        keys.append(("pdfidentifier", pdf_string(meta.identifier)))
    return keys


def latex_package(config: Config) -> str:
    """The text of ``editionmetadata.sty``."""
    settings = ",\n".join(f"  {key}={{{value}}}" for key, value in pdf_keys(config))
    return (
        "\\NeedsTeXFormat{LaTeX2e}\n"
        f"\\ProvidesPackage{{{LATEX_PACKAGE}}}[2026/11/24 The book's metadata]\n"
        "% Written by the edition extension from the book's metadata: the PDF's document\n"
        "% information, and its XMP packet (hyperxmp).  A \\hypersetup after this package\n"
        "% (in the preamble) changes a value of both.\n"
        "\\RequirePackage{hyperxmp}\n"
        f"\\hypersetup{{\n{settings}\n}}\n"
        "\\endinput\n"
    )


def write_latex_package(app: Sphinx) -> None:
    """Write the metadata package beside the ``.tex`` file of a LaTeX build
    (``builder-inited``); an unchanged one is left as it is."""
    if app.builder.format != "latex":
        return
    ensuredir(app.builder.outdir)
    path = Path(app.builder.outdir) / f"{LATEX_PACKAGE}.sty"
    text = latex_package(app.config)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup_publication(app: Sphinx) -> None:
    """Give the PDF its metadata package (the ePub's builder reads :func:`epub_metadata`)."""
    app.add_latex_package(LATEX_PACKAGE, after_hyperref=True)
    app.connect("builder-inited", write_latex_package)

"""Cases: what the XML outputs must survive (the TEI above all, and the ePub's XHTML).

rST forms the TEI builder must convert without raising or losing text (citations,
topics, sidebars, admonitions, figures, tables, glossaries, option lists...), notes
where a TEI ``note`` cannot simply stand (a figure's caption, a period's summary, a
definition list's classifier), characters XML cannot hold, ids that would be duplicated
or not be names, and ``edition_tei_documents`` naming what is not there.
"""

from __future__ import annotations

import base64

from hostile import CONF_LINE, TEXT_LINE, Case, W

#: A second chapter, in reStructuredText, after the MyST one.
INDEX = "# Book\n\n```{toctree}\nchapter\nrstchap\nrefs\n```\n"
RST_HEAD = "Rst\n===\n\n"
#: The line of ``rstchap.rst`` where a case's text starts.
RST_LINE = RST_HEAD.count("\n") + 1

#: A one-pixel PNG, for figures whose image every builder must find.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

NOTE = ":notecite:`good2000`"


def rst(body: str, **files: str | bytes) -> dict[str, str | bytes]:
    """The files of a book whose second chapter, ``rstchap.rst``, is *body*."""
    return {"rstchap.rst": RST_HEAD + body, "index.md": INDEX, **files}


CASES: list[Case] = [
    # -- reStructuredText the TEI builder must convert ------------------------------------
    Case(
        "tei-rst-citation-defined",
        files=rst(f"Text [Smith99]_ {NOTE}.\n\n.. [Smith99] Smith, the citation text proper.\n"),
        notes=1,
        kept=("the citation text proper",),
        why="an rST citation defined in the document is the author's own bibliography",
    ),
    Case(
        "tei-rst-notecite-in-substitution",
        files=rst("Text |s| and |s| again.\n\n.. |s| replace:: see :notecite:`good2000`\n"),
        notes=2,
        kept=("again",),
        why="a substitution may hold a citation: each use is a note of its own",
    ),
    Case(
        "tei-rst-topic-title",
        files=rst(f"First paragraph.\n\n.. topic:: Topic title {NOTE}\n\n   Topic body.\n"),
        notes=1,
        kept=("Topic title", "Topic body"),
        why="a topic after a paragraph, a note in its title",
    ),
    Case(
        "tei-rst-sidebar",
        files=rst(
            f"First paragraph.\n\n.. sidebar:: Side title\n   :subtitle: Side subtitle\n\n"
            f"   Side body {NOTE}.\n"
        ),
        notes=1,
        kept=("Side title", "Side subtitle", "Side body"),
        why="a sidebar with a title and a subtitle",
    ),
    Case(
        "tei-rst-admonition-title",
        files=rst(
            f".. admonition:: Custom title {NOTE}\n\n   Custom body.\n\n"
            f".. warning:: Warning body {NOTE}.\n"
        ),
        notes=2,
        kept=("Custom title", "Custom body", "Warning body"),
        why="an admonition's title is the author's text, and may hold a note",
    ),
    Case(
        "tei-rst-definition-list-classifier",
        files=rst(f"Term {NOTE} : classifier {NOTE}\n   Definition {NOTE}.\n"),
        notes=3,
        kept=("classifier", "Definition"),
        why="a definition list's term and classifier both hold notes",
    ),
    Case(
        "tei-rst-glossary-field-option-lists",
        files=rst(
            f".. glossary::\n\n   Word\n   Other word\n      Meaning {NOTE}.\n\n"
            f":Field: value {NOTE}\n\n-a         option a\n--bee=BEE  option bee\n"
        ),
        notes=2,
        kept=("Other word", "Meaning", "value", "option bee"),
        why="a glossary with two terms for one meaning, a field list, an option list",
    ),
    Case(
        "tei-rst-line-block",
        files=rst(f"| Line one {NOTE}\n|    Line two, indented\n| Line three\n"),
        notes=1,
        kept=("Line two, indented", "Line three"),
        why="a line block, a note in a line",
    ),
    Case(
        "tei-rst-nested-table",
        files=rst(
            "+------------------------------------+-------+\n"
            "| Outer                              | Cell  |\n"
            "+====================================+=======+\n"
            "| =====  =========================== | Plain |\n"
            f"| inner  cell {NOTE}   |       |\n"
            "| =====  =========================== |       |\n"
            "+------------------------------------+-------+\n"
        ),
        notes=1,
        kept=("inner", "Plain"),
        # Sphinx's text writer raises NotImplementedError on a nested table.
        builders=("html", "epub", "latex", "tei"),
        why="a table in a table's cell: its rows (and its note) are the inner table's, "
        "not the outer's",
    ),
    Case(
        "tei-rst-table-title-and-spans",
        files=rst(
            f".. table:: Table title {NOTE}\n\n"
            "   =====  =====\n   A      B\n   =====  =====\n"
            f"   both columns {NOTE}\n   ------------\n   c      d\n   =====  =====\n"
        ),
        notes=2,
        kept=("Table title", "both columns"),
        why="a table's title and a cell that spans two columns, each with a note",
    ),
    Case(
        "tei-rst-math-and-raw",
        files=rst(
            f".. math::\n\n   a^2 + b^2 = c^2\n\nInline :math:`x + y` {NOTE}.\n\n"
            ".. raw:: html\n\n   <b>for the web only</b>\n"
        ),
        notes=1,
        kept=("a^2 + b^2 = c^2",),
        why="raw markup belongs to its one format; every other builder leaves it out",
    ),
    Case(
        "tei-rst-only-tei",
        files=rst(f".. only:: tei\n\n   For the TEI only {NOTE}.\n"),
        notes=1,
        kept=("For the TEI only",),
        builders=("tei",),
        why="an only block for the TEI builder is written there (its note counted there)",
    ),
    Case(
        "tei-rst-footnotes-of-the-document",
        files=rst(
            f"Text [#f]_ and [*]_ and [#f]_ again {NOTE}.\n\n"
            f".. [#f] An own footnote {NOTE}.\n.. [*] A symbol footnote.\n"
        ),
        notes=2,
        footnotes=1,  # the numbered one: the text builder marks the other "[*]"
        kept=("An own footnote", "A symbol footnote"),
        why="the document's own footnotes (one marked twice, one by a symbol) beside the "
        "edition's notes, one of these inside an own footnote",
    ),
    # -- notes that must not be lost from the TEI -----------------------------------------
    Case(
        "tei-figure-caption-note",
        chapter=(
            "```{figure} img.png\n:alt: A pixel\n\nCaption{notecite}`good2000`.\n\n"
            "Legend of the figure.\n```\n"
        ),
        files={"img.png": PNG},
        notes=1,
        kept=("Caption", "Legend of the figure"),
        why="a note in a figure's caption",
    ),
    Case(
        "tei-rst-figure-caption-note",
        files=rst(f".. figure:: img.png\n\n   Caption {NOTE}.\n", **{"img.png": PNG}),
        notes=1,
        kept=("Caption",),
        why="a note in a figure's caption, in rST",
    ),
    Case(
        "tei-period-summary-note",
        chapter=(
            "## Section\n\n:::{period} p1\n:title: A period\n:start: 1991\n:end: 1999\n"
            ":climate: cooperation\n\nThe summary{notecite}`good2000`.\n:::\n\nText.\n"
        ),
        notes=1,
        kept=("The summary",),
        why="a note in a period's summary",
    ),
    Case(
        "tei-event-body-note",
        chapter=(
            "## Section\n\n:::{event} 1992-06-17\n:title: A summit\n:climate: cooperation\n\n"
            "The comment{notecite}`good2000`.\n:::\n\nText.\n"
        ),
        notes=1,
        kept=("The comment",),
        why="a note in an event's comment",
    ),
    # -- characters XML cannot hold -------------------------------------------------------
    Case(
        "xml-char-control-in-paragraph",
        chapter="One\x01 two\x0b three{notecite}`good2000`.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"U\+0001, U\+000B"),),
        notes=1,
        kept=("One two three",),
    ),
    Case(
        "xml-char-in-title",
        chapter="## A\x01 heading\n\nText.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"U\+0001"),),
        kept=("A heading",),
    ),
    Case(
        "xml-char-noncharacter",
        chapter="Not a character: \ufffe, \uffff.\n",
        warnings=(W("chapter.md", TEXT_LINE, r"U\+FFFE, U\+FFFF"),),
        kept=("Not a character: , .",),
    ),
    Case(
        "xml-char-rst-unicode-surrogate",
        files=rst("Made |c| and |s| here.\n\n.. |c| unicode:: U+0001\n.. |s| unicode:: U+D800\n"),
        warnings=(
            W("rstchap.rst", RST_LINE, r"U\+0001, U\+D800"),
            W("rstchap.rst", RST_LINE + 2, r"U\+0001"),
            W("rstchap.rst", RST_LINE + 3, r"U\+D800"),
        ),
        kept=("Made  and  here.",),
    ),
    Case(
        "xml-char-in-bib-field",
        chapter="Cited{notecite}`bad2001`.\n",
        bib="@book{bad2001,\n  author = {Bad, Bob}, title = {A Bad\x01 Book},\n"
        "  publisher = {Press}, year = {2001},\n}\n",
        warnings=(W("chapter.md", TEXT_LINE, r"U\+0001"), W("refs.md", 1, r"U\+0001")),
        notes=1,
        kept=("A Bad Book",),
    ),
    # -- ids ------------------------------------------------------------------------------
    Case(
        "tei-duplicate-period-id",
        chapter=(
            "## One\n\n:::{period} p1\n:title: First\n:start: 1991\n:end: 1992\n"
            ":climate: cooperation\n:::\n\nText.\n"
        ),
        files={
            "index.md": "# Book\n\n```{toctree}\nchapter\nsecond\nrefs\n```\n",
            "second.md": "# Second\n\n:::{period} p1\n:title: Second\n:start: 1993\n"
            ":end: 1994\n:climate: tension\n:::\n\nText.\n",
        },
        warnings=(W("second.md", TEXT_LINE, r"duplicate period id 'p1'"),),
        kept=("First", "Second"),
    ),
    Case(
        "tei-duplicate-editorial-id",
        chapter=(
            "The first lemma.\n\n:::{editorial}\n:id: same\n:sic: first lemma\n\nOne.\n:::\n\n"
            "The second lemma.\n\n:::{editorial}\n:id: same\n:sic: second lemma\n\nTwo.\n:::\n"
        ),
        warnings=(W("chapter.md", TEXT_LINE + 11, r"duplicate editorial id 'same'"),),
        kept=("One.", "Two."),
    ),
    Case(
        "tei-theme-id-not-a-name",
        conf='edition_themes = {"arms:ctl": "Arms control"}\n',
        chapter="Text {theme}`arms:ctl` here.\n",
        kept=("Text",),
        why="a theme id may hold a colon (edition_themes), which an xml:id cannot",
    ),
    Case(
        "tei-bib-keys-one-name",
        chapter="One{notecite}`x:2001`. Two{notecite}`x_2001`. Three{notecite}`good²`.\n",
        bib=(
            "@book{x:2001, author = {Ex, Al}, title = {Colon Work}, year = {2001}}\n"
            "@book{x_2001, author = {Ex, Bo}, title = {Underscore Work}, year = {2001}}\n"
            "@book{good², author = {Square, Sam}, title = {Squared Work}, year = {2002}}\n"
        ),
        notes=3,
        kept=("Colon Work", "Underscore Work", "Squared Work"),
        why="BibTeX keys that are not XML names, two of them the same name once made one",
    ),
    # -- configuration --------------------------------------------------------------------
    Case(
        "tei-documents-missing",
        conf='edition_tei_documents = ["chapter", "missing", "chapter", "refs"]\n',
        chapter="Text{notecite}`good2000`.\n",
        warnings=(
            W("conf.py", CONF_LINE, r"no document 'missing'", builders=("tei",)),
            W("conf.py", CONF_LINE, r"'chapter' is named twice", builders=("tei",)),
        ),
        notes=1,
        kept=("Text",),
    ),
]

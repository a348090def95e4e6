"""Sphinx configuration of the edition of *Dynamics of US–Russia Relations*."""

from __future__ import annotations

import contextlib
import io
import os
import time
from pathlib import Path

# sphinxext-opengraph prints "matplotlib is not installed, social cards will not be generated"
# to stdout when it is imported, whatever the configuration; the edition makes no social
# cards (ogp_social_cards below), so the import is made here, with that line discarded.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent

# -- Project ------------------------------------------------------------------------------
project = "Dynamics of US–Russia Relations"
subtitle = "A literature review, 1991–2012"
author = "Anonymous"  # the delivered text names no author (see about.md)
version = release = "1.0"
language = "en"


def _citation_field(name: str) -> str:
    """A top-level field of CITATION.cff: the version's date is given there, for every format."""
    for line in (ROOT / "CITATION.cff").read_text("utf-8").splitlines():
        if line.startswith(f"{name}:"):
            return line.partition(":")[2].strip().strip('"')
    return ""


# The release's date, not the build's: the same in every format, and in every rebuild.
_release_date = _citation_field("date-released")
_released = time.strptime(_release_date, "%Y-%m-%d")
_released_on = f"{_released.tm_mday} {time.strftime('%B %Y', _released)}"
_published = time.strftime("%Y", _released)
_publisher = "The edition team"
copyright = f"{_published}, {_publisher}"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinx_edition",
    "sphinx.ext.autodoc",
    "sphinx_sitemap",
    "sphinxext.opengraph",
]
templates_path = ["_templates"]

root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []
# The extension's reference (extending.md) comes from its docstrings.
autodoc_typehints = "none"
autodoc_class_signature = "separated"

# -- Bibliography ---------------------------------------------------------------------------
bibtex_bibfiles = [str(ROOT / "refs.bib")]
bibtex_reference_style = "author_year"
# Oxford referencing (edition.oxford): the bibliography form, and the notes of {notecite}
bibtex_default_style = "oxford"
# The notes as delivered (each beside its citation; the apparatus lists where they differ).
# The reference list as delivered is in refs.bib (x-delivered), the evidence in x-evidence.
edition_delivered_notes = "delivered-notes.json"

# -- Themes (the {theme} role and directive, and the thematic index) -----------------------
edition_themes = {
    "cooperation-confrontation": {
        "label": "Cooperation and confrontation",
        "description": "The review's thread: relations oscillate between rapprochement "
        "and tension, and neither side manages to end the oscillation.",
    },
    "arms-control": {
        "label": "Arms control and disarmament",
        "description": "START, the Cooperative Threat Reduction Program, SORT and New START.",
    },
    "missile-defence": {
        "label": "Missile defence",
        "description": "The ABM Treaty, its abandonment, and the anti-missile shield in Europe.",
    },
    "nato": {
        "label": "NATO and its enlargement",
        "description": "Partnership for Peace, the Founding Act, enlargement to the east.",
    },
    "eurasia": {
        "label": "The former Soviet space (Eurasia)",
        "description": "The CIS and the CSTO, the Caucasus, Central Asia, Georgia: "
        "Russia's 'near abroad' and American influence there.",
    },
    "balkans": {
        "label": "The Balkans and Yugoslavia",
        "description": "Serbia, Milosevic and NATO's air strikes without a UN mandate.",
    },
    "terrorism": {
        "label": "Counter-terrorism after 11 September",
        "description": "The rapprochement after the attacks and the war in Afghanistan.",
    },
    "chechnya": {
        "label": "Chechnya",
        "description": "The Chechen wars and how they weigh on relations with Washington.",
    },
    "economy": {
        "label": "Economic aid, transition and trade",
        "description": "Aid to Russia, the market economy, and Russia's entry into the WTO.",
    },
    "nonproliferation": {
        "label": "Iran and nuclear non-proliferation",
        "description": "The Iranian and North Korean nuclear issues and the sanctions.",
    },
    "unsc": {
        "label": "The UN Security Council",
        "description": "Russia's permanent seat, its veto, and sanctions voted in New York.",
    },
    "middle-east": {
        "label": "Iraq and the Middle East",
        "description": "The war in Iraq, Libya and Syria.",
    },
    "personal-diplomacy": {
        "label": "Leaders' personal diplomacy",
        "description": "Summits, charters and friendships between presidents and ministers.",
    },
}

# -- HTML -----------------------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
# Furo's sidebar without its Read the Docs advertisement (a request to another host) and
# version selector.
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
# Links to the PDF, the ePub, the TEI and the bibliography (BibTeX, RIS) on every page (nox
# publishes the first three in downloads/; the HTML builder writes the last two there).
edition_downloads = ["pdf", "epub", "tei", "bib", "ris", "json"]
# The edition's metadata for reference managers and search engines (Highwire citation_*,
# Dublin Core, schema.org): the delivered text names no author, so none is claimed.
# The ePub's and the PDF's metadata come from the same values: the edition team as the
# editors (the review's author is unknown), the release's date, the rights and the licence.
edition_metadata = {
    "authors": [],
    "editors": [{"name": _publisher}],
    "publisher": _publisher,
    "subtitle": subtitle,
    "date": _release_date,
    "license": {"name": "MIT License", "url": "https://spdx.org/licenses/MIT.html"},
    "rights": f"© {_published} {_publisher}. Published under the MIT License.",
}
# The TEI header: the delivered file, and the editorial principles (as on the About page).
edition_tei_source = [
    "The review as delivered: a plain-text dump of a Word/PDF file of 23 pages, with the "
    "pages' running heads, page breaks and footnote blocks interleaved in the text, 69 "
    "numbered footnotes and a reference list of 43 works.",
]
edition_tei_principles = [
    "Every word of the delivered body is kept, in order; the paragraphs split by page breaks "
    "are joined again.",
    "Errors of the source are kept in the text and explained in numbered editorial notes, "
    "never silently corrected.",
    "Each footnote is a citation of a BibTeX record, formatted in Oxford style after New "
    "Hart's Rules; where the edition's form differs from the delivered note or reference, "
    "the delivered reading is kept and shown beside it.",
]
# The TEI header's revisions: one change per release of the changelog.
edition_tei_changelog = "../CHANGELOG.md"
# The address the edition is published at (Read the Docs says it; the GitHub Pages workflow
# sets EDITION_BASE_URL): canonical links, the sitemap and OpenGraph metadata.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL",
    os.environ.get(
        "EDITION_BASE_URL", "https://dynamics-of-us-russia-relations.readthedocs.io/en/latest/"
    ),
)
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html"]
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_type = "article"
ogp_description_length = 200
ogp_enable_meta_description = True
# Generated social cards would need matplotlib and a font download; a text card is enough.
ogp_social_cards = {"enable": False}

# -- ePub -----------------------------------------------------------------------------------
epub_basename = "dynamics-of-us-russia-relations"
epub_title = project
epub_author = author
epub_publisher = "The edition team"
epub_description = (
    "A digital edition of a Masters literature review of the relations between Russia and "
    "the United States, 1991–2012, with its Oxford notes, bibliography, timeline and "
    "thematic index."
)
epub_contributor = "The edition team"
epub_language = language
epub_identifier = "urn:uuid:6f1c1c54-6a4e-4c1e-9d8f-2f1c3f0e1a92"
epub_uid = "edition-dynamics-us-russia"
epub_scheme = "uuid"
epub_copyright = copyright
epub_show_urls = "no"
# The reader's book has no index: Sphinx's general index lists the API's objects only.
epub_use_index = False
# .buildinfo.bak: Sphinx's copy of the previous build information, when the configuration
# changed between two builds into the same directory; not part of the book.  extending: the
# author documentation is on the website only (index.md leaves it out of the ePub's contents).
epub_exclude_files = ["search.html", ".buildinfo.bak", "extending.xhtml"]

# -- LaTeX / PDF ----------------------------------------------------------------------------
latex_engine = "xelatex"
latex_documents = [
    (root_doc, "dynamics-of-us-russia-relations.tex", project, author, "manual"),
]
# A book, not a software manual: the book class (two-sided, chapters open right).
latex_docclass = {"manual": "book"}
latex_toplevel_sectioning = "chapter"
latex_show_urls = "no"
latex_use_xindy = False
latex_domain_indices = False
# The book's design (page, running heads, blank versos, back matter, tables): _latex/.
latex_additional_files = ["_latex/editionbook.sty"]


# The title page and its verso, the imprint: what the edition is, its principles in one
# sentence, its licence, version and date, and how to cite it.  The title comes from
# `project` and `subtitle` (real en dashes: Sphinx's fontspec set-up turns TeX's "--"
# ligature off, so "--" would print as two hyphens).
_title_page = rf"""
\frontmatter
\begin{{titlepage}}
\centering\addtolength{{\leftskip}}{{16mm}}% centred on the page, not on the text block
\vspace*{{0.2\textheight}}
{{\Huge\bfseries {project}\par}}
\vspace{{1.5em}}
{{\Large {subtitle}\par}}
\vspace{{4em}}
{{\large A Masters literature review\\ in International Relations and History\par}}
\vfill
{{\large A digital edition\par}}
\vspace{{0.5em}}
{{{_publisher}\par}}
\end{{titlepage}}
\thispagestyle{{empty}}
\null\vfill
\begingroup\small\raggedright\setlength{{\parindent}}{{0pt}}\setlength{{\parskip}}{{0.8em}}
\textit{{{project}: {subtitle}}} is a digital edition of a Masters literature review in
International Relations and History, as it was delivered: 5,085 words and 69 notes citing
43 works.  The delivered text names no author, institution or course.

Every word of the review is kept, in its order; paragraphs split by the delivered pages are
joined, each note cites in the Oxford style the work the delivered note points to, and the
source's errors stay in the text, explained in editorial notes (About this edition,
p.~\pageref{{\detokenize{{about::doc}}}}).

Version {release}, {_released_on}.  \textcopyright{{}} {_published} {_publisher}.
Published under the MIT License.

Cite as: \textit{{{project}: {subtitle}}}, digital edn, version {release}
({_publisher}, {_published}), \url{{{html_baseurl}}}.  Other forms: Cite this edition,
p.~\pageref{{\detokenize{{cite::doc}}}}.

Set in FreeSerif with Sphinx and XeLaTeX.
\endgroup
\clearpage
"""

latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{FreeSerif}
\setsansfont{FreeSans}
\setmonofont{FreeMono}
""",
    "fncychap": "",
    "printindex": "",
    "makeindex": "",
    "preamble": r"""
% Document information of the PDF beyond what the extension writes from edition_metadata
% (title, editors, date, rights, licence, language and version: editionmetadata.sty).
\hypersetup{
  pdfsubject={International Relations; History},
  pdfkeywords={United States; Russia; foreign policy; post-Soviet relations; reset;
    NATO enlargement; arms control; literature review},
  pdfcreator={Sphinx and XeLaTeX},
}
\usepackage{microtype}
\makeatletter\renewcommand{\py@HeaderFamily}{\rmfamily\bfseries}\makeatother
\usepackage{editionbook}
""",
    # Inner and outer margins: the outer one holds the theme notes (editionnotes.sty).
    "sphinxsetup": "hmargin={27mm,43mm}, vmargin={25mm,30mm}, marginpar=30mm, "
    "TitleColor={rgb}{0,0,0}, InnerLinkColor={rgb}{0,0,0}, "
    "OuterLinkColor={rgb}{0,0,0}",
    "maketitle": _title_page,
    "tableofcontents": r"\editiontableofcontents",
}

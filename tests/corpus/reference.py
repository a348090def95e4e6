"""The corpus as a reference processor reads it: BibTeX → CSL-JSON → citeproc-py.

The mapping follows the BibTeX/biblatex → CSL crosswalk of the reference managers
(citation-js, Zotero's Better BibTeX), written here apart from the extension's own export so
that a field the extension forgets cannot also be forgotten by the reference.  LaTeX is
decoded by citeproc-py's own parser.
"""

from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source import Locator
from citeproc.source.bibtex.latex import parse_latex
from citeproc.source.bibtex.latex.macro import Macro
from citeproc.source.json import CiteProcJSON
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person as PybtexPerson

if TYPE_CHECKING:
    from pybtex.database import Entry, Person

#: The CSL style of New Hart's Rules (notes), from the CSL project's styles (CC BY-SA 3.0, with
#: its authors in its <info>), kept beside the corpus so that a clean clone runs the test.
CSL = Path(__file__).resolve().parent / "new-harts-rules-notes.csl"

#: Commands citeproc-py's parser does not know: each keeps its argument.
_MACROS = {
    name: Macro(1, "{0}")
    for name in "emph textit textbf textsc mkbibquote enquote url textsuperscript".split()
}

TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "proceedings": "book",
    "manual": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "inproceedings": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "misc": "document",
    "online": "webpage",
    "unpublished": "manuscript",
}
THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}


def decode(latex: str) -> str:
    """A field as plain text: by citeproc-py's LaTeX parser, or, for what it cannot read
    (escaped braces, "\\$"), by latexcodec with the commands' names dropped."""
    # the old font switches, "{\em x}", which citeproc-py's parser does not know
    latex = re.sub(r"\{\\(?:em|it)\s+", "{", latex)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            text = str(parse_latex(latex, _MACROS))
        except (AssertionError, KeyError):
            latex = latex.replace("\\{", "\ue000").replace("\\}", "\ue001")
            text = codecs.decode(latex, "ulatex")
            text = re.sub(r"\\[A-Za-z]+\s*", "", text).replace("{", "").replace("}", "")
            text = text.replace("\ue000", "{").replace("\ue001", "}")
    return " ".join(text.split())


def _name(person: Person) -> dict[str, str]:
    family = decode(" ".join(person.prelast_names + person.last_names))
    given = decode(" ".join(person.first_names + person.middle_names))
    if not given:
        return {"literal": family}
    name = {"family": family, "given": given}
    if person.lineage_names:
        name["suffix"] = decode(" ".join(person.lineage_names))
    return name


def _date(value: str) -> dict[str, Any]:
    numbers = [int(n) for n in value.split("-")[:3]]
    return {"date-parts": [numbers]}


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def csl_item(key: str, entry: Entry) -> dict[str, Any]:
    """*entry* as a CSL-JSON item."""
    fields = {k.lower(): str(v) for k, v in entry.fields.items()}

    def text(*names: str) -> str:
        for name in names:
            if fields.get(name, "").strip():
                return decode(fields[name])
        return ""

    kind = entry.type
    csl_type = TYPES.get(kind, "document")
    if kind == "inbook" and "booktitle" not in fields:
        csl_type = "book"
    item: dict[str, Any] = {"id": key, "type": csl_type, "title": text("title")}
    for role in ("author", "editor", "translator"):
        # pybtex reads only authors and editors as names; a translator is a field
        persons = entry.persons.get(role) or [
            PybtexPerson(n) for n in split_name_list(fields.get(role, ""))
        ]
        if persons:
            item[role] = [_name(p) for p in persons]
    if not entry.persons.get("author") and not entry.persons.get("editor") and kind == "manual":
        item["author"] = [{"literal": text("organization")}]
    values = {
        "title-short": text("shorttitle"),
        "container-title": text("journal", "journaltitle", "booktitle")
        or (text("organization") if kind == "online" else ""),
        "volume": text("volume"),
        "number-of-volumes": text("volumes"),
        "edition": text("edition"),
        "collection-title": text("series"),
        "publisher": text("publisher", "institution", "school")
        or (text("organization") if kind in {"manual", "inproceedings"} else ""),
        "publisher-place": text("address", "location"),
        "page": text("pages").replace("–", "-"),
        "chapter-number": text("chapter"),
        "genre": text("type") or THESIS_GENRES.get(kind, ""),
        "note": text("howpublished", "note"),
        "DOI": re.sub(r"^https?://(dx\.)?doi\.org/", "", fields.get("doi", "")),
        "URL": fields.get("url", "").replace("\\", ""),
    }
    number = text("number")
    if number:
        key_of_number = {"article": "issue", "techreport": "number", "report": "number"}
        values[key_of_number.get(kind, "collection-number")] = number
    item.update({k: v for k, v in values.items() if v})
    if fields.get("urldate"):
        item["accessed"] = _date(fields["urldate"])
    if fields.get("origdate"):
        item["original-date"] = _date(fields["origdate"])
    if fields.get("date"):
        item["issued"] = _date(fields["date"])
    elif fields.get("year"):
        parts = [int(fields["year"])]
        month = fields.get("month", "").strip().lower()
        words = month.split()
        if words and words[-1][:3] in _MONTHS:
            parts.append(_MONTHS.index(words[-1][:3]) + 1)
            if len(words) == 2 and words[0].isdigit():
                parts.append(int(words[0]))
        item["issued"] = {"date-parts": [parts]}
    return item


class Reference:
    """citeproc-py with New Hart's Rules' notes style, over the items of a corpus."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.style = CitationStylesStyle(str(CSL), validate=False)
        self.source = CiteProcJSON(items)

    def _processor(self) -> CitationStylesBibliography:
        return CitationStylesBibliography(self.style, self.source, formatter.html)

    def forms(self, key: str, locator: str, again: str) -> tuple[str, str, str, str]:
        """(full note, short note, Ibid., bibliography) of *key*: the first citation with
        page *locator*, a later one (after another work) with page *again*, and the note
        just after that with *again* too."""
        processor = self._processor()
        other = next(k for k in self.source if k != key.lower())

        def cite(which: str, page: str) -> str:
            citation = Citation([CitationItem(which, locator=Locator("page", page))])
            processor.register(citation)
            return str(processor.cite(citation, lambda item: None))

        full = cite(key, locator)
        cite(other, "1")
        short = cite(key, again)
        ibid = cite(key, again)
        alone = self._processor()
        citation = Citation([CitationItem(key)])
        alone.register(citation)
        alone.cite(citation, lambda item: None)
        entries = [str(e) for e in alone.bibliography()]
        return full, short, ibid, entries[0] if entries else ""

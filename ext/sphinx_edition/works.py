"""The works of the bibliography as plain records: BibTeX, RIS, COinS and schema.org forms.

pybtex parses the ``.bib`` files (through sphinxcontrib-bibtex); :func:`work_from_entry` turns
one entry into a :class:`Work` of plain Unicode fields (LaTeX markup decoded, names split),
which the page metadata, the COinS, the RIS export and the TEI ``biblStruct`` all read.
This module is pure: no Sphinx state.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote, urlencode

import rispy  # type: ignore[import-untyped]
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer as BibTeXWriter

from sphinx_edition.oxford.text import plain_text, text_from_latex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


class Name(NamedTuple):
    """A person's name, split as BibTeX splits it."""

    given: str  # first and middle names
    family: str  # "von" part, last names and "Jr." part

    @property
    def inverted(self) -> str:
        """``Family, Given`` (the form reference managers parse without guessing)."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def display(self) -> str:
        """``Given Family``."""
        return f"{self.given} {self.family}".strip()


class Work(NamedTuple):
    """One work of the bibliography in plain text fields ("" where the entry has none)."""

    key: str
    type: str  # the BibTeX entry type, lower case: article, book, incollection, techreport…
    title: str
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    container: str  # journal (article) or book title (incollection)
    volume: str
    issue: str
    pages: str  # "14–15" or "3"
    first_page: str
    last_page: str
    year: str
    publisher: str  # publisher, or the institution of a report
    place: str
    edition: str
    report_type: str
    isbn: str
    issn: str
    doi: str
    url: str


# A pure function of its text, asked again for every page that cites a work: remembered.
@functools.lru_cache(maxsize=8192)
def plain(latex: str) -> str:
    """*latex* (a BibTeX field) as plain Unicode text: braces dropped, dashes and accents."""
    if not latex:
        return ""
    # Not ``render_as("text")``: it looks the backend up among every installed entry point
    # on each call, which made this the costliest line of a build.
    return " ".join(plain_text(text_from_latex(latex)).split())


def name_of(person: Person) -> Name:
    given = " ".join(plain(n) for n in (*person.first_names, *person.middle_names))
    family = " ".join(
        plain(n) for n in (*person.prelast_names, *person.last_names, *person.lineage_names)
    )
    return Name(given, family)


def work_from_entry(key: str, entry: Entry) -> Work:
    """The :class:`Work` of the pybtex *entry* cited as *key*."""
    # Every page asks for the works it cites: the same entry, page after page.  pybtex's
    # entries cannot be hashed, so what makes the Work (its key, type, fields and names)
    # is the key of a remembered, pure function.
    persons = tuple(
        (role, tuple(str(person) for person in people))
        for role, people in entry.persons.items()
        if role in {"author", "editor"}
    )
    return _work(key, entry.type, tuple((k, str(v)) for k, v in entry.fields.items()), persons)


@functools.lru_cache(maxsize=4096)
def _work(
    key: str,
    kind: str,
    field_items: tuple[tuple[str, str], ...],
    person_items: tuple[tuple[str, tuple[str, ...]], ...],
) -> Work:
    fields = dict(field_items)
    people = {role: [Person(name) for name in names] for role, names in person_items}

    def field(name: str) -> str:
        return plain(str(fields.get(name, "")))

    pages = field("pages").replace("--", "–").replace("-", "–")
    first, _, last = pages.partition("–")
    container = field("journal") if kind.lower() == "article" else field("booktitle")
    return Work(
        key=key,
        type=kind.lower(),
        title=field("title"),
        authors=tuple(name_of(p) for p in people.get("author", ())),
        editors=tuple(name_of(p) for p in people.get("editor", ())),
        container=container,
        volume=field("volume"),
        issue=field("number"),
        pages=pages,
        first_page=first.strip(),
        last_page=last.strip(),
        year=field("year"),
        publisher=field("publisher") or field("institution") or field("organization"),
        place=field("address"),
        edition=field("edition"),
        report_type=field("type"),
        isbn=field("isbn"),
        issn=field("issn"),
        doi=field("doi"),
        url=str(fields.get("url", "")),
    )


# -- BibTeX ---------------------------------------------------------------------------------


def exported_entry(entry: Entry) -> Entry:
    """*entry* without the edition's own fields (``x-…``: the delivered readings)."""
    fields = [(k, v) for k, v in entry.fields.items() if not k.lower().startswith("x-")]
    return Entry(entry.type, fields=fields, persons=entry.persons)


class _BibTeXWriter(BibTeXWriter):  # type: ignore[misc]
    """pybtex's BibTeX writer for fields that are LaTeX already.

    pybtex's parser keeps a field as written (``John Wiley \\& Sons``, ``{United States}``);
    its writer takes fields for Unicode text and encodes them again (``\\&`` would become
    ``\\\\&``).  Written as they were read, the records parse back to the same fields.
    """

    def _encode(self, text: str) -> str:
        return text


def bibtex_text(entries: Mapping[str, Entry]) -> str:
    """*entries* as a BibTeX file, written by pybtex's own writer."""
    data = BibliographyData(entries={k: exported_entry(e) for k, e in entries.items()})
    return str(_BibTeXWriter(encoding="UTF-8").to_string(data))


# -- RIS ------------------------------------------------------------------------------------

#: RIS reference types (the RIS tag specification's ``TY``) of BibTeX entry types.
RIS_TYPES = {
    "article": "JOUR",
    "book": "BOOK",
    "incollection": "CHAP",
    "inbook": "CHAP",
    "inproceedings": "CPAPER",
    "techreport": "RPRT",
    "phdthesis": "THES",
    "mastersthesis": "THES",
    "misc": "GEN",
}


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without its numbered header line ("1."), which RIS does not have."""

    def set_header(self, count: int) -> str:
        return ""


def ris_record(work: Work) -> dict[str, object]:
    """The RIS record of *work*, as rispy's field names."""
    record: dict[str, object] = {"type_of_reference": RIS_TYPES.get(work.type, "GEN")}
    if work.authors:
        record["authors"] = [p.inverted for p in work.authors]
    if work.editors:
        # A2: secondary authors, the editors (of the book, or of the chapter's book).
        record["secondary_authors"] = [p.inverted for p in work.editors]
    record["primary_title"] = work.title
    if work.container:
        record["secondary_title"] = work.container
        if work.type == "article":
            record["journal_name"] = work.container
    values = {
        "volume": work.volume,
        "number": work.issue,
        "start_page": work.first_page,
        "end_page": work.last_page,
        "year": work.year,
        "publisher": work.publisher,
        "place_published": work.place,
        "edition": work.edition,
        "type_of_work": work.report_type,
        "doi": work.doi,
    }
    record.update({k: v for k, v in values.items() if v})
    if work.isbn or work.issn:
        record["issn"] = work.isbn or work.issn
    if work.url:
        record["urls"] = [work.url]
    record["id"] = work.key
    return record


def ris_text(works: Iterable[Work]) -> str:
    """*works* as a RIS file: ``TY`` first, ``ER`` last, a blank line between records."""
    text = str(rispy.dumps([ris_record(w) for w in works], implementation=_RisWriter))
    return re.sub(r"\n{3,}", "\n\n", text)


# -- COinS ----------------------------------------------------------------------------------


def coins(work: Work, rfr_id: str = "") -> str:
    """The OpenURL ContextObject (Z39.88-2004, KEV) of *work*: the ``title`` of a COinS span."""
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    if work.type == "article":
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article"),
            ("rft.atitle", work.title),
            ("rft.jtitle", work.container),
        ]
    else:
        genre = {"incollection": "bookitem", "inbook": "bookitem", "techreport": "report"}
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
            ("rft.genre", genre.get(work.type, "book")),
        ]
        if work.type in {"incollection", "inbook"}:
            pairs += [("rft.atitle", work.title), ("rft.btitle", work.container)]
        else:
            pairs.append(("rft.btitle", work.title))
    if rfr_id:
        pairs.insert(1, ("rfr_id", rfr_id))
    for person in work.authors:
        pairs.append(("rft.au", person.inverted))
    if not work.authors or work.type not in {"incollection", "inbook"}:
        # An edited book: its editors contribute; a chapter's editors are the book's.
        pairs += [("rft.contributor", person.inverted) for person in work.editors]
    fields = [
        ("rft.volume", work.volume),
        ("rft.issue", work.issue),
        ("rft.spage", work.first_page),
        ("rft.epage", work.last_page),
        ("rft.pages", work.pages),
        ("rft.date", work.year),
        ("rft.pub", work.publisher),
        ("rft.place", work.place),
        ("rft.edition", work.edition),
        ("rft.isbn", work.isbn),
        ("rft.issn", work.issn),
    ]
    pairs += [(k, v) for k, v in fields if v]
    if work.doi:
        pairs.append(("rft_id", f"info:doi/{work.doi}"))
    if work.url:
        pairs.append(("rft_id", work.url))
    return urlencode(pairs, quote_via=quote)


# -- schema.org ----------------------------------------------------------------------------


def work_jsonld(work: Work) -> dict[str, Any]:
    """A cited work as a schema.org ``CreativeWork`` of the nearest type."""
    types = {
        "article": "ScholarlyArticle",
        "book": "Book",
        "incollection": "Chapter",
        "inbook": "Chapter",
        "techreport": "Report",
    }
    item: dict[str, Any] = {"@type": types.get(work.type, "CreativeWork"), "name": work.title}
    if work.authors:
        item["author"] = [{"@type": "Person", "name": p.display} for p in work.authors]
    elif work.editors:
        item["editor"] = [{"@type": "Person", "name": p.display} for p in work.editors]
    if work.year:
        item["datePublished"] = work.year
    if work.container:
        container_type = "Periodical" if work.type == "article" else "Book"
        item["isPartOf"] = {"@type": container_type, "name": work.container}
    if work.publisher:
        item["publisher"] = {"@type": "Organization", "name": work.publisher}
    if work.pages:
        item["pagination"] = work.pages
    if work.doi:
        item["identifier"] = f"https://doi.org/{work.doi}"
    return item

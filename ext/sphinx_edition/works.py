"""The works of the bibliography as plain records: BibTeX, RIS, COinS and schema.org forms.

pybtex parses the ``.bib`` files (through sphinxcontrib-bibtex); :func:`work_from_entry` turns
one entry into a :class:`Work` of plain Unicode fields (LaTeX markup decoded, names split),
which the page metadata, the COinS, the RIS export and the TEI ``biblStruct`` all read.
This module is pure: no Sphinx state.
"""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote, urlencode

import rispy  # type: ignore[import-untyped]
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer as BibTeXWriter

from sphinx_edition.oxford import rules
from sphinx_edition.oxford.text import (
    ESCAPED_BACK,
    LEFTOVER_COMMAND,
    TEX_QUOTED,
    latex_commands,
    plain_text,
    text_from_latex,
)

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
    month: str = ""  # as the entry gives it: "9 March", "Summer", "3", or ""
    review_of: str = ""  # the work a review reviews (``x-review-of``), as plain text

    @property
    def review_note(self) -> str:
        """What a review reviews, as a note of the formats that have no field for it."""
        return review_note(self.review_of) if self.review_of else ""


def review_note(reviewed: str) -> str:
    """The note that says what a review reviews (*reviewed*: as the format writes it)."""
    return f"Review of {reviewed}"


# A pure function of its text, asked again for every page that cites a work: remembered.
@functools.lru_cache(maxsize=8192)
def plain(latex: str) -> str:
    """*latex* (a BibTeX field) as plain Unicode text: braces dropped, dashes and accents."""
    if not latex:
        return ""
    # Not ``render_as("text")``: it looks the backend up among every installed entry point
    # on each call, which made this the costliest line of a build.
    # Plain text has no italics: an italic command leaves its argument, in its braces; the
    # other commands pybtex does not know are rewritten as the notes rewrite them, and any
    # left after decoding are dropped, so that no TeX reaches a plain-text format.
    text = LEFTOVER_COMMAND.sub("", _decoded(latex)).translate(ESCAPED_BACK)
    return tex_quotes(" ".join(text.split()))


@functools.lru_cache(maxsize=8192)
def _decoded(latex: str) -> str:
    """*latex* decoded as far as the edition can: the commands it does not know are left."""
    latex = _ITALIC_COMMAND.sub("{", latex_commands(latex))
    return plain_text(text_from_latex(re.sub(r"(?<!\\)%", r"\\%", latex)))


def unknown_commands(latex: str) -> list[str]:
    """The TeX commands in *latex* (a BibTeX field) that no format of the edition can
    print, and which :func:`plain` and the notes therefore leave out (``\\input``…)."""
    if "\\" not in latex:
        return []
    return [command.strip() for command in LEFTOVER_COMMAND.findall(_decoded(latex))]


#: LaTeX's italic commands (pybtex's parser would print their names as words).
_ITALIC_COMMAND = re.compile(r"\\(?:textit|emph|textsl|mkbibemph)\s*\{")


#: TeX's quotation marks, as they print: ``` ``x'' ``` is “x”, `` `x' `` is ‘x’.  A lone
#: ``'`` is an apostrophe, and stays as the text has it (the Oxford forms' ``typeset``
#: makes it ’ as well, which plain-text exports and the comparison with the delivered
#: text, written with straight apostrophes, do not want).
_TEX_QUOTES = (
    (re.compile(r"``(.*?)''"), "\u201c\\1\u201d"),
    (TEX_QUOTED, "\u2018\\1\u2019"),
    (re.compile(r"`"), "\u2018"),
)


def tex_quotes(text: str) -> str:
    """*text* with TeX's quotation marks as the characters they print."""
    if "`" not in text:
        return text
    for pattern, replacement in _TEX_QUOTES:
        text = pattern.sub(replacement, text)
    return text


#: English month names (and their common abbreviations), by number.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


class DateParts(NamedTuple):
    """A work's date as far as its entry gives it; ``other`` is what is not a month or day
    ("Summer")."""

    year: str
    month: int | None
    day: int | None
    other: str


def date_parts(work: Work) -> DateParts:
    """The year, month and day of *work*, from BibTeX's ``month`` as entries write it:
    ``mar``, ``March``, ``3``, ``9 March``, ``March 9``, or words such as ``Summer``."""
    field = work.month.strip()
    if field.isdigit():  # "3": the month's number
        number = int(field)
        return DateParts(work.year, number if 1 <= number <= 12 else None, None, "")
    month: int | None = None
    days: list[int] = []
    other: list[str] = []
    for word in re.findall(r"[^\W\d_]+|\d+", field):
        if month is None and word.casefold() in _MONTHS:
            month = _MONTHS[word.casefold()]
        elif word.isdigit() and 1 <= int(word) <= 31:
            days.append(int(word))
        else:
            other.append(word)
    day = days[0] if month is not None and len(days) == 1 else None
    return DateParts(work.year, month, day, " ".join(other))


def iso_date(work: Work) -> str:
    """*work*'s date in ISO 8601, as far as it is known: ``2004-03-09``, ``2004-03``, ``2006``."""
    parts = date_parts(work)
    if not parts.year:
        return ""
    found = parts.year
    if parts.month:
        found += f"-{parts.month:02d}"
        if parts.day:
            found += f"-{parts.day:02d}"
    return found


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
        month=field("month"),
        review_of=field("x-review-of"),
        publisher=field("publisher") or field("institution") or field("organization"),
        place=field("address"),
        edition=field("edition"),
        report_type=field("type"),
        isbn=field("isbn"),
        issn=field("issn"),
        # as the addresses they are: no TeX escapes, no "https://doi.org/" twice
        doi=rules.bare_doi(str(fields.get("doi", ""))),
        url=rules.bare_url(str(fields.get("url", ""))),
    )


# -- BibTeX ---------------------------------------------------------------------------------


#: The fields biblatex reads as lists of literals, split at " and " (a publisher, an
#: institution, a place): citation-js reads ``institution = {Center for Strategic and
#: International Studies}`` as two institutions, of which it keeps "Center for Strategic".
LITERAL_LISTS = frozenset(
    {"publisher", "institution", "organization", "address", "location", "school"}
)


def _protected(value: str) -> str:
    """*value* in braces if it holds an " and " outside braces: one literal, not a list."""
    depth = 0
    for index, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and value.startswith(" and ", index):
            return "{" + value + "}"
    return value


def exported_entry(entry: Entry) -> Entry:
    """*entry* without the edition's own fields (``x-…``: the delivered readings), its
    literal fields that hold an "and" protected as one literal.

    A review keeps what it reviews as a ``note`` ("Review of …"): BibTeX has no field for
    it, and biblatex's ``related`` needs the reviewed book as an entry of its own.
    """
    fields = [
        (k, _protected(v) if k.lower() in LITERAL_LISTS else v)
        for k, v in entry.fields.items()
        if not k.lower().startswith("x-")
    ]
    reviewed = entry.fields.get("x-review-of", "")
    if reviewed and "note" not in {k.lower() for k, _ in fields}:
        fields.append(("note", review_note(reviewed)))
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


#: rispy's tags, with ``ED`` (editors), which rispy 0.10 does not know.  Zotero's RIS
#: translator reads ``ED`` as the editors of any item, while ``A2`` is a book's *series*
#: editor (``RIS.js``: ``A2`` → ``seriesEditor`` for ``book`` and ``report``).
RIS_MAPPING = {**rispy.TAG_KEY_MAPPING, "ED": "editors"}
RIS_LIST_TAGS = [*rispy.LIST_TYPE_TAGS, "ED"]


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer with ``ED``, and without its numbered header line ("1."), which RIS
    does not have."""

    DEFAULT_MAPPING = RIS_MAPPING
    DEFAULT_LIST_TAGS = RIS_LIST_TAGS

    def set_header(self, count: int) -> str:
        return ""


def ris_date(work: Work) -> str:
    """``DA``: ``YYYY/MM/DD/other``, the parts not known left empty (``2006///Summer``)."""
    parts = date_parts(work)
    if not parts.year or (parts.month is None and not parts.other):
        return ""
    month = f"{parts.month:02d}" if parts.month else ""
    day = f"{parts.day:02d}" if parts.day else ""
    return f"{parts.year}/{month}/{day}/{parts.other}"


def ris_record(work: Work) -> dict[str, object]:
    """The RIS record of *work*, as rispy's field names."""
    record: dict[str, object] = {"type_of_reference": RIS_TYPES.get(work.type, "GEN")}
    if work.authors:
        record["authors"] = [p.inverted for p in work.authors]
    if work.editors:
        # ED: the editors (of the book, or of the chapter's book).
        record["editors"] = [p.inverted for p in work.editors]
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
        "date": ris_date(work),
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
    if work.review_note:
        # RIS has no tag for a reviewed work, nor Zotero's RIS translator for its
        # "reviewedAuthor": a note says it.
        record["notes"] = [work.review_note]
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
        ("rft.date", iso_date(work)),
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


# -- CSL-JSON -------------------------------------------------------------------------------

#: CSL item types (CSL 1.0.2) of BibTeX entry types.
CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "inproceedings": "paper-conference",
    "techreport": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
}


def _csl_names(names: tuple[Name, ...]) -> list[dict[str, str]]:
    return [
        {"family": n.family, "given": n.given} if n.given else {"family": n.family} for n in names
    ]


def csl_item(work: Work) -> dict[str, Any]:
    """*work* as a CSL-JSON item, the form citeproc processors and Zotero exchange."""
    item: dict[str, Any] = {"id": work.key, "type": CSL_TYPES.get(work.type, "document")}
    item["title"] = work.title
    if work.authors:
        item["author"] = _csl_names(work.authors)
    if work.editors:
        item["editor"] = _csl_names(work.editors)
    parts = date_parts(work)
    if parts.year.isdigit():
        numbers = [int(parts.year)]
        if parts.month:
            numbers.append(parts.month)
            if parts.day:
                numbers.append(parts.day)
        item["issued"] = {"date-parts": [numbers]}
        if parts.other:
            item["issued"]["season"] = parts.other
    values = {
        "container-title": work.container,
        "volume": work.volume,
        "issue": work.issue,
        # CSL's page ranges take a hyphen: processors shorten and set the dash themselves.
        "page": work.pages.replace("–", "-"),
        "publisher": work.publisher,
        "publisher-place": work.place,
        "edition": work.edition,
        "genre": work.report_type,
        "ISBN": work.isbn,
        "ISSN": work.issn,
        "DOI": work.doi,
        "URL": work.url,
        "note": work.review_note,
    }
    item.update({k: v for k, v in values.items() if v})
    return item


def csl_json_text(works: Iterable[Work]) -> str:
    """*works* as a CSL-JSON file (a JSON array of items)."""
    return json.dumps([csl_item(w) for w in works], ensure_ascii=False, indent=1) + "\n"


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
        item["datePublished"] = iso_date(work)
    if work.container:
        container_type = "Periodical" if work.type == "article" else "Book"
        item["isPartOf"] = {"@type": container_type, "name": work.container}
    if work.publisher:
        item["publisher"] = {"@type": "Organization", "name": work.publisher}
    if work.pages:
        item["pagination"] = work.pages
    if work.doi:
        item["identifier"] = f"https://doi.org/{work.doi}"
    if work.review_of:
        item["@type"] = "Review"
        item["itemReviewed"] = {"@type": "CreativeWork", "name": work.review_of}
    return item

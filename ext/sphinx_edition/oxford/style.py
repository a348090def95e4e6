"""The Oxford style: the bibliography entry, the full and short note, "Ibid.".

The forms follow *New Hart's Rules* (2nd edn, 2014; "NHR"), chapters 17 (notes) and 18
(bibliography); the string rules they apply are in :mod:`sphinx_edition.oxford.rules`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.richtext import HRef, String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.names.plain import NameStyle as PlainNameStyle
from pybtex.style.sorting import BaseSortingStyle

from sphinx_edition.oxford import rules
from sphinx_edition.oxford.text import (
    Quoted,
    _,
    from_latex,
    join_names,
    ordinal,
    parts,
    plain_text,
    rich_field,
    typeset,
)

if TYPE_CHECKING:
    from pybtex.database import Entry

#: Entry types formatted like a book (author or editor, italic title, imprint).
BOOK_TYPES = frozenset(
    {"book", "mvbook", "collection", "mvcollection", "proceedings", "reference", "manual"}
)
#: Entry types formatted like a chapter in a book ('Title', in Editors (eds), *Book*).
#: An ``inbook`` without a ``booktitle`` is BibTeX's: a chapter or pages of the book its
#: ``title`` names, formatted as that book.
CHAPTER_TYPES = frozenset({"incollection", "inbook", "inproceedings", "conference"})
#: Entry types formatted like a report (italic title, type and number, institution).
REPORT_TYPES = frozenset({"techreport", "report"})
#: Theses: an unpublished work, its title quoted, then kind and institution (NHR 17.2.7).
THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
#: Entry types whose title is quoted rather than italic: articles, chapters, and the
#: unpublished and online works whose titles NHR sets in roman within quotation marks.
QUOTED_TYPES = frozenset({"article", *CHAPTER_TYPES, *THESIS_TYPES, "unpublished", "online"})


def thesis_kind(entry_type: str) -> str:
    """The kind of a thesis whose entry has no ``type``."""
    kinds = {"phdthesis": _("PhD thesis"), "mastersthesis": _("Master's thesis")}
    return kinds.get(entry_type, _("thesis"))


def month_name(number: int) -> str:
    """The name of month *number* (1–12), for dates given as numbers."""
    return (
        _("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
        _("July"), _("August"), _("September"), _("October"), _("November"), _("December"),
    )[number - 1]  # fmt: skip


#: The field that makes an entry a review: what it reviews, as its heading would give it
#: ("Angela Stent, \textit{The Limits of Partnership}").  Printed instead of the title.
REVIEW_FIELD = "x-review-of"


def full_date(value: str) -> str:
    """An ISO date as NHR writes it: "2020-03-04" → "4 March 2020", "2020-03" → "March
    2020"; anything else as it is written."""
    found = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
    if found is None or not 1 <= int(found.group(2) or 1) <= 12:
        return value.strip()
    year, month, day = found.groups()
    words = [str(int(day))] if day and month else []
    if month:
        words.append(month_name(int(month)))
    return " ".join([*words, year])


def people(entry: Entry, role: str) -> list[Person]:
    """The persons of *role*: pybtex reads only ``author`` and ``editor`` as names, and
    keeps biblatex's others (``translator``) as a field, "A and B"."""
    if entry.persons.get(role):
        return list(entry.persons[role])
    value = str(entry.fields.get(role, "")).strip()
    return [Person(name) for name in split_name_list(value)] if value else []


def _by_name(method: Callable[[Person], Text]) -> Callable[[Person], Text]:
    """Cache a name form by the person's full name: a book names the same few people
    hundreds of times, and each form decodes their names from LaTeX again."""
    cache: dict[str, Text] = {}

    def cached(person: Person) -> Text:
        key = str(person)
        if key not in cache:
            cache[key] = method(person)
        return cache[key]

    cached.__doc__ = method.__doc__
    return cached


class OxfordLabelStyle(BaseLabelStyle):  # type: ignore[misc]
    """Author–year labels ("Mead 2001", "Mead 2001a") for the ``cite`` role.

    The Oxford bibliography prints no labels; these only matter where a book also uses
    sphinxcontrib-bibtex's ``cite`` role with this style.
    """

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterator[str]:
        entries = list(sorted_entries)
        bases = [self.format_label(entry) for entry in entries]
        counts = Counter(bases)
        seen: Counter[str] = Counter()
        for base in bases:
            if counts[base] == 1:
                yield base
            else:
                yield base + "abcdefghijklmnopqrstuvwxyz"[seen[base] % 26]
                seen[base] += 1

    def format_label(self, entry: Entry) -> str:
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        surnames = [plain_text(Text(" ").join(p.rich_last_names)) for p in persons]
        if not surnames:
            name = entry.key
        elif len(surnames) <= 2:
            name = " and ".join(surnames)
        else:
            name = surnames[0] + " et al."
        return f"{name} {entry.fields.get('year', 'n.d.')}"


class OxfordSortingStyle(BaseSortingStyle):  # type: ignore[misc]
    """Alphabetical by the surname of the first author (or editor), then year, then title."""

    def sorting_key(self, entry: Entry) -> tuple[str, str, str]:
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        names = "   ".join(
            "  ".join(
                (
                    " ".join(p.last_names),
                    " ".join(p.first_names + p.middle_names),
                    " ".join(p.prelast_names + p.lineage_names),
                )
            )
            for p in persons
        )
        title = plain_text(rich_field(entry, "title") or Text())
        return (names.lower(), entry.fields.get("year", ""), title.lower())


def _with_lineage(person: Person, name: Text) -> Text:
    """*name*, then the person's "Jr." part after a comma, with typographic quotes."""
    if person.rich_lineage_names:
        name = Text(name, ", ", Text(" ").join(person.rich_lineage_names))
    return Text(typeset(name, ("‘", "’")))


class OxfordStyle(BaseStyle):  # type: ignore[misc]
    """Oxford referencing: bibliography entries and footnote forms.

    Use ``bibtex_default_style = "oxford"`` for the bibliography; the ``notecite`` role
    always uses this style (or the configured style, if it subclasses this one) for notes.
    """

    #: More authors than this are given as "First et al." in notes (all are listed in the
    #: bibliography).
    max_note_names = 3

    def __init__(self, **kwargs: Any) -> None:
        # Passing classes, not names, keeps pybtex from scanning entry points here.
        kwargs.setdefault("label_style", OxfordLabelStyle)
        kwargs.setdefault("name_style", PlainNameStyle)
        kwargs.setdefault("sorting_style", OxfordSortingStyle)
        super().__init__(**kwargs)
        # The short form of a work without its locator, asked for by every later note that
        # cites it: made once per entry.  pybtex entries cannot be hashed: they are keyed
        # by id, and kept, so that no other entry takes that id while this style lives.
        self._short_heads: dict[int, tuple[Entry, Text]] = {}

    # -- names ---------------------------------------------------------------------------

    @staticmethod
    @_by_name
    def forename_surname(person: Person) -> Text:
        """ "Walter Russell Mead"."""
        words = (
            person.rich_first_names
            + person.rich_middle_names
            + person.rich_prelast_names
            + person.rich_last_names
        )
        return _with_lineage(person, Text(" ").join(words))

    @staticmethod
    @_by_name
    def surname_forename(person: Person) -> Text:
        """ "Mead, Walter Russell"."""
        surname = Text(" ").join(person.rich_prelast_names + person.rich_last_names)
        forenames = Text(" ").join(person.rich_first_names + person.rich_middle_names)
        return _with_lineage(person, parts(surname, forenames))

    @staticmethod
    @_by_name
    def surname(person: Person) -> Text:
        surname = Text(" ").join(person.rich_prelast_names + person.rich_last_names)
        return Text(typeset(surname, ("‘", "’")))

    def names(self, persons: Sequence[Person], *, inverted: bool = False) -> Text:
        """Names for a note ("A, B, and C"; "A et al." beyond :attr:`max_note_names`), or,
        with *inverted*, for the bibliography (first name inverted, all names given)."""
        if inverted:
            first = self.surname_forename(persons[0])
            if len(persons) == 2:
                # "Baker, Peter, and Susan Glasser": the comma ends the inverted name
                return Text(first, ", " + _("and") + " ", self.forename_surname(persons[1]))
            return join_names([first] + [self.forename_surname(p) for p in persons[1:]])
        if len(persons) > self.max_note_names:
            return Text(self.forename_surname(persons[0]), " ", _("et al."))
        return join_names([self.forename_surname(p) for p in persons])

    def surnames(self, persons: Sequence[Person]) -> Text:
        if len(persons) > self.max_note_names:
            return Text(self.surname(persons[0]), " ", _("et al."))
        return join_names([self.surname(p) for p in persons])

    def editors(self, persons: Sequence[Person], *, inverted: bool = False) -> Text:
        """ "John Baylis (ed.)" / "… (eds)": "eds" is a contraction, which takes no full
        point in NHR (10.2.1), as "edn" does not; "ed." is an abbreviation and keeps it."""
        abbreviation = _("(ed.)") if len(persons) == 1 else _("(eds)")
        return Text(self.names(persons, inverted=inverted), " ", abbreviation)

    @staticmethod
    def corporate(entry: Entry) -> Text | None:
        """The body that is a manual's author when no person is (NHR 17.2.2)."""
        if entry.type == "manual":
            return rich_field(entry, "organization")
        return None

    def responsibility(self, entry: Entry, *, inverted: bool = False) -> Text | None:
        """Authors, else editors with "(ed.)", else a manual's organization; None when
        the entry has none of them."""
        if entry.persons.get("author"):
            return self.names(entry.persons["author"], inverted=inverted)
        if entry.persons.get("editor") and not self.is_chapter(entry):
            return self.editors(entry.persons["editor"], inverted=inverted)
        return self.corporate(entry)

    @staticmethod
    def is_chapter(entry: Entry) -> bool:
        """Whether *entry* is a part of a book it names (``booktitle``)."""
        return entry.type in CHAPTER_TYPES and (
            entry.type != "inbook" or bool(entry.fields.get("booktitle", "").strip())
        )

    def contributors(self, entry: Entry, *, editors: bool) -> Text | None:
        """ "ed. Jo Smith, trans. Al Brown": the editors of a book that has an author
        (with *editors*) and its translators, after its title (NHR 17.2.2).  "trans" is
        written without a full point, as the edition writes its other contractions."""
        found = []
        if editors and entry.persons.get("editor") and entry.persons.get("author"):
            found.append(Text(_("ed."), " ", self.names(entry.persons["editor"])))
        translators = people(entry, "translator")
        if translators:
            found.append(Text(_("trans"), " ", self.names(translators)))
        return parts(*found) or None

    # -- titles --------------------------------------------------------------------------

    @staticmethod
    def inner_quotes(entry: Entry) -> tuple[str, str]:
        """Quotes inside a title: double inside a 'quoted' title, else single."""
        return ("“", "”") if entry.type in QUOTED_TYPES else ("‘", "’")

    def title(self, entry: Entry, *, short: bool = False) -> Text:
        """Italic for books and reports, 'quoted' for articles and chapters; for a review,
        "review of" the work reviewed."""
        if REVIEW_FIELD in entry.fields:
            return self.review_of(entry, short=short)
        title = (
            self.short_title(entry)
            if short
            else rich_field(entry, "title", self.inner_quotes(entry))
        ) or Text(entry.key)
        if entry.type in QUOTED_TYPES and (entry.type != "inbook" or self.is_chapter(entry)):
            return Text(Quoted("‘", title, "’"))
        return Text(Tag("em", title))

    def short_title(self, entry: Entry) -> Text | None:
        """The ``shorttitle`` field, else the main title, before its subtitle, else the
        whole title (:func:`~sphinx_edition.oxford.rules.short_title_end`)."""
        quotes = self.inner_quotes(entry)
        short = rich_field(entry, "shorttitle", quotes)
        if short is not None:
            return short
        title = rich_field(entry, "title", quotes)
        if title is None:
            return None
        return Text(title[: rules.short_title_end(plain_text(title))])

    def review_of(self, entry: Entry, *, short: bool = False) -> Text:
        """ "review of Angela Stent, *The Limits of Partnership*" (NHR 18.3.5); short,
        "review of Stent"."""
        value = str(entry.fields[REVIEW_FIELD])
        names = rules.reviewed_authors(value)
        if short and names is not None:
            persons = [Person(name) for name in split_name_list(names)]
            return Text(_("review of"), " ", self.surnames(persons))
        return Text(_("review of"), " ", from_latex(value, ("‘", "’")))

    # -- imprint -------------------------------------------------------------------------

    @staticmethod
    def year(entry: Entry) -> Text | None:
        """The year, from ``year`` or from biblatex's ``date`` ("2011-01-14")."""
        year = rich_field(entry, "year")
        if year is None and entry.fields.get("date", "").strip():
            year = Text(str(entry.fields["date"]).strip()[:4])
        return year

    @classmethod
    def date(cls, entry: Entry) -> Text | None:
        """ "9 March 2004", "Summer 2006", or the year alone."""
        if "month" not in entry.fields and entry.fields.get("date", "").strip():
            return Text(full_date(str(entry.fields["date"])))
        return parts(rich_field(entry, "month"), cls.year(entry), sep=" ") or None

    @staticmethod
    def edition(entry: Entry) -> Text | None:
        """ "2nd edn"; an edition given in words ("rev. edn") as it is written."""
        edition = entry.fields.get("edition", "").strip()
        if not edition:
            return None
        if edition.isdigit():
            return Text(ordinal(edition), " ", _("edn"))
        return from_latex(edition, ("‘", "’"))

    def original(self, entry: Entry) -> Text | None:
        """ "1st pub. 1859": the first publication of a work reissued (NHR 17.2.4)."""
        date = entry.fields.get("origdate", "") or entry.fields.get("origyear", "")
        if not date.strip():
            return None
        where = parts(
            rich_field(entry, "origlocation"), rich_field(entry, "origpublisher"), sep=": "
        )
        return Text(_("1st pub."), " ", parts(where, Text(date.strip()[:4])))

    def imprint(
        self, entry: Entry, publisher_field: str = "publisher", *, dated: bool = False
    ) -> Text:
        """ "(1st pub. 1859; 6th edn, Oxford: Oxford University Press, 2013)"; with
        *dated*, the full date of an entry that gives one (a report: "9 March 2004")."""
        place = rich_field(entry, "address") or rich_field(entry, "location")
        publisher = rich_field(entry, publisher_field)
        if publisher is None and publisher_field != "publisher":
            publisher = rich_field(entry, "publisher")
        if publisher is None and entry.type in {"manual", "inproceedings", "proceedings"}:
            publisher = rich_field(entry, "organization")
        where = parts(place, publisher, sep=": ")
        year = self.date(entry) if dated else self.year(entry)
        inside = parts(self.original(entry), parts(self.edition(entry), where, year), sep="; ")
        return Text("(", inside, ")") if inside else Text()

    def volumes(self, entry: Entry) -> Text | None:
        """ "2 vols" (a whole multi-volume work, biblatex's ``volumes``), "vol. 2" (one
        volume of it), and the series with the work's number in it: "Oxford Historical
        Monographs, 12" (NHR 17.2.4)."""
        volume = rich_field(entry, "volume")
        count = rich_field(entry, "volumes")
        series = rich_field(entry, "series")
        number = rich_field(entry, "number") if entry.type not in REPORT_TYPES else None
        return (
            parts(
                Text(_("vol."), " ", volume) if volume else None,
                Text(count, " ", _("vols")) if count else None,
                parts(series, number) if series else None,
            )
            or None
        )

    @staticmethod
    def link(entry: Entry) -> Text | None:
        """The DOI as a link (https://doi.org/…), else the URL, with the date it was seen
        ("accessed 4 March 2020"), NHR 17.2.9.  Written as they are, not decoded from
        LaTeX: a URL's "%", "~" and "_" are its own."""
        doi = str(entry.fields.get("doi", "")).strip()
        if doi:
            url = "https://doi.org/" + rules.bare_doi(doi)
            return Text(HRef(url, url))
        url = rules.bare_url(str(entry.fields.get("url", "")))
        if not url:
            return None
        accessed = str(entry.fields.get("urldate", "")).strip()
        seen = Text(_("accessed"), " ", full_date(accessed)) if accessed else None
        return parts(Text(HRef(url, url)), seen)

    def journal_part(self, entry: Entry) -> Text:
        """ "*Foreign Affairs*, 93/5 (2014)"; a double issue "27/4–5"; a periodical with no
        volume, by its date: "*The Nation* (20 June 2011)"."""
        journal = rich_field(entry, "journal") or rich_field(entry, "journaltitle")
        volume = rich_field(entry, "volume")
        number = entry.fields.get("number", "").strip()
        issue = rules.issue_number(number) if number else ""
        name = Text(Tag("em", journal)) if journal else None
        if volume is None:
            # No volume to find it by: the issue's date, with the body that publishes it
            # where the entry names one (a think tank's series), and no comma before it.
            place = rich_field(entry, "address")
            where = parts(place, rich_field(entry, "publisher"), sep=": ")
            inside = parts(where, self.date(entry))
            return parts(name, Text("(", inside, ")") if inside else None, sep=" ")
        numbered = parts(volume, from_latex(issue, ("‘", "’")) if issue else None, sep="/")
        year = self.year(entry)
        return parts(name, parts(numbered, Text("(", year, ")") if year else None, sep=" "))

    def pages(self, entry: Entry) -> Text | None:
        """An article's or chapter's extent, without "pp." (NHR ch. 18: "Survival, 44/4
        (2002), 121–134"): after the volume and date, the numbers can only be pages."""
        value = entry.fields.get("pages", "").strip()
        return from_latex(rules.page_range(value), ("‘", "’")) if value else None

    # -- the three forms -----------------------------------------------------------------

    def body(self, entry: Entry, *, inverted: bool, locator: Text | None) -> Text:
        """Everything but the final full stop, for the bibliography (*inverted*) or a note:
        the work, then the page cited (or the extent), then its DOI or URL."""
        return parts(self.work(entry, inverted=inverted, locator=locator), self.link(entry))

    def work(self, entry: Entry, *, inverted: bool, locator: Text | None) -> Text:
        """The body without the DOI or URL."""
        who = self.responsibility(entry, inverted=inverted)
        title = self.title(entry)
        extent = locator if locator is not None else self.pages(entry)
        if entry.type == "article":
            where = self.journal_part(entry)
            if REVIEW_FIELD in entry.fields and where:
                # "review of …, in *International Affairs*": NHR 18.3.5
                where = Text(_("in"), " ", where)
            return parts(who, title, where, extent)
        if self.is_chapter(entry):
            editors = entry.persons.get("editor")
            book = rich_field(entry, "booktitle")
            container = parts(
                self.editors(editors) if editors else None,
                Text(Tag("em", book)) if book else None,
            )
            described = parts(
                Text(_("in"), " ", container) if container else None,
                self.contributors(entry, editors=False),
                self.volumes(entry),
            )
            in_book = parts(described, self.imprint(entry), sep=" ")
            return parts(who, title, in_book, extent)
        if entry.type in THESIS_TYPES:
            kind = rich_field(entry, "type") or Text(
                typeset(Text(thesis_kind(entry.type)), ("‘", "’"))
            )
            school = rich_field(entry, "school") or rich_field(entry, "institution")
            place = rich_field(entry, "address") or rich_field(entry, "location")
            inside = parts(kind, school, place, self.date(entry))
            return parts(parts(parts(who, title), Text("(", inside, ")"), sep=" "), locator)
        if entry.type in REPORT_TYPES:
            number = rich_field(entry, "number")
            if number is not None and plain_text(number).isdigit():
                number = Text(_("no."), " ", number)
            kind = parts(rich_field(entry, "type"), number, sep=" ")
            head = parts(who, title, kind, self.volumes(entry))
            return parts(
                parts(head, self.imprint(entry, "institution", dated=True), sep=" "), locator
            )
        if entry.type in BOOK_TYPES or entry.type == "inbook":
            head = parts(who, title, self.contributors(entry, editors=True), self.volumes(entry))
            chapter = rich_field(entry, "chapter") if entry.type == "inbook" else None
            part = Text(_("ch."), " ", chapter) if chapter else None
            # a book's own "pages" are its length; an inbook's, the pages it cites
            cited = extent if entry.type == "inbook" else locator
            return parts(parts(head, self.imprint(entry), sep=" "), part, cited)
        # misc, online, unpublished…: what there is, in the same order
        howpublished = rich_field(entry, "howpublished") or rich_field(entry, "note")
        body = rich_field(entry, "organization") if entry.type == "online" else None
        head = parts(who, title, self.contributors(entry, editors=True), howpublished, body)
        return parts(parts(head, self.imprint(entry, dated=True), sep=" "), locator)

    @staticmethod
    def locator(locator: str) -> Text | None:
        """A pinpoint with "p." or "pp." (:func:`~sphinx_edition.oxford.rules.locator`)."""
        return Text(rules.locator(locator)) if locator.strip() else None

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        """The bibliography form: "Surname, Forename, *Title* (Place: Publisher, Year)."."""
        return FormattedEntry(entry.key, self.format_bibliography_entry(entry), label)

    def format_bibliography_entry(self, entry: Entry) -> Text:
        return self.body(entry, inverted=True, locator=None).add_period()

    def format_full_note(self, entry: Entry, locator: str = "") -> Text:
        """First citation of a work: full details, then the locator (no final stop)."""
        return self.body(entry, inverted=False, locator=self.locator(locator))

    def format_short_note(self, entry: Entry, locator: str = "") -> Text:
        """Later citations: "Surname, *Short Title*, p. 5" (no final stop)."""
        known = self._short_heads.get(id(entry))
        if known is None or known[0] is not entry:
            persons = entry.persons.get("author") or []
            who: Text | None = self.surnames(persons) if persons else None
            if who is None and entry.persons.get("editor") and not self.is_chapter(entry):
                who = self.surnames(entry.persons["editor"])
            if who is None:
                who = self.corporate(entry)
            known = self._short_heads[id(entry)] = (
                entry,
                parts(who, self.title(entry, short=True)),
            )
        return parts(known[1], self.locator(locator))

    def format_ibid(self, locator: str = "", *, capital: bool = True) -> Text:
        """ "Ibid." or "Ibid., p. 70" (no final stop)."""
        word = String(_("Ibid.") if capital else _("ibid."))
        return parts(Text(word), self.locator(locator))

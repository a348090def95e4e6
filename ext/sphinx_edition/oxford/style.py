"""The Oxford style: the bibliography entry, the full and short note, "Ibid.".

The forms follow *New Hart's Rules* (2nd edn, 2014; "NHR"), chapters 17 (notes) and 18
(bibliography); the string rules they apply are in :mod:`sphinx_edition.oxford.rules`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.richtext import String, Tag, Text
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
BOOK_TYPES = frozenset({"book", "proceedings", "manual", "phdthesis", "mastersthesis"})
#: Entry types formatted like a chapter in a book ('Title', in Editors (eds.), *Book*).
CHAPTER_TYPES = frozenset({"incollection", "inbook", "inproceedings", "conference"})
#: Entry types formatted like a report (italic title, type and number, institution).
REPORT_TYPES = frozenset({"techreport", "report"})
#: Entry types whose title is quoted rather than italic.
QUOTED_TYPES = frozenset({"article", *CHAPTER_TYPES})

#: The field that makes an entry a review: what it reviews, as its heading would give it
#: ("Angela Stent, \textit{The Limits of Partnership}").  Printed instead of the title.
REVIEW_FIELD = "x-review-of"


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
        """ "John Baylis (ed.)" / "… (eds.)"."""
        abbreviation = _("(ed.)") if len(persons) == 1 else _("(eds.)")
        return Text(self.names(persons, inverted=inverted), " ", abbreviation)

    def responsibility(self, entry: Entry, *, inverted: bool = False) -> Text | None:
        """Authors, else editors with "(ed.)"; None when the entry has neither."""
        if entry.persons.get("author"):
            return self.names(entry.persons["author"], inverted=inverted)
        if entry.persons.get("editor") and entry.type not in CHAPTER_TYPES:
            return self.editors(entry.persons["editor"], inverted=inverted)
        return None

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
        if entry.type in QUOTED_TYPES:
            return Text(Quoted("‘", title, "’"))
        return Text(Tag("em", title))

    def short_title(self, entry: Entry) -> Text | None:
        """The ``shorttitle`` field, else the main title cut to at most five significant
        words (:func:`~sphinx_edition.oxford.rules.short_title_end`)."""
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
    def date(entry: Entry) -> Text | None:
        """ "9 March 2004", "Summer 2006", or the year alone."""
        return parts(rich_field(entry, "month"), rich_field(entry, "year"), sep=" ") or None

    def imprint(
        self, entry: Entry, publisher_field: str = "publisher", *, dated: bool = False
    ) -> Text:
        """ "(6th edn, Oxford: Oxford University Press, 2013)"; with *dated*, the full date
        of an entry that gives one (a report: "9 March 2004")."""
        place = rich_field(entry, "address") or rich_field(entry, "location")
        publisher = rich_field(entry, publisher_field)
        if publisher is None and publisher_field != "publisher":
            publisher = rich_field(entry, "publisher")
        where = parts(place, publisher, sep=": ")
        edition = entry.fields.get("edition", "").strip()
        edition_text = Text(ordinal(edition), " ", _("edn")) if edition else None
        year = self.date(entry) if dated else rich_field(entry, "year")
        inside = parts(edition_text, where, year)
        return Text("(", inside, ")") if inside else Text()

    def journal_part(self, entry: Entry) -> Text:
        """ "*Foreign Affairs*, 93/5 (2014)"; a double issue "27/4–5"; a periodical with no
        volume, by its date: "*The Nation* (20 June 2011)"."""
        journal = rich_field(entry, "journal")
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
        year = rich_field(entry, "year")
        return parts(name, parts(numbered, Text("(", year, ")") if year else None, sep=" "))

    def pages(self, entry: Entry) -> Text | None:
        """An article's or chapter's extent, without "pp." (NHR ch. 18: "Survival, 44/4
        (2002), 121–134"): after the volume and date, the numbers can only be pages."""
        value = entry.fields.get("pages", "").strip()
        return from_latex(rules.page_range(value), ("‘", "’")) if value else None

    # -- the three forms -----------------------------------------------------------------

    def body(self, entry: Entry, *, inverted: bool, locator: Text | None) -> Text:
        """Everything but the final full stop, for the bibliography (*inverted*) or a note."""
        who = self.responsibility(entry, inverted=inverted)
        title = self.title(entry)
        if entry.type == "article":
            where = self.journal_part(entry)
            if REVIEW_FIELD in entry.fields and where:
                # "review of …, in *International Affairs*": NHR 18.3.5
                where = Text(_("in"), " ", where)
            pages = locator if locator is not None else self.pages(entry)
            return parts(who, title, where, pages)
        if entry.type in CHAPTER_TYPES:
            editors = entry.persons.get("editor")
            book = rich_field(entry, "booktitle")
            container = parts(
                self.editors(editors) if editors else None,
                Text(Tag("em", book)) if book else None,
            )
            in_book = parts(
                Text(_("in"), " ", container) if container else None,
                self.imprint(entry),
                sep=" ",
            )
            pages = locator if locator is not None else self.pages(entry)
            return parts(who, title, in_book, pages)
        if entry.type in REPORT_TYPES:
            kind = parts(rich_field(entry, "type"), rich_field(entry, "number"), sep=" ")
            head = parts(who, title, kind)
            return parts(
                parts(head, self.imprint(entry, "institution", dated=True), sep=" "), locator
            )
        if entry.type in BOOK_TYPES:
            head = parts(who, title)
            return parts(parts(head, self.imprint(entry), sep=" "), locator)
        # misc, online, unpublished…: what there is, in the same order
        howpublished = rich_field(entry, "howpublished") or rich_field(entry, "note")
        url = rich_field(entry, "url")
        head = parts(who, title, howpublished)
        return parts(parts(head, self.imprint(entry, dated=True), sep=" "), url, locator)

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
            if who is None and entry.persons.get("editor") and entry.type not in CHAPTER_TYPES:
                who = self.surnames(entry.persons["editor"])
            known = self._short_heads[id(entry)] = (
                entry,
                parts(who, self.title(entry, short=True)),
            )
        return parts(known[1], self.locator(locator))

    def format_ibid(self, locator: str = "", *, capital: bool = True) -> Text:
        """ "Ibid." or "Ibid., p. 70" (no final stop)."""
        word = String(_("Ibid.") if capital else _("ibid."))
        return parts(Text(word), self.locator(locator))

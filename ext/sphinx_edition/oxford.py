"""Oxford referencing as a pybtex formatting style.

Registered as the ``oxford`` entry point of ``pybtex.style.formatting``, so
``bibtex_default_style = "oxford"`` gives the bibliography form (alphabetical by surname,
"Surname, Forename, *Title* (Place: Publisher, Year).").  The note forms used by the
``notecite`` role live here too, so that a book can subclass one style to change both:

* full note — "Forename Surname, *Title* (Place: Publisher, Year), p. 69.";
* short note — "Surname, *Short Title*, p. 69." (or 'Short Title' for articles and chapters);
* "Ibid." — with the locator when it differs from the note before.

Every method returns pybtex rich text (:class:`pybtex.richtext.Text`), never a rendered
string, so each backend (docutils, LaTeX, plain text) renders emphasis and dashes itself.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.richtext import String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.names.plain import NameStyle as PlainNameStyle
from pybtex.style.sorting import BaseSortingStyle
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from pybtex.database import Entry, Person

# The words a note prints go through the "edition" message catalog, so a translated
# edition (``language = "fr"``) prints "Ibid." and "éd." in its own language.
_translate = get_translation("edition")


def _(message: str) -> str:
    # pybtex's rich text takes real strings, not Sphinx's lazy translation proxies.
    return str(_translate(message))


#: Entry types formatted like a book (author or editor, italic title, imprint).
BOOK_TYPES = frozenset({"book", "proceedings", "manual", "phdthesis", "mastersthesis"})
#: Entry types formatted like a chapter in a book ('Title', in Editors (eds.), *Book*).
CHAPTER_TYPES = frozenset({"incollection", "inbook", "inproceedings", "conference"})
#: Entry types formatted like a report (italic title, type and number, institution).
REPORT_TYPES = frozenset({"techreport", "report"})
#: Entry types whose title is quoted rather than italic.
QUOTED_TYPES = frozenset({"article", *CHAPTER_TYPES})

#: Where a title's short form ends, when the entry has no ``shorttitle`` field.
_SHORT_TITLE_END = re.compile(r"[:?!—]")


def _ordinal(number: str) -> str:
    if not number.isdigit():
        return number
    value = int(number)
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _join_names(names: Sequence[Text]) -> Text:
    """ "A", "A and B", "A, B, and C" (serial comma, as Oxford has it)."""
    if len(names) <= 2:
        return Text(" " + _("and") + " ").join(list(names))
    return Text(", ").join(list(names[:-1])) + Text(", " + _("and") + " ", names[-1])


def _parts(*texts: Text | str | None, sep: str = ", ") -> Text:
    """Join the non-empty *texts* with *sep*."""
    kept = [Text(t) if isinstance(t, str) else t for t in texts if t]
    return Text(sep).join(kept)


#: BibTeX's ``quoted'`` pairs, and the apostrophes left over.
_QUOTED = re.compile(r"`([^`']*)'")


def _typeset(text: Any, quotes: tuple[str, str]) -> Any:
    """*text* with BibTeX quotes made typographic: `x' → *quotes* around x, ' → ’."""
    if isinstance(text, String):
        value = _QUOTED.sub(lambda m: quotes[0] + m.group(1) + quotes[1], text.value)
        return String(value.replace("'", "’").replace("`", "‘"))
    if hasattr(text, "parts"):
        return text._create_similar([_typeset(part, quotes) for part in text.parts])
    return text


@functools.lru_cache(maxsize=4096)
def _from_latex(value: str, quotes: tuple[str, str]) -> Text:
    # Decoding LaTeX (latexcodec) is the costliest step of formatting a note, and a book
    # cites the same few fields hundreds of times: decode each value once.
    # A bare "%" would start a LaTeX comment and swallow the rest of the field: BibTeX
    # prints it, so it is kept as a percent sign.
    value = re.sub(r"(?<!\\)%", r"\\%", value)
    return Text(_typeset(Text.from_latex(value), quotes))


def _rich_field(entry: Entry, name: str, quotes: tuple[str, str] = ("‘", "’")) -> Text | None:
    if name not in entry.fields or not entry.fields[name].strip():
        return None
    return _from_latex(str(entry.fields[name]), quotes)


# ``Text.render_as("text")`` looks the backend up with pybtex's ``find_plugin``, which scans
# every installed entry point on each call: one backend instance serves every rendering.
_PLAIN_BACKEND = PlainTextBackend()


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


def plain_text(text: Text) -> str:
    """*text* as plain text."""
    return str(text.render(_PLAIN_BACKEND))


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
        title = plain_text(_rich_field(entry, "title") or Text())
        return (names.lower(), entry.fields.get("year", ""), title.lower())


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
        name = Text(" ").join(words)
        if person.rich_lineage_names:
            name = Text(name, ", ", Text(" ").join(person.rich_lineage_names))
        return Text(_typeset(name, ("‘", "’")))

    @staticmethod
    @_by_name
    def surname_forename(person: Person) -> Text:
        """ "Mead, Walter Russell"."""
        surname = Text(" ").join(person.rich_prelast_names + person.rich_last_names)
        forenames = Text(" ").join(person.rich_first_names + person.rich_middle_names)
        name = _parts(surname, forenames)
        if person.rich_lineage_names:
            name = Text(name, ", ", Text(" ").join(person.rich_lineage_names))
        return Text(_typeset(name, ("‘", "’")))

    @staticmethod
    @_by_name
    def surname(person: Person) -> Text:
        surname = Text(" ").join(person.rich_prelast_names + person.rich_last_names)
        return Text(_typeset(surname, ("‘", "’")))

    def names(self, persons: Sequence[Person], *, inverted: bool = False) -> Text:
        """Names for a note ("A, B, and C"; "A et al." beyond :attr:`max_note_names`), or,
        with *inverted*, for the bibliography (first name inverted, all names given)."""
        if inverted:
            first = self.surname_forename(persons[0])
            if len(persons) == 2:
                # "Baker, Peter, and Susan Glasser": the comma ends the inverted name
                return Text(first, ", " + _("and") + " ", self.forename_surname(persons[1]))
            return _join_names([first] + [self.forename_surname(p) for p in persons[1:]])
        if len(persons) > self.max_note_names:
            return Text(self.forename_surname(persons[0]), " ", _("et al."))
        return _join_names([self.forename_surname(p) for p in persons])

    def surnames(self, persons: Sequence[Person]) -> Text:
        if len(persons) > self.max_note_names:
            return Text(self.surname(persons[0]), " ", _("et al."))
        return _join_names([self.surname(p) for p in persons])

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
        """Italic for books and reports, 'quoted' for articles and chapters."""
        title = (
            self.short_title(entry)
            if short
            else _rich_field(entry, "title", self.inner_quotes(entry))
        ) or Text(entry.key)
        if entry.type in QUOTED_TYPES:
            return Text("‘", title, "’")
        return Text(Tag("em", title))

    def short_title(self, entry: Entry) -> Text | None:
        """The ``shorttitle`` field, else the main title (up to a colon, dash or question)."""
        quotes = self.inner_quotes(entry)
        short = _rich_field(entry, "shorttitle", quotes)
        if short is not None:
            return short
        title = _rich_field(entry, "title", quotes)
        if title is None:
            return None
        match = _SHORT_TITLE_END.search(plain_text(title))
        if match is None or match.start() == 0:
            return title
        # Keep a question mark or exclamation: it belongs to the title.
        end = match.end() if match.group() in "?!" else match.start()
        return Text(title[:end])

    # -- imprint -------------------------------------------------------------------------

    def imprint(self, entry: Entry, publisher_field: str = "publisher") -> Text:
        """ "(6th edn, Oxford: Oxford University Press, 2013)"."""
        place = _rich_field(entry, "address") or _rich_field(entry, "location")
        publisher = _rich_field(entry, publisher_field)
        if publisher is None and publisher_field != "publisher":
            publisher = _rich_field(entry, "publisher")
        where = _parts(place, publisher, sep=": ")
        edition = entry.fields.get("edition", "").strip()
        edition_text = Text(_ordinal(edition), " ", _("edn")) if edition else None
        year = _rich_field(entry, "year")
        inside = _parts(edition_text, where, year)
        return Text("(", inside, ")") if inside else Text()

    def journal_part(self, entry: Entry) -> Text:
        """ "*Foreign Affairs*, 93/5 (2014)"."""
        journal = _rich_field(entry, "journal")
        volume = _rich_field(entry, "volume")
        number = _rich_field(entry, "number")
        year = _rich_field(entry, "year")
        issue = _parts(volume, number, sep="/") if volume else None
        dated = Text("(", year, ")") if year else None
        if issue is None:
            # "*Russian Outlook* (2006)": no comma before a bare year
            return _parts(Text(Tag("em", journal)) if journal else None, dated, sep=" ")
        return _parts(Text(Tag("em", journal)) if journal else None, _parts(issue, dated, sep=" "))

    def pages(self, entry: Entry) -> Text | None:
        return _rich_field(entry, "pages")

    # -- the three forms -----------------------------------------------------------------

    def body(self, entry: Entry, *, inverted: bool, locator: Text | None) -> Text:
        """Everything but the final full stop, for the bibliography (*inverted*) or a note."""
        who = self.responsibility(entry, inverted=inverted)
        title = self.title(entry)
        if entry.type == "article":
            where = self.journal_part(entry)
            pages = locator if locator is not None else self.pages(entry)
            return _parts(who, title, where, pages)
        if entry.type in CHAPTER_TYPES:
            editors = entry.persons.get("editor")
            book = _rich_field(entry, "booktitle")
            container = _parts(
                self.editors(editors) if editors else None,
                Text(Tag("em", book)) if book else None,
            )
            in_book = _parts(
                Text(_("in"), " ", container) if container else None,
                self.imprint(entry),
                sep=" ",
            )
            pages = locator if locator is not None else self.pages(entry)
            return _parts(who, title, in_book, pages)
        if entry.type in REPORT_TYPES:
            kind = _parts(_rich_field(entry, "type"), _rich_field(entry, "number"), sep=" ")
            head = _parts(who, title, kind)
            return _parts(_parts(head, self.imprint(entry, "institution"), sep=" "), locator)
        if entry.type in BOOK_TYPES:
            head = _parts(who, title)
            return _parts(_parts(head, self.imprint(entry), sep=" "), locator)
        # misc, online, unpublished…: what there is, in the same order
        howpublished = _rich_field(entry, "howpublished") or _rich_field(entry, "note")
        url = _rich_field(entry, "url")
        head = _parts(who, title, howpublished)
        return _parts(_parts(head, self.imprint(entry), sep=" "), url, locator)

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        """The bibliography form: "Surname, Forename, *Title* (Place: Publisher, Year)."."""
        return FormattedEntry(entry.key, self.format_bibliography_entry(entry), label)

    def format_bibliography_entry(self, entry: Entry) -> Text:
        return self.body(entry, inverted=True, locator=None).add_period()

    def format_full_note(self, entry: Entry, locator: str = "") -> Text:
        """First citation of a work: full details, then the locator (no final stop)."""
        return self.body(entry, inverted=False, locator=Text(locator) if locator else None)

    def format_short_note(self, entry: Entry, locator: str = "") -> Text:
        """Later citations: "Surname, *Short Title*, locator" (no final stop)."""
        persons = entry.persons.get("author") or []
        who: Text | None = self.surnames(persons) if persons else None
        if who is None and entry.persons.get("editor") and entry.type not in CHAPTER_TYPES:
            who = self.surnames(entry.persons["editor"])
        return _parts(who, self.title(entry, short=True), locator or None)

    def format_ibid(self, locator: str = "", *, capital: bool = True) -> Text:
        """ "Ibid." or "Ibid., p. 70" (no final stop)."""
        word = String(_("Ibid.") if capital else _("ibid."))
        return _parts(Text(word), locator or None)

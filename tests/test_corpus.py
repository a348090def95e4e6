"""Other authors' books: every entry type of the Oxford style beside a reference processor.

``tests/corpus/corpus.bib`` holds entries of every type the style accepts (articles, books,
chapters, papers, theses, reports, manuals, misc, online, unpublished; edited, translated and
multi-volume works, corporate authors), with hostile punctuation, accents and LaTeX escapes.
Each is formatted in full, short and "Ibid." form and in the bibliography, and set beside
citeproc-py running the CSL style of *New Hart's Rules* (notes) over the same entry read into
CSL-JSON (``tests/corpus/reference.py``, a mapping apart from the extension's own).

The comparison is by words: every word, number and link the reference prints must be in ours
(case, quotation marks and the points after abbreviations aside), unless one of
:data:`ALLOWED` explains it; each of them is a house-style difference the About page states, or
a fault of the reference processor, with its reason.  Nothing else may differ.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from corpus.reference import Reference, csl_item, decode
from pybtex.database import BibliographyData, Entry, parse_file
from pybtex.richtext import BaseMultipartText, Tag, Text
from sphinx_edition.notes.plan import NotePart, note_text, segments
from sphinx_edition.oxford import OxfordStyle
from sphinx_edition.works import coins, ris_record, work_from_entry, work_jsonld
from sphinx_edition.works import csl_item as our_csl_item

CORPUS = Path(__file__).resolve().parent / "corpus" / "corpus.bib"
FORMS = ("full", "short", "ibid", "bibliography")
#: The page of the first citation and of the later ones.
FIRST, AGAIN = "5", "7"


@pytest.fixture(scope="module")
def bib() -> BibliographyData:
    return parse_file(str(CORPUS))


@pytest.fixture(scope="module")
def reference(bib: BibliographyData) -> Reference:
    return Reference([csl_item(key, entry) for key, entry in bib.entries.items()])


@pytest.fixture(scope="module")
def printed(reference: Reference, bib: BibliographyData) -> dict[str, tuple[str, ...]]:
    """Each entry's (full, short, third citation, bibliography) by the reference."""
    return {key: reference.forms(key, FIRST, AGAIN) for key in bib.entries}


def _keys() -> list[str]:
    return list(parse_file(str(CORPUS)).entries)


# -- words ---------------------------------------------------------------------------------

_QUOTES = str.maketrans("", "", "‘’“”'\"`")


def words(text: str) -> list[str]:
    """*text* (HTML or plain) as the words compared: lower case, without quotation marks,
    split at spaces and the punctuation between fields, without a final point (so that
    "trans." and "trans", "eds." and "eds" are one word: the point is not a datum)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).translate(_QUOTES).casefold()
    text = text.replace("\u00a0", " ").replace("--", "–")
    stripped = (w.strip(".:?!") for w in re.split(r"[\s,;()\[\]{}]+", text))
    return [w for w in stripped if w]


# -- the allowed differences ---------------------------------------------------------------


class Case(NamedTuple):
    """One word of the reference that ours lacks, with what explains it."""

    word: str
    form: str
    entry: Entry
    ours: list[str]


def _initial(case: Case) -> bool:
    letters = re.fullmatch(r"([^\W\d_])(?:\.?-([^\W\d_]))?", case.word)
    if letters is None:
        return False
    return any(w.startswith(letters.group(1)) and len(w) > 1 for w in case.ours)


_MONTHS = "january february march april may june july august september october november december"


def _month(case: Case) -> bool:
    return len(case.word) >= 3 and any(
        m.startswith(case.word) and m in case.ours for m in _MONTHS.split()
    )


def _expand(first: str, last: str) -> tuple[int, int]:
    return int(first), int(first[: max(len(first) - len(last), 0)] + last)


def _range(case: Case) -> bool:
    """The entry's pages, printed by NHR's rule where the reference prints them otherwise."""
    match = re.fullmatch(r"(\d+)–(\d+)", case.word)
    pages = re.fullmatch(r"\s*(\d+)\s*-+\s*(\d+)\s*", case.entry.fields.get("pages", ""))
    if match is None or pages is None:
        return False
    full = (int(pages.group(1)), int(pages.group(2)))
    ours = [re.fullmatch(r"(\d+)–(\d+)", w) for w in case.ours]
    return any(m is not None and _expand(*m.groups()) == full for m in ours)


def _volume_locator(case: Case) -> bool:
    """ "1.5": the reference's volume and page; ours "vol. 1 …, p. 5"."""
    match = re.fullmatch(r"(\d+)\.(\S+)", case.word)
    volume = case.entry.fields.get("volume", "")
    if match is None or match.group(1) != volume or match.group(2) not in case.ours:
        return False
    # a short note gives no volume (NHR 17.2.5, "short form" below)
    return case.form in {"short", "ibid"} or ("vol" in case.ours and volume in case.ours)


def _double_issue(case: Case) -> bool:
    match = re.fullmatch(r"(\d+)/(\d+)/(\d+)", case.word)
    return match is not None and "{}/{}–{}".format(*match.groups()) in case.ours


def _report_number(case: Case) -> bool:
    number = case.entry.fields.get("number", "")
    return case.word == "no" and "report" in case.entry.type and not number.isdigit()


def _empty_label(case: Case) -> bool:
    return case.word == "edition" and "edition" not in case.entry.fields


def _short_extras(case: Case) -> bool:
    if case.form not in {"short", "ibid"}:
        return False
    extras = {"ed", "edn", "trans", "vol"}
    for name in ("edition", "editor", "translator", "volume"):
        extras.update(words(decode(case.entry.fields.get(name, ""))))
    for person in case.entry.persons.get("editor", []):
        extras.update(words(decode(" ".join(person.last_names))))
        extras.update(name[0].casefold() for name in person.first_names + person.middle_names)
    extras.add(re.sub(r"\D", "", case.entry.fields.get("edition", "")) + "th")
    extras.update({"2nd", "3rd", "1st"} & {case.word})
    return case.word in extras


def _subtitle(case: Case) -> bool:
    if case.form not in {"short", "ibid"} or "shorttitle" in case.entry.fields:
        return False
    title = decode(case.entry.fields.get("title", ""))
    match = re.search(r"[:;—]|[?!]", title)
    return match is not None and case.word in words(title[match.end() :])


def _editors_named_first(case: Case) -> bool:
    return case.word == "ed" and ("eds" in case.ours or "ed" in case.ours)


def _all_names(case: Case) -> bool:
    persons = case.entry.persons.get("author", [])
    return (
        case.form == "bibliography"
        and case.word in {"et", "al"}
        and len(persons) > 3
        and all(words(decode(p.last_names[-1]))[-1] in case.ours for p in persons)
    )


def _unpublished(case: Case) -> bool:
    return (
        case.entry.type == "unpublished"
        and case.word in {"unpublished", "manuscript"}
        and ("note" in case.entry.fields or "howpublished" in case.entry.fields)
    )


class Allowed(NamedTuple):
    reason: str
    applies: Callable[[Case], bool]


#: Each difference the comparison allows, with its reason.  The house-style ones are stated
#: on the About page ("The notes and the bibliography").
ALLOWED = {
    "forenames": Allowed(
        "House style: forenames in full, as the entries give them (NHR 17.2.2 allows "
        "either); the CSL style reduces them to initials.",
        _initial,
    ),
    "months": Allowed(
        "House style: months in full ('9 March 2004'), as the edition writes dates; the CSL "
        "style abbreviates them ('Mar.').",
        _month,
    ),
    "page ranges": Allowed(
        "NHR 4.11.2: the fewest digits, but the teens keep two (113–17, 11–15); the CSL "
        "style's 'minimal' drops them (113–7), and citeproc-py also shortens ranges whose "
        "numbers differ in length (3–34 as 3–4, 1–119 as 1–19).",
        _range,
    ),
    "volume and page": Allowed(
        "House style: a volume as 'vol. 1' and the page with 'p.' ('vol. 1 …, p. 5'); the "
        "CSL style joins them as '1.5'.",
        _volume_locator,
    ),
    "double issue": Allowed(
        "House style (About): a double issue as one issue with an en rule, 10/4–5; the CSL "
        "style prints the field as written, 10/4/5, which reads as three levels.",
        _double_issue,
    ),
    "report number": Allowed(
        "House style: 'no.' only before a number ('Working Paper no. 12'); a report number "
        "with letters is its own identifier ('CRS Report RL33407').",
        _report_number,
    ),
    "empty label": Allowed(
        "A fault of the reference: citeproc-py 0.11 prints the label 'edition' of an "
        "empty variable in articles and papers; the entry has no edition.",
        _empty_label,
    ),
    "short form": Allowed(
        "NHR 17.2.5: a short note gives surname, short title and page; the CSL style adds "
        "the edition, the editors and the volume.",
        _short_extras,
    ),
    "short title": Allowed(
        "NHR 17.2.5 and the About page: the short title is the entry's shorttitle, else the "
        "main title before its subtitle; the CSL style, without a title-short, repeats the "
        "whole title.",
        _subtitle,
    ),
    "editors first": Allowed(
        "NHR 17.2.3: a book's editors before its title with '(ed.)' or '(eds)'; the CSL "
        "style writes 'ed.' after the title.",
        _editors_named_first,
    ),
    "all names": Allowed(
        "House style (NHR 18.2.2): the bibliography names every author; 'et al.' is for "
        "notes, after the first of more than three.",
        _all_names,
    ),
    "unpublished": Allowed(
        "House style: an unpublished work is described by its entry's note ('Unpublished "
        "typescript', 'Paper given at …'); the CSL style prints its term 'unpublished "
        "manuscript' instead.",
        _unpublished,
    ),
}


# -- our forms -----------------------------------------------------------------------------


def our_forms(bib: BibliographyData, key: str) -> dict[str, Text]:
    style = OxfordStyle()
    entry = bib.entries[key]
    return {
        "full": note_text(style, [NotePart(key, "full", FIRST)], [], bib.entries),
        "short": note_text(style, [NotePart(key, "short", AGAIN)], [], bib.entries),
        "ibid": note_text(style, [NotePart(key, "ibid", AGAIN)], [], bib.entries),
        "bibliography": style.format_bibliography_entry(entry),
    }


def italic_words(text: Any) -> set[str]:
    """The words of *text* (rich) inside an italic tag: a title inside an italic title
    counts, though it prints roman (checked apart)."""
    if isinstance(text, Tag) and text.name == "em":
        return set(words(str(text.render_as("text"))))
    if isinstance(text, BaseMultipartText):
        return set().union(*(italic_words(p) for p in text.parts))
    return set()


def compare(
    reference: str, ours: Text, form: str, entry: Entry, *, italics: bool = False
) -> list[str]:
    """What the reference prints that ours lacks and no allowed difference explains; with
    *italics*, what it prints in italics that ours does not."""
    mine = words(str(ours.render_as("text")))
    if italics:
        printed = [w for run in re.findall(r"<i>(.*?)</i>", reference) for w in words(run)]
        found = italic_words(ours)
    else:
        printed, found = words(reference), set(mine)
    unexplained = []
    for word in printed:
        if word in found:
            continue
        case = Case(word, form, entry, mine)
        if not any(allowed.applies(case) for allowed in ALLOWED.values()):
            unexplained.append(word)
    return unexplained


@pytest.mark.parametrize("key", _keys())
def test_every_datum_the_reference_prints_is_in_ours(
    bib: BibliographyData, printed: dict[str, tuple[str, ...]], key: str
) -> None:
    full, short, ibid, bibliography = printed[key]
    ours = our_forms(bib, key)
    entry = bib.entries[key]
    if not words(ibid)[0].startswith("ibid"):
        # citeproc-py 0.11 does not track the "ibid" position: its third citation is the
        # short form, which is what the PDF prints where a page turns before an "Ibid."
        assert ours["ibid"].render_as("text") == f"Ibid., p. {AGAIN}."
        ibid, ours["ibid"] = short, ours["short"]
    theirs = {"full": full, "short": short, "ibid": ibid, "bibliography": bibliography}
    missing = {
        form: compare(theirs[form], ours[form], form, entry)
        for form in FORMS
        if theirs[form]  # citeproc-py prints no bibliography entry for some types
    }
    assert not any(missing.values()), (missing, theirs, {k: str(v) for k, v in ours.items()})
    # Italics: every word the reference sets in italics is in an italic title of ours.
    roman = {form: compare(theirs[form], ours[form], form, entry, italics=True) for form in FORMS}
    assert not any(roman.values()), (roman, theirs)


def test_the_corpus_covers_every_type(bib: BibliographyData) -> None:
    types = {entry.type for entry in bib.entries.values()}
    assert len(bib.entries) >= 40
    assert types >= {
        "article", "book", "inbook", "incollection", "inproceedings", "phdthesis",
        "mastersthesis", "techreport", "manual", "misc", "online", "unpublished",
    }  # fmt: skip
    fields = {name for entry in bib.entries.values() for name in entry.fields}
    assert fields >= {
        "doi", "url", "urldate", "school", "number", "volumes", "series", "translator",
        "edition", "origdate", "shorttitle", "chapter", "organization", "howpublished",
    }  # fmt: skip


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_each_allowed_difference_is_needed(
    bib: BibliographyData, printed: dict[str, tuple[str, ...]], name: str
) -> None:
    """An allowed difference that explains nothing would hide a loss: each must explain
    at least one word of the corpus."""
    used = False
    for key, entry in bib.entries.items():
        full, short, _ibid, bibliography = printed[key]
        ours = our_forms(bib, key)
        ours["ibid"] = ours["short"]
        for form, theirs in zip(FORMS, (full, short, short, bibliography), strict=True):
            mine = words(str(ours[form].render_as("text")))
            for word in words(theirs):
                if word not in mine and ALLOWED[name].applies(Case(word, form, entry, mine)):
                    used = True
    assert used, name


# -- the data themselves -------------------------------------------------------------------


def test_nested_titles_are_roman_inside_italics(bib: BibliographyData) -> None:
    """A title within an italic title prints roman (NHR 8.2.7) in every format that reads
    the notes' runs (HTML, ePub, LaTeX); within a quoted title it is italic."""
    ours = our_forms(bib, "bridgewater1833")["full"]
    runs = segments(ours)
    assert ("text", "Bridgewater Treatises") in runs
    assert any(kind == "em" and text.startswith("Astronomy") for kind, text in runs)
    article = segments(our_forms(bib, "topham2022")["full"])
    assert ("em", "Bridgewater Treatises") in article


@pytest.mark.parametrize("key", _keys())
def test_plain_text_holds_no_tex(bib: BibliographyData, key: str) -> None:
    """The plain-text formats (JSON-LD, COinS, RIS, CSL-JSON; the meta tags and TEI read
    the same Work) hold no TeX command, brace group or TeX quote, and give the title as an
    independent decoder (citeproc-py's, or latexcodec) reads it."""
    work = work_from_entry(key, bib.entries[key])
    exports = json.dumps(
        [work_jsonld(work), ris_record(work), our_csl_item(work), coins(work)],
        ensure_ascii=False,
    )
    assert "\\\\" not in exports and "`" not in exports, exports
    title = bib.entries[key].fields["title"]
    expected = decode(title).translate(_QUOTES)
    assert work.title.translate(_QUOTES) == expected.replace("–", "–"), (work.title, expected)
    plain_note = str(our_forms(bib, key)["full"].render_as("text"))
    assert "\\" not in plain_note and "`" not in plain_note, plain_note


def test_shorttitle_longer_than_title_is_found() -> None:
    from sphinx_edition.oxford import rules  # noqa: PLC0415

    assert rules.short_title_too_long("A Much Longer Short Title", "Short")
    assert not rules.short_title_too_long("Short", "Short: A Subtitle")

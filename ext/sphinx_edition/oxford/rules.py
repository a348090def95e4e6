"""The rules of New Hart's Rules that the Oxford style applies to strings.

The guide is *New Hart's Rules: The Oxford Style Guide*, 2nd edn (Oxford: Oxford University
Press, 2014), "NHR" below: chapter 17 (notes), chapter 18 (bibliography), chapter 4
(punctuation).  Each rule is a pure function of a field's text, so it can be tested apart
from pybtex; :mod:`sphinx_edition.oxford.style` applies them to rich text.
"""

from __future__ import annotations

import re

from sphinx_edition.oxford.text import _

# -- locators and page ranges -------------------------------------------------------------

#: A dash between two numbers: a range, which takes an en rule, closed up ("69–79"; NHR
#: ch. 4, the en rule).  BibTeX writes it "--"; a single hyphen is a keyboard's en rule.
_NUMBER_RANGE = re.compile(r"(?<=\d)\s*(?:-{1,3}|–|—)\s*(?=\d)")

#: Arabic or lower-case roman page numbers, single, ranged, or listed with commas.
_PAGE = r"(?:\d+|[ivxlcdm]+)"
_PAGES = re.compile(rf"{_PAGE}(?:(?:-{{1,3}}|–){_PAGE})?(?:,\s*{_PAGE}(?:(?:-{{1,3}}|–){_PAGE})?)*")


def page_range(value: str) -> str:
    """*value* (LaTeX) with every number range joined by BibTeX's en rule, "--", and its
    second number as short as NHR has it (:func:`shorten_range`)."""
    return _RANGE.sub(lambda m: f"{m.group(1)}--{shorten_range(m.group(1), m.group(2))}", value)


#: Two arabic numbers joined as a range, by a hyphen, BibTeX's "--" or an en rule.
_RANGE = re.compile(r"(?<![\d.,/])(\d+)\s*(?:-{1,3}|–|—)\s*(\d+)(?![\d.,/])")


def shorten_range(first: str, last: str) -> str:
    """The second number of the range *first*–*last* with the fewest digits that still
    give it, and two for the teens (NHR 4.11.2, "inclusive numbers"): 547–68, 196–7,
    176–82, 100–4, but 13–17, 113–17.  A range whose numbers differ in length, or that
    does not rise (a typing error the reader should see), is left as written.
    """
    if len(first) != len(last) or int(last) <= int(first) or first.startswith("0"):
        return last
    common = 0
    while common < len(last) - 1 and first[common] == last[common]:
        common += 1
    short = last[common:]
    if len(short) == 1 and len(last) >= 2 and last[-2] == "1":
        short = last[-2:]  # the teens keep both digits: 13–17, not 13–7
    return short


def locator(value: str) -> str:
    """A pinpoint as a note prints it: "74" → "p. 74", "69-79" → "pp. 69–79".

    A bare page, range or list of pages takes "p." or "pp." (the edition gives every
    pinpoint its abbreviation, as New Hart's Rules allows in notes, so that a cited page is
    never read as an article's extent); a locator that already says what it counts
    ("p. 3", "ch. 2", "n. 4", "fol. 3r") is kept as written, its ranges with an en rule.
    Ranges of arabic numbers are shortened as NHR has it (:func:`shorten_range`).
    """
    value = page_range(value.strip()).replace("--", "–")
    if not _PAGES.fullmatch(value):
        return _NUMBER_RANGE.sub("–", value)
    value = re.sub(r"-{1,3}", "–", value)
    several = "–" in value or "," in value
    return f"{_('pp.') if several else _('p.')} {value}"


def issue_number(value: str) -> str:
    """A journal issue (LaTeX) ready to follow its volume after a solidus.

    A double issue written "4/5" would print "27/4/5", which reads as three levels; it is
    one issue, numbered 4 and 5, so it takes the en rule of a range: "27/4–5" (NHR ch. 18
    gives "volume/issue"; the solidus is kept for that one level only).
    """
    return re.sub(r"(?<=\d)\s*(?:/|-{1,3}|–)\s*(?=\d)", "--", value)


# -- short titles -------------------------------------------------------------------------

#: Where the main title ends: a subtitle's colon, a semicolon between two clauses, a
#: dash; a question or exclamation mark ends it too, and stays (it is the title's own).
_TITLE_END = re.compile(r"[:;?!—]")

#: Punctuation a short title does not end with.
_TRAILING = ",;:–— "


def short_title_end(title: str) -> int:
    """Where the short form of *title* (plain text) ends: after its main title.

    A short title is a sense unit (NHR 17.2.5, short titles): the main title without its
    subtitle ("Special Providence: American Foreign Policy" → "Special Providence"), else
    the whole title.  It is never cut after a count of words, which stops mid-phrase
    ("Quantitative Analysis of Culture Using Millions" of digitized books); a long title
    without a subtitle is given its own short form in the entry's ``shorttitle`` field.
    """
    match = _TITLE_END.search(title)
    if match is None or match.start() == 0:
        return len(title.rstrip(_TRAILING))
    end = match.end() if match.group() in "?!" else match.start()
    return len(title[:end].rstrip(_TRAILING))


def short_title_too_long(short: str, title: str) -> bool:
    """Whether an entry's own short title (plain text) is longer than its title: a short
    title that is no shorter is a slip (a field swapped, a subtitle pasted in)."""
    return len(" ".join(short.split())) > len(" ".join(title.split()))


# -- links ---------------------------------------------------------------------------------

#: How a DOI field may begin besides the DOI itself.
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
#: TeX's escapes of the characters a URL holds ("\_", "\%", "\#", "\&", "\~").
_URL_ESCAPE = re.compile(r"\\([_%#&~$])")


def bare_url(value: str) -> str:
    """A ``url`` field as the address it is: no ``\\url{…}`` around it, no braces, TeX's
    escapes undone (the field is written for LaTeX, the link is not)."""
    value = re.sub(r"^\s*\\url\s*\{(.*)\}\s*$", r"\1", value.strip())
    return _URL_ESCAPE.sub(r"\1", value.replace("{", "").replace("}", "")).strip()


def bare_doi(value: str) -> str:
    """A ``doi`` field as the DOI alone: "doi:10.1/x" and "https://doi.org/10.1/x" are
    "10.1/x" (NHR 17.2.9 prints it as a https://doi.org/ link)."""
    return _DOI_PREFIX.sub("", bare_url(value))


# -- reviews ------------------------------------------------------------------------------


def reviewed_authors(value: str) -> str | None:
    """The names (BibTeX, "A and B") before the first comma of an ``x-review-of`` field,
    "Angela Stent, \\textit{The Limits of Partnership}" → "Angela Stent"; None when the
    field does not begin with names."""
    depth = 0
    for index, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            names = value[:index].strip()
            return names if names and "\\" not in names else None
    return None

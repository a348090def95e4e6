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
    """*value* (LaTeX) with every number range joined by BibTeX's en rule, "--"."""
    return _NUMBER_RANGE.sub("--", value)


def locator(value: str) -> str:
    """A pinpoint as a note prints it: "74" → "p. 74", "69-79" → "pp. 69–79".

    A bare page, range or list of pages takes "p." or "pp." (the edition gives every
    pinpoint its abbreviation, as New Hart's Rules allows in notes, so that a cited page is
    never read as an article's extent); a locator that already says what it counts
    ("p. 3", "ch. 2", "n. 4", "fol. 3r") is kept as written, its ranges with an en rule.
    """
    value = value.strip()
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

#: A short title has at most this many significant words.
MAX_SHORT_TITLE_WORDS = 5

#: Words that do not count: articles, conjunctions and short prepositions, the words
#: that stay in lower case in a title set in title case (NHR ch. 8).
MINOR_WORDS = frozenset(
    "a an the and but or nor yet so as at by for from in into of off on onto out over per "
    "to up upon via with v vs".split()
)

#: Where the main title ends: a subtitle's colon, a semicolon between two clauses, a
#: dash; a question or exclamation mark ends it too, and stays (it is the title's own).
_TITLE_END = re.compile(r"[:;?!—]")

_PUNCTUATION = "‘’“”'\"()[],.;:–—-"
#: Punctuation a short title does not end with.
_TRAILING = ",;:–— "


def is_significant(word: str) -> bool:
    core = word.strip(_PUNCTUATION).lower()
    return any(c.isalnum() for c in core) and core not in MINOR_WORDS


def short_title_end(title: str) -> int:
    """Where the short form of *title* (plain text) ends.

    The main title, without its subtitle (NHR 17.2, short titles), and no more than
    :data:`MAX_SHORT_TITLE_WORDS` significant words.  A longer main title is cut where a
    phrase ends within the limit, before a minor word or at a comma, so that the short
    title still reads as words of the title: "Vladimir Putin and the Evolution of Russian
    Foreign Policy" → "Vladimir Putin and the Evolution"; it is cut after the fifth
    significant word only where no phrase ends sooner.
    """
    end = len(title)
    match = _TITLE_END.search(title)
    if match is not None and match.start() > 0:
        end = match.end() if match.group() in "?!" else match.start()
    words = list(re.finditer(r"\S+", title[:end]))
    if sum(is_significant(w.group()) for w in words) <= MAX_SHORT_TITLE_WORDS:
        return len(title[:end].rstrip(_TRAILING))
    count, phrase_end, cut = 0, 0, end
    for index, word in enumerate(words):
        if not is_significant(word.group()):
            continue
        count += 1
        if count > MAX_SHORT_TITLE_WORDS:
            break
        cut = word.end()
        following = words[index + 1] if index + 1 < len(words) else None
        if word.group().endswith((",", ";")) or (
            following is not None and not is_significant(following.group())
        ):
            phrase_end = cut
    return len(title[: phrase_end or cut].rstrip(_TRAILING))


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

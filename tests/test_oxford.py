"""The Oxford pybtex style: bibliography, full-note and short-note forms per entry type."""

from __future__ import annotations

import importlib.metadata
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast
from unittest import mock

import pybtex.plugin
import pytest
from pybtex.backends.html import Backend as HTMLBackend
from pybtex.database import BibliographyData, parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import HRef, Protected, String, Symbol, Tag, Text
from sphinx_edition.book import Book
from sphinx_edition.notes import resolve_style
from sphinx_edition.notes.plan import STYLES, NotePart, note_text, resolve_styles, segments
from sphinx_edition.oxford import OxfordStyle, rules
from sphinx_edition.oxford.text import capfirst
from sphinx_edition.view import get_view

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

BIB = r"""
@book{mead2001,
  author = {Mead, Walter Russell}, title = {Special Providence: American Foreign Policy},
  publisher = {Knopf}, address = {New York}, year = {2001},
}
@article{stent2002,
  author = {Stent, Angela and Shevtsova, Lilia},
  title = {America, {Russia} and {Europe}: A Realignment?},
  journal = {Survival}, volume = {44}, number = {4}, year = {2002}, pages = {121--134},
}
@article{aron2006,
  author = {Aron, Leon}, title = {The {United States} and {Russia}},
  journal = {Russian Outlook}, year = {2006}, pages = {3},
}
@incollection{kanet2016,
  author = {Kanet, Roger E.}, title = {Presidential Elections and `Resets'},
  booktitle = {Shifting Priorities}, editor = {Piet, R{\'e}mi and Kanet, Roger E.},
  publisher = {Routledge}, address = {London}, year = {2016}, pages = {95--112},
}
@book{baylis2013,
  editor = {Baylis, John and Smith, Steve and Owens, Patricia},
  title = {The Globalization of World Politics: An Introduction}, edition = {6},
  publisher = {Oxford University Press}, address = {Oxford}, year = {2013},
}
@book{braun2008,
  editor = {Braun, Aurel}, title = {{NATO}-{Russia} Relations},
  publisher = {Routledge}, address = {London}, year = {2008},
}
@techreport{cohen2004,
  author = {Cohen, Ariel and Volk, Yevgeny}, title = {Recent Changes in {Russia}},
  type = {Backgrounder}, institution = {The Heritage Foundation},
  address = {Washington, DC}, year = {2004},
}
@book{many2020,
  author = {One, Ann and Two, Bob and Three, Cy and Four, Di},
  title = {Written by Many}, shorttitle = {Many}, publisher = {P}, address = {Q}, year = {2020},
}
"""

#: key -> (bibliography form, full note with "p. 5", short note with "p. 5")
FORMS = {
    "mead2001": (
        "Mead, Walter Russell, Special Providence: American Foreign Policy "
        "(New York: Knopf, 2001).",
        "Walter Russell Mead, Special Providence: American Foreign Policy "
        "(New York: Knopf, 2001), p. 5",
        "Mead, Special Providence, p. 5",
    ),
    "stent2002": (
        "Stent, Angela, and Lilia Shevtsova, ‘America, Russia and Europe: A Realignment?’, "
        "Survival, 44/4 (2002), 121–34.",
        "Angela Stent and Lilia Shevtsova, ‘America, Russia and Europe: A Realignment?’, "
        "Survival, 44/4 (2002), p. 5",
        "Stent and Shevtsova, ‘America, Russia and Europe’, p. 5",
    ),
    "aron2006": (
        "Aron, Leon, ‘The United States and Russia’, Russian Outlook (2006), 3.",
        "Leon Aron, ‘The United States and Russia’, Russian Outlook (2006), p. 5",
        "Aron, ‘The United States and Russia’, p. 5",
    ),
    "kanet2016": (
        "Kanet, Roger E., ‘Presidential Elections and “Resets”’, in Rémi Piet and "
        "Roger E. Kanet (eds), Shifting Priorities (London: Routledge, 2016), 95–112.",
        "Roger E. Kanet, ‘Presidential Elections and “Resets”’, in Rémi Piet and "
        "Roger E. Kanet (eds), Shifting Priorities (London: Routledge, 2016), p. 5",
        "Kanet, ‘Presidential Elections and “Resets”’, p. 5",
    ),
    "baylis2013": (
        "Baylis, John, Steve Smith, and Patricia Owens (eds), The Globalization of World "
        "Politics: An Introduction (6th edn, Oxford: Oxford University Press, 2013).",
        "John Baylis, Steve Smith, and Patricia Owens (eds), The Globalization of World "
        "Politics: An Introduction (6th edn, Oxford: Oxford University Press, 2013), p. 5",
        "Baylis, Smith, and Owens, The Globalization of World Politics, p. 5",
    ),
    "braun2008": (
        "Braun, Aurel (ed.), NATO-Russia Relations (London: Routledge, 2008).",
        "Aurel Braun (ed.), NATO-Russia Relations (London: Routledge, 2008), p. 5",
        "Braun, NATO-Russia Relations, p. 5",
    ),
    "cohen2004": (
        "Cohen, Ariel, and Yevgeny Volk, Recent Changes in Russia, Backgrounder "
        "(Washington, DC: The Heritage Foundation, 2004).",
        "Ariel Cohen and Yevgeny Volk, Recent Changes in Russia, Backgrounder "
        "(Washington, DC: The Heritage Foundation, 2004), p. 5",
        "Cohen and Volk, Recent Changes in Russia, p. 5",
    ),
    "many2020": (
        "One, Ann, Bob Two, Cy Three, and Di Four, Written by Many (Q: P, 2020).",
        "Ann One et al., Written by Many (Q: P, 2020), p. 5",
        "One et al., Many, p. 5",
    ),
}


@pytest.fixture(scope="module")
def bib() -> BibliographyData:
    return parse_string(BIB, "bibtex")


@pytest.mark.parametrize("key", sorted(FORMS))
def test_forms(bib: BibliographyData, key: str) -> None:
    style = OxfordStyle()
    entry = bib.entries[key]
    bibliography, full, short = FORMS[key]
    assert style.format_bibliography_entry(entry).render_as("text") == bibliography
    assert style.format_full_note(entry, "p. 5").render_as("text") == full
    assert style.format_short_note(entry, "p. 5").render_as("text") == short


# -- New Hart's Rules, rule by rule, per entry type ---------------------------------------

RULES_BIB = r"""
@article{art,
  author = {Goldman, Stuart D.},
  title = {{Russian} Political, Economic, and Security Issues and {US} Interests},
  journal = {Russia, China and Eurasia}, volume = {27}, number = {4/5}, year = {2011},
  pages = {757-780},
}
@article{artq,
  author = {O'Loughlin, John and Kolossov, Vladimir},
  title = {A `Risky Westward Turn'? {Putin's} 9--11 Script},
  journal = {Europe-Asia Studies}, volume = {56}, number = {1}, year = {2004}, pages = {3--34},
}
@article{nation,
  author = {Cohen, Stephen F.}, title = {{Obama's} {Russia} `Reset': Another Lost Opportunity?},
  journal = {The Nation}, month = {20 June}, year = {2011}, pages = {11--18},
}
@book{book,
  author = {Lo, Bobo}, title = {Vladimir {Putin} and the Evolution of {Russian} Foreign Policy},
  publisher = {Wiley}, address = {Oxford}, year = {2008},
}
@book{bookq,
  author = {Smith, Martin A.},
  title = {{Russia} and {NATO} since 1991: From {Cold War} through Cold Peace to Partnership?},
  publisher = {Routledge}, address = {London}, year = {2006},
}
@incollection{chapter,
  author = {Kanet, Roger E.},
  title = {Presidential Elections and `Resets' in {US}-{Russian} Relations:
           Do Leaders Make a Difference?},
  booktitle = {Shifting Priorities}, editor = {Piet, R{\'e}mi and Kanet, Roger E.},
  publisher = {Routledge}, address = {London}, year = {2016}, pages = {95--112},
}
@techreport{report,
  author = {Cohen, Ariel and Volk, Yevgeny},
  title = {Recent Changes in {Russia} and Their Impact on {US}-{Russian} Relations},
  shorttitle = {Recent Changes in {Russia}},
  type = {Backgrounder}, institution = {The Heritage Foundation},
  address = {Washington, DC}, month = {9 March}, year = {2004},
}
@article{review,
  author = {Monaghan, Andrew},
  title = {The Limits of Partnership: {US}-{Russian} Relations in the Twenty-First Century},
  x-review-of = {Angela Stent, \textit{The Limits of Partnership}
                 (Princeton: Princeton University Press, 2014)},
  journal = {International Affairs}, volume = {91}, number = {1}, year = {2015},
  pages = {196--197},
}
"""

#: key -> (bibliography, full note with locator "74", short note with locator "69-79"),
#: the short note as a note prints it (with its final stop, where one is due).
RULES = {
    # the extent without "pp."; a double issue "4/5" as 27/4–5; the short title cut after
    # a title with no subtitle is its own short title: no count of words cuts it
    "art": (
        "Goldman, Stuart D., ‘Russian Political, Economic, and Security Issues and US "
        "Interests’, Russia, China and Eurasia, 27/4–5 (2011), 757–80.",
        "Stuart D. Goldman, ‘Russian Political, Economic, and Security Issues and US "
        "Interests’, Russia, China and Eurasia, 27/4–5 (2011), p. 74.",
        "Goldman, ‘Russian Political, Economic, and Security Issues and US Interests’, pp. 69–79.",
    ),
    # a question mark inside the quotes: the comma after it stays, no full stop follows
    "artq": (
        "O’Loughlin, John, and Vladimir Kolossov, ‘A “Risky Westward Turn”? Putin’s 9–11 "
        "Script’, Europe-Asia Studies, 56/1 (2004), 3–34.",
        "John O’Loughlin and Vladimir Kolossov, ‘A “Risky Westward Turn”? Putin’s 9–11 "
        "Script’, Europe-Asia Studies, 56/1 (2004), p. 74.",
        "O’Loughlin and Kolossov, ‘A “Risky Westward Turn”?’, pp. 69–79.",
    ),
    # a periodical with no volume is found by its date
    "nation": (
        "Cohen, Stephen F., ‘Obama’s Russia “Reset”: Another Lost Opportunity?’, "
        "The Nation (20 June 2011), 11–18.",
        "Stephen F. Cohen, ‘Obama’s Russia “Reset”: Another Lost Opportunity?’, "
        "The Nation (20 June 2011), p. 74.",
        "Cohen, ‘Obama’s Russia “Reset”’, pp. 69–79.",
    ),
    "book": (
        "Lo, Bobo, Vladimir Putin and the Evolution of Russian Foreign Policy "
        "(Oxford: Wiley, 2008).",
        "Bobo Lo, Vladimir Putin and the Evolution of Russian Foreign Policy "
        "(Oxford: Wiley, 2008), p. 74.",
        "Lo, Vladimir Putin and the Evolution of Russian Foreign Policy, pp. 69–79.",
    ),
    "bookq": (
        "Smith, Martin A., Russia and NATO since 1991: From Cold War through Cold Peace to "
        "Partnership? (London: Routledge, 2006).",
        "Martin A. Smith, Russia and NATO since 1991: From Cold War through Cold Peace to "
        "Partnership? (London: Routledge, 2006), p. 74.",
        "Smith, Russia and NATO since 1991, pp. 69–79.",
    ),
    "chapter": (
        "Kanet, Roger E., ‘Presidential Elections and “Resets” in US-Russian Relations: Do "
        "Leaders Make a Difference?’, in Rémi Piet and Roger E. Kanet (eds), Shifting "
        "Priorities (London: Routledge, 2016), 95–112.",
        "Roger E. Kanet, ‘Presidential Elections and “Resets” in US-Russian Relations: Do "
        "Leaders Make a Difference?’, in Rémi Piet and Roger E. Kanet (eds), Shifting "
        "Priorities (London: Routledge, 2016), p. 74.",
        "Kanet, ‘Presidential Elections and “Resets” in US-Russian Relations’, pp. 69–79.",
    ),
    # a report is dated as fully as the entry gives; shorttitle wins
    "report": (
        "Cohen, Ariel, and Yevgeny Volk, Recent Changes in Russia and Their Impact on "
        "US-Russian Relations, Backgrounder (Washington, DC: The Heritage Foundation, "
        "9 March 2004).",
        "Ariel Cohen and Yevgeny Volk, Recent Changes in Russia and Their Impact on "
        "US-Russian Relations, Backgrounder (Washington, DC: The Heritage Foundation, "
        "9 March 2004), p. 74.",
        "Cohen and Volk, Recent Changes in Russia, pp. 69–79.",
    ),
    # a review, as a review: "review of" what it reviews, "in" the journal
    "review": (
        "Monaghan, Andrew, review of Angela Stent, The Limits of Partnership (Princeton: "
        "Princeton University Press, 2014), in International Affairs, 91/1 (2015), 196–7.",
        "Andrew Monaghan, review of Angela Stent, The Limits of Partnership (Princeton: "
        "Princeton University Press, 2014), in International Affairs, 91/1 (2015), p. 74.",
        "Monaghan, review of Stent, pp. 69–79.",
    ),
}


@pytest.fixture(scope="module")
def rules_bib() -> BibliographyData:
    return parse_string(RULES_BIB, "bibtex")


@pytest.mark.parametrize("key", sorted(RULES))
def test_new_harts_rules(rules_bib: BibliographyData, key: str) -> None:
    style = OxfordStyle()
    entry = rules_bib.entries[key]
    bibliography, full, short = RULES[key]
    assert style.format_bibliography_entry(entry).render_as("text") == bibliography
    full_note = note_text(style, [NotePart(key, "full", "74")], [], rules_bib.entries)
    assert full_note.render_as("text") == full
    short_note = note_text(style, [NotePart(key, "short", "69-79")], [], rules_bib.entries)
    assert short_note.render_as("text") == short


def test_no_full_stop_after_a_title_that_ends_the_note(rules_bib: BibliographyData) -> None:
    """A question mark ends the note (NHR 4.6): none after "?’" nor after an italic "?"."""
    style = OxfordStyle()
    for key, ending in [("artq", "Turn”?’"), ("bookq", "since 1991")]:
        note = note_text(style, [NotePart(key, "short", "")], [], rules_bib.entries)
        assert note.render_as("text").endswith(ending + ("" if "?" in ending else "."))
    fleck = parse_string(
        "@book{f, author={Fleck, R.}, title={Changing Aid Regimes? {US} Aid}, year={2010}}",
        "bibtex",
    )
    note = note_text(style, [NotePart("f", "short", "")], [], fleck.entries)
    assert note.render_as("text") == "Fleck, Changing Aid Regimes?"
    assert note.render_as("html") == "Fleck, <em>Changing Aid Regimes?</em>"


def test_review_names_its_book_in_italics(rules_bib: BibliographyData) -> None:
    html = OxfordStyle().format_full_note(rules_bib.entries["review"]).render_as("html")
    assert "review of Angela Stent, <em>The Limits of Partnership</em> (Princeton:" in html
    assert "in <em>International Affairs</em>, 91/1 (2015)" in html


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("74", "p. 74"),
        ("69-79", "pp. 69–79"),
        ("69--79", "pp. 69–79"),
        ("69–79", "pp. 69–79"),
        ("74, 76", "pp. 74, 76"),
        ("xii", "p. xii"),
        ("p. 3", "p. 3"),
        ("pp. 3-5", "pp. 3–5"),
        ("ch. 2", "ch. 2"),
        ("n. 4", "n. 4"),
        ("74 n. 3", "74 n. 3"),
    ],
)
def test_locator(written: str, printed: str) -> None:
    assert rules.locator(written) == printed


@pytest.mark.parametrize(
    ("number", "issue"), [("4/5", "4--5"), ("4-5", "4--5"), ("4--5", "4--5"), ("3", "3")]
)
def test_double_issue(number: str, issue: str) -> None:
    assert rules.issue_number(number) == issue


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Special Providence: American Foreign Policy", "Special Providence"),
        ("Changing Aid Regimes? US Foreign Aid", "Changing Aid Regimes?"),
        ("US Withdraws from ABM Treaty; Global Response Muted", "US Withdraws from ABM Treaty"),
        # a short title is a sense unit: never a count of words, which stops mid-phrase
        (
            "Quantitative Analysis of Culture Using Millions of Digitized Books",
            "Quantitative Analysis of Culture Using Millions of Digitized Books",
        ),
        (
            "The Collective Security Treaty Organization, the Shanghai Cooperation "
            "Organization, and Russia's Strategic Goals in Central Asia",
            "The Collective Security Treaty Organization, the Shanghai Cooperation "
            "Organization, and Russia's Strategic Goals in Central Asia",
        ),
        ("Evolution — Its Course", "Evolution"),
        ("Title: ", "Title"),
    ],
)
def test_short_title(title: str, short: str) -> None:
    assert title[: rules.short_title_end(title)] == short


@pytest.mark.parametrize(
    ("field", "names"),
    [
        (r"Angela Stent, \textit{The Limits}", "Angela Stent"),
        (r"Ann Lee and {Ma, Jr.}, Bo, \textit{T}", "Ann Lee and {Ma, Jr.}"),
        (r"\textit{The Limits}, by Angela Stent", None),
        ("No names here", None),
    ],
)
def test_reviewed_authors(field: str, names: str | None) -> None:
    assert rules.reviewed_authors(field) == names


def test_titles_are_marked_up(bib: BibliographyData) -> None:
    style = OxfordStyle()
    book = style.format_full_note(bib.entries["mead2001"]).render_as("html")
    assert "<em>Special Providence: American Foreign Policy</em>" in book
    article = style.format_full_note(bib.entries["stent2002"]).render_as("html")
    assert "<em>Survival</em>" in article and "‘America" in article


def test_full_note_without_locator_keeps_the_page_range(bib: BibliographyData) -> None:
    note = OxfordStyle().format_full_note(bib.entries["stent2002"]).render_as("text")
    assert note.endswith("(2002), 121–34")


def test_ibid() -> None:
    style = OxfordStyle()
    assert style.format_ibid().render_as("text") == "Ibid."
    assert style.format_ibid("p. 70").render_as("text") == "Ibid., p. 70"
    assert style.format_ibid(capital=False).render_as("text") == "ibid."


def test_bibliography_sorted_by_surname_without_number_labels(bib: BibliographyData) -> None:
    style = OxfordStyle()
    formatted = list(style.format_entries(bib.entries.values()))
    assert [e.key for e in formatted] == [
        "aron2006", "baylis2013", "braun2008", "cohen2004",
        "kanet2016", "mead2001", "many2020", "stent2002",
    ]  # fmt: skip
    labels = [e.label for e in formatted]
    assert "Mead 2001" in labels and not any(label.isdigit() for label in labels)


def test_registered_as_pybtex_entry_point() -> None:
    assert find_plugin("pybtex.style.formatting", "oxford") is OxfordStyle


def test_style_resolved_once_per_build() -> None:
    """The style is looked up once per build (the ``styles`` step), then handed out by the
    book, and pybtex's registry of plugins (shared by every build of the process) is left
    alone."""
    book = Book()
    env = cast(
        "BuildEnvironment",
        SimpleNamespace(
            config=SimpleNamespace(bibtex_default_style="oxford"),
            get_domain=lambda name: (
                SimpleNamespace(bibliographies={}) if name == "cite" else SimpleNamespace(book=book)
            ),
        ),
    )
    with mock.patch("pybtex.plugin.entry_points", wraps=importlib.metadata.entry_points) as scan:
        book.set(STYLES, resolve_styles(cast("Sphinx", None), env, get_view(env)))
        book.freeze()
        for _ in range(100):
            assert resolve_style(env, "oxford") is OxfordStyle
            OxfordStyle()
    assert scan.call_count == 1
    assert "oxford" not in pybtex.plugin._RUNTIME_PLUGINS.get("pybtex.style.formatting", {})


@pytest.mark.parametrize(
    "text",
    [
        Text("see Lo, Axis of Convenience"),
        Text(Tag("em", "long Cat"), ", p. 5"),
        Text("", Text(Tag("em", Text("ibid.", ", p. 4")))),
        Text(Protected("von Neumann"), " and others"),
        Text(Symbol("ndash"), "first"),
        Text(String(""), Text(String("")), "ßtraße"),
        Text(HRef("https://example.org", "here"), " again"),
        Text(),
    ],
)
def test_capfirst_as_pybtex_gives_it(text: Text) -> None:
    """The notes' own capitalisation gives what pybtex's ``capfirst`` gives: the same text,
    with the same italics, links and protected parts."""
    ours, pybtex_own = capfirst(text), text.capfirst()
    assert str(ours) == str(pybtex_own)
    assert ours.render(HTMLBackend()) == pybtex_own.render(HTMLBackend())
    assert segments(ours) == segments(pybtex_own)


@pytest.mark.parametrize(
    ("pages", "printed"),
    [
        ("547--568", "547–68"),
        ("196-197", "196–7"),
        ("176--182", "176–82"),
        ("11--15", "11–15"),
        ("13--17", "13–17"),
        ("113--117", "113–17"),
        ("100--104", "100–4"),
        ("121--134", "121–34"),
        ("1000--1010", "1000–10"),
        ("3--34", "3–34"),  # the numbers differ in length: both in full
        ("95--112", "95–112"),
        ("80--79", "80–79"),  # not a rising range: as written, for the reader to see
        ("xii--xv", "xii–xv"),
    ],
)
def test_page_ranges_shortened_as_nhr(pages: str, printed: str) -> None:
    """NHR 4.11.2: as few figures as the reader needs, the teens keeping two; in an
    article's extent and in a pinpoint alike."""
    assert rules.page_range(pages).replace("--", "–") == printed
    assert rules.locator(pages) == f"pp. {printed}"


CONTRACTIONS_BIB = r"""
@book{eds, editor = {A, Ann and B, Bob}, title = {T}, year = {2000}}
@book{ed, editor = {A, Ann}, title = {T}, year = {2000}}
@book{trans, author = {W, Wu}, translator = {T, Tom}, title = {T}, edition = {2},
  volumes = {3}, year = {2000}}
@book{vol, author = {W, Wu}, title = {T}, volume = {2}, year = {2000}}
@incollection{in, author = {W, Wu}, title = {C}, booktitle = {B}, editor = {A, Ann and B, Bob},
  year = {2000}}
"""


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("eds", "Ann A and Bob B (eds), T (2000)"),
        ("ed", "Ann A (ed.), T (2000)"),
        ("trans", "Wu W, T, trans Tom T, 3 vols (2nd edn, 2000)"),
        ("vol", "Wu W, T, vol. 2 (2000)"),
        ("in", "Wu W, ‘C’, in Ann A and Bob B (eds), B (2000)"),
    ],
)
def test_contractions_take_no_point(key: str, printed: str) -> None:
    """NHR 10.2.1: a contraction ("eds", "edn", "vols", and "trans" as the edition writes
    it) takes no full point; an abbreviation ("ed.", "vol.") keeps it."""
    entries = parse_string(CONTRACTIONS_BIB, "bibtex").entries
    assert OxfordStyle().format_full_note(entries[key]).render_as("text") == printed

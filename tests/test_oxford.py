"""The Oxford pybtex style: bibliography, full-note and short-note forms per entry type."""

from __future__ import annotations

import importlib.metadata
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast
from unittest import mock

import pybtex.plugin
import pytest
from pybtex.database import BibliographyData, parse_string
from pybtex.plugin import find_plugin
from sphinx_edition.notes import resolve_style
from sphinx_edition.oxford import OxfordStyle

if TYPE_CHECKING:
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
        "Survival, 44/4 (2002), 121–134.",
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
        "Roger E. Kanet (eds.), Shifting Priorities (London: Routledge, 2016), 95–112.",
        "Roger E. Kanet, ‘Presidential Elections and “Resets”’, in Rémi Piet and "
        "Roger E. Kanet (eds.), Shifting Priorities (London: Routledge, 2016), p. 5",
        "Kanet, ‘Presidential Elections and “Resets”’, p. 5",
    ),
    "baylis2013": (
        "Baylis, John, Steve Smith, and Patricia Owens (eds.), The Globalization of World "
        "Politics: An Introduction (6th edn, Oxford: Oxford University Press, 2013).",
        "John Baylis, Steve Smith, and Patricia Owens (eds.), The Globalization of World "
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


def test_titles_are_marked_up(bib: BibliographyData) -> None:
    style = OxfordStyle()
    book = style.format_full_note(bib.entries["mead2001"]).render_as("html")
    assert "<em>Special Providence: American Foreign Policy</em>" in book
    article = style.format_full_note(bib.entries["stent2002"]).render_as("html")
    assert "<em>Survival</em>" in article and "‘America" in article


def test_full_note_without_locator_keeps_the_page_range(bib: BibliographyData) -> None:
    note = OxfordStyle().format_full_note(bib.entries["stent2002"]).render_as("text")
    assert note.endswith("(2002), 121–134")


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
    """The style is looked up once per build, kept on the domain, and pybtex's registry of
    plugins (shared by every build of the process) is left alone."""
    domain = SimpleNamespace(styles={})
    env = cast("BuildEnvironment", SimpleNamespace(get_domain=lambda name: domain))
    with mock.patch("pybtex.plugin.entry_points", wraps=importlib.metadata.entry_points) as scan:
        for _ in range(100):
            assert resolve_style(env, "oxford") is OxfordStyle
            OxfordStyle()
    assert scan.call_count == 1
    assert "oxford" not in pybtex.plugin._RUNTIME_PLUGINS.get("pybtex.style.formatting", {})

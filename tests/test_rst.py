"""A book written in reStructuredText only (``tests/roots/test-rst``) uses every directive and
role of the extension, and builds in html, epub, latex and text with ``-W -n``."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_edition, epubcheck_problems

Build = Callable[[str], Path]

#: The notes of the book, numbered through it: (page, number, text the note starts with).
NOTES = [
    (
        "rivals",
        1,
        "Keith Eubank, ‘The Fashoda Crisis Re-examined’, The Historian, 22/2 (1960), p. 146.",
    ),
    ("rivals", 2, "See ibid., p. 150."),
    ("rivals", 3, "Christopher Andrew, Théophile Delcassé and the Making of the Entente Cordiale"),
    ("rivals", 4, "Ibid., p. 210."),
    ("partners", 5, "Zara S. Steiner, Britain and the Origins of the First World War"),
    ("partners", 6, "Ibid."),
    ("partners", 7, "Andrew, Théophile Delcassé and the Making of the Entente Cordiale."),
]
#: The titles the notes print in italics.
ITALICS = (
    "The Historian",
    "Théophile Delcassé and the Making of the Entente Cordiale",
    "Britain and the Origins of the First World War",
)
PERIODS = {
    "rivals": "Imperial rivals",
    "settlement": "The settlement of 1904",
    "partners": "Partners",
}
EVENTS = {
    "1898-09-18-kitchener-meets-marchand-at-fashoda": "Kitchener meets Marchand at Fashoda",
    "royal-visit": "Edward VII in Paris",
    "1906-01-16-the-algeciras-conference-opens": "The Algeciras conference opens",
}
THEMES = {"colonies": "Colonial rivalry", "navies": "Naval power", "germany": "The German question"}
#: The editorial notes, numbered through the book: (page, anchor, number, sic, corr).
EDITORIALS = [
    ("rivals", "signed-in-london", 1, "in Paris", "in London"),
    ("partners", "editorial-partners-1", 2, "of 1908", "of 1907"),
]
#: The rows of the interventions table, in text order: (page, anchor, where), and the
#: reference whose delivered form differs (its anchor is sphinxcontrib-bibtex's).
INTERVENTIONS = [
    ("rivals", "notecite-1", "note 1"),
    ("rivals", "notecite-4", "note 4"),
    ("rivals", "signed-in-london", "E1"),
    ("partners", "editorial-partners-1", "E2"),
    ("references", "", "Andrew 1968"),
]
#: The delivered notes (``delivered-notes.json``) and reference (``x-delivered``).
DELIVERED = {
    1: 'Eubank, Keith. "The Fashoda Crisis Re-examined." The Historian 22 (1960): 146.',
    4: "Ibid., 210.",
    7: "Andrew, Théophile Delcassé and the Making of the Entente Cordiale.",
}
DELIVERED_REFERENCE = (
    "Andrew, Christopher. Théophile Delcassé and the making of the Entente Cordiale. "
    "London: Macmillan, 1967."
)


@pytest.fixture(scope="module")
def built(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Build the book once per builder, the way ``nox`` builds the edition (``-W -n``)."""
    base = tmp_path_factory.mktemp("rst")
    srcdir = base / "book"
    shutil.copytree(rootdir / "test-rst", srcdir)
    outputs: dict[str, Path] = {}

    def build(builder: str) -> Path:
        if builder not in outputs:
            out = base / builder
            result = build_edition(builder, out, base / f"doctrees-{builder}", srcdir=srcdir)
            assert result.returncode == 0, f"{builder}:\n{result.stdout}\n{result.stderr}"
            assert result.stderr.strip() == "", f"{builder} warned:\n{result.stderr}"
            outputs[builder] = out
        return outputs[builder]

    return build


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _text(node: object) -> str:
    """The text of *node*, its runs of white space as one space."""
    assert node is not None
    return " ".join(node.get_text().split())  # type: ignore[attr-defined]


def test_the_book_is_restructuredtext_only(rootdir: Path) -> None:
    root = rootdir / "test-rst"
    assert not list(root.glob("*.md"))
    assert "myst_parser" not in (root / "conf.py").read_text(encoding="utf-8")
    source = "".join(p.read_text(encoding="utf-8") for p in root.glob("*.rst"))
    directives = ("period", "event", "theme", "timeline", "themeindex", "bibliography")
    for directive in (*directives, "editorial", "interventions", "apparatus"):
        assert f".. {directive}::" in source, directive
    assert "   :sic: " in source and "   :corr: " in source
    for role in ("notecite", "theme", "edition:period", "edition:event", "edition:theme"):
        assert f":{role}:`" in source, role


@pytest.mark.parametrize("builder", ["html", "epub", "latex", "text"])
def test_builds_without_a_warning(built: Build, builder: str) -> None:
    built(builder)


@pytest.mark.parametrize(("builder", "suffix"), [("html", ".html"), ("epub", ".xhtml")])
def test_html_and_epub_pages(built: Build, builder: str, suffix: str) -> None:
    out = built(builder)
    pages = {name: _soup(out / f"{name}{suffix}") for name in ("rivals", "partners")}

    # notes: numbered through the book, in their Oxford forms, each linked from its mark
    for page, number, start in NOTES:
        soup = pages[page]
        note = soup.find(id=f"notecite-{number}")
        assert note is not None, (page, number)
        assert _text(note.find("p")).startswith(start), _text(note)
        assert soup.select_one(f'a.footnote-reference[href="#notecite-{number}"]') is not None
    # banners, with the sub-period inside its period
    for anchor, title in PERIODS.items():
        page = pages["partners" if anchor == "partners" else "rivals"]
        banner = page.find(id=f"period-{anchor}")
        assert banner is not None and "edition-period" in banner["class"], anchor
        assert title in _text(banner)
    assert "Sub-period" in _text(pages["rivals"].find(id="period-settlement"))
    assert "within Imperial rivals" in _text(pages["rivals"].find(id="period-settlement"))
    # event markers, one with its own :id: and a body
    for anchor, title in EVENTS.items():
        page = pages["partners" if anchor.startswith("1906") else "rivals"]
        marker = page.find(id=f"event-{anchor}")
        assert marker is not None and title in _text(marker), anchor
    assert "changed the mood" in _text(pages["rivals"].find(id="event-royal-visit"))
    # theme passages (directive) and tagged paragraphs (role) carry their chips
    assert len(pages["rivals"].select(".edition-theme-passage")) == 1
    chips = [_text(c) for c in pages["rivals"].select(".edition-theme-chips")]
    assert chips == [
        "Theme: Colonial rivalry",
        "Themes: Colonial rivalry, The German question",
    ]
    # the cross-reference roles
    rivals = pages["rivals"]
    assert rivals.select_one('p a[href="#period-rivals"]') is not None
    assert rivals.select_one('p a[href="#event-royal-visit"]') is not None
    assert rivals.select_one(f'p a[href="themes{suffix}#theme-colonies"]') is not None
    assert pages["partners"].select_one('p a[href="#period-partners"]') is not None

    timeline = _soup(out / f"timeline{suffix}")
    figures = timeline.select("svg")
    assert len(figures) == 2
    assert "Kitchener meets Marchand at Fashoda" in _text(figures[0])
    assert "Algeciras" in _text(figures[0])
    assert "Algeciras" not in _text(figures[1])  # :to: and :periods: narrow the second

    themes = _soup(out / f"themes{suffix}")
    for theme, label in THEMES.items():
        assert themes.find(id=f"theme-{theme}") is not None, theme
        assert label in _text(themes)
    assert "Passages per theme and period" in _text(themes)

    references_page = _soup(out / f"references{suffix}")
    references = _text(references_page)
    order = [references.find(name) for name in ("Andrew, Christopher", "Eubank", "Steiner")]
    assert -1 not in order and order == sorted(order)
    assert "[1]" not in references

    # editorial notes: numbered through the book, their reading first
    for page, anchor, number, sic, corr in EDITORIALS:
        note = pages[page].find(id=anchor)
        assert note is not None and note.name == "aside", anchor
        assert "edition-editorial" in note["class"]
        assert _text(note).startswith(
            f"Editorial note E{number} As delivered: ‘{sic}’ — read: ‘{corr}’"
        )
    # the delivered readings, beside the notes and the entry that differ: to unfold in
    # HTML, one line in the ePub
    delivered = "details.edition-delivered" if builder == "html" else "p.edition-delivered"
    readings = [" ".join(d.get_text(" ").split()) for d in pages["rivals"].select(delivered)]
    assert readings == [f"As delivered{':' * (builder == 'epub')} {DELIVERED[n]}" for n in (1, 4)]
    assert pages["rivals"].find(id="notecite-1").select_one(delivered) is not None
    assert not pages["partners"].select(delivered)  # note 7 is printed as delivered
    (entry,) = references_page.select(delivered)
    assert DELIVERED_REFERENCE in _text(entry)

    apparatus = _soup(out / f"apparatus{suffix}")
    table = apparatus.select_one("table.edition-interventions")
    assert table is not None
    # the rows of interventions: not the headings of their groups, nor a row continued
    rows = [
        row
        for row in table.select("tbody tr")
        if "edition-group" not in row.get("class", []) and _text(row.find("td"))
    ]
    assert [_text(row.find("td")) for row in rows] == [where for _p, _a, where in INTERVENTIONS]
    # each row links to its place: a note to its mark, an editorial note to itself
    for row, (page, anchor, _where) in zip(rows, INTERVENTIONS, strict=True):
        href = row.find("td").find("a")["href"]
        assert href.startswith(f"{page}{suffix}#"), href
        if page == "references":
            continue
        target = pages[page].find(id=href.partition("#")[2])
        if anchor.startswith("notecite-"):
            assert target["href"] == f"#{anchor}", href  # the note's mark
        else:
            assert target["id"] == anchor, href
    assert "pinpoint: 146 → p. 146" in _text(rows[0])
    assert "Editorial note: Lansdowne and Paul Cambon" in _text(rows[2])
    assert "in Paris" in _text(rows[2]) and "in London" in _text(rows[2])
    assert "year changed" in _text(rows[4])
    # the capitals of its title, a rule of the edition, are said once above the table
    assert "the capitals of a title are the only change to it: Andrew 1968" in _text(apparatus)
    (evidence,) = table.select("tr.edition-evidence")
    assert evidence.find_previous_sibling("tr") is rows[4]
    assert "Evidence Year: 1968" in _text(evidence)
    items = {
        _text(term): _text(term.find_next_sibling("dd"))
        for term in apparatus.select(".edition-apparatus dt")
    }
    assert list(items) == [*(f"note {n}" for n in DELIVERED), "Andrew 1968"]
    for number, reading in DELIVERED.items():
        assert items[f"note {number}"].startswith(f"As delivered: {reading}"), number
    assert items["note 7"].endswith("The edition prints it as delivered.")
    assert items["Andrew 1968"].startswith(f"As delivered: {DELIVERED_REFERENCE}")


def test_epub_passes_epubcheck(built: Build) -> None:
    out = built("epub")
    (epub,) = out.glob("*.epub")
    assert epubcheck_problems(epub) == []


def test_latex(built: Build) -> None:
    out = built("latex")
    tex = (out / "entente.tex").read_text(encoding="utf-8")
    assert r"\usepackage{editionnotes}" in tex
    assert (out / "editionnotes.sty").is_file()
    numbers = [int(n) for n in re.findall(r"\\begin\{footnote\}\[(\d+)\]", tex)]
    assert numbers == list(range(1, 8))
    assert r"Keith Eubank, ‘The Fashoda Crisis Re\sphinxhyphen{}examined’" in tex
    assert r"{Ibid., p. 210.}" in tex
    for title in PERIODS.values():
        assert title in tex
    for title in EVENTS.values():
        assert title in tex
    assert r"\hyperref[\detokenize{rivals:period-rivals}]" in tex
    assert r"\hyperref[\detokenize{rivals:event-royal-visit}]" in tex
    assert r"\hyperref[\detokenize{themes:theme-colonies}]" in tex
    assert tex.count(r"\begin{tikzpicture}") == 2
    assert "Passages per theme and period" in tex
    assert "Steiner, Zara S." in tex
    for page, anchor, number, sic, corr in EDITORIALS:
        assert (
            rf"\label{{\detokenize{{{page}:{anchor}}}}}"
            rf"\begin{{sphinxadmonition}}{{note}}{{Editorial note E{number}}}"
        ) in tex
        reading = rf"\sphinxstyleemphasis{{As delivered:}} ‘{sic}’ — "
        assert reading + rf"\sphinxstyleemphasis{{read:}} ‘{corr}’" in tex
    # the PDF's notes cannot unfold: the delivered readings are in the apparatus only
    body, apparatus = tex.split(r"\section{The notes and references as delivered}")
    assert "As delivered: Eubank" not in body
    assert r"\begin{longtable}{\X{15}{100}\X{33}{100}\X{26}{100}\X{26}{100}}" in body
    # a note by its number and page, an editorial note or a work by its label
    where = [
        rf"note \hyperref[\detokenize{{{page}:{anchor}}}]{{{label.split()[1]}}} "
        rf"(p.~\pageref*{{\detokenize{{{page}:{anchor}}}}})"
        if label.startswith("note ")
        else rf"\hyperref[\detokenize{{{page}:{anchor}}}]{{\sphinxcrossref{{{label}}}}}"
        if anchor
        else rf"\hyperref[\detokenize{{{page}::doc}}]{{\sphinxcrossref{{{label}}}}}"
        for page, anchor, label in INTERVENTIONS
    ]
    positions = [body.find(link) for link in where]
    assert -1 not in positions and positions == sorted(positions), where
    assert "As delivered: Ibid., 210." in apparatus
    assert "London: Macmillan, 1967." in apparatus
    assert r"note \hyperref[\detokenize{partners:notecite-7}]{7} (p.~\pageref*" in apparatus


def test_text(built: Build) -> None:
    out = built("text")
    rivals = (out / "rivals.txt").read_text(encoding="utf-8")
    partners = (out / "partners.txt").read_text(encoding="utf-8")
    notes = " ".join((rivals + partners).split())
    for _page, number, start in NOTES:
        plain = start
        for title in ITALICS:
            plain = plain.replace(title, f"*{title}*")
        assert f"[{number}] {plain}" in notes, number
    assert "Period **Imperial rivals** 1898 – April 1904" in rivals
    assert "Sub-period **The settlement of 1904**" in rivals
    assert "18 September 1898 **Kitchener meets Marchand at Fashoda** (tension)" in rivals
    assert "[Themes: Colonial rivalry, The German question]" in " ".join(rivals.split())
    timeline = (out / "timeline.txt").read_text(encoding="utf-8")
    assert "Periods and events, 1898–1914" in timeline
    assert "Periods and events, 1898–1904" in timeline
    themes = (out / "themes.txt").read_text(encoding="utf-8")
    assert "Fleets, bases and the arms race at sea." in themes
    assert "Naval power only" in themes
    for page, _anchor, number, sic, corr in EDITORIALS:
        text = (out / f"{page}.txt").read_text(encoding="utf-8")
        assert f"Editorial note E{number}:\n\n   *As delivered:* ‘{sic}’ — *read:* ‘{corr}’" in text
    assert f"As delivered: {DELIVERED[1].replace('The Historian', '*The Historian*')}" in notes
    apparatus = (out / "apparatus.txt").read_text(encoding="utf-8")
    cells = [line.split("|")[1].strip() for line in apparatus.splitlines() if line.startswith("| ")]
    groups = ["**From Fashoda to the Entente**", "**Partners against Germany**", "**References**"]
    labels = [c for c in cells if c and c not in groups]
    assert labels == ["Where", *(where for _p, _a, where in INTERVENTIONS)]
    assert [c for c in cells if c in groups] == groups
    flat = " ".join(apparatus.split())
    assert "The notes as delivered" in flat and "The references as delivered" in flat
    assert "note 4 As delivered: Ibid., 210. The edition: Ibid., p. 210." in flat
    title = "Théophile Delcassé and the making of the Entente Cordiale"
    assert f"As delivered: {DELIVERED_REFERENCE.replace(title, f'*{title}*')}" in flat

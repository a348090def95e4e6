"""Themes: the ``theme`` directive and role, ``themeindex``, in every output format."""

from __future__ import annotations

import pickle
import re
import runpy
import shutil
from pathlib import Path
from typing import TYPE_CHECKING
from zipfile import ZipFile

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import DOCS
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.themes import PASSAGE_CLASS, make_excerpt, split_ids, theme_chips

if TYPE_CHECKING:
    from collections.abc import Callable

ROOTS = Path(__file__).resolve().parent / "roots"

#: The passages of tests/roots/test-themes, by anchor.
BOTH = "one.html#passage-2"  # tagged with arms and nato by the directive


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _theme_lists(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Theme label -> hrefs of its passages, read from a themeindex page."""
    lists: dict[str, list[str]] = {}
    for rubric in soup.select("p.edition-themeindex-theme"):
        items = rubric.find_next_sibling("ul")
        assert isinstance(items, Tag)
        lists[rubric.get_text()] = [str(a["href"]) for a in items.select("li > p > a")]
    return lists


def _table(soup: BeautifulSoup) -> list[list[str]]:
    table = soup.select_one("table.edition-themeindex-table")
    assert table is not None
    return [
        [cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tr")
    ]


# -- pure helpers -----------------------------------------------------------------------------


def test_excerpt_is_cut_at_a_word_boundary() -> None:
    text = "The first strategic arms treaty cut warheads by a third after long talks."
    excerpt = make_excerpt(text, 40)
    assert excerpt == "The first strategic arms treaty cut…"
    assert len(excerpt) <= 40
    assert text.startswith(excerpt[:-1])
    # A cut after a comma does not keep the comma before the ellipsis.
    assert make_excerpt("Moscow, Washington, Beijing and Delhi talked", 20) == "Moscow, Washington…"
    # Short text is kept whole, with its spaces normalised.
    assert make_excerpt("  Short   text. ", 40) == "Short text."
    # One word longer than the limit is still a word, not a fragment.
    assert make_excerpt("Supercalifragilistic rest", 10) == "Supercalifragilistic…"


def test_ids_split_on_spaces_and_commas() -> None:
    assert split_ids(" arms, nato  aid,arms ") == ["arms", "nato", "aid"]
    assert split_ids("   ") == []


# -- HTML -------------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="themes", freshenv=True)
def test_html_index_lists_every_passage_under_each_of_its_themes(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    soup = _soup(app.outdir / "themes.html")
    lists = _theme_lists(soup)
    assert lists == {
        "Arms control": ["one.html#passage-1", BOTH, "one.html#passage-4"],
        "NATO enlargement": [BOTH, "one.html#passage-3"],
        "Economic aid": ["one.html#passage-4", "two.html#passage-1"],
    }
    # Label, description and count of each theme.
    assert "The alliance moves east." in soup.get_text()
    counts = [p.get_text() for p in soup.select("p.edition-themeindex-count")]
    assert counts == ["Passages: 3", "Passages: 2", "Passages: 2"]
    # Excerpt, chapter, section and period of a passage.
    item = soup.select("ul.edition-themeindex-passages")[0].select("li")[2]
    assert item.select_one(".edition-themeindex-excerpt").get_text() == (
        "Aid flowed while talks on warheads went…"
    )
    assert item.select_one(".edition-themeindex-where").get_text() == (" — Chapter one; Late years")
    link = item.select_one("a")
    assert link is not None
    assert link["title"] == "Second section"  # the section is the link's title
    # The {edition:theme} cross-reference resolves to the theme's entry.
    xref = soup.select_one("section > p > a")
    assert xref is not None
    assert xref["href"] == "#theme-nato"
    assert soup.find(id="theme-nato") is not None


@pytest.mark.sphinx("html", testroot="themes", freshenv=True)
def test_html_table_counts_passages_per_theme_and_period(app: SphinxTestApp) -> None:
    app.build()
    soup = _soup(app.outdir / "themes.html")
    assert _table(soup) == [
        ["Theme", "Early years", "Late years", "No period", "Total"],
        ["Arms control", "2", "1", "0", "3"],
        ["NATO enlargement", "1", "1", "0", "2"],
        ["Economic aid", "0", "1", "1", "2"],
    ]
    # Every non-zero count links to the first of its passages in the theme's list.
    table = soup.select_one("table.edition-themeindex-table")
    assert table is not None
    links = {a.get_text(): str(a["href"]) for a in table.select("td a") if a.get_text().isdigit()}
    assert links["2"] == "#theme-arms--early"
    for href in (str(a["href"]) for a in table.select("td a")):
        target = soup.find(id=href[1:])
        assert target is not None, href
    first_early_arms = soup.find(id="theme-arms--early")
    assert first_early_arms is not None
    anchor = first_early_arms.find_next_sibling("a")
    assert anchor is not None
    assert anchor["href"] == "one.html#passage-1"


@pytest.mark.sphinx("html", testroot="themes-periods", freshenv=True)
def test_passages_take_the_period_of_their_section(app: SphinxTestApp) -> None:
    """With the real ``period`` directive: a subsection's period is its passages' period."""
    app.build()
    assert app.warning.getvalue() == ""
    soup = _soup(app.outdir / "themes.html")
    assert _table(soup) == [
        ["Theme", "The Yeltsin years", "Enlargement debates", "Total"],
        ["Arms control", "1", "1", "2"],
        ["NATO enlargement", "0", "1", "1"],
    ]
    where = [w.get_text() for w in soup.select(".edition-themeindex-where")]
    assert where == [
        " — The nineties; The Yeltsin years",
        " — The nineties; Enlargement debates",
        " — The nineties; Enlargement debates",
    ]


@pytest.mark.sphinx("html", testroot="themes", freshenv=True)
def test_html_passages_keep_their_text_and_show_chips(app: SphinxTestApp) -> None:
    app.build()
    soup = _soup(app.outdir / "one.html")
    passage = soup.find(id="passage-2")
    assert passage is not None
    para = passage.parent
    assert para is not None
    assert para.get_text().startswith("Both arms control and the alliance meet in this passage.")
    chips = para.select("a.edition-theme-chip")
    assert [(a.get_text(), a["href"]) for a in chips] == [
        ("Arms control", "themes.html#theme-arms"),
        ("NATO enlargement", "themes.html#theme-nato"),
    ]
    assert "edition-theme-passage" in (para.parent.get("class") or [])
    # The role's chips stand where the role stands.
    role_para = soup.find(id="passage-3")
    assert role_para is not None
    assert role_para.parent.get_text().startswith("Poland joined the alliance.")
    assert soup.select_one('link[href^="_static/themes.css"]') is not None
    assert (app.outdir / "_static" / "themes.css").is_file()


# -- LaTeX ------------------------------------------------------------------------------------


@pytest.mark.sphinx("latex", testroot="themes", freshenv=True)
def test_latex_links_become_page_references(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "themestest.tex").read_text(encoding="utf-8")
    # Every passage is a label, and the index gives its page.
    assert r"\label{\detokenize{one:passage-2}}Both" in tex
    index = tex[tex.index(r"\label{\detokenize{themes:theme-arms}}") :]
    assert index.count(r"\autopageref*{\detokenize{one:passage-2}}") == 2  # arms and nato
    assert r"{\hyperref[\detokenize{one:passage-1}]" in index
    # The chips are a margin note (editionnotes.sty) linking to the index entries.
    assert (
        r"\editionthemes{Themes:}{"
        r"{\hyperref[\detokenize{themes:theme-arms}]{\sphinxcrossref{Arms control}}}"
    ) in tex
    # The table: the counts, each linked to its theme × period anchor.
    assert r"{\hyperref[\detokenize{themes:theme-arms--early}]{\sphinxcrossref{2}}}" in tex
    assert r"\phantomsection\label{\detokenize{themes:theme-arms--early}}" in tex
    assert "Passages per theme and period" in tex


# -- ePub -------------------------------------------------------------------------------------


@pytest.mark.sphinx("epub", testroot="themes", freshenv=True)
def test_epub_has_the_index_chips_and_stylesheet(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    epub = next(app.outdir.glob("*.epub"))
    with ZipFile(epub) as archive:
        names = archive.namelist()
        themes = archive.read("themes.xhtml").decode()
        one = archive.read("one.xhtml").decode()
    assert "_static/themes.css" in names
    soup = BeautifulSoup(themes, "html.parser")
    assert _theme_lists(soup)["NATO enlargement"] == ["one.xhtml#passage-2", "one.xhtml#passage-3"]
    assert _table(soup)[1] == ["Arms control", "2", "1", "0", "3"]
    assert 'href="themes.xhtml#theme-nato"' in one


# -- text -------------------------------------------------------------------------------------


@pytest.mark.sphinx("text", testroot="themes", freshenv=True)
def test_text_shows_themes_and_table(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    one = " ".join((app.outdir / "one.txt").read_text(encoding="utf-8").split())
    assert "in this passage.[1] [Themes: Arms control, NATO enlargement]" in one
    assert "Poland joined the alliance. [Theme: NATO enlargement]" in one
    index = (app.outdir / "themes.txt").read_text(encoding="utf-8")
    assert "* Both arms control and the alliance meet… — Chapter one; Early years" in index
    rows = [re.split(r"\s*\|\s*", line.strip("| ")) for line in index.splitlines()]
    assert ["Arms control", "2", "1", "0", "3"] in rows
    assert ["Economic aid", "0", "1", "1", "2"] in rows


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="themes-bad", freshenv=True)
def test_bad_input_is_a_located_warning_and_keeps_the_text(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    src = str(app.srcdir / "index.md")
    expected = [
        (3, "unknown theme 'nosuch' in theme role"),
        (5, "unknown theme 'bogus' in theme directive"),
        (9, "unknown theme 'nowhere' in theme directive"),
        (13, "theme directive 'arms' has no content"),
        (16, "theme role has no theme id"),
        (18, "unknown theme 'missing' in themeindex :themes:"),
        (22, "theme role outside a paragraph: nothing to tag"),
    ]
    for line, message in expected:
        assert re.search(
            rf"{re.escape(src)}:{line}: WARNING: {re.escape(message)}.*\[edition\.theme\]", warnings
        ), (line, message, warnings)
    assert "Traceback" not in warnings
    text = _soup(app.outdir / "index.html").get_text(" ")
    for words in (
        "A paragraph tagged with an unknown theme keeps its words.",
        "A passage with one known and one unknown theme.",
        "A passage whose only theme is unknown is still printed.",
        "An empty role stands here",
        "and the paragraph stays.",
    ):
        assert words in text
    # :themes: narrows the index to the known themes it names.
    soup = _soup(app.outdir / "index.html")
    assert _theme_lists(soup) == {"Arms control": ["#passage-1"]}


def test_bad_input_fails_under_w(tmp_path: Path) -> None:
    app = SphinxTestApp("html", srcdir=_copy("themes-bad", tmp_path / "src"), warningiserror=True)
    try:
        app.build()
        assert app.statuscode == 1
    finally:
        app.cleanup()


# -- incremental and parallel builds ----------------------------------------------------------


def _copy(root: str, dest: Path) -> Path:
    shutil.copytree(ROOTS / f"test-{root}", dest, ignore=shutil.ignore_patterns("_build"))
    return dest


def _build(srcdir: Path, builder: str = "html", **kwargs: object) -> SphinxTestApp:
    app = SphinxTestApp(builder, srcdir=srcdir, **kwargs)  # type: ignore[arg-type]
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def _edit(path: Path, change: Callable[[str], str]) -> None:
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before
    path.write_text(after, encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda s: s.replace("Poland joined the alliance.", "Hungary joined the alliance."),
            id="edit",
        ),
        pytest.param(lambda s: s + "\nA new loan was agreed. {theme}`aid`\n", id="add"),
        pytest.param(
            lambda s: s.replace("Poland joined the alliance. {theme}`nato`\n", ""), id="delete"
        ),
    ],
)
def test_incremental_build_updates_the_index(tmp_path: Path, change: Callable[[str], str]) -> None:
    src = _copy("themes", tmp_path / "src")
    _build(src)
    before = (src / "_build" / "html" / "themes.html").read_text(encoding="utf-8")
    _edit(src / "one.md", change)
    app = _build(src)  # same environment: only one.md is re-read
    after = (app.outdir / "themes.html").read_text(encoding="utf-8")
    assert after != before

    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = _build(clean_src, freshenv=True)
    assert after == (clean.outdir / "themes.html").read_text(encoding="utf-8")


def _many_chapters(src: Path, count: int = 8) -> None:
    """Enough documents for Sphinx to read and write in parallel (more than five)."""
    names = []
    for number in range(count):
        name = f"extra{number}"
        names.append(name)
        period = f":::{{test-period}} p{number}\n:title: Period {number}\n:::\n\n"
        (src / f"{name}.md").write_text(
            f"# Extra chapter {number}\n\n{period}"
            f"Arms were counted again in round {number} of the talks. {{theme}}`arms`\n\n"
            f":::{{theme}} nato aid\nRound {number} also spoke of loans and of the alliance.\n"
            ":::\n",
            encoding="utf-8",
        )
    _edit(src / "index.md", lambda s: s.replace("themes\n", "\n".join([*names, "themes"]) + "\n"))


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    outputs = []
    for jobs in (1, 2):
        src = _copy("themes", tmp_path / f"j{jobs}")
        _many_chapters(src)
        app = _build(src, parallel=jobs, freshenv=True)
        assert app.warning.getvalue() == ""
        outputs.append({p.name: p.read_bytes() for p in sorted(app.outdir.glob("*.html"))})
    serial, parallel = outputs
    assert serial.keys() == parallel.keys()
    for name in serial:
        assert serial[name] == parallel[name], name
    soup = BeautifulSoup(serial["themes.html"].decode(), "html.parser")
    assert len(_theme_lists(soup)["Arms control"]) == 3 + 8


# -- the edition ------------------------------------------------------------------------------

CHAPTERS = ("introduction", "first-decade", "putin-bush", "obama", "conclusion")


def _body_paragraphs(doctree: nodes.document) -> list[nodes.paragraph]:
    """Paragraphs of the running text: directly in a section, or in a theme passage."""

    def is_body(node: nodes.Node) -> bool:
        parent = node.parent
        if isinstance(parent, nodes.container) and PASSAGE_CLASS in parent["classes"]:
            parent = parent.parent
        return isinstance(parent, nodes.section)

    return [p for p in doctree.findall(nodes.paragraph) if is_body(p)]


def _is_tagged(paragraph: nodes.paragraph) -> bool:
    parent = paragraph.parent
    if isinstance(parent, nodes.container) and PASSAGE_CLASS in parent["classes"]:
        return True
    return any(chips.get("from_role") for chips in paragraph.findall(theme_chips))


@pytest.mark.slow
def test_edition_themes_cover_the_review(edition_html: Path) -> None:
    declared = runpy.run_path(str(DOCS / "conf.py"))["edition_themes"]
    assert len(declared) >= 8
    # Every declared theme has at least one passage in the thematic index.
    soup = _soup(edition_html / "themes.html")
    lists = _theme_lists(soup)
    labels = {k: (v if isinstance(v, str) else v["label"]) for k, v in declared.items()}
    for theme_id, label in labels.items():
        assert lists.get(label), f"theme {theme_id!r} has no passage"
    # At least 90 % of the body paragraphs of the review carry a theme.
    doctrees = edition_html.parent / "doctrees"
    total = tagged = 0
    untagged = []
    for chapter in CHAPTERS:
        with (doctrees / f"{chapter}.doctree").open("rb") as file:
            doctree = pickle.load(file)
        for paragraph in _body_paragraphs(doctree):
            total += 1
            if _is_tagged(paragraph):
                tagged += 1
            else:
                untagged.append(f"{chapter}: {paragraph.astext()[:60]}")
    assert total > 25
    coverage = tagged / total
    print(f"theme coverage: {tagged}/{total} = {coverage:.1%}")
    assert coverage >= 0.9, untagged

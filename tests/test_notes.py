"""The ``notecite`` role: numbering, Oxford forms, bibliography, bad input, rebuilds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx_edition.domain import CitationInfo
from sphinx_edition.notes import NotePart, decide_forms

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ROOTS = Path(__file__).resolve().parent / "roots"

MEAD = "Special Providence: American Foreign Policy and How It Changed the World"
LEGVOLD = "‘Managing the New Cold War: What Moscow and Washington Can Learn from the Last One’"
KANET_SHORT = "Kanet, ‘Presidential Elections and “Resets” in US-Russian Relations’"
BRAUN = "NATO-Russia Relations in the Twenty-First Century"

#: (number, document, rule exercised, the note's text) for tests/roots/test-notes.
POSITION_RULES = [
    (
        1,
        "chapter1",
        "first citation, with pre-text",
        f"See Walter Russell Mead, {MEAD} (New York: Knopf, 2001), p. 69.",
    ),
    (2, "chapter1", "ibid, same locator", "Ibid."),
    (3, "chapter1", "ibid, new locator", "Ibid., p. 70."),
    (
        4,
        "chapter1",
        "first citation of an article",
        f"Robert Legvold, {LEGVOLD}, Foreign Affairs, 93/4 (2014), p. 75.",
    ),
    (
        5,
        "chapter1",
        "first citation of a chapter in a book",
        "Roger E. Kanet, ‘Presidential Elections and “Resets” in US-Russian Relations’, in "
        "Rémi Piet and Roger E. Kanet (eds), Shifting Priorities in Russia’s Foreign and "
        "Security Policy (London: Routledge, 2016), 95–112.",
    ),
    (
        6,
        "chapter1",
        "multi-work note: short then first (edited book)",
        f"{KANET_SHORT}, p. 96; Aurel Braun (ed.), {BRAUN} (London: Routledge, 2008).",
    ),
    (7, "chapter1", "no ibid after a multi-work note", f"Braun, {BRAUN}, p. 4."),
    (8, "chapter1", "no ibid after an ordinary footnote", f"Braun, {BRAUN}, p. 4."),
    (
        9,
        "chapter1",
        "first citation of a report",
        "Thomas E. Graham, US-Russia Relations: Facing Reality Pragmatically (Washington, DC: "
        "Center for Strategic and International Studies, 2008).",
    ),
    (10, "chapter1", "ibid with locator, side by side", "Ibid., p. 2."),
    (11, "chapter1", "subsequent: short form", "Legvold, ‘Managing the New Cold War’."),
    (12, "chapter2", "no ibid at the top of a page", "Legvold, ‘Managing the New Cold War’."),
    (13, "chapter2", "ibid on the same page", "Ibid., p. 80."),
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_notes(path: Path) -> dict[int, str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    notes = {}
    for aside in soup.select("aside.edition-note"):
        number = int(aside["id"].removeprefix("notecite-"))
        assert aside.select_one(".label").get_text(strip=True).strip("[]") == str(number)
        notes[number] = _squash(aside.select_one("p").get_text())
    return notes


def _detex(text: str) -> str:
    # \editionibid{prev}{this}{Ibid. form}{short form}: the form of same-page notes
    text = re.sub(
        r"\\editionibid\{[^{}]*\{[^{}]*\}\}\{[^{}]*\{[^{}]*\}\}\{([^{}]*)\}\{.*\}$",
        r"\1",
        text,
    )
    text = text.replace(r"\sphinxhyphen{}", "-").replace(r"\textendash{}", "–")
    text = re.sub(r"\\sphinxstyleemphasis\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\label\{[^{}]*(\{[^{}]*\})?\}", "", text)
    return _squash(text)


def latex_notes(tex: str) -> dict[int, str]:
    pattern = re.compile(
        r"\\begin\{footnote\}\[(\d+)\]\\sphinxAtStartFootnote\n(.*?)\n%?\n?\\end\{footnote\}",
        re.DOTALL,
    )
    return {
        int(m.group(1)): _detex(m.group(2))
        for m in pattern.finditer(tex)
        if "notecite" in m.group(2)
    }


def _check_table(notes: dict[int, str], where: dict[int, str] | None = None) -> None:
    assert sorted(notes) == [row[0] for row in POSITION_RULES]
    for number, docname, rule, text in POSITION_RULES:
        assert notes[number] == text, f"note {number} ({rule})"
        if where is not None:
            assert where[number] == docname, f"note {number} in {where[number]}"


# -- the rules, without Sphinx ------------------------------------------------------------


def _cit(
    keys: str, doc: str = "a", post: str = "", *, after_footnote: bool = False
) -> CitationInfo:
    ks = tuple(keys.split(","))
    posts = tuple([post] + [""] * (len(ks) - 1))
    return CitationInfo(ks, ("",) * len(ks), posts, doc, 1, "", 0, after_footnote, keys)


@pytest.mark.parametrize(
    ("citations", "forms"),
    [
        ([_cit("x"), _cit("x")], ["full", "ibid"]),
        ([_cit("x"), _cit("y"), _cit("x")], ["full", "full", "short"]),
        ([_cit("x"), _cit("x", doc="b")], ["full", "short"]),
        ([_cit("x,y"), _cit("y")], ["full+full", "short"]),
        ([_cit("x"), _cit("x,y")], ["full", "short+full"]),
        ([_cit("x"), _cit("x", after_footnote=True)], ["full", "short"]),
        ([_cit("x"), _cit("nokey"), _cit("x")], ["full", "raw", "short"]),
        (
            [_cit("x", post="p. 1"), _cit("x", post="p. 1"), _cit("x", post="p. 2")],
            ["full", "ibid", "ibid"],
        ),
    ],
)
def test_decide_forms(citations: list[CitationInfo], forms: list[str]) -> None:
    decided, _undecided = decide_forms(citations, {"x", "y"})
    assert ["+".join(p.form for p in parts) for parts in decided] == forms


def test_ibid_locator_only_when_it_differs() -> None:
    cits = [_cit("x", post="p. 1"), _cit("x", post="p. 1"), _cit("x", post="p. 2")]
    decided, undecided = decide_forms(cits, {"x"})
    assert decided[1] == (NotePart("x", "ibid", ""),)
    assert decided[2] == (NotePart("x", "ibid", "p. 2"),)
    assert undecided == []


def test_ibid_without_locator_after_one_is_reported() -> None:
    decided, undecided = decide_forms([_cit("x", post="p. 1"), _cit("x")], {"x"})
    assert decided[1] == (NotePart("x", "ibid", ""),)
    assert [n for n, _why in undecided] == [2]


# -- the position rules in every output ---------------------------------------------------


@pytest.mark.sphinx("html", testroot="notes", freshenv=True)
def test_position_rules_html(app: Sphinx) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    notes: dict[int, str] = {}
    where: dict[int, str] = {}
    for doc in ("chapter1", "chapter2"):
        found = html_notes(app.outdir / f"{doc}.html")
        notes.update(found)
        where.update(dict.fromkeys(found, doc))
    _check_table(notes, where)
    html = (app.outdir / "chapter1.html").read_text(encoding="utf-8")
    # titles of books are italic, the note reference links to its note
    assert f"<em>{MEAD}</em>" in html
    assert 'href="#notecite-1"' in html
    # two notes side by side read as two
    assert re.search(
        r'10<span class="fn-bracket">\]</span></a><sup class="edition-note-sep">,</sup>'
        r'<a class="footnote-reference[^"]*" href="#notecite-11"',
        html,
    )
    # the ordinary footnote is still there, untouched
    assert "Not a citation." in html
    assert "notes.css" in html


@pytest.mark.sphinx("epub", testroot="notes", freshenv=True)
def test_position_rules_epub(app: Sphinx) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    notes: dict[int, str] = {}
    where: dict[int, str] = {}
    for doc in ("chapter1", "chapter2"):
        found = html_notes(app.outdir / f"{doc}.xhtml")
        notes.update(found)
        where.update(dict.fromkeys(found, doc))
    _check_table(notes, where)
    assert (app.outdir / "_static" / "notes.css").is_file()


@pytest.mark.sphinx("latex", testroot="notes", freshenv=True)
def test_position_rules_latex(app: Sphinx) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    tex = (app.outdir / "notes.tex").read_text(encoding="utf-8")
    _check_table(latex_notes(tex))
    # numbers are the book's, never restarted per chapter
    assert r"\begin{footnote}[12]" in tex
    assert r"\usepackage{editionnotes}" in tex
    assert (app.outdir / "editionnotes.sty").is_file()
    assert r"\end{footnote}\textsuperscript{,}%" in tex
    # an "Ibid." that LaTeX finds at the top of a printed page falls back to the short form
    assert (
        r"\editionibid{\detokenize{chapter2:notecite-12}}{\detokenize{chapter2:notecite-13}}"
        r"{Ibid., p. 80.}{Legvold, ‘Managing the New Cold War’, p. 80.}"
    ) in tex
    assert r"\RequirePackage{refcount}" in (app.outdir / "editionnotes.sty").read_text()


@pytest.mark.sphinx("text", testroot="notes", freshenv=True)
def test_text_builder(app: Sphinx) -> None:
    app.build()
    text = (app.outdir / "chapter2.txt").read_text(encoding="utf-8")
    assert "[12] Legvold, ‘Managing the New Cold War’." in text
    assert "[13] Ibid., p. 80." in text


# -- the bibliography ---------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="notes", freshenv=True)
def test_bibliography_html(app: Sphinx) -> None:
    app.build()
    soup = BeautifulSoup((app.outdir / "references.html").read_text("utf-8"), "html.parser")
    entries = soup.select(".edition-bibliography p.edition-bibentry")
    texts = [_squash(e.get_text()) for e in entries]
    assert [t.split(",")[0] for t in texts] == [
        "Braun",
        "Graham",
        "Kanet",
        "Legvold",
        "Mead",
        "Zed",
    ]
    assert texts[4] == (
        f"Mead, Walter Russell, {MEAD} (New York: Knopf, 2001). Cited in notes 1, 2, 3."
    )
    assert texts[5] == "Zed, Zoe, A Book Nobody Cites (Nowhere: Nobody, 1999)."
    assert not soup.select(".citation") and "[1]" not in soup.get_text()
    links = [a["href"] for a in entries[3].select("a.edition-note-backref")]
    assert links == [
        "chapter1.html#notecite-4",
        "chapter1.html#notecite-11",
        "chapter2.html#notecite-12",
        "chapter2.html#notecite-13",
    ]


@pytest.mark.sphinx("latex", testroot="notes", freshenv=True)
def test_bibliography_latex_in_place(app: Sphinx) -> None:
    app.build()
    tex = (app.outdir / "notes.tex").read_text(encoding="utf-8")
    assert "sphinxthebibliography" not in tex
    chapter = tex.index(r"\chapter{References}")
    entries = tex.index(r"\begin{sphinxuseclass}{edition-bibliography}")
    assert chapter < entries < tex.index(r"\end{document}")
    assert tex.index("Braun, Aurel (ed.)") < tex.index("Zed, Zoe")
    # page numbers of the notes, through labels set inside the notes
    assert r"\label{\detokenize{chapter2:notecite-12}}" in tex
    assert r"\pageref*{\detokenize{chapter2:notecite-12}}" in tex


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="notes-bad", freshenv=True)
def test_bad_input_warns_and_keeps_the_note(app: Sphinx) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    for line, message in [
        (3, "unknown notecite key 'nosuchkey2020'"),
        (5, "malformed notecite target 'mead2001{p. 12'"),
        (7, "unknown notecite key 'nosuchkey1999'"),
        (9, "empty notecite"),
    ]:
        assert re.search(
            rf"index\.md:{line}: WARNING: {re.escape(message)}.*\[edition\.notecite\]", warnings
        ), message
    notes = html_notes(app.outdir / "index.html")
    assert notes[1] == "nosuchkey2020"
    assert notes[2] == "mead2001{p. 12"
    assert notes[3] == f"Walter Russell Mead, {MEAD} (New York: Knopf, 2001); nosuchkey1999, p. 3."
    assert "notecite" in notes[4]
    assert notes[5] == "Mead, Special Providence, p. 13."


def test_bad_input_fails_under_w(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes-bad", src)
    app = SphinxTestApp("html", srcdir=src, warningiserror=True)
    try:
        app.build()
        assert app.statuscode == 1
    finally:
        app.cleanup()


# -- incremental and parallel builds ------------------------------------------------------


def _build(src: Path, builder: str = "html", **kwargs: object) -> dict[str, int]:
    """Build *src*; return the modification times of its written pages."""
    app = SphinxTestApp(builder, srcdir=src, **kwargs)  # type: ignore[arg-type]
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
        return {p.name: p.stat().st_mtime_ns for p in Path(app.outdir).glob("*.html")}
    finally:
        app.cleanup()


def _pages(src: Path) -> dict[str, bytes]:
    out = src / "_build" / "html"
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.html"))}


def _fresh_pages(src: Path, tmp_path: Path, name: str) -> dict[str, bytes]:
    fresh = tmp_path / name
    shutil.copytree(src, fresh, ignore=shutil.ignore_patterns("_build"))
    _build(fresh)
    return _pages(fresh)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_incremental_add_move_remove(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes", src)
    first = _build(src)
    ch1, ch2 = src / "chapter1.md", src / "chapter2.md"

    # add a citation at the top of chapter 1: every later number and form moves
    _edit(ch1, "A first book.", "A new first note.{notecite}`graham2008`\nA first book.")
    second = _build(src)
    notes2 = html_notes(src / "_build" / "html" / "chapter2.html")
    assert notes2 == {
        13: "Legvold, ‘Managing the New Cold War’.",
        14: "Ibid., p. 80.",
    }
    ch1_notes = html_notes(src / "_build" / "html" / "chapter1.html")
    assert ch1_notes[10] == "Graham, US-Russia Relations."  # no longer the first citation
    assert ch1_notes[11] == "Ibid., p. 2."
    assert second["chapter2.html"] != first["chapter2.html"]
    assert second["references.html"] != first["references.html"]
    assert _pages(src) == _fresh_pages(src, tmp_path, "fresh-add")

    # move it to chapter 2
    _edit(ch1, "A new first note.{notecite}`graham2008`\n", "")
    _edit(ch2, "Top of a new page.", "Moved.{notecite}`graham2008`\nTop of a new page.")
    _build(src)
    assert _pages(src) == _fresh_pages(src, tmp_path, "fresh-move")
    assert html_notes(src / "_build" / "html" / "chapter2.html")[12] == (
        "Graham, US-Russia Relations."
    )

    # remove it: back to the original notes
    _edit(ch2, "Moved.{notecite}`graham2008`\n", "")
    _build(src)
    notes = html_notes(src / "_build" / "html" / "chapter1.html")
    notes.update(html_notes(src / "_build" / "html" / "chapter2.html"))
    _check_table(notes)
    assert _pages(src) == _fresh_pages(src, tmp_path, "fresh-remove")


def test_incremental_leaves_unaffected_pages_alone(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes", src)
    first = _build(src)
    # prose changes in chapter 1 change no note number or form anywhere
    _edit(src / "chapter1.md", "An article.", "An article, now with more words.")
    second = _build(src)
    assert second["chapter1.html"] != first["chapter1.html"]
    # (index.html is re-written by Sphinx itself: its toctree includes chapter 1)
    for page in ("chapter2.html", "references.html"):
        assert second[page] == first[page], page


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_parallel_equals_serial(tmp_path: Path, builder: str) -> None:
    outputs = []
    for jobs in (1, 2):
        src = tmp_path / f"j{jobs}"
        shutil.copytree(ROOTS / "test-notes-parallel", src)
        app = SphinxTestApp(builder, srcdir=src, parallel=jobs)
        try:
            app.build()
            assert "WARNING" not in app.warning.getvalue()
            suffix = "*.html" if builder == "html" else "*.tex"
            outputs.append({p.name: p.read_bytes() for p in sorted(Path(app.outdir).glob(suffix))})
        finally:
            app.cleanup()
    serial, parallel = outputs
    assert serial == parallel
    assert len(serial) >= (10 if builder == "html" else 1)
    joined = b"".join(serial.values()).decode("utf-8")
    assert "notecite-48" in joined  # 8 chapters x 6 notes, numbered through the book


def test_note_in_a_heading_stays_out_of_tables_of_contents(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes", src)
    _edit(src / "chapter2.md", "# Chapter two", "# Chapter two{notecite}`braun2008`")
    _build(src)
    out = src / "_build" / "html"
    notes = html_notes(out / "chapter2.html")
    assert notes[12] == f"Braun, {BRAUN}."
    assert sorted(notes) == [12, 13, 14]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "braun2008" not in index and "notecite-12" not in index


@pytest.mark.parametrize(
    ("builder", "page"),
    [
        ("singlehtml", "index.html"),
        ("dirhtml", "chapter2/index.html"),
        ("man", "notes.1"),
        ("texinfo", "notes.texi"),
    ],
)
def test_other_builders(tmp_path: Path, builder: str, page: str) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-notes", src)
    app = SphinxTestApp(builder, srcdir=src)
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue()
        text = (Path(app.outdir) / page).read_text(encoding="utf-8")
        assert "Ibid., p. 80" in text
        if builder != "dirhtml":
            assert "Cited in notes" in text
    finally:
        app.cleanup()

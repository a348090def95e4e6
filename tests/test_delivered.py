"""Delivered readings: checked input, the "As delivered" disclosure, the generated
interventions table and apparatus, on a small book and on the edition."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file
from sphinx_edition.apparatus import locator_decision
from sphinx_edition.oxford import rules
from sphinx_edition.readings import normalise, runs, same_reading

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# -- pure parts -----------------------------------------------------------------------------


def test_normalise_ignores_markup_quotes_dashes_and_spacing() -> None:
    assert (
        normalise("*Foreign Aff.*  93 (2014): 547-568 “x”") == "Foreign Aff. 93 (2014): 547-568 'x'"
    )
    assert same_reading("pp. 83–102.", "pp. 83-102")
    assert not same_reading("The great transition", "The Great Transition")


def test_runs_read_the_delivered_italics() -> None:
    assert runs("Mead. *Foreign Aff.* 93") == [
        ("text", "Mead. "),
        ("em", "Foreign Aff."),
        ("text", " 93"),
    ]


@pytest.mark.parametrize(
    ("delivered", "post", "pages", "text", "decision"),
    [
        ("69", "", "69--79", "", "first page 69 → the full range 69--79"),
        ("74", "p. 74", "74--84", "", "pinpoint: 74 → p. 74"),
        ("3", "p. 3", "", "", "pinpoint: 3 → p. 3"),
        ("547-568", "", "547--568", "", ""),
        ("313", "", "313", "", ""),
        ("11-", "", "11--18", "", "the note breaks off at ‘11-’ → the full range 11--18"),
        ("", "p. 80", "", "Ibid., p. 80.", ""),
        ("", "p. 80", "", "Ibid.", "locator p. 80 added"),
        ("", "", "1--9", "", ""),
    ],
)
def test_locator_decisions(delivered: str, post: str, pages: str, text: str, decision: str) -> None:
    assert locator_decision(delivered, post, pages, text) == decision


# -- a small book ---------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="editorial")
def test_notes_and_entries_show_their_delivered_form(app: Sphinx) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    delivered = json.loads((app.srcdir / "delivered-notes.json").read_text("utf-8"))
    shown = {}
    for doc in ("chapter1", "chapter2"):
        soup = BeautifulSoup((app.outdir / f"{doc}.html").read_text("utf-8"), "html.parser")
        for note in soup.select("aside.edition-note"):
            number = note["id"].removeprefix("notecite-")
            details = note.select_one("details.edition-delivered")
            if details is not None:
                assert details.summary.get_text() == "As delivered"
                shown[number] = details.p.get_text()
    # every note whose printed form differs shows the source's note, in full
    assert shown == {k: v["text"].replace("*", "") for k, v in delivered.items()}
    refs = BeautifulSoup((app.outdir / "references.html").read_text("utf-8"), "html.parser")
    texts = [d.p.get_text() for d in refs.select("details.edition-delivered")]
    assert any(t.startswith('Legvold, Robert. "What Moscow') for t in texts)


@pytest.mark.sphinx("epub", testroot="editorial")
def test_epub_note_has_a_line(app: Sphinx) -> None:
    app.build()
    page = (app.outdir / "chapter2.xhtml").read_text("utf-8")
    assert '<span class="edition-delivered-label">As delivered:</span> Ibid., p. 80.' in page
    assert "<details" not in page


@pytest.mark.sphinx("latex", testroot="editorial")
def test_latex_apparatus_gives_every_reading(app: Sphinx) -> None:
    app.build()
    tex = (app.outdir / "editorial.tex").read_text("utf-8")
    assert "The notes as delivered" in tex
    assert "The references as delivered" in tex
    assert r"first page 69 \(\rightarrow\) the full range 69" in tex
    # the notes themselves print the edition's form only: the apparatus gives the source's
    footnotes = re.findall(r"\\begin\{footnote\}.*?\\end\{footnote\}", tex, re.S)
    assert footnotes
    assert not any("Foreign Aff." in f for f in footnotes)


@pytest.mark.sphinx("html", testroot="editorial")
def test_interventions_in_text_order(app: Sphinx) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "about.html").read_text("utf-8"), "html.parser")
    rows = soup.select("table.edition-interventions tbody tr")
    groups = [r.get_text(" ", strip=True) for r in rows if "edition-group" in r["class"]]
    assert groups == ["Chapter one", "Chapter two", "References", "Works not in a bibliography"]
    # one row per note, editorial note or work, then a row for each further change of it
    firsts = [r for r in rows if not {"edition-group", "edition-continued"} & set(r["class"])]
    where = [r.td.get_text(" ", strip=True) for r in firsts]
    assert where == [
        "note 1",
        "E1",
        "note 2",
        "E2",
        "note 3",
        "E3",
        "Legvold 2014",
        "Mead 2014",
        "Garthoff 1994",
    ]
    links = [r.td.a["href"] for r in firsts[:2]]
    assert links[0].startswith("chapter1.html#") and links[1] == "chapter1.html#yeltsin-approval"
    garthoff = " ".join(r.get_text(" ", strip=True) for r in rows[rows.index(firsts[-1]) :])
    assert "year changed 2000 1994" in garthoff and "Evidence" in garthoff
    # the notes that differ only by their Oxford form are named once, in the rule
    rules = soup.select_one(".edition-interventions-apparatus > p").get_text(" ", strip=True)
    assert rules.endswith("by that alone: notes 4, 5.")


@pytest.mark.sphinx("html", testroot="delivered-bad")
def test_bad_delivered_notes_are_located(app: Sphinx) -> None:
    app.build()
    warnings = app.warning.getvalue()
    path = app.srcdir / "delivered-notes.json"
    assert re.search(
        rf"{path}:3: WARNING: delivered note 2 cites soros2003, but note 2 of the book "
        r"\(in index\) cites legvold2014",
        warnings,
    )
    assert re.search(rf"{path}:4: WARNING: delivered note 3: the book has 2 notes", warnings)
    assert warnings.count("[edition.delivered]") == 2


@pytest.mark.sphinx(
    "html", testroot="delivered-bad", confoverrides={"edition_delivered_notes": "bad.json"}
)
def test_bad_json_is_located(app: Sphinx) -> None:
    app.build()
    assert re.search(
        rf"{app.srcdir / 'bad.json'}:2: WARNING: delivered notes: bad JSON", app.warning.getvalue()
    )


@pytest.mark.sphinx(
    "html", testroot="delivered-bad", confoverrides={"edition_delivered_notes": "none.json"}
)
def test_missing_file_is_located(app: Sphinx) -> None:
    app.build()
    # at the line of conf.py that sets the value in force
    lines = (Path(app.confdir) / "conf.py").read_text(encoding="utf-8").splitlines()
    (line,) = [n for n, text in enumerate(lines, 1) if text.startswith("edition_delivered_notes")]
    assert re.search(
        rf"conf\.py:{line}: WARNING: edition_delivered_notes: no file .*none\.json",
        app.warning.getvalue(),
    )


# -- the edition ----------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """*text* for comparing with a PDF's text: no spacing, hyphens, quotes or markup."""
    text = text.replace("*", "").replace("…", "...")
    return re.sub(r"[\s\-‐–—'\"‘’“”`]", "", text)


def edition_readings() -> tuple[list[str], list[str]]:
    notes = json.loads((DOCS / "delivered-notes.json").read_text("utf-8"))
    bib = parse_file(str(ROOT / "refs.bib"))
    refs = [str(e.fields["x-delivered"]) for e in bib.entries.values() if "x-delivered" in e.fields]
    return [n["text"] for n in notes.values()], refs


def configured() -> None:
    if "edition_delivered_notes" not in (DOCS / "conf.py").read_text("utf-8"):
        pytest.skip("the edition does not set edition_delivered_notes yet")


def test_edition_readings_in_html(edition_html: Path) -> None:
    configured()
    pages = " ".join(
        BeautifulSoup(p.read_text("utf-8"), "html.parser").get_text(" ")
        for p in edition_html.glob("*.html")
    )
    text = squeeze(pages)
    notes, refs = edition_readings()
    missing = [t for t in notes + refs if squeeze(t) not in text]
    assert missing == []


def test_edition_readings_in_epub(edition_epub: Path) -> None:
    configured()
    pages = " ".join(
        BeautifulSoup(p.read_text("utf-8"), "html.parser").get_text(" ")
        for p in edition_epub.glob("*.xhtml")
    )
    text = squeeze(pages)
    notes, refs = edition_readings()
    assert [t for t in notes + refs if squeeze(t) not in text] == []


def test_edition_readings_in_pdf(edition_pdf: Path) -> None:
    configured()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", str(edition_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = squeeze(out)
    notes, refs = edition_readings()
    assert [t for t in notes + refs if squeeze(t) not in text] == []


def test_edition_every_locator_kept_or_recorded(edition_html: Path) -> None:
    configured()
    notes = json.loads((DOCS / "delivered-notes.json").read_text("utf-8"))
    soup = BeautifulSoup((edition_html / "about.html").read_text("utf-8"), "html.parser")
    recorded = {}
    for row in soup.select("table.edition-interventions tbody tr"):
        where = row.td.get_text(" ", strip=True)
        if where.startswith("note "):
            recorded[int(where.split()[1])] = row.select("td")[1].get_text(" ", strip=True)
    printed = {}
    for page in edition_html.glob("*.html"):
        for note in BeautifulSoup(page.read_text("utf-8"), "html.parser").select(
            "aside.edition-note"
        ):
            para = note.find("p")
            printed[int(note["id"].removeprefix("notecite-"))] = para.get_text(" ") if para else ""
    for number, note in notes.items():
        locator = note["locator"]
        if not locator:
            continue
        # a range is printed as NHR shortens it: "547-568" as "547–68"
        shortened = rules.page_range(locator)
        kept = any(
            squeeze(f) in squeeze(printed.get(int(number), "")) for f in (locator, shortened)
        )
        assert kept or squeeze(locator) in squeeze(recorded.get(int(number), "")), (number, locator)

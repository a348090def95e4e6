"""The PDF read back: bookmarks for every chapter and section, document information,
fonts embedded, links that lead somewhere and page references that were resolved."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import Destination

CHAPTERS = ("introduction", "first-decade", "putin-bush", "obama", "conclusion")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _outline(items: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    flat: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, list):
            flat += _outline(item, depth + 1)
        else:
            flat.append((depth, str(item.title)))
    return flat


@pytest.fixture(scope="module")
def reader(edition_pdf: Path) -> PdfReader:
    return PdfReader(edition_pdf)


def test_bookmarks_for_every_chapter_and_section(reader: PdfReader, edition_html: Path) -> None:
    outline = _outline(reader.outline)
    titles = [_norm(title) for _, title in outline]
    for chapter in CHAPTERS:
        soup = BeautifulSoup((edition_html / f"{chapter}.html").read_text("utf-8"), "lxml")
        for link in soup.select("a.headerlink"):
            link.extract()
        headings = soup.select("article section > h1, article section > h2")
        assert headings, chapter
        for heading in headings:
            if heading.get_text() == "Notes":
                continue  # the HTML's list of notes; the PDF's notes are at the foot of pages
            assert _norm(heading.get_text()) in titles, heading.get_text()
    # Sections are nested under their chapters.
    depths = dict((_norm(t), d) for d, t in outline)
    assert depths[_norm("Introduction")] == 0
    assert depths[_norm("The first complications")] == 1


def test_document_information(reader: PdfReader) -> None:
    info = reader.metadata
    assert info is not None
    assert "Dynamics of US" in str(info.title)
    assert "Russia Relations" in str(info.title)
    assert str(info.subject) == "International Relations; History"
    keywords = str(info.get("/Keywords"))
    assert "Russia" in keywords
    assert "NATO enlargement" in keywords
    assert str(info.author) == "The edition team"
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font of the PDF → whether its glyphs are embedded."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None or "/Font" not in resources:
            continue
        for ref in resources["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font.get("/BaseFont"))] = embedded
    return found


def test_every_font_is_embedded(reader: PdfReader, edition_pdf: Path) -> None:
    fonts = _fonts(reader)
    assert fonts
    assert [name for name, embedded in fonts.items() if not embedded] == []
    if shutil.which("pdffonts"):
        table = subprocess.run(
            ["pdffonts", str(edition_pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert table
        # Columns: name, type, encoding, emb, sub, uni, object, id (the type may have spaces).
        assert all(line.split()[-5] == "yes" for line in table), table


def test_links_lead_somewhere(reader: PdfReader) -> None:
    named = reader.named_destinations
    internal = external = 0
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            dest = annotation.get("/Dest")
            if action is not None and action.get("/S") == "/URI":
                external += 1
                continue
            if action is not None and action.get("/S") == "/GoTo":
                dest = action.get("/D")
            assert dest is not None, annotation
            if not isinstance(dest, Destination) and not isinstance(dest, list):
                assert str(dest) in named, dest
            internal += 1
    # Note marks link to their notes, the table of contents to the chapters.
    assert internal >= 69
    print(f"pdf links: {internal} internal, {external} external")


def test_page_references_are_resolved(reader: PdfReader) -> None:
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "??" not in text


# -- The PDF as a book ------------------------------------------------------------------------

TEX_LOG = "dynamics-of-us-russia-relations.log"
BACK_MATTER = ("References", "About this edition", "Timeline", "Themes")
FOLIO = re.compile(r"^(\d+|[ivxlc]+)\s+|\s+(\d+|[ivxlc]+)$")


@pytest.fixture(scope="module")
def pages(edition_pdf: Path, reader: PdfReader) -> list[str]:
    """The text of every page, as pdftotext reads it (layout kept: one line per line)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    texts = []
    for number in range(1, len(reader.pages) + 1):
        texts.append(
            subprocess.run(
                [
                    "pdftotext",
                    "-layout",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    str(edition_pdf),
                    "-",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    return texts


def _chapters(reader: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks (chapters) and the index of the page each opens on."""
    return [
        (str(item.title), reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]


def overfull_lines(log: str, limit: float = 1.0) -> list[str]:
    """The overfull \\hbox messages of a LaTeX log over *limit* points."""
    return [
        match.group(0)
        for match in re.finditer(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)[^\n]*", log)
        if float(match.group(1)) > limit
    ]


def test_overfull_lines_are_found() -> None:
    log = (
        "Overfull \\hbox (0.83pt too wide) in paragraph at lines 1--2\n"
        "Overfull \\hbox (81.2pt too wide) detected at line 3081\n"
    )
    assert overfull_lines(log) == ["Overfull \\hbox (81.2pt too wide) detected at line 3081"]


def test_no_overfull_line(edition_pdf: Path) -> None:
    log = (edition_pdf.parent / TEX_LOG).read_text("utf-8", errors="replace")
    underfull = len(re.findall(r"^Underfull \\[hv]box", log, re.MULTILINE))
    print(f"pdf: {len(overfull_lines(log, 0))} overfull lines, {underfull} underfull boxes")
    assert overfull_lines(log) == []


def running_head_only(text: str, heads: set[str]) -> bool:
    """Whether a page's text is nothing but a running head or foot (a title and a folio)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(_norm(FOLIO.sub("", line)) in heads for line in lines)


def test_a_head_only_page_is_found() -> None:
    heads = {_norm("Dynamics of US–Russia Relations"), _norm("Themes"), ""}
    assert running_head_only("36    Dynamics of US–Russia Relations\n\n\f", heads)
    assert running_head_only("   Themes   37\n", heads)
    assert not running_head_only("", heads)
    assert not running_head_only("36  Dynamics of US–Russia Relations\nThe text goes on.\n", heads)


def test_no_page_is_only_a_running_head(pages: list[str], reader: PdfReader) -> None:
    heads = {_norm("Dynamics of US–Russia Relations"), ""}
    heads |= {_norm(title) for title, _page in _chapters(reader)}
    found = [number for number, text in enumerate(pages, 1) if running_head_only(text, heads)]
    assert found == [], f"pages with only a running head or foot: {found}"


def test_title_page_and_imprint(pages: list[str]) -> None:
    title, imprint = pages[0], pages[1]
    assert "US–Russia" in title
    assert "1991–2012" in title
    for text in (title, imprint):
        assert "--" not in text
    # The imprint says what the edition is, its principles, licence, version, how to cite.
    flat = " ".join(imprint.split())
    for words in ("digital edition", "Every word of the review is kept", "MIT License"):
        assert words in flat, words
    assert re.search(r"Version \d+\.\d+, \d+ \w+ \d{4}", flat), flat
    assert "Cite as:" in flat
    assert _norm(pages[2]).startswith("contents"), pages[2][:200]
    assert "The review" not in pages[2]


def test_no_author_documentation(pages: list[str]) -> None:
    text = "\n".join(pages)
    for api in ("classmethod", "__init__", "sphinx_edition", "Extending", "EditionDomain"):
        assert api not in text, api


def test_chapters_one_to_five_are_the_review(
    pages: list[str], reader: PdfReader, edition_html: Path
) -> None:
    expected = []
    for chapter in CHAPTERS:
        soup = BeautifulSoup((edition_html / f"{chapter}.html").read_text("utf-8"), "lxml")
        for link in soup.select("a.headerlink"):
            link.extract()
        expected.append(_norm(soup.select_one("article h1").get_text()))
    chapters = _chapters(reader)
    assert [_norm(title) for title, _ in chapters[:5]] == expected
    assert [title for title, _ in chapters[5:9]] == list(BACK_MATTER)
    # The contents page numbers the review's chapters 1 to 5, and the back matter not at all.
    contents = " ".join(pages[2].split())
    for number, (title, _page) in enumerate(chapters[:5], 1):
        words = _norm(title).split()[:3]
        assert re.search(rf"\b{number} {' '.join(words)}", _norm(contents)), (number, title)
        assert f"Chapter {number}" in pages[chapters[number - 1][1]]
    for title in BACK_MATTER:
        line = next(line for line in pages[2].splitlines() if f" {title} " in f" {line} ")
        assert not re.match(rf"\s*[\dA-Z][.\d]*\s+{title}", line), line
        page = chapters[[t for t, _ in chapters].index(title)][1]
        assert "Chapter" not in pages[page].split(title)[0], title
    review = chapters[5][1] - chapters[0][1]
    print(f"pdf: {len(pages)} pages, the review's five chapters {review}")
    assert 10 <= review <= 25, review

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
